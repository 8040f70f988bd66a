"""A stage column: the header (name, deals, sum, weighted sum; exit criteria as tooltip),
the quick-create button, and the card list. A side stage is drawn as a branch of its
main stage: tinted, indented, and saying whose branch it is.

The column paints its own rounded background and its labels take their colours from the
palette: a style sheet here would put every widget of the column (the card list, its scroll
bar) under Qt's style-sheet style, which paints them two to four times slower — and a move
repaints two columns. The header has a fixed size, so new figures after a move lay out the
header alone, never the whole board; its height is what its own title needs
(``header_height``), so no column has an empty band under its figures (a board's columns
start their cards at their own heights, as a wrapped title needs, rather than every column
keeping room for the longest one).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from voronka.models.queries.board import BoardStage

from ..plain_text import as_rich_text, plain_label
from ..theme import colour
from .card_delegate import CardDelegate
from .column_model import StageColumnModel
from .column_view import StageColumnView
from .formatting import money_text, percent_text

COLUMN_WIDTH = 250
SIDE_COLUMN_WIDTH = 230
MARGIN = 2
RADIUS = 8
HEADER_MARGINS = (8, 4, 8, 2)  # left, top, right, bottom of the header's labels
HEADER_SPACING = 1


def title_text(stage: BoardStage, language: str) -> str:
    """The column's title: the stage's name, marked when the stage is archived."""
    name = stage.name(language)
    if not stage.archived:
        return name
    return QCoreApplication.translate("StageColumn", "%1 (archived)").replace("%1", name)


def header_height(stages: Sequence[BoardStage], language: str, font: QFont) -> int:
    """The header height for the columns of ``stages``: the tallest title as it wraps in its
    column (plus a side stage's branch line), then the two lines of figures — nothing more."""
    probe = QLabel()
    probe.setWordWrap(True)
    bold = QFont(font)
    bold.setBold(True)
    probe.setFont(bold)
    line = QFontMetrics(font).height() + HEADER_SPACING
    left, top, right, bottom = HEADER_MARGINS
    tallest = line  # a board with no stages yet
    for stage in stages:
        width = (SIDE_COLUMN_WIDTH if stage.side_of_id else COLUMN_WIDTH) - 2 * MARGIN - left - right
        probe.setText(title_text(stage, language))
        tallest = max(tallest, probe.heightForWidth(width) + HEADER_SPACING + (line if stage.side_of_id else 0))
    return top + tallest + 2 * line + bottom


def _coloured(label: QLabel, colour_: QColor | None = None, *, bold: bool = False, italic: bool = False) -> QLabel:
    """``label`` in the theme's colour and weight, through its palette and font (no style sheet)."""
    if colour_ is not None:
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, colour_)
        label.setPalette(palette)
    if bold or italic:
        font = QFont(label.font())
        font.setBold(bold)
        font.setItalic(italic)
        label.setFont(font)
    return label


class StageColumn(QFrame):
    quick_create_requested = Signal(int)  # stage id

    def __init__(self, stage: BoardStage, main_name: str | None, language: str,
                 selected_ids: Callable[[], list[int]], parent: QWidget | None = None):
        super().__init__(parent)
        self.language = language
        self.main_name = main_name  # the main stage's name when this is a side stage
        self.model = StageColumnModel(stage, self)
        delegate = CardDelegate(language)
        self.view = StageColumnView(self.model, selected_ids, delegate.card_height(self.fontMetrics()), self)
        delegate.setParent(self.view)
        self.view.setItemDelegate(delegate)
        self.setObjectName("sideColumn" if main_name else "stageColumn")
        width = SIDE_COLUMN_WIDTH if main_name else COLUMN_WIDTH
        self.setFixedWidth(width)
        self.tint = colour("side_column" if main_name else "column")  # the theme's (views/theme.py)
        self.border = colour("side_border") if main_name else None  # a side stage's dashed outline
        self.title = _coloured(plain_label(parent=self), bold=True)
        self.title.setWordWrap(True)
        self.branch = _coloured(plain_label(parent=self), colour("warning"), italic=True)
        self.branch.setVisible(bool(main_name))
        self.figures = plain_label(parent=self)
        self.weighted = _coloured(plain_label(parent=self), colour("muted"))
        self.add_button = QToolButton(self)
        self.add_button.setAutoRaise(True)
        self.add_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.add_button.clicked.connect(lambda: self.quick_create_requested.emit(self.model.stage.id))
        self.add_button.setVisible(not stage.archived)  # an archived stage takes no new deals
        self.header = header = QWidget(self)
        # fixed in both directions: a label's new text never asks the board for a new layout;
        # as tall as its title needs (``fit_header`` again when the stage is renamed)
        header.setFixedSize(width - 2 * MARGIN, header_height([stage], language, self.font()))
        top = QVBoxLayout(header)
        top.setContentsMargins(*HEADER_MARGINS)
        top.setSpacing(HEADER_SPACING)
        for widget in (self.branch, self.title, self.figures, self.weighted):
            top.addWidget(widget)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(2)
        layout.addWidget(header)
        layout.addWidget(self.add_button)
        layout.addWidget(self.view, 1)
        palette = self.view.palette()
        palette.setColor(QPalette.ColorRole.Base, self.tint)
        self.view.setPalette(palette)
        self.retranslate()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.border is not None:
            pen = QPen(self.border, 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.tint)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
        painter.end()

    def fit_header(self) -> None:
        """The header's height for the stage's (new) title."""
        pixels = header_height([self.stage], self.language, self.font())
        if self.header.height() != pixels:
            self.header.setFixedHeight(pixels)

    @property
    def stage(self) -> BoardStage:
        return self.model.stage

    def retranslate(self) -> None:
        stage = self.stage
        self.title.setText(title_text(stage, self.language))
        branch = self.tr("↳ branch of «%1»").replace("%1", self.main_name or "")
        self.branch.setText(self.fontMetrics().elidedText(branch, Qt.TextElideMode.ElideRight, self.width() - 20))
        self.add_button.setText(self.tr("+ New deal"))
        self.add_button.setToolTip(self.tr("Create a deal in this stage"))
        tip = []
        exit_criteria, description = stage.exit_criteria_in(self.language), stage.description_in(self.language)
        if exit_criteria:
            tip.append(self.tr("What must be true to move on: %1").replace("%1", exit_criteria))
        if description:
            tip.append(description)
        if not tip:
            tip.append(self.tr("No exit criteria written for this stage yet (Funnel rules)."))
        for widget in (self.title, self.figures, self.weighted, self.branch):
            widget.setToolTip(as_rich_text("\n\n".join(tip)))

    def set_figures(self, shown: int, total: int, amount_minor: int, currency: str,
                    probability: float | None, filtered: bool) -> None:
        """The header's numbers: deals shown (of all in the stage when filtered), their sum
        and the weighted sum (sum × the stage's probability)."""
        count = self.tr("%1 of %2").replace("%1", str(shown)).replace("%2", str(total)) if filtered else str(total)
        self.figures.setText(self.tr("%1 deals · %2").replace("%1", count)
                             .replace("%2", money_text(amount_minor, currency, self.language)))
        if probability is None:
            self.weighted.setText(self.tr("weighted: —"))
        else:
            weighted = money_text(round(amount_minor * probability), currency, self.language)
            self.weighted.setText(self.tr("weighted %1 (%2)").replace("%1", weighted)
                                  .replace("%2", percent_text(probability, self.language)))
