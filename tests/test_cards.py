"""Cards: typed fields refuse bad input with reasons, save normalised values, log actions from the keyboard."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from card_helpers import app_context, discard_unsaved_edits, settled
from voronka.models.orm import Activity, Company, Contact, Deal
from voronka.models.services.companies import create_company
from voronka.models.services.contacts import create_contact
from voronka.models.services.deals import create_deal
from voronka.views.cards import open_card


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch):
    discard_unsaved_edits(monkeypatch)


@pytest.fixture
def ctx(db, tmp_path):
    return app_context(db, tmp_path, 1)


def card_of(ctx, qtbot, kind, record_id):
    card = open_card(ctx, kind, record_id)
    qtbot.addWidget(card.window())
    return settled(qtbot, card)


def type_into(qtbot, card, key, text):
    line = card.editor(key).line
    line.clear()
    qtbot.keyClicks(line, text)
    line.editingFinished.emit()


def test_invalid_inn_is_refused_with_the_reason_and_nothing_is_saved(ctx, qtbot):
    cid = ctx.db.run(create_company, {"name": "Acme"}).created[0]
    card = card_of(ctx, qtbot, "company", cid)
    type_into(qtbot, card, "industry", "Retail")
    type_into(qtbot, card, "inn", "7707083894")
    assert "check digits" in card.form.problems()["inn"]
    assert card.save() is False
    with ctx.db.session() as s:
        company = s.get(Company, cid)
        assert company.inn is None and company.industry is None
    assert "check digits" in card.form.problems()["inn"]


def test_invalid_email_and_phone_each_say_why_and_nothing_is_saved(ctx, qtbot):
    pid = ctx.db.run(create_contact, {"full_name": "Ivan Petrov"}).created[0]
    card = card_of(ctx, qtbot, "contact", pid)
    type_into(qtbot, card, "email_work", "ivan@acme")
    type_into(qtbot, card, "phone_work", "8 916 12")
    type_into(qtbot, card, "position", "CEO")
    qtbot.keyClick(card, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    problems = card.form.problems()
    assert set(problems) == {"email_work", "phone_work"}
    assert "e-mail" in problems["email_work"] and "number" in problems["phone_work"]
    with ctx.db.session() as s:
        contact = s.get(Contact, pid)
        assert (contact.email_work, contact.phone_work, contact.position) == (None, None, None)


def test_valid_input_is_saved_normalised_and_undo_restores_it(ctx, qtbot):
    cid = ctx.db.run(create_company, {"name": "Acme"}).created[0]
    card = card_of(ctx, qtbot, "company", cid)
    type_into(qtbot, card, "inn", "7707 083 893")
    type_into(qtbot, card, "website", "https://www.ACME.ru/contacts")
    type_into(qtbot, card, "revenue", "12 500 000,50")
    assert card.form.problems() == {}
    assert card.save() is True
    with ctx.db.session() as s:
        company = s.get(Company, cid)
        assert (company.inn, company.website, company.revenue_minor) == ("7707083893", "acme.ru", 1_250_000_050)
    assert not card.is_dirty()  # saved: nothing unsaved while the fresh record loads
    assert settled(qtbot, card).editor("website").line.text() == "acme.ru"
    ctx.undo_stack.undo()
    with ctx.db.session() as s:
        assert s.get(Company, cid).website is None
    assert settled(qtbot, card).editor("website").line.text() == ""


def test_contact_phone_is_saved_in_e164(ctx, qtbot):
    pid = ctx.db.run(create_contact, {"full_name": "Ivan"}).created[0]
    card = card_of(ctx, qtbot, "contact", pid)
    type_into(qtbot, card, "phone_work", "8 (916) 123-45-67")
    type_into(qtbot, card, "email_work", "Ivan@ACME.ru")
    assert card.save()
    with ctx.db.session() as s:
        contact = s.get(Contact, pid)
        assert (contact.phone_work, contact.email_work) == ("+79161234567", "ivan@acme.ru")


def test_logging_a_call_from_the_card_with_the_keyboard_adds_one_activity(ctx, qtbot):
    deal_id = ctx.db.run(create_deal, name="Pilot", user_id=1).created[0]
    card = card_of(ctx, qtbot, "deal", deal_id)
    card.window().show()
    card.window().activateWindow()
    qtbot.waitUntil(lambda: card.window().isActiveWindow())
    card.activity.choose("note", focus=False)
    somewhere = card.editor("source").line
    somewhere.setFocus()
    qtbot.keyClick(somewhere, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert card.activity.text.hasFocus()
    assert card.activity.current_type() == "call"
    qtbot.keyClick(card.activity.text, Qt.Key.Key_Return)
    with ctx.db.session() as s:
        rows = s.execute(select(Activity.type, Activity.deal_id, Activity.user_id)).all()
    assert rows == [("call", deal_id, 1)]
    assert settled(qtbot, card).timeline.timeline.entries[0].kind == "call"


def test_deal_without_open_task_is_flagged_until_a_task_is_added(ctx, qtbot):
    deal_id = ctx.db.run(create_deal, name="Pilot", user_id=1).created[0]
    card = card_of(ctx, qtbot, "deal", deal_id)
    assert card.next_step_flag.isVisibleTo(card)
    qtbot.keyClicks(card.tasks.title, "Send the offer")
    qtbot.keyClick(card.tasks.title, Qt.Key.Key_Return)
    assert not settled(qtbot, card).next_step_flag.isVisibleTo(card)
    assert card.tasks.model.rowCount() == 1
    card.tasks.model.setData(card.tasks.model.index(0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert settled(qtbot, card).next_step_flag.isVisibleTo(card)


def test_moving_a_lead_past_qualified_without_amount_marks_the_amount(ctx, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr("voronka.views.cards.deal_card.show_error", lambda _p, exc: shown.append(exc))
    deal_id = ctx.db.run(create_deal, name="Pilot", user_id=1).created[0]
    card = card_of(ctx, qtbot, "deal", deal_id)
    assert card.kind_text(card.data) == "Lead"
    qualified = next(s.id for s in card.data.stages if s.key == "qualified")
    card.move_to(qualified)
    assert shown and "Needed to enter" in settled(qtbot, card).form.problems()["amount"]
    type_into(qtbot, card, "amount", "250000")
    card.move_to(qualified)
    with ctx.db.session() as s:
        deal = s.get(Deal, deal_id)
        assert (deal.stage_id, deal.amount_minor) == (qualified, 25_000_000)
    assert card.kind_text(settled(qtbot, card).data) == "Deal"
    ctx.undo_stack.undo()  # one step undoes the move and the amount together
    with ctx.db.session() as s:
        deal = s.get(Deal, deal_id)
        assert deal.stage_id != qualified and deal.amount_minor is None


def test_new_company_card_creates_the_company_on_save(ctx, qtbot):
    from voronka.views.cards import new_card

    card = new_card(ctx, "company")
    qtbot.addWidget(card.window())
    settled(qtbot, card)
    type_into(qtbot, card, "name", "Globex")
    type_into(qtbot, card, "website", "globex.com")
    assert card.save()
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Company).where(Company.website == "globex.com")) == 1
    assert card.record_id is not None and settled(qtbot, card).title.text() == "Globex"


def test_choosing_another_company_renames_a_convention_named_deal(ctx, qtbot):
    acme = ctx.db.run(create_company, {"name": "Acme", "website": "acme.ru"}).created[0]
    globex = ctx.db.run(create_company, {"name": "Globex", "website": "globex.com"}).created[0]
    deal_id = ctx.db.run(create_deal, user_id=1, company_id=acme).created[0]
    card = card_of(ctx, qtbot, "deal", deal_id)
    picker = card.editor("company")
    assert picker.combo.count() == 2  # only the current company until the picker is used
    picker.load_all()
    picker.combo.setCurrentIndex(picker.combo.findData(globex))
    assert card.save()
    with ctx.db.session() as s:
        deal = s.get(Deal, deal_id)
        assert (deal.company_id, deal.name) == (globex, "globex.com - Globex")
    assert settled(qtbot, card).title.text() == "globex.com - Globex"
