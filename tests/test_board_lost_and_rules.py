"""The Lost view (grouped by reason, reactivate, reassign) and the Funnel rules table."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from board_support import ctx, deal_in, deal_row, open_board, stage_id  # noqa: F401
from voronka.models import errors
from voronka.models.orm import LostReason
from voronka.models.services.deals import lose_deal
from voronka.models.services.funnel_rules import RulesNotAllowed, stage_rules, update_stage_rules
from voronka.views.board.funnel_rules import OVERRIDE, ROT


def reason_id(db, follow_up: str) -> int:
    with db.session() as s:
        return s.scalar(select(LostReason.id).where(LostReason.follow_up == follow_up).order_by(LostReason.position))


def lost_deal(db, stage_key: str, name: str, follow_up: str) -> int:
    deal = deal_in(db, stage_key, name, amount="10000")
    db.run(lose_deal, deal, reason_id=reason_id(db, follow_up), user_id=1)
    return deal


def open_tab(page, qtbot, index: int):
    page.tabs.setCurrentIndex(index)
    qtbot.waitUntil(lambda: page.ctx.executor.idle() and not (index == 1 and page.lost_view.loading))
    return page.lost_view if index == 1 else page.rules_view


def test_lost_deals_are_grouped_by_reason(ctx, qtbot):
    lost_deal(ctx.db, "outreach_started", "Silent 1", "reassign")
    lost_deal(ctx.db, "outreach_started", "Silent 2", "reassign")
    lost_deal(ctx.db, "offer_sent", "Went to rival", "reactivate")
    page = open_board(ctx, qtbot)
    view = open_tab(page, qtbot, 1)
    groups = [view.reason_list.item(i).text().split("\n") for i in range(view.reason_list.count())]
    assert groups[0][1].startswith("deals: 3")
    assert any(g[0].startswith("No answer") and g[1].startswith("deals: 2") for g in groups) or any(
        g[0].startswith("Contacts not found") and g[1].startswith("deals: 2") for g in groups)
    view.reason_list.setCurrentRow(1)
    qtbot.waitUntil(lambda: not view.loading and view.model.rowCount() == 2)  # read in SQL on the executor
    assert "another rep" in view.hint.text()


def test_reactivating_a_lost_deal_puts_it_back_on_the_board(ctx, qtbot):
    deal = lost_deal(ctx.db, "offer_sent", "Went to rival", "reactivate")
    page = open_board(ctx, qtbot)
    view = open_tab(page, qtbot, 1)
    view.table.selectRow(0)
    assert view.selected_ids() == [deal]
    page.board.actions.reopen(view.selected_ids(), stage=page.board.column("demo_run").stage)
    row = deal_row(ctx.db, deal)
    assert (row.status, row.stage_id) == ("open", stage_id(ctx.db, "demo_run"))
    assert page.board.column("demo_run").model.has(deal)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=3000)  # gone from the lost list at once
    ctx.undo_stack.undo()
    assert deal_row(ctx.db, deal).status == "lost"


def test_reassigning_a_lost_deal_reopens_it_for_the_other_rep(ctx, qtbot):
    deal = lost_deal(ctx.db, "outreach_started", "Silent", "reassign")
    page = open_board(ctx, qtbot)
    view = open_tab(page, qtbot, 1)
    view.table.selectRow(0)
    page.board.actions.reopen(view.selected_ids(), owner=(2, "Alex AE"))
    row = deal_row(ctx.db, deal)
    assert (row.status, row.owner_id, row.stage_id) == ("open", 2, stage_id(ctx.db, "outreach_started"))
    assert page.board.card(deal).owner == "Alex AE"


def test_only_the_head_of_sales_changes_funnel_rules(db):
    qualified = stage_id(db, "qualified")
    with pytest.raises(RulesNotAllowed):
        db.run(update_stage_rules, qualified, {"rot_days": 10}, user_id=1)
    with pytest.raises(errors.InvalidValue):
        db.run(update_stage_rules, qualified, {"probability_override": 1.5}, user_id=3)
    with pytest.raises(errors.InvalidValue):
        db.run(update_stage_rules, qualified, {"required_fields": ["amount", "horoscope"]}, user_id=3)
    db.run(update_stage_rules, qualified, {"rot_days": 10, "exit_criteria": "  Demo booked  ",
                                           "required_fields": ["amount", "expected_close"]}, user_id=3)
    rules = db.run(stage_rules, qualified)
    assert (rules["rot_days"], rules["exit_criteria"], rules["required_fields"]) == (
        10, "Demo booked", ["amount", "expected_close"])


def test_a_rep_reads_the_rules_but_cannot_edit_them(ctx, qtbot):
    page = open_board(ctx, qtbot)
    view = open_tab(page, qtbot, 2)
    assert view.model.rowCount() == 14
    assert not view.model.flags(view.model.index(0, ROT)) & Qt.ItemFlag.ItemIsEditable


def test_the_head_edits_rules_in_the_table_and_undo_restores_them(ctx, qtbot):
    ctx.user_id = 3
    deal = deal_in(ctx.db, "replied", "Old one")
    page = open_board(ctx, qtbot)
    view = open_tab(page, qtbot, 2)
    row = next(i for i, s in enumerate(view.model.stages) if s.key == "replied")
    assert view.model.setData(view.model.index(row, ROT), 1)
    assert view.model.setData(view.model.index(row, OVERRIDE), 35.0)
    qtbot.waitUntil(lambda: view.model.stages[row].rot_days == 1)
    assert ctx.db.run(stage_rules, stage_id(ctx.db, "replied"))["probability_override"] == 0.35
    assert page.board.column("replied").model.stuck_after_days == 1.0  # the board follows at once
    assert "35" in page.board.column("replied").weighted.text()
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert ctx.db.run(stage_rules, stage_id(ctx.db, "replied"))["rot_days"] is None
    assert deal_row(ctx.db, deal).status == "open"


def test_the_lost_view_exports_what_it_shows(ctx, qtbot, tmp_path):
    import csv

    lost_deal(ctx.db, "outreach_started", "Silent 1", "reassign")
    lost_deal(ctx.db, "outreach_started", "=Silent 2", "reassign")
    lost_deal(ctx.db, "offer_sent", "Went to rival", "reactivate")
    page = open_board(ctx, qtbot)
    view = open_tab(page, qtbot, 1)
    view.reason_list.setCurrentRow(1)  # one reason: two deals
    qtbot.waitUntil(lambda: not view.loading and view.model.rowCount() == 2)
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not view.loading and view.model.cached(0) and view.model.cached(1))
    with qtbot.waitSignal(view.exported, timeout=10000):
        view.export_to(str(tmp_path / "lost.csv"))
    with (tmp_path / "lost.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["Deal", "Company", "Amount"]
    assert [r[0] for r in rows[1:]] == ["'=Silent 2", "Silent 1"]  # the shown order; a formula stays text
