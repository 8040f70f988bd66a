"""The Companies page."""
from __future__ import annotations

from models.changes import Changes
from models.queries.tables import CompanyRow, company_rows

from .record_model import Column
from .record_page import RecordPage, value_of


class CompaniesPage(RecordPage):
    kind = "company"

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Company"), value_of("name")),
            Column(self.tr("Website"), value_of("website")),
            Column(self.tr("INN"), value_of("inn")),
            Column(self.tr("Industry"), value_of("industry")),
            Column(self.tr("Region"), value_of("region")),
            Column(self.tr("Segment"), value_of("segment")),
            Column(self.tr("Source"), value_of("source")),
            Column(self.tr("Deals"), value_of("deals"), align_right=True),
            Column(self.tr("Open deals"), value_of("open_deals"), align_right=True),
        ]

    def load(self) -> list[CompanyRow]:
        return self.ctx.query(company_rows)

    def wants_reload(self, changes: Changes) -> bool:
        return bool(changes.companies or changes.deals)
