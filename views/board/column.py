"""A stage column: the header (name, deals, sum, weighted sum; exit criteria as tooltip),
the quick-create button, and the card list. A side stage is drawn as a branch of its
main stage: tinted, indented, and saying whose branch it is.

The column paints its own rounded background and its labels take their colours from the
palette: a style sheet here would put every widget of the column (the card list, its scroll
bar) under Qt's style-sheet style, which paints them two to four times slower — and a move
repaints two columns. The header has a fixed size, so new figures after a move lay out the
header alone, never the whole board.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
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
        header = QWidget(self)
        # fixed in both directions: a label's new text never asks the board for a new layout
        header.setFixedSize(width - 2 * MARGIN, self.fontMetrics().height() * 5 + 10)
        top = QVBoxLayout(header)
        top.setContentsMargins(8, 4, 8, 0)
        top.setSpacing(1)
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

    @property
    def stage(self) -> BoardStage:
        return self.model.stage

    def retranslate(self) -> None:
        stage = self.stage
        self.title.setText(stage.name(self.language) if not stage.archived
                           else self.tr("%1 (archived)").replace("%1", stage.name(self.language)))
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
