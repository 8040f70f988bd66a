"""Light and dark themes: a Fusion palette, a small style sheet (``resources/styles``) and the
few named colours that widgets painting by themselves use (board cards, charts).

The choice is per computer (QSettings ``ui/theme``): ``system`` follows the desktop's colour
scheme (Qt 6.5+ ``QStyleHints.colorScheme``) and switches when it does, ``light`` and
``dark`` stay put. Red is kept for what needs action (``alert``); everything else that is
not text is muted or the accent.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

CHOICES = ("system", "light", "dark")
SETTING = "ui/theme"

# Named colours of each theme. The palette is built from the first group; the rest are
# used by the style sheet (``@name`` in voronka.qss) and by painting code (``colour``).
COLOURS: dict[str, dict[str, str]] = {
    "light": {
        "window": "#f4f5f7", "text": "#1f2328", "base": "#ffffff", "alternate": "#f6f7f9",
        "button": "#fbfbfc", "highlight": "#2f6fde", "highlighted_text": "#ffffff", "link": "#1f5fbf",
        "mid": "#c5cad3", "dark": "#9aa1ab", "light": "#ffffff", "midlight": "#e6e8ec", "shadow": "#6b7280",
        "tooltip": "#fffdf2", "placeholder": "#8a9099", "disabled_text": "#a0a6ae",
        # named colours
        "muted": "#5f6670", "border": "#d5d9e0", "sidebar": "#eceef2", "sidebar_selected": "#dce6fa",
        "accent": "#2f6fde", "alert": "#c62828", "warning": "#8a5a00", "ok": "#2e7d32",
        "banner": "#eef4ff", "banner_border": "#b9cff5", "notice": "#fff6dc", "notice_border": "#e6cc7a",
        "column": "#eceef2", "side_column": "#fff4e5", "side_border": "#e0a040",
        "card": "#ffffff", "card_selected": "#e3edff", "card_border": "#d1d5db", "card_text": "#111827",
        "chart": "#ffffff", "chart_text": "#374151", "chart_grid": "#bbbbbb", "badge": "#c62828",
        # cells painted by item models: a previewed change, a figure to act on, a better-than-median one
        "changed": "#fff3c4", "act": "#f6d5d2", "act_text": "#8c1d18", "better_text": "#1e6b3a",
        "stripe": "#eef1f6",
        # chart series in the order charts use them (blue, orange, green, red, purple, grey, teal,
        # ochre), a target line, and the timeline's event icons that are not one of these
        "series_1": "#3f6fb5", "series_2": "#e08a2c", "series_3": "#2e9b5f", "series_4": "#c0392b",
        "series_5": "#8e5bb5", "series_6": "#7f8c8d", "series_7": "#16a085", "series_8": "#b8860b",
        "chart_target": "#b3261e", "event_meeting": "#ad1457", "event_email": "#6d4c41",
        # a met and a missed target's figure (always with a mark, never colour alone)
        "met": "#1b7f3b", "missed": "#b3261e",
    },
    "dark": {
        "window": "#1e2024", "text": "#e4e6ea", "base": "#16181b", "alternate": "#1c1f23",
        "button": "#2a2d33", "highlight": "#3b78e7", "highlighted_text": "#ffffff", "link": "#8ab4ff",
        "mid": "#41464e", "dark": "#0f1013", "light": "#3a3f47", "midlight": "#30343a", "shadow": "#000000",
        "tooltip": "#2a2d33", "placeholder": "#7d838c", "disabled_text": "#6a7079",
        "muted": "#a1a7b0", "border": "#3a3f46", "sidebar": "#191b1f", "sidebar_selected": "#2c3b57",
        "accent": "#5b93f0", "alert": "#ef6c6c", "warning": "#e0b45a", "ok": "#6cc070",
        "banner": "#1f2a3d", "banner_border": "#35507f", "notice": "#3a3220", "notice_border": "#7a6430",
        "column": "#24272c", "side_column": "#33291c", "side_border": "#a8792f",
        "card": "#2c3036", "card_selected": "#2c3b57", "card_border": "#454b54", "card_text": "#e8eaed",
        "chart": "#1c1f23", "chart_text": "#c9ccd1", "chart_grid": "#555a62", "badge": "#d84343",
        "changed": "#4a4121", "act": "#4d2624", "act_text": "#ffb4ab", "better_text": "#8fd8a4",
        "stripe": "#262b32",
        "series_1": "#6f9be0", "series_2": "#f0a35a", "series_3": "#52c487", "series_4": "#e8706a",
        "series_5": "#b48ee0", "series_6": "#a3abb3", "series_7": "#3cc7aa", "series_8": "#e6c14a",
        "chart_target": "#ef6c6c", "event_meeting": "#f06292", "event_email": "#bcaaa4",
        "met": "#8fd8a4", "missed": "#ef6c6c",
    },
}
SERIES = 8  # named chart series: series_1 … series_8

_ROLES = {
    QPalette.ColorRole.Window: "window", QPalette.ColorRole.WindowText: "text",
    QPalette.ColorRole.Base: "base", QPalette.ColorRole.AlternateBase: "alternate",
    QPalette.ColorRole.Text: "text", QPalette.ColorRole.Button: "button",
    QPalette.ColorRole.ButtonText: "text", QPalette.ColorRole.Highlight: "highlight",
    QPalette.ColorRole.HighlightedText: "highlighted_text", QPalette.ColorRole.Link: "link",
    QPalette.ColorRole.LinkVisited: "link", QPalette.ColorRole.Mid: "mid", QPalette.ColorRole.Dark: "dark",
    QPalette.ColorRole.Light: "light", QPalette.ColorRole.Midlight: "midlight",
    QPalette.ColorRole.Shadow: "shadow", QPalette.ColorRole.ToolTipBase: "tooltip",
    QPalette.ColorRole.ToolTipText: "text", QPalette.ColorRole.PlaceholderText: "placeholder",
    QPalette.ColorRole.BrightText: "alert",
}

_current = "light"


def current_theme() -> str:
    """"light" or "dark": the theme in use now."""
    return _current


def colour(name: str) -> QColor:
    """A named colour of the current theme (``alert``, ``muted``, ``card`` …)."""
    return QColor(COLOURS[_current][name])


def series_colour(n: int) -> QColor:
    """The ``n``-th (from 0) chart series' colour of the current theme (they repeat after eight)."""
    return colour(f"series_{n % SERIES + 1}")


def met_colour(met: bool) -> QColor:
    """The figure of a met (green) or missed (red) target on screen; paper uses
    ``metrics.formatting.MET_COLOUR``."""
    return colour("met" if met else "missed")


def colour_name(name: str) -> str:
    """The ``#rrggbb`` of a named colour of the current theme (for style sheets)."""
    return COLOURS[_current][name]


@contextmanager
def paper_colours() -> Iterator[None]:
    """The light theme's colours for what is drawn inside the block, whatever the window's theme:
    a file (a PNG chart, a PDF's charts) is printed or mailed, so it always looks like paper.
    Only code that asks ``colour`` while the block runs sees them (a chart built and grabbed
    in it); the screen's widgets keep the colours they were made with."""
    global _current
    was = _current
    _current = "light"
    try:
        yield
    finally:
        _current = was


def palette(theme: str) -> QPalette:
    """The Fusion palette of ``theme``."""
    colours = COLOURS[theme]
    pal = QPalette()
    for role, name in _ROLES.items():
        pal.setColor(role, QColor(colours[name]))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(colours["disabled_text"]))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor(colours["mid"]))
    return pal


def style_sheet(theme: str, base_pt: float) -> str:
    """``resources/styles/voronka.qss`` with the theme's colours and the type scale filled in."""
    text = resources.files("voronka.resources.styles").joinpath("voronka.qss").read_text("utf-8")
    values = {**COLOURS[theme], "small_pt": f"{base_pt - 1:g}pt", "title_pt": f"{base_pt + 4:g}pt",
              "heading_pt": f"{base_pt + 2:g}pt", "big_pt": f"{base_pt + 10:g}pt"}
    for name in sorted(values, key=len, reverse=True):  # @card_border before @card
        text = text.replace("@" + name, values[name])
    return text


def system_scheme() -> str:
    """What the desktop asks for: "dark" or "light" (unknown counts as light)."""
    app = QGuiApplication.instance()
    if app is None:
        return "light"
    return "dark" if app.styleHints().colorScheme() == Qt.ColorScheme.Dark else "light"


def resolve(choice: str) -> str:
    return choice if choice in ("light", "dark") else system_scheme()


class ThemeManager(QObject):
    """Applies the chosen theme to the application and follows the system's scheme."""

    changed = Signal(str)  # "light" | "dark", after the palette and style sheet are in place

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.app = app
        self.choice = "system"
        self._base_pt = app.font().pointSizeF() if app.font().pointSizeF() > 0 else 10.0
        self._applied = False
        app.styleHints().colorSchemeChanged.connect(self._on_system_scheme)

    def apply(self, choice: str) -> str:
        """Use ``choice`` (system, light or dark) now; returns the theme in use."""
        global _current
        self.choice = choice if choice in CHOICES else "system"
        if self.choice != "system":
            _request_scheme(self.app, self.choice)  # native parts (title bars, dialogs) follow
        else:
            _request_scheme(self.app, None)
        theme = resolve(self.choice)
        was = _current
        _current = theme
        if not self._applied:
            self.app.setStyle("Fusion")  # one look everywhere; the palette and style sheet do the rest
        self.app.setPalette(palette(theme))
        self.app.setStyleSheet(style_sheet(theme, self._base_pt))
        self.app.setProperty("voronkaTheme", theme)
        if theme != was or not self._applied:
            self._applied = True
            self.changed.emit(theme)
        return theme

    def _on_system_scheme(self, _scheme) -> None:
        if self._applied and self.choice == "system" and resolve("system") != _current:
            self.apply("system")


def _request_scheme(app: QApplication, theme: str | None) -> None:
    """Ask the platform for a colour scheme (Qt 6.8+; None: whatever the system says)."""
    hints = app.styleHints()
    if not hasattr(hints, "setColorScheme"):
        return
    wanted = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(theme or "", Qt.ColorScheme.Unknown)
    if hints.colorScheme() != wanted or theme is None:
        hints.blockSignals(True)
        try:
            hints.setColorScheme(wanted)
        finally:
            hints.blockSignals(False)


def theme_manager() -> ThemeManager:
    """The application's theme manager (made on first use)."""
    app = QApplication.instance()
    manager = app.findChild(ThemeManager)
    return manager if manager is not None else ThemeManager(app)


def saved_choice(settings: QSettings) -> str:
    value = settings.value(SETTING, "system")
    return value if value in CHOICES else "system"


def apply_saved_theme(settings: QSettings) -> str:
    """Apply this computer's saved theme (the app calls it at start)."""
    return theme_manager().apply(saved_choice(settings))


def choose_theme(settings: QSettings, choice: str) -> str:
    """Remember ``choice`` on this computer and apply it."""
    settings.setValue(SETTING, choice)
    return theme_manager().apply(choice)


def font_with_size(font: QFont, delta_pt: float) -> QFont:
    """``font`` larger (or smaller) by ``delta_pt`` points: the type scale is base, +2, +4, +10."""
    bigger = QFont(font)
    bigger.setPointSizeF(max(6.0, font.pointSizeF() + delta_pt))
    return bigger
