"""A table model that holds only record ids; rows are fetched by page as they come into view.

The shape of Anki's browser table (``qt/aqt/browser/table/model.py``): the database
filters and sorts (``models.queries.table_search``) and hands over ids; ``data()`` reads
only the small cache of fetched rows. A row not in the cache asks for its page on the
application's executor and shows empty until the page arrives (``dataChanged``). A change
marks the affected rows stale (``mark_stale``): they keep showing their old values and are
fetched again when next seen — nothing reloads the whole table.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal

from ..executor import DbExecutor
from ..plain_text import as_rich_text
from .record_model import ID_ROLE, Column

if TYPE_CHECKING:  # the session the executor hands in, as a type only
    from sqlalchemy.orm import Session

DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
TIP = int(Qt.ItemDataRole.ToolTipRole.value)
ID = int(ID_ROLE.value) if hasattr(ID_ROLE, "value") else int(ID_ROLE)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
PAGE = 100  # rows fetched at a time
CHUNK = 10_000  # ids walked per C call on the worker (about a millisecond holding the interpreter lock)
CACHE_ROWS = 5000  # rows kept; the oldest fetched are forgotten first

RowFetcher = Callable[["Session", list[int]], list[Any]]


def positions_of(ids: Sequence[int]) -> dict[int, int]:
    """Each id's row number (plain Python, no Qt): built on the worker thread with the ids, so
    the UI thread never walks 100,000 ids to learn where a record is. Built a chunk at a time:
    one C call over 300,000 ids holds the interpreter lock for 30 ms, and the UI thread, which
    takes the lock at every call from Qt into Python, would wait that long."""
    positions: dict[int, int] = {}
    for start in range(0, len(ids), CHUNK):
        positions.update(zip(ids[start:start + CHUNK], range(start, start + CHUNK)))
    return positions


@dataclass(frozen=True)
class Comparison:
    """A re-read list of ids against the list ``before`` (the one shown when the read began)."""

    before: list[int]
    equal: bool  # the very same ids in the same order
    same_records: bool  # the same ids, perhaps in another order


def compare_ids(before: list[int], ids: list[int], positions: dict[int, int]) -> Comparison:
    """How ``ids`` (with ``positions``, from ``positions_of``) compares with ``before`` — plain
    Python, run on the worker thread (the lists are never changed in place, only replaced)."""
    chunks = range(0, len(before), CHUNK)  # a chunk per C call: the UI thread gets the lock between them
    equal = len(ids) == len(before) and all(ids[i:i + CHUNK] == before[i:i + CHUNK] for i in chunks)
    same = equal or (len(ids) == len(before)
                     and all(all(map(positions.__contains__, before[i:i + CHUNK])) for i in chunks))
    return Comparison(before, equal, same)


def cell_texts(columns: Sequence[Column], language: str, rows: Collection[Any]) -> dict[int, tuple[str, ...]]:
    """Each row's cells as shown (plain Python, no Qt): formatted on the worker thread with
    the rows, so the UI thread only stores them."""
    return {row.id: tuple(c.shown(row, language) for c in columns) for row in rows}


class LazyRecordModel(QAbstractTableModel):
    rows_arrived = Signal()  # a page of rows was fetched and shown

    def __init__(self, executor: DbExecutor, columns: Sequence[Column], fetch: RowFetcher,
                 parent=None, language: str = "en"):
        super().__init__(parent)
        self.executor = executor
        self.columns = list(columns)
        self.fetch = fetch
        self.language = language
        self.ids: list[int] = []
        self._position: dict[int, int] = {}
        self._rows: OrderedDict[int, Any] = OrderedDict()
        self._texts: dict[int, tuple[str, ...]] = {}  # each cached row's cells as shown, formatted once
        self._stale: set[int] = set()
        self._asked: set[int] = set()  # ids whose page is on its way
        self._wanted: set[int] = set()  # pages to ask for on the next turn of the event loop
        self._generation = 0  # bumped when the ids change: pages asked before are then ignored
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._fetch_wanted)

    # --- what the table shows ---------------------------------------------------------------
    def set_ids(self, ids: list[int], rows: Collection[Any] = (),
                texts: dict[int, tuple[str, ...]] | None = None, positions: dict[int, int] | None = None) -> None:
        """Show these ids (already filtered and sorted); ``rows`` may bring the first page
        (and ``texts`` their cells, from ``cell_texts``; ``positions`` the ids' rows, from
        ``positions_of``)."""
        self.beginResetModel()
        self._replace(ids, rows, texts, positions)
        self.endResetModel()

    def formatter(self) -> Callable[[Collection[Any]], dict[int, tuple[str, ...]]]:
        """``cell_texts`` for this model's columns, to call on a worker thread."""
        columns, language = list(self.columns), self.language
        return lambda rows: cell_texts(columns, language, rows)

    def extend_to(self, ids: list[int], positions: dict[int, int] | None = None) -> None:
        """The whole list after its first rows were shown (``set_ids``): the rows past those
        are appended; a list that does not begin with the rows shown replaces them
        (``positions``: every id's row, from ``positions_of`` on the worker thread)."""
        shown = len(self.ids)
        if len(ids) < shown or ids[:shown] != self.ids:
            self.set_ids(ids, positions=positions)
            return
        if len(ids) == shown:
            return
        self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
        self.ids = ids
        if positions is not None:
            self._position = positions
        else:
            self._position.update(zip(ids[shown:], range(shown, len(ids))))
        self.endInsertRows()

    def reorder(self, ids: list[int], rows: Collection[Any] = (), positions: dict[int, int] | None = None,
                compared: Comparison | None = None) -> None:
        """The same records in another order (a re-sort): selections follow their records.
        The very same list (a change that moved nothing) changes nothing on screen. ``compared``:
        how ``ids`` compares with the list shown, worked out on the worker (``compare_ids``): at
        300,000 records the comparison alone took the UI thread 40-70 ms."""
        if compared is None or compared.before is not self.ids:  # none, or another list is shown since
            positions = positions if positions is not None else positions_of(ids)
            compared = compare_ids(self.ids, ids, positions)
        if compared.equal:
            for row in rows:
                self._store(row)
            return
        positions = positions if positions is not None else positions_of(ids)
        if not compared.same_records:
            self.set_ids(ids, rows, positions=positions)
            return
        self.layoutAboutToBeChanged.emit()
        old = self.ids
        persistent = self.persistentIndexList()
        self._replace(ids, rows, positions=positions)
        new = [self.index(self._position[old[p.row()]], p.column()) if p.row() < len(old) else QModelIndex()
               for p in persistent]
        self.changePersistentIndexList(persistent, new)
        self.layoutChanged.emit()

    def _replace(self, ids: list[int], rows: Collection[Any], texts: dict[int, tuple[str, ...]] | None = None,
                 positions: dict[int, int] | None = None) -> None:
        self._generation += 1
        self.ids = ids
        self._position = positions if positions is not None else positions_of(ids)
        self._asked.clear()
        self._wanted.clear()
        for row in rows:
            self._store(row, (texts or {}).get(row.id))

    def row_of(self, record_id: int) -> int | None:
        return self._position.get(record_id)

    def record(self, row: int) -> Any | None:
        """The cached row at ``row`` (None until fetched)."""
        return self._rows.get(self.ids[row])

    def texts_of_rows(self, count: int) -> list[tuple[str, ...]]:
        """The cell texts of the first ``count`` rows that have arrived (what fits a screen)."""
        texts = (self._texts.get(record_id) for record_id in self.ids[:count])
        return [t for t in texts if t is not None]

    def texts_at(self, row: int) -> tuple[str, ...] | None:
        """Row ``row``'s cell texts as the screen shows them (None: not fetched yet). Asking for a
        row not fetched, or changed since, fetches its page in the background."""
        record_id = self.ids[row]
        texts = self._texts.get(record_id)
        if (texts is None or record_id in self._stale) and record_id not in self._asked:
            self._want(row)
        return texts

    def aligned_right(self, column: int) -> bool:
        return self.columns[column].align_right

    def cached(self, row: int) -> bool:
        record_id = self.ids[row]
        return record_id in self._rows and record_id not in self._stale

    # --- changes ----------------------------------------------------------------------------
    def mark_stale(self, ids: Collection[int] | None = None) -> None:
        """These records changed (None: any may have): fetch them again when next seen."""
        cached = set(self._rows) if ids is None else set(ids) & set(self._rows)
        if not cached:
            return
        self._stale |= cached
        rows = sorted(self._position[i] for i in cached if i in self._position)
        if rows:  # the view asks data() again for what is on screen; that fetches afresh
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], len(self.columns) - 1))

    # --- fetching ---------------------------------------------------------------------------
    def _store(self, row: Any, texts: tuple[str, ...] | None = None) -> None:
        self._rows[row.id] = row
        self._rows.move_to_end(row.id)
        self._texts[row.id] = texts if texts is not None else tuple(c.shown(row, self.language) for c in self.columns)
        self._stale.discard(row.id)
        while len(self._rows) > CACHE_ROWS:
            old, _ = self._rows.popitem(last=False)
            self._texts.pop(old, None)
            self._stale.discard(old)

    def _want(self, row: int) -> None:
        page = row // PAGE
        if page not in self._wanted:
            self._wanted.add(page)
            self._timer.start()

    def _fetch_wanted(self) -> None:
        pages, self._wanted = sorted(self._wanted), set()
        for page in pages:
            ids = [i for i in self.ids[page * PAGE:(page + 1) * PAGE]
                   if i not in self._asked and (i not in self._rows or i in self._stale)]
            if not ids:
                continue
            self._asked.update(ids)
            generation, fetch, formatted = self._generation, self.fetch, self.formatter()

            def read(session: Session, ids: list[int] = ids) -> tuple[list[Any], dict[int, tuple[str, ...]]]:
                rows = fetch(session, ids)
                return rows, formatted(rows)

            self.executor.query(read, owner=self,
                                on_done=lambda result, g=generation, ids=ids: self._arrived(g, ids, *result))

    def _arrived(self, generation: int, asked: list[int], rows: list[Any],
                 texts: dict[int, tuple[str, ...]] | None = None) -> None:
        if generation != self._generation:
            return  # asked for an older list of ids
        self._asked.difference_update(asked)
        for row in rows:
            self._store(row, (texts or {}).get(row.id))
        for record_id in set(asked) - {r.id for r in rows}:  # deleted meanwhile: show it empty
            self._stale.discard(record_id)
        positions = [self._position[i] for i in asked if i in self._position]
        if positions:
            self.dataChanged.emit(self.index(min(positions), 0), self.index(max(positions), len(self.columns) - 1))
        self.rows_arrived.emit()

    # --- Qt's model -------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # called for every cell on screen at every paint: cached texts only, no enum lookups
        role = int(role)
        if role not in (DISPLAY, ALIGN, ID, TIP):
            return None
        r = index.row()
        if r < 0 or r >= len(self.ids):
            return None
        if role == ID:
            return self.ids[r]
        texts = self.texts_at(r)
        if texts is None:
            return None
        if role == DISPLAY:
            return texts[index.column()]
        if role == TIP:  # a column is at most 320 px: a long company or e-mail is elided, read whole on hover
            text = texts[index.column()]
            return as_rich_text(text) if text else None
        return RIGHT if self.columns[index.column()].align_right else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The view's header asks; the page re-reads the ids in that order (``sort_requested``)."""
        self.sort_requested.emit(column, order)

    sort_requested = Signal(int, Qt.SortOrder)
