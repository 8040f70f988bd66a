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
