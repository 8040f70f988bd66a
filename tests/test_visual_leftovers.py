"""What a Russian rep saw cut or coloured wrongly, checked where it was: the deal list on a
company card gives the deal's name the room (amounts compact at the right), the Plan tab wraps a
long stage name instead of eliding it, the Reps tab says what SDR and AE mean, the card layout
editor's "To block" keeps its menu arrow beside the text, and the MRR chart and the start page's
lists take their colours from the theme (red only for a task that is late)."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from voronka.models.queries.cards import DealLine
from voronka.views.app_context import AppContext

ROOT = Path(__file__).resolve().parents[1]


def test_a_company_cards_deal_list_gives_the_name_the_room(db, tmp_path, qtbot):
    from voronka.views.cards.lists import deal_list

    ctx = AppContext(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), language="ru")
    listing = deal_list(ctx, None)
    qtbot.addWidget(listing)
    listing.resize(640, 240)
    listing.show()
    name = "megalogistik.ru - ООО «МегаЛогистик» — продление на 2027 год"
    listing.set_rows([DealLine(1, name, "Проект согласован", "Project agreed", "open", Decimal("2170000")),
                      DealLine(2, "Пилот", "Демо назначено", "Demo set", "won", Decimal("950000"))])
    table = listing.table
    widths = [table.columnWidth(c) for c in range(4)]
    fm = table.fontMetrics()
    assert widths[0] >= fm.horizontalAdvance(name) - 2 or widths[0] >= table.viewport().width() // 2
    assert widths[0] > max(widths[1:])  # the name, not the amount, is the wide column
    amount = listing.model.index(0, 3).data()
    assert amount.endswith("₽") and widths[3] >= fm.horizontalAdvance(amount)  # the amount whole, and compact
    assert widths[3] < fm.horizontalAdvance(amount) + 40
    assert sum(widths) <= table.viewport().width() + 2  # nothing pushed out of view
    assert listing.model.index(0, 3).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    listing.resize(420, 240)  # a narrow side panel: still no column out of view, the name still the widest
    qtbot.waitUntil(lambda: sum(table.columnWidth(c) for c in range(4)) <= table.viewport().width() + 2)
    assert table.columnWidth(0) >= max(table.columnWidth(c) for c in range(1, 4))


def test_the_layout_editors_to_block_button_has_its_arrow_beside_the_text():
    source = (ROOT / "views" / "cards" / "layout_editor.py").read_text("utf-8")
    assert re.search(r"self\.to_block_button = QPushButton\(", source)  # a push button draws the arrow apart
    qss = (ROOT / "resources" / "styles" / "voronka.qss").read_text("utf-8")
    assert 'QToolButton[popupMode="2"]' in qss  # and menu tool buttons make room (sized below)


def test_the_menu_tool_buttons_leave_room_for_their_arrow(qapp, qtbot):
    from PySide6.QtWidgets import QMenu, QToolButton

    from voronka.views import theme

    theme.theme_manager().apply("light")
    try:
        plain, menu = QToolButton(), QToolButton()
        for button in (plain, menu):
            qtbot.addWidget(button)
            button.setText("Выгрузить")
        menu.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu.setMenu(QMenu(menu))
        assert menu.sizeHint().width() >= plain.sizeHint().width() + 12  # the arrow's room beside the text
    finally:
        qapp.setStyleSheet("")


def test_the_mrr_chart_and_the_start_lists_use_the_themes_colours():
    for rel in ("views/reports/tabs/mrr.py", "views/start/list_tiles.py"):
        text = (ROOT / rel).read_text("utf-8")
        assert not re.findall(r'"#[0-9a-fA-F]{6}"', text), rel


def test_the_mrr_series_follow_the_theme_and_churn_is_not_red(qapp):
    from voronka.views import theme
    from voronka.views.reports.tabs.mrr import series_colours

    try:
        for name in ("light", "dark"):
            theme.theme_manager().apply(name)
            colours = series_colours()
            assert colours["net"] == theme.colour("chart_text") and colours["new"] == theme.colour("accent")
            assert colours["churned"].rgb() != theme.colour("alert").rgb()
    finally:
        theme.theme_manager().apply("light")
        qapp.setStyleSheet("")


def _card_list(make, db, tmp_path, qtbot, width: int):
    ctx = AppContext(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), language="ru")
    listing = make(ctx, None)
    qtbot.addWidget(listing)
    listing.resize(width, 240)
    listing.show()
    return listing


def _widths(listing) -> list[int]:
    return [listing.table.columnWidth(c) for c in range(listing.model.columnCount())
            if not listing.table.isColumnHidden(c)]


def test_a_company_cards_people_get_room_by_their_content(db, tmp_path, qtbot):
    """A long position is not elided while a short e-mail beside it keeps spare room; when both
    are long they give way alike, and nothing is pushed out of view."""
    from voronka.models.queries.cards import PersonLine
    from voronka.views.cards.lists import people_list

    listing = _card_list(people_list, db, tmp_path, qtbot, 600)
    table, fm = listing.table, listing.table.fontMetrics()
    position = "Руководитель отдела закупок и ВЭД"
    listing.set_rows([PersonLine(1, "Алексей Егоров", position, "lpr", "info@mega.ru", "+79416406453")])
    assert fm.horizontalAdvance(position) > table.viewport().width() // 3  # more than a column's "share"
    assert table.columnWidth(1) >= fm.horizontalAdvance(position)  # the position whole
    assert table.columnWidth(3) >= fm.horizontalAdvance("info@mega.ru")
    assert sum(_widths(listing)) <= table.viewport().width() + 2
    email = "aleksandr.konstantinopolskiy@mezhregion-logistika.ru"
    listing.set_rows([PersonLine(1, "Алексей Егоров", position * 2, "lpr", email, "+79416406453")])
    assert sum(_widths(listing)) <= table.viewport().width() + 2
    assert abs(table.columnWidth(1) - table.columnWidth(3)) <= 2  # the two long ones share the cut
    assert table.columnWidth(0) >= fm.horizontalAdvance("Алексей Егоров")  # the short ones stay whole


def test_a_contacts_actions_have_no_empty_column_and_reach_the_right_edge(db, tmp_path, qtbot):
    from datetime import datetime

    from voronka.models.queries.cards import ActivityLine
    from voronka.views.cards.lists import activity_list

    listing = _card_list(activity_list, db, tmp_path, qtbot, 600)
    table = listing.table
    rows = [ActivityLine(n, datetime(2026, 10, n + 1, 12, 0), "call", "Дозвонился", None, 1,
                         "megalogistik.ru - ООО «МегаЛогистик»", "Дмитрий Соколов") for n in range(30)]
    listing.set_rows(rows)
    text_column = listing.model.columnCount() - 1
    assert table.isColumnHidden(text_column)  # no action has a text: no empty column at the right
    qtbot.waitUntil(lambda: table.verticalScrollBar().isVisible())
    assert table.viewport().width() - 2 <= sum(_widths(listing)) <= table.viewport().width() + 1  # no gap, no scrolling
    assert not table.horizontalScrollBar().isVisible()
    assert table.columnWidth(4) >= table.fontMetrics().horizontalAdvance("Дмитрий Соколов")  # "Who", the last, whole
    from dataclasses import replace

    rows[0] = replace(rows[0], text="Договорились о демо на пятницу")
    listing.set_rows(rows)
    assert not table.isColumnHidden(text_column)
    assert sum(_widths(listing)) <= table.viewport().width() + 1
