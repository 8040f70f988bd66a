"""Card edits, merges, creations and their undo/redo with a second writer on the same
database (SQLite file and PostgreSQL): the colleague's change survives every time, the
refusal names them, and redo of a creation brings back the very same record."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from card_helpers import discard_unsaved_edits, settled
from voronka.models.orm import Company, Contact, Deal, Task
from voronka.models.services.companies import create_company, update_company
from voronka.models.services.deal_fields import save_deal_fields
from voronka.models.services.deals import create_deal
from voronka.models.services.tasks import add_task, update_task
from undo_support import B_NAME, last_editor_named, server, snapshot, two  # noqa: F401 (fixtures)
from voronka.views.cards import open_card


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch):
    discard_unsaved_edits(monkeypatch)


def card_of(ctx, qtbot, kind, record_id):
    card = open_card(ctx, kind, record_id)
    qtbot.addWidget(card.window())
    return settled(qtbot, card)


def type_into(qtbot, card, key, text):
    line = card.editor(key).line
    line.clear()
    qtbot.keyClicks(line, text)
    line.editingFinished.emit()


def test_undoing_a_card_edit_after_a_colleague_saved_the_same_field_keeps_theirs(two, qtbot):
    deal = two.a.db.run(create_deal, name="Acme", user_id=1).created[0]
    card = card_of(two.a, qtbot, "deal", deal)
    type_into(qtbot, card, "amount", "111")
    assert card.save() is True
    two.b.run(save_deal_fields, deal, {"amount": "222"})

    assert two.a.undo_stack.undo() is False
    assert two.a.undo_stack.index() == 1
    assert snapshot(two.a.db, Deal, deal)["amount_minor"] == 22200  # theirs, not the amount before A's edit
    said = two.said()
    assert last_editor_named() in said and "Amount" in said and "«Acme»" in said


def test_undoing_a_card_edit_when_a_colleague_changed_another_field_puts_back_only_mine(two, qtbot):
    company = two.a.db.run(create_company, {"name": "Globex"}).created[0]
    card = card_of(two.a, qtbot, "company", company)
    type_into(qtbot, card, "industry", "Retail")
    assert card.save() is True
    two.b.run(update_company, company, {"region": "Moscow"})

    assert two.a.undo_stack.undo() is True
    row = snapshot(two.a.db, Company, company)
    assert (row["industry"], row["region"]) == (None, "Moscow")


def test_undoing_a_merge_after_a_colleague_edited_the_kept_company_and_a_moved_deal_keeps_their_edits(two, qtbot):
    keep = two.a.db.run(create_company, {"name": "Acme"}).created[0]
    drop = two.a.db.run(create_company, {"name": "Acme (old)", "industry": "Retail"}).created[0]
    deal = two.a.db.run(create_deal, name="Big deal", user_id=1, company_id=drop).created[0]
    card = card_of(two.a, qtbot, "company", keep)
    card.merge(keep, drop)
    two.b.run(update_company, keep, {"industry": "Banking"})
    two.b.run(save_deal_fields, deal, {"name": "Big deal (renewal)"})

    assert two.a.undo_stack.undo() is False
    assert two.a.undo_stack.index() == 1
    assert snapshot(two.a.db, Company, drop) is None  # still merged
    assert snapshot(two.a.db, Company, keep)["industry"] == "Banking"
    assert snapshot(two.a.db, Deal, deal)["name"] == "Big deal (renewal)"
    assert last_editor_named() in two.said() and "«Acme»" in two.said()


def test_undoing_a_merge_after_a_colleague_renamed_a_moved_deal_is_refused(two, qtbot):
    keep = two.a.db.run(create_company, {"name": "Initech"}).created[0]
    drop = two.a.db.run(create_company, {"name": "Initech LLC"}).created[0]
    deal = two.a.db.run(create_deal, name="Printers", user_id=1, company_id=drop).created[0]
    card_of(two.a, qtbot, "company", keep).merge(keep, drop)
    two.b.run(save_deal_fields, deal, {"name": "Printers and faxes"})

    assert two.a.undo_stack.undo() is False
    assert snapshot(two.a.db, Deal, deal)["company_id"] == keep
    assert snapshot(two.a.db, Deal, deal)["name"] == "Printers and faxes"
    assert "«Printers and faxes»" in two.said()


def test_undoing_a_creation_after_a_colleague_edited_the_new_deal_keeps_it(two, qtbot):
    from voronka.views.board.quick_create import QuickCreateDialog

    from board_support import open_board

    page = open_board(two.a, qtbot)
    dialog = QuickCreateDialog(two.a, "sales", page.board.column("work_started").stage, page)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.company, "Hooli")
    dialog.create()
    deal = dialog.created_id
    two.b.run(save_deal_fields, deal, {"amount": "5000"})

    assert two.a.undo_stack.undo() is False
    assert snapshot(two.a.db, Deal, deal)["amount_minor"] == 500000
    assert snapshot(two.a.db, Company, snapshot(two.a.db, Deal, deal)["company_id"]) is not None
    assert last_editor_named() in two.said() and "Amount" in two.said()


def test_undoing_a_creation_after_a_colleague_added_a_task_keeps_both(two, qtbot):
    from voronka.views.undo import push_creation

    ctx = two.a
    deal = push_creation(ctx, "Create a deal", lambda: ctx.run(create_deal, name="Umbrella", user_id=1)).created[0]
    task = two.b.run(add_task, title="Call them", assignee_id=2, deal_id=deal).created[0]

    assert ctx.undo_stack.undo() is False
    assert snapshot(ctx.db, Deal, deal) is not None and snapshot(ctx.db, Task, task) is not None
    assert "added a task to «Umbrella»" in two.said()


def test_redo_of_a_creation_brings_back_the_same_record_and_later_steps_keep_working(two, qtbot):
    ctx = two.a
    card = settled(qtbot, open_card(ctx, "company", None))
    qtbot.addWidget(card.window())
    type_into(qtbot, card, "name", "Stark")
    assert card.save() is True
    company = card.record_id
    type_into(qtbot, card, "industry", "Defence")
    assert card.save() is True  # a second step that holds the company's id
    assert ctx.undo_stack.undo() and ctx.undo_stack.undo()
    assert snapshot(ctx.db, Company, company) is None

    assert ctx.undo_stack.redo() is True and ctx.undo_stack.redo() is True
    row = snapshot(ctx.db, Company, company)  # the same id, with the edit made again on it
    assert (row["name"], row["industry"]) == ("Stark", "Defence")
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Company)) == 1


def test_redo_of_a_creation_whose_id_a_colleague_has_taken_is_refused_and_theirs_is_untouched(two, qtbot):
    ctx = two.a
    card = settled(qtbot, open_card(ctx, "company", None))
    qtbot.addWidget(card.window())
    type_into(qtbot, card, "name", "Wayne")
    assert card.save() is True
    company = card.record_id
    type_into(qtbot, card, "industry", "Defence")
    assert card.save() is True
    assert ctx.undo_stack.undo() and ctx.undo_stack.undo()
    theirs = two.b.run(create_company, {"name": "Their company"}).created[0]
    if theirs != company:  # PostgreSQL never hands an id out twice; SQLite may: take it explicitly
        with two.b.db.transaction() as s:
            s.add(Company(id=company, name="Their company"))

    assert ctx.undo_stack.redo() is False
    assert ctx.undo_stack.index() == 0
    assert snapshot(ctx.db, Company, company)["name"] == "Their company"
    assert snapshot(ctx.db, Company, company)["industry"] is None  # the edit never lands on theirs
    assert "in the place of «Wayne»" in two.said()


def test_undoing_a_task_edit_after_a_colleague_changed_its_title_keeps_theirs(two, qtbot):
    from voronka.views.cards.deal_tasks import edit_task_undoable

    ctx = two.a
    deal = ctx.db.run(create_deal, name="Soylent", user_id=1).created[0]
    task = ctx.db.run(add_task, title="Call", assignee_id=1, deal_id=deal).created[0]
    assert edit_task_undoable(ctx, None, task, {"title": "Call the CEO"})
    two.b.run(update_task, task, {"title": "Call the CFO"})

    assert ctx.undo_stack.undo() is False
    assert snapshot(ctx.db, Task, task)["title"] == "Call the CFO"
    assert "«Call the CFO»" in two.said()


def test_undoing_a_contact_creation_after_a_colleague_linked_it_to_a_deal_is_refused(two, qtbot):
    from voronka.models.services.contacts import set_deal_contacts

    ctx = two.a
    card = settled(qtbot, open_card(ctx, "contact", None))
    qtbot.addWidget(card.window())
    type_into(qtbot, card, "full_name", "Ivan Ivanov")
    assert card.save() is True
    contact = card.record_id
    deal = two.b.run(create_deal, name="Tyrell", user_id=2).created[0]
    two.b.run(set_deal_contacts, deal, [contact])

    assert ctx.undo_stack.undo() is False
    assert snapshot(ctx.db, Contact, contact) is not None


def test_undoing_a_contact_merge_after_a_colleague_edited_the_kept_person_keeps_their_edit(two, qtbot):
    from voronka.models.services.contacts import create_contact, update_contact

    keep = two.a.db.run(create_contact, {"full_name": "Ivan Petrov", "email_work": "ivan@acme.ru"}).created[0]
    drop = two.a.db.run(create_contact, {"full_name": "I. Petrov", "phone_work": "+79161234567"}).created[0]
    card_of(two.a, qtbot, "contact", keep).merge(keep, drop)
    two.b.run(update_contact, keep, {"position": "CEO"})

    assert two.a.undo_stack.undo() is False
    assert snapshot(two.a.db, Contact, drop) is None
    assert snapshot(two.a.db, Contact, keep)["position"] == "CEO"
    assert last_editor_named() in two.said() and "«Ivan Petrov»" in two.said()


def test_undoing_a_merge_nobody_touched_since_still_splits_it(two, qtbot):
    keep = two.a.db.run(create_company, {"name": "Vandelay"}).created[0]
    drop = two.a.db.run(create_company, {"name": "Vandelay Industries", "industry": "Latex"}).created[0]
    deal = two.a.db.run(create_deal, name="Latex order", user_id=1, company_id=drop).created[0]
    card_of(two.a, qtbot, "company", keep).merge(keep, drop)
    two.b.run(create_deal, name="Unrelated", user_id=2)  # another writer, elsewhere

    assert two.a.undo_stack.undo() is True
    assert snapshot(two.a.db, Company, drop)["industry"] == "Latex"
    assert snapshot(two.a.db, Company, keep)["industry"] is None
    assert snapshot(two.a.db, Deal, deal)["company_id"] == drop


def test_the_refusal_reads_in_russian_naming_the_field_as_the_card_does(two, qtbot):
    from voronka.views.i18n import install_language
    from voronka.views.errors import set_ui_language

    company = two.a.db.run(create_company, {"name": "Рога и копыта"}).created[0]
    card = card_of(two.a, qtbot, "company", company)
    type_into(qtbot, card, "industry", "Retail")
    assert card.save() is True
    two.b.run(update_company, company, {"industry": "Банки"})
    assert two.a.undo_stack.undo() is False

    install_language("ru")
    set_ui_language("ru")
    try:
        said = two.said()
    finally:
        install_language("en")
        set_ui_language("en")
    assert f"{last_editor_named() if last_editor_named() == B_NAME else 'Кто-то'} изменил(а) поле «Отрасль» " \
           "в «Рога и копыта»" in said
    assert "не отменено" in said and "Ничего не изменено." in said
