"""A user's own layout: start page tiles, the page opened at launch, the sidebar order.

Stored as per-user settings (``models.services.settings``):
``start.tiles``        list of ``{"kind": str, "w": 1..4, "h": 1..3, "options": {...}}``
``ui.start_page``      a page key, optionally with a tab (``"reports:weekly"``)
``ui.sidebar``         page keys in the user's order
``ui.sidebar_hidden``  page keys the user hid

The page keys themselves are the Qt layer's (``views.pages``); this module checks the
shapes only, and the main window drops keys it does not know.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from .. import errors
from ..changes import Changes
from ..orm import User
from .lookup import get_or_raise
from .settings import set_setting

TILE_WIDTHS = range(1, 5)
TILE_HEIGHTS = range(1, 4)


def _check_keys(field: str, keys: Sequence[Any]) -> list[str]:
    if not isinstance(keys, (list, tuple)) or not all(isinstance(k, str) and k for k in keys):
        raise errors.InvalidValue(field, "must be a list of page names")
    return list(keys)


def check_tiles(tiles: Any) -> list[dict[str, Any]]:
    """The tile list in its stored shape; InvalidValue naming the first bad tile."""
    if not isinstance(tiles, list):
        raise errors.InvalidValue("start.tiles", "must be a list of tiles")
    out = []
    for n, tile in enumerate(tiles, 1):
        if not isinstance(tile, dict) or not isinstance(tile.get("kind"), str):
            raise errors.InvalidValue("start.tiles", f"tile {n} has no kind")
        w, h = tile.get("w", 1), tile.get("h", 1)
        if w not in TILE_WIDTHS or h not in TILE_HEIGHTS:
            raise errors.InvalidValue("start.tiles", f"tile {n} has a size of {w}×{h} cells (1–4 × 1–3)")
        options = tile.get("options") or {}
        if not isinstance(options, dict):
            raise errors.InvalidValue("start.tiles", f"tile {n} has options that are not a mapping")
        out.append({"kind": tile["kind"], "w": w, "h": h, "options": options})
    return out


def save_start_tiles(session: Session, user_id: int, tiles: list[dict[str, Any]]) -> Changes:
    """Keep the user's start page tiles (order, sizes, options)."""
    get_or_raise(session, User, user_id, "user")
    set_setting(session, "start.tiles", check_tiles(tiles), user_id=user_id)
    # the tiles are the user's own page: nothing else needs to refresh
    return Changes()


def save_navigation(session: Session, user_id: int, *, start_page: str, sidebar: Sequence[str],
                    hidden: Sequence[str]) -> Changes:
    """Keep the page opened at launch and the sidebar order and hidden items, in one go."""
    get_or_raise(session, User, user_id, "user")
    if not isinstance(start_page, str) or not start_page:
        raise errors.InvalidValue("ui.start_page", "must name a page")
    order = _check_keys("ui.sidebar", sidebar)
    hidden_keys = _check_keys("ui.sidebar_hidden", hidden)
    if start_page.split(":", 1)[0] in hidden_keys:
        raise errors.InvalidValue("ui.start_page", "is hidden from the sidebar; show it or pick another page")
    set_setting(session, "ui.start_page", start_page, user_id=user_id)
    set_setting(session, "ui.sidebar", order, user_id=user_id)
    set_setting(session, "ui.sidebar_hidden", hidden_keys, user_id=user_id)
    return Changes(settings=True)
