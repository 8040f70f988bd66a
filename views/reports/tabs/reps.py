"""The Reps tab: each rep side by side with the team median (the report's ``reps`` table).

A cell far from the median is marked, sparingly: a red background only where the rep is
clearly worse and there are enough deals to judge (``judge``), green text where clearly
better; everything else stays plain. Double-clicking a stage cell (the cohort, a
conversion, the wins) lists that rep's deals behind it (``metrics.drilldown.rep_deals``)
in a dialog whose rows open the deal card.

Reading of "far": at least ``FAR`` (30 %) away from the median, and for a share also at
least 2 percentage points; a conversion is judged only over a cohort of ``MIN_COHORT``
deals or more, a won-deals figure over ``MIN_WON`` wins or more. Volumes (the cohort,
sales actions a day, which differ by role) are shown, never marked.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, \
    QT_TRANSLATE_NOOP, QTimer, Signal
from PySide6.QtGui import QBrush, QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QVBoxLayout, QWidget

from ...exports.sections import TABLE_COLUMNS, TEAM_MEDIAN, ColumnDef
from ...exports.values import format_value, is_missing
from ...fitting import text_margin
from ...plain_text import as_rich_text
from ...roles import role_meaning, role_name
from ...tables.record_model import SORT_ROLE, RecordFilterProxy
from ..models import RIGHT
from ..tab import fit_columns, fit_to_width, report_table_view, same_report
from .base import SecondEditionTab, better_text, needs_action, needs_action_text, bold, note, wrap_header
from ...theme import colour

FAR = 0.30
MIN_SHARE_GAP = 0.02
MIN_COHORT = 20
MIN_WON = 3
ROW_HEIGHT = 28
HIGHER_IS_BETTER = {"conv_reply": True, "conv_positive": True, "conv_demo": True, "conv_client": True,
                    "won_count_ytd": True, "revenue_ytd": True, "avg_check_ytd": True,
                    "sales_cycle_days_ytd": False, "win_rate_ytd": True, "plan_attainment_ytd": True}
COHORT_JUDGED = ("conv_reply", "conv_positive", "conv_demo", "conv_client")
WON_JUDGED = ("avg_check_ytd", "sales_cycle_days_ytd", "win_rate_ytd")
DRILL_STAGE = {"cohort": None, "conv_reply": "replied", "conv_positive": "replied_positive",
               "conv_demo": "demo_run", "conv_client": "signed"}
DRILL_WINS = ("won_count_ytd", "revenue_ytd", "avg_check_ytd", "sales_cycle_days_ytd")
COLUMN_HELP = {
    "cohort": QT_TRANSLATE_NOOP("RepsTab", "Deals whose move to Work started this year is credited to the rep "
                                           "(whoever moved the card, else the owner then)"),
    "conv_reply": QT_TRANSLATE_NOOP("RepsTab", "Share of the rep's cohort that reached Replied"),
    "conv_positive": QT_TRANSLATE_NOOP("RepsTab", "Share of the rep's cohort that reached Replied positive"),
    "conv_demo": QT_TRANSLATE_NOOP("RepsTab", "Share of the rep's cohort that reached Demo run"),
    "conv_client": QT_TRANSLATE_NOOP("RepsTab", "Share of the rep's cohort that was won"),
    "won_count_ytd": QT_TRANSLATE_NOOP("RepsTab", "Deals won this year while the rep owned them"),
    "revenue_ytd": QT_TRANSLATE_NOOP("RepsTab", "Sum of those deals"),
    "avg_check_ytd": QT_TRANSLATE_NOOP("RepsTab", "Revenue this year / deals won this year"),
    "sales_cycle_days_ytd": QT_TRANSLATE_NOOP("RepsTab", "Mean days from Work started to won over those deals"),
    "win_rate_ytd": QT_TRANSLATE_NOOP("RepsTab", "Of the deals the rep owned when they closed this year, "
                                                 "the share won"),
    "plan_attainment_ytd": QT_TRANSLATE_NOOP("RepsTab", "Revenue this year / the rep's plan for the year"),
    "actions_per_day": QT_TRANSLATE_NOOP("RepsTab", "Sales actions in the period / its working days"),
}
# the view's titles: short, so 14 columns fit a 1,280-px window without scrolling sideways (the
# legend above says the figures are this year's); the export's full title leads the header's tooltip
SHORT_TITLES = {
    "cohort": QT_TRANSLATE_NOOP("RepsTab", "Taken into work"),
    "conv_reply": QT_TRANSLATE_NOOP("RepsTab", "Reply rate"),
    "conv_positive": QT_TRANSLATE_NOOP("RepsTab", "Positive reply rate"),
    "conv_demo": QT_TRANSLATE_NOOP("RepsTab", "Demo rate"),
    "conv_client": QT_TRANSLATE_NOOP("RepsTab", "Win rate from work"),
    "won_count_ytd": QT_TRANSLATE_NOOP("RepsTab", "Won"),
    "revenue_ytd": QT_TRANSLATE_NOOP("RepsTab", "Revenue"),
    "avg_check_ytd": QT_TRANSLATE_NOOP("RepsTab", "Average deal"),
    "sales_cycle_days_ytd": QT_TRANSLATE_NOOP("RepsTab", "Sales cycle"),
    "win_rate_ytd": QT_TRANSLATE_NOOP("RepsTab", "Won of closed"),
    "plan_attainment_ytd": QT_TRANSLATE_NOOP("RepsTab", "Annual plan"),
    "actions_per_day": QT_TRANSLATE_NOOP("RepsTab", "Actions per day"),
}


def short_title(column: ColumnDef) -> str:
    """The column's title in the view (the export's own, where no shorter one is as clear)."""
    source = SHORT_TITLES.get(column.key)
    return QCoreApplication.translate("RepsTab", source) if source else column.title_text()


@dataclass(frozen=True)
class Verdict:
    """How a cell compares with the team median: ``worse``/``better``/None, and the gap."""

    mark: str | None
    gap: float | None  # value / median − 1 (p.p. difference for shares)
    reason: str = ""  # why it is not judged, if it is not


def judge(column: str, kind: str, row: dict[str, Any], median: dict[str, Any]) -> Verdict:
    """Whether ``row``'s ``column`` is far from the team median (see the module docstring)."""
    value, middle = row.get(column), median.get(column)
    if column not in HIGHER_IS_BETTER or is_missing(value) or is_missing(middle):
        return Verdict(None, None)
    gap = float(value) - float(middle) if kind == "ratio" else (float(value) / float(middle) - 1 if middle else None)
    if column in COHORT_JUDGED and (row.get("cohort") or 0) < MIN_COHORT:
        return Verdict(None, gap, "few")
    if column in WON_JUDGED and (row.get("won_count_ytd") or 0) < MIN_WON:
        return Verdict(None, gap, "few")
    relative = abs(float(value) / float(middle) - 1) if middle else (1.0 if value else 0.0)
    if relative < FAR or (kind == "ratio" and abs(float(value) - float(middle)) < MIN_SHARE_GAP):
        return Verdict(None, gap)
    better = (float(value) > float(middle)) == HIGHER_IS_BETTER[column]
    return Verdict("better" if better else "worse", gap)


class RepsModel(QAbstractTableModel):
    """The reps (report order) and the team median as the last row."""

    USER_ROLE = Qt.ItemDataRole.UserRole + 20  # the row's user id (None on the median row)

    def __init__(self, language: str, parent=None):
        super().__init__(parent)
        self.language = language
        self.columns: list[ColumnDef] = list(TABLE_COLUMNS["reps"])
        self.rows: list[dict[str, Any]] = []
        self.median: dict[str, Any] = {}
        self.currency = "RUB"  # the report's

    def set_rows(self, reps: list[dict[str, Any]]) -> None:
        """Show ``reps``; the same people again (a refresh) keep the view's widths and scroll."""
        rows = [r for r in reps if r.get("name") is not None]
        medians = [r for r in reps if r.get("name") is None]
        median = medians[0] if medians else {}
        if [r.get("user_id") for r in rows] == [r.get("user_id") for r in self.rows] and bool(median) == bool(self.median) \
                and rows:
            self.rows, self.median = rows, median
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self.rows, self.median = rows, median
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows) + (1 if self.median else 0)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def row(self, index: int) -> dict[str, Any]:
        return self.rows[index] if index < len(self.rows) else self.median

    def is_median(self, index: int) -> bool:
        return index >= len(self.rows)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return short_title(column)
        if role == Qt.ItemDataRole.ToolTipRole:  # the full title, and how the figure is counted
            lines = [column.title_text()]
            if column.key in COLUMN_HELP:
                lines.append(QCoreApplication.translate("RepsTab", COLUMN_HELP[column.key]))
            return as_rich_text("\n".join(lines))
        return None

    def verdict(self, row: int, col: int) -> Verdict:
        if self.is_median(row):
            return Verdict(None, None)
        column = self.columns[col]
        return judge(column.key, column.kind, self.rows[row], self.median)

    def text(self, row: int, col: int) -> str:
        column, data = self.columns[col], self.row(row)
        value = data.get(column.key)
        if column.key == "name":
            return QCoreApplication.translate("ReportTables", TEAM_MEDIAN) if self.is_median(row) else str(value)
        if column.key == "role":
            return role_name(value) if value else ""
        return format_value(value, column.kind, self.language, self.currency)

    def _tooltip(self, row: int, col: int) -> str:
        column, data = self.columns[col], self.row(row)
        if column.key == "role" and not self.is_median(row):
            return role_meaning(data.get("role") or "")  # SDR and AE stay jargon: their meaning in Russian
        if column.kind == "text" or self.is_median(row):
            return ""
        lines = [f"{data.get('name')} · {column.title_text()}: {self.text(row, col)}",
                 QCoreApplication.translate("RepsTab", "Team median: %1").replace(
                     "%1", format_value(self.median.get(column.key), column.kind, self.language, self.currency))]
        verdict = self.verdict(row, col)
        if verdict.mark == "worse":
            lines.append(QCoreApplication.translate("RepsTab", "Far below the team median: worth a look."))
        elif verdict.mark == "better":
            lines.append(QCoreApplication.translate("RepsTab", "Far better than the team median."))
        elif verdict.reason == "few":
            lines.append(QCoreApplication.translate("RepsTab", "Too few deals to judge against the median."))
        if column.key in COLUMN_HELP:
            lines.append(QCoreApplication.translate("RepsTab", COLUMN_HELP[column.key]))
        if drill_target(column.key) is not None and not is_missing(data.get(column.key)):
            lines.append(QCoreApplication.translate("RepsTab", "Double-click to see these deals."))
        return "\n".join(lines)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        column = self.columns[col]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, col)
        if role == SORT_ROLE:  # the median row stays last whichever way a column is sorted
            value = self.row(row).get(column.key)
            return (self.is_median(row), "" if value is None else value) if column.kind == "text" else \
                (self.is_median(row), float("-inf") if is_missing(value) else float(value))
        if role == self.USER_ROLE:
            return None if self.is_median(row) else self.rows[row].get("user_id")
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind != "text":
            return RIGHT
        if role == Qt.ItemDataRole.FontRole and self.is_median(row):
            return bold()
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.is_median(row):
                return QBrush(colour("stripe"))
            if self.verdict(row, col).mark == "worse":
                return QBrush(needs_action())
        if role == Qt.ItemDataRole.ForegroundRole:
            mark = self.verdict(row, col).mark
            if mark is not None:
                return QBrush(needs_action_text() if mark == "worse" else better_text())
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._tooltip(row, col)
            return as_rich_text(tip) if tip else None
        return None


def drill_target(column: str) -> tuple[str | None, bool] | None:
    """(stage, wins) a double-click on ``column`` lists, or None if it lists nothing."""
    if column in DRILL_STAGE:
        return DRILL_STAGE[column], False
    if column in DRILL_WINS:
        return None, True
    return None


class RepsTab(SecondEditionTab):
    tab = "reps"
    drill_requested = Signal(int, str, object, bool)  # user id, column key, stage key or None, wins

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(language, parent)
        self.model = RepsModel(language, self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = report_table_view(self)
        self.view.setModel(self.proxy)
        self.view.doubleClicked.connect(self._on_double_click)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        wrap_header(self.view)
        self.view.horizontalHeader().setMinimumHeight(4 * self.view.fontMetrics().height() + 10)
        self.view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self._fit)
        self.legend = note(self)
        self.legend.setStyleSheet("")
        self.legend.setText(self.tr(
            "This year's work of each rep beside the team median. A red cell is at least 30 % worse than the "
            "median with enough deals to judge (20 in the cohort, 3 wins): worth a look. Green text is at least "
            "30 % better. Double-click a stage, a conversion or the wins to see that rep's deals."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.legend)
        layout.addWidget(self.view, 1)

    def show_bundle(self, bundle: dict[str, Any]) -> None:
        fresh = not same_report(self.bundle, bundle)
        unchanged = not fresh and self.bundle.get("reps") == bundle.get("reps")
        self.bundle = bundle
        if unchanged:
            return
        self.model.currency = bundle.get("currency") or "RUB"
        self.model.set_rows(bundle.get("reps") or [])
        if fresh:  # titles wrap: the values set the width; a refresh keeps the widths
            self._fit()

    def _fit(self) -> None:
        """Each column as wide as its figures (titles wrap), then the whole within the page."""
        fit_columns(self.view, titles=False, least=48, most=260)
        self._fit_bold_rows()
        fit_to_width(self.view, [i for i, c in enumerate(self.model.columns) if c.kind == "text"])

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._refit.start()  # once the view has its new width: the names wrap, or need not

    def _fit_bold_rows(self) -> None:
        """The team median's row is bold: its texts ("Медиана команды") need the bold width,
        which ``fit_columns`` (measuring in the view's font) does not give them."""
        font = QFont(self.view.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        pad = 2 * text_margin(self.view) + 8
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(Qt.ItemDataRole.FontRole) is None:
                continue
            for col in range(self.proxy.columnCount()):
                need = metrics.horizontalAdvance(str(self.proxy.index(row, col).data() or "")) + pad
                if self.view.columnWidth(col) < need:
                    self.view.setColumnWidth(col, need)

    def cell(self, user_id: int, column: str) -> QModelIndex:
        """The view's index of ``user_id``'s ``column`` (for tests and the screenshot)."""
        col = [c.key for c in self.model.columns].index(column)
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(RepsModel.USER_ROLE) == user_id:
                return self.proxy.index(row, col)
        return QModelIndex()

    def _on_double_click(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if self.model.is_median(source.row()):
            return
        column = self.model.columns[source.column()].key
        target = drill_target(column)
        data = self.model.rows[source.row()]
        if target is None or is_missing(data.get(column)):
            return
        stage, wins = target
        self.drill_requested.emit(int(data["user_id"]), column, stage, wins)
