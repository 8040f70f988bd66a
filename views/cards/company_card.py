"""The company card: Main, Size, Source and segment, custom blocks; its people and deals beside."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QPushButton, QSplitter, QWidget
from PySide6.QtCore import Qt

from voronka.models.changes import Changes
from voronka.models.errors import VoronkaError
from voronka.models.queries.cards import CardData, company_card, company_choices
from voronka.models.services.companies import (
    create_company,
    delete_company,
    find_company_duplicates,
    run_merge_companies,
    undo_merge_companies,
    update_company,
)
from voronka.models.services.deals import create_deal

from ..errors import show_error
from ..undo import push_creation
from .lists import deal_list, people_list
from .record_card import RecordCard


class CompanyCard(RecordCard):
    kind = "company"

    def build_side(self) -> QWidget:
        side = QSplitter(Qt.Orientation.Vertical, self)
        self.people = people_list(self.ctx, self, self.tr("Add person"))
        self.deals = deal_list(self.ctx, self, self.tr("New deal"))
        self.people.add_button.clicked.connect(self.add_person)
        self.deals.add_button.clicked.connect(self.new_deal)
        side.addWidget(self.people)
        side.addWidget(self.deals)
        self.merge_button = QPushButton(self.tr("Merge with…"), self)
        self.merge_button.setToolTip(self.tr("This company is in the list twice: merge the other record into this one"))
        self.merge_button.clicked.connect(self.ask_merge)
        self.header_actions.addWidget(self.merge_button)
        return side

    def fetch(self):
        company_id = self.record_id
        return lambda session: company_card(session, company_id)

    def title_text(self, data: CardData) -> str:
        return data.values.get("name") or self.tr("New company")

    def kind_text(self, data: CardData) -> str:
        return self.tr("Company")

    def refresh_side(self, data: CardData, side: Any) -> None:
        self.people.set_rows(getattr(data, "people", []))
        self.deals.set_rows(getattr(data, "deals", []))
        exists = self.record_id is not None
        for widget in (self.people.add_button, self.deals.add_button, self.merge_button):
            widget.setEnabled(exists)

    def suggestion_keys(self) -> tuple[str, ...]:
        return ("industry", "region", "source", "segment")

    def concerns(self, changes: Changes) -> bool:
        return (changes.fields or self.record_id in changes.companies
                or bool(changes.deals & self.deals.ids()) or bool(changes.contacts & self.people.ids()))

    def create_service(self) -> Callable[..., Changes]:
        return create_company

    def update_service(self) -> Callable[..., Changes]:
        return update_company

    def delete_service(self) -> Callable[..., Changes]:
        return delete_company

    def duplicate_keys(self) -> tuple[str, ...]:
        return ("website", "inn")

    def find_duplicates(self, values: dict[str, Any]) -> list:
        current = self.data.values if self.data else {}
        website = values.get("website", current.get("website"))
        inn = values.get("inn", current.get("inn"))
        return self.ctx.query(find_company_duplicates, website=website, inn=inn, exclude_id=self.record_id)

    def merge_services(self):
        return run_merge_companies, undo_merge_companies

    def merge_choices(self) -> list[tuple[int, str]]:
        return [(c.id, f"{c.text} ({c.hint})" if c.hint else c.text) for c in self.ctx.query(company_choices)]

    # --- actions -------------------------------------------------------------------------------
    def add_person(self) -> None:
        from . import new_card

        new_card(self.ctx, "contact", self.window(), company=self.record_id)

    def new_deal(self) -> None:
        """A deal for this company, named by the convention, owned by me, at the first stage."""
        if self.data is None or not self.maybe_save():
            return
        ctx = self.ctx  # the undo command outlives this card
        values = dict(user_id=ctx.user_id, company_id=self.record_id, currency=self.data.currency)
        try:
            changes = push_creation(ctx, self.tr("Create a deal"), lambda: ctx.run(create_deal, **values))
        except VoronkaError as exc:
            show_error(self, exc)
            return
        self.ctx.open_record.emit("deal", changes.created[0])
