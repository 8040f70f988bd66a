"""Cards load off the UI thread: one background read fills the card, a newer read wins over
an older one, a card closed meanwhile gets no answer, and the fields' suggestion lists are
read once and kept until a change."""
from __future__ import annotations

import threading

import pytest
import shiboken6

from card_helpers import app_context, discard_unsaved_edits, settled
from voronka.models.services.deal_fields import save_deal_fields
from voronka.models.services.deals import create_deal
from voronka.views.cards.company_card import CompanyCard
from voronka.views.cards.deal_card import DealCard


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch):
    discard_unsaved_edits(monkeypatch)


@pytest.fixture
def ctx(db, tmp_path):
    return app_context(db, tmp_path, 1)


def test_a_deal_card_is_filled_from_the_executor_without_sql_on_the_ui_thread(ctx, qtbot, ui_statements):
    deal = ctx.db.run(create_deal, name="Pilot", user_id=1, source="inbound").created[0]
    ui_statements.clear()
    card = DealCard(ctx, deal)
    qtbot.addWidget(card)
    assert card.loading and card.form is None  # nothing read yet: the card shows "Loading…"
    with qtbot.waitSignal(card.loaded, timeout=10_000):
        pass
    assert card.title.text() == "Pilot" and card.editor("source").line.text() == "inbound"
    assert "stage" in [e.kind for e in card.timeline.timeline.entries]
    assert ui_statements == []


def test_a_newer_load_wins_over_an_older_one_still_running(ctx, qtbot, monkeypatch):
    from voronka.views.cards import deal_card as module

    deal = ctx.db.run(create_deal, name="First name", user_id=1).created[0]
    card = settled(qtbot, DealCard(ctx, deal))
    qtbot.addWidget(card)
    release, started = threading.Event(), threading.Event()
    real = module.deal_card

    def slow_then_fast(session, deal_id):
        data = real(session, deal_id)
        if not started.is_set():  # the first read (the old name) is held until the second was asked
            started.set()
            release.wait(5)
        return data

    monkeypatch.setattr(module, "deal_card", slow_then_fast)
    shown: list[str] = []
    card.loaded.connect(lambda: shown.append(card.title.text()))
    card.reload()
    assert started.wait(5)
    ctx.db.run(save_deal_fields, deal, {"name": "Second name"})
    card.reload()
    release.set()
    qtbot.waitUntil(lambda: ctx.executor.idle() and not card.loading, timeout=10_000)
    assert shown == ["Second name"]  # the older read's answer was dropped, never shown


def test_a_card_closed_while_its_load_runs_raises_nothing(ctx, qtbot, monkeypatch):
    from voronka.views.cards import deal_card as module

    deal = ctx.db.run(create_deal, name="Pilot", user_id=1).created[0]
    release = threading.Event()
    real = module.deal_card
    monkeypatch.setattr(module, "deal_card", lambda session, deal_id: release.wait(5) and real(session, deal_id))
    errors: list[object] = []
    ctx.error.connect(errors.append)
    card = DealCard(ctx, deal)
    shiboken6.delete(card)
    release.set()
    qtbot.waitUntil(ctx.executor.idle, timeout=10_000)
    assert errors == []


def test_suggestion_lists_are_read_once_and_again_after_a_change(ctx, qtbot, monkeypatch):
    from voronka.views.cards import suggestions

    reads: list[tuple[str, str]] = []
    real = suggestions.distinct_values
    monkeypatch.setattr(suggestions, "distinct_values", lambda s, entity, key: reads.append((entity, key)) or real(s, entity, key))
    one = ctx.db.run(create_deal, name="One", user_id=1, source="inbound").created[0]
    two = ctx.db.run(create_deal, name="Two", user_id=1, source="event").created[0]
    first = settled(qtbot, DealCard(ctx, one))
    qtbot.addWidget(first)
    assert sorted(k for _e, k in reads) == ["cohort", "segment", "source"]
    completer = first.editor("source").line.completer()
    assert sorted(completer.model().stringList()) == ["event", "inbound"]
    reads.clear()
    second = settled(qtbot, DealCard(ctx, two))
    qtbot.addWidget(second)
    assert reads == []  # cached
    company = settled(qtbot, CompanyCard(ctx, None))
    qtbot.addWidget(company)
    assert {e for e, _k in reads} == {"company"}  # each kind has its own lists
    reads.clear()
    ctx.run(save_deal_fields, one, {"source": "partner"})  # a deal changed: its lists may have too
    settled(qtbot, first)
    assert sorted(k for _e, k in reads) == ["cohort", "segment", "source"]
    assert "partner" in first.editor("source").line.completer().model().stringList()
