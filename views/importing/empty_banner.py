"""The start page's offer on an empty database: bring the team's deals in from files."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from voronka.models.changes import Changes
from voronka.models.queries.start import has_deals

from ..style_roles import set_role


class EmptyFunnelBanner(QFrame):
    """Shown while the database holds no deal; hides itself once one exists."""

    def __init__(self, ctx, parent: QWidget | None = None):  # noqa: ANN001 - an AppContext
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("emptyFunnelBanner")
        set_role(self, "banner")
        text = QLabel(self.tr("The funnel is empty. Bring your team's deals and their history in from an Excel "
                              "sheet or an export of amoCRM, Bitrix24, Pipedrive or Salesforce: the reports of "
                              "past months are there right away."), self)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        self.button = QPushButton(self.tr("Import deals from files…"), self)
        self.button.clicked.connect(self.open_wizard)
        row = QHBoxLayout(self)
        row.addWidget(text, 1)
        row.addWidget(self.button)
        ctx.changed.connect(self.on_changed)
        self.refresh()

    def on_changed(self, changes: Changes) -> None:
        if changes.deals or changes.created:
            self.refresh()

    def refresh(self) -> None:
        self.setVisible(not self.ctx.query(has_deals))

    def open_wizard(self) -> None:
        from . import open_import_wizard

        open_import_wizard(self.ctx, self.window())
