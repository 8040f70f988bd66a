"""A page that says it is coming: for sidebar items whose screen is not built yet."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .app_context import AppContext


class PlaceholderPage(QWidget):
    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        label = QLabel(self.tr("%1 is coming in the next version.").replace("%1", title), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(label)
