"""The dark theme reaches everything that paints: the board, a card with its timeline, the funnel
editor and the report view draw dark, item models' own colours keep their text readable in both
themes, and the report files (PDF, PNG) stay light for printing."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from voronka.models.services.deals import create_deal
from voronka.views import theme
from voronka.views.app_context import AppContext
from voronka.views.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
# files whose colours are not painted on the theme's background: printed report files and
# their charts, badges with white text on a fixed colour, the icon font's own colours
FIXED_COLOURS_ALLOWED = {"views/theme.py", "views/icons.py", "views/exports/xlsx.py", "views/reports/pdf.py"}


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio (1 … 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mean_lightness(image: QImage) -> float:
    """The average lightness (0 … 1) of a grid of pixels of ``image``."""
    step = max(4, min(image.width(), image.height()) // 60)
    values = [image.pixelColor(x, y).lightnessF()
              for x in range(0, image.width(), step) for y in range(0, image.height(), step)]
    return sum(values) / len(values)


@pytest.fixture
def dark(qapp):
    theme.theme_manager().apply("dark")
    yield
    theme.theme_manager().apply("light")
    QApplication.instance().setStyleSheet("")


@pytest.mark.parametrize("name", ["light", "dark"])
def test_colours_item_models_paint_keep_their_text_readable(qapp, name):
    theme.theme_manager().apply(name)
    try:
        palette = QApplication.palette()
        text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
        c = theme.colour
        assert contrast(text, c("changed")) >= 4.5  # the funnel change preview's changed cells
        assert contrast(text, c("stripe")) >= 4.5  # the reps table's team-median row
        assert contrast(c("act_text"), c("act")) >= 4.5  # a figure to act on (plan, reps)
        assert contrast(c("better_text"), base) >= 4.5
        for secondary in ("muted", "alert", "warning", "accent"):  # notes, overdue tasks, plan totals, tile bars
            assert contrast(c(secondary), base) >= 3.0, secondary
    finally:
        theme.theme_manager().apply("light")
        QApplication.instance().setStyleSheet("")


def _view_sources():
    """(path, text) of every view module that must take its colours from the theme."""
    for path in sorted((ROOT / "views").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel not in FIXED_COLOURS_ALLOWED:
            yield rel, path.read_text("utf-8")


def test_no_screen_paints_with_a_colour_of_its_own():
    """Painting code asks the theme (``theme.colour``) — a fixed colour is unreadable in one theme."""
    found = []
    for rel, text in _view_sources():
        found += [f"{rel}: {m}" for m in re.findall(r'QColor\("#[0-9a-fA-F]{3,8}"\)|Qt\.GlobalColor\.dark\w+|'
                                                    r'setStyleSheet\("color: #', text)]
    assert not found, found


# a colour written as a literal where pyqtgraph takes one: pg.mkPen("#e08a2c"), brush=(224, 138, 44),
# pen="r", labelOpts={"color": "#b3261e"} ...
PYQTGRAPH_LITERAL = re.compile(
    r"""pg\.mk(?:Pen|Brush|Color)\(\s*(?:["'][^"']*["']|\(\s*\d)"""
    r"""|\b(?:brush|pen|symbolBrush|symbolPen|labelTextColor|color|background)\s*=\s*(?:["'][^"']*["']|\(\s*\d)"""
    r"""|["']color["']\s*:\s*(?:["'][^"']*["']|\(\s*\d)""")
HEX = re.compile(r"""["']#[0-9a-fA-F]{3,8}["']""")


def test_no_chart_draws_with_a_colour_of_its_own():
    """The charts (pyqtgraph) take their colours from the theme too: no hex string or RGB tuple
    is handed to pyqtgraph, and a file that draws with pyqtgraph keeps no hex colour of its own
    (the Plan tab's chart drew a fixed orange, the charts' series a fixed palette)."""
    found = []
    for rel, text in _view_sources():
        found += [f"{rel}: {m.group(0)}" for m in PYQTGRAPH_LITERAL.finditer(text)]
        if "pyqtgraph" in text or "from ..charts import" in text or "from .charts import" in text:
            found += [f"{rel}: {m.group(0)}" for m in HEX.finditer(text)]
    assert not found, found


@pytest.mark.parametrize("text", ['pg.mkPen("#e08a2c", width=2)', "brush=(224, 138, 44)", 'pen="r"',
                                  'labelOpts={"color": "#b3261e"}', "pg.mkBrush((1, 2, 3))"])
def test_the_chart_colour_check_sees_a_literal(text):
    assert PYQTGRAPH_LITERAL.search(text)


def test_the_charts_series_and_targets_follow_the_theme(qapp):
    from voronka.views.reports.charts import series

    for name in ("light", "dark"):
        theme.theme_manager().apply(name)
        try:
            chart = QColor(theme.COLOURS[name]["chart"])
            colours = [series(n) for n in range(theme.SERIES)] + [theme.colour("chart_target")]
            assert all(contrast(c, chart) >= 2.5 for c in colours), name  # a bar or line stands out
            assert series(0) == QColor(theme.COLOURS[name]["series_1"]) and series(theme.SERIES) == series(0)
            base = QColor(theme.COLOURS[name]["base"])
            assert contrast(theme.met_colour(True), base) >= 4.5 and contrast(theme.met_colour(False), base) >= 4.5
        finally:
            theme.theme_manager().apply("light")
            QApplication.instance().setStyleSheet("")


def test_the_timeline_greys_a_note_with_the_theme(dark, qtbot):
    from datetime import datetime

    from voronka.models.queries.cards import TimelineEntry
    from voronka.views.cards.timeline import TimelineModel

    model = TimelineModel("en")
    fields = TimelineEntry.__dataclass_fields__
    values = {name: None for name in fields}
    values.update(kind="note", at=datetime(2026, 11, 30, 10, 0), text="Called back")
    model.set_entries([TimelineEntry(**values)])
    from PySide6.QtCore import Qt

    note = model.data(model.index(0), Qt.ItemDataRole.ForegroundRole)
    assert contrast(note, QApplication.palette().color(QPalette.ColorRole.Base)) >= 4.5


@pytest.fixture
def window(db, tmp_path, qtbot, dark):
    db.run(create_deal, name="Acme renewal", user_id=1)
    db.run(create_deal, name="Globex pilot", user_id=2)
    ctx = AppContext(db, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), language="en")
    ctx.user_id = 3
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    return win


def test_the_board_the_funnel_editor_the_reports_and_a_card_draw_dark(window, qtbot):
    ctx = window.ctx
    window.show_page("board")
    board = window.page("board")
    qtbot.waitUntil(lambda: not board.board.loading and board.board.shown_count() == 2, timeout=10000)
    assert mean_lightness(board.grab().toImage()) < 0.3
    window.show_page("reports")
    qtbot.waitUntil(ctx.executor.idle, timeout=20000)
    assert mean_lightness(window.page("reports").grab().toImage()) < 0.3
    window.show_page("settings")
    settings = window.page("settings")
    settings.show_funnel("sales")
    qtbot.waitUntil(ctx.executor.idle, timeout=10000)
    assert mean_lightness(settings.funnel.grab().toImage()) < 0.3
    from voronka.views.cards import open_card

    ctx.set_user_setting("cards.open_as", "window")
    card = open_card(ctx, "deal", 1, window)
    qtbot.waitUntil(lambda: not card.loading and ctx.executor.idle(), timeout=10000)
    image = card.window().grab().toImage()
    card.window().close()
    assert mean_lightness(image) < 0.3


def test_a_report_file_stays_light_in_the_dark_theme(db, dark):
    from voronka.metrics.periods import parse_period
    from voronka.metrics.report_bundle import build_bundle
    from voronka.models.loader import load_frames
    from voronka.views.reports.pdf import page_image

    db.run(create_deal, name="Acme renewal", user_id=1)
    image = page_image(build_bundle(load_frames(db), parse_period("2026-10")), 0, "en")
    assert mean_lightness(image) > 0.85  # white paper
    darkest = min(image.pixelColor(x, y).lightnessF() for x in range(0, image.width(), 3)
                  for y in range(0, image.height() // 6, 3))
    assert darkest < 0.3  # and the title in dark ink, not the dark theme's light text
