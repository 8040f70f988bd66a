"""The Deals page: every deal of every pipeline in one table, sorted and filtered in SQL."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton, QWidget

from voronka.metrics.formatting import money
from voronka.models.changes import Changes
from voronka.models.queries.table_search import TableSort
from voronka.models.queries.tables import DealRow, deal_rows

from .record_model import Column
from .record_page import RecordPage, value_of

if TYPE_CHECKING:  # the session the executor hands in, as a type only
    from sqlalchemy.orm import Session


class DealsPage(RecordPage):
    kind = "deal"
    filter_fields = ("status", "owner_id", "stage_id", "source", "segment", "created", "amount")
    default_sort = TableSort("name")

    def columns(self) -> list[Column]:
        lang = self.ctx.language
        status = {"open": self.tr("Open"), "won": self.tr("Won"), "lost": self.tr("Lost")}
        return [
            Column(self.tr("Deal"), value_of("name"), key="name"),
            Column(self.tr("Company"), value_of("company"), key="company"),
            Column(self.tr("Stage"), lambda r: r.stage_ru if lang == "ru" else r.stage_en, key="stage"),
            Column(self.tr("Status"), lambda r: status.get(r.status, r.status), key="status"),
            Column(self.tr("Amount"), value_of("amount"), align_right=True, key="amount",
                   text=lambda r: "" if r.amount is None else money(r.amount, r.currency, lang)),
            Column(self.tr("Owner"), value_of("owner"), key="owner"),
            Column(self.tr("Source"), value_of("source"), key="source"),
            Column(self.tr("Segment"), value_of("segment"), key="segment"),
            Column(self.tr("Cohort"), value_of("cohort"), key="cohort"),
            Column(self.tr("Created"), value_of("created_at"), key="created_at"),
            Column(self.tr("Expected close"), value_of("expected_close"), key="expected_close"),
            Column(self.tr("Closed"), value_of("closed_at"), key="closed_at"),
            Column(self.tr("Lost reason"), value_of("lost_reason"), key="lost_reason"),
        ]

    def new_button(self) -> QWidget:
        button = QPushButton(self.tr("New deal…"), self)
        button.setToolTip(self.tr("A new deal in the first stage of the sales pipeline"))
        button.clicked.connect(self.create_deal)
        return button

    def create_deal(self) -> int | None:
        """Quick-create a deal (as on the board's first column) and open its card."""
        from ..quick_create import quick_create_deal

        deal_id = quick_create_deal(self.ctx, self, "sales")
        if deal_id is not None:
            self.ctx.open_record.emit("deal", deal_id)
        return deal_id

    def empty_purpose(self) -> str:
        return self.tr("Every deal of every pipeline in one table: search, filter, sort and export them. "
                       "Add your first deal, or bring your deals in from Excel or another CRM.")

    @staticmethod
    def fetch_rows(session: Session, ids: list[int]) -> list[DealRow]:
        return deal_rows(session, ids=ids)

    def wants_reload(self, changes: Changes) -> bool:
        return bool(changes.deals or changes.companies or changes.users or changes.funnel)

    def changed_ids(self, changes: Changes) -> set[int] | None:
        # a company's or a user's new name shows on many deals; a deal's change on its own row
        return None if (changes.companies or changes.users or changes.funnel) else set(changes.deals)
