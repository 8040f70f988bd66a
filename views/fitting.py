"""Combo boxes that never cut their text at 1,280 px in Russian.

``FittedCombo`` is as wide as the choice it shows (a toolbar or filter bar that folds or
has room); ``ElidingCombo`` lives where the width is given (a card's form in the side
panel): it draws "…" where the text is cut and says the whole choice in its tooltip.
``fit_header`` makes a table's column titles wrap instead of being cut.
``WholeTextTip`` does for a line edit what ``ElidingCombo`` does for a combo: its text whole in
its tooltip while it is longer than the field.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionHeader,
    QStylePainter,
    QTableView,
    QToolButton,
    QWidget,
)

from .plain_text import as_rich_text


class FittedCombo(QComboBox):
    """As wide as the choice it shows ("Любой ответственный" whole, never "Любой ответс")."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.currentTextChanged.connect(lambda _text: self.updateGeometry())
        # filled with its signals blocked, it still hears its model: re-measure then too
        model = self.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(lambda *_a: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        icon = self.iconSize().width() + 4 if not self.itemIcon(self.currentIndex()).isNull() else 0
        text = QSize(self.fontMetrics().horizontalAdvance(self.currentText()) + icon + 4, self.fontMetrics().height())
        return self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, opt, text, self).expandedTo(
            QSize(60, super().sizeHint().height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()


class ElidingCombo(QComboBox):
    """Draws "…" where its choice is cut; the tooltip says the choice whole."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("elides", True)  # tests/fit_check.py: a cut shows, and the tooltip reads it whole
        self.currentTextChanged.connect(lambda text: self.setToolTip(as_rich_text(text.strip())))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if self.isEditable():
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        room = field.width() - (opt.iconSize.width() + 4 if not opt.currentIcon.isNull() else 0)
        opt.currentText = self.fontMetrics().elidedText(opt.currentText, Qt.TextElideMode.ElideRight, max(0, room))
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)


def fit_header(view: QAbstractItemView) -> None:
    """Column titles wrap onto more lines instead of being cut ("ритерии выход"): each
    section is at least as wide as the longest word of its title, and the header as tall as
    the title that needs most lines at its section's width (re-measured when the titles or
    the widths change)."""
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
    refit = QTimer(header, singleShot=True, interval=0)
    refit.timeout.connect(lambda: _fit_sections(header))
    header.sectionResized.connect(lambda *_a: refit.start())
    header.sectionCountChanged.connect(lambda *_a: refit.start())
    model = view.model()  # a model set later is measured when its columns arrive (sectionCountChanged)
    if model is not None:
        model.headerDataChanged.connect(lambda *_a: refit.start())
        model.modelReset.connect(refit.start)
        model.layoutChanged.connect(refit.start)
    refit.start()


def text_margin(widget: QWidget) -> int:
    """The room the style leaves on each side of an item view cell's text."""
    return widget.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1


def header_pad(header: QHeaderView) -> int:
    """Pixels a section's title does not get of its width: what the style keeps for the label's
    margins and, where it draws the sort arrow beside the title, the arrow (Fusion draws it
    under the title, which costs no width), and a little slack."""
    opt = QStyleOptionHeader()
    opt.initFrom(header)
    opt.rect = QRect(0, 0, 200, 200)
    opt.orientation = header.orientation()
    if header.isSortIndicatorShown():
        opt.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
    label = header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, opt, header)
    return max(0, 200 - label.width()) + 6


def _fit_sections(header: QHeaderView) -> None:
    model = header.model()
    if model is None:
        return
    metrics = header.fontMetrics()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    pad = header_pad(header)
    tallest = metrics.height()
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, header.orientation()) or "")
        words = text.split()
        if not words:
            continue
        need = max(metrics.horizontalAdvance(word) for word in words) + pad
        if header.sectionSize(section) < need and header.sectionResizeMode(section) in (
                QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.Fixed):
            header.resizeSection(section, need)
        room = max(1, header.sectionSize(section) - pad)
        lines = metrics.boundingRect(QRect(0, 0, room, 100_000), int(Qt.TextFlag.TextWordWrap), text)
        tallest = max(tallest, lines.height())
    header.setMinimumHeight(tallest + 2 * margin + 4)


def title_room(view: QTableView, lines: int = 2) -> None:
    """After the columns are fitted to their values (titles left out): a column too narrow
    for its title on ``lines`` lines widens to the narrowest width that holds it so (the
    title wraps, see ``fit_header``). A one-line title no longer sets its column's width,
    so a wide table needs less sideways scrolling, and the header stays low."""
    header = view.horizontalHeader()
    model = view.model()
    if model is None:
        return
    metrics = header.fontMetrics()
    pad = header_pad(header)
    flags = int(Qt.TextFlag.TextWordWrap)
    for column in range(header.count()):
        if header.isSectionHidden(column) or header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        if not title.split():
            continue
        low = max(metrics.horizontalAdvance(word) for word in title.split())
        high = metrics.horizontalAdvance(title)
        while low < high:  # the narrowest width at which the title takes at most ``lines`` lines
            middle = (low + high) // 2
            if metrics.boundingRect(QRect(0, 0, middle, 100_000), flags, title).height() <= lines * metrics.lineSpacing():
                high = middle
            else:
                low = middle + 1
        if view.columnWidth(column) < low + pad:
            view.setColumnWidth(column, low + pad)


def line_edit_room(line: QLineEdit) -> int:
    """Pixels a line edit's text has: its contents less the text margins, Qt's 2 px a side and
    the buttons inside it (clear, actions)."""
    opt = QStyleOptionFrame()
    line.initStyleOption(opt)
    room = line.style().subElementRect(QStyle.SubElement.SE_LineEditContents, opt, line).width()
    margins = line.textMargins()
    room -= margins.left() + margins.right() + 4
    for button in line.findChildren(QToolButton):
        if button.parentWidget() is line and button.isVisible():
            room -= button.width()
    return room


class WholeTextTip(QObject):
    """Keeps a line edit's tooltip saying its whole text while the text is wider than the field.

    A line edit can neither wrap nor show "…", so where a long company name or stage name is
    longer than any width the form can give, hovering reads it whole — the last resort after
    a wider field. ``note`` (a refusal, a hint) stays first in the tooltip.
    """

    def __init__(self, line: QLineEdit):
        super().__init__(line)
        self.line = line
        self.note = line.toolTip()  # its own tooltip stays
        line.installEventFilter(self)
        line.textChanged.connect(lambda _text: self.update())

    def set_note(self, note: str) -> None:
        self.note = note
        self.update()

    def cut(self) -> bool:
        text = self.line.text()
        return bool(text) and self.line.fontMetrics().horizontalAdvance(text) > line_edit_room(self.line)

    def update(self) -> None:
        parts = [p for p in (self.note, self.line.text() if self.cut() else "") if p]
        self.line.setToolTip(as_rich_text("\n".join(parts)) if parts else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.line and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.update()
        return False


def tip_whole_text(*lines: QLineEdit) -> list[WholeTextTip]:
    """Give each line edit a ``WholeTextTip`` (see there); returns them."""
    return [WholeTextTip(line) for line in lines]
