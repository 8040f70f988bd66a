"""Opening the funnel editor from another screen (the report view's stage table)."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget


def open_funnel_change(widget: QWidget, pipeline_key: str, stage_key: str, action: str) -> bool:
    """Show Settings → Funnel in ``widget``'s main window with ``action`` (merge_previous,
    merge_next, split) of ``stage_key`` prepared; False when there is no main window."""
    window = widget.window()
    if not hasattr(window, "show_page") or not hasattr(window, "page"):
        return False
    window.show_page("settings")
    window.page("settings").show_funnel(pipeline_key, stage_key, action)
    return True
