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

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QStaticText, QTransform
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionFocusRect, QStyleOptionViewItem, QWidget

from ..fitting import text_margin
from .lazy_model import LazyRecordModel

SELECTED = QStyle.StateFlag.State_Selected.value
ACTIVE = QStyle.StateFlag.State_Active.value
ENABLED = QStyle.StateFlag.State_Enabled.value
HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
TEXTS_KEPT = 20000  # laid-out texts kept for the next paint (a sort or search repaints the same ones)


class CellTextDelegate(QStyledItemDelegate):
    """For views over a ``LazyRecordModel``: plain text cells in one call each."""

    def __init__(self, model: LazyRecordModel, parent: QWidget):
        super().__init__(parent)
        self._model = model
        self._margin = text_margin(parent)
        self._font = QFont()
        self._laid_out: dict[tuple[str, int], tuple[QStaticText, int]] = {}  # (text, room) -> text, its width
        self._pens: dict[tuple[int, int, bool], QColor] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        row, column = index.row(), index.column()
        model = self._model
        if row >= len(model.ids):
            return
        state = option.state.value
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
            room = rect.width() - 2 * self._margin
            if option.font != self._font:  # another font (a zoom, a theme): lay the texts out again
                self._font = QFont(option.font)
                self._laid_out.clear()
            laid_out = self._laid_out.get((text, room))
            if laid_out is None:
                laid_out = self._lay_out(text, room, option)
            static, width = laid_out
            x = rect.left() + self._margin
            if model.aligned_right(column):
                x += room - width
            y = rect.top() + (rect.height() - option.fontMetrics.height()) // 2
            painter.save()
            painter.setFont(self._font)
            painter.setPen(self._pen(palette, group, selected))
            painter.drawStaticText(QPoint(x, y), static)
            painter.restore()
        if state & HAS_FOCUS:
            frame = QStyleOptionFocusRect()
            frame.rect = QRect(rect)
            frame.state = option.state
            frame.palette = palette
            frame.backgroundColor = palette.color(group, QPalette.ColorRole.Highlight if selected
                                                  else QPalette.ColorRole.Window)
            widget = option.widget
            style = widget.style() if widget is not None else None
            if style is not None:
                style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, frame, painter, widget)

    def _lay_out(self, text: str, room: int, option: QStyleOptionViewItem) -> tuple[QStaticText, int]:
        """``text`` elided to ``room`` as Qt's delegate does, laid out once as plain text (never markup)."""
        metrics = option.fontMetrics
        shown = metrics.elidedText(text, option.textElideMode, room)
        static = QStaticText(shown)
        static.setTextFormat(Qt.TextFormat.PlainText)
        static.prepare(QTransform(), self._font)
        if len(self._laid_out) >= TEXTS_KEPT:
            self._laid_out.clear()
        laid_out = self._laid_out[(text, room)] = (static, metrics.horizontalAdvance(shown))
        return laid_out

    def _pen(self, palette: QPalette, group: QPalette.ColorGroup, selected: bool) -> QColor:
        key = (palette.cacheKey(), group.value, selected)
        colour = self._pens.get(key)
        if colour is None:
            if len(self._pens) > 64:  # palettes come and go with themes
                self._pens.clear()
            colour = self._pens[key] = palette.color(
                group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        return colour
