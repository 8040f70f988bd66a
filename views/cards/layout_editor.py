"""The card layout editor of the head of sales: for each card kind, its blocks in order, the
fields of each block, pinned fields, the stage from which a deal field is required, custom
fields (add, rename, choices, retire/restore) and how often each field is filled.

Every change is one domain service call on the undo stack. The lead card shares the deal
card's places (so a field sits in the same place at every stage): for it only pinned
fields and folded blocks can be changed.
"""
from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from voronka.metrics.formatting import number, percent
from voronka.models.changes import Changes
from voronka.models.errors import VoronkaError
from voronka.models.fields.catalog import BUILTIN, CUSTOM_PREFIX, custom_spec, entity_of
from voronka.models.fields.layout import CUSTOM_BLOCK, Block, CardLayout
from voronka.models.queries.cards import card_layout, custom_field_rows, field_usage, required_from, stage_choices
from voronka.models.queries.board import pipelines
from voronka.models.services.custom_fields import (
    add_custom_field,
    delete_custom_field,
    field_key_from,
    rename_custom_field,
    reset_card_layout,
    restore_custom_field,
    retire_custom_field,
    save_card_layout,
    set_custom_field_options,
    set_required_from,
)
from voronka.models.services.lookup import pipeline_by_key

from ..app_context import AppContext
from ..errors import show_error
from ..plain_text import as_rich_text
from .layout_dialogs import AddFieldDialog, ChoicesDialog, NamesDialog, type_name
from ..style_roles import set_role
from ..theme import colour

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # field key, or "block:<key>"
NOT_REQUIRED_AT = ("name", "owner", "stage", "created_at")
RETIRED = "block:__retired__"


def pipeline_id(session, key: str) -> int:
    return pipeline_by_key(session, key).id


class CardLayoutEditor(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, editable: bool = True):
        super().__init__(parent)
        self.ctx = ctx
        self.editable = editable
        self.kind = "deal"
        self.layout_now: CardLayout | None = None
        self.custom: dict[str, Any] = {}  # "custom:<key>" -> CustomField row (retired too)
        self.required: dict[str, Any] = {}
        self.kind_box = QComboBox(self)
        for kind, text in (("deal", self.tr("Deal")), ("lead", self.tr("Lead")), ("company", self.tr("Company")),
                           ("contact", self.tr("Contact"))):
            self.kind_box.addItem(text, kind)
        self.kind_box.currentIndexChanged.connect(lambda _i: self.set_kind(self.kind_box.currentData()))
        self.pipeline_box = QComboBox(self)
        for key, ru, en in ((p.key, p.name_ru, p.name_en) for p in ctx.query(pipelines)):
            self.pipeline_box.addItem(ru if ctx.language == "ru" else en, key)
        self.pipeline_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        set_role(self.note, "hint")
        self.model = QStandardItemModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.selectionModel().currentChanged.connect(lambda *_a: self._update_actions())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Card"), self))
        top.addWidget(self.kind_box)
        self.pipeline_label = QLabel(self.tr("Stages of"), self)
        top.addWidget(self.pipeline_label)
        top.addWidget(self.pipeline_box)
        top.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.note)
        left.addWidget(self.tree, 1)
        body = QHBoxLayout(self)
        body.addLayout(left, 1)
        actions = QWidget(self)
        actions.setLayout(self._build_actions())
        actions.setMaximumWidth(400)  # the buttons need no more; the field list gets the rest
        body.addWidget(actions)
        ctx.changed.connect(self._on_changed)
        self.reload()

    # --- actions panel -------------------------------------------------------------------------
    def _button(self, text: str, slot: Callable[[], None], box: QVBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        box.addWidget(button)
        return button

    def _build_actions(self) -> QVBoxLayout:
        fields = QGroupBox(self.tr("Field"), self)
        fbox = QVBoxLayout(fields)
        self.add_button = self._button(self.tr("Add a field…"), self.ask_add_field, fbox)
        self.rename_button = self._button(self.tr("Rename…"), self.ask_rename, fbox)
        self.choices_button = self._button(self.tr("Choices…"), self.ask_choices, fbox)
        self.retire_button = self._button(self.tr("Retire"), self.toggle_retired, fbox)
        self.retire_button.setToolTip(self.tr("Hide the field from cards; its data is kept and it can be restored"))
        moves = QHBoxLayout()
        self.up_button = QToolButton(self)
        self.up_button.setArrowType(Qt.ArrowType.UpArrow)
        self.up_button.setToolTip(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button = QToolButton(self)
        self.down_button.setArrowType(Qt.ArrowType.DownArrow)
        self.down_button.setToolTip(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.block_menu = QMenu(self)
        # a push button keeps its menu arrow beside the text (a tool button's sits on the text)
        self.to_block_button = QPushButton(self.tr("To block"), self)
        self.to_block_button.setMenu(self.block_menu)
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addWidget(self.to_block_button, 1)
        fbox.addLayout(moves)
        self.pin_box = QCheckBox(self.tr("Pinned on top"), self)
        self.pin_box.clicked.connect(self.toggle_pinned)
        fbox.addWidget(self.pin_box)
        req = QFormLayout()
        self.required_box = QComboBox(self)
        self.required_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.required_box.setMinimumContentsLength(14)  # long stage names must not squeeze out its label
        self.required_box.currentTextChanged.connect(lambda text: self.required_box.setToolTip(as_rich_text(text.strip())))
        self.required_box.activated.connect(lambda _i: self.set_required(self.required_box.currentData()))
        req.addRow(self.tr("Required from"), self.required_box)
        fbox.addLayout(req)
        blocks = QGroupBox(self.tr("Block"), self)
        bbox = QVBoxLayout(blocks)
        self.add_block_button = self._button(self.tr("Add a block…"), self.ask_add_block, bbox)
        self.rename_block_button = self._button(self.tr("Rename the block…"), self.ask_rename_block, bbox)
        self.remove_block_button = self._button(self.tr("Remove the empty block"), self.remove_block, bbox)
        self.fold_box = QCheckBox(self.tr("Folded when the card opens"), self)
        self.fold_box.clicked.connect(self.toggle_folded)
        bbox.addWidget(self.fold_box)
        box = QVBoxLayout()
        box.addWidget(fields)
        box.addWidget(blocks)
        self.reset_button = self._button(self.tr("Back to the standard layout"), self.reset, box)
        box.addStretch(1)
        return box

    # --- loading -------------------------------------------------------------------------------
    @property
    def entity(self) -> str:
        return entity_of(self.kind)

    def set_kind(self, kind: str) -> None:
        self.kind = kind
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind))
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if changes.fields or changes.funnel:
            self.reload()

    def reload(self) -> None:
        lang = self.ctx.language
        current = self.current_key()
        self.layout_now = self.ctx.query(card_layout, self.kind)
        rows = self.ctx.query(custom_field_rows, self.entity)
        self.custom = {CUSTOM_PREFIX + r.key: r for r in rows}
        self.specs = {s.key: s for s in BUILTIN[self.entity]}
        self.specs.update({k: custom_spec(r) for k, r in self.custom.items()})
        usage: dict[str, Any] = {}  # counted over every record: read on the executor, filled in below
        is_deal = self.entity == "deal"
        self.pipeline_box.setVisible(is_deal)
        self.pipeline_label.setVisible(is_deal)
        self.required = {}
        if is_deal:
            pid = self.ctx.query(pipeline_id, self.pipeline_box.currentData())
            self.required = self.ctx.query(required_from, pid)
            self.stages = self.ctx.query(stage_choices, pid)
        self.note.setText(self.tr("The lead card is the deal card before «Lead qualified»: fields stay in the same "
                                  "places, so here you choose only what is pinned and which blocks start folded.")
                          if self.kind == "lead" else
                          self.tr("«Filled in» shows in how many records a field has a value: look at it before "
                                  "adding another field."))
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Type"), self.tr("Pinned"),
                                              self.tr("Required from"), self.tr("Filled in")])
        bold = QFont()
        bold.setBold(True)
        for block in self.layout_now.blocks:
            head = QStandardItem(block.title(lang))
            head.setFont(bold)
            head.setData("block:" + block.key, KEY_ROLE)
            folded = QStandardItem(self.tr("folded") if block.collapsed else "")
            self.model.appendRow([head, folded, QStandardItem(), QStandardItem(), QStandardItem()])
            for key in block.fields:
                head.appendRow(self._field_row(key, usage.get(key), key in self.layout_now.pinned))
        retired = [k for k, r in self.custom.items() if r.retired]
        if retired:
            head = QStandardItem(self.tr("Retired fields (data kept)"))
            head.setFont(bold)
            head.setForeground(QBrush(colour("muted")))
            head.setData(RETIRED, KEY_ROLE)
            self.model.appendRow([head, QStandardItem(), QStandardItem(), QStandardItem(), QStandardItem()])
            for key in retired:
                row = self._field_row(key, usage.get(key), False)
                for item in row:
                    item.setForeground(QBrush(colour("muted")))
                head.appendRow(row)
        self.tree.expandAll()
        header = self.tree.header()  # the field name takes what is left, so "Filled in" stays in view
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 150), (2, 60), (3, 150), (4, 130)):
            # at least as wide as what the column says ("Длинный текст", "Проект согласован")
            self.tree.setColumnWidth(col, max(width, self.tree.sizeHintForColumn(col)))
        self.select_key(current)
        self._update_actions()
        self.ctx.executor.query(field_usage, self.entity, on_done=self._show_usage, owner=self,
                                key=f"layout-usage:{id(self)}")

    def _show_usage(self, usages: list[Any]) -> None:
        """The "Filled in" column, once the records are counted (a newer reload supersedes)."""
        by_key = {u.key: u for u in usages}

        def fill(parent: QStandardItem) -> None:
            for row in range(parent.rowCount()):
                usage = by_key.get(parent.child(row, 0).data(KEY_ROLE))
                if usage is not None:
                    self._fill_usage(parent.child(row, 4), usage)

        for row in range(self.model.rowCount()):
            fill(self.model.item(row, 0))

    def _fill_usage(self, item: QStandardItem, usage: Any) -> None:
        lang = self.ctx.language
        item.setText(f"{percent(usage.share, lang, 0)} ({number(usage.filled, 0, lang)} / {number(usage.total, 0, lang)})")
        if usage.total and usage.share < 0.1 and not getattr(usage, "retired", False):  # retired rows stay grey
            item.setForeground(QBrush(colour("warning")))  # worth a look, not an alarm: red is for what needs action

    def _field_row(self, key: str, usage: Any, pinned: bool) -> list[QStandardItem]:
        lang = self.ctx.language
        spec = self.specs[key]
        name = QStandardItem(spec.label(lang))
        name.setData(key, KEY_ROLE)
        kind = QStandardItem(type_name(spec.type))  # the column stays narrow: "standard" is its tooltip
        kind.setToolTip(type_name(spec.type) + " · " + (self.tr("your own field") if spec.is_custom
                                                        else self.tr("standard")))
        pin = QStandardItem("✓" if pinned else "")
        stage = self.required.get(key)
        req = QStandardItem(stage.name(lang) if stage else "")
        filled = QStandardItem()
        if usage is not None:
            self._fill_usage(filled, usage)
        return [name, kind, pin, req, filled]

    # --- selection -------------------------------------------------------------------------------
    def current_key(self) -> str | None:
        index = self.tree.currentIndex()
        return index.siblingAtColumn(0).data(KEY_ROLE) if index.isValid() else None

    def select_key(self, key: str | None) -> None:
        if key is None:
            return
        matches = self.model.match(self.model.index(0, 0), KEY_ROLE, key, 1,
                                   Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        if matches:
            self.tree.setCurrentIndex(matches[0])

    def current_block(self) -> Block | None:
        key = self.current_key()
        if key is None or key == RETIRED:
            return None
        if key.startswith("block:"):
            return self.layout_now.block(key.removeprefix("block:"))
        return self.layout_now.block_of(key)

    def current_field(self) -> str | None:
        key = self.current_key()
        return None if key is None or key.startswith("block:") else key

    def _update_actions(self) -> None:
        field = self.current_field()
        block = self.current_block()
        lead = self.kind == "lead"
        structural = self.editable and not lead
        custom = field is not None and field in self.custom
        retired = custom and self.custom[field].retired
        self.add_button.setEnabled(structural)
        self.rename_button.setEnabled(structural and custom)
        self.choices_button.setEnabled(structural and custom and self.specs[field].type in ("select", "multiselect"))
        self.retire_button.setEnabled(structural and custom)
        self.retire_button.setText(self.tr("Restore") if retired else self.tr("Retire"))
        placed = field is not None and not retired
        for widget in (self.up_button, self.down_button, self.to_block_button):
            widget.setEnabled(structural and placed)
        self.pin_box.setEnabled(self.editable and placed)
        self.pin_box.setChecked(bool(field and field in self.layout_now.pinned))
        self.block_menu.clear()
        for b in self.layout_now.blocks:
            action = self.block_menu.addAction(b.title(self.ctx.language))
            action.triggered.connect(lambda _c=False, k=b.key: self.move_to_block(k))
        can_require = self.entity == "deal" and placed and field not in NOT_REQUIRED_AT
        self.required_box.setEnabled(self.editable and can_require)
        self.required_box.clear()
        self.required_box.addItem(self.tr("— not required —"), None)
        if self.entity == "deal":
            for s in self.stages:
                self.required_box.addItem(("    " if s.side else "") + s.name(self.ctx.language), s.key)
        stage = self.required.get(field) if field else None
        self.required_box.setCurrentIndex(max(0, self.required_box.findData(stage.key if stage else None)))
        self.add_block_button.setEnabled(structural)
        self.rename_block_button.setEnabled(structural and block is not None)
        self.remove_block_button.setEnabled(structural and block is not None and not block.fields
                                            and block.key != CUSTOM_BLOCK)
        self.fold_box.setEnabled(self.editable and block is not None)
        self.fold_box.setChecked(bool(block and block.collapsed))
        self.reset_button.setEnabled(self.editable)

    # --- changing the layout (one undoable service call each) ----------------------------------
    def _undoable(self, text: str, do: Callable[[], Changes], undo: Callable[[Changes], Changes]) -> bool:
        try:
            self.ctx.push_undoable(text, do, undo)
        except VoronkaError as exc:
            show_error(self, exc)
            return False
        return True

    def _save_layout(self, text: str, change: Callable[[CardLayout], None]) -> None:
        old = copy.deepcopy(self.layout_now)
        new = copy.deepcopy(self.layout_now)
        change(new)
        kind, ctx = self.kind, self.ctx
        self._undoable(text, lambda: ctx.run(save_card_layout, kind, new),
                       lambda _c: ctx.run(save_card_layout, kind, old))

    def move(self, step: int) -> None:
        field = self.current_field()
        block = self.current_block()
        if field is None or block is None:
            return
        i = block.fields.index(field)
        j = i + step
        if not 0 <= j < len(block.fields):
            return

        def change(layout: CardLayout) -> None:
            fields = layout.block(block.key).fields
            fields[i], fields[j] = fields[j], fields[i]

        self._save_layout(self.tr("Move a field"), change)
        self.select_key(field)

    def move_to_block(self, block_key: str) -> None:
        field = self.current_field()
        if field is None:
            return

        def change(layout: CardLayout) -> None:
            for b in layout.blocks:
                if field in b.fields:
                    b.fields.remove(field)
            layout.block(block_key).fields.append(field)

        self._save_layout(self.tr("Move a field to another block"), change)
        self.select_key(field)

    def toggle_pinned(self) -> None:
        field = self.current_field()
        if field is None:
            return

        def change(layout: CardLayout) -> None:
            if field in layout.pinned:
                layout.pinned.remove(field)
            else:
                layout.pinned.append(field)

        self._save_layout(self.tr("Pin a field"), change)
        self.select_key(field)

    def toggle_folded(self) -> None:
        block = self.current_block()
        if block is None:
            return

        def change(layout: CardLayout) -> None:
            target = layout.block(block.key)
            target.collapsed = not target.collapsed

        self._save_layout(self.tr("Fold a block"), change)
        self.select_key("block:" + block.key)

    def ask_add_block(self) -> None:
        dialog = NamesDialog(self.tr("New block"), parent=self)
        if not dialog.exec():
            return
        ru, en = dialog.names()
        if not (ru or en):
            return
        key = field_key_from(en or ru)
        taken = {b.key for b in self.layout_now.blocks}
        base, n = key, 2
        while key in taken:
            key, n = f"{base}_{n}", n + 1
        self._save_layout(self.tr("Add a block"),
                          lambda layout: layout.blocks.insert(len(layout.blocks), Block(key, en or ru, ru or en, [])))
        self.select_key("block:" + key)

    def ask_rename_block(self) -> None:
        block = self.current_block()
        if block is None:
            return
        dialog = NamesDialog(self.tr("Rename the block"), block.title_ru, block.title_en, self)
        if not dialog.exec():
            return
        ru, en = dialog.names()
        if not (ru or en):
            return

        def change(layout: CardLayout) -> None:
            target = layout.block(block.key)
            target.title_ru, target.title_en = ru or en, en or ru

        self._save_layout(self.tr("Rename a block"), change)

    def remove_block(self) -> None:
        block = self.current_block()
        if block is None or block.fields:
            return
        self._save_layout(self.tr("Remove a block"),
                          lambda layout: layout.blocks.remove(layout.block(block.key)))

    def reset(self) -> None:
        old = copy.deepcopy(self.layout_now)
        kind, ctx = self.kind, self.ctx
        self._undoable(self.tr("Standard layout"), lambda: ctx.run(reset_card_layout, kind),
                       lambda _c: ctx.run(save_card_layout, kind, old))

    def set_required(self, stage_key: str | None) -> None:
        field = self.current_field()
        if field is None:
            return
        old = self.required.get(field)
        pipeline, ctx = self.pipeline_box.currentData(), self.ctx
        self._undoable(self.tr("Required fields"),
                       lambda: ctx.run(set_required_from, pipeline, field, stage_key),
                       lambda _c: ctx.run(set_required_from, pipeline, field, old.key if old else None))
        self.select_key(field)

    # --- custom fields ---------------------------------------------------------------------------
    def add_field(self, *, label_ru: str, label_en: str, type: str, options: list[str] | None = None,
                  block: str = CUSTOM_BLOCK) -> int | None:
        """Add a custom field to every card of this kind (undo removes it while nobody filled it)."""
        entity, ctx = self.entity, self.ctx
        holder: dict[str, int] = {}

        def do() -> Changes:
            changes = ctx.run(add_custom_field, entity, label_en=label_en, label_ru=label_ru, type=type,
                              options=options or [], block=block)
            holder["id"] = changes.created[0]
            return changes

        if not self._undoable(self.tr("Add a field"), do, lambda _c: ctx.run(delete_custom_field, holder["id"])):
            return None
        return holder["id"]

    def ask_add_field(self) -> None:
        block = self.current_block()
        blocks = [(b.key, b.title(self.ctx.language)) for b in self.layout_now.blocks]
        dialog = AddFieldDialog(blocks, block.key if block else CUSTOM_BLOCK, self)
        if not dialog.exec():
            return
        ru, en = dialog.names()
        field_id = self.add_field(label_ru=ru, label_en=en, type=dialog.type.currentData(),
                                  options=dialog.choices(), block=dialog.block.currentData())
        if field_id is not None:
            key = next((k for k, r in self.custom.items() if r.id == field_id), None)
            self.select_key(key)

    def ask_rename(self) -> None:
        field = self.current_field()
        row = self.custom.get(field or "")
        if row is None:
            return
        dialog = NamesDialog(self.tr("Rename the field"), row.label_ru, row.label_en, self)
        if not dialog.exec():
            return
        ru, en = dialog.names()
        old_ru, old_en, ctx, fid = row.label_ru, row.label_en, self.ctx, row.id
        self._undoable(self.tr("Rename a field"),
                       lambda: ctx.run(rename_custom_field, fid, label_en=en, label_ru=ru),
                       lambda _c: ctx.run(rename_custom_field, fid, label_en=old_en, label_ru=old_ru))

    def ask_choices(self) -> None:
        row = self.custom.get(self.current_field() or "")
        if row is None:
            return
        dialog = ChoicesDialog(row.options or [], self)
        if not dialog.exec():
            return
        old, new, ctx, fid = list(row.options or []), dialog.choices(), self.ctx, row.id
        self._undoable(self.tr("Change the choices"), lambda: ctx.run(set_custom_field_options, fid, new),
                       lambda _c: ctx.run(set_custom_field_options, fid, old))

    def toggle_retired(self) -> None:
        field = self.current_field()
        row = self.custom.get(field or "")
        if row is None:
            return
        do, undo = (restore_custom_field, retire_custom_field) if row.retired else (retire_custom_field,
                                                                                    restore_custom_field)
        text = self.tr("Restore a field") if row.retired else self.tr("Retire a field")
        ctx, fid = self.ctx, row.id
        self._undoable(text, lambda: ctx.run(do, fid), lambda _c: ctx.run(undo, fid))
        self.select_key(field)

