"""Settings with a colleague on the same database (one SQLite file or one PostgreSQL database):
the undo of a team member's edit, a new member, a plan, a team setting or a stage's rules
is refused once someone else changed that row since — their change survives — and an edit
of a member someone else changed since the page showed them is refused too."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from undo_support import server, two  # noqa: F401 (fixtures)
from voronka.models.queries.board import board_stages
from voronka.models.queries.team import plans_of_year, team_members
from voronka.models.services.funnel_rules import stage_rules, update_stage_rules
from voronka.models.services.team import set_plan, set_team_currency, update_user
from voronka.views.board.commands import BoardActions
from voronka.views.errors import describe
from voronka.views.settings import members as members_module
from voronka.views.settings.members import NAME, ROLE, MembersBox
from voronka.views.settings.plans import PlansBox
from voronka.views.settings.team_box import TeamSettingsBox

HELEN = 3  # the head of sales of undo_support.seed_users


def member(ctx, user_id):
    return next(m for m in ctx.query(team_members) if m.id == user_id)


def members_box(two, qtbot):
    box = MembersBox(two.a)
    qtbot.addWidget(box)
    box.set_editable(True)
    return box


def row_of(box, user_id):
    return next(r for r, m in enumerate(box.model.rows) if m.id == user_id)


def test_undoing_a_members_rename_after_a_colleague_renamed_them_keeps_theirs(two, qtbot):
    box = members_box(two, qtbot)
    assert box.model.setData(box.model.index(row_of(box, HELEN), NAME), "Helen H.")
    two.b.run(update_user, HELEN, name="Helen Brown")
    assert two.a.undo_stack.undo() is False
    assert member(two.a, HELEN).name == "Helen Brown" and two.a.undo_stack.index() == 1
    assert "changed «Helen Head»" in two.said()


def test_editing_a_member_a_colleague_changed_since_the_page_showed_them_is_refused(two, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(members_module, "show_error", lambda parent, exc: shown.append(describe(exc)))
    box = members_box(two, qtbot)
    two.b.run(update_user, HELEN, role="ae")
    assert not box.model.setData(box.model.index(row_of(box, HELEN), NAME), "Helen H.")
    assert member(two.a, HELEN).name == "Helen Head" and member(two.a, HELEN).role == "ae"
    assert shown and "«Helen Head»" in shown[0] and two.a.undo_stack.count() == 0


def test_undoing_a_new_member_a_colleague_renamed_since_keeps_them(two, qtbot):
    box = members_box(two, qtbot)
    box.new_name.setText("Nina New")
    new_id = box.add()
    two.b.run(update_user, new_id, name="Nina Newton")
    assert two.a.undo_stack.undo() is False
    assert member(two.a, new_id).name == "Nina Newton"
    assert "«Nina New»" in two.said()


def test_undoing_a_plan_after_a_colleague_changed_it_keeps_theirs(two, qtbot):
    box = PlansBox(two.a)
    qtbot.addWidget(box)
    months = box.months_model
    year = box.model.year
    assert months.user_id is None  # the team's months are shown first
    assert months.setData(months.index(2, 0), "1000")  # the team's March plan
    two.b.run(set_plan, year=year, month=3, user_id=None, amount=Decimal("2000"))
    assert two.a.undo_stack.undo() is False
    assert two.a.query(plans_of_year, year)[(None, 3)] == 200_000
    assert "changed" in two.said()


def test_undoing_a_team_setting_after_a_colleague_changed_it_keeps_theirs(two, qtbot):
    box = TeamSettingsBox(two.a)
    qtbot.addWidget(box)
    assert box.apply_currency("USD")
    two.b.run(set_team_currency, "EUR")
    assert two.a.undo_stack.undo() is False
    assert two.a.team_setting("team.currency") == "EUR"
    assert two.a.undo_stack.redo() is False  # nothing to redo: the stack did not move
    assert "changed" in two.said()


def test_undoing_a_stages_rules_after_a_colleague_changed_them_keeps_theirs(two, qtbot):
    two.a.user_id = HELEN  # the rules are the head of sales's
    stage = next(s for s in two.a.query(board_stages, "sales") if s.key == "qualified")
    actions = BoardActions(two.a, two.widget, lambda deal_id: "")
    assert actions.edit_rules(stage, {"rot_days": 7}) is not None
    two.b.run(update_stage_rules, stage.id, {"rot_days": 30}, user_id=HELEN)
    assert two.a.undo_stack.undo() is False
    assert two.a.query(stage_rules, stage.id)["rot_days"] == 30
    assert "changed" in two.said()


def test_undo_still_works_when_nobody_else_touched_the_row(two, qtbot):
    box = members_box(two, qtbot)
    index = box.model.index(row_of(box, HELEN), ROLE)
    assert box.model.setData(index, "ae", Qt.ItemDataRole.EditRole)
    assert member(two.a, HELEN).role == "ae"
    assert two.a.undo_stack.undo() is True and member(two.a, HELEN).role == "head_of_sales"
    assert two.a.undo_stack.redo() is True and member(two.a, HELEN).role == "ae"


@pytest.mark.parametrize("two", ["sqlite", "postgresql"], indirect=True)
def test_a_colleagues_new_currency_reaches_this_window_without_a_restart(two, qtbot):
    """Team settings are kept by the window (they are read while results are shown) and
    forgotten when any writer, here or on another laptop, changes one."""
    assert two.a.team_setting("team.currency", "RUB") == "RUB"
    two.b.run(set_team_currency, "USD")
    qtbot.waitUntil(lambda: two.a.team_setting("team.currency", "RUB") == "USD", timeout=5000)
    two.a.run(set_team_currency, "EUR")
    assert two.a.team_setting("team.currency") == "EUR"
