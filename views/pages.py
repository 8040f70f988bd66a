"""The sidebar's pages: key, title, and where the page class lives (imported when first shown)."""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QStyle, QWidget


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # source text; translate with ``title_text``
    module: str
    cls: str
    icon: QStyle.StandardPixmap

    def title_text(self) -> str:
        return QCoreApplication.translate("Pages", self.title)

    def create(self, ctx, parent: QWidget | None = None) -> QWidget:
        page_cls = getattr(importlib.import_module(self.module), self.cls)
        return page_cls(ctx, parent)


SP = QStyle.StandardPixmap
PAGES: tuple[PageSpec, ...] = (
    PageSpec("start", QT_TRANSLATE_NOOP("Pages", "Start"), "voronka.views.start.page", "StartPage", SP.SP_DirHomeIcon),
    PageSpec("board", QT_TRANSLATE_NOOP("Pages", "Board"), "voronka.views.board.page", "BoardPage", SP.SP_FileDialogDetailedView),
    PageSpec("deals", QT_TRANSLATE_NOOP("Pages", "Deals"), "voronka.views.tables.deals", "DealsPage", SP.SP_FileDialogListView),
    PageSpec("companies", QT_TRANSLATE_NOOP("Pages", "Companies"), "voronka.views.tables.companies", "CompaniesPage", SP.SP_DriveNetIcon),
    PageSpec("contacts", QT_TRANSLATE_NOOP("Pages", "Contacts"), "voronka.views.tables.contacts", "ContactsPage", SP.SP_FileDialogContentsView),
    PageSpec("tasks", QT_TRANSLATE_NOOP("Pages", "Tasks"), "voronka.views.tasks.page", "TasksPage", SP.SP_DialogApplyButton),
    PageSpec("reports", QT_TRANSLATE_NOOP("Pages", "Reports"), "voronka.views.reports.page", "ReportsPage", SP.SP_FileDialogInfoView),
    PageSpec("settings", QT_TRANSLATE_NOOP("Pages", "Settings"), "voronka.views.settings.page", "SettingsPage", SP.SP_FileDialogDetailedView),
)
PAGE_KEYS = tuple(p.key for p in PAGES)


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
