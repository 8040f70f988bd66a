"""What the running app has done before the user opens a page, done before a page is timed.

The app applies its theme (Fusion, a palette and an application-wide style sheet, which makes
Qt paint every widget through its style-sheet style), the main window imports every page's module (``views.pages.preload_pages``), formats money for
the start tiles (Babel's locale data) and draws the sidebar's icons (qtawesome's fonts) before
anyone opens the board or a table. Those one-time loads (~2 s together on the bench machine) are
the app's start-up, not the page's opening, whichever benchmark happens to run first (--only).
"""
from __future__ import annotations

from decimal import Decimal


def as_in_the_running_app() -> None:
    """Pay the application's one-time loads now, as the main window does at start-up."""
    from voronka.metrics.formatting import money
    from voronka.views.icons import icon
    from voronka.views.pages import preload_pages
    from voronka.views.theme import theme_manager

    theme_manager().apply("light")  # the app's look: its style sheet's cost is the app's cost
    preload_pages()
    money(Decimal(1), "RUB", "ru")
    icon("import")
