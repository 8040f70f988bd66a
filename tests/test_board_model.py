"""The board's rows and models: one query for the cards, no SQL while scrolling or painting,
filters in memory, targeted updates after a move."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from sqlalchemy import event, insert, select

from board_support import ctx, deal_in, open_board, stage_id  # noqa: F401
from voronka.models.orm import Company, Contact, Deal, Pipeline, deal_contacts
from voronka.models.queries.board import board_cards
from voronka.models.services.deals import create_deal
from voronka.models.services.tasks import add_task
from voronka.views.board.column_model import StageColumnModel
from voronka.views.board.filter_state import SETTING_KEY, BoardFilter


def test_a_card_carries_company_contacts_and_the_earliest_open_task(db):
    with db.transaction() as s:
        company = Company(name="Acme", website="acme.ru")
        s.add(company)
        s.flush()
        s.add_all([Contact(full_name="Иван Ёлкин", company_id=company.id)])
        cid = company.id
    deal = db.run(create_deal, user_id=1, company_id=cid).created[0]
    with db.transaction() as s:
        contact = s.scalar(select(Contact.id))
        s.execute(insert(deal_contacts).values(deal_id=deal, contact_id=contact))
    soon, later = datetime(2030, 1, 2, 10), datetime(2030, 3, 1, 10)
    db.run(add_task, title="Later call", assignee_id=1, deal_id=deal, due_at=later)
    db.run(add_task, title="First call", assignee_id=1, deal_id=deal, due_at=soon)
    with db.session() as s:
        [card] = board_cards(s, "sales")
    assert (card.name, card.company, card.contacts) == ("acme.ru - Acme", "Acme", "Иван Ёлкин")
    assert (card.task_title, card.task_due) == ("First call", soon)
    assert "елкин" in card.search_text  # ё and case do not matter in search


def test_scrolling_and_painting_a_10000_card_column_runs_no_sql(ctx, qtbot):
    with ctx.db.transaction() as s:
        pipeline, stage = s.scalar(select(Pipeline.id).where(Pipeline.key == "sales")), stage_id(ctx.db, "unsorted")
        start = datetime(2026, 1, 1)
        s.execute(insert(Deal), [
            {"pipeline_id": pipeline, "stage_id": stage, "name": f"Deal {n}", "currency": "RUB",
             "owner_id": 1 + n % 3, "created_at": start, "stage_entered_at": start + timedelta(minutes=n),
             "status": "open", "name_is_manual": True}
            for n in range(10_000)])
    page = open_board(ctx, qtbot)
    column = page.board.column("unsorted")
    assert column.model.rowCount() == 10_000
    statements = []
    event.listen(ctx.db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    view = column.view
    bar = view.verticalScrollBar()
    for value in range(0, bar.maximum(), bar.maximum() // 40):
        bar.setValue(value)
        view.viewport().repaint()
    view.scrollToBottom()
    page.grab()
    assert statements == []
    assert view.indexAt(view.viewport().rect().topLeft()).row() > 9_000


def test_filters_combine_in_memory_and_are_kept_per_user(ctx, qtbot):
    deal_in(ctx.db, "replied", "Mine about pumps", owner_id=1)
    deal_in(ctx.db, "replied", "Mine about valves", owner_id=1)
    deal_in(ctx.db, "replied", "Alex's pumps", owner_id=2)
    page = open_board(ctx, qtbot)
    column = page.board.column("replied")
    page.filter_bar.mine.click()
    assert column.model.rowCount() == 2
    qtbot.keyClicks(page.filter_bar.search, "PUMP")
    assert [column.model.card(r).name for r in range(column.model.rowCount())] == ["Mine about pumps"]
    assert column.figures.text().startswith("1 of 3 deals")
    page.save_filter()
    assert ctx.user_setting(SETTING_KEY)["mine"] is True
    again = open_board(ctx, qtbot)
    assert again.filter_bar.state == BoardFilter(mine=True, text="PUMP")
    assert again.board.column("replied").model.rowCount() == 1
    again.filter_bar.clear.click()
    assert again.board.column("replied").model.rowCount() == 3


def test_amount_range_and_stuck_only(ctx, qtbot):
    deal_in(ctx.db, "qualified", "Small", amount="1000")
    deal_in(ctx.db, "qualified", "Big", amount="500000")
    page = open_board(ctx, qtbot)
    column = page.board.column("qualified")
    page.filter_bar.amount_min.setText("10 000")
    assert [column.model.card(r).name for r in range(column.model.rowCount())] == ["Big"]
    page.filter_bar.amount_min.setText("lots")  # a half-typed amount filters nothing
    assert column.model.rowCount() == 2
    page.filter_bar.amount_min.clear()
    column.model.stuck_after_days = -1.0  # every deal has sat longer than that
    page.filter_bar.stuck.setChecked(True)
    assert column.model.rowCount() == 2
    assert page.board.column("replied").model.rowCount() == 0


def test_the_column_model_keeps_its_contract_through_moves(ctx, qtbot, qtmodeltester):
    ids = [deal_in(ctx.db, "unsorted", f"D{n}") for n in range(3)]
    page = open_board(ctx, qtbot)
    model: StageColumnModel = page.board.column("unsorted").model
    qtmodeltester.check(model)
    assert model.row_of(ids[-1]) == 0  # the latest arrival is on top
    model.remove(ids[0])
    assert model.rowCount() == 2 and not model.has(ids[0])
    assert model.data(model.index(0), Qt.ItemDataRole.DisplayRole) == "D2"


def test_column_sums_follow_moves_and_filters(ctx, qtbot):
    big = deal_in(ctx.db, "unsorted", "Big", amount="1000")
    deal_in(ctx.db, "unsorted", "Small", amount="10")
    page = open_board(ctx, qtbot)
    source, target = page.board.column("unsorted").model, page.board.column("qualified").model
    assert (source.shown_amount_minor(), target.shown_amount_minor()) == (101_000, 0)
    page.board.drop([big], target.stage.id)
    assert (source.shown_amount_minor(), target.shown_amount_minor()) == (1_000, 100_000)
    page.filter_bar.search.setText("Small")
    assert (source.shown_amount_minor(), target.shown_amount_minor()) == (1_000, 0)


def test_a_card_is_drawn_again_when_what_it_shows_changes(ctx, qtbot):
    from voronka.models.services.deals import update_deal

    deal = deal_in(ctx.db, "unsorted", "First name")
    page = open_board(ctx, qtbot)
    view = page.board.column("unsorted").view
    rect = view.visualRect(view.model().index(0))
    before = view.viewport().grab(rect).toImage()
    ctx.run(update_deal, deal, {"name": "Другое имя"})
    after = view.viewport().grab(rect).toImage()
    assert page.board.column("unsorted").model.card_of(deal).name == "Другое имя"
    assert before != after
    ctx.run(update_deal, deal, {"name": "First name"})
    assert view.viewport().grab(rect).toImage() == before  # the same card, the same picture
