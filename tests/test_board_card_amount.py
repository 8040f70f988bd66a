"""A board card of a deal without an amount leaves the amount's place empty (no «—»); its
tooltip says there is no amount yet."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QPainter, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyleOptionViewItem, QWidget

from voronka.models.clock import local_now
from voronka.models.queries.board import BoardCard
from voronka.views.board.card_delegate import LINES, MARGIN, PADDING, CardColours, CardDelegate
from voronka.views.board.column_model import CARD_ROLE


def card(amount_minor: int | None) -> BoardCard:
    return BoardCard(id=amount_minor or 1, name="Северстрой — внедрение CRM", company_id=1,
                     company="ООО «Северстрой»", amount_minor=amount_minor, currency="RUB", owner_id=1,
                     owner="Мария Иванова", stage_id=1, stage_entered_at=local_now(), source=None,
                     segment=None, cohort=None, contacts=None, task_title=None, task_due=None, search_text="")


def paint(qtbot, delegate: CardDelegate, shown: BoardCard) -> tuple[QPixmap, QRect]:
    """The card drawn on a pixmap, and the left half of its amount row."""
    host = QWidget()
    qtbot.addWidget(host)
    model = QStandardItemModel()
    item = QStandardItem()
    item.setData(shown, CARD_ROLE)
    model.appendRow(item)
    option = QStyleOptionViewItem()
    option.initFrom(host)
    size = QSize(260, delegate.card_height(option.fontMetrics))
    option.rect = QRect(0, 0, size.width(), size.height())
    pixmap = QPixmap(size)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    delegate.paint(painter, option, model.index(0, 0))
    painter.end()
    line = option.fontMetrics.height() + 3
    top = MARGIN + PADDING - 2 + 2 * line
    return pixmap, QRect(MARGIN + PADDING, top, 100, line)


def inked(pixmap: QPixmap, area: QRect) -> int:
    """Pixels in ``area`` that differ from the card's background."""
    image = pixmap.toImage()
    background = CardColours().card.rgb()
    return sum(image.pixel(x, y) != background for x in range(area.left(), area.right())
               for y in range(area.top(), area.bottom()))


def test_no_amount_leaves_the_place_empty(qtbot):
    delegate = CardDelegate("ru")
    assert delegate.amount_text(card(None)) == ""
    assert "250" in delegate.amount_text(card(25_000_000))
    with_amount, area = paint(qtbot, delegate, card(25_000_000))
    without, area = paint(qtbot, delegate, card(None))
    assert inked(with_amount, area) > 20  # «250 000 ₽» is drawn there
    assert inked(without, area) == 0  # and nothing, not «—», when there is no amount
    assert LINES == 4  # the card keeps its height: the row stays, the owner on its right


def test_the_tooltip_says_there_is_no_amount_yet(qtbot):
    delegate = CardDelegate("en")
    model = QStandardItemModel()
    model.appendRow(QStandardItem())
    index = model.index(0, 0)
    assert "No amount yet" in delegate.tooltip(index, card(None))
    assert "Amount: " in delegate.tooltip(index, card(25_000_000))


def test_a_long_name_takes_the_cards_whole_width_and_goes_on_to_the_second_line(qtbot):
    """«Северстрой — внедрение CRM» on a narrow card (a 1,280-px screen) that carries the
    «застряла» badge: the badge sits on the second line, the name has the first line's whole
    width and goes on under it (the company's line only repeated it); nothing is cut."""
    from dataclasses import replace
    from datetime import timedelta

    from PySide6.QtGui import QFont, QFontMetrics

    from voronka.views.board.card_delegate import company_in_name, name_lines

    host = QWidget()
    qtbot.addWidget(host)
    bold = QFont(host.font())
    bold.setBold(True)
    fm = QFontMetrics(bold)
    name = "Северстрой — внедрение CRM"
    narrow = fm.horizontalAdvance("Северстрой — внедрение") + 4  # the name is wider than the card
    first, second = name_lines(name, "ООО «Северстрой»", fm, narrow, narrow - 75)
    assert (first, second) == ("Северстрой — внедрение", "CRM")
    assert fm.horizontalAdvance(first) <= narrow
    assert name_lines(name, "ООО «Северстрой»", fm, 2 * narrow, narrow) == (name, None)  # one line: the company below
    # a company the name does not say keeps its line: the name is elided (its tooltip holds it)
    first, second = name_lines(name, "АО «Другая компания»", fm, narrow, narrow)
    assert second is None and first.endswith("…")
    assert company_in_name("site.ru - ООО «Северстрой»", "ООО «Северстрой»")
    assert company_in_name("Северстрой — внедрение CRM", "ООО Северстрой")
    assert not company_in_name("Внедрение CRM", "ООО «Северстрой»")

    # painted: the badge on the second line, the first line free of it to the card's edge
    delegate = CardDelegate("ru")
    model = QStandardItemModel()
    item = QStandardItem()
    stuck = replace(card(None), stage_entered_at=local_now() - timedelta(days=40))
    item.setData(stuck, CARD_ROLE)
    model.appendRow(item)
    model.stuck_after_days = 10
    option = QStyleOptionViewItem()
    option.initFrom(host)
    width = 2 * MARGIN + 2 * PADDING + narrow
    option.rect = QRect(0, 0, width, delegate.card_height(option.fontMetrics))
    pixmap = QPixmap(option.rect.size())
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    delegate.paint(painter, option, model.index(0, 0))
    painter.end()
    line = option.fontMetrics.height() + 3
    top = MARGIN + PADDING - 2
    image, alert = pixmap.toImage(), CardColours().alert.rgb()
    right = QRect(width - MARGIN - PADDING - 60, top, 60, line)

    def red(area: QRect) -> int:
        return sum(image.pixel(x, y) == alert for x in range(area.left(), area.right())
                   for y in range(area.top(), area.bottom()))

    assert red(right) == 0  # the first line is the name's
    assert red(right.translated(0, line)) > 50  # the badge is under it
