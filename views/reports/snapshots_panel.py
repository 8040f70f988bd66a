"""The "Snapshots" panel: every exported report, to reopen or to compare two side by side.

Snapshots keep the report JSON as it was exported (``models.services.snapshots``), so
reopening one shows the numbers of that moment even after the data changed.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from voronka.views.exports.sections import as_of_text, metric_lines, period_text, tab_of
from voronka.metrics.formatting import change_of, change_text, period_name, target_mark, value_text
from voronka.models.changes import Changes
from voronka.models.services.snapshots import delete_snapshot, snapshot_report, snapshot_rows

from ..app_context import AppContext
from ..errors import show_error
from ..plain_text import plain_label
from ..tables.record_model import ID_ROLE, Column, RecordFilterProxy, RecordTableModel


class SnapshotsPanel(QWidget):
    open_requested = Signal(int)  # snapshot id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = RecordTableModel(self._columns(), self, language=self.ctx.language)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda index: self.open_requested.emit(int(index.data(ID_ROLE))))
        self.open_button = QPushButton(self.tr("Open"), self)
        self.compare_button = QPushButton(self.tr("Compare two…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.open_button.clicked.connect(self._open_selected)
        self.compare_button.clicked.connect(self.compare_selected)
        self.delete_button.clicked.connect(self._delete_selected)
        buttons = QHBoxLayout()
        for b in (self.open_button, self.compare_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        title = QLabel("<b>" + self.tr("Snapshots") + "</b> — " +
                       self.tr("every export is kept here; select two to compare them."), self)
        title.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        ctx.changed.connect(self._on_changed)
        self.reload()

    def _columns(self) -> list[Column]:
        language = self.ctx.language
        return [
            Column(self.tr("Period"), lambda r: period_name(r.period_label, language)),
            Column(self.tr("As of"), lambda r: r.as_of),
            Column(self.tr("Format"), lambda r: r.format.upper()),
            Column(self.tr("Exported by"), lambda r: r.who),
            Column(self.tr("Exported"), lambda r: r.created_at),
        ]

    def reload(self) -> None:
        self.model.set_rows(self.ctx.query(snapshot_rows))
        self.table.resizeColumnsToContents()

    def _on_changed(self, changes: Changes) -> None:
        if changes.snapshots:
            self.reload()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [int(self.proxy.index(r, 0).data(ID_ROLE)) for r in rows]

    def _open_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.open_requested.emit(ids[0])

    def compare_selected(self) -> "CompareDialog | None":
        ids = self.selected_ids()
        if len(ids) != 2:
            QMessageBox.information(self, self.tr("Compare snapshots"),
                                    self.tr("Select exactly two snapshots (Ctrl+click) to compare them."))
            return None
        older, newer = sorted(ids)
        dialog = CompareDialog(self.ctx, self.ctx.query(snapshot_report, older),
                               self.ctx.query(snapshot_report, newer), self)
        dialog.show()
        return dialog

    def _delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(self, self.tr("Delete snapshots"),
                                      self.tr("Delete %1 snapshot(s)? The exported files stay where they are.")
                                      .replace("%1", str(len(ids))))
        if answer != QMessageBox.StandardButton.Yes:
            return
        for sid in ids:
            try:
                self.ctx.run(delete_snapshot, sid)
            except Exception as exc:
                show_error(self, exc)
                return


@dataclass(frozen=True)
class CompareRow:
    id: str
    name: str
    a: str
    b: str
    change: str
    met_a: str
    met_b: str


def compare_rows(a: dict[str, Any], b: dict[str, Any], language: str) -> list[CompareRow]:
    """The metric lines of ``a``'s tab with both values and the change from ``a`` to ``b``."""
    tab = tab_of(a)
    lines_b = {line.id: line for line in metric_lines(b, language, tab)}
    rows, currency = [], a.get("currency") or "RUB"
    for la in metric_lines(a, language, tab):
        lb = lines_b.get(la.id)
        vb = lb.value if lb else None
        rows.append(CompareRow(la.id, la.name, value_text(la.value, la.kind, language, currency),
                               value_text(vb, la.kind, language, currency),
                               change_text(change_of(vb, la.value, la.kind), la.kind, language),
                               target_mark(la.met, la.above_band),
                               target_mark(lb.met, lb.above_band) if lb else ""))
    return rows


class CompareDialog(QDialog):
    """Two snapshots side by side: each metric in both, and the change from the older one."""

    def __init__(self, ctx: AppContext, a: dict[str, Any], b: dict[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare snapshots"))
        language = ctx.language
        head_a = f"{period_text(a['period'], language)}, {as_of_text(a['period'], language)}"
        head_b = f"{period_text(b['period'], language)}, {as_of_text(b['period'], language)}"
        self.rows = compare_rows(a, b, ctx.language)
        model = RecordTableModel([
            Column(self.tr("Metric"), lambda r: r.name),
            Column("A: " + head_a, lambda r: f"{r.a} {r.met_a}".strip(), align_right=True),
            Column("B: " + head_b, lambda r: f"{r.b} {r.met_b}".strip(), align_right=True),
            Column(self.tr("Change A → B"), lambda r: r.change, align_right=True),
        ], self)
        model.set_rows(self.rows)
        self.model = model
        table = QTableView(self)
        table.setModel(model)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.resizeColumnsToContents()
        who = lambda r: r.get("owner_name") or self.tr("the whole team")  # noqa: E731
        note = plain_label(self.tr("A: %1 · B: %2").replace("%1", who(a)).replace("%2", who(b)), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        self.resize(900, 640)

