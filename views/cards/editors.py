"""One editor per field type. Each shows its value, reports edits and shows why a value is refused.

Editors hold text (or chosen ids) only; checking and normalising is ``models.fields``'s
job, called by the card form. No editor writes anything.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from voronka.models.fields import FieldSpec, FieldType

from ..fitting import ElidingCombo, WholeTextTip
from ..plain_text import as_rich_text, plain_label
from .formatting import edit_text
from ..style_roles import set_role
from ..theme import colour_name

PROBLEM_STYLE = "QLineEdit, QPlainTextEdit, QComboBox, QPushButton { border: 1px solid @alert; }"
Choices = Sequence[tuple[Any, str]]  # (value, shown text)


class FieldEditor(QWidget):
    """The input of one field plus a line under it saying why a value is refused."""

    edited = Signal()  # the user changed the value
    committed = Signal()  # the user finished a change (left the field): time to check it

    def __init__(self, spec: FieldSpec, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.language = language
        self._initial: Any = None
        self.base_style = ""  # the input's own style sheet, kept under the "refused" border
        self.problem = plain_label(parent=self)
        self.problem.setObjectName("fieldProblem")
        set_role(self.problem, "error")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.hint = plain_label(parent=self)
        set_role(self.hint, "hint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addLayout(self.row)
        box.addWidget(self.problem)
        box.addWidget(self.hint)

    # --- for subclasses -------------------------------------------------------------------
    def raw(self) -> Any:
        raise NotImplementedError

    def show_value(self, value: Any) -> None:
        raise NotImplementedError

    def input_widget(self) -> QWidget:
        raise NotImplementedError

    # --------------------------------------------------------------------------------------
    def set_value(self, value: Any) -> None:
        """Show a stored value and take it as the unchanged state."""
        self.show_value(value)
        self._initial = self.raw()
        self.set_problem(None)

    def is_dirty(self) -> bool:
        return self.raw() != self._initial

    def set_problem(self, text: str | None) -> None:
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))
        self.hint.setVisible(not text and bool(self.hint.text()))  # one line under the field at a time
        self.input_widget().setStyleSheet(self.base_style + (PROBLEM_STYLE.replace("@alert", colour_name("alert")) if text else ""))
        widget = self.input_widget()
        whole = getattr(self, "whole", None)
        if whole is not None:  # a line edit: the refusal, then its text whole when it is cut
            whole.set_note(text or "")
            return
        shown = widget.currentText().strip() if isinstance(widget, QComboBox) else ""
        widget.setToolTip(as_rich_text(text or shown))  # a cut choice reads whole on hover

    def problem_text(self) -> str | None:
        return self.problem.text() or None

    def set_hint(self, text: str | None) -> None:
        self.hint.setText(text or "")
        self.hint.setVisible(bool(text) and not self.problem.text())

    def set_read_only(self, read_only: bool) -> None:
        self.input_widget().setEnabled(not read_only)


class LineEditor(FieldEditor):
    """Text, number, money, date, e-mail, phone, website, link, INN."""

    def __init__(self, spec: FieldSpec, language: str, parent: QWidget | None = None,
                 suffix: str | None = None, suggestions: Sequence[str] = ()):
        super().__init__(spec, language, parent)
        self.line = QLineEdit(self)
        self.line.setClearButtonEnabled(True)
        self.whole = WholeTextTip(self.line)  # a long company name reads whole on hover
        self.line.textEdited.connect(lambda _t: self.edited.emit())
        self.line.editingFinished.connect(self.committed.emit)
        if suggestions:
            completer = QCompleter(list(suggestions), self.line)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.line.setCompleter(completer)
        self.row.addWidget(self.line, 1)
        if suffix:
            self.row.addWidget(plain_label(suffix, self))
        self.link_button: QToolButton | None = None
        if spec.type in (FieldType.PHONE, FieldType.EMAIL):
            self._add_link_button()

    def _add_link_button(self) -> None:
        """A button beside a phone or e-mail that calls or writes (tel: / mailto:)."""
        from ..icons import icon

        kind = "phone" if self.spec.type == FieldType.PHONE else "email"
        self.link_button = QToolButton(self)
        self.link_button.setObjectName(f"{kind}Link")
        self.link_button.setAutoRaise(True)
        self.link_button.setIcon(icon(kind))
        self.link_button.clicked.connect(lambda: self.open_link())
        self.line.textChanged.connect(lambda _t: self._update_link())
        self.row.addWidget(self.link_button)
        self._update_link()

    def link(self):
        """The tel: or mailto: link of what the field holds now (None: not a phone or address)."""
        from ..contact_links import contact_url

        return contact_url("phone" if self.spec.type == FieldType.PHONE else "email", self.raw())

    def _update_link(self) -> None:
        url = self.link()
        self.link_button.setEnabled(url is not None)
        if url is None:
            self.link_button.setToolTip("")
        elif self.spec.type == FieldType.PHONE:
            self.link_button.setToolTip(as_rich_text(self.tr("Call %1").replace("%1", self.raw())))
        else:
            self.link_button.setToolTip(as_rich_text(self.tr("Write to %1").replace("%1", self.raw())))

    def open_link(self) -> bool:
        from PySide6.QtGui import QDesktopServices

        url = self.link()
        return url is not None and QDesktopServices.openUrl(url)

    def input_widget(self) -> QWidget:
        return self.line

    def raw(self) -> str:
        return self.line.text().strip()

    def show_value(self, value: Any) -> None:
        self.line.setText(edit_text(self.spec, value, self.language))
        self.line.setCursorPosition(0)  # a long name in a narrow card shows its beginning, not its tail

    def set_read_only(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)


class TextAreaEditor(FieldEditor):
    """Several lines: notes, social links."""

    def __init__(self, spec: FieldSpec, language: str, parent: QWidget | None = None):
        super().__init__(spec, language, parent)
        self.area = QPlainTextEdit(self)
        self.area.setTabChangesFocus(True)
        self.area.setFixedHeight(self.area.fontMetrics().lineSpacing() * 4 + 12)
        self.area.textChanged.connect(self.edited.emit)
        self.area.installEventFilter(self)
        self.row.addWidget(self.area, 1)

    def input_widget(self) -> QWidget:
        return self.area

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.area and event.type() == QEvent.Type.FocusOut:
            self.committed.emit()
        return False

    def raw(self) -> str:
        return self.area.toPlainText().strip()

    def show_value(self, value: Any) -> None:
        self.area.blockSignals(True)
        self.area.setPlainText("" if value is None else str(value))
        self.area.blockSignals(False)


class ChoiceEditor(FieldEditor):
    """One choice from a list (with an empty choice unless ``allow_empty`` is false)."""

    picked = Signal(object)  # the chosen value, when the user picks one

    def __init__(self, spec: FieldSpec, language: str, choices: Choices, parent: QWidget | None = None,
                 allow_empty: bool = True, searchable: bool = False,
                 load_choices: Callable[[], Choices] | None = None):
        super().__init__(spec, language, parent)
        self._load_choices = load_choices  # a long list (companies) is read when the picker is first used
        # a long choice (a side stage) in a narrow card ends in "…": the whole text on hover
        self.combo = ElidingCombo(self)
        self.combo.installEventFilter(self)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(12)
        if allow_empty:
            self.combo.addItem("", None)
        for value, text in choices:
            self.combo.addItem(text, value)
        if searchable:
            self.combo.setEditable(True)
            self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = self.combo.completer()
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.combo.activated.connect(self._on_activated)
        self.row.addWidget(self.combo, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.combo and event.type() in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress):
            self.load_all()
        return False

    def load_all(self) -> None:
        """Fill in the long list of choices (keeping the current one)."""
        if self._load_choices is None:
            return
        load, self._load_choices = self._load_choices, None
        current, text = self.combo.currentData(), self.combo.currentText()
        known = {self.combo.itemData(i) for i in range(self.combo.count())}
        self.combo.blockSignals(True)
        for value, shown in load():
            if value not in known:
                self.combo.addItem(shown, value)
        index = self.combo.findData(current)
        self.combo.setCurrentIndex(index if index >= 0 else 0)
        if self.combo.isEditable() and current is None:
            self.combo.setEditText(text)
        self.combo.blockSignals(False)
        if not self.combo.hasFocus():
            self._show_start()

    def _on_activated(self, _index: int) -> None:
        self.edited.emit()
        self.committed.emit()
        self.picked.emit(self.raw())

    def input_widget(self) -> QWidget:
        return self.combo

    def raw(self) -> Any:
        if self.combo.isEditable() and not self.combo.currentText().strip():
            return None
        if self.combo.isEditable():
            found = self.combo.findText(self.combo.currentText(), Qt.MatchFlag.MatchFixedString)
            if found < 0:
                return self.combo.currentText().strip()  # typed, not picked: refused as "choose from the list"
            return self.combo.itemData(found)
        return self.combo.currentData()

    def show_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index < 0 and value is not None and self._load_choices is not None:
            self.load_all()
            index = self.combo.findData(value)
        if index < 0 and value is not None:
            self.combo.addItem(str(value), value)  # a stored value that is no longer a choice
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(max(index, 0))
        if self.combo.isEditable() and value is None:
            self.combo.setEditText("")
        self._show_start()

    def _show_start(self) -> None:
        """A long company name in a narrow card shows its beginning, not its tail (the tooltip
        says it whole)."""
        if self.combo.isEditable() and self.combo.lineEdit() is not None:
            self.combo.lineEdit().setCursorPosition(0)


class MultiChoiceEditor(FieldEditor):
    """Several choices: a button listing them, with a menu of check boxes."""

    def __init__(self, spec: FieldSpec, language: str, choices: Choices, parent: QWidget | None = None,
                 empty_text: str = "—"):
        super().__init__(spec, language, parent)
        self.empty_text = empty_text
        self.button = QPushButton(self)
        self.button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.button.setMinimumWidth(120)
        self.base_style = "QPushButton { text-align: left; padding: 3px 6px; }"
        self.button.setStyleSheet(self.base_style)
        self.menu = QMenu(self.button)
        self.actions: list[QAction] = []
        for value, text in choices:
            action = self.menu.addAction(text)
            action.setCheckable(True)
            action.setData(value)
            action.toggled.connect(self._on_toggled)
            self.actions.append(action)
        self.button.setMenu(self.menu)
        self.row.addWidget(self.button, 1)
        self._update_text()

    def _on_toggled(self, _checked: bool) -> None:
        self._update_text()
        self.edited.emit()
        self.committed.emit()

    def _update_text(self) -> None:
        chosen = [a.text() for a in self.actions if a.isChecked()]
        text = ", ".join(chosen) if chosen else self.empty_text
        self.button.setToolTip(as_rich_text(text))
        self.button.setText(self.button.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                                                 max(self.button.width() - 24, 80)))

    def resizeEvent(self, event) -> None:  # keep the elided list fitting the button
        super().resizeEvent(event)
        self._update_text()

    def input_widget(self) -> QWidget:
        return self.button

    def raw(self) -> list[Any]:
        return [a.data() for a in self.actions if a.isChecked()]

    def show_value(self, value: Any) -> None:
        wanted = set(value or [])
        known = {a.data() for a in self.actions}
        for extra in sorted(wanted - known, key=str):
            action = self.menu.addAction(str(extra))
            action.setCheckable(True)
            action.setData(extra)
            action.toggled.connect(self._on_toggled)
            self.actions.append(action)
        for action in self.actions:
            action.blockSignals(True)
            action.setChecked(action.data() in wanted)
            action.blockSignals(False)
        self._update_text()

    def set_choice(self, value: Any, checked: bool = True) -> None:
        for action in self.actions:
            if action.data() == value:
                action.setChecked(checked)


class ReadOnlyEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, language: str, parent: QWidget | None = None):
        super().__init__(spec, language, parent)
        self.label = plain_label(parent=self)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.row.addWidget(self.label, 1)

    def input_widget(self) -> QWidget:
        return self.label

    def raw(self) -> Any:
        return None

    def show_value(self, value: Any) -> None:
        self.label.setText(edit_text(self.spec, value, self.language))


def is_line_type(type_: str) -> bool:
    return type_ in (FieldType.TEXT, FieldType.NUMBER, FieldType.MONEY, FieldType.DATE, FieldType.EMAIL,
                     FieldType.PHONE, FieldType.WEBSITE, FieldType.URL, FieldType.INN)
