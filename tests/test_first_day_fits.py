"""On the first day (no deals) the start page fits a 1,366×768 and a 1,280×720 screen without a
scroll bar: the overlay covers the tiles, so they get none; with deals the tiles scroll again."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractScrollArea

from voronka.models.services.deals import create_deal
from voronka.views.app_context import AppContext
from voronka.views.first_day.empty_state import EMPTY
from voronka.views.main_window import MainWindow
from voronka.views.reports.background import running_tasks


def visible_scroll_bars(page) -> list[str]:
    bars = []
    for area in page.findChildren(QAbstractScrollArea):
        if not area.isVisible():
            continue
        for bar, name in ((area.verticalScrollBar(), "vertical"), (area.horizontalScrollBar(), "horizontal")):
            if bar.isVisible():
                bars.append(f"{type(area).__name__} {name}")
    return bars


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
@pytest.mark.parametrize("user_id", [None, 3])
def test_the_first_day_start_page_fits_without_a_scroll_bar(db, tmp_path, qtbot, size, user_id):
    ctx = AppContext(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), language="ru")
    ctx.user_id = user_id
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.show_page("start")
    page = window.page("start")
    qtbot.waitUntil(lambda: page.empty_state.state == EMPTY and page.empty_state.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: ctx.executor.idle(), timeout=10000)
    assert window.width() <= size[0] and window.height() <= size[1]
    assert visible_scroll_bars(page) == []
    assert page.scroll.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    ctx.run(create_deal, name="Первая сделка", user_id=3)  # the first deal: the tiles come out
    qtbot.waitUntil(lambda: not page.empty_state.isVisible(), timeout=10000)
    assert page.scroll.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    qtbot.waitUntil(lambda: running_tasks() == 0 and ctx.executor.idle(), timeout=20000)  # the tiles' reports
