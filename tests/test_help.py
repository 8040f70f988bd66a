"""Help: F1 lists every keyboard shortcut of the code, the user guide opens in the UI
language, About says where the log file is; Ctrl+1…8 open pages; the top bar says its keys."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from voronka.views.app_context import AppContext
from voronka.views.help.guide import GuideWindow
from voronka.views.help.shortcuts import SHORTCUTS, ShortcutsDialog, listed_keys
from voronka.views.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def window(db, tmp_path, qtbot):
    ctx = AppContext(db, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), language="en")
    ctx.user_id = 1
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def test_f1_opens_the_list_of_shortcuts_with_ctrl_k_and_the_undo_keys(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    text = "\n".join(dialog.texts())
    for keys in ("Ctrl+K", "Ctrl+Z", "Ctrl+Shift+Z", "Alt+Right", "Ctrl+M", "Alt+1 … Alt+5", "Ctrl+S", "F2"):
        assert keys in text, keys
    dialog.filter.setText("redo")
    assert [t.split(" — ")[1] for t in dialog.texts()] == ["Redo"]


def code_shortcuts() -> set[str]:
    """Every key combination the code binds: setShortcut / QKeySequence / QShortcut strings, and
    standard keys by name."""
    standard = {"Undo": "Ctrl+Z", "Redo": "Ctrl+Y", "Quit": "Ctrl+Q", "New": "Ctrl+N", "Open": "Ctrl+O",
                "Save": "Ctrl+S"}
    found: set[str] = set()
    for path in [*ROOT.glob("views/**/*.py"), *ROOT.glob("desktop/**/*.py")]:
        text = path.read_text("utf-8")
        found.update(re.findall(r'(?:QKeySequence|setShortcut)\(f?"([^"{]+)"\)', text))
        found.update(f"{m}1" for m in re.findall(r'QKeySequence\(f"([A-Za-z+]+)\{n\}"\)', text))
        found.update(standard[m] for m in re.findall(r"StandardKey\.(\w+)", text) if m in standard)
        if "Key_F1)" in text:
            found.add("F1")
    return found


def test_the_list_names_every_shortcut_the_code_binds():
    missing = code_shortcuts() - listed_keys()
    assert not missing, f"shortcuts missing from views/help/shortcuts.py: {sorted(missing)}"
    assert {"Ctrl+K", "F1", "Ctrl+Z", "Alt+Left", "Ctrl+I"} <= code_shortcuts()


def test_every_shortcut_is_translated_in_russian(qtbot):
    from voronka.views.i18n import install_language

    install_language("ru")
    try:
        dialog = ShortcutsDialog()
        qtbot.addWidget(dialog)
        rows = dialog.texts()
        assert len(rows) == len(SHORTCUTS)
        assert dialog.windowTitle() == "Сочетания клавиш"
        assert not [r for r in rows if re.search(r"[A-Za-z]{4,}", r.split(" — ")[1])]
    finally:
        install_language("en")


def test_user_guide_opens_in_the_ui_language_and_follows_its_links(qtbot):
    guide = GuideWindow("ru")
    qtbot.addWidget(guide)
    assert guide.page is not None and guide.page.parent.name == "ru"
    assert "Воронка" in guide.text() or "воронк" in guide.text().lower()
    guide._on_link(__import__("PySide6.QtCore", fromlist=["QUrl"]).QUrl("backups.md"))
    assert guide.browser.source().toLocalFile().endswith("ru/backups.md")
    assert guide.back.isEnabled()


def test_help_menu_has_the_guide_and_about_names_the_log_file(window, qtbot):
    texts = [a.text() for a in window.help_menu.actions()]
    assert "User &guide" in texts and "&Keyboard shortcuts" in texts
    window.guide_action.trigger()
    assert window.findChild(GuideWindow).isVisible()
    from voronka.models.paths import log_path

    assert str(log_path()) in window.about_text()


def test_ctrl_2_opens_the_second_page_and_the_top_bar_says_the_keys(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == window.sidebar.item(1).data(Qt.ItemDataRole.UserRole + 1)
    assert window.undo_action.toolTip() == "Undo (Ctrl+Z)"
    assert window.shortcuts_action.toolTip() == "Keyboard shortcuts (F1)"
    assert window.file_actions.import_action.toolTip().endswith("(Ctrl+I)")
