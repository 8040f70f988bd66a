"""Fit at 1,280 × 720: every page, tab, card and dialog in Russian and English shows its
text whole (or elided with a tooltip), and no window needs more than 1,280 px.

The walk is generic (``fit_check.clipped`` checks whatever is visible; every page of the
sidebar and every tab of every tab widget on it are opened), so screens added later are
checked as soon as they exist.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from sqlalchemy import select

from fit_check import clipped, too_wide
from voronka.models.orm import Contact, Deal, User
from voronka.views.app_context import AppContext
from voronka.views.i18n import install_language
from voronka.views.main_window import MainWindow
from voronka.views.pages import PAGE_KEYS

SIZE = (1280, 720)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    from voronka.models.db import open_database
    from voronka.models.demo import build_demo

    path = tmp_path_factory.mktemp("fit") / "demo.db"
    db = open_database(path, language="ru")
    build_demo(db, deals=300, seed=1)
    db.close()
    return path


@pytest.fixture(params=["ru", "en"])
def window(request, demo_path, tmp_path, qtbot):
    from voronka.models.db import open_database

    language = request.param
    install_language(language)
    db = open_database(demo_path, language=language)
    ctx = AppContext(db, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), language=language)
    with db.session() as s:
        ctx.user_id = s.scalar(select(User.id).where(User.role == "head_of_sales"))
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(*SIZE)
    win.show()
    yield win
    win.close()
    install_language("en")


def settle(qtbot, window, ms: int = 150) -> None:
    from voronka.views.reports.background import running_tasks

    qtbot.waitUntil(lambda: window.ctx.executor.idle() and running_tasks() == 0, timeout=30000)
    qtbot.wait(ms)
    QApplication.processEvents()


def walk_tabs(widget: QWidget, qtbot, window, found: list[str], where: str) -> None:
    """Check ``widget``, then every tab of every visible tab widget in it (nested too)."""
    found += [f"{where}: {p}" for p in clipped(widget)]
    for tabs in widget.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            settle(qtbot, window)
            page = tabs.widget(i)
            found += [f"{where} › {tabs.tabText(i)}: {p}" for p in clipped(page)]


def test_every_page_and_tab_fits_1280(window, qtbot):
    found: list[str] = []
    for key in PAGE_KEYS:
        window.show_page(key)
        settle(qtbot, window)
        walk_tabs(window.page(key), qtbot, window, found, key)
        wide = too_wide(window)
        if wide:
            found.append(f"{key}: {wide}")
    assert not found, "\n".join(found)


def test_cards_in_the_panel_and_in_windows_fit_1280(window, qtbot):
    from voronka.views.cards import open_card
    from voronka.views.cards.host import CardPanel

    with window.ctx.db.session() as s:
        deal = s.scalar(select(Deal.id).where(Deal.company_id.is_not(None)).order_by(Deal.id))
        company = s.scalar(select(Deal.company_id).where(Deal.id == deal))
        contact = s.scalar(select(Contact.id).order_by(Contact.id))
    found: list[str] = []
    window.ctx.set_user_setting("cards.open_as", "panel")
    window.show_page("board")
    for kind, rid in (("deal", deal), ("company", company), ("contact", contact)):
        if rid is None:
            continue
        window.ctx.open_record.emit(kind, rid)
        settle(qtbot, window)
        panel = window.findChild(CardPanel, "cardPanel")
        found += [f"panel {kind}: {p}" for p in clipped(panel)]
        wide = too_wide(window)
        if wide:
            found.append(f"panel {kind}: {wide}")
        card = open_card(window.ctx, kind, rid)
        card_window = card.window()
        card_window.resize(*SIZE)
        card_window.show()
        settle(qtbot, window)
        found += [f"window {kind}: {p}" for p in clipped(card_window)]
        wide = too_wide(card_window)
        if wide:
            found.append(f"window {kind}: {wide}")
        card_window.close()
    assert not found, "\n".join(found)


def check(found: list[str], where: str, widget: QWidget, qtbot, window) -> None:
    """Show ``widget``, let it settle, and note every cut text in it and a width above 1,280."""
    widget.show()
    settle(qtbot, window, 50)
    found += [f"{where}: {p}" for p in clipped(widget)]
    wide = too_wide(widget)
    if wide:
        found.append(f"{where}: {wide}")


def test_dialogs_fit_1280(window, qtbot, monkeypatch):
    from voronka.models.queries.board import board_stages, lost_reasons
    from voronka.views.board.board_view import board_order
    from voronka.views.board.dialogs import LostDialog, RequiredFieldsDialog, WonDialog
    from voronka.views.board.quick_create import QuickCreateDialog
    from voronka.views.help.shortcuts import show_shortcuts
    from voronka.views.importing.wizard import ImportWizard

    ctx = window.ctx
    stages = board_order(ctx.query(board_stages, "sales"))
    dialogs = [
        QuickCreateDialog(ctx, "sales", stages[0], window),
        LostDialog(ctx.query(lost_reasons), ctx.language, 1, window),
        WonDialog(1, True, window),
        RequiredFieldsDialog(["amount", "expected_close"], "Квалифицирован", "Acme", window),
        window.about_box(),
    ]
    found: list[str] = []
    for dialog in dialogs:
        check(found, type(dialog).__name__, dialog, qtbot, window)
        dialog.reject()
    shortcuts = show_shortcuts(window)
    check(found, "Help › Keyboard shortcuts", shortcuts, qtbot, window)
    shortcuts.close()
    wizard = ImportWizard(ctx, window)
    wizard.resize(*SIZE)
    check(found, "ImportWizard page 1", wizard, qtbot, window)
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        page.show()
        found += [f"ImportWizard {type(page).__name__}: {p}" for p in clipped(page) if page.isVisible()]
    wizard.reject()

    # the board's filters, folded into "Filters" at 1,280 px: the popup's pickers
    window.show_page("board")
    settle(qtbot, window)
    bar = window.page("board").filter_bar
    if bar.folded:
        bar.more.click()
        check(found, "board › Filters popup", bar.popup, qtbot, window)
        bar.popup.hide()

    # Ctrl+K with results: the grouped list under the search box
    box = window.search_box
    box.activate()
    box.setText("ал")
    box.textEdited.emit(box.text())
    qtbot.waitUntil(lambda: box.popup.isVisible() and box.model.rowCount() > 0, timeout=10000)
    check(found, "search popup", box.popup, qtbot, window)
    box.popup.hide()
    box.clear()

    found += conflict_view_problems(window, qtbot, monkeypatch)
    assert not found, "\n".join(found)


def conflict_view_problems(window, qtbot, monkeypatch) -> list[str]:
    """Someone else saves a deal's amount while this user edits it: the conflict view shows
    theirs and mine; what is cut in it."""
    from decimal import Decimal

    from card_helpers import discard_unsaved_edits
    from voronka.models.services.deal_fields import save_deal_fields
    from voronka.views.cards import open_card
    from voronka.views.conflicts.dialog import ConflictDialog

    ctx = window.ctx
    with ctx.db.session() as s:
        deal, amount = s.execute(select(Deal.id, Deal.amount_minor).where(Deal.status == "open").order_by(Deal.id)).first()
        other = s.scalar(select(User.id).where(User.id != ctx.user_id).order_by(User.id))
    ctx.set_user_setting("cards.open_as", "window")
    card = open_card(ctx, "deal", deal)
    qtbot.waitUntil(lambda: not card.loading and card.form is not None, timeout=10000)
    me = ctx.db.acting_user_id
    ctx.db.acting_user_id = other
    ctx.db.run(save_deal_fields, deal, {"amount": Decimal((amount or 0) + 100) / 100})  # they save first
    ctx.db.acting_user_id = me
    found: list[str] = []
    seen: list[int] = []

    def answer(dialog):
        seen.append(dialog.table.rowCount())
        check(found, "conflict view", dialog, qtbot, window)
        return 0  # keep editing

    monkeypatch.setattr(ConflictDialog, "exec", answer)
    line = card.editor("amount").line
    line.setText("222222")
    line.editingFinished.emit()
    card.save()
    discard_unsaved_edits(monkeypatch)  # closing the card drops what was typed, without asking
    card.window().close()
    assert seen and seen[0] > 0, "the stale edit did not open the conflict view"
    return found
