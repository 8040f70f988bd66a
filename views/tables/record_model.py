"""A read-only table model over plain rows (dataclasses), with typed columns.

Rows are loaded by one query and held in memory; ``data()`` only reads them.
Sorting and filtering go through ``RecordFilterProxy``.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from voronka.metrics import formatting

from ..dates import format_date, format_datetime
from ..plain_text import as_rich_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    title: str  # already translated
    value: Callable[[Any], Any]
    align_right: bool = False
    key: str = ""  # the sort key in SQL (models.queries.table_search) and the name saved views use
    text: Callable[[Any], str] | None = None  # what the cell shows, when not ``display_text(value)``

    def shown(self, row: Any, language: str) -> str:
        """The cell's text: ``text(row)`` (e.g. an amount with its currency sign), else the value's."""
        return self.text(row) if self.text is not None else display_text(self.value(row), language)


def display_text(value: Any, language: str = "en") -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return formatting.number(value, 0, language)
    if isinstance(value, datetime):
        return format_datetime(value, language)
    if isinstance(value, date):
        return format_date(value, language)
    return str(value)


def sort_key(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None, language: str = "en"):
        super().__init__(parent)
        self.columns = list(columns)
        self.language = language  # dates as the UI writes them
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.shown(row, self.language)
        if role == Qt.ItemDataRole.ToolTipRole:  # a narrow list (a card's side table) elides: read it whole here
            return as_rich_text(col.shown(row, self.language)) or None  # shown as typed, never as markup
        if role == SORT_ROLE:
            return sort_key(col.value(row))
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None


class RecordFilterProxy(QSortFilterProxyModel):
    """Case-insensitive text filter over every column, sorting by typed values."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)
