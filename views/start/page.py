"""Start page (placeholder until its issue lands)."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..app_context import AppContext
from ..placeholder import PlaceholderPage


class StartPage(PlaceholderPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Start page"), parent)
