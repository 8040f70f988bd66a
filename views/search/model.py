"""The global search's result list as a Qt model: a header row per kind, then its hits.

Rows are pre-formatted when the results arrive (``SearchResults`` from
``models/queries/search.py``), so ``data()`` only reads them. Headers are not selectable;
``next_hit_row`` lets the keyboard skip them.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from voronka.models.clock import local_now
from voronka.models.queries.search import SearchHit, SearchResults

from ..board.formatting import due_text, money_text

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 2
HEADER_ROLE = Qt.ItemDataRole.UserRole + 3


def kind_title(kind: str) -> str:
    """A group's header: Deals, Companies, Contacts, Tasks."""
    if kind == "deal":
        return QCoreApplication.translate("GlobalSearch", "Deals")
    if kind == "company":
        return QCoreApplication.translate("GlobalSearch", "Companies")
    if kind == "contact":
        return QCoreApplication.translate("GlobalSearch", "Contacts")
    return QCoreApplication.translate("GlobalSearch", "Tasks")


def subtitle(hit: SearchHit, language: str) -> str:
    """The grey line under a hit's title: what tells two similar titles apart."""
    parts = list(hit.details)
    if hit.kind == "deal":
        if hit.amount_minor is not None:
            parts.append(money_text(hit.amount_minor, hit.currency or "RUB", language))
        if hit.status == "won":
            parts.append(QCoreApplication.translate("GlobalSearch", "won"))
        elif hit.status == "lost":
            parts.append(QCoreApplication.translate("GlobalSearch", "lost"))
    elif hit.kind == "company" and parts and parts[0].isdigit():
        parts[0] = QCoreApplication.translate("GlobalSearch", "INN %1").replace("%1", parts[0])
    elif hit.kind == "task":
        if hit.status == "done":
            parts.append(QCoreApplication.translate("GlobalSearch", "done"))
        elif hit.due_at is not None:
            parts.append(due_text(hit.due_at, local_now(), language))
    return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class Row:
    title: str
    subtitle: str = ""
    hit: SearchHit | None = None  # None: a header (or the "nothing found" line)


class SearchResultsModel(QAbstractListModel):
    def __init__(self, language: str, parent=None):
        super().__init__(parent)
        self.language = language
        self.rows: list[Row] = []
        self.text = ""  # what the shown results were found for

    def set_results(self, results: SearchResults) -> None:
        self.beginResetModel()
        self.text = results.text
        self.rows = []
        for kind, hits in results.groups.items():
            self.rows.append(Row(kind_title(kind)))
            self.rows += [Row(h.title, subtitle(h, self.language), h) for h in hits]
        if not self.rows:
            self.rows.append(Row(QCoreApplication.translate("GlobalSearch", "Nothing found")))
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.rows, self.text = [], ""
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == SUBTITLE_ROLE:
            return row.subtitle
        if role == HIT_ROLE:
            return row.hit
        if role == HEADER_ROLE:
            return row.hit is None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.title}. {row.subtitle}" if row.subtitle else row.title
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid() or self.rows[index.row()].hit is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def hit_rows(self) -> list[int]:
        return [n for n, row in enumerate(self.rows) if row.hit is not None]

    def next_hit_row(self, row: int, step: int) -> int | None:
        """The hit row after (``step`` 1) or before (-1) ``row``, skipping headers; None at the end."""
        rows = self.hit_rows()
        if not rows:
            return None
        if row < 0:
            return rows[0] if step > 0 else rows[-1]
        later = [r for r in rows if (r > row if step > 0 else r < row)]
        if not later:
            return None
        return later[0] if step > 0 else later[-1]
