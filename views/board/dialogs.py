"""The small dialogs of the board: the fields a stage requires, why a deal was lost,
and whether a won deal goes on to Client Success.

``BoardDialogs`` is what the board's actions call; each method returns the answer or
None when the user cancelled (tests replace it with scripted answers).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from voronka.models.money import to_minor
from voronka.models.queries.board import LostReasonRow

from ..errors import field_label
from ..fitting import WholeTextTip
from ..plain_text import plain_label
from ..style_roles import set_role

TEXT_FIELDS = ("source", "segment", "cohort")


class RequiredFieldsDialog(QDialog):
    """Asks for exactly the fields a stage requires and the deal has empty."""

    def __init__(self, fields: Sequence[str], stage_name: str, deal_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Before the move"))
        self._editors: dict[str, QWidget] = {}
        self._blocked: list[str] = []
        intro = plain_label(self.tr("To move «%1» to «%2», fill in:").replace("%1", deal_name).replace("%2", stage_name), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        for key in fields:
            editor = self._editor_for(key)
            if editor is None:
                self._blocked.append(key)
                continue
            self._editors[key] = editor
            form.addRow(field_label(key), editor)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        if self._blocked:
            note = plain_label(self.tr("Fill in %1 in the deal's card first.").replace(
                "%1", ", ".join(field_label(k) for k in self._blocked)), self)
            note.setWordWrap(True)
            set_role(note, "error")
            layout.addWidget(note)
        # why "Move" is not available yet, in words (never a greyed button alone); an amount
        # that reads two ways asks which one is meant
        self.why = plain_label(parent=self)
        self.why.setObjectName("requiredWhy")
        self.why.setWordWrap(True)
        set_role(self.why, "error")
        layout.addWidget(self.why)
        self.readings = QWidget(self)
        readings = QHBoxLayout(self.readings)
        readings.setContentsMargins(0, 0, 0, 0)
        self.reading_buttons = [QPushButton(self.readings), QPushButton(self.readings)]
        for button in self.reading_buttons:
            readings.addWidget(button)
            button.clicked.connect(lambda _c=False, b=button: self._take_reading(b))
        readings.addStretch(1)
        self.readings.hide()
        layout.addWidget(self.readings)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Move"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_ok()

    def _editor_for(self, key: str) -> QWidget | None:
        if key == "amount":
            edit = QLineEdit(self)
            edit.setPlaceholderText(self.tr("e.g. 250 000 ₽"))
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 40)
            edit.textChanged.connect(self._update_ok)
            WholeTextTip(edit)
            return edit
        if key == "expected_close":
            date = QDateEdit(QDate.currentDate().addMonths(1), self)
            date.setCalendarPopup(True)
            date.setDisplayFormat("yyyy-MM-dd")
            return date
        if key in TEXT_FIELDS or key.startswith("custom:"):
            edit = QLineEdit(self)
            edit.textChanged.connect(self._update_ok)
            WholeTextTip(edit)
            return edit
        return None  # company, contacts: chosen in the card, not typed here

    def editor(self, key: str) -> QWidget:
        return self._editors[key]

    def _value(self, key: str) -> Any:
        editor = self._editors[key]
        if isinstance(editor, QDateEdit):
            return editor.date().toString("yyyy-MM-dd")
        text = editor.text().strip()  # type: ignore[attr-defined]
        if key == "amount":
            try:
                minor = to_minor(text)
            except ValueError:
                return None
            return text if minor and minor > 0 else None
        return text or None

    def _amount_problem(self) -> tuple[str, tuple | None] | None:
        """Why the typed amount is refused (and its two readings when it reads two ways)."""
        from voronka.models.fields.types import FieldInvalid, parse_money
        from voronka.models.values.amounts import AmountAmbiguous

        editor = self._editors.get("amount")
        text = editor.text().strip() if isinstance(editor, QLineEdit) else ""
        if not text:
            return None
        try:
            value = parse_money(text, "amount")
        except FieldInvalid as exc:  # the cards' sentence for the refusal; a value read two ways offers both
            from ..field_reasons import reason_text

            cause = exc.__cause__
            return reason_text(exc), cause.readings if isinstance(cause, AmountAmbiguous) else None
        if value <= 0:
            return self.tr("The amount must be more than zero."), None
        return None

    def _take_reading(self, button: QPushButton) -> None:
        self._editors["amount"].setText(button.property("reading"))  # type: ignore[union-attr]

    def _update_ok(self) -> None:
        from voronka.metrics.formatting import number

        ok = not self._blocked and all(self._value(k) is not None for k in self._editors)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        problem = self._amount_problem() if "amount" in self._editors else None
        missing = [field_label(k) for k in self._editors if self._value(k) is None and k != "amount"
                   or k == "amount" and problem is None and self._value(k) is None]
        if problem is not None:
            self.why.setText(field_label("amount") + ": " + problem[0])
        elif missing and not self._blocked:
            self.why.setText(self.tr("Fill in %1 to move the deal.").replace("%1", ", ".join(missing)))
        else:
            self.why.setText("")
        self.why.setVisible(bool(self.why.text()))
        readings = problem[1] if problem else None
        self.readings.setVisible(bool(readings))
        if readings:
            for button, reading in zip(self.reading_buttons, readings):
                decimals = 0 if reading == reading.to_integral_value() else 2
                text = number(reading, decimals, "ru")
                button.setText(self.tr("I mean %1").replace("%1", text))
                button.setProperty("reading", text)

    def values(self) -> dict[str, Any]:
        """The filled fields, keyed as ``move_deal(values=...)`` takes them."""
        return {k: self._value(k) for k in self._editors}


class LostDialog(QDialog):
    """Why the deal was lost: a reason from the manager's list (required) and a comment."""

    def __init__(self, reasons: Sequence[LostReasonRow], language: str, count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deal lost") if count == 1 else self.tr("%1 deals lost").replace("%1", str(count)))
        self.reason = QComboBox(self)
        model = QStandardItemModel(self.reason)
        group = None
        for r in reasons:
            if r.group and r.group != group:
                group = r.group
                header = QStandardItem(group)
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                font = header.font()
                font.setBold(True)
                header.setFont(font)
                model.appendRow(header)
            item = QStandardItem(r.label(language))
            item.setData(r.id, Qt.ItemDataRole.UserRole)
            model.appendRow(item)
        self.reason.setModel(model)
        self.reason.setCurrentIndex(-1)
        self.reason.setPlaceholderText(self.tr("Choose a reason…"))
        self.reason.setMinimumContentsLength(40)
        self.reason.currentIndexChanged.connect(self._update_ok)
        self.comment = QPlainTextEdit(self)
        self.comment.setPlaceholderText(self.tr("What happened (optional)"))
        self.comment.setFixedHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Comment"), self.comment)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Mark as lost"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update_ok()

    def reason_id(self) -> int | None:
        value = self.reason.currentData(Qt.ItemDataRole.UserRole)
        return int(value) if value is not None else None

    def select_reason(self, reason_id: int) -> None:
        self.reason.setCurrentIndex(self.reason.findData(reason_id, Qt.ItemDataRole.UserRole))

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.reason_id() is not None)

    def accept(self) -> None:
        if self.reason_id() is None:  # the button is disabled; Enter must not get past it either
            return
        super().accept()


class WonDialog(QDialog):
    """Confirms a win and asks whether to copy the deal into Client Success."""

    def __init__(self, count: int, offer_copy: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deal won") if count == 1 else self.tr("%1 deals won").replace("%1", str(count)))
        text = (self.tr("Mark the deal as won?") if count == 1
                else self.tr("Mark %1 deals as won?").replace("%1", str(count)))
        self.copy = QCheckBox(self.tr("Copy into the Client Success pipeline"), self)
        self.copy.setChecked(True)
        self.copy.setVisible(offer_copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Mark as won"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(text, self))
        layout.addWidget(self.copy)
        layout.addWidget(buttons)


class BoardDialogs:
    """The questions the board asks; None means the user cancelled."""

    def __init__(self, parent: QWidget, language: str):
        self.parent = parent
        self.language = language

    def required_fields(self, fields: Sequence[str], stage_name: str, deal_name: str) -> dict[str, Any] | None:
        dialog = RequiredFieldsDialog(fields, stage_name, deal_name, self.parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def lost(self, reasons: Sequence[LostReasonRow], count: int) -> tuple[int, str] | None:
        dialog = LostDialog(reasons, self.language, count, self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.reason_id() is None:
            return None
        return dialog.reason_id(), dialog.comment.toPlainText().strip()  # type: ignore[return-value]

    def won(self, count: int, offer_copy: bool) -> bool | None:
        """Whether to copy into Client Success, or None to cancel the win."""
        dialog = WonDialog(count, offer_copy, self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return offer_copy and dialog.copy.isChecked()
