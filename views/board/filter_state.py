"""What the board shows: the filters a rep combines, kept per user as JSON.

Filtering runs in memory over the loaded cards (no SQL per keystroke): ``predicate``
turns the state into one function that the column models apply to their cards.
Amounts are in major units (roubles) as typed; the cards hold minor units.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from typing import Any

from voronka.models.money import to_minor
from voronka.models.queries.board import BoardCard, fold

SETTING_KEY = "board.filter"


@dataclass(frozen=True)
class BoardFilter:
    mine: bool = False  # "my deals": the owner is the user on this laptop
    owner_id: int | None = None
    source: str | None = None
    segment: str | None = None
    cohort: str | None = None
    amount_min: str = ""  # as typed, in major units
    amount_max: str = ""
    stuck_only: bool = False
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return self == BoardFilter()

    def with_changes(self, **values: Any) -> "BoardFilter":
        return replace(self, **values)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, value: Any) -> "BoardFilter":
        """A saved filter; unknown keys and values of the wrong type are dropped."""
        if not isinstance(value, dict):
            return cls()
        blank = cls()
        kept = {f.name: value[f.name] for f in fields(cls)
                if f.name in value and _fits(getattr(blank, f.name), value[f.name])}
        return cls(**kept)

    def predicate(
        self, me: int | None, is_stuck: Callable[[BoardCard, datetime], bool], now: datetime
    ) -> Callable[[BoardCard], bool]:
        """One function answering "does the board show this card?" for all filters combined."""
        tests: list[Callable[[BoardCard], bool]] = []
        owner = me if self.mine else self.owner_id
        if self.mine or owner is not None:
            tests.append(lambda c: c.owner_id == owner)
        for attr in ("source", "segment", "cohort"):
            wanted = getattr(self, attr)
            if wanted is not None:
                tests.append(lambda c, a=attr, w=wanted: getattr(c, a) == w)
        low, high = _minor_or_none(self.amount_min), _minor_or_none(self.amount_max)
        if low is not None:
            tests.append(lambda c: (c.amount_minor or 0) >= low)
        if high is not None:
            tests.append(lambda c: (c.amount_minor or 0) <= high)
        if self.stuck_only:
            tests.append(lambda c: is_stuck(c, now))
        words = fold(self.text).split()
        if words:
            tests.append(lambda c: all(w in c.search_text for w in words))
        if not tests:
            return lambda c: True
        if len(tests) == 1:
            return tests[0]
        return lambda c: all(t(c) for t in tests)


def _fits(default: Any, item: Any) -> bool:
    if default is None:
        return item is None or isinstance(item, (int, str))
    return isinstance(item, type(default))


def _minor_or_none(text: str) -> int | None:
    try:
        return to_minor(text.strip()) if text.strip() else None
    except ValueError:
        return None  # the filter bar marks the field; a half-typed amount filters nothing
