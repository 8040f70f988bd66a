"""The Contacts page."""
from __future__ import annotations

from typing import TYPE_CHECKING

from functools import lru_cache


from voronka.models.changes import Changes
from voronka.models.fields.phone import display_phone
from voronka.models.queries.table_search import TableSort
from voronka.models.queries.tables import ContactRow, contact_rows

from .record_model import Column
from .record_page import RecordPage, value_of

if TYPE_CHECKING:  # the session the executor hands in, as a type only
    from sqlalchemy.orm import Session


@lru_cache(maxsize=65536)
def _shown_phone(e164: str | None) -> str | None:
    """The phone as the card shows it (+7 916 123-45-67); parsed once per number."""
    return display_phone(e164) if e164 else e164


class ContactsPage(RecordPage):
    kind = "contact"
    filter_fields = ("contact_type", "created")
    default_sort = TableSort("full_name")

    def columns(self) -> list[Column]:
        types = {
            "decision_maker": self.tr("Decision maker"), "influencer": self.tr("Influencer"),
            "champion": self.tr("Champion"), "other": self.tr("Other"),
        }
        return [
            Column(self.tr("Name"), value_of("full_name"), key="full_name"),
            Column(self.tr("Company"), value_of("company"), key="company"),
            Column(self.tr("Position"), value_of("position"), key="position"),
            Column(self.tr("Type"), lambda r: types.get(r.contact_type or "", r.contact_type), key="contact_type"),
            Column(self.tr("E-mail"), value_of("email"), key="email"),
            Column(self.tr("Phone"), lambda r: _shown_phone(r.phone), key="phone"),
        ]

    def row_actions(self, row: ContactRow) -> list:
        """Call the contact or write to them (tel: / mailto: in the system's programs)."""
        from ..contact_links import contact_url, open_contact_link

        actions = []
        if contact_url("phone", row.phone) is not None:
            actions.append((self.tr("Call %1").replace("%1", _shown_phone(row.phone) or ""), "phone",
                            lambda: open_contact_link("phone", row.phone)))
        if contact_url("email", row.email) is not None:
            actions.append((self.tr("Write to %1").replace("%1", row.email), "email",
                            lambda: open_contact_link("email", row.email)))
        return actions

    def empty_purpose(self) -> str:
        return self.tr("The people you talk to at your clients, with their phones and "
                       "e-mails. Contacts come with your deals or with an import.")

    @staticmethod
    def fetch_rows(session: Session, ids: list[int]) -> list[ContactRow]:
        return contact_rows(session, ids=ids)

    def wants_reload(self, changes: Changes) -> bool:
        return bool(changes.contacts or changes.companies)

    def changed_ids(self, changes: Changes) -> set[int] | None:
        return set(changes.contacts) if not changes.companies else None
