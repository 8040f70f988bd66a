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
        self._longest = max(self.fontMetrics().horizontalAdvance(text) for text in
                            ("неделя 49 · 30 нояб. – 6 дек.", "воскресенье, 30 сентября 2026")) + 16
        self._widths: dict[str, int] = {}
        self.setFixedWidth(self._longest)
        self.returnPressed.connect(self._on_enter)

    def fit_to(self, monthly: bool, language: str) -> None:
        """As wide as the longest name the box shows now: a month, a quarter or a year on the
        Monthly tab ("сентябрь 2026", "III квартал 2026", narrower: the month/quarter/year box
        stands beside it), a week or a day elsewhere."""
        if not monthly:
            width = self._longest
        else:
            if language not in self._widths:
                from voronka.metrics.formatting import period_name
                from voronka.metrics.periods import parse_period

                labels = [f"2026-{m:02d}" for m in range(1, 13)] + [f"2026-Q{q}" for q in range(1, 5)] + ["2026"]
                self._widths[language] = max(self.fontMetrics().horizontalAdvance(period_name(parse_period(label),
                                                                                              language))
                                             for label in labels) + 24
            width = min(self._longest, self._widths[language])
        if width != self.width():
            self.setFixedWidth(width)

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
