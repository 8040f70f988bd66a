"""User text is data, never markup.

QLabel and QMessageBox take text that looks like HTML for rich text, and tooltips always do
(Qt's ``mightBeRichText``): a deal named ``<b>x</b>`` would show a bold x, and one with
``<img src=…>`` would load an image. Every label that can show a name, a value or a message
built from them is made plain (``plain``/``plain_label``); tooltips and the static message
boxes, which have no such setting, get ``as_rich_text``: escaped rich text that shows exactly
the characters given. pyqtgraph's titles, axis labels and legends are HTML too (``escape``).
Item views (DisplayRole), window titles, buttons and delegates that ``drawText`` are plain already.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QWidget


def plain(label: QLabel) -> QLabel:
    """Show ``label``'s text as the characters it holds, whatever they look like."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    return plain(QLabel(text, parent))


def as_rich_text(text: str | None) -> str:
    """Rich text that shows exactly ``text`` (for tooltips and message boxes, which guess the format)."""
    if not text:
        return ""
    return GuiQt.convertFromPlainText(str(text), Qt.WhiteSpaceMode.WhiteSpaceNormal)


def escape(text: object) -> str:
    """``text`` escaped for a place that is always HTML (pyqtgraph labels and legends)."""
    return html.escape("" if text is None else str(text), quote=False)
