"""The report's period box: it shows the period as people say it ("ноябрь 2026",
"неделя 48 · 23 нояб. – 29 нояб."), never a code like "2026-W48"; a click selects it so a
typed period (2026-10, 2026-W43, 2026-10-21, 2026-Q3, 2026) replaces it, and Enter goes there."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class PeriodEdit(QLineEdit):
    typed = Signal(str)  # a period typed by the user (not the name shown)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = ""
        # as wide as the longest name (a week across two months; a day with its weekday)
        longest = max(self.fontMetrics().horizontalAdvance(text) for text in
                      ("неделя 49 · 30 нояб. – 6 дек.", "воскресенье, 30 сентября 2026"))
        self.setFixedWidth(longest + 16)
        self.returnPressed.connect(self._on_enter)

    def show_name(self, name: str) -> None:
        """Show the period's name (the box's text when nobody is typing in it)."""
        self.name = name
        if not self.hasFocus() or self.text() == "":
            self.setText(name)
            self.setCursorPosition(0)

    def _on_enter(self) -> None:
        text = self.text().strip()
        if text and text != self.name:
            self.typed.emit(text)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusInEvent(event)
        self.selectAll()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.setText(self.name)  # what was typed and not entered is dropped
        self.setCursorPosition(0)
