"""Say what a widget is — a hint, an error, a banner, the primary button — and let the theme's
style sheet (``resources/styles/voronka.qss``) colour it, so no screen hard-codes a colour
that is unreadable in the other theme."""
from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)

ROLES = ("hint", "small", "error", "warning", "ok", "heading", "title", "figure",
         "banner", "notice", "empty", "primary", "")


def set_role(widget: W, role: str) -> W:
    """Mark ``widget`` with a style role ("" takes it off) and restyle it at once."""
    if role not in ROLES:
        raise ValueError(f"unknown style role {role!r}")
    if widget.property("role") == (role or None):
        return widget
    widget.setProperty("role", role or None)
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):  # not yet polished: its first polish reads the role
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)
        widget.update()
    return widget
