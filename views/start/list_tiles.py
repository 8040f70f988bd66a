"""Tiles that list records: my tasks today and overdue, deals with no next step, stuck deals.

Each reads a short list with one query (``models.queries.start``; the stuck tile first
gets its stage limits from the metrics engine, in the background); double-clicking a
line opens the deal's card.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from voronka.metrics.formatting import days as days_text, money
from voronka.models.changes import Changes
from voronka.models.clock import local_now
from voronka.models.queries.start import DealList, deals_without_next_step, my_tasks, stuck_deals

from ..app_context import AppContext
from ..plain_text import as_rich_text, plain_label
from ..theme import colour
from .tile import Tile

DEAL_ROLE = Qt.ItemDataRole.UserRole + 1


class ListTile(Tile):
    def __init__(self, ctx: AppContext, spec: dict[str, Any], parent: QWidget | None = None):
        super().__init__(ctx, spec, parent)
        self.summary = plain_label(parent=self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setFrameShape(QListWidget.Shape.NoFrame)
        self.list.setUniformItemSizes(True)
        self.list.itemActivated.connect(self._open)
        self.list.itemDoubleClicked.connect(self._open)
        self.body.addWidget(self.summary)
        self.body.addWidget(self.list, 1)

    def _open(self, item: QListWidgetItem) -> None:
        deal_id = item.data(DEAL_ROLE)
        if deal_id is not None:
            self.ctx.open_record.emit("deal", int(deal_id))

    def add_line(self, text: str, deal_id: int | None, tooltip: str = "", warn: bool = False) -> None:
        item = QListWidgetItem(text)
        item.setData(DEAL_ROLE, deal_id)
        # a narrow tile elides a long deal name: the tooltip says the line whole, then the details
        item.setToolTip(as_rich_text(text + ("\n" + tooltip if tooltip else "")))
        if warn:  # a task whose time has passed asks for action: the theme's red, readable in both themes
            item.setForeground(QBrush(colour("alert")))
        self.list.addItem(item)


class TasksTile(ListTile):
    kind = "my_tasks"

    def title(self) -> str:
        return self.tr("My tasks today")

    def wants_refresh(self, changes: Changes) -> bool:
        return bool(changes.tasks or changes.deals or changes.users)

    def loader(self) -> Any:
        user_id, now = self.ctx.user_id, local_now()
        return lambda session: (now, my_tasks(session, user_id, now))

    def show_loaded(self, data: Any) -> None:
        now, rows = data
        self.list.clear()
        overdue = sum(r.overdue for r in rows)
        if self.ctx.user_id is None:
            self.summary.setText(self.tr("Choose who you are (Settings → Team) to see your tasks."))
            return
        self.summary.setText(self.tr("%1 due today, %2 overdue").replace("%1", str(len(rows) - overdue))
                             .replace("%2", str(overdue)))
        for row in rows:
            when = row.due_at.strftime("%d.%m %H:%M") if row.overdue else row.due_at.strftime("%H:%M")
            text = f"{when}  {row.title}"
            if row.deal_name:
                text += f" — {row.deal_name}"
            if row.overdue:
                text = "⚠ " + self.tr("overdue") + " · " + text
            self.add_line(text, row.deal_id, warn=row.due_at < now)  # red once its time has passed
        if not rows:
            self.add_line(self.tr("Nothing due today."), None)


class DealListTile(ListTile):
    has_scope = True

    def fetch(self, session, now, owner_id: int | None) -> DealList:
        """Worker thread: the deals the tile lists."""
        raise NotImplementedError

    def summary_text(self, total: int) -> str:
        raise NotImplementedError

    def wants_refresh(self, changes: Changes) -> bool:
        return bool(changes.deals or changes.tasks or changes.users or changes.funnel)

    def loader(self) -> Any:
        now, owner_id, fetch = local_now(), self.scope_owner(), self.fetch
        return lambda session: fetch(session, now, owner_id)

    def show_loaded(self, data: Any) -> None:
        self.show_result(data)

    def show_result(self, found: DealList) -> None:
        self.summary.setText(self.summary_text(found.total))
        self.list.clear()
        lang = self.ctx.language
        currency = self.ctx.team_setting("team.currency", "RUB")
        for deal in found.deals:
            stage = deal.stage_ru if lang == "ru" else deal.stage_en
            days = days_text(deal.days_in_stage, lang, decimals=0)
            text = self.tr("%1 — %2, %3").replace("%1", deal.name).replace("%2", stage).replace("%3", days)
            tip = self.tr("Owner: %1 · Amount: %2").replace("%1", deal.owner or "—") \
                .replace("%2", money(deal.amount, currency, lang))
            self.add_line(text, deal.id, tip)


class NoNextStepTile(DealListTile):
    kind = "no_next_step"

    def title(self) -> str:
        return self.tr("Deals with no next step")

    def fetch(self, session, now, owner_id: int | None) -> DealList:
        return deals_without_next_step(session, now, owner_id=owner_id)

    def summary_text(self, total: int) -> str:
        if not total:
            return self.tr("Every open deal has a next step.")
        return self.tr("%1 open deals have no open task. Plan the next step:").replace("%1", str(total))


class StuckTile(DealListTile):
    """Deals past their stage's limit — the board's rule (``metrics.stuck``), whose p90
    stays come from the metrics engine, so the tile is computed with the report tiles in
    the background."""

    kind = "stuck"
    needs_report = True

    def title(self) -> str:
        return self.tr("Stuck deals")

    def job(self) -> Callable[[Any, datetime], DealList]:
        db, owner = self.ctx.db, self.scope_owner()

        def run(memo, now: datetime) -> DealList:
            from voronka.metrics.stuck import stuck_limits

            limits = stuck_limits(memo.frames, now)
            with db.session() as session:
                return stuck_deals(session, now, limits, owner_id=owner)
        return run

    def summary_text(self, total: int) -> str:
        if not total:
            return self.tr("No deal stayed in its stage too long.")
        return self.tr("%1 open deals stayed in their stage longer than its limit:").replace("%1", str(total))
