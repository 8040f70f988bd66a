"""The Contacts page."""
from __future__ import annotations

from models.changes import Changes
from models.queries.tables import ContactRow, contact_rows

from .record_model import Column
from .record_page import RecordPage, value_of


class ContactsPage(RecordPage):
    kind = "contact"

    def columns(self) -> list[Column]:
        types = {
            "decision_maker": self.tr("Decision maker"), "influencer": self.tr("Influencer"),
            "champion": self.tr("Champion"), "other": self.tr("Other"),
        }
        return [
            Column(self.tr("Name"), value_of("full_name")),
            Column(self.tr("Company"), value_of("company")),
            Column(self.tr("Position"), value_of("position")),
            Column(self.tr("Type"), lambda r: types.get(r.contact_type or "", r.contact_type)),
            Column(self.tr("E-mail"), value_of("email")),
            Column(self.tr("Phone"), value_of("phone")),
        ]

    def load(self) -> list[ContactRow]:
        return self.ctx.query(contact_rows)

    def wants_reload(self, changes: Changes) -> bool:
        return bool(changes.contacts or changes.companies)
