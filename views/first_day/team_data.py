"""Whether the database holds any deal (company, contact) yet, read on the executor and kept
up to date.

One ``TeamData`` per ``AppContext`` (``team_data(ctx)``): every page's empty state asks it
whether to offer the demo — only on a database with no deal, company or contact, so demo
records never mix with a team's own — and the question is asked once per change, not once
per page.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from voronka.models.changes import Changes
from voronka.models.queries.first_day import TeamRecords, team_records

NAME = "firstDayTeamData"


class TeamData(QObject):
    changed = Signal()  # ``records`` has a new answer

    def __init__(self, ctx) -> None:  # noqa: ANN001 - an AppContext
        super().__init__(ctx)
        self.setObjectName(NAME)
        self.ctx = ctx
        self.records: TeamRecords | None = None  # None: not known yet
        ctx.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.deals or changes.companies or changes.contacts or changes.created:
            self.refresh()

    def refresh(self) -> None:
        self.ctx.executor.query(team_records, on_done=self._on_answer, owner=self, key=f"first-day:{id(self)}")

    def _on_answer(self, records: TeamRecords) -> None:
        self.records = records
        self.changed.emit()

    @property
    def has_deals(self) -> bool | None:
        return None if self.records is None else self.records.deals

    @property
    def demo_allowed(self) -> bool:
        """The demo may be offered: the database is known to hold no deal, company or contact."""
        return self.records is not None and self.records.none


def team_data(ctx) -> TeamData:  # noqa: ANN001 - an AppContext
    """The context's ``TeamData`` (made on first use)."""
    found = ctx.findChild(TeamData, NAME)
    return found if found is not None else TeamData(ctx)
