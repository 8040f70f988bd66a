"""What a head of sales notices on the screenshots (issue 13's last point): a menu button's
arrow drawn over its last letter, column titles cut mid-word, a filter row that widens the
window, periods and months as codes, English demo data in a Russian team, the currency as a
code beside an amount, plain colour squares where the timeline's icons belong."""
from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSettings, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMenu, QTableView, QToolButton

from voronka.views import theme
from voronka.views.app_context import AppContext
from voronka.views.main_window import MainWindow


@pytest.fixture
def themed(qtbot):
    theme.theme_manager().apply("light")  # the app's look: Fusion, palette and the style sheet
    yield
    QApplication.instance().setStyleSheet("")


def test_a_menu_buttons_arrow_has_room_of_its_own_beside_the_text(themed, qtbot):
    button = QToolButton()
    qtbot.addWidget(button)
    button.setText("Добавить плитку")
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setMenu(QMenu(button))
    plain = QToolButton()
    qtbot.addWidget(plain)
    plain.setText("Добавить плитку")
    assert button.sizeHint().width() >= plain.sizeHint().width() + 14  # the arrow's room, not the text's


class _Titles(QAbstractTableModel):
    TITLES = ["Этап", "Конверсия в положительный ответ", "Вероятность (по истории)"]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else 2

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.TITLES)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return "1" if role == Qt.ItemDataRole.DisplayRole else None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.TITLES[section]
        return None


def test_column_titles_wrap_and_no_word_is_cut(themed, qtbot):
    from voronka.views.fitting import fit_header, title_room

    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(_Titles(view))
    view.horizontalHeader().setDefaultSectionSize(40)  # narrower than "положительный"
    fit_header(view)
    view.show()
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    qtbot.waitUntil(lambda: header.sectionSize(1) >= metrics.horizontalAdvance("положительный"))
    for section, title in enumerate(_Titles.TITLES):
        widest = max(metrics.horizontalAdvance(word) for word in title.split())
        assert header.sectionSize(section) >= widest, title
    assert header.minimumHeight() >= 2 * metrics.height()  # the titles wrap onto lines of their own
    for column in range(3):
        view.setColumnWidth(column, 30)  # fitted to the values ("1"), titles left out
    title_room(view)  # the title on two lines, whole: not the one-line width
    assert view.columnWidth(1) < metrics.horizontalAdvance(_Titles.TITLES[1])
    assert view.columnWidth(1) >= metrics.horizontalAdvance("Конверсия в") - 2


@pytest.fixture
def window(db, tmp_path, qtbot):
    from voronka.views.i18n import install_language

    install_language("ru")
    ctx = AppContext(db, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), language="ru")
    ctx.user_id = 3
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    yield win
    win.close()
    install_language("en")


def test_the_deals_filter_row_folds_onto_two_lines_rather_than_widen_the_window(window, qtbot):
    window.show_page("deals")
    page = window.page("deals")
    page.filters_button.setChecked(True)
    qtbot.waitUntil(lambda: page.filter_bar.isVisible())
    QApplication.processEvents()
    assert window.minimumSizeHint().width() <= 1280
    assert window.width() <= 1280
    assert page.filter_bar.two_lines
    page.filter_bar.fit(5000)  # a wide screen: one line again
    assert not page.filter_bar.two_lines


def test_the_report_names_its_period_as_people_say_it(window, qtbot):
    from voronka.metrics.periods import parse_period

    window.show_page("reports")
    page = window.page("reports")
    page.controller.set_period(parse_period("2026-W48"))
    qtbot.waitUntil(lambda: page.period_edit.text().startswith("неделя 48"))
    assert "W48" not in page.period_edit.text()
    page.period_edit.setText("2026-10")
    page.period_edit.returnPressed.emit()  # a typed code still goes there
    assert page.controller.period.label == "2026-10"
    qtbot.waitUntil(lambda: page.period_edit.text() == "октябрь 2026")


def test_a_month_column_says_the_month_not_its_code():
    from voronka.metrics.formatting import value_text

    assert value_text("2026-11", "period", "ru") == "ноябрь 2026"
    assert value_text("2026-11", "period", "en") == "November 2026"


def test_a_russian_teams_demo_names_sources_and_segments_in_russian(tmp_path):
    from voronka.models.db import open_database
    from sqlalchemy import select

    from voronka.models.demo import build_demo
    from voronka.models.orm import Deal

    for language, source, segment in (("ru", "Рекомендация", "Малый бизнес"), ("en", "referral", "SMB")):
        db = open_database(tmp_path / f"{language}.db", language=language)
        build_demo(db, deals=60, seed=1)
        with db.session() as s:
            sources = set(s.scalars(select(Deal.source).distinct()))
            segments = set(s.scalars(select(Deal.segment).distinct()))
        db.close()
        assert source in sources and segment in segments, language


def test_an_amount_on_a_card_shows_the_currency_sign_not_its_code(db, tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QLabel

    from card_helpers import app_context, discard_unsaved_edits, settled
    from voronka.models.services.deals import create_deal
    from voronka.views.cards import open_card

    discard_unsaved_edits(monkeypatch)
    ctx = app_context(db, tmp_path, 1, language="ru")
    card = open_card(ctx, "deal", db.run(create_deal, name="Pilot", user_id=1).created[0])
    qtbot.addWidget(card.window())
    settled(qtbot, card)
    beside = [label.text() for label in card.editor("amount").findChildren(QLabel)]
    assert "₽" in beside and "RUB" not in beside


def test_the_timeline_shows_an_icon_for_each_kind_of_event(themed, qtbot):
    from voronka.models.queries.cards import TimelineEntry
    from voronka.views.cards.timeline import KIND_ICONS, TimelineModel

    model = TimelineModel("ru")
    values = {name: None for name in TimelineEntry.__dataclass_fields__}
    entries = []
    for kind in KIND_ICONS:
        entry = dict(values, kind=kind, at=datetime(2026, 11, 30, 10, 0), text="x")
        entries.append(TimelineEntry(**entry))
    model.set_entries(entries)
    for row, kind in enumerate(KIND_ICONS):
        decoration = model.data(model.index(row), Qt.ItemDataRole.DecorationRole)
        assert isinstance(decoration, QIcon) and not decoration.isNull(), kind


def test_a_deal_cards_side_keeps_its_share_though_it_is_filled_later(db, tmp_path, qtbot, monkeypatch):
    from card_helpers import app_context, discard_unsaved_edits, settled
    from voronka.models.services.deals import create_deal
    from voronka.views.cards import open_card

    discard_unsaved_edits(monkeypatch)
    ctx = app_context(db, tmp_path, 1, language="ru")
    ctx.set_user_setting("cards.open_as", "window")
    card = open_card(ctx, "deal", db.run(create_deal, name="Pilot", user_id=1).created[0])
    qtbot.addWidget(card.window())
    card.window().resize(1100, 760)
    card.window().show()
    settled(qtbot, card)
    form, side = card.splitter.sizes()
    assert side > form  # 3 : 4, the next steps and the history not squeezed by an empty first hint


def test_money_and_fractions_in_a_russian_editor_have_a_decimal_comma_and_read_back():
    """A Russian card shows «98 765 432 100,50», not «…100.50»; the value typed back is the same."""
    from decimal import Decimal

    from voronka.models.fields import FieldSpec, FieldType
    from voronka.models.fields.types import normalise
    from voronka.views.cards.formatting import edit_text

    money = FieldSpec("amount", FieldType.MONEY, "Amount", "Сумма")
    share = FieldSpec("share", FieldType.NUMBER, "Share", "Доля")
    assert edit_text(money, Decimal("98765432100.50"), "ru") == "98 765 432 100,50"
    assert edit_text(money, Decimal("98765432100.50"), "en") == "98 765 432 100.50"
    assert edit_text(money, Decimal("250000"), "ru") == "250 000"
    assert edit_text(share, Decimal("2.50"), "ru") == "2,5"
    for language in ("ru", "en"):
        assert normalise(money, edit_text(money, Decimal("98765432100.50"), language)) == Decimal("98765432100.50")
        assert normalise(share, edit_text(share, Decimal("2.5"), language)) == Decimal("2.5")
