"""Settings → Funnel: the head of sales reshapes the funnel without losing a day of history.

Left, the pipelines (create one — sales, or Client Success with its billing months —,
rename it, archive it); right, the stages of the selected pipeline (add, rename in both
languages in the cell, reorder by dragging a row or with Up/Down, archive, exit criteria,
required fields, rot days, merge into a neighbour, split) and the lost reasons (add,
rename, group, order, archive). Every edit is one undoable step (``commands.py``); a merge,
a split and a reorder first show what the reports will read afterwards (``preview.py``).
Others see the same tables read-only. The rows are read on the executor.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from voronka.models.changes import Changes
from voronka.models.queries.funnel import (
    FunnelPipelineRow,
    FunnelReasonRow,
    FunnelStageRow,
    funnel_pipelines,
    funnel_reasons,
    funnel_stages,
)
from voronka.metrics.funnel_edits import merge_preview, reorder_preview, split_preview
from voronka.models.services.funnel_rules import requirable_fields

from ..fitting import fit_header
from ..app_context import AppContext
from ..fitting import tip_whole_text
from ..plain_text import as_rich_text, plain_label
from .commands import FunnelActions
from .models import EXIT, HISTORY, NAME_EN, NAME_RU, REQUIRED, ROLE, ROT, STATUS, PipelinesModel, ReasonsModel, StagesModel
from .preview import ChangePreviewDialog

MERGE_PREVIOUS, MERGE_NEXT, SPLIT = "merge_previous", "merge_next", "split"


class NamesDialog(QDialog):
    """Two names (Russian and English), and for a pipeline its kind and billing months."""

    def __init__(self, title: str, parent: QWidget | None = None, pipeline: bool = False, reason: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.name_ru, self.name_en, self.group = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        form.addRow(self.tr("Russian"), self.name_ru)
        form.addRow(self.tr("English"), self.name_en)
        self.kind = QComboBox(self)
        self.billing = QSpinBox(self)
        if pipeline:
            self.kind.addItem(self.tr("Sales"), "sales")
            self.kind.addItem(self.tr("Client Success"), "success")
            self.billing.setRange(1, 120)
            self.billing.setValue(12)
            self.billing.setSuffix(self.tr(" months"))
            form.addRow(self.tr("Kind"), self.kind)
            form.addRow(self.tr("One contract cycle"), self.billing)
            self.kind.currentIndexChanged.connect(lambda _i: self.billing.setEnabled(self.kind.currentData() == "success"))
            self.billing.setEnabled(False)
        if reason:
            form.addRow(self.tr("Group"), self.group)
        for widget, used in ((self.kind, pipeline), (self.billing, pipeline), (self.group, reason)):
            if not used:
                widget.hide()  # not in this dialog's form: never drawn over its first row
        # room for a stage name of several words ("Целевой контакт ответил положительно"); a
        # longer one reads whole on hover
        self.setMinimumWidth(520)
        self.tips = tip_whole_text(self.name_ru, self.name_en, self.group)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class FunnelEditor(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.editable = False
        self.actions = FunnelActions(ctx, self)
        self.dialog: QDialog | None = None  # the open preview or names dialog (tests reach it here)
        self._prepared: tuple[str, str, str] | None = None  # (pipeline key, stage key, action) to open
        self._stale = False
        self.note = plain_label("", self)
        self.note.setWordWrap(True)
        # pipelines
        self.pipelines = PipelinesModel(ctx.language, self)
        self.pipeline_list = QListView(self)
        self.pipeline_list.setModel(self.pipelines)
        self.pipeline_list.setWordWrap(True)  # "Клиентский успех · цикл 12 мес." wraps in the narrow list, never cut
        self.pipeline_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pipeline_list.selectionModel().currentChanged.connect(lambda *_: self._on_pipeline())
        self.new_pipeline = QPushButton(self.tr("New pipeline…"), self)
        self.new_pipeline.clicked.connect(self.ask_new_pipeline)
        self.archive_pipeline = QPushButton(self.tr("Archive"), self)
        self.archive_pipeline.clicked.connect(self._toggle_pipeline)
        self.pipeline_ru, self.pipeline_en = QLineEdit(self), QLineEdit(self)
        self.billing = QSpinBox(self)
        self.billing.setRange(1, 120)
        self.billing.setSuffix(self.tr(" months"))
        self.save_pipeline = QPushButton(self.tr("Save"), self)
        self.save_pipeline.clicked.connect(self._save_pipeline)
        tip_whole_text(self.pipeline_ru, self.pipeline_en)
        pipeline_form = QFormLayout()
        pipeline_form.addRow(self.tr("Russian"), self.pipeline_ru)
        pipeline_form.addRow(self.tr("English"), self.pipeline_en)
        pipeline_form.addRow(self.tr("Contract cycle"), self.billing)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(plain_label(self.tr("Pipelines"), left))
        left_layout.addWidget(self.pipeline_list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_pipeline)
        row.addWidget(self.archive_pipeline)
        left_layout.addLayout(row)
        left_layout.addLayout(pipeline_form)
        left_layout.addWidget(self.save_pipeline)
        # stages
        self.stages = StagesModel(ctx.language, self)
        self.stages.on_edit = self.actions.edit_stage
        self.stages.on_reorder = self.ask_reorder
        self.stage_table = QTableView(self)
        self.stage_table.setModel(self.stages)
        self.stage_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.stage_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.stage_table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.stage_table.setDragDropOverwriteMode(False)
        self.stage_table.setDropIndicatorShown(True)
        self.stage_table.verticalHeader().setVisible(False)
        self.stage_table.setWordWrap(False)
        header = self.stage_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(EXIT, QHeaderView.ResizeMode.Stretch)
        fit_header(self.stage_table)  # Russian titles wrap, never cut
        self.stage_table.doubleClicked.connect(self._on_stage_double_click)
        self.stage_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.stage_buttons: dict[str, QPushButton] = {}
        stage_row, advice_row = QHBoxLayout(), QHBoxLayout()
        for key, text, slot in (
            ("add", self.tr("Add stage…"), self.ask_add_stage),
            ("up", self.tr("Up"), lambda: self._step(-1)),
            ("down", self.tr("Down"), lambda: self._step(1)),
            ("archive", self.tr("Archive"), self._toggle_stage),
            ("required", self.tr("Required fields…"), self._pick_required),
            (MERGE_PREVIOUS, self.tr("Merge into the previous stage…"), lambda: self.prepare_change(MERGE_PREVIOUS)),
            (MERGE_NEXT, self.tr("Merge into the next stage…"), lambda: self.prepare_change(MERGE_NEXT)),
            (SPLIT, self.tr("Split this stage…"), lambda: self.prepare_change(SPLIT)),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            self.stage_buttons[key] = button
            (advice_row if key in (MERGE_PREVIOUS, MERGE_NEXT, SPLIT) else stage_row).addWidget(button)
        stage_row.addStretch(1)
        advice_row.addStretch(1)
        stages_tab = QWidget(self)
        stages_layout = QVBoxLayout(stages_tab)
        stages_layout.addWidget(self.stage_table, 1)
        stages_layout.addLayout(stage_row)
        stages_layout.addLayout(advice_row)
        # lost reasons
        self.reasons = ReasonsModel(ctx.language, self)
        self.reasons.on_edit = self.actions.edit_reason
        self.reason_table = QTableView(self)
        self.reason_table.setModel(self.reasons)
        self.reason_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reason_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.reason_table.verticalHeader().setVisible(False)
        self.reason_table.setWordWrap(False)
        self.reason_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.reason_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.reason_buttons: dict[str, QPushButton] = {}
        reason_row = QHBoxLayout()
        for key, text, slot in (
            ("add", self.tr("Add reason…"), self.ask_add_reason),
            ("up", self.tr("Up"), lambda: self._step_reason(-1)),
            ("down", self.tr("Down"), lambda: self._step_reason(1)),
            ("archive", self.tr("Archive"), self._toggle_reason),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            self.reason_buttons[key] = button
            reason_row.addWidget(button)
        reason_row.addStretch(1)
        reasons_tab = QWidget(self)
        reasons_layout = QVBoxLayout(reasons_tab)
        reasons_layout.addWidget(self.reason_table, 1)
        reasons_layout.addLayout(reason_row)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(stages_tab, self.tr("Stages"))
        self.tabs.addTab(reasons_tab, self.tr("Lost reasons"))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([230, 1070])
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(splitter, 1)
        ctx.changed.connect(self._on_changed)
        self.set_editable(False)
        self.reload()

    # --- loading ------------------------------------------------------------------------------
    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self.stages.editable = self.reasons.editable = editable
        self.note.setText(self.tr(
            "Renaming changes names only; an archived stage keeps its history in the reports; a merge, a split and "
            "a new order change how the reports read the log, never the log itself. Ctrl+Z undoes any change.")
            if editable else self.tr("The funnel is kept by the head of sales; you can look at it here."))
        triggers = QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        for table in (self.stage_table, self.reason_table):
            table.setEditTriggers(triggers if editable else QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stage_table.setDragEnabled(editable)
        self.stage_table.setAcceptDrops(editable)
        for widget in (self.new_pipeline, self.archive_pipeline, self.save_pipeline, self.pipeline_ru,
                       self.pipeline_en, self.billing, *self.stage_buttons.values(), *self.reason_buttons.values()):
            widget.setVisible(editable)
        self.pipeline_ru.setReadOnly(not editable)
        self._update_buttons()

    def reload(self) -> None:
        self.ctx.executor.query(funnel_pipelines, on_done=self._show_pipelines, owner=self, key=f"funnel:{id(self)}:p")
        self.ctx.executor.query(funnel_reasons, on_done=self.reasons.set_rows, owner=self, key=f"funnel:{id(self)}:r")

    def _show_pipelines(self, rows: list[FunnelPipelineRow]) -> None:
        keep = self.pipeline()
        self.pipelines.set_rows(rows)
        ids = [r.id for r in rows]
        wanted = keep.id if keep is not None and keep.id in ids else (ids[0] if ids else None)
        prepared = [r.id for r in rows if self._prepared is not None and r.key == self._prepared[0]]
        wanted = prepared[0] if prepared else wanted
        if wanted is not None:
            self.pipeline_list.setCurrentIndex(self.pipelines.index(ids.index(wanted)))
        self._on_pipeline()

    def pipeline(self) -> FunnelPipelineRow | None:
        index = self.pipeline_list.currentIndex()
        return self.pipelines.rows[index.row()] if index.isValid() and index.row() < len(self.pipelines.rows) else None

    def _on_pipeline(self) -> None:
        row = self.pipeline()
        if row is None:
            return
        self.pipeline_ru.setText(row.name_ru)
        self.pipeline_en.setText(row.name_en)
        self.billing.setValue(row.billing_months or 12)
        self.billing.setEnabled(row.kind == "success")
        self.archive_pipeline.setText(self.tr("Bring back") if row.archived else self.tr("Archive"))
        self.ctx.executor.query(funnel_stages, row.id, on_done=self._show_stages, owner=self,
                                key=f"funnel:{id(self)}:s")

    def _show_stages(self, rows: list[FunnelStageRow]) -> None:
        current = self.current_stage()
        self.stages.set_rows(rows)
        for col, width in ((NAME_RU, 185), (NAME_EN, 130), (REQUIRED, 120), (ROT, 90), (HISTORY, 110), (STATUS, 95)):
            self.stage_table.setColumnWidth(col, width)
        self.stage_table.setColumnHidden(ROLE, True)  # not edited here; room for the exit criteria
        if current is not None and self.stages.by_id(current.id) is not None:
            self.select_stage(current.key)
        self._update_buttons()
        pipeline = self.pipeline()
        if self._prepared is not None and pipeline is not None and pipeline.key == self._prepared[0]:
            _, stage_key, action = self._prepared
            self._prepared = None
            if self.select_stage(stage_key):
                self.prepare_change(action)

    def _on_changed(self, changes: Changes) -> None:
        if not (changes.funnel or changes.deals):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True  # read again when shown: a board move need not re-count the history

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    # --- selection ----------------------------------------------------------------------------
    def current_stage(self) -> FunnelStageRow | None:
        index = self.stage_table.currentIndex()
        return self.stages.rows[index.row()] if index.isValid() and index.row() < len(self.stages.rows) else None

    def select_stage(self, key: str) -> bool:
        row = self.stages.row_of_key(key)
        if row < 0:
            return False
        self.stage_table.selectionModel().setCurrentIndex(
            self.stages.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        return True

    def current_reason(self) -> FunnelReasonRow | None:
        index = self.reason_table.currentIndex()
        return self.reasons.rows[index.row()] if index.isValid() and index.row() < len(self.reasons.rows) else None

    def neighbour(self, row: FunnelStageRow, delta: int) -> FunnelStageRow | None:
        """The previous (-1) or next (+1) main stage that takes new entries."""
        mains = [r for r in self.stages.rows if r.is_main and r.takes_entries]
        ids = [r.id for r in mains]
        if row.id not in ids:
            return None
        i = ids.index(row.id) + delta
        return mains[i] if 0 <= i < len(mains) else None

    def _update_buttons(self) -> None:
        row = self.current_stage()
        live = row is not None and row.takes_entries
        main = live and row is not None and row.is_main and not row.won
        b = self.stage_buttons
        b["up"].setEnabled(row is not None and row.is_main)
        b["down"].setEnabled(row is not None and row.is_main)
        b["archive"].setEnabled(row is not None and not row.won and row.merged_into_id is None)
        b["archive"].setText(self.tr("Bring back") if row is not None and row.archived and row.merged_into_id is None
                             else self.tr("Archive"))
        b["required"].setEnabled(row is not None)
        previous = self.neighbour(row, -1) if main and row is not None else None
        following = self.neighbour(row, 1) if main and row is not None else None
        b[MERGE_PREVIOUS].setEnabled(previous is not None)
        b[MERGE_NEXT].setEnabled(following is not None and not following.won)
        b[SPLIT].setEnabled(main)
        reason = self.current_reason()
        self.reason_buttons["archive"].setEnabled(reason is not None)
        self.reason_buttons["archive"].setText(self.tr("Bring back") if reason is not None and not reason.active
                                               else self.tr("Archive"))
        for key in ("up", "down"):
            self.reason_buttons[key].setEnabled(reason is not None)

    # --- pipelines ----------------------------------------------------------------------------
    def ask_new_pipeline(self) -> None:
        dialog = NamesDialog(self.tr("New pipeline"), self, pipeline=True)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.create_pipeline(
            dialog.kind.currentData(), dialog.name_ru.text(), dialog.name_en.text(),
            dialog.billing.value() if dialog.kind.currentData() == "success" else None))
        dialog.open()

    def create_pipeline(self, kind: str, name_ru: str, name_en: str, billing_months: int | None) -> Changes | None:
        return self.actions.create_pipeline(kind, name_ru, name_en, billing_months)

    def _save_pipeline(self) -> None:
        row = self.pipeline()
        if row is None:
            return
        values: dict[str, Any] = {"name_ru": self.pipeline_ru.text(), "name_en": self.pipeline_en.text()}
        if row.kind == "success":
            values["billing_months"] = self.billing.value()
        values = {k: v for k, v in values.items() if row.state().get(k) != v}
        if values:
            self.actions.edit_pipeline(row, values)

    def _toggle_pipeline(self) -> None:
        row = self.pipeline()
        if row is not None:
            self.actions.set_pipeline_archived(row, not row.archived)

    # --- stages -------------------------------------------------------------------------------
    def ask_add_stage(self) -> None:
        dialog = NamesDialog(self.tr("New stage"), self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.add_stage(dialog.name_ru.text(), dialog.name_en.text()))
        dialog.open()

    def add_stage(self, name_ru: str, name_en: str) -> Changes | None:
        """A new stage after the selected one (none selected: before the won stage)."""
        pipeline = self.pipeline()
        if pipeline is None:
            return None
        current = self.current_stage()
        after = current if current is not None and not current.won else None
        return self.actions.add_stage(pipeline.id, name_ru, name_en or name_ru, after)

    def _toggle_stage(self) -> None:
        row = self.current_stage()
        if row is not None:
            self.actions.set_archived(row, not row.archived)

    def _step(self, delta: int) -> None:
        row = self.current_stage()
        order = self.stages.step(row.id, delta) if row is not None else None
        if order is not None:
            self.ask_reorder(order)

    def ask_reorder(self, order: list[int]) -> None:
        """Show how the reports will read the past in ``order``, then apply it on Apply."""
        pipeline = self.pipeline()
        if pipeline is None:
            return
        seen = self.stages.order()
        self._open_preview(
            pipeline, self.tr("New order of the stages"),
            self.tr("Reports always read the funnel in its current order, so past conversions will be read in the "
                    "new order too: the figures below change for deals already in the log. The log itself does not "
                    "change, and Undo puts the old order back."),
            lambda frames, period, *_: reorder_preview(frames, order, period),
            lambda *_: self.actions.reorder(pipeline.id, seen, order))

    def _pick_required(self) -> None:
        from ..board.funnel_rules import RequiredFieldsPicker

        row = self.current_stage()
        if row is None or not self.editable:
            return
        picker = RequiredFieldsPicker(row.name(self.ctx.language), self.ctx.query(requirable_fields),
                                      row.required_fields, self)
        if picker.exec() == QDialog.DialogCode.Accepted and tuple(picker.chosen()) != row.required_fields:
            self.actions.edit_stage(row, {"required_fields": picker.chosen()})

    def _on_stage_double_click(self, index) -> None:
        if index.column() == REQUIRED:
            self._pick_required()

    # --- acting on the advice -----------------------------------------------------------------
    def prepare(self, pipeline_key: str, stage_key: str, action: str) -> None:
        """Select the pipeline and stage and open ``action`` (merge_previous, merge_next, split)
        prepared — what the report view's stage table asks for (done once the rows are read)."""
        self._prepared = (pipeline_key, stage_key, action)
        keys = [r.key for r in self.pipelines.rows]
        if pipeline_key not in keys:
            return  # the pipelines are still being read: ``_show_pipelines`` selects it
        if self.pipeline_list.currentIndex().row() != keys.index(pipeline_key):
            self.pipeline_list.setCurrentIndex(self.pipelines.index(keys.index(pipeline_key)))
        else:
            self._on_pipeline()

    def prepare_change(self, action: str) -> None:
        row, pipeline = self.current_stage(), self.pipeline()
        if row is None or pipeline is None:
            return
        if not self.editable:
            self._say(self.tr("Only the head of sales changes the funnel."))
            return
        name = row.name(self.ctx.language)
        if action == SPLIT:
            self._open_preview(
                pipeline, self.tr("Split the stage «%1»").replace("%1", name),
                self.tr("A new stage is inserted after «%1». Past deals never entered it, so they reach it only "
                        "through the \"reached\" rule: for them it reads as passed when they went further. Name it "
                        "for the step where deals drop out.").replace("%1", name),
                lambda frames, period, ru, en: split_preview(frames, row.id, ru or "—", en or "—", period),
                lambda ru, en: self.actions.split(row, ru, en), names=("", ""))
            return
        into = self.neighbour(row, -1 if action == MERGE_PREVIOUS else 1)
        if into is None or into.won or row.won or not row.is_main:
            self._say(self.tr("«%1» has no neighbouring stage to merge into.").replace("%1", name))
            return
        into_name = into.name(self.ctx.language)
        self._open_preview(
            pipeline, self.tr("Merge «%1» into «%2»").replace("%1", name).replace("%2", into_name),
            self.tr("From now on every entry into «%1», past and future, counts as an entry into «%2», and «%1» is "
                    "archived. The log is not rewritten: the merge is recorded as a change of the funnel, and Undo "
                    "brings «%1» back exactly as it was.").replace("%1", name).replace("%2", into_name),
            lambda frames, period, *_: merge_preview(frames, row.id, into.id, period),
            lambda *_: self.actions.merge(row, into))

    def _say(self, text: str) -> None:
        QMessageBox.information(self, self.tr("Funnel"), as_rich_text(text))

    def _open_preview(self, pipeline: FunnelPipelineRow, title: str, text: str, compute, apply,
                      names: tuple[str, str] | None = None) -> None:
        dialog = ChangePreviewDialog(self.ctx, pipeline.key, title, text, compute, apply, names, self)
        self.dialog = dialog
        dialog.open()

    # --- lost reasons -------------------------------------------------------------------------
    def ask_add_reason(self) -> None:
        dialog = NamesDialog(self.tr("New lost reason"), self, reason=True)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.actions.add_reason(dialog.name_ru.text(), dialog.name_en.text() or None,
                                                                dialog.group.text() or None))
        dialog.open()

    def _toggle_reason(self) -> None:
        row = self.current_reason()
        if row is not None:
            self.actions.set_reason_active(row, not row.active)

    def _step_reason(self, delta: int) -> None:
        row = self.current_reason()
        if row is None:
            return
        order = self.reasons.order()
        i = order.index(row.id)
        j = i + delta
        if 0 <= j < len(order):
            new = list(order)
            new[i], new[j] = new[j], new[i]
            self.actions.reorder_reasons(order, new)
