"""Item models of the report view: the metric lines of a tab, and any report table.

Both hold plain rows (``views.exports.sections``) and sort through ``SORT_ROLE`` with
``RecordFilterProxy``; ``data()`` only reads them. A metric shows its value, target,
whether it is met (colour *and* ✔/✖ with a word), the previous period and the change,
and its catalogue formula as a tooltip.
"""
from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from voronka.views.exports.sections import ColumnDef, MetricLine, above_band_note, status_text
from voronka.metrics.formatting import change_text, is_missing, value_text

from ..plain_text import as_rich_text
from ..theme import colour, met_colour
from ..tables.record_model import SORT_ROLE

METRIC_ROLE = Qt.ItemDataRole.UserRole + 10  # the metric id of a row
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def drillable(metric_id: str) -> bool:
    """Whether the engine can list the deals behind this metric (counts, shares, sums of deals)."""
    from voronka.metrics.drilldown import NUMERATORS

    return metric_id in NUMERATORS


@cache
def _cached_brush(argb: str) -> QBrush:
    return QBrush(QColor(argb))


def _brush(colour_: QColor) -> QBrush:
    """One brush per colour (a paint asks for one per coloured cell; the theme's colours change
    with the theme, so the brush is found by the colour itself)."""
    return _cached_brush(colour_.name(QColor.NameFormat.HexArgb))


@cache
def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def _sort_value(value: Any) -> Any:
    if is_missing(value):
        return float("-inf")
    return value


class MetricsModel(QAbstractTableModel):
    NAME, VALUE, TARGET, STATUS, PREVIOUS, CHANGE = range(6)

    def __init__(self, language: str, parent=None):
        super().__init__(parent)
        self.language = language
        self.currency = "RUB"  # the report's (the pipeline's) currency
        self.lines: list[MetricLine] = []
        self._texts: dict[tuple[int, int], str] = {}  # formatted once per report: a paint only reads
        self.previous_known = False  # the previous period is computed after the numbers
        self.headers = [self.tr("Metric"), self.tr("Value"), self.tr("Target"), self.tr("Met?"),
                        self.tr("Previous period"), self.tr("Change")]

    def set_lines(self, lines: list[MetricLine], previous_known: bool = True) -> None:
        self.previous_known = previous_known
        self._texts.clear()
        if [l.id for l in lines] == [l.id for l in self.lines]:
            self.lines = lines  # same rows, new numbers: keep the view's selection and scroll
            self.dataChanged.emit(self.index(0, 0), self.index(len(lines) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def _display(self, line: MetricLine, col: int) -> str:
        lang = self.language
        if col == self.NAME:
            return line.name
        if col == self.VALUE:
            return value_text(line.value, line.kind, lang, self.currency)
        if col == self.TARGET:
            return line.target_shown  # a band whole ("60–75 %"), never its lower bound alone
        if col == self.STATUS:
            return status_text(line, self.language)
        if not self.previous_known:
            return "…"
        if col == self.PREVIOUS:
            return value_text(line.previous, line.kind, lang, self.currency)
        return change_text(line.change, line.kind, lang)

    def _change_colour(self, line: MetricLine) -> QColor | None:
        if line.change is None or line.change == 0 or line.higher_is_better is None:
            return None
        good = (line.change > 0) == line.higher_is_better
        return met_colour(good)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, col = self.lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            key = (index.row(), col)
            text = self._texts.get(key)
            if text is None:
                text = self._texts[key] = self._display(line, col)
            return text
        if role == SORT_ROLE:
            return {self.NAME: line.name, self.VALUE: _sort_value(line.value),
                    self.TARGET: _sort_value(line.target), self.STATUS: {True: 2, False: 0}.get(line.met, 1),
                    self.PREVIOUS: _sort_value(line.previous), self.CHANGE: _sort_value(line.change)}[col]
        if role == METRIC_ROLE:
            return line.id
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = line.formula
            if line.target_text:
                tip += "\n" + self.tr("Target: %1").replace("%1", line.target_text)
            if line.above_band:
                tip += "\n" + above_band_note(line.id)
            if drillable(line.id) and not is_missing(line.value):
                tip += "\n" + self.tr("Double-click to see the deals behind this number.")
            return as_rich_text(tip)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.NAME:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if col in (self.VALUE, self.STATUS) and line.met is not None:
                return _brush(met_colour(line.met))
            if col == self.STATUS and (line.in_progress or line.above_band):
                return _brush(colour("muted"))  # in progress or above a band: never red
            if col == self.CHANGE:
                change = self._change_colour(line)
                return _brush(change) if change is not None else None
        if role == Qt.ItemDataRole.FontRole and col == self.VALUE:
            return _bold()
        return None

    def line(self, row: int) -> MetricLine:
        return self.lines[row]


class ReportTableModel(QAbstractTableModel):
    """One report table (stages, people, lost reasons, sources, cohorts, revenue by month)."""

    def __init__(self, language: str, parent=None):
        super().__init__(parent)
        self.language = language
        self.currency = "RUB"
        self.columns: list[ColumnDef] = []
        self.rows: list[dict[str, Any]] = []
        self._texts: dict[tuple[int, int], str] = {}  # formatted once per table: a paint only reads

    def set_table(self, columns: list[ColumnDef], rows: list[dict[str, Any]]) -> None:
        """Show ``rows``. The same columns again (a refresh) keep the view's column widths and
        scroll: rows are added or removed at the end and the rest say their data changed."""
        self._texts.clear()
        if [c.key for c in columns] != [c.key for c in self.columns] or not self.columns:
            self.beginResetModel()
            self.columns, self.rows = columns, rows
            self.endResetModel()
            return
        self.columns = columns
        old, new = len(self.rows), len(rows)
        if new < old:
            self.beginRemoveRows(QModelIndex(), new, old - 1)
            self.rows = rows
            self.endRemoveRows()
        elif new > old:
            self.beginInsertRows(QModelIndex(), old, new - 1)
            self.rows = rows
            self.endInsertRows()
        self.rows = rows
        if new:
            self.dataChanged.emit(self.index(0, 0), self.index(new - 1, len(columns) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title_text()
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = self.columns[index.column()]
        value = self.rows[index.row()].get(col.key)
        if role == Qt.ItemDataRole.DisplayRole:
            key = (index.row(), index.column())
            text = self._texts.get(key)
            if text is None:
                text = self._texts[key] = "" if value is None else (
                    str(value) if col.kind == "text" else value_text(value, col.kind, self.language, self.currency))
            return text
        if role == SORT_ROLE:
            return (value or "") if col.kind == "text" else _sort_value(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind not in ("text", "period"):
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and col.kind == "text" and value:
            return as_rich_text(str(value))
        return None
