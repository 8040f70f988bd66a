"""The funnel board: columns, drag and drop, required fields, won/lost, undo, multi-select."""
from __future__ import annotations

from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import func, select

from board_support import (  # noqa: F401 (ctx is a fixture)
    ScriptedDialogs,
    ctx,
    deal_in,
    deal_row,
    drag_cards,
    events_of,
    open_board,
    select_cards,
    stage_id,
)
from voronka.models.orm import Company, Deal, DealEvent, LostReason
from voronka.views.board import commands as board_commands
from voronka.views.board.dialogs import LostDialog, RequiredFieldsDialog


def test_a_column_per_stage_with_the_negative_answer_beside_replied(ctx, qtbot):
    page = open_board(ctx, qtbot)
    keys = [c.stage.key for c in page.board.columns]
    assert keys[:7] == ["unsorted", "work_started", "contacts_found", "outreach_started", "replied",
                        "replied_negative", "replied_positive"]
    assert "signed" not in keys  # a won deal leaves through the Won zone
    side = page.board.column("replied_negative")
    assert side.branch.isVisibleTo(page) and "Replied" in side.branch.text()
    assert not page.board.column("replied").branch.isVisibleTo(page)


def test_header_shows_count_sum_and_exit_criteria(ctx, qtbot):
    deal_in(ctx.db, "qualified", "Big", amount="150000")
    deal_in(ctx.db, "qualified", "Small", amount="50000")
    page = open_board(ctx, qtbot)
    column = page.board.column("qualified")
    assert column.figures.text().startswith("2 deals")
    assert "200,000" in column.figures.text().replace("\u202f", ",")
    assert "What must be true to move on" in column.title.toolTip()


def test_dragging_a_card_to_another_column_writes_the_move(ctx, qtbot):
    deal = deal_in(ctx.db, "unsorted", "Acme")
    page = open_board(ctx, qtbot)
    source, target = page.board.column("unsorted"), page.board.column("work_started")
    drag_cards(qtbot, source.view, target.view.viewport(), [deal])
    assert deal_row(ctx.db, deal).stage_id == stage_id(ctx.db, "work_started")
    assert events_of(ctx.db, deal)[-1] == ("stage", stage_id(ctx.db, "work_started"))
    assert not source.model.has(deal) and target.model.row_of(deal) == 0  # landed on top at once
    assert target.view.selected_here() == [deal]


def test_a_move_needing_an_amount_opens_the_form_and_cancel_changes_nothing(ctx, qtbot):
    deal = deal_in(ctx.db, "replied_positive", "No amount yet")
    before = events_of(ctx.db, deal)
    page = open_board(ctx, qtbot)
    asked = []

    def answer_the_form():
        dialog = QApplication.activeModalWidget()
        asked.append((type(dialog), list(dialog._editors)))
        dialog.reject()

    QTimer.singleShot(0, answer_the_form)
    drag_cards(qtbot, page.board.column("replied_positive").view, page.board.column("qualified").view.viewport(), [deal])
    assert asked == [(RequiredFieldsDialog, ["amount"])]
    assert deal_row(ctx.db, deal).stage_id == stage_id(ctx.db, "replied_positive")
    assert events_of(ctx.db, deal) == before
    assert page.board.column("replied_positive").model.has(deal)
    assert ctx.undo_stack.count() == 0


def test_filling_the_form_moves_the_deal_with_its_amount(ctx, qtbot):
    deal = deal_in(ctx.db, "replied_positive", "Will qualify")
    page = open_board(ctx, qtbot)
    page.board.actions.dialogs = dialogs = ScriptedDialogs(required={"amount": "150000"})
    page.board.drop([deal], stage_id(ctx.db, "qualified"))
    assert dialogs.asked == [("required", ["amount"])]
    row = deal_row(ctx.db, deal)
    assert row.stage_id == stage_id(ctx.db, "qualified") and row.amount_minor == 15_000_000
    assert page.board.column("qualified").model.has(deal)


def test_the_required_form_will_not_move_without_a_real_amount(qtbot):
    dialog = RequiredFieldsDialog(["amount"], "Lead qualified", "Acme")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.editor("amount").setText("0")
    assert not ok.isEnabled()
    dialog.editor("amount").setText("12 500,50")
    assert ok.isEnabled() and dialog.values() == {"amount": "12 500,50"}


def test_lost_without_reason_is_impossible(ctx, qtbot):
    with ctx.db.session() as s:
        reasons = [r for r in s.scalars(select(LostReason)).all()]
    from voronka.models.queries.board import lost_reasons

    dialog = LostDialog(ctx.query(lost_reasons), "en", 1)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.accept()  # Enter without a reason
    assert dialog.result() != dialog.DialogCode.Accepted
    dialog.select_reason(reasons[3].id)
    assert ok.isEnabled() and dialog.reason_id() == reasons[3].id


def test_dropping_on_lost_asks_the_reason_and_closes_the_deal(ctx, qtbot):
    deal = deal_in(ctx.db, "outreach_started", "Silent")
    page = open_board(ctx, qtbot)
    with ctx.db.session() as s:
        reason = s.scalar(select(LostReason.id).where(LostReason.follow_up == "reassign"))
    page.board.actions.dialogs = ScriptedDialogs(lost=(reason, "no answer after 5 touches"))
    drag_cards(qtbot, page.board.column("outreach_started").view, page.board.lost_zone, [deal])
    row = deal_row(ctx.db, deal)
    assert (row.status, row.lost_reason_id, row.lost_comment) == ("lost", reason, "no answer after 5 touches")
    assert row.stage_id == stage_id(ctx.db, "outreach_started")  # lost where it was
    assert not page.board.column("outreach_started").model.has(deal)


def test_cancelling_the_lost_dialog_keeps_the_deal_open(ctx, qtbot):
    deal = deal_in(ctx.db, "outreach_started", "Maybe")
    page = open_board(ctx, qtbot)
    page.board.actions.dialogs = ScriptedDialogs(lost=None)
    drag_cards(qtbot, page.board.column("outreach_started").view, page.board.lost_zone, [deal])
    assert deal_row(ctx.db, deal).status == "open"
    assert page.board.column("outreach_started").model.has(deal)


def test_undo_removes_the_move_from_history_and_redo_makes_it_again(ctx, qtbot):
    deal = deal_in(ctx.db, "unsorted", "Oops")
    before = events_of(ctx.db, deal)
    page = open_board(ctx, qtbot)
    drag_cards(qtbot, page.board.column("unsorted").view, page.board.column("contacts_found").view.viewport(), [deal])
    assert len(events_of(ctx.db, deal)) == len(before) + 1
    ctx.undo_stack.undo()
    assert events_of(ctx.db, deal) == before
    assert deal_row(ctx.db, deal).stage_id == stage_id(ctx.db, "unsorted")
    assert page.board.column("unsorted").model.has(deal)
    assert not page.board.column("contacts_found").model.has(deal)
    ctx.undo_stack.redo()
    assert deal_row(ctx.db, deal).stage_id == stage_id(ctx.db, "contacts_found")
    assert page.board.column("contacts_found").model.has(deal)


def group_needing_an_amount(ctx):
    a = deal_in(ctx.db, "replied_positive", "A", amount="1000")
    b = deal_in(ctx.db, "replied_positive", "B")  # no amount: cannot be qualified as it is
    c = deal_in(ctx.db, "replied_positive", "C", amount="3000")
    return a, b, c


def drag_group(ctx, qtbot, deals, dialogs):
    page = open_board(ctx, qtbot)
    page.board.actions.dialogs = dialogs
    view = page.board.column("replied_positive").view
    drag_cards(qtbot, view, page.board.column("qualified").view.viewport(), sorted(deals, key=view.column_model.row_of))
    return page


def event_count(ctx) -> int:
    with ctx.db.session() as s:
        return s.scalar(select(func.count()).select_from(DealEvent))


def test_a_group_move_asks_the_one_deal_missing_a_field_and_cancel_moves_none(ctx, qtbot):
    deals = group_needing_an_amount(ctx)
    before = event_count(ctx)
    dialogs = ScriptedDialogs(required=None)  # the rep cancels the form
    page = drag_group(ctx, qtbot, deals, dialogs)
    assert dialogs.asked == [("required", ["amount"])]
    for deal in deals:
        assert deal_row(ctx.db, deal).stage_id == stage_id(ctx.db, "replied_positive")
        assert page.board.column("replied_positive").model.has(deal)
    assert event_count(ctx) == before and ctx.undo_stack.count() == 0


def test_a_group_move_with_the_missing_field_filled_moves_all_in_one_step(ctx, qtbot):
    a, b, c = group_needing_an_amount(ctx)
    dialogs = ScriptedDialogs(required={"amount": "2000"})
    page = drag_group(ctx, qtbot, (a, b, c), dialogs)
    assert dialogs.asked == [("required", ["amount"])]  # only B was asked about
    assert all(page.board.column("qualified").model.has(d) for d in (a, b, c))
    assert deal_row(ctx.db, b).amount_minor == 200_000 and deal_row(ctx.db, a).amount_minor == 100_000
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()  # the whole action: the moves and the amount typed into the form
    assert all(deal_row(ctx.db, d).stage_id == stage_id(ctx.db, "replied_positive") for d in (a, b, c))
    assert deal_row(ctx.db, b).amount_minor is None and deal_row(ctx.db, a).amount_minor == 100_000
    ctx.undo_stack.redo()
    assert deal_row(ctx.db, b).amount_minor == 200_000
    assert deal_row(ctx.db, b).stage_id == stage_id(ctx.db, "qualified")


def test_a_failure_in_the_middle_of_a_group_move_moves_none(ctx, qtbot, monkeypatch):
    from voronka.models import errors
    from voronka.models.services import deals as deal_services

    deals = [deal_in(ctx.db, "unsorted", f"Deal {n}") for n in range(3)]
    before = event_count(ctx)
    real, calls = deal_services._move, []

    def fail_second(session, locked, *args, **kw):
        calls.append(locked.deal.id)
        if len(calls) == 2:
            raise errors.InvalidTransition("the disk is full (simulated)")
        return real(session, locked, *args, **kw)
    monkeypatch.setattr(deal_services, "_move", fail_second)
    shown = []
    monkeypatch.setattr(board_commands, "show_error", lambda parent, exc: shown.append(exc))
    page = open_board(ctx, qtbot)
    view = page.board.column("unsorted").view
    drag_cards(qtbot, view, page.board.column("work_started").view.viewport(), sorted(deals, key=view.column_model.row_of))
    assert len(calls) == 2 and "simulated" in str(shown[0])
    assert all(deal_row(ctx.db, d).stage_id == stage_id(ctx.db, "unsorted") for d in deals)
    assert event_count(ctx) == before and all(page.board.column("unsorted").model.has(d) for d in deals)


def test_a_group_move_is_one_step_to_undo(ctx, qtbot):
    ids = [deal_in(ctx.db, "unsorted", f"Deal {n}") for n in range(3)]
    page = open_board(ctx, qtbot)
    drag_cards(qtbot, page.board.column("unsorted").view, page.board.column("work_started").view.viewport(), ids)
    target = page.board.column("work_started")
    assert all(target.model.has(d) for d in ids) and ctx.undo_stack.count() == 1
    assert sorted(target.view.selected_here()) == sorted(ids)
    ctx.undo_stack.undo()
    assert all(deal_row(ctx.db, d).stage_id == stage_id(ctx.db, "unsorted") for d in ids)


def test_winning_copies_into_client_success_and_undo_removes_the_copy(ctx, qtbot):
    deal = deal_in(ctx.db, "committed", "Signed soon", amount="90000")
    page = open_board(ctx, qtbot)
    page.board.actions.dialogs = dialogs = ScriptedDialogs(won=True)
    drag_cards(qtbot, page.board.column("committed").view, page.board.won_zone, [deal])
    assert dialogs.asked == [("won", True)]
    assert deal_row(ctx.db, deal).status == "won"
    with ctx.db.session() as s:
        copy = s.scalar(select(Deal).where(Deal.origin_deal_id == deal))
        assert copy is not None and copy.amount_minor == 9_000_000 and copy.status == "open"
        copy_id = copy.id
    ctx.undo_stack.undo()
    assert deal_row(ctx.db, deal).status == "open"
    assert deal_row(ctx.db, copy_id) is None
    assert page.board.column("committed").model.has(deal)


def test_keyboard_moves_the_selected_card_to_the_next_stage(ctx, qtbot):
    deal = deal_in(ctx.db, "work_started", "By keyboard")
    page = open_board(ctx, qtbot)
    view = page.board.column("work_started").view
    select_cards(qtbot, view, [deal])
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert deal_row(ctx.db, deal).stage_id == stage_id(ctx.db, "contacts_found")
    landed = page.board.column("contacts_found").view
    assert landed.hasFocus() and landed.selected_here() == [deal]
    qtbot.keyClick(landed, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert deal_row(ctx.db, deal).stage_id == stage_id(ctx.db, "work_started")


def test_the_context_menu_offers_move_to_won_lost_and_reassign(ctx, qtbot):
    deal = deal_in(ctx.db, "replied", "Menu")
    page = open_board(ctx, qtbot)
    column = page.board.column("replied")
    menu = page.board.build_menu(column, [deal])
    titles = [a.text() for a in menu.actions()]
    assert {"Open card", "Move to…", "Won…", "Lost…", "Reassign to…"} <= set(titles)
    move = next(a for a in menu.actions() if a.text() == "Move to…").menu()
    target = next(a for a in move.actions() if a.text() == "Replied negative")
    target.trigger()
    assert deal_row(ctx.db, deal).stage_id == stage_id(ctx.db, "replied_negative")


def test_reassigning_several_deals_changes_their_owner_in_one_step(ctx, qtbot):
    ids = [deal_in(ctx.db, "replied", f"R{n}") for n in range(2)]
    page = open_board(ctx, qtbot)
    page.board.actions.reassign(ids, 2, "Alex AE")
    assert all(deal_row(ctx.db, d).owner_id == 2 for d in ids)
    assert page.board.card(ids[0]).owner == "Alex AE"
    ctx.undo_stack.undo()
    assert all(deal_row(ctx.db, d).owner_id == 1 for d in ids)


def test_quick_create_suggests_website_dash_company_and_lands_in_the_column(ctx, qtbot):
    from voronka.views.board.quick_create import QuickCreateDialog

    page = open_board(ctx, qtbot)
    dialog = QuickCreateDialog(ctx, "sales", page.board.column("work_started").stage, page)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.company, "Acme")
    qtbot.keyClicks(dialog.website, "https://www.Acme.ru/about")
    assert dialog.name.placeholderText() == "acme.ru - Acme"
    dialog.create()
    assert dialog.created_id is not None
    row = deal_row(ctx.db, dialog.created_id)
    assert (row.name, row.stage_id) == ("acme.ru - Acme", stage_id(ctx.db, "work_started"))
    assert page.board.column("work_started").model.row_of(dialog.created_id) == 0
    again = QuickCreateDialog(ctx, "sales", page.board.column("qualified").stage, page)
    qtbot.addWidget(again)
    again.company.setText("Acme — acme.ru")  # picked from the completer: the existing company
    assert not again.website.isEnabled()
    again.create()  # qualified needs an amount
    assert again.created_id is None and "Amount" in again.error.text()


def test_undoing_a_quick_create_removes_the_deal_and_its_new_company(ctx, qtbot):
    from voronka.views.board.quick_create import QuickCreateDialog

    page = open_board(ctx, qtbot)
    column = page.board.column("work_started")
    dialog = QuickCreateDialog(ctx, "sales", column.stage, page)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.company, "Initech")
    qtbot.keyClicks(dialog.website, "initech.com")
    dialog.create()
    deal_id = dialog.created_id
    assert column.model.row_of(deal_id) == 0
    ctx.undo_stack.undo()
    with ctx.db.session() as s:
        assert s.get(Deal, deal_id) is None
        assert s.scalar(select(func.count()).select_from(Company).where(Company.website == "initech.com")) == 0
    assert column.model.row_of(deal_id) is None
    ctx.undo_stack.redo()  # made again (a new deal, with a new company)
    with ctx.db.session() as s:
        again = s.scalars(select(Deal).where(Deal.name == "initech.com - Initech")).one()
        company = s.get(Company, again.company_id)
        assert company.website == "initech.com" and again.stage_id == stage_id(ctx.db, "work_started")


def test_switching_to_client_success_shows_its_periods_and_is_remembered(ctx, qtbot):
    copy = deal_in(ctx.db, "month_1", "Customer", pipeline_key="success")
    page = open_board(ctx, qtbot)
    page.pipeline_box.setCurrentIndex(page.pipeline_box.findData("success"))
    qtbot.waitUntil(lambda: not page.board.loading and page.board.figures_available is not None)
    assert [c.stage.key for c in page.board.columns][:2] == ["month_1", "month_2"]
    assert page.board.column("month_1").model.has(copy)
    page.board.actions.dialogs = dialogs = ScriptedDialogs(won=False)
    drag_cards(qtbot, page.board.column("month_1").view, page.board.won_zone, [copy])
    assert dialogs.asked == [("won", False)]  # no copy offered from Client Success itself
    assert deal_row(ctx.db, copy).status == "won"
    assert open_board(ctx, qtbot).pipeline.key == "success"


def test_the_team_setting_copies_won_deals_without_asking(ctx, qtbot):
    from voronka.models.services.settings import set_setting
    from voronka.models.services.team import WON_COPY_SETTING

    ctx.run(set_setting, WON_COPY_SETTING, "always")  # announced: the window keeps team settings
    deal = deal_in(ctx.db, "committed", "Auto copy", amount="5000")
    page = open_board(ctx, qtbot)
    page.board.actions.dialogs = dialogs = ScriptedDialogs(won=None)  # would cancel if asked
    page.board.actions.win([deal])
    assert dialogs.asked == []
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Deal).where(Deal.origin_deal_id == deal)) == 1
