"""Small dialogs of the cards: the duplicate warning and choosing a record to merge."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from voronka.models.services.companies import Duplicate

from ..plain_text import plain_label


class DuplicateDialog(QDialog):
    """"This looks like an existing record": open it, merge into it, save anyway, or go back."""

    OPEN, MERGE, SAVE = 10, 11, 12

    def __init__(self, duplicates: Sequence[Duplicate], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Possible duplicate"))
        matched = {"website": self.tr("same website"), "inn": self.tr("same INN"),
                   "email": self.tr("same e-mail"), "phone": self.tr("same phone")}
        self.list = QListWidget(self)
        for dup in duplicates:
            item = QListWidgetItem(f"{dup.name} — {matched.get(dup.matched_on, dup.matched_on)}: {dup.value}")
            item.setData(Qt.ItemDataRole.UserRole, dup.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        text = QLabel(self.tr("The team already has a record with the same details. Keep one record per "
                              "company or person: open the existing one, or merge this one into it."), self)
        text.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(self.tr("Open the existing one"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button = buttons.addButton(self.tr("Merge into it"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button = buttons.addButton(self.tr("Save anyway"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.open_button.clicked.connect(lambda: self.done(self.OPEN))
        self.merge_button.clicked.connect(lambda: self.done(self.MERGE))
        self.save_button.clicked.connect(lambda: self.done(self.SAVE))
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(text)
        box.addWidget(self.list)
        box.addWidget(buttons)

    def chosen_id(self) -> int:
        return int(self.list.currentItem().data(Qt.ItemDataRole.UserRole))


class PickRecordDialog(QDialog):
    """Choose one record from a searchable list (the other half of a merge)."""

    def __init__(self, title: str, prompt: str, choices: Sequence[tuple[int, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        for record_id, text in choices:
            self.combo.addItem(text, record_id)
        self.combo.setMinimumWidth(360)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        label = plain_label(prompt, self)
        label.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(label)
        box.addWidget(self.combo)
        box.addWidget(buttons)

    def chosen_id(self) -> int | None:
        index = self.combo.findText(self.combo.currentText(), Qt.MatchFlag.MatchFixedString)
        return None if index < 0 else int(self.combo.itemData(index))
