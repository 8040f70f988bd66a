"""A refused undo or redo announces what it found changed: the refusal proves a colleague (a
second connection) changed the row, so the window forgets what it kept (the team settings
``AppContext`` caches) and its screens read the value as it is now — without waiting for live
refresh to notice."""
from __future__ import annotations

from undo_support import server, two  # noqa: F401 (fixtures)
from voronka.models.changes import Changes
from voronka.models.services.deal_fields import save_deal_fields
from voronka.models.services.deals import create_deal
from voronka.models.services.team import set_team_currency, set_team_time_zone, update_user
from voronka.views.settings.team_box import TeamSettingsBox
from voronka.views.undo import push_guarded

HELEN = 3  # the head of sales of undo_support.seed_users


def heard(two) -> list[Changes]:
    """What A's window is told from now on; live refresh is stopped, so only A's own
    announcements (and its refusals') arrive."""
    two.a.live.stop()
    said: list[Changes] = []
    two.a.changed.connect(said.append)
    return said


def team_box(two, qtbot) -> TeamSettingsBox:
    box = TeamSettingsBox(two.a)
    qtbot.addWidget(box)
    box.set_editable(True)
    return box


def test_a_refused_undo_of_a_team_setting_forgets_the_kept_settings(two, qtbot):
    box = team_box(two, qtbot)
    assert box.apply_currency("USD")
    assert two.a.team_setting("team.currency") == "USD"  # kept by A's window
    said = heard(two)
    two.b.run(set_team_currency, "EUR")
    assert two.a.team_setting("team.currency") == "USD"  # nobody told A yet

    assert two.a.undo_stack.undo() is False
    assert any(c.settings for c in said), "the refusal says the settings changed"
    assert two.a.team_setting("team.currency") == "EUR"  # read again: the colleague's value
    assert "changed" in two.said()


def test_a_refused_redo_of_a_team_setting_forgets_the_kept_settings(two, qtbot):
    box = team_box(two, qtbot)
    assert box.apply_time_zone("Asia/Omsk")
    assert two.a.undo_stack.undo() is True
    assert two.a.team_setting("team.time_zone") == "Europe/Moscow"
    said = heard(two)
    two.b.run(set_team_time_zone, "Asia/Tomsk")

    assert two.a.undo_stack.redo() is False
    assert any(c.settings for c in said)
    assert two.a.team_setting("team.time_zone") == "Asia/Tomsk"
    assert two.a.undo_stack.index() == 0  # the stack did not move


def test_a_change_refused_because_a_colleague_changed_the_setting_first_shows_theirs(two, qtbot, monkeypatch):
    """The first step is refused too when the setting is no longer what the window showed;
    the box then shows the colleague's value, not the one the window had kept."""
    from voronka.views.settings import team_box as team_box_module

    shown = []
    monkeypatch.setattr(team_box_module, "show_error", lambda _parent, exc: shown.append(exc))
    box = team_box(two, qtbot)
    assert two.a.team_setting("team.currency", "RUB") == "RUB"
    heard(two)
    two.b.run(set_team_currency, "EUR")

    assert box.apply_currency("USD") is False
    assert shown and two.a.undo_stack.count() == 0
    assert two.a.team_setting("team.currency") == "EUR"
    assert box.currency.currentData() == "EUR"


def test_a_refused_undo_of_the_working_calendar_keeps_the_colleagues_and_says_so(two, qtbot):
    """The calendar's undo is checked like every team setting (it overwrote a colleague's calendar)."""
    from voronka.models.team_calendar import CalendarSetting, calendar_setting, set_team_calendar

    box = team_box(two, qtbot)
    box.days_off.setText("31.12.2026")
    assert box.apply_calendar()
    said = heard(two)
    theirs = CalendarSetting("BY", (), ())
    two.b.run(set_team_calendar, theirs)

    assert two.a.undo_stack.undo() is False
    assert two.a.query(calendar_setting) == theirs
    assert any(c.settings for c in said)


def test_a_refused_undo_of_a_members_edit_announces_the_team(two, qtbot):
    from voronka.views.settings.members import NAME, MembersBox

    box = MembersBox(two.a)
    qtbot.addWidget(box)
    box.set_editable(True)
    row = next(r for r, m in enumerate(box.model.rows) if m.id == HELEN)
    assert box.model.setData(box.model.index(row, NAME), "Helen H.")
    said = heard(two)
    two.b.run(update_user, HELEN, name="Helen Brown")

    assert two.a.undo_stack.undo() is False
    assert any(c.users for c in said)


def test_a_refused_undo_of_a_deal_edit_announces_the_deal(two, qtbot):
    deal = two.a.run(create_deal, name="Acme renewal", user_id=1).created[0]
    push_guarded(two.a, "Rename", "deal", deal, ["name"],
                 lambda s: save_deal_fields(s, deal, {"name": "Acme 2027"}),
                 lambda s: save_deal_fields(s, deal, {"name": "Acme renewal"}), name="Acme renewal")
    said = heard(two)
    two.b.run(save_deal_fields, deal, {"name": "Acme (theirs)"})

    assert two.a.undo_stack.undo() is False
    assert any(deal in c.deals for c in said), "the deal's screens read it again"
    assert not any(c.local for c in said)  # a colleague's change: read in the background


def test_an_undo_nobody_interfered_with_announces_only_itself(two, qtbot):
    box = team_box(two, qtbot)
    assert box.apply_currency("USD")
    said = heard(two)
    assert two.a.undo_stack.undo() is True
    assert [c.local for c in said] == [True]  # the undo's own change, once
    assert two.a.team_setting("team.currency") == "RUB"
