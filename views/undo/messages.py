"""The sentences for an undo or redo that was not applied, naming who changed what and when."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from voronka.models import errors
from voronka.models.clock import local_now

from ..dates import format_datetime

CHANGED = {
    "moved": QT_TRANSLATE_NOOP("Undo", "%1 moved «%2»%3."),
    "won": QT_TRANSLATE_NOOP("Undo", "%1 won «%2»%3."),
    "lost": QT_TRANSLATE_NOOP("Undo", "%1 lost «%2»%3."),
    "reopened": QT_TRANSLATE_NOOP("Undo", "%1 reopened «%2»%3."),
    "owner": QT_TRANSLATE_NOOP("Undo", "%1 changed the owner of «%2»%3."),
    "renewal": QT_TRANSLATE_NOOP("Undo", "%1 renewed «%2»%3."),
    "field": QT_TRANSLATE_NOOP("Undo", "%1 changed the field «%4» of «%2»%3."),
    "edited": QT_TRANSLATE_NOOP("Undo", "%1 changed «%2»%3."),
    "task": QT_TRANSLATE_NOOP("Undo", "%1 added a task to «%2»%3."),
    "activity": QT_TRANSLATE_NOOP("Undo", "%1 logged an activity on «%2»%3."),
    "linked": QT_TRANSLATE_NOOP("Undo", "%1 linked a deal or a person to «%2»%3."),
    "deleted": QT_TRANSLATE_NOOP("Undo", "«%2» has been deleted since."),
    "taken": QT_TRANSLATE_NOOP("Undo", "%1 created another record in the place of «%2»%3."),
    "completed": QT_TRANSLATE_NOOP("Undo", "%1 marked the task «%2» done%3."),
    "reopened_task": QT_TRANSLATE_NOOP("Undo", "%1 reopened the task «%2»%3."),
}


def when(at: datetime | None, language: str) -> str:
    """" at 14:05" today, " at 28.11.2026 14:05" another day, "" when not known."""
    if at is None:
        return ""
    shown = at.strftime("%H:%M") if at.date() == local_now().date() else format_datetime(at, language)
    return " " + QCoreApplication.translate("Undo", "at %1").replace("%1", shown)


def changed_since(exc: errors.ChangedSince, language: str, field_label) -> str:
    """"Иван Петров changed the field «Amount» of «Acme» at 14:05." """
    text = QCoreApplication.translate("Undo", CHANGED.get(exc.what, CHANGED["edited"]))
    return (text.replace("%1", exc.who or QCoreApplication.translate("Undo", "Someone")).replace("%2", exc.record)
            .replace("%3", when(exc.at, language))
            .replace("%4", getattr(exc, "field_labels", {}).get(language) or field_label(exc.field or "")))


def not_applied(undo: bool, step: str, reason: str) -> str:
    """"«Move Acme to Qualified» was not undone: <reason> Nothing was changed." """
    frame = QCoreApplication.translate("Undo", "«%1» was not undone: %2 Nothing was changed.") if undo else \
        QCoreApplication.translate("Undo", "«%1» was not redone: %2 Nothing was changed.")
    return frame.replace("%1", step).replace("%2", reason)


def database_busy() -> str:
    return QCoreApplication.translate("Undo", "the database is busy with someone else's change; try again in a moment.")


def unexpected(exc: BaseException) -> str:
    return QCoreApplication.translate("Undo", "an unexpected error (%1); the details are in the log.").replace("%1", type(exc).__name__)
