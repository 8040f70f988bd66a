"""Phones open tel: and e-mails mailto: from cards and the Contacts table; the URL is built from
the value through QUrl, so user text cannot add headers or recipients."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QDesktopServices

from card_helpers import app_context, discard_unsaved_edits, settled
from voronka.models.services.contacts import create_contact
from voronka.views.cards import open_card
from voronka.views.contact_links import email_url, phone_url


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch):
    discard_unsaved_edits(monkeypatch)


@pytest.fixture
def opened(monkeypatch):
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toString()) or True)
    return urls


def test_urls_are_built_from_the_normalised_value():
    assert phone_url("8 (916) 123-45-67").toString() == "tel:+79161234567"
    assert email_url("Ivan@Acme.ru").toString() in ("mailto:ivan@acme.ru", "mailto:Ivan@acme.ru")
    assert phone_url("call me") is None and email_url("not an address") is None
    assert email_url("ivan@acme.ru?subject=hi&cc=boss@acme.ru") is None
    assert email_url("a@b.ru, c@d.ru") is None


def test_the_contact_card_calls_and_writes(db, tmp_path, qtbot, opened):
    ctx = app_context(db, tmp_path, 1)
    pid = db.run(create_contact, {"full_name": "Ivan Petrov", "phone_work": "+7 916 123-45-67",
                                  "email_work": "ivan@acme.ru"}).created[0]
    card = open_card(ctx, "contact", pid)
    qtbot.addWidget(card.window())
    settled(qtbot, card)
    phone, email = card.editor("phone_work"), card.editor("email_work")
    assert phone.link_button.isEnabled() and "Call" in phone.link_button.toolTip()
    phone.link_button.click()
    email.link_button.click()
    assert opened == ["tel:+79161234567", "mailto:ivan@acme.ru"]
    email.line.setText("ivan@")
    assert not email.link_button.isEnabled()


def test_the_contacts_table_offers_call_and_write_in_the_row_menu(db, tmp_path, qtbot, opened):
    from voronka.views.tables.contacts import ContactsPage

    ctx = app_context(db, tmp_path, 1)
    db.run(create_contact, {"full_name": "Ivan Petrov", "phone_work": "+7 916 123-45-67", "email_work": "ivan@acme.ru"})
    page = ContactsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.cached(0) and ctx.executor.idle())
    menu = page.row_menu(page.model.index(0, 0))
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[0] == "Open card" and any(t.startswith("Call +7 916") for t in texts)
    next(a for a in menu.actions() if a.text().startswith("Write to")).trigger()
    assert opened == ["mailto:ivan@acme.ru"]
    assert page.row_menu(QModelIndex()) is None
