"""Deal, lead, contact and company cards."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def open_card(ctx, kind: str, record_id: int, parent: QWidget | None = None) -> None:
    """Show the card of a record (placeholder until the cards land)."""
    QMessageBox.information(parent, QCoreApplication.translate("Cards", "Card"),
                            QCoreApplication.translate("Cards", "Cards are coming in the next version."))
