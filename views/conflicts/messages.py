"""The sentences of a second writer's refusals, in the UI language: a deal someone else
moved, closed or reopened (``DealChanged``), a card edit that clashed (``EditConflict``)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from voronka.models import errors


def who(name: str | None) -> str:
    return name or QCoreApplication.translate("Conflicts", "Someone")


def deal_changed(exc: errors.DealChanged, language: str) -> str:
    change = exc.change
    if change is None:
        return QCoreApplication.translate("Conflicts", "This deal has changed since you looked at it.")
    when = errors.when_text(change.at)
    if change.kind == "stage":
        stage = (change.stage_ru if language == "ru" else change.stage_en) or ""
        return (QCoreApplication.translate("Conflicts", "%1 moved this deal to «%2» at %3.").replace("%1", who(change.user_name))
                .replace("%2", stage).replace("%3", when))
    if change.kind == "won":
        text = QCoreApplication.translate("Conflicts", "%1 marked this deal won at %2.")
    elif change.kind == "lost":
        text = QCoreApplication.translate("Conflicts", "%1 marked this deal lost at %2.")
    elif change.kind == "owner":
        owner = change.owner_name or QCoreApplication.translate("Conflicts", "nobody")
        return (QCoreApplication.translate("Conflicts", "%1 gave this deal to %3 at %2.")
                .replace("%1", who(change.user_name)).replace("%2", when).replace("%3", owner))
    else:
        text = QCoreApplication.translate("Conflicts", "%1 reopened this deal at %2.")
    return text.replace("%1", who(change.user_name)).replace("%2", when)


def edit_conflict(exc: errors.EditConflict, field_label: Callable[[str], str]) -> str:
    fields = ", ".join(field_label(c.field) for c in exc.conflicts)
    if exc.at is None:
        text = QCoreApplication.translate("Conflicts", "%1 changed %2 while you were editing; nothing was saved.")
    else:
        text = QCoreApplication.translate("Conflicts", "%1 changed %2 at %3 while you were editing; nothing was saved.").replace(
            "%3", errors.when_text(exc.at))
    return text.replace("%1", who(exc.user_name)).replace("%2", fields)
