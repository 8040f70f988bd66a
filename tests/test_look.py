"""The look: one icon set for the sidebar, a light and a dark theme that follow the system, and
colours by role (no hard-coded colour unreadable in the other theme)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from voronka.views import theme
from voronka.views.app_context import AppContext
from voronka.views.icons import NAMES, icon
from voronka.views.main_window import MainWindow
from voronka.views.pages import PAGES


@pytest.fixture
def light_again():
    yield
    theme.theme_manager().apply("light")
    QApplication.instance().setStyleSheet("")


@pytest.fixture
def window(db, tmp_path, qtbot):
    ctx = AppContext(db, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), language="en")
    ctx.user_id = 1
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def test_every_icon_name_exists_in_the_font(qtbot):
    for key in NAMES:
        assert not icon(key).isNull(), key
    assert {spec.icon_key for spec in PAGES} <= set(NAMES)


def test_choosing_dark_in_settings_changes_the_palette_and_is_remembered(window, qtbot, light_again):
    settings_page = window.page("settings")
    window.show_page("settings")
    box = window.page("settings").theme
    box.setCurrentIndex(box.findData("dark"))
    dark = QApplication.palette().color(QPalette.ColorRole.Window)
    assert dark.lightness() < 60
    assert theme.current_theme() == "dark" and window.ctx.settings.value("ui/theme") == "dark"
    assert "#ef6c6c" in QApplication.instance().styleSheet()  # the dark theme's alert red
    assert settings_page is not window.page("settings")  # the pages were made again, with dark icons
    window.page("settings").theme.setCurrentIndex(window.page("settings").theme.findData("light"))
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 200


def test_system_follows_the_desktop_colour_scheme(qtbot, light_again, monkeypatch):
    manager = theme.theme_manager()
    monkeypatch.setattr(theme, "system_scheme", lambda: "dark")
    assert manager.apply("system") == "dark"
    monkeypatch.setattr(theme, "system_scheme", lambda: "light")
    manager._on_system_scheme(Qt.ColorScheme.Light)
    assert theme.current_theme() == "light"
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 200


def test_the_style_sheet_has_every_colour_filled_in():
    for name in ("light", "dark"):
        sheet = theme.style_sheet(name, 10)
        assert "@" not in sheet, name
        assert theme.COLOURS[name]["alert"] in sheet
