"""Paints a deal card: name, company, amount, owner, days in the stage, the next task
(red when overdue) and a "stuck" marker when the deal has sat longer than the stage allows.

Everything comes from the ``BoardCard`` row; painting never queries. All cards have one
height, so the list view can use uniform item sizes and scroll ten thousand cards smoothly.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip

from voronka.models.clock import local_now
from voronka.models.queries.board import BoardCard

from .column_model import CARD_ROLE
from .formatting import days_text, due_text, money_text
from .stage_stats import days_between

MARGIN = 4
PADDING = 8
LINES = 4
# Cards keep their own light colours: the column behind them is tinted, not the palette's base.
CARD = QColor("#ffffff")
CARD_SELECTED = QColor("#e3edff")
BORDER = QColor("#d1d5db")
BORDER_SELECTED = QColor("#2563eb")
TEXT = QColor("#111827")
MUTED = QColor("#6b7280")
STUCK = QColor("#c62828")
OVERDUE = QColor("#c62828")


class CardDelegate(QStyledItemDelegate):
    def __init__(self, language: str, parent=None):
        super().__init__(parent)
        self.language = language

    @staticmethod
    def card_height(fm: QFontMetrics) -> int:
        return LINES * (fm.height() + 3) + 2 * PADDING + 2 * MARGIN

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(200, self.card_height(option.fontMetrics))

    @staticmethod
    def stuck_days(index: QModelIndex | QPersistentModelIndex, card: BoardCard, now: datetime) -> float | None:
        """Days in stage when the card is stuck, else None."""
        limit = getattr(index.model(), "stuck_after_days", None)
        days = days_between(card.stage_entered_at, now)
        return days if limit is not None and days > limit else None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        card: BoardCard | None = index.data(CARD_ROLE)
        if card is None:
            return
        now = local_now()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)  # the keyboard's card
        rect = option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(BORDER_SELECTED if selected or focused else BORDER, 2 if selected or focused else 1)
        if focused and not selected:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(CARD_SELECTED if selected else CARD)
        painter.drawRoundedRect(rect, 6, 6)
        days = days_between(card.stage_entered_at, now)
        stuck = self.stuck_days(index, card, now) is not None
        if stuck:
            painter.fillRect(QRect(rect.left() + 1, rect.top() + 4, 4, rect.height() - 8), STUCK)
        inner = rect.adjusted(PADDING, PADDING - 2, -PADDING, -PADDING)
        fm = option.fontMetrics
        line = fm.height() + 3
        text_color = TEXT
        bold = QFont(option.font)
        bold.setBold(True)
        bold_fm = QFontMetrics(bold)

        # 1: name, and the stuck badge on the right
        badge_w = 0
        if stuck:
            badge = self.tr("stuck")
            badge_w = fm.horizontalAdvance(badge) + 10
            badge_rect = QRect(inner.right() - badge_w + 1, inner.top() + 1, badge_w, line - 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(STUCK)
            painter.drawRoundedRect(badge_rect, 4, 4)
            painter.setPen(QColor("white"))
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
            badge_w += 6
        painter.setFont(bold)
        painter.setPen(text_color)
        row = QRect(inner.left(), inner.top(), inner.width() - badge_w, line)
        painter.drawText(row, Qt.AlignmentFlag.AlignVCenter, bold_fm.elidedText(card.name, Qt.TextElideMode.ElideRight, row.width()))
        painter.setFont(option.font)

        # 2: company
        row = QRect(inner.left(), inner.top() + line, inner.width(), line)
        painter.setPen(MUTED)
        painter.drawText(row, Qt.AlignmentFlag.AlignVCenter, fm.elidedText(card.company or "", Qt.TextElideMode.ElideRight, row.width()))

        # 3: amount on the left, owner on the right
        row = QRect(inner.left(), inner.top() + 2 * line, inner.width(), line)
        amount = money_text(card.amount_minor, card.currency, self.language)
        painter.setFont(bold)
        painter.setPen(text_color if card.amount_minor else MUTED)
        painter.drawText(row, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, amount)
        painter.setFont(option.font)
        painter.setPen(MUTED)
        owner_w = max(0, row.width() - bold_fm.horizontalAdvance(amount) - 8)
        painter.drawText(row, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                         fm.elidedText(card.owner or self.tr("no owner"), Qt.TextElideMode.ElideRight, owner_w))

        # 4: days in stage on the left, the next task on the right
        row = QRect(inner.left(), inner.top() + 3 * line, inner.width(), line)
        days_label = days_text(days)
        painter.setPen(STUCK if stuck else MUTED)
        painter.drawText(row, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, days_label)
        task_w = max(0, row.width() - fm.horizontalAdvance(days_label) - 10)
        if card.task_title:
            overdue = card.task_due is not None and card.task_due < now
            painter.setPen(OVERDUE if overdue else text_color)
            if card.task_due is not None:  # the due date always shows whole; the title gives way
                due = " · " + due_text(card.task_due, now, self.language)
                painter.drawText(row, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, due)
                task_w -= fm.horizontalAdvance(due)
                row = row.adjusted(0, 0, -fm.horizontalAdvance(due), 0)
            painter.drawText(row, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             fm.elidedText(card.task_title, Qt.TextElideMode.ElideRight, max(0, task_w)))
        else:
            italic = QFont(option.font)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.setPen(MUTED)
            painter.drawText(row, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             fm.elidedText(self.tr("no next task"), Qt.TextElideMode.ElideRight, task_w))
        painter.restore()

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        card: BoardCard | None = index.data(CARD_ROLE) if index.isValid() else None
        if card is None or event.type() != QEvent.Type.ToolTip:
            return super().helpEvent(event, view, option, index)
        QToolTip.showText(event.globalPos(), self.tooltip(index, card), view)
        return True

    def tooltip(self, index: QModelIndex | QPersistentModelIndex, card: BoardCard) -> str:
        now = local_now()
        lines = [card.name]
        if card.company:
            lines.append(card.company)
        if card.contacts:
            lines.append(self.tr("Contacts: %1").replace("%1", card.contacts))
        lines.append(self.tr("In this stage since %1").replace("%1", card.stage_entered_at.strftime("%Y-%m-%d")))
        limit = getattr(index.model(), "stuck_after_days", None)
        if self.stuck_days(index, card, now) is not None:
            lines.append(self.tr("Stuck: no movement for longer than %1 days, the limit of this stage")
                         .replace("%1", str(round(limit))))
        if card.task_title:
            due = card.task_due.strftime("%Y-%m-%d %H:%M") if card.task_due else self.tr("no due date")
            lines.append(self.tr("Next task: %1 (%2)").replace("%1", card.task_title).replace("%2", due))
        return "\n".join(lines)
