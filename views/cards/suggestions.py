"""The values already used in a card's text fields (a deal's source, segment and cohort, a
company's industry…), offered as completions so one spelling wins.

One cache per ``AppContext`` (``SuggestionLists.of(ctx)``). A card's background load reads
the lists its fields need unless they are cached (``loader``) and keeps them (``keep``) on
the UI thread; a change to records of that kind, or to the fields, drops them, so the next
card reads them again (a skip scan over the column's index: microseconds).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject

from voronka.models.changes import Changes
from voronka.models.queries.cards import distinct_values

from ..app_context import AppContext

Lists = dict[str, list[str]]


class SuggestionLists(QObject):
    def __init__(self, ctx: AppContext):
        super().__init__(ctx)
        self.setObjectName("SuggestionLists")
        self._lists: dict[str, Lists] = {}
        self._version: dict[str, int] = {}
        ctx.changed.connect(self._on_changed)

    @classmethod
    def of(cls, ctx: AppContext) -> "SuggestionLists":
        found = ctx.findChild(cls, "SuggestionLists")
        return found if found is not None else cls(ctx)

    def cached(self, entity: str) -> Lists | None:
        return self._lists.get(entity)

    def loader(self, entity: str, keys: Sequence[str]) -> Callable[..., tuple[str, int, Lists]]:
        """A read for a background job: the lists of ``keys`` (the cached ones when there are)."""
        cached, version = self._lists.get(entity), self._version.get(entity, 0)
        if cached is not None and set(keys) <= set(cached):
            return lambda _session: (entity, version, cached)
        keys = tuple(keys)
        return lambda session: (entity, version, {k: distinct_values(session, entity, k) for k in keys})

    def keep(self, entity: str, version: int, lists: Lists) -> None:
        """Keep what a loader read, unless a change came in meanwhile (then it may be out of date)."""
        if version == self._version.get(entity, 0) and lists:
            self._lists[entity] = {**self._lists.get(entity, {}), **lists}

    def _drop(self, entity: str) -> None:
        self._lists.pop(entity, None)
        self._version[entity] = self._version.get(entity, 0) + 1

    def _on_changed(self, changes: Changes) -> None:
        if changes.fields:
            for entity in ("deal", "company", "contact"):
                self._drop(entity)
            return
        for entity, ids in (("deal", changes.deals), ("company", changes.companies), ("contact", changes.contacts)):
            if ids:
                self._drop(entity)
