"""The application's icons: one set (Material Design Icons through qtawesome), named by what
they mean on screen.

``icon("tasks")`` is drawn in the current theme's text colour (``icon("bell", role="alert")``
in the colour that asks for action); a theme switch rebuilds the screens, so icons made
afterwards take the new colours. The fonts' licences are listed in ``docs/licences.md``.
"""
from __future__ import annotations

from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication

# what the icon means → Material Design Icons 6 name (qtawesome prefix ``mdi6``)
NAMES: dict[str, str] = {
    # the sidebar's pages
    "start": "home-outline",
    "board": "view-column-outline",
    "deals": "handshake-outline",
    "companies": "domain",
    "contacts": "account-box-outline",
    "tasks": "checkbox-marked-circle-outline",
    "reports": "chart-box-outline",
    "settings": "cog-outline",
    # menus and page toolbars
    "new_database": "file-plus-outline",
    "open_database": "folder-open-outline",
    "import": "tray-arrow-up",
    "export": "tray-arrow-down",
    "quit": "exit-to-app",
    "undo": "undo",
    "redo": "redo",
    "guide": "book-open-variant",
    "shortcuts": "keyboard-outline",
    "about": "information-outline",
    "filter": "filter-variant",
    "clear_filter": "filter-remove-outline",
    "columns": "table-column",
    "views": "bookmark-outline",
    "more": "dots-horizontal",
    "mine": "account-outline",
    "add": "plus",
    "previous": "chevron-left",
    "next": "chevron-right",
    "save": "content-save-outline",
    "demo": "play-circle-outline",
    "theme": "theme-light-dark",
    # reminders and contact links
    "bell": "bell-outline",
    "bell_ring": "bell-ring-outline",
    "snooze": "alarm-snooze",
    "phone": "phone-outline",
    "email": "email-outline",
    # a card's timeline: what happened
    "moved": "arrow-right-circle-outline",
    "won": "trophy-outline",
    "lost": "close-circle-outline",
    "reopened": "restore",
    "owner": "account-switch-outline",
    "renewal": "autorenew",
    "call": "phone-outline",
    "message": "message-text-outline",
    "meeting": "account-group-outline",
    "note": "note-text-outline",
    "task": "checkbox-marked-outline",
}

# colours that are not the text colour (red only for what needs action)
ALERT = {"light": "#c62828", "dark": "#ef6c6c"}


def icon_name(key: str) -> str:
    """The qtawesome name of ``key`` (KeyError for an unknown key: a typo fails loudly)."""
    return "mdi6." + NAMES[key]


def icon(key: str, role: str = "text") -> QIcon:
    """The icon meaning ``key``, in the theme's text colour (``role="alert"``: action needed)."""
    import qtawesome

    from .theme import current_theme

    palette = QApplication.palette()
    if role == "alert":
        colour = ALERT[current_theme()]
    else:
        colour = palette.color(QPalette.ColorRole.WindowText).name()
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    return qtawesome.icon(icon_name(key), color=colour, color_disabled=disabled)


def tinted(key: str, colour: str) -> QIcon:
    """The icon meaning ``key`` in a colour of its own (a timeline's kinds of event)."""
    import qtawesome

    return qtawesome.icon(icon_name(key), color=colour)


def set_icon(button: QAbstractButton, key: str, *, text_beside: bool = True) -> QAbstractButton:
    """Give a button its icon (a tool button keeps its text beside the icon unless told not to)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QToolButton

    button.setIcon(icon(key))
    if isinstance(button, QToolButton):
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if text_beside
                                  else Qt.ToolButtonStyle.ToolButtonIconOnly)
    return button
