"""Saved views of a record table: a name, a filter, a sort and the visible columns, kept per
person in the database (``tables.<kind>.views``, a per-user setting; the team's when nobody
is chosen on this laptop)."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from voronka.models.queries.table_search import TableFilter, TableSort

from ..app_context import AppContext

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SavedView:
    name: str
    filter: TableFilter
    sort: TableSort | None
    columns: tuple[str, ...]  # visible column keys, in the order shown

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "filter": self.filter.to_dict(),
            "sort": None if self.sort is None else {"column": self.sort.column, "descending": self.sort.descending},
            "columns": list(self.columns),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "SavedView":
        sort = data.get("sort")
        return cls(
            name=str(data["name"]),
            filter=TableFilter.from_dict(data.get("filter") or {}),
            sort=TableSort(str(sort["column"]), bool(sort.get("descending"))) if sort else None,
            columns=tuple(str(c) for c in data.get("columns") or ()),
        )


def setting_key(kind: str) -> str:
    return f"tables.{kind}.views"


def load_views(ctx: AppContext, kind: str) -> list[SavedView]:
    saved = ctx.user_setting(setting_key(kind), [])
    views = []
    for item in saved if isinstance(saved, list) else []:
        try:
            views.append(SavedView.from_dict(item))
        except (KeyError, TypeError, ValueError):  # a hand-edited or older entry: skip it, keep the rest
            log.warning("Skipping a saved %s view that cannot be read: %r", kind, item, exc_info=True)
    return views


def save_views(ctx: AppContext, kind: str, views: list[SavedView]) -> None:
    ctx.set_user_setting(setting_key(kind), [v.to_dict() for v in views])


def put_view(views: list[SavedView], view: SavedView) -> list[SavedView]:
    """``views`` with ``view`` added, replacing one of the same name."""
    return [v for v in views if v.name != view.name] + [view]
