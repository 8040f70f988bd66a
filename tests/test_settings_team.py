"""Team services: members, plans, currency and time zone."""
from __future__ import annotations

import pytest

from voronka.models.errors import InvalidValue
from voronka.models.queries.team import plans_of_year, team_members
from voronka.models.services.settings import get_setting
from voronka.models.services.team import add_user, set_plan, set_team_currency, set_team_time_zone, update_user


def test_member_is_added_renamed_and_made_inactive_not_deleted(db):
    uid = db.run(add_user, name="  Olga   CSM ", role="csm").created[0]
    db.run(update_user, uid, name="Olga", active=False)
    members = {m.id: m for m in db.run(team_members)}
    assert (members[uid].name, members[uid].role, members[uid].active) == ("Olga", "csm", False)
    assert list(members)[-1] == uid  # inactive members are listed last


def test_duplicate_or_empty_names_and_unknown_roles_are_refused(db):
    with pytest.raises(InvalidValue):
        db.run(add_user, name="Alex AE")
    with pytest.raises(InvalidValue):
        db.run(add_user, name=" ")
    with pytest.raises(InvalidValue):
        db.run(update_user, 1, role="boss")


def test_plans_for_team_and_person_by_year_and_month(db):
    db.run(set_plan, year=2026, month=None, user_id=None, amount="12 000 000")
    db.run(set_plan, year=2026, month=3, user_id=2, amount="500000")
    db.run(set_plan, year=2026, month=3, user_id=2, amount="600000")
    assert db.run(plans_of_year, 2026) == {(None, None): 1_200_000_000, (2, 3): 60_000_000}
    db.run(set_plan, year=2026, month=3, user_id=2, amount="")
    assert (2, 3) not in db.run(plans_of_year, 2026)
    with pytest.raises(InvalidValue):
        db.run(set_plan, year=2026, month=13, user_id=None, amount=1)


def test_team_currency_and_time_zone_are_checked(db):
    db.run(set_team_currency, "usd")
    db.run(set_team_time_zone, "Asia/Yekaterinburg")
    with db.session() as s:
        assert get_setting(s, "team.currency") == "USD"
        assert get_setting(s, "team.time_zone") == "Asia/Yekaterinburg"
    with pytest.raises(InvalidValue):
        db.run(set_team_currency, "roubles")
    with pytest.raises(InvalidValue):
        db.run(set_team_time_zone, "Mars/Olympus")
