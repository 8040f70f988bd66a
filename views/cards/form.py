"""The fields of a card laid out as its layout says: pinned fields on top, then named blocks.

The form knows which editors were changed and checks them with ``models.fields.normalise``
(the same rule the services apply), marking each refused field with the reason. It saves
nothing itself: the card sends the checked values to a domain service.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from voronka.metrics.formatting import currency_sign
from voronka.models.fields import FieldInvalid, FieldSpec, FieldType, normalise
from voronka.models.fields.layout import CardLayout

from ..plain_text import plain_label
from .block import CollapsibleBlock
from .editors import (
    ChoiceEditor,
    FieldEditor,
    LineEditor,
    MultiChoiceEditor,
    ReadOnlyEditor,
    TextAreaEditor,
    is_line_type,
)
from .formatting import contact_type_label
from ..field_reasons import reason_text
from ..style_roles import set_role

EditorFactory = Callable[[FieldSpec, QWidget], FieldEditor]


class CardForm(QWidget):
    dirty_changed = Signal(bool)
    block_toggled = Signal(str, bool)  # block key, collapsed

    def __init__(self, layout: CardLayout, fields: Mapping[str, FieldSpec], values: Mapping[str, Any],
                 language: str, *, currency: str = "", special: Mapping[str, EditorFactory] | None = None,
                 suggestions: Mapping[str, Sequence[str]] | None = None, companies: Callable[[], Sequence[tuple[int, str]]] | None = None,
                 current_company: tuple[Any, str | None] = (None, None), immediate: set[str] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.language = language
        self.fields = fields
        self.currency = currency
        self.special = dict(special or {})
        self.suggestions = dict(suggestions or {})
        self.companies = companies  # loads the company list when the picker is first used
        self.current_company = current_company
        self.immediate = set(immediate or ())  # fields that act at once (stage, owner), never "dirty"
        self.editors: dict[str, FieldEditor] = {}
        self._labels: list[QLabel] = []
        self.blocks: dict[str, CollapsibleBlock] = {}
        self._dirty = False
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        pinned = [k for k in layout.pinned if k in fields]
        if pinned:
            frame = QFrame(self)
            frame.setObjectName("pinnedFields")
            frame.setStyleSheet("QFrame#pinnedFields { background: palette(alternate-base); border-radius: 4px; }")
            form = QFormLayout(frame)
            form.setContentsMargins(18, 6, 4, 6)  # the blocks' indent, so pinned fields line up with them
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for key in pinned:
                self._add_row(form, key, frame)
            box.addWidget(frame)
        for block in layout.blocks:
            keys = [k for k in block.fields if k in fields and k not in pinned]
            widget = CollapsibleBlock(block.key, block.title(language), self)
            for key in keys:
                self._add_row(widget.form, key, widget.body)
            if not keys:
                empty = QLabel(self.tr("No fields here yet."), widget.body)
                set_role(empty, "hint")
                widget.form.addRow(empty)
                if block.key == "custom":
                    widget.hide()  # an empty "More" block is only noise
            widget.set_collapsed(block.collapsed)
            widget.toggled.connect(lambda collapsed, k=block.key: self.block_toggled.emit(k, collapsed))
            self.blocks[block.key] = widget
            box.addWidget(widget)
        for key, value in values.items():
            if key in self.editors:
                self.editors[key].set_value(value)
        self._align_labels()
        box.addStretch(1)

    def _align_labels(self) -> None:
        """One label column for every block, so each field sits in the same place on every card."""
        if not self._labels:
            return
        metrics = self._labels[0].fontMetrics()
        width = min(max(metrics.horizontalAdvance(label.text()) for label in self._labels) + 8, 170)
        for label in self._labels:
            label.setFixedWidth(width)

    # --- building ----------------------------------------------------------------------------
    def _add_row(self, form: QFormLayout, key: str, parent: QWidget) -> None:
        spec = self.fields[key]
        editor = self._make_editor(spec, parent)
        editor.set_value(None)
        if spec.read_only:
            editor.set_read_only(True)
        editor.edited.connect(self._on_edited)
        editor.committed.connect(lambda k=key: self.check_field(k))
        label = plain_label(spec.label(self.language) + (" *" if editor.spec.required else ""), parent)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._labels.append(label)
        label.setBuddy(editor.input_widget())
        form.addRow(label, editor)
        self.editors[key] = editor

    def _make_editor(self, spec: FieldSpec, parent: QWidget) -> FieldEditor:
        if spec.key in self.special:
            return self.special[spec.key](spec, parent)
        lang = self.language
        if spec.type == FieldType.MONEY:
            return LineEditor(spec, lang, parent, suffix=currency_sign(self.currency) if self.currency else None)
        if is_line_type(spec.type):
            return LineEditor(spec, lang, parent, suggestions=self.suggestions.get(spec.key, ()))
        if spec.type in (FieldType.LONGTEXT, FieldType.LINKS):
            return TextAreaEditor(spec, lang, parent)
        if spec.type == FieldType.SELECT:
            labels = [(o, contact_type_label(o, lang) if spec.key == "contact_type" else o) for o in spec.options]
            return ChoiceEditor(spec, lang, labels, parent)
        if spec.type == FieldType.MULTISELECT:
            return MultiChoiceEditor(spec, lang, [(o, o) for o in spec.options], parent)
        if spec.type == FieldType.COMPANY:
            company_id, name = self.current_company
            known = [(company_id, name)] if company_id is not None and name else []
            return ChoiceEditor(spec, lang, known, parent, searchable=True, load_choices=self.companies)
        return ReadOnlyEditor(spec, lang, parent)

    # --- state ---------------------------------------------------------------------------------
    def _on_edited(self) -> None:
        dirty = self.is_dirty()
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def is_dirty(self) -> bool:
        return any(ed.is_dirty() for k, ed in self.editors.items() if k not in self.immediate)

    def mark_clean(self) -> None:
        """The values shown were saved: they are the unchanged state now."""
        for editor in self.editors.values():
            editor._initial = editor.raw()
        self._on_edited()

    def edited_values(self) -> dict[str, Any]:
        """The raw input of every changed field (not the immediate ones)."""
        return {k: ed.raw() for k, ed in self.editors.items() if k not in self.immediate and ed.is_dirty()}

    def check_field(self, key: str) -> Any:
        """Check one field now and show the reason if it is refused; returns the normalised value."""
        editor = self.editors[key]
        if key in self.immediate or editor.spec.read_only:
            return None
        try:
            value = normalise(editor.spec, editor.raw())
        except FieldInvalid as exc:
            editor.set_problem(reason_text(exc))
            return None
        editor.set_problem(None)
        return value

    def check(self) -> tuple[dict[str, Any], list[FieldInvalid]]:
        """Normalise every changed field; mark the refused ones. Returns (values, problems)."""
        values: dict[str, Any] = {}
        problems: list[FieldInvalid] = []
        for key, raw in self.edited_values().items():
            editor = self.editors[key]
            try:
                values[key] = normalise(editor.spec, raw)
                editor.set_problem(None)
            except FieldInvalid as exc:
                problems.append(exc.for_field(key))
                editor.set_problem(reason_text(exc))
        return values, problems

    def show_problems(self, problems: Sequence[FieldInvalid]) -> None:
        for problem in problems:
            editor = self.editors.get(problem.field)
            if editor is not None:
                editor.set_problem(reason_text(problem))
                block = self._block_of(editor)
                if block is not None:
                    block.set_collapsed(False)

    def _block_of(self, editor: QWidget) -> CollapsibleBlock | None:
        parent = editor.parentWidget()
        while parent is not None and not isinstance(parent, CollapsibleBlock):
            parent = parent.parentWidget()
        return parent

    def problems(self) -> dict[str, str]:
        """Field key -> the reason shown under it (for tests and the status line)."""
        return {k: ed.problem.text() for k, ed in self.editors.items() if ed.problem.text()}
