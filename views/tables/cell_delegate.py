"""Paints a lazy table's cells straight from the model's cached texts.

Qt's own delegate asks the model for seven roles of every cell at every paint (text, font,
alignment, colours, check state, icon), each a call from C++ into Python. A Deals page of
13 columns repaints about 450 cells, so a sort or two letters of search made some 3,000 such
calls, and each waited for the interpreter whenever the database worker was running Python:
the repaint took two to three times as long as it does alone. This delegate is one call per
cell: it draws the selection, the text (elided at the right like Qt's) and the focus frame as
Qt's delegate does for a plain text cell, and leaves tooltips and sizes to the model and Qt.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionFocusRect, QStyleOptionViewItem, QWidget

from .lazy_model import LazyRecordModel

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
SELECTED = QStyle.StateFlag.State_Selected
ACTIVE = QStyle.StateFlag.State_Active
ENABLED = QStyle.StateFlag.State_Enabled
HAS_FOCUS = QStyle.StateFlag.State_HasFocus


def text_margin(widget: QWidget) -> int:
    """The room Qt's style leaves on each side of a cell's text."""
    return widget.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1


class CellTextDelegate(QStyledItemDelegate):
    """For views over a ``LazyRecordModel``: plain text cells in one call each."""

    def __init__(self, model: LazyRecordModel, parent: QWidget):
        super().__init__(parent)
        self._model = model
        self._margin = text_margin(parent)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        row, column = index.row(), index.column()
        model = self._model
        if row >= len(model.ids):
            return
        state = option.state
        palette = option.palette
        group = (QPalette.ColorGroup.Disabled if not state & ENABLED
                 else QPalette.ColorGroup.Active if state & ACTIVE else QPalette.ColorGroup.Inactive)
        rect = option.rect
        selected = bool(state & SELECTED)
        if selected:
            painter.fillRect(rect, palette.brush(group, QPalette.ColorRole.Highlight))
        texts = model.texts_at(row)
        text = texts[column] if texts is not None else ""
        if text:
            room = rect.adjusted(self._margin, 0, -self._margin, 0)
            shown = option.fontMetrics.elidedText(text, option.textElideMode, room.width())
            painter.save()
            painter.setFont(option.font)
            painter.setPen(palette.color(group, QPalette.ColorRole.HighlightedText if selected
                                         else QPalette.ColorRole.Text))
            painter.drawText(room, RIGHT if model.aligned_right(column) else LEFT, shown)
            painter.restore()
        if state & HAS_FOCUS:
            frame = QStyleOptionFocusRect()
            frame.rect = QRect(rect)
            frame.state = state
            frame.palette = palette
            frame.backgroundColor = palette.color(group, QPalette.ColorRole.Highlight if selected
                                                  else QPalette.ColorRole.Window)
            widget = option.widget
            style = widget.style() if widget is not None else None
            if style is not None:
                style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, frame, painter, widget)
