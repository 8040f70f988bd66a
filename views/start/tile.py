"""One start page tile: a framed box with a title (the drag handle), a menu (size, whose
numbers, remove) and a corner grip that resizes it in whole grid cells.

Subclasses fill ``self.body`` and implement ``refresh`` (quick database reads) or, for
tiles built on the report engine, ``compute`` (runs in a worker thread on the cached
frames) and ``show_result`` (back on the UI thread).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QDrag, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from voronka.models.changes import Changes

from ..app_context import AppContext
from ..plain_text import as_rich_text, plain
from ..style_roles import set_role

TILE_MIME = "application/x-voronka-tile"
SIZES = ((1, 1), (2, 1), (1, 2), (2, 2), (3, 1), (4, 1), (3, 2), (4, 2))


class DragHandle(QLabel):
    """The tile title: pressing and moving it drags the tile to another place."""

    def __init__(self, tile: "Tile"):
        super().__init__(tile)
        plain(self)  # titles can name a person
        self._tile = tile
        self._press: QPoint | None = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or (event.position().toPoint() - self._press).manhattanLength() < 8:
            return
        self._press = None
        mime = QMimeData()
        mime.setData(TILE_MIME, str(id(self._tile)).encode())
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.setPixmap(self._tile.grab().scaledToWidth(min(240, self._tile.width())))
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)


class ResizeGrip(QLabel):
    """Bottom-right corner: drag to give the tile more or fewer grid cells."""

    def __init__(self, tile: "Tile"):
        super().__init__("◢", tile)
        self._tile = tile
        self._dragging = False
        self.setCursor(Qt.CursorShape.SizeFDiagCursor)
        self.setToolTip(self.tr("Drag to resize"))
        set_role(self, "hint")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._dragging = event.button() == Qt.MouseButton.LeftButton

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging:
            corner = self._tile.mapFromGlobal(event.globalPosition().toPoint())
            self._tile.resize_to_point(corner)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._dragging = False


class Tile(QFrame):
    remove_requested = Signal(object)  # the tile
    resize_requested = Signal(object, int, int)  # the tile, width and height in cells
    options_changed = Signal(object)  # the tile (its ``spec`` holds the new options)

    kind = ""
    has_scope = False  # offers "my numbers" / "the team's"
    needs_report = False  # computed on the report engine in the background

    def __init__(self, ctx: AppContext, spec: dict[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.spec = {"kind": self.kind, "w": spec.get("w", 1), "h": spec.get("h", 1),
                     "options": dict(spec.get("options") or {})}
        self.cell_size: tuple[int, int] = (240, 170)  # set by the grid
        self.setObjectName("tile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#tile { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }")
        self.title_label = DragHandle(self)
        self.title_label.setWordWrap(True)  # a long metric name wraps rather than being cut
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.menu_button = QToolButton(self)
        self.menu_button.setObjectName("tileMenu")
        self.menu_button.setText("⋯")
        self.menu_button.setAutoRaise(True)
        self.menu_button.setToolTip(self.tr("Tile options"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setMenu(QMenu(self))
        self.menu_button.menu().aboutToShow.connect(self._fill_menu)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title_label, 1)
        head.addWidget(self.menu_button)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        self.grip = ResizeGrip(self)
        foot = QHBoxLayout()
        foot.setContentsMargins(0, 0, 0, 0)
        foot.addStretch(1)
        foot.addWidget(self.grip)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 6, 4, 0)
        outer.setSpacing(4)
        outer.addLayout(head)
        outer.addLayout(self.body, 1)
        outer.addLayout(foot)
        self.update_title()

    # --- what a tile shows -----------------------------------------------------------------
    def title(self) -> str:
        raise NotImplementedError

    def update_title(self) -> None:
        text = self.title()
        if self.has_scope:
            text += " · " + (self.tr("mine") if self.scope_owner() is not None else self.tr("team"))
        self.title_label.setText(text)

    def loader(self) -> Any:
        """A read ``fn(session)`` the start page runs on the executor, then ``show_loaded``
        shows its answer on the UI thread (None: the tile has no quick data)."""
        return None

    def show_loaded(self, data: Any) -> None:
        """UI thread: show what ``loader()`` read."""

    def refresh(self) -> None:
        """Reload quick data now, on the UI thread (the page prefers the executor)."""
        load = self.loader()
        if load is not None:
            self.show_loaded(self.ctx.query(load))

    def compute(self, frames: Any, today: Any) -> Any:
        """Worker thread: compute what the tile shows from the report frames."""
        return None

    def show_result(self, result: Any) -> None:
        """UI thread: show what ``compute`` returned."""

    def show_failure(self, message: str) -> None:
        """Loading the tile's figures failed: say so on the tile (the log keeps the details)."""
        self.title_label.setText(self.title() + " ⚠")
        self.title_label.setToolTip(as_rich_text(self.tr("Could not load: %1").replace("%1", message)))

    def wants_refresh(self, changes: Changes) -> bool:
        return bool(changes.deals or changes.users or changes.funnel)

    # --- options ---------------------------------------------------------------------------
    @property
    def options(self) -> dict[str, Any]:
        return self.spec["options"]

    def scope_owner(self) -> int | None:
        """The user whose numbers the tile shows, or None for the whole team."""
        if not self.has_scope or self.options.get("scope", "me") == "team":
            return None
        return self.ctx.user_id

    def set_option(self, key: str, value: Any) -> None:
        self.options[key] = value
        self.update_title()
        self.options_changed.emit(self)

    def extra_menu(self, menu: QMenu) -> None:
        """Subclasses add their own options (e.g. which metric)."""

    def _fill_menu(self) -> None:
        menu = self.menu_button.menu()
        menu.clear()
        if self.has_scope:
            group = QActionGroup(menu)
            for value, text in (("me", self.tr("My numbers")), ("team", self.tr("The team's numbers"))):
                action = QAction(text, menu, checkable=True)
                action.setChecked(self.options.get("scope", "me") == value)
                action.triggered.connect(lambda _c=False, v=value: self.set_option("scope", v))
                group.addAction(action)
                menu.addAction(action)
            menu.addSeparator()
        self.extra_menu(menu)
        sizes = menu.addMenu(self.tr("Size"))
        for w, h in SIZES:
            action = sizes.addAction(self.tr("%1 × %2 cells").replace("%1", str(w)).replace("%2", str(h)))
            action.setCheckable(True)
            action.setChecked((w, h) == (self.spec["w"], self.spec["h"]))
            action.triggered.connect(lambda _c=False, w=w, h=h: self.resize_requested.emit(self, w, h))
        menu.addSeparator()
        menu.addAction(self.tr("Remove tile"), lambda: self.remove_requested.emit(self))

    # --- resizing by the grip ------------------------------------------------------------
    def resize_to_point(self, corner: QPoint) -> None:
        cw, ch = self.cell_size
        w = max(1, min(4, round(corner.x() / cw + 0.25)))
        h = max(1, min(3, round(corner.y() / ch + 0.25)))
        if (w, h) != (self.spec["w"], self.spec["h"]):
            self.resize_requested.emit(self, w, h)
