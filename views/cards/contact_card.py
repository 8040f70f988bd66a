"""The contact card: Person (ЛПР/ЛВР/Champion), Channels, Personal, custom blocks; their deals beside."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSplitter, QWidget

from voronka.models.changes import Changes
from voronka.models.queries.cards import CardData, contact_activities, contact_card
from voronka.models.services.contacts import (
    create_contact,
    delete_contact,
    find_contact_duplicates,
    run_merge_contacts,
    undo_merge_contacts,
    update_contact,
)

from .lists import activity_list, deal_list
from .record_card import RecordCard

EMAIL_KEYS = ("email_work", "email_personal")
PHONE_KEYS = ("phone_work", "phone_personal")


class ContactCard(RecordCard):
    kind = "contact"

    def build_side(self) -> QWidget:
        side = QSplitter(Qt.Orientation.Vertical, self)
        self.deals = deal_list(self.ctx, self)
        self.actions = activity_list(self.ctx, self)
        side.addWidget(self.deals)
        side.addWidget(self.actions)
        side.setStretchFactor(1, 2)
        self.merge_button = QPushButton(self.tr("Merge with…"), self)
        self.merge_button.setToolTip(self.tr("This person is in the list twice: merge the other record into this one"))
        self.merge_button.clicked.connect(self.ask_merge)
        self.company_button = QPushButton(self)
        self.company_button.setFlat(True)
        self.company_button.setStyleSheet("text-align: left; color: palette(link);")
        self.company_button.clicked.connect(self._open_company)
        self.info_line.addWidget(self.company_button)
        self.info_line.addStretch(1)
        self.header_actions.addWidget(self.merge_button)
        from ..importing.vcard import export_button_text, export_button_tip

        self.vcard_button = QPushButton(export_button_text(), self)
        self.vcard_button.setToolTip(export_button_tip())
        self.vcard_button.clicked.connect(self.export_vcard)
        self.header_actions.addWidget(self.vcard_button)
        return side

    def export_vcard(self) -> None:
        from ..importing.vcard import export_contacts_dialog

        if self.record_id is not None:
            name = (self.data.values.get("full_name") if self.data else None) or "contact"
            export_contacts_dialog(self.ctx, self, [self.record_id], name)

    def fetch(self):
        contact_id = self.record_id
        return lambda session: contact_card(session, contact_id)

    def fetch_side(self):
        contact_id = self.record_id
        return lambda session, _data: contact_activities(session, contact_id)

    def title_text(self, data: CardData) -> str:
        return data.values.get("full_name") or self.tr("New person")

    def kind_text(self, data: CardData) -> str:
        return self.tr("Contact")

    def refresh_side(self, data: CardData, side: Any) -> None:
        self.deals.set_rows(getattr(data, "deals", []))
        self.actions.set_rows(side or [])
        self.actions.table.setColumnWidth(5, 300)
        self.merge_button.setEnabled(self.record_id is not None)
        self.vcard_button.setEnabled(self.record_id is not None)
        name = getattr(data, "company_name", None)
        self.company_button.setText(self.tr("Company: %1").replace("%1", name) if name else "")
        self.company_button.setVisible(bool(name))

    def _open_company(self) -> None:
        company_id = self.data.values.get("company") if self.data else None
        if company_id:
            self.ctx.open_record.emit("company", int(company_id))

    def suggestion_keys(self) -> tuple[str, ...]:
        return ("position",)

    def concerns(self, changes: Changes) -> bool:
        return (changes.fields or self.record_id in changes.contacts or bool(changes.deals & self.deals.ids())
                or bool(changes.activities))

    def create_service(self) -> Callable[..., Changes]:
        return create_contact

    def update_service(self) -> Callable[..., Changes]:
        return update_contact

    def delete_service(self) -> Callable[..., Changes]:
        return delete_contact

    def duplicate_keys(self) -> tuple[str, ...]:
        return EMAIL_KEYS + PHONE_KEYS

    def find_duplicates(self, values: dict[str, Any]) -> list:
        current = self.data.values if self.data else {}
        emails = [values.get(k, current.get(k)) for k in EMAIL_KEYS]
        phones = [values.get(k, current.get(k)) for k in PHONE_KEYS]
        return self.ctx.query(find_contact_duplicates, emails=emails, phones=phones, exclude_id=self.record_id)

    def merge_services(self):
        return run_merge_contacts, undo_merge_contacts

    def merge_choices(self) -> list[tuple[int, str]]:
        from voronka.models.queries.tables import contact_rows

        return [(r.id, f"{r.full_name} ({r.company})" if r.company else r.full_name)
                for r in self.ctx.query(contact_rows)]
