"""What the reports will read after a merge, split or reorder — shown before it is applied.

The dialog computes the report's stage rows now and with the change (``models.services.
funnel_merge.*_preview``: the metric engine on the cached frames, this month, cohorts of
the year to date) on the reports lane of the executor, and shows them side by side:
reached this month and the conversion to the next stage, before → after. "Apply" makes
the change (one undoable step); the dialog stays open with the refusal when it is refused.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from voronka.models.frames import FunnelFrames
from voronka.metrics.formatting import period_name
from voronka.metrics.periods import Period, period_of
from voronka.models.changes import Changes
from voronka.models.clock import local_now

from ..app_context import AppContext
from ..executor import REPORTS
from ..fitting import tip_whole_text
from ..plain_text import plain_label
from ..reports.frames_cache import FramesCache
from ..theme import colour

Index = QModelIndex | QPersistentModelIndex
STAGE, REACHED_BEFORE, REACHED_AFTER, CONV_BEFORE, CONV_AFTER, ADVICE_BEFORE, ADVICE_AFTER = range(7)


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"


class PreviewModel(QAbstractTableModel):
    """One row per stage the reports show before or after, in the order after (removed ones last)."""

    def __init__(self, language: str, parent: Any = None):
        super().__init__(parent)
        self.language = language
        self.rows: list[tuple[dict[str, Any] | None, dict[str, Any] | None]] = []
        self.titles = [self.tr("Stage"), self.tr("Reached this month, now"), self.tr("… afterwards"),
                       self.tr("Conversion to the next stage, now"), self.tr("… afterwards"),
                       self.tr("Advice now"), self.tr("… afterwards")]

    def set_preview(self, preview: dict[str, Any]) -> None:
        before = {r["key"]: r for r in preview["before"]["stages"]}
        after = [r for r in preview["after"]["stages"]]
        after_keys = {r["key"] for r in after}
        self.beginResetModel()
        self.rows = [(before.get(r["key"]), r) for r in after]
        self.rows += [(r, None) for key, r in before.items() if key not in after_keys]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (Qt.ItemDataRole.DisplayRole,
                                                                  Qt.ItemDataRole.ToolTipRole):
            return self.titles[section]
        return None

    def advice_text(self, advice: str | None) -> str:
        return {"merge": self.tr("merge"), "split": self.tr("split")}.get(advice or "", "")

    def cell(self, row: int, col: int) -> str:
        before, after = self.rows[row]
        if col == STAGE:
            known = after or before or {}
            name = known.get("name_ru" if self.language == "ru" else "name_en") or known.get("key", "")
            if after is None:
                return self.tr("%1 (merged)").replace("%1", name)
            return name if before is not None else self.tr("%1 (new)").replace("%1", name)
        side = before if col in (REACHED_BEFORE, CONV_BEFORE, ADVICE_BEFORE) else after
        if side is None:
            return "—"
        if col in (REACHED_BEFORE, REACHED_AFTER):
            return str(side["reached_count"])
        if col in (CONV_BEFORE, CONV_AFTER):
            return percent(side["conversion_next"])
        return self.advice_text(side["advice"])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.BackgroundRole and index.column() in (REACHED_AFTER, CONV_AFTER, ADVICE_AFTER):
            if self.cell(index.row(), index.column()) != self.cell(index.row(), index.column() - 1):
                return colour("changed")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() != STAGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


Compute = Callable[[FunnelFrames, Period, str, str], dict[str, Any]]  # frames, period, name_ru, name_en


class ChangePreviewDialog(QDialog):
    """A prepared funnel change: what it does, what the reports will read, Apply / Cancel."""

    def __init__(self, ctx: AppContext, pipeline_key: str, title: str, explanation: str, compute: Compute,
                 apply: Callable[[str, str], Changes | None], names: tuple[str, str] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.pipeline_key = pipeline_key
        self.compute = compute
        self.apply_change = apply
        self.applied: Changes | None = None
        self.preview: dict[str, Any] | None = None
        self.setWindowTitle(title)
        self.explanation = plain_label(explanation, self)
        self.explanation.setWordWrap(True)
        self.name_ru = QLineEdit(self)
        self.name_en = QLineEdit(self)
        tip_whole_text(self.name_ru, self.name_en)
        form = QFormLayout()
        if names is not None:
            self.name_ru.setText(names[0])
            self.name_en.setText(names[1])
            form.addRow(self.tr("New stage (Russian)"), self.name_ru)
            form.addRow(self.tr("New stage (English)"), self.name_en)
        else:
            self.name_ru.hide()
            self.name_en.hide()
        self.status = plain_label(self.tr("Counting what the reports will read…"), self)
        self.status.setWordWrap(True)
        self.model = PreviewModel(ctx.language, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)  # a long stage name ("… (merged)") wraps in its row
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(STAGE, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(1120, 600)
        self.period = period_of("month", local_now())
        self._start()

    def _start(self) -> None:
        cache = FramesCache.of(self.ctx)
        period, key = self.period, self.pipeline_key
        names = (self.name_ru.text(), self.name_en.text())
        self.ctx.executor.submit(lambda _job: self.compute(cache.frames(key), period, *names),
                                 on_done=self._show, on_error=self._failed, owner=self, lane=REPORTS,
                                 key=f"funnel-preview:{id(self)}")

    def _show(self, preview: dict[str, Any]) -> None:
        self.preview = preview
        self.model.set_preview(preview)
        self.status.setText(self.tr("What the reports read now and after the change, for %1 (conversions: "
                                    "cohorts of the year to date). Changed cells are highlighted.")
                            .replace("%1", period_name(self.period, self.ctx.language)))  # "ноябрь 2026", not 2026-11

    def _failed(self, exc: BaseException) -> None:
        from ..errors import describe

        self.status.setText(self.tr("The preview could not be counted: %1").replace("%1", describe(exc)))

    def _apply(self) -> None:
        self.applied = self.apply_change(self.name_ru.text(), self.name_en.text())
        if self.applied is not None:
            self.accept()
