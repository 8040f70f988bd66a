"""Cards open from the shell (window or side panel), warn about duplicates and merge them."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from card_helpers import app_context, discard_unsaved_edits, settled
from voronka.models.orm import Company, Deal
from voronka.models.queries.board import lost_reasons
from voronka.models.services.companies import create_company
from voronka.models.services.deals import create_deal
from voronka.views.cards.dialogs import DuplicateDialog
from voronka.views.cards.host import CardPanel, existing_window, open_windows
from voronka.views.main_window import MainWindow


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch):
    discard_unsaved_edits(monkeypatch)


@pytest.fixture
def ctx(db, tmp_path):
    return app_context(db, tmp_path, 1)


@pytest.fixture
def window(ctx, qtbot):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    return win


def companies(ctx) -> int:
    with ctx.db.session() as s:
        return s.scalar(select(func.count()).select_from(Company))


def test_double_click_in_a_table_opens_the_card_in_its_own_window(ctx, window, qtbot):
    cid = ctx.db.run(create_company, {"name": "Acme", "website": "acme.ru"}).created[0]
    page = window.page("companies")
    page.requery()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.cached(0))
    rect = page.table.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    card_window = existing_window("company", cid)
    assert card_window is not None and settled(qtbot, card_window.card).window().windowTitle() == "Acme"
    qtbot.addWidget(card_window)
    ctx.open_record.emit("company", cid)  # a second open raises the same window
    assert existing_window("company", cid) is card_window
    card_window.close()
    qtbot.waitUntil(lambda: existing_window("company", cid) is None)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens it too
    again = existing_window("company", cid)
    assert again is not None
    qtbot.addWidget(again)


def test_cards_can_live_in_the_side_panel_one_at_a_time(ctx, window, qtbot):
    ctx.set_user_setting("cards.open_as", "panel")
    a = ctx.db.run(create_deal, name="First", user_id=1).created[0]
    b = ctx.db.run(create_deal, name="Second", user_id=1).created[0]
    ctx.open_record.emit("deal", a)
    panel = window.findChild(CardPanel, "cardPanel")
    assert panel is not None and settled(qtbot, panel.card).title.text() == "First"
    ctx.open_record.emit("deal", b)
    assert settled(qtbot, panel.card).title.text() == "Second" and len(window.findChildren(CardPanel)) == 1


def test_the_companies_table_has_a_new_company_button(ctx, window, qtbot):
    from PySide6.QtWidgets import QPushButton

    page = window.page("companies")
    button = next(b for b in page.findChildren(QPushButton) if b.text() == "New company…")
    button.click()
    card = next(w.card for w in open_windows() if w.card.record_id is None)
    qtbot.addWidget(card.window())
    assert card.kind == "company" and settled(qtbot, card).title.text() == "New company"


def new_company_card(ctx, qtbot, **values):
    from voronka.views.cards import new_card

    card = settled(qtbot, new_card(ctx, "company"))
    qtbot.addWidget(card.window())
    for key, text in values.items():
        card.editor(key).line.setText(text)
    return card


def test_saving_a_company_with_a_known_website_offers_the_existing_one(ctx, qtbot, monkeypatch):
    existing = ctx.db.run(create_company, {"name": "Acme", "website": "acme.ru"}).created[0]
    opened = []
    ctx.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    monkeypatch.setattr(DuplicateDialog, "exec", lambda self: DuplicateDialog.OPEN)
    card = new_company_card(ctx, qtbot, name="ACME LLC", website="https://www.acme.ru")
    assert card.save() is False
    assert opened == [("company", existing)] and companies(ctx) == 1


def test_merging_a_new_duplicate_into_the_existing_company_keeps_one_record(ctx, qtbot, monkeypatch):
    existing = ctx.db.run(create_company, {"name": "Acme", "website": "acme.ru"}).created[0]
    monkeypatch.setattr(DuplicateDialog, "exec", lambda self: DuplicateDialog.MERGE)
    card = new_company_card(ctx, qtbot, name="ACME LLC", website="acme.ru", inn="7707083893")
    assert card.save() is True
    assert companies(ctx) == 1 and card.record_id == existing
    with ctx.db.session() as s:
        assert s.get(Company, existing).inn == "7707083893"
    ctx.undo_stack.undo()  # one step takes back both the creation and the merge
    assert companies(ctx) == 1
    with ctx.db.session() as s:
        assert s.get(Company, existing).inn is None


def test_merging_from_the_card_moves_deals_and_undo_splits_them(ctx, qtbot):
    from voronka.views.cards import open_card

    keep = ctx.db.run(create_company, {"name": "Acme"}).created[0]
    drop = ctx.db.run(create_company, {"name": "Acme (old)"}).created[0]
    deal = ctx.db.run(create_deal, user_id=1, company_id=drop).created[0]
    card = settled(qtbot, open_card(ctx, "company", keep))
    qtbot.addWidget(card.window())
    card.merge(keep, drop)
    assert companies(ctx) == 1 and [d.id for d in settled(qtbot, card).deals.model.rows] == [deal]
    ctx.undo_stack.undo()
    assert companies(ctx) == 2
    with ctx.db.session() as s:
        assert s.get(Deal, deal).company_id == drop
    assert settled(qtbot, card).deals.model.rows == []


def test_the_swap_button_moves_the_card_between_window_and_side_panel(ctx, window):
    deal = ctx.db.run(create_deal, name="Pilot", user_id=1).created[0]
    ctx.open_record.emit("deal", deal)
    card_window = existing_window("deal", deal)
    assert card_window is not None
    card_window.card.host_toggle_requested.emit()
    panel = window.findChild(CardPanel, "cardPanel")
    assert existing_window("deal", deal) is None and panel.card.record_id == deal
    panel.card.host_toggle_requested.emit()
    assert existing_window("deal", deal) is not None and panel.isHidden()
    existing_window("deal", deal).close()


def test_losing_a_deal_from_the_card_needs_a_reason_and_undo_reopens_it(ctx, qtbot, monkeypatch):
    from voronka.views.board.dialogs import LostDialog
    from voronka.views.cards import open_card

    deal = ctx.db.run(create_deal, name="Pilot", user_id=1).created[0]
    card = settled(qtbot, open_card(ctx, "deal", deal))
    qtbot.addWidget(card.window())

    def choose_first_reason(dialog: LostDialog) -> int:
        dialog.select_reason(ctx.query(lost_reasons)[0].id)
        dialog.comment.setPlainText("went with a spreadsheet")
        return 1

    monkeypatch.setattr(LostDialog, "exec", choose_first_reason)
    card.lose()
    with ctx.db.session() as s:
        assert s.get(Deal, deal).status == "lost"
    settled(qtbot, card)
    assert card.reopen_button.isVisibleTo(card) and "went with a spreadsheet" in card.status_label.text()
    assert card.timeline.timeline.entries[0].kind == "lost"
    ctx.undo_stack.undo()
    with ctx.db.session() as s:
        assert s.get(Deal, deal).status == "open"


def test_a_new_deal_from_the_company_card_opens_its_card_and_undo_removes_it(ctx, window, qtbot):
    cid = ctx.db.run(create_company, {"name": "Acme", "website": "acme.ru"}).created[0]
    ctx.open_record.emit("company", cid)
    company_window = existing_window("company", cid)
    qtbot.addWidget(company_window)
    settled(qtbot, company_window.card).new_deal()
    with ctx.db.session() as s:
        deal = s.scalars(select(Deal).where(Deal.company_id == cid)).one()
    assert deal.name == "acme.ru - Acme"
    deal_window = existing_window("deal", deal.id)
    assert deal_window is not None
    qtbot.addWidget(deal_window)
    ctx.undo_stack.undo()
    with ctx.db.session() as s:
        assert s.get(Deal, deal.id) is None
    qtbot.waitUntil(lambda: existing_window("deal", deal.id) is None)  # the card of a deal that is gone closes


def test_winning_from_the_card_asks_about_client_success_like_the_board(ctx, qtbot, monkeypatch):
    from voronka.views.board.dialogs import BoardDialogs
    from voronka.views.cards import open_card

    deal = ctx.db.run(create_deal, name="Pilot", user_id=1, stage_key="committed", amount="90000").created[0]
    card = settled(qtbot, open_card(ctx, "deal", deal))
    qtbot.addWidget(card.window())
    asked = []
    monkeypatch.setattr(BoardDialogs, "won", lambda self, count, offer: asked.append(offer) or True)
    card.win()
    assert asked == [True]  # the team setting is "ask" and this is a sales pipeline
    with ctx.db.session() as s:
        assert s.get(Deal, deal).status == "won"
        assert s.scalar(select(func.count()).select_from(Deal).where(Deal.origin_deal_id == deal)) == 1
    ctx.undo_stack.undo()  # one step: the win and its copy
    with ctx.db.session() as s:
        assert s.get(Deal, deal).status == "open"
        assert s.scalar(select(func.count()).select_from(Deal).where(Deal.origin_deal_id == deal)) == 0


def test_a_refused_move_on_a_lead_card_names_the_stage_in_russian_and_leaves_no_undo_step(db, tmp_path, qtbot,
                                                                                         monkeypatch):
    from voronka.views.cards import deal_card, open_card

    ctx = app_context(db, tmp_path, 1, language="ru")
    deal = ctx.db.run(create_deal, name="Pilot", user_id=1).created[0]  # no amount
    card = settled(qtbot, open_card(ctx, "deal", deal))
    qtbot.addWidget(card.window())
    shown = []
    monkeypatch.setattr(deal_card, "show_error", lambda parent, exc: shown.append(exc))
    qualified = next(s for s in card.data.stages if s.key == "qualified")
    card.move_to(qualified.id)
    from voronka.views.errors import describe

    assert len(shown) == 1 and "Лид квалифицирован" in describe(shown[0])
    assert ctx.undo_stack.count() == 0
