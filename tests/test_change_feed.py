"""The change feed without Qt: two Database objects on one SQLite file see each other's
commits (and not their own), precisely when the writer said what changed, as "everything"
when it did not."""
from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from voronka.models.change_feed import KEEP_ROWS, PRUNE_EVERY, change_feed, decode, encode
from voronka.models.changes import Changes
from voronka.models.db import open_database
from voronka.models.orm import Deal, User
from voronka.models.services.deals import create_deal, move_deal, update_deal
from voronka.models.services.tasks import add_task


@pytest.fixture
def other(db):
    """A second connection to the same file, as another window or laptop has."""
    second = open_database(db.location, language="en")
    yield second
    second.close()


@pytest.fixture
def deal(db):
    return db.run(create_deal, name="Acme", user_id=1).created[0]


def test_payload_round_trip_keeps_ids_and_flags_and_ignores_unknown_names():
    changes = Changes(deals={3, 1}, companies={7}, funnel=True, event_ids=[9], created=[3])
    back = decode(encode(changes))
    assert back.deals == {1, 3} and back.companies == {7} and back.funnel
    assert not back.users and back.event_ids == [] and back.created == []  # undo data stays local
    assert decode('{"deals":[5],"from_a_newer_version":[1],"users":true}') == Changes(deals={5}, users=True)


def test_another_connections_move_is_seen_with_the_deal_it_moved(db, other, deal):
    watcher = db.watch()
    assert watcher.poll() is None  # nothing new since it started
    other.run(move_deal, deal, "work_started", user_id=1)
    seen = watcher.poll()
    assert seen is not None and seen.deals == {deal} and not seen.users
    assert watcher.poll() is None  # seen once


def test_own_commits_are_not_announced_again(db, other, deal):
    watcher = db.watch()
    db.run(move_deal, deal, "work_started", user_id=1)
    with db.transaction() as s:
        s.add(User(name="New", role="sdr"))
    assert watcher.poll() is None
    other.run(update_deal, deal, {"name": "Renamed"})
    db.run(move_deal, deal, "contacts_found", user_id=1)
    seen = watcher.poll()
    assert seen.deals == {deal} and seen.tasks == set()


def test_changes_of_several_commits_are_merged(db, other, deal):
    watcher = db.watch()
    second = other.run(create_deal, name="Beta", user_id=1).created[0]
    task = other.run(add_task, deal_id=deal, title="Call", assignee_id=1).created[0]
    seen = watcher.poll()
    assert seen.deals >= {deal, second} and seen.tasks == {task}


def feed_rows(db) -> int:
    with db.session() as s:
        return len(s.execute(select(change_feed.c.id)).all())


def test_reads_write_nothing_to_the_feed(db, other, deal):
    watcher = db.watch()
    before = feed_rows(db)
    with other.transaction() as s:
        s.scalars(select(Deal)).all()
    other.run(lambda s: Changes(deals={deal}))  # a service that said something but wrote nothing
    assert feed_rows(db) == before
    assert watcher.poll() is None


def test_a_commit_that_bypassed_the_feed_means_everything(db, deal):
    watcher = db.watch()
    with sqlite3.connect(db.engine.url.database) as raw:
        raw.execute("UPDATE deals SET name = 'by hand' WHERE id = ?", (deal,))
    seen = watcher.poll()
    assert deal in seen.deals and seen.users and seen.funnel and seen.fields


def test_a_bulk_write_without_changes_means_everything_to_others(db, other, deal):
    watcher = db.watch()
    with other.transaction() as s:
        s.add(User(name="Imported", role="sdr"))
    seen = watcher.poll()
    assert seen.users and deal in seen.deals


def test_a_reader_that_fell_behind_the_pruned_feed_gets_everything(db, other, deal):
    watcher = db.watch()
    for n in range(KEEP_ROWS + PRUNE_EVERY):
        other.run(lambda s, n=n: (s.get(Deal, deal).__setattr__("name", f"n{n}"), Changes(deals={deal}))[1])
    with sqlite3.connect(db.engine.url.database) as raw:
        assert raw.execute("SELECT count(*) FROM change_feed").fetchone()[0] < KEEP_ROWS + PRUNE_EVERY
    seen = watcher.poll()
    assert seen.users and deal in seen.deals  # everything, not just what is left in the feed


def test_a_replaced_feed_after_a_restore_means_everything_then_precise_again(db, other, deal):
    watcher = db.watch()
    other.run(update_deal, deal, {"name": "Before"})
    assert watcher.poll().deals == {deal}
    with sqlite3.connect(db.engine.url.database) as raw:  # as a restored backup's older feed
        raw.execute("DELETE FROM change_feed")
    assert watcher.poll().users  # everything
    other.run(update_deal, deal, {"name": "After"})  # the feed's ids start again from 1
    assert watcher.poll() == Changes(deals={deal})


def test_a_closed_database_stops_its_watchers(db):
    watcher = db.watch()
    db.close()
    assert watcher.poll() is None
