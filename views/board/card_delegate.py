"""Paints a deal card: name, company, amount, owner, days in the stage, the next task
(red when overdue) and a "stuck" marker when the deal has sat longer than the stage allows.
The name has the card's whole width (the marker sits on the second line); a name longer than
that goes on to the second line when the company's line would only repeat it.

Everything comes from the ``BoardCard`` row; painting never queries. All cards have one
height, so the list view can use uniform item sizes and scroll ten thousand cards smoothly.
A card is drawn once into a picture kept under everything it shows (``CardPictures``): a
move shifts the other cards of its two columns by a row, and they are only copied again
(text layout was most of a move's time at 100k deals).
"""
from __future__ import annotations

from collections import OrderedDict
from datetime import datetime

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip

from voronka.models.clock import local_now
from voronka.models.queries.board import BoardCard

from ..theme import colour, current_theme
from .column_model import CARD_ROLE
from .formatting import days_text, due_text, money_text
from .stage_stats import days_between

MARGIN = 4
PADDING = 8
LINES = 4


class CardColours:
    """The card's colours in the current theme (views/theme.py), read once per card drawn."""

    def __init__(self) -> None:
        self.card, self.selected = colour("card"), colour("card_selected")
        self.border, self.border_selected = colour("card_border"), colour("accent")
        self.text, self.muted, self.alert = colour("card_text"), colour("muted"), colour("alert")


SELECTED = QStyle.StateFlag.State_Selected
HAS_FOCUS = QStyle.StateFlag.State_HasFocus
ELIDE = Qt.TextElideMode.ElideRight
CENTER = Qt.AlignmentFlag.AlignCenter
V_CENTER = Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
RIGHT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight


LEGAL_FORMS = ("ооо", "оао", "зао", "пао", "ао", "ип", "нко", "llc", "ltd", "inc", "gmbh")


def company_in_name(name: str, company: str | None) -> bool:
    """Whether the deal's name already says the company (a name made from it: «Северстрой —
    внедрение CRM» at ООО «Северстрой», «site.ru - ООО «Северстрой»»)."""
    if not company:
        return True  # nothing to lose
    core = company
    if "«" in company and "»" in company:
        core = company[company.index("«") + 1:company.rindex("»")]
    else:
        words = company.split()
        if len(words) > 1 and words[0].strip(".,").lower() in LEGAL_FORMS:
            core = " ".join(words[1:])
    core = core.strip(" \"'«»").casefold()
    return bool(core) and core in name.casefold()


def name_lines(name: str, company: str | None, fm: QFontMetrics, width: int,
               second_width: int) -> tuple[str, str | None]:
    """The card's first line, and its second if the name goes on there (else None: the second
    line is the company's). A name wider than ``width`` breaks at a space onto a second line of
    ``second_width`` when the company is named in it; what still does not fit is elided."""
    one_line = fm.elidedText(name, ELIDE, width)
    if one_line == name or not company_in_name(name, company):
        return one_line, None

    def fits(text: str) -> bool:  # as ``elidedText`` measures it
        return fm.elidedText(text, ELIDE, width) == text

    words = name.split(" ")
    cut = 0
    for i in range(1, len(words)):
        if fits(" ".join(words[:i])):
            cut = i
        else:
            break
    if cut == 0:  # one long word: as much of it as fits, the rest below
        chars = max([1] + [n for n in range(1, len(name) + 1) if fits(name[:n])])
        return name[:chars], fm.elidedText(name[chars:], ELIDE, second_width)
    return " ".join(words[:cut]), fm.elidedText(" ".join(words[cut:]), ELIDE, second_width)


class CardPictures:
    """The last cards drawn, as pictures, bounded in bytes (least recently used go first)."""

    def __init__(self, budget_bytes: int):
        self.budget = budget_bytes
        self.used = 0
        self._pictures: OrderedDict[tuple, QPixmap] = OrderedDict()

    def get(self, key: tuple) -> QPixmap | None:
        picture = self._pictures.get(key)
        if picture is not None:
            self._pictures.move_to_end(key)
        return picture

    def put(self, key: tuple, picture: QPixmap) -> None:
        self._pictures[key] = picture
        self.used += _bytes(picture)
        while self.used > self.budget and len(self._pictures) > 1:
            _key, old = self._pictures.popitem(last=False)
            self.used -= _bytes(old)

    def clear(self) -> None:
        self._pictures.clear()
        self.used = 0


def _bytes(picture: QPixmap) -> int:
    return picture.width() * picture.height() * 4


# shared by every column: about 250 cards at 100 % scale
_PICTURES = CardPictures(24 * 1024 * 1024)


class CardDelegate(QStyledItemDelegate):
    def __init__(self, language: str, parent=None):
        super().__init__(parent)
        self.language = language

    @staticmethod
    def card_height(fm: QFontMetrics) -> int:
        return LINES * (fm.height() + 3) + 2 * PADDING + 2 * MARGIN

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(200, self.card_height(option.fontMetrics))

    def badge_width(self, fm: QFontMetrics) -> int:
        """The room the "stuck" badge takes at the right of the second line (with its gap)."""
        return fm.horizontalAdvance(self.tr("stuck")) + 16

    def name_rows(self, card: BoardCard, font: QFont, card_width: int, stuck: bool) -> tuple[str, str | None]:
        """The name as a card ``card_width`` px wide shows it (``name_lines``)."""
        bold = QFont(font)
        bold.setBold(True)
        inner = card_width - 2 * MARGIN - 2 * PADDING
        badge = self.badge_width(QFontMetrics(font)) if stuck else 0
        return name_lines(card.name, card.company, QFontMetrics(bold), inner, inner - badge)

    def amount_text(self, card: BoardCard) -> str:
        """The card's amount, or nothing: in the first stages most deals have no amount yet, and
        a column of «—» (or of a muted «без суммы») is noise that hides the cards that do have
        one; the row keeps its place (the owner stays on the right), so no word is needed."""
        if card.amount_minor is None:
            return ""
        return money_text(card.amount_minor, card.currency, self.language)

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
        state = option.state
        selected = bool(state & SELECTED)
        focused = bool(state & HAS_FOCUS)  # the keyboard's card
        days = days_between(card.stage_entered_at, now)
        stuck = self.stuck_days(index, card, now) is not None
        overdue = card.task_due is not None and card.task_due < now
        size = option.rect.size()
        ratio = painter.device().devicePixelRatioF()
        # everything the picture depends on: a card that only moved up or down a row is not drawn again
        key = (card.id, card.name, card.company, card.amount_minor, card.currency, card.owner, card.task_title,
               card.task_due, int(days), now.date(), stuck, overdue, selected, focused, size.width(),
               size.height(), ratio, self.language, option.font.key(), current_theme())
        picture = _PICTURES.get(key)
        if picture is None:
            picture = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            on_picture = QPainter(picture)
            self._draw_card(on_picture, QRect(QPoint(0, 0), size), option, card, now, days, stuck, overdue,
                            selected, focused)
            on_picture.end()
            _PICTURES.put(key, picture)
        painter.drawPixmap(option.rect.topLeft(), picture)

    def _draw_card(self, painter: QPainter, cell: QRect, option: QStyleOptionViewItem, card: BoardCard,
                   now: datetime, days: float, stuck: bool, overdue: bool, selected: bool, focused: bool) -> None:
        rect = cell.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        c = CardColours()
        painter.setFont(option.font)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(c.border_selected if selected or focused else c.border, 2 if selected or focused else 1)
        if focused and not selected:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(c.selected if selected else c.card)
        painter.drawRoundedRect(rect, 6, 6)
        if stuck:
            painter.fillRect(QRect(rect.left() + 1, rect.top() + 4, 4, rect.height() - 8), c.alert)
        inner = rect.adjusted(PADDING, PADDING - 2, -PADDING, -PADDING)
        fm = option.fontMetrics
        line = fm.height() + 3
        text_color = c.text
        bold = QFont(option.font)
        bold.setBold(True)
        bold_fm = QFontMetrics(bold)

        # 1: the name on the card's whole width; 2: the company, or the rest of a long name when
        # the company is named in it; the "stuck" badge at the right of the second line
        badge_w = self.badge_width(fm) if stuck else 0
        if stuck:
            badge_rect = QRect(inner.right() - badge_w + 7, inner.top() + line + 1, badge_w - 6, line - 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(c.alert)
            painter.drawRoundedRect(badge_rect, 4, 4)
            painter.setPen(QColor("white"))
            painter.drawText(badge_rect, CENTER, self.tr("stuck"))
        first, second = name_lines(card.name, card.company, bold_fm, inner.width(), inner.width() - badge_w)
        painter.setFont(bold)
        painter.setPen(text_color)
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), line), V_CENTER, first)
        row = QRect(inner.left(), inner.top() + line, inner.width() - badge_w, line)
        if second is not None:
            painter.drawText(row, V_CENTER, second)
        painter.setFont(option.font)
        if second is None:
            painter.setPen(c.muted)
            painter.drawText(row, V_CENTER, fm.elidedText(card.company or "", ELIDE, row.width()))

        # 3: amount on the left, owner on the right
        row = QRect(inner.left(), inner.top() + 2 * line, inner.width(), line)
        amount = self.amount_text(card)
        painter.setFont(bold)
        painter.setPen(text_color if card.amount_minor else c.muted)
        painter.drawText(row, LEFT, amount)
        painter.setFont(option.font)
        painter.setPen(c.muted)
        owner_w = max(0, row.width() - bold_fm.horizontalAdvance(amount) - 8)
        painter.drawText(row, RIGHT, fm.elidedText(card.owner or self.tr("no owner"), ELIDE, owner_w))

        # 4: days in stage on the left, the next task on the right
        row = QRect(inner.left(), inner.top() + 3 * line, inner.width(), line)
        days_label = days_text(days, self.language)
        painter.setPen(c.alert if stuck else c.muted)
        painter.drawText(row, LEFT, days_label)
        task_w = max(0, row.width() - fm.horizontalAdvance(days_label) - 10)
        if card.task_title:
            painter.setPen(c.alert if overdue else text_color)
            if card.task_due is not None:  # the due date always shows whole; the title gives way
                due = " · " + due_text(card.task_due, now, self.language)
                painter.drawText(row, RIGHT, due)
                task_w -= fm.horizontalAdvance(due)
                row = row.adjusted(0, 0, -fm.horizontalAdvance(due), 0)
            painter.drawText(row, RIGHT, fm.elidedText(card.task_title, ELIDE, max(0, task_w)))
        else:
            italic = QFont(option.font)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.setPen(c.muted)
            painter.drawText(row, RIGHT, fm.elidedText(self.tr("no next task"), ELIDE, task_w))

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
        lines.append(self.tr("Amount: %1").replace("%1", self.amount_text(card)) if card.amount_minor is not None
                     else self.tr("No amount yet"))  # the card itself leaves the place empty
        lines.append(self.tr("In this stage since %1").replace("%1", card.stage_entered_at.strftime("%Y-%m-%d")))
        limit = getattr(index.model(), "stuck_after_days", None)
        if self.stuck_days(index, card, now) is not None:
            lines.append(self.tr("Stuck: no movement for longer than %1 days, the limit of this stage")
                         .replace("%1", str(round(limit))))
        if card.task_title:
            due = card.task_due.strftime("%Y-%m-%d %H:%M") if card.task_due else self.tr("no due date")
            lines.append(self.tr("Next task: %1 (%2)").replace("%1", card.task_title).replace("%2", due))
        return "\n".join(lines)
