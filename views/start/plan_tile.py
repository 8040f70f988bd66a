"""The "What the plan asks today" tile: this month's (or quarter's, or year's) plan read
backwards through the funnel (``plan_decomposition``), and what is still needed at each main
stage per working day left, today included (``metrics.plan_today``), plus the sales actions
a day the plan asks of each SDR. The team's numbers: the plan is the team's."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QMenu

from ..exports.values import format_value

from ..plain_text import as_rich_text, plain_label
from ..theme import colour_name
from .report_tiles import ReportTile, _value_label

SHOWN_STAGES = ("work_started", "replied", "demo_run", "offer_sent", "signed")  # the steps a team plans by


class PlanTodayTile(ReportTile):
    kind = "plan_today"

    def __init__(self, ctx, spec, parent=None):
        super().__init__(ctx, spec, parent)
        self.head = plain_label(parent=self)
        self.head.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(2)
        self.sdr = plain_label(parent=self)
        self.sdr.setWordWrap(True)
        self.body.addWidget(self.status)
        self.body.addWidget(self.head)
        self.body.addLayout(self.grid)
        self.body.addWidget(self.sdr)
        self.body.addStretch(1)
        self.result: dict[str, Any] | None = None

    @property
    def period_kind(self) -> str:
        kind = self.options.get("period", "month")
        return kind if kind in ("month", "quarter", "year") else "month"

    def title(self) -> str:
        return {"quarter": self.tr("What this quarter's plan asks today"),
                "year": self.tr("What this year's plan asks today")}.get(
            self.period_kind, self.tr("What this month's plan asks today"))

    def extra_menu(self, menu: QMenu) -> None:
        choose = menu.addMenu(self.tr("Period"))
        for kind, text in (("month", self.tr("This month")), ("quarter", self.tr("This quarter")),
                           ("year", self.tr("This year"))):
            action = choose.addAction(text)
            action.setCheckable(True)
            action.setChecked(kind == self.period_kind)
            action.triggered.connect(lambda _c=False, k=kind: self.set_option("period", k))
        menu.addSeparator()

    def job(self):
        kind, language = self.period_kind, self.ctx.language

        def run(memo, now: datetime) -> dict[str, Any]:
            from voronka.metrics.periods import period_of
            from voronka.metrics.plan_today import plan_today, working_days_left

            period = period_of(kind, now)
            report = memo.report(period, as_of=now)
            stages = memo.frames.stages
            names = dict(zip(stages["key"], stages["name_ru" if language == "ru" else "name_en"]))
            rows = [r for r in plan_today(report["plan_decomposition"], period, now) if r["stage"] in SHOWN_STAGES]
            m = report["metrics"]
            from voronka.metrics.formatting import period_name

            return {"label": period.label, "name": period_name(period, language), "days": working_days_left(period, now), "plan": m.get("plan_period"),
                    "rows": [{**r, "name": str(names.get(r["stage"], r["stage"]))} for r in rows],
                    "sdr_asked": m.get("needed_actions_per_day_sdr"), "sdr_done": m.get("actions_per_day_sdr")}
        return run

    def show_result(self, result: dict[str, Any]) -> None:
        self.result = result
        lang = self.ctx.language
        self.status.hide()
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if not result["plan"]:
            self.head.setText(self.tr("No plan for %1: set one in Settings → Plans.").replace("%1", result["name"]))
            self.sdr.clear()
            return
        days = result["days"]
        self.head.setText(self.tr("%1 · %n working day(s) left, today included", "", days)
                          .replace("%1", result["name"]) if days else
                          self.tr("%1 is over.").replace("%1", result["name"]))
        for col, text in enumerate((self.tr("Stage"), self.tr("Still needed"), self.tr("Today"))):
            label = QLabel(text, self)
            label.setStyleSheet("color: palette(mid);")
            self.grid.addWidget(label, 0, col, alignment=Qt.AlignmentFlag.AlignLeft if col == 0
                                else Qt.AlignmentFlag.AlignRight)
        for i, row in enumerate(result["rows"], start=1):
            name = plain_label(row["name"], self)
            still = _value_label(self)
            still.setText(format_value(row["still_needed"], "count", lang))
            today = _value_label(self)
            today.setText(format_value(row["per_day"], "number", lang) if row["per_day"] is not None else "—")
            behind = row.get("gap") is not None and row["gap"] < 0
            if behind:
                today.setStyleSheet(f"color: {colour_name('missed')};")
            tip = self.tr("Needed this period: %1, reached so far: %2").replace(
                "%1", format_value(row.get("needed"), "count", lang)).replace(
                "%2", format_value(row.get("actual"), "count", lang))
            for w in (name, still, today):
                w.setToolTip(as_rich_text(tip))
            still.setAlignment(Qt.AlignmentFlag.AlignRight)
            today.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(name, i, 0)
            self.grid.addWidget(still, i, 1)
            self.grid.addWidget(today, i, 2)
        asked = result["sdr_asked"]
        self.sdr.setText("" if asked is None else self.tr("Each SDR: %1 sales actions a day (now %2)")
                         .replace("%1", format_value(asked, "number", lang))
                         .replace("%2", format_value(result["sdr_done"], "number", lang)))
