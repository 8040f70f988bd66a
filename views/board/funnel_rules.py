"""The "Funnel rules" table: per stage its description, exit criteria ("what must be true
to move on"), the fields required to enter it, rot days and the probability override,
beside the figures the board computes (win rate, "stuck after" days).

Only the head of sales edits it (others read it); every edit is one call of
``models.services.funnel_rules.update_stage_rules`` on the undo stack. Required fields
are picked from a checklist (double-click the cell or press Enter on it).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from voronka.models.changes import Changes
from voronka.models.queries.board import BoardStage, PipelineRow, board_stages
from voronka.models.services.funnel_rules import can_edit_rules, requirable_fields

from ..fitting import fit_header
from ..app_context import AppContext
from ..errors import field_label
from ..plain_text import as_rich_text
from .board_view import BoardView
from .formatting import percent_text
from .stage_stats import StageFigures, stuck_after_days

STAGE, DESCRIPTION, EXIT, REQUIRED, ROT, OVERRIDE, WIN_RATE, STUCK_AFTER = range(8)
EDITABLE = {DESCRIPTION: "description", EXIT: "exit_criteria", ROT: "rot_days", OVERRIDE: "probability_override"}


class FunnelRulesModel(QAbstractTableModel):
    def __init__(self, language: str, parent: Any = None):
        super().__init__(parent)
        self.language = language
        self.stages: list[BoardStage] = []
        self.figures: dict[int, StageFigures] = {}
        self.editable = False
        self.on_edit: Callable[[BoardStage, dict[str, Any]], object] = lambda stage, values: None
        self.titles = [self.tr("Stage"), self.tr("Description"), self.tr("Exit criteria"),
                       self.tr("Required to enter"), self.tr("Rot days"), self.tr("Probability override"),
                       self.tr("Win rate (computed)"), self.tr("Stuck after, days")]

    def set_stages(self, stages: list[BoardStage], figures: dict[int, StageFigures]) -> None:
        self.beginResetModel()
        self.stages, self.figures = stages, figures
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.stages)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and orientation == Qt.Orientation.Horizontal:
            return self.titles[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        stage, col = self.stages[index.row()], index.column()
        if role == Qt.ItemDataRole.EditRole:
            if col == ROT:
                return stage.rot_days or 0
            if col == OVERRIDE:
                return -1.0 if stage.probability_override is None else stage.probability_override * 100
            return getattr(stage, EDITABLE.get(col, ""), None) or ""
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(stage, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (DESCRIPTION, EXIT):
            return as_rich_text(self._display(stage, col))
        return None

    def _display(self, stage: BoardStage, col: int) -> str:
        if col == STAGE:
            prefix = "↳ " if stage.side_of_id else ""
            return prefix + stage.name(self.language) + (" ✔" if stage.won else "")
        if col == DESCRIPTION:
            return stage.description_in(self.language) or ""
        if col == EXIT:
            return stage.exit_criteria_in(self.language) or ""
        if col == REQUIRED:
            return ", ".join(field_label(k) for k in stage.required_fields)
        if col == ROT:
            return str(stage.rot_days) if stage.rot_days else "—"
        if col == OVERRIDE:
            return percent_text(stage.probability_override, self.language)
        known = self.figures.get(stage.id)
        if col == WIN_RATE:
            return percent_text(known.win_rate if known else None, self.language)
        days = stuck_after_days(stage, self.figures)
        return "—" if days is None else str(round(days))

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE or not self.editable:
            return False
        stage, col = self.stages[index.row()], index.column()
        if col == ROT:
            value = int(value) or None
        elif col == OVERRIDE:
            value = None if float(value) < 0 else round(float(value) / 100, 4)
        if value == getattr(stage, EDITABLE[col]):
            return False
        self.on_edit(stage, {EDITABLE[col]: value})
        return True  # the table reloads from the funnel change the edit announces


class RulesDelegate(QStyledItemDelegate):
    """Spin boxes for rot days (0 = none) and the override (below 0 = computed)."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        if index.column() == ROT:
            box = QSpinBox(parent)
            box.setRange(0, 3650)
            box.setSpecialValueText(self.tr("none"))
            return box
        if index.column() == OVERRIDE:
            box = QDoubleSpinBox(parent)
            box.setRange(-1, 100)
            box.setDecimals(1)
            box.setSuffix(" %")
            box.setSpecialValueText(self.tr("computed"))
            return box
        return super().createEditor(parent, option, index)


class RequiredFieldsPicker(QDialog):
    """Checklist of the fields a stage can require."""

    def __init__(self, stage_name: str, choices: list[str], chosen: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Required to enter «%1»").replace("%1", stage_name))
        self.list = QListWidget(self)
        for key in choices:
            item = QListWidgetItem(field_label(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("A deal enters this stage only with these fields filled in:"), self))
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]


class FunnelRulesView(QWidget):
    def __init__(self, ctx: AppContext, board: BoardView, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.board = board
        self.pipeline: PipelineRow | None = None
        self.model = FunnelRulesModel(ctx.language, self)
        self.model.editable = ctx.query(can_edit_rules, ctx.user_id)
        self.model.on_edit = self.board.actions.edit_rules
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setText(self.tr("The rules of moving, written down: double-click a cell to change it. "
                                  "Ctrl+Z undoes a change.") if self.model.editable
                          else self.tr("Only the head of sales changes the funnel rules; here you can read them."))
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(RulesDelegate(self.table))
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        for col in (DESCRIPTION, EXIT):  # the two texts share what the other columns leave
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        fit_header(self.table)  # Russian titles wrap, never cut
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.activated.connect(self._on_double_click)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(0)
        self._refresh_soon.timeout.connect(self._refresh)
        ctx.changed.connect(self._on_changed)
        board.figures_loaded.connect(self._refresh)

    def open_pipeline(self, pipeline: PipelineRow) -> None:
        self.pipeline = pipeline
        self._refresh()

    def _refresh(self) -> None:
        if self.pipeline is None:
            return
        self.model.set_stages(self.ctx.query(board_stages, self.pipeline.key), self.board.figures)
        for col, width in ((STAGE, 190), (REQUIRED, 110)):
            self.table.setColumnWidth(col, width)
        for col in (ROT, OVERRIDE, WIN_RATE, STUCK_AFTER):  # numbers: their (Russian) titles wrap
            self.table.resizeColumnToContents(col)         # (fit_header), the full title is the tooltip
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 100))

    def _on_changed(self, changes: Changes) -> None:
        if changes.funnel or changes.users:
            self.model.editable = self.ctx.query(can_edit_rules, self.ctx.user_id)
            self._refresh_soon.start()  # not inside the editor's setData: a refresh resets the model

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.column() != REQUIRED or not self.model.editable:
            return
        stage = self.model.stages[index.row()]
        picker = RequiredFieldsPicker(stage.name(self.ctx.language), self.ctx.query(requirable_fields),
                                      stage.required_fields, self)
        if picker.exec() == QDialog.DialogCode.Accepted and tuple(picker.chosen()) != stage.required_fields:
            self.board.actions.edit_rules(stage, {"required_fields": picker.chosen()})
