"""Tiles built on the report engine: yesterday's numbers, plan vs fact this month, and one
chosen metric with its sparkline.

Each tile hands the page a pure job ``fn(memo, now) -> result`` that runs in a worker
thread on the cached frames (``views.reports.frames_cache``); ``show_result`` then
fills the tile on the UI thread. Decisions:

- *Yesterday* is the previous working day (Monday shows Friday), so a Monday morning
  does not open on an empty Sunday.
- "My numbers" are my row of the report's per-person table (what I did: actions,
  steps I moved deals to, my wins and revenue, my personal plan); "the team's" are
  the report's metrics.
- The sparkline shows the metric over the last ``SPARK_POINTS`` periods of the kind its
  report uses (months for monthly metrics, weeks for weekly and daily ones), each as of
  its end (the current one as of now).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QMenu, QProgressBar, QSizePolicy, QWidget

from voronka.metrics.formatting import day_name, period_name, target_mark, target_value_text, value_text

from ..plain_text import as_rich_text, plain_label
from .tile import Tile
from ..style_roles import set_role
from ..theme import colour, colour_name

SPARK_POINTS = 8
DAILY_FIGURES = (  # (metric id, users-table column) shown by the yesterday tile
    ("sales_actions", "sales_actions"),
    ("worked_count", "worked_count"),
    ("replied_count", "replied_count"),
    ("positive_count", "positive_count"),
    ("demos_appointed_count", "demos_appointed_count"),
    ("demos_run_count", "demos_run_count"),
    ("won_count", "won_count"),
    ("revenue", "revenue"),
)


def previous_working_day(today: date) -> date:
    day = today - timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def user_row(report: dict, user_id: int | None, name: str | None) -> dict | None:
    """The per-person row of ``user_id`` (by id when the report has it, else by name)."""
    for row in report.get("users", []):
        if row.get("user_id") is not None and row.get("user_id") == user_id:
            return row
        if row.get("user_id") is None and name and row.get("name") == name:
            return row
    return None


def metric_name(metric_id: str, language: str) -> str:
    from voronka.metrics.catalogue import by_id

    return by_id(metric_id).name(language)


def _value_label(parent: QWidget, big: bool = False) -> QLabel:
    label = plain_label(parent=parent)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if big:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        label.setFont(font)
    return label


class ReportTile(Tile):
    needs_report = True

    def __init__(self, ctx, spec, parent=None):
        super().__init__(ctx, spec, parent)
        self.status = plain_label(self.tr("Counting…"), self)
        set_role(self.status, "hint")

    def my_name(self) -> str | None:
        from voronka.models.queries.team import member_name

        return self.ctx.query(member_name, self.scope_owner())

    def job(self) -> Callable[[Any, datetime], Any]:
        raise NotImplementedError

    def format(self, value: Any, kind: str) -> str:
        """A value with its unit in the UI language (money in the team currency)."""
        return value_text(value, kind, self.ctx.language, self.ctx.team_setting("team.currency", "RUB"))

    def show_failure(self, message: str) -> None:
        self.status.setText(self.tr("Could not count: %1").replace("%1", message))
        self.status.show()


class YesterdayTile(ReportTile):
    kind = "yesterday"
    has_scope = True

    def __init__(self, ctx, spec, parent=None):
        super().__init__(ctx, spec, parent)
        self.day_label = plain_label(parent=self)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(2)
        for column in (0, 2):  # the names take the room, the figures only theirs: no name wraps to a cut third line
            self.grid.setColumnStretch(column, 1)
        self.body.addWidget(self.day_label)
        self.body.addWidget(self.status)
        self.body.addLayout(self.grid)
        self.body.addStretch(1)

    def title(self) -> str:
        return self.tr("Yesterday's numbers")

    def job(self):
        owner, name = self.scope_owner(), self.my_name()

        def run(memo, now: datetime):
            from voronka.metrics.periods import day_period

            calendar = getattr(getattr(memo, "frames", None), "calendar", None)
            day = calendar.previous_working_day(now.date()) if calendar else previous_working_day(now.date())
            report = memo.report(day_period(day))
            if owner is None:
                values = {mid: report["metrics"].get(mid) for mid, _ in DAILY_FIGURES}
                role_target = None
            else:
                row = user_row(report, owner, name) or {}
                values = {mid: row.get(col) for mid, col in DAILY_FIGURES}
                role_target = {"sdr": 30.0, "ae": 15.0}.get(row.get("role"))
            return day, values, role_target, report["metrics"].get("actions_per_day_sdr"), \
                report["metrics"].get("actions_per_day_ae")
        return run

    def show_result(self, result) -> None:
        day, values, role_target, per_sdr, per_ae = result
        lang = self.ctx.language
        self.status.hide()
        self.day_label.setText(day_name(day, lang))
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for i, (mid, _col) in enumerate(DAILY_FIGURES):
            kind = "money" if mid == "revenue" else "count"
            text = self.format(values.get(mid), kind)
            if mid == "sales_actions" and role_target is not None and values.get(mid) is not None:
                met = values[mid] >= role_target
                text += f"  {target_mark(met)}"
                tip = self.tr("Target: %1 sales actions a day").replace("%1", self.format(role_target, "count"))
            else:
                met, tip = None, ""
            name = QLabel(metric_name(mid, lang), self)
            name.setWordWrap(True)  # "Количество подписанных сделок" wraps in a narrow tile
            value = _value_label(self)
            value.setText(text)
            value.setToolTip(as_rich_text(tip))
            if met is not None:
                value.setStyleSheet(f"color: {colour_name('met' if met else 'missed')};")
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(name, i // 2, (i % 2) * 2)
            self.grid.addWidget(value, i // 2, (i % 2) * 2 + 1)
        if self.scope_owner() is None:
            row = len(DAILY_FIGURES) // 2
            for j, (mid, value) in enumerate((("actions_per_day_sdr", per_sdr), ("actions_per_day_ae", per_ae))):
                from voronka.metrics.catalogue import meets_target

                met = meets_target(mid, value)
                label = _value_label(self)
                label.setText(self.format(value, "number") + f"  {target_mark(met)}")
                if met is not None:
                    label.setStyleSheet(f"color: {colour_name('met' if met else 'missed')};")
                label.setAlignment(Qt.AlignmentFlag.AlignRight)
                name = QLabel(metric_name(mid, lang), self)
                name.setWordWrap(True)
                self.grid.addWidget(name, row, j * 2)
                self.grid.addWidget(label, row, j * 2 + 1)


class PlanFactTile(ReportTile):
    kind = "plan_fact"
    has_scope = True

    def __init__(self, ctx, spec, parent=None):
        super().__init__(ctx, spec, parent)
        self.fact = _value_label(self, big=True)
        self.plan = plain_label(parent=self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.pace = plain_label(parent=self)
        self.pace.setWordWrap(True)
        for w in (self.status, self.fact, self.plan, self.bar, self.pace):
            self.body.addWidget(w)
        self.body.addStretch(1)

    @property
    def period_kind(self) -> str:
        """The plan this tile follows: this month's (default), this quarter's or this year's."""
        kind = self.options.get("period", "month")
        return kind if kind in ("month", "quarter", "year") else "month"

    def title(self) -> str:
        return {"quarter": self.tr("Plan vs fact this quarter"), "year": self.tr("Plan vs fact this year")}.get(
            self.period_kind, self.tr("Plan vs fact this month"))

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
        owner, name, kind = self.scope_owner(), self.my_name(), self.period_kind

        def run(memo, now: datetime):
            from voronka.metrics.periods import period_of

            period = period_of(kind, now)
            report = memo.report(period, as_of=now)
            if owner is None:
                m = report["metrics"]
                values = (m.get("revenue"), m.get("plan_period"), m.get("plan_attainment_period"))
            else:
                row = user_row(report, owner, name) or {}
                values = (row.get("revenue"), row.get("plan_period"), row.get("plan_attainment_period"))
            from voronka.metrics.judgement import elapsed_share

            elapsed = elapsed_share(report["period"])  # the share of the working days gone
            if elapsed is None:
                elapsed = (now - period.start).total_seconds() / (period.end - period.start).total_seconds()
            return period.label, values, elapsed
        return run

    def show_result(self, result) -> None:
        label, (fact, plan, attainment), elapsed = result
        lang = self.ctx.language
        self.status.hide()
        self.fact.setText(self.format(fact, "money"))
        if plan in (None, 0):
            self.plan.setText(self.tr("No plan for %1: set one in Settings → Plans.").replace("%1", period_name(label, lang)))
            self.bar.hide()
            self.pace.clear()
            return
        self.bar.show()
        self.plan.setText(self.tr("of plan %1 (%2)").replace("%1", self.format(plan, "money"))
                          .replace("%2", self.format(attainment, "ratio")))
        self.bar.setValue(int(max(0.0, min(1.0, attainment or 0.0)) * 100))
        self.bar.setFormat(self.format(attainment, "ratio"))  # 148.5 %, not the capped 100 %
        from voronka.views.exports.sections import above_band_note, above_band_word, progress_text

        pace = (attainment or 0.0) / elapsed if elapsed else None
        on_pace = pace is not None and pace >= 1.0
        passed = {"quarter": self.tr("%1 of the quarter's working days gone"),
                  "year": self.tr("%1 of the year's working days gone")}.get(
                      self.period_kind, self.tr("%1 of the month's working days gone"))
        # a period still going on is never a red mark: its pace, green when on it
        self.pace.setText(passed.replace("%1", self.format(elapsed, "ratio")) + " · "
                          + progress_text(True, pace, "ratio", lang))
        self.pace.setStyleSheet(f"color: {colour_name('met')};" if on_pace else "color: palette(mid);")


class Sparkline(QWidget):
    """A small line of values (missing ones leave a gap); hover shows each period's value."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.points: list[tuple[str, float | None, str]] = []  # (label, value, text)
        self.setMinimumHeight(36)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_points(self, points: list[tuple[str, float | None, str]]) -> None:
        self.points = points
        self.update()

    def _xy(self) -> list[QPointF | None]:
        values = [v for _, v, _ in self.points if v is not None]
        if not values:
            return [None] * len(self.points)
        low, high = min(values), max(values)
        span = (high - low) or 1.0
        n = max(1, len(self.points) - 1)
        w, h = self.width() - 8, self.height() - 8
        return [None if v is None else QPointF(4 + w * i / n, 4 + h * (1 - (v - low) / span))
                for i, (_, v, _) in enumerate(self.points)]

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(colour("accent"), 2)
        p.setPen(pen)
        path, started = QPainterPath(), False
        xy = self._xy()
        for pt in xy:
            if pt is None:
                started = False
                continue
            if started:
                path.lineTo(pt)
            else:
                path.moveTo(pt)
                started = True
        p.drawPath(path)
        p.setBrush(colour("accent"))
        for pt in xy:
            if pt is not None:
                p.drawEllipse(pt, 2.5, 2.5)
        p.end()

    def mouseMoveEvent(self, event) -> None:
        if not self.points:
            return
        n = max(1, len(self.points) - 1)
        i = round((event.position().x() - 4) / max(1, self.width() - 8) * n)
        i = max(0, min(len(self.points) - 1, i))
        label, _v, text = self.points[i]
        self.setToolTip(as_rich_text(f"{label}: {text}"))


class MetricTile(ReportTile):
    kind = "metric"

    def __init__(self, ctx, spec, parent=None):
        super().__init__(ctx, spec, parent)
        self.value = _value_label(self, big=True)
        self.target = plain_label(parent=self)
        self.target.setWordWrap(True)
        self.spark = Sparkline(self)
        for w in (self.status, self.value, self.target):
            self.body.addWidget(w)
        self.body.addWidget(self.spark, 1)

    @property
    def metric_id(self) -> str:
        return self.options.get("metric", "revenue")

    def title(self) -> str:
        return metric_name(self.metric_id, self.ctx.language)

    def extra_menu(self, menu: QMenu) -> None:
        from voronka.metrics.catalogue import CATALOGUE

        choose = menu.addMenu(self.tr("Metric"))
        for m in CATALOGUE:
            action = choose.addAction(m.name(self.ctx.language))
            action.setCheckable(True)
            action.setChecked(m.id == self.metric_id)
            action.triggered.connect(lambda _c=False, mid=m.id: self.set_option("metric", mid))
        menu.addSeparator()

    def job(self):
        metric_id = self.metric_id

        def run(memo, now: datetime):
            from voronka.metrics.catalogue import by_id
            from voronka.metrics.periods import period_of

            metric = by_id(metric_id)
            kind = "month" if "monthly" in metric.reports else "week"
            period = period_of(kind, now)
            periods = [period]
            for _ in range(SPARK_POINTS - 1):
                periods.insert(0, periods[0].previous())
            series = []
            for p in periods:
                report = memo.report(p, as_of=min(now, p.last_moment))
                series.append((p.label, report["metrics"].get(metric_id), report["targets"].get(metric_id),
                               report["period"]))
            return series
        return run

    def show_result(self, series) -> None:
        from voronka.metrics.catalogue import by_id
        from voronka.metrics.judgement import judge

        from voronka.views.exports.sections import above_band_note, above_band_word, progress_text

        metric = by_id(self.metric_id)
        lang = self.ctx.language
        self.status.hide()
        label, value, target, period = series[-1]
        verdict = judge(self.metric_id, value, target, period)
        met = verdict.met
        self.value.setText(f"{self.format(value, metric.kind)}  {target_mark(met, verdict.above_band)}".strip())
        self.value.setStyleSheet(f"color: {colour_name('met' if met else 'missed')};" if met is not None else "")
        tip = metric.formula(lang)
        if metric.target_text:
            tip += "\n" + self.tr("Target: %1").replace("%1", metric.target_text_in(lang))
        if verdict.above_band:  # above a band: neutral, with what it means
            tip += "\n" + above_band_note(self.metric_id)
        self.value.setToolTip(as_rich_text(tip))
        if target is not None:  # a band whole ("60–75 %"), never its lower bound alone
            currency = self.ctx.team_setting("team.currency", "RUB")
            self.target.setText(self.tr("%1 · target %2").replace("%1", period_name(label, lang))
                                .replace("%2", target_value_text(self.metric_id, target, metric.kind, lang, currency)))
        else:
            self.target.setText(period_name(label, lang))
        if verdict.in_progress:  # a week that has just begun is not a miss: its pace, never red
            self.target.setText(self.target.text() + " · " + progress_text(True, verdict.pace, verdict.pace_kind, lang))
        elif verdict.above_band:
            self.target.setText(self.target.text() + " · " + above_band_word())
        self.spark.set_points([(period_name(lab, lang), v, self.format(v, metric.kind)) for lab, v, _t, _p in series])
