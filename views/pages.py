"""The sidebar's pages: key, title, and where the page class lives (imported when first shown)."""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # source text; translate with ``title_text``
    module: str
    cls: str
    icon_key: str  # views/icons.py

    def title_text(self) -> str:
        return QCoreApplication.translate("Pages", self.title)

    def icon(self) -> QIcon:
        from .icons import icon

        return icon(self.icon_key)

    def create(self, ctx, parent: QWidget | None = None) -> QWidget:
        page_cls = getattr(importlib.import_module(self.module), self.cls)
        return page_cls(ctx, parent)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("start", QT_TRANSLATE_NOOP("Pages", "Start"), "voronka.views.start.page", "StartPage", "start"),
    PageSpec("board", QT_TRANSLATE_NOOP("Pages", "Board"), "voronka.views.board.page", "BoardPage", "board"),
    PageSpec("deals", QT_TRANSLATE_NOOP("Pages", "Deals"), "voronka.views.tables.deals", "DealsPage", "deals"),
    PageSpec("companies", QT_TRANSLATE_NOOP("Pages", "Companies"), "voronka.views.tables.companies", "CompaniesPage", "companies"),
    PageSpec("contacts", QT_TRANSLATE_NOOP("Pages", "Contacts"), "voronka.views.tables.contacts", "ContactsPage", "contacts"),
    PageSpec("tasks", QT_TRANSLATE_NOOP("Pages", "Tasks"), "voronka.views.tasks.page", "TasksPage", "tasks"),
    PageSpec("reports", QT_TRANSLATE_NOOP("Pages", "Reports"), "voronka.views.reports.page", "ReportsPage", "reports"),
    PageSpec("settings", QT_TRANSLATE_NOOP("Pages", "Settings"), "voronka.views.settings.page", "SettingsPage", "settings"),
)
PAGE_KEYS = tuple(p.key for p in PAGES)


# what the window opens on demand besides pages: a record's card
OPENED_LATER = ("voronka.views.cards.deal_card", "voronka.views.cards.company_card", "voronka.views.cards.contact_card")


def preload_pages() -> None:
    """Import every page's module (and what it draws with: pyqtgraph alone takes ~0.3 s) before
    the window appears, so opening a page for the first time never waits for an import."""
    for module in [spec.module for spec in PAGES] + list(OPENED_LATER):
        importlib.import_module(module)


def page_spec(key: str) -> PageSpec:
    for spec in PAGES:
        if spec.key == key:
            return spec
    raise KeyError(key)


def sidebar_order(saved: list[str] | None, hidden: list[str] | None = None) -> list[str]:
    """The user's sidebar order (unknown keys dropped, new pages appended), minus hidden ones.

    Settings is never hidden, so the user can always get the sidebar back.
    """
    order = [k for k in (saved or []) if k in PAGE_KEYS]
    order += [k for k in PAGE_KEYS if k not in order]
    hidden_set = set(hidden or []) - {"settings"}
    return [k for k in order if k not in hidden_set]
