"""The result list under the search box: an overlay on the main window (a child widget, not
a window of its own, so it never takes the keyboard from the box), one list view with a
delegate that paints a kind's header or a hit's title and grey subtitle as plain text."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QListView, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem, QVBoxLayout, QWidget)

from voronka.models.queries.search import SearchHit

from .model import HEADER_ROLE, HIT_ROLE, SUBTITLE_ROLE, SearchResultsModel

PADDING = 10
MIN_WIDTH = 560


class ResultDelegate(QStyledItemDelegate):
    """A header: small grey capitals; a hit: its title and, below, its subtitle."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = option.fontMetrics.height()
        if index.data(HEADER_ROLE):
            return QSize(200, line + 12)
        return QSize(200, 2 * line + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        palette = option.palette
        rect = option.rect.adjusted(PADDING, 0, -PADDING, 0)
        line = option.fontMetrics.height()
        if index.data(HEADER_ROLE):
            font = QFont(option.font)
            font.setPointSizeF(font.pointSizeF() * 0.85)
            font.setBold(True)
            font.setCapitalization(QFont.Capitalization.AllUppercase)
            painter.setFont(font)
            painter.setPen(palette.placeholderText().color())
            painter.drawText(rect.adjusted(0, 6, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             index.data(Qt.ItemDataRole.DisplayRole))
            painter.restore()
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, palette.highlight())
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(option.rect, palette.alternateBase())
        text_colour = palette.highlightedText().color() if selected else palette.text().color()
        muted = palette.highlightedText().color() if selected else palette.placeholderText().color()
        metrics = option.fontMetrics
        title = metrics.elidedText(index.data(Qt.ItemDataRole.DisplayRole) or "", Qt.TextElideMode.ElideRight,
                                   rect.width())
        painter.setPen(text_colour)
        painter.drawText(QRect(rect.left(), rect.top() + 5, rect.width(), line), Qt.AlignmentFlag.AlignLeft, title)
        sub = metrics.elidedText(index.data(SUBTITLE_ROLE) or "", Qt.TextElideMode.ElideRight, rect.width())
        painter.setPen(muted)
        painter.drawText(QRect(rect.left(), rect.top() + 5 + line, rect.width(), line), Qt.AlignmentFlag.AlignLeft, sub)
        painter.restore()


class SearchPopup(QFrame):
    """The results, shown under ``anchor`` inside ``window``; a click opens a hit."""

    chosen = Signal(object)  # SearchHit

    def __init__(self, model: SearchResultsModel, window: QWidget):
        super().__init__(window)
        self.setObjectName("searchPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet("QFrame#searchPopup { background: palette(base); border: 1px solid palette(mid); "
                           "border-radius: 6px; }")
        self.model = model
        self.view = QListView(self)
        self.view.setModel(model)
        self.view.setItemDelegate(ResultDelegate(self.view))
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the search box
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setMouseTracking(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.clicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 4, 2, 4)
        layout.addWidget(self.view)
        self.anchor: QWidget | None = None
        self.hide()

    def _clicked(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if isinstance(hit, SearchHit):
            self.chosen.emit(hit)

    def show_under(self, anchor: QWidget) -> None:
        """Place the list under the search box (inside the window) and show it on top."""
        self.anchor = anchor
        window = self.parentWidget()
        width = min(max(anchor.width(), MIN_WIDTH), window.width() - 16)
        corner = anchor.mapTo(window, QPoint(anchor.width(), anchor.height() + 2))
        left = max(8, min(corner.x() - width, window.width() - width - 8))
        rows = sum(self.view.sizeHintForRow(r) for r in range(self.model.rowCount()))
        height = min(rows + 12, window.height() - corner.y() - 16)
        self.setGeometry(left, corner.y(), width, max(height, 48))
        self.show()
        self.raise_()

    def reposition(self) -> None:
        if self.isVisible() and self.anchor is not None:
            self.show_under(self.anchor)

    def current_hit(self) -> SearchHit | None:
        hit = self.view.currentIndex().data(HIT_ROLE)
        return hit if isinstance(hit, SearchHit) else None

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
