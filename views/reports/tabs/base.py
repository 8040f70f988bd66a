"""What the report page needs of a second-edition tab: its id, the period kinds it reads,
and ``show_bundle`` (called with the report first, then with the previous period added)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from ...exports.sections import metric_lines

from ...plain_text import plain_label
from ...theme import colour

READS_KINDS = frozenset({"month", "quarter", "year"})
# cells to act on (red, used sparingly) and better than the median: the theme's colours, read when
# painted, so the dark theme gets its own (views/theme.py)
def needs_action() -> QColor:
    return colour("act")


def needs_action_text() -> QColor:
    return colour("act_text")


def better_text() -> QColor:
    return colour("better_text")


class SecondEditionTab(QWidget):
    """A report tab that reads the Monthly tab's period (month, quarter or year)."""

    tab = ""
    kinds = READS_KINDS
    drawn = Signal()

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.language = language
        self.bundle: dict[str, Any] | None = None

    def show_bundle(self, bundle: dict[str, Any]) -> None:
        raise NotImplementedError

    def drawing(self) -> bool:
        return False

    def lines(self, bundle: dict[str, Any], ids: tuple[str, ...]):
        """The catalogue lines (value, target, formula, change) of ``ids``, in that order."""
        by_id = {line.id: line for line in metric_lines(bundle, self.language, "monthly")}
        return [by_id[i] for i in ids if i in by_id]


def heading(text: str, parent: QWidget) -> QLabel:
    label = plain_label(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


def note(parent: QWidget) -> QLabel:
    label = plain_label(parent=parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(mid);")
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def wrap_header(view: QTableView) -> None:
    """Column titles wrap onto more lines instead of widening the table (Russian titles); no
    word of a title is cut ("ложительн")."""
    from ...fitting import fit_header

    header = view.horizontalHeader()
    header.setMinimumHeight(2 * header.fontMetrics().height() + 10)
    fit_header(view)


def bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font
