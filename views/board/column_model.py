"""One stage column of the board: its open deal cards, filtered, latest arrival on top.

The model holds plain ``BoardCard`` rows (loaded by one query) and never touches the
database: ``data()`` only reads them. ``all`` keeps every card of the stage, ``shown``
the ones the filter accepts; both are sorted ascending by (entered stage, id) and shown
reversed, so a moved card lands on top. A move updates the two affected columns with
``beginRemoveRows``/``beginInsertRows`` (``upsert``/``remove``); a new filter resets
the column.
"""
from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from voronka.models.queries.board import BoardCard, BoardStage

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
DEAL_ID_ROLE = Qt.ItemDataRole.UserRole + 2
DEALS_MIME = "application/x-voronka-deal-ids"
CARD_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled


def sort_key(card: BoardCard) -> tuple[datetime, int]:
    return card.stage_entered_at, card.id


def deals_mime(deal_ids: Sequence[int]) -> QMimeData:
    mime = QMimeData()
    mime.setData(DEALS_MIME, json.dumps(list(deal_ids)).encode())
    return mime


def deal_ids_of(mime: QMimeData) -> list[int]:
    """The deal ids a drag carries (empty for anything else)."""
    if not mime.hasFormat(DEALS_MIME):
        return []
    value = json.loads(bytes(mime.data(DEALS_MIME).data()).decode() or "[]")
    return [int(v) for v in value] if isinstance(value, list) else []


def _index_of(rows: list[BoardCard], card: BoardCard) -> int | None:
    i = bisect_left(rows, sort_key(card), key=sort_key)
    while i < len(rows) and sort_key(rows[i]) == sort_key(card):
        if rows[i] is card:
            return i
        i += 1
    return None


class StageColumnModel(QAbstractListModel):
    def __init__(self, stage: BoardStage, parent: Any = None):
        super().__init__(parent)
        self.stage = stage
        self.stuck_after_days: float | None = None  # set when the stage figures arrive
        self._all: list[BoardCard] = []
        self._shown: list[BoardCard] = []
        self._by_id: dict[int, BoardCard] = {}
        self._shown_amount = 0  # the sum of the shown cards' amounts, kept as cards come and go
        self._accepts: Callable[[BoardCard], bool] = lambda card: True

    # --- reading --------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def card(self, row: int) -> BoardCard:
        return self._shown[len(self._shown) - 1 - row]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        card = self.card(index.row())
        if role == CARD_ROLE:
            return card
        if role == DEAL_ID_ROLE:
            return card.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return card.name
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return CARD_FLAGS

    def mimeTypes(self) -> list[str]:
        return [DEALS_MIME]

    def mimeData(self, indexes: Iterable[QModelIndex]) -> QMimeData:
        return deals_mime([self.card(i.row()).id for i in indexes if i.isValid()])

    def row_of(self, deal_id: int) -> int | None:
        card = self._by_id.get(deal_id)
        i = _index_of(self._shown, card) if card is not None else None
        return None if i is None else len(self._shown) - 1 - i

    def card_of(self, deal_id: int) -> BoardCard | None:
        return self._by_id.get(deal_id)

    def has(self, deal_id: int) -> bool:
        return deal_id in self._by_id

    @property
    def all_cards(self) -> list[BoardCard]:
        return self._all

    @property
    def total_count(self) -> int:
        return len(self._all)

    def shown_amount_minor(self) -> int:
        return self._shown_amount

    # --- changing -------------------------------------------------------------------
    def set_cards(self, cards: list[BoardCard], accepts: Callable[[BoardCard], bool] | None = None) -> None:
        """Replace every card (``cards`` sorted by ``sort_key``) and refilter."""
        self._all = cards
        self._by_id = {c.id: c for c in cards}
        self.set_filter(accepts or self._accepts)

    def set_filter(self, accepts: Callable[[BoardCard], bool]) -> None:
        self.beginResetModel()
        self._accepts = accepts
        self._shown = [c for c in self._all if accepts(c)]
        self._shown_amount = sum(c.amount_minor or 0 for c in self._shown)
        self.endResetModel()

    def set_stage(self, stage: BoardStage) -> None:
        self.stage = stage

    def remove(self, deal_id: int) -> None:
        card = self._by_id.pop(deal_id, None)
        if card is None:
            return
        i = _index_of(self._all, card)
        if i is not None:
            del self._all[i]
        j = _index_of(self._shown, card)
        if j is not None:
            row = len(self._shown) - 1 - j
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._shown[j]
            self._shown_amount -= card.amount_minor or 0
            self.endRemoveRows()

    def upsert(self, card: BoardCard) -> None:
        """Put a card (new or reloaded) in its sorted place, shown if the filter accepts it."""
        self.remove(card.id)
        self._by_id[card.id] = card
        self._all.insert(bisect_left(self._all, sort_key(card), key=sort_key), card)
        if self._accepts(card):
            j = bisect_left(self._shown, sort_key(card), key=sort_key)
            row = len(self._shown) - j
            self.beginInsertRows(QModelIndex(), row, row)
            self._shown.insert(j, card)
            self._shown_amount += card.amount_minor or 0
            self.endInsertRows()
