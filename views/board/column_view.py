"""The list of cards in one stage column: drag cards out, drop cards in, move by keyboard.

It is a one-column ``QTableView`` with fixed row heights rather than a ``QListView``:
the list view lays out every row again after each inserted or removed row (two model
calls per row: ~40 ms for a 15,000-card column), the table's fixed-size header does not
(~2 ms), so a move stays fast however long the column is.

A drop emits ``deals_dropped(deal_ids, stage_id)``; the page runs the move (one
domain call) and the column models update from the ``Changes`` it returns. Keys:
Alt+Right / Alt+Left move the selected deals one main stage on or back, Ctrl+M opens
the "Move to…" menu, Left / Right go to the neighbouring column, Enter opens the card.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QPaintEvent,
    QPalette,
    QPolygon,
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollBar,
    QStyle,
    QStyleOptionSlider,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .column_model import DEAL_ID_ROLE, StageColumnModel, deal_ids_of, deals_mime


def accept_deals(event: QDragEnterEvent | QDragMoveEvent) -> bool:
    if deal_ids_of(event.mimeData()):
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        return True
    event.ignore()
    return False


class CardScrollBar(QScrollBar):
    """The card list's scroll bar, painted flat: a rounded handle on the column's colour.

    Where the handle and the arrows are, and what a click does, stays the style's; only the
    drawing is ours, because the style's gradients took longer to paint than the cards (a
    move changes the bar of both its columns)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        style, control = self.style(), QStyle.ComplexControl.CC_ScrollBar
        palette = self.palette()
        painter = QPainter(self)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        hot = bool(option.state & QStyle.StateFlag.State_MouseOver) or self.isSliderDown()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Dark if hot else QPalette.ColorRole.Mid))
        if self.maximum() > self.minimum():
            handle = style.subControlRect(control, option, QStyle.SubControl.SC_ScrollBarSlider, self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            radius = min(handle.width(), handle.height()) / 2 - 2
            painter.drawRoundedRect(handle.adjusted(3, 1, -3, -1), radius, radius)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        vertical = self.orientation() == Qt.Orientation.Vertical
        for sub, forward in ((QStyle.SubControl.SC_ScrollBarSubLine, False),
                             (QStyle.SubControl.SC_ScrollBarAddLine, True)):
            rect = style.subControlRect(control, option, sub, self)
            if rect.isEmpty():
                continue
            c, r = rect.center(), max(2, min(rect.width(), rect.height()) // 4)
            if vertical:
                tip, side = (0, r) if forward else (0, -r), (r, 0)
            else:
                tip, side = (r, 0) if forward else (-r, 0), (0, r)
            back = QPoint(c.x() - tip[0] // 2, c.y() - tip[1] // 2)
            painter.drawPolygon(QPolygon([QPoint(c.x() + tip[0] // 2, c.y() + tip[1] // 2),
                                          back + QPoint(*side), back - QPoint(*side)]))
        painter.end()


class StageColumnView(QTableView):
    deals_dropped = Signal(list, int)  # deal ids, target stage id
    step_requested = Signal(list, int)  # deal ids, +1 / -1 main stage
    menu_requested = Signal(QPoint)  # global position
    neighbour_requested = Signal(int)  # -1 left, +1 right
    open_requested = Signal(int)  # deal id
    pressed_alone = Signal()  # a click without Ctrl/Shift: other columns drop their selection

    def __init__(self, model: StageColumnModel, selected_ids: Callable[[], list[int]], card_height: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self._selected_ids = selected_ids
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setMinimumSectionSize(1)
        rows.setDefaultSectionSize(card_height)
        rows.hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().hide()
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollBar(CardScrollBar(Qt.Orientation.Vertical, self))
        self.verticalScrollBar().setSingleStep(card_height // 3)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.doubleClicked.connect(lambda index: self.open_requested.emit(int(index.data(DEAL_ID_ROLE))))

    @property
    def column_model(self) -> StageColumnModel:
        return self.model()  # type: ignore[return-value]

    def selected_here(self) -> list[int]:
        return [int(i.data(DEAL_ID_ROLE)) for i in self.selectionModel().selectedIndexes()]

    # --- drag out ---------------------------------------------------------------------
    def startDrag(self, supported: Qt.DropAction) -> None:
        ids = self._selected_ids()
        if not ids:
            return
        drag = QDrag(self)
        drag.setMimeData(deals_mime(ids))
        drag.setPixmap(self._drag_pixmap(len(ids)))
        drag.exec(Qt.DropAction.MoveAction)  # the move itself happens at the drop target

    def _drag_pixmap(self, count: int) -> QPixmap:
        index = self.currentIndex()
        rect = self.visualRect(index)
        pixmap = QPixmap(rect.size())
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = pixmap.rect()
        self.itemDelegate().paint(painter, option, index)
        if count > 1:
            painter.drawText(pixmap.rect().adjusted(0, 0, -10, -8), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                             f"×{count}")
        painter.end()
        return pixmap

    # --- drop in ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        accept_deals(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        accept_deals(event)

    def dropEvent(self, event: QDropEvent) -> None:
        ids = deal_ids_of(event.mimeData())
        if not ids:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.deals_dropped.emit(ids, self.column_model.stage.id)

    # --- mouse and keyboard -----------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            self.pressed_alone.emit()
        super().mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if index.isValid() and not self.selectionModel().isSelected(index):
            self.pressed_alone.emit()
            self.setCurrentIndex(index)
        self.menu_requested.emit(event.globalPos())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        alt = mods & Qt.KeyboardModifier.AltModifier
        ctrl = mods & Qt.KeyboardModifier.ControlModifier
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            step = 1 if key == Qt.Key.Key_Right else -1
            if alt:
                ids = self._selected_ids()
                if ids:
                    self.step_requested.emit(ids, step)
            else:
                self.neighbour_requested.emit(step)
            return
        if ctrl and key == Qt.Key.Key_M or key == Qt.Key.Key_Menu or (mods & Qt.KeyboardModifier.ShiftModifier and key == Qt.Key.Key_F10):
            rect = self.visualRect(self.currentIndex())
            self.menu_requested.emit(self.viewport().mapToGlobal(rect.center() if rect.isValid() else QPoint(10, 10)))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(int(self.currentIndex().data(DEAL_ID_ROLE)))
            return
        super().keyPressEvent(event)


class DropZone(QFrame):
    """A strip at the bottom of the board that takes dropped cards: Won or Lost."""

    deals_dropped = Signal(list)

    def __init__(self, text: str, color: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setMinimumHeight(44)
        self._color = color
        self._set_active(False)
        label = QLabel(text, self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet(f"color: {color}; font-weight: bold; border: none; background: transparent;")
        QVBoxLayout(self).addWidget(label)

    def _set_active(self, active: bool) -> None:
        c = QColor(self._color)
        fill = f"rgba({c.red()}, {c.green()}, {c.blue()}, {64 if active else 18})"
        self.setStyleSheet(f"DropZone {{ border: 2px dashed {self._color}; border-radius: 8px; background: {fill}; }}")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if accept_deals(event):
            self._set_active(True)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        accept_deals(event)

    def dragLeaveEvent(self, event) -> None:
        self._set_active(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_active(False)
        ids = deal_ids_of(event.mimeData())
        if ids:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            self.deals_dropped.emit(ids)
