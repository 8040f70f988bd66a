"""The Companies page."""
from __future__ import annotations

from typing import TYPE_CHECKING


from voronka.models.changes import Changes
from voronka.models.queries.table_search import TableSort
from voronka.models.queries.tables import CompanyRow, company_rows

from .record_model import Column
from .record_page import RecordPage, value_of

if TYPE_CHECKING:  # the session the executor hands in, as a type only
    from sqlalchemy.orm import Session


class CompaniesPage(RecordPage):
    kind = "company"
    filter_fields = ("source", "segment", "created")
    default_sort = TableSort("name")

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Company"), value_of("name"), key="name"),
            Column(self.tr("Website"), value_of("website"), key="website"),
            Column(self.tr("INN"), value_of("inn"), key="inn"),
            Column(self.tr("Industry"), value_of("industry"), key="industry"),
            Column(self.tr("Region"), value_of("region"), key="region"),
            Column(self.tr("Segment"), value_of("segment"), key="segment"),
            Column(self.tr("Source"), value_of("source"), key="source"),
            Column(self.tr("Deals"), value_of("deals"), align_right=True, key="deals"),
            Column(self.tr("Open deals"), value_of("open_deals"), align_right=True, key="open_deals"),
        ]

    def empty_purpose(self) -> str:
        return self.tr("The companies you sell to, with their websites, INN and deals. A company "
                       "is added here when you create a deal for it or import your data.")

    @staticmethod
    def fetch_rows(session: Session, ids: list[int]) -> list[CompanyRow]:
        return company_rows(session, ids=ids)

    def wants_reload(self, changes: Changes) -> bool:
        return bool(changes.companies or changes.deals)

    def changed_ids(self, changes: Changes) -> set[int] | None:
        # a deal's change moves its company's counts, and which company that is needs a read
        return set(changes.companies) if not changes.deals else None
