"""The Deals page: every deal of every pipeline in one sortable, filterable table."""
from __future__ import annotations

from models.changes import Changes
from models.queries.tables import DealRow, deal_rows

from .record_model import Column
from .record_page import RecordPage, value_of


class DealsPage(RecordPage):
    kind = "deal"

    def columns(self) -> list[Column]:
        lang = self.ctx.language
        status = {"open": self.tr("Open"), "won": self.tr("Won"), "lost": self.tr("Lost")}
        return [
            Column(self.tr("Deal"), value_of("name")),
            Column(self.tr("Company"), value_of("company")),
            Column(self.tr("Stage"), lambda r: r.stage_ru if lang == "ru" else r.stage_en),
            Column(self.tr("Status"), lambda r: status.get(r.status, r.status)),
            Column(self.tr("Amount"), value_of("amount"), align_right=True),
            Column(self.tr("Owner"), value_of("owner")),
            Column(self.tr("Source"), value_of("source")),
            Column(self.tr("Segment"), value_of("segment")),
            Column(self.tr("Cohort"), value_of("cohort")),
            Column(self.tr("Created"), value_of("created_at")),
            Column(self.tr("Expected close"), value_of("expected_close")),
            Column(self.tr("Closed"), value_of("closed_at")),
            Column(self.tr("Lost reason"), value_of("lost_reason")),
        ]

    def load(self) -> list[DealRow]:
        return self.ctx.query(deal_rows)

    def wants_reload(self, changes: Changes) -> bool:
        return bool(changes.deals or changes.companies or changes.users or changes.funnel)
