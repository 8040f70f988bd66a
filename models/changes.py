"""What a domain service changed, so every screen can decide for itself whether to refresh.

Modelled on Anki's ``OpChanges``: services return a ``Changes``; the desktop shell
broadcasts it through one application-wide signal.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Changes:
    deals: set[int] = field(default_factory=set)
    companies: set[int] = field(default_factory=set)
    contacts: set[int] = field(default_factory=set)
    tasks: set[int] = field(default_factory=set)
    activities: set[int] = field(default_factory=set)
    users: bool = False
    funnel: bool = False  # pipelines, stages, lost reasons, funnel rules
    settings: bool = False
    plans: bool = False
    fields: bool = False  # custom fields / card layouts
    snapshots: bool = False
    event_ids: list[int] = field(default_factory=list)  # events written (for undo)
    created: list[int] = field(default_factory=list)  # ids of records a service created
    # deal id -> (stage id, entered at) for open deals whose ONLY change was entering that stage
    # (a plain move): a screen showing the deal may place it without reading it again
    moved: dict[int, tuple[int, datetime]] = field(default_factory=dict)
    # committed by this window's own transaction (set when the window announces it), not heard from
    # the change feed: a screen may read what it names at once, for the user who is waiting on it;
    # other people's changes are read in the background
    local: bool = field(default=False, compare=False)

    def merge(self, other: "Changes") -> "Changes":
        # a deal stays "only moved" while every part of the transaction that touched it only moved it
        changed_otherwise = (self.deals - self.moved.keys()) | (other.deals - other.moved.keys())
        self.moved = {i: m for i, m in {**self.moved, **other.moved}.items() if i not in changed_otherwise}
        self.local = self.local and other.local
        self.deals |= other.deals
        self.companies |= other.companies
        self.contacts |= other.contacts
        self.tasks |= other.tasks
        self.activities |= other.activities
        for flag in ("users", "funnel", "settings", "plans", "fields", "snapshots"):
            setattr(self, flag, getattr(self, flag) or getattr(other, flag))
        self.event_ids.extend(other.event_ids)
        self.created.extend(other.created)
        return self

    @property
    def empty(self) -> bool:
        return not (
            self.deals or self.companies or self.contacts or self.tasks or self.activities
            or self.users or self.funnel or self.settings or self.plans or self.fields
            or self.snapshots
        )
