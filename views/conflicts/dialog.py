"""The conflict view a card opens instead of overwriting: per field, what the other person
saved (with who and when) and what this user typed; the user keeps theirs or saves
theirs over it field by field. Every value is shown as plain text."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from voronka.models import errors

from .messages import edit_conflict, who


def value_text(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, Decimal):
        return f"{value:,.2f}".replace(",", " ")
    if isinstance(value, (list, tuple, set)):
        return ", ".join(str(v) for v in value)
    return str(value)


class ConflictDialog(QDialog):
    """``exec()`` accepted: save with ``mine_fields()`` taking this user's values."""

    def __init__(self, conflict: errors.EditConflict, field_label: Callable[[str], str],
                 show: Callable[[str, Any], str] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Someone else changed this record"))
        self.conflict = conflict
        show = show or (lambda _key, value: value_text(value))
        intro = QLabel(edit_conflict(conflict, field_label) + " "
                       + self.tr("Choose, field by field, whose value to keep."), self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        when = errors.when_text(conflict.at) if conflict.at else ""
        theirs_head = self.tr("Theirs (%1, %2)").replace("%1", who(conflict.user_name)).replace("%2", when)
        self.table = QTableWidget(len(conflict.conflicts), 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), theirs_head, self.tr("Mine"), self.tr("Keep mine")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.choices: dict[str, QCheckBox] = {}
        for row, item in enumerate(conflict.conflicts):
            for col, text in enumerate((field_label(item.field), show(item.field, item.theirs),
                                        show(item.field, item.mine))):
                self.table.setItem(row, col, QTableWidgetItem(text))  # items show plain text
            box = QCheckBox(self.table)
            self.choices[item.field] = box
            self.table.setCellWidget(row, 3, box)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Save my choices"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Keep editing"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.table)
        box.addWidget(buttons)
        self.resize(640, 160 + 30 * len(conflict.conflicts))

    def mine_fields(self) -> set[str]:
        """The fields where this user's value wins."""
        return {key for key, box in self.choices.items() if box.isChecked()}

    def cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text() if item else ""
