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


def test_dialogs_fit_1280(window, qtbot):
    from voronka.models.queries.board import board_stages, lost_reasons
    from voronka.views.board.board_view import board_order
    from voronka.views.board.dialogs import LostDialog, RequiredFieldsDialog, WonDialog
    from voronka.views.board.quick_create import QuickCreateDialog
    from voronka.views.importing.wizard import ImportWizard

    ctx = window.ctx
    stages = board_order(ctx.query(board_stages, "sales"))
    dialogs = [
        QuickCreateDialog(ctx, "sales", stages[0], window),
        LostDialog(ctx.query(lost_reasons), ctx.language, 1, window),
        WonDialog(1, True, window),
        RequiredFieldsDialog(["amount", "expected_close"], "Квалифицирован", "Acme", window),
    ]
    found: list[str] = []
    for dialog in dialogs:
        dialog.show()
        settle(qtbot, window)
        found += [f"{type(dialog).__name__}: {p}" for p in clipped(dialog)]
        wide = too_wide(dialog)
        if wide:
            found.append(wide)
        dialog.reject()
    wizard = ImportWizard(ctx, window)
    wizard.resize(*SIZE)
    wizard.show()
    settle(qtbot, window)
    found += [f"ImportWizard page 1: {p}" for p in clipped(wizard)]
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        page.show()
        found += [f"ImportWizard {type(page).__name__}: {p}" for p in clipped(page) if page.isVisible()]
    wide = too_wide(wizard)
    if wide:
        found.append(wide)
    wizard.reject()
    assert not found, "\n".join(found)
