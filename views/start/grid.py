"""The start page grid: four columns of cells; tiles take w × h cells and are packed in
their order, each into the first free place (so a reorder or resize never leaves holes
that a later small tile could fill). Tiles are dropped onto another tile to take its place.
"""
from __future__ import annotations

from PySide6.QtCore import QRect, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from .tile import TILE_MIME, Tile

COLUMNS = 4
ROW_HEIGHT = 180
GAP = 10


def pack(sizes: list[tuple[int, int]], columns: int = COLUMNS) -> list[tuple[int, int]]:
    """(column, row) of each tile: first fit, scanning rows top to bottom, left to right."""
    taken: set[tuple[int, int]] = set()
    places = []
    for w, h in sizes:
        w = min(w, columns)
        row = 0
        while True:
            spot = next((c for c in range(columns - w + 1)
                         if all((c + dx, row + dy) not in taken for dx in range(w) for dy in range(h))), None)
            if spot is not None:
                break
            row += 1
        taken.update((spot + dx, row + dy) for dx in range(w) for dy in range(h))
        places.append((spot, row))
    return places


class TileGrid(QWidget):
    order_changed = Signal()  # tiles were moved or resized by the user

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.tiles: list[Tile] = []
        self.setAcceptDrops(True)

    def set_tiles(self, tiles: list[Tile]) -> None:
        for old in self.tiles:
            if old not in tiles:
                old.setParent(None)
                old.deleteLater()
        self.tiles = list(tiles)
        for tile in self.tiles:
            tile.setParent(self)
            tile.show()
        self.relayout()

    def add_tile(self, tile: Tile) -> None:
        self.tiles.append(tile)
        tile.setParent(self)
        tile.show()
        self.relayout()

    def remove_tile(self, tile: Tile) -> None:
        self.tiles.remove(tile)
        tile.setParent(None)
        tile.deleteLater()
        self.relayout()

    def move_tile(self, tile: Tile, index: int) -> None:
        """Put ``tile`` at position ``index`` of the order."""
        self.tiles.remove(tile)
        self.tiles.insert(max(0, min(index, len(self.tiles))), tile)
        self.relayout()
        self.order_changed.emit()

    def resize_tile(self, tile: Tile, w: int, h: int) -> None:
        tile.spec["w"], tile.spec["h"] = w, h
        self.relayout()
        self.order_changed.emit()

    def cell_width(self) -> int:
        return max(120, (self.width() - GAP * (COLUMNS + 1)) // COLUMNS)

    def relayout(self) -> None:
        cw = self.cell_width()
        places = pack([(t.spec["w"], t.spec["h"]) for t in self.tiles])
        bottom = 0
        for tile, (col, row) in zip(self.tiles, places):
            w, h = min(tile.spec["w"], COLUMNS), tile.spec["h"]
            rect = QRect(GAP + col * (cw + GAP), GAP + row * (ROW_HEIGHT + GAP),
                         w * cw + (w - 1) * GAP, h * ROW_HEIGHT + (h - 1) * GAP)
            tile.cell_size = (cw + GAP, ROW_HEIGHT + GAP)
            tile.setGeometry(rect)
            bottom = max(bottom, rect.bottom())
        self.setMinimumHeight(bottom + GAP)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    # --- drag and drop -------------------------------------------------------------------
    def _dragged(self, event: QDropEvent) -> Tile | None:
        if not event.mimeData().hasFormat(TILE_MIME):
            return None
        key = bytes(event.mimeData().data(TILE_MIME)).decode()
        return next((t for t in self.tiles if str(id(t)) == key), None)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dragged(event) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._dragged(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        tile = self._dragged(event)
        if tile is None:
            return
        event.acceptProposedAction()
        self.move_tile(tile, self.index_at(event.position().toPoint()))

    def index_at(self, point) -> int:
        """The order position a tile dropped at ``point`` takes (the tile under it, else the end)."""
        for i, tile in enumerate(self.tiles):
            if tile.geometry().contains(point):
                return i
        return len(self.tiles)
