"""Dialogs of the card layout editor: a new custom field, renaming, choices, a new block."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from voronka.models.fields import CUSTOM_TYPES, FieldType

TYPE_NAMES = {
    "text": QT_TRANSLATE_NOOP("FieldTypes", "Text"),
    "longtext": QT_TRANSLATE_NOOP("FieldTypes", "Long text"),
    "number": QT_TRANSLATE_NOOP("FieldTypes", "Number"),
    "money": QT_TRANSLATE_NOOP("FieldTypes", "Money"),
    "date": QT_TRANSLATE_NOOP("FieldTypes", "Date"),
    "email": QT_TRANSLATE_NOOP("FieldTypes", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("FieldTypes", "Phone"),
    "website": QT_TRANSLATE_NOOP("FieldTypes", "Website (domain)"),
    "url": QT_TRANSLATE_NOOP("FieldTypes", "Link"),
    "links": QT_TRANSLATE_NOOP("FieldTypes", "Links"),
    "inn": QT_TRANSLATE_NOOP("FieldTypes", "INN"),
    "select": QT_TRANSLATE_NOOP("FieldTypes", "One choice"),
    "multiselect": QT_TRANSLATE_NOOP("FieldTypes", "Several choices"),
    "user": QT_TRANSLATE_NOOP("FieldTypes", "Team member"),
    "stage": QT_TRANSLATE_NOOP("FieldTypes", "Stage"),
    "company": QT_TRANSLATE_NOOP("FieldTypes", "Company"),
    "contacts": QT_TRANSLATE_NOOP("FieldTypes", "People"),
    "datetime": QT_TRANSLATE_NOOP("FieldTypes", "Date and time"),
}


def type_name(type_: str) -> str:
    return QCoreApplication.translate("FieldTypes", TYPE_NAMES[type_]) if type_ in TYPE_NAMES else type_


class _Dialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.form.addRow(self.buttons)


class NamesDialog(_Dialog):
    """A name in Russian and in English (either alone is used for both)."""

    def __init__(self, title: str, label_ru: str = "", label_en: str = "", parent: QWidget | None = None):
        super().__init__(title, parent)
        self.label_ru = QLineEdit(label_ru, self)
        self.label_en = QLineEdit(label_en, self)
        self.label_ru.setMinimumWidth(280)
        self.form.addRow(self.tr("Name in Russian"), self.label_ru)
        self.form.addRow(self.tr("Name in English"), self.label_en)
        self.finish()

    def names(self) -> tuple[str, str]:
        return self.label_ru.text().strip(), self.label_en.text().strip()


class ChoicesDialog(_Dialog):
    def __init__(self, options: Sequence[str], parent: QWidget | None = None):
        super().__init__(self.tr("Choices"), parent)
        self.options = QPlainTextEdit("\n".join(options), self)
        self.form.addRow(QLabel(self.tr("One choice per line:"), self))
        self.form.addRow(self.options)
        self.finish()

    def choices(self) -> list[str]:
        return [line.strip() for line in self.options.toPlainText().splitlines() if line.strip()]


class AddFieldDialog(NamesDialog):
    """A new custom field: names, type, choices (for choice types) and its block."""

    def __init__(self, blocks: Sequence[tuple[str, str]], block: str | None, parent: QWidget | None = None):
        super().__init__("", parent=parent)
        self.setWindowTitle(self.tr("New field"))
        self.type = QComboBox(self)
        for type_ in CUSTOM_TYPES:
            self.type.addItem(type_name(type_), str(type_))
        self.block = QComboBox(self)
        for key, title in blocks:
            self.block.addItem(title, key)
        self.block.setCurrentIndex(max(0, self.block.findData(block)))
        self.options = QPlainTextEdit(self)
        self.options.setPlaceholderText(self.tr("One choice per line"))
        self.options.setFixedHeight(90)
        row = self.form.rowCount() - 1  # before the buttons
        self.form.insertRow(row, self.tr("Type"), self.type)
        self.form.insertRow(row + 1, self.tr("Choices"), self.options)
        self.form.insertRow(row + 2, self.tr("Block"), self.block)
        self.type.currentIndexChanged.connect(self._on_type)
        self._on_type()

    def _on_type(self) -> None:
        choice = self.type.currentData() in (FieldType.SELECT, FieldType.MULTISELECT)
        self.options.setEnabled(choice)

    def choices(self) -> list[str]:
        return [line.strip() for line in self.options.toPlainText().splitlines() if line.strip()]
