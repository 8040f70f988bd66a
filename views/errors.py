"""Turn domain errors into translated sentences and show them; keep the traceback in the log."""
from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from voronka.models import errors, retry
from voronka.models.fields import FieldInvalid, FieldsInvalid

from .plain_text import as_rich_text

log = logging.getLogger(__name__)

FIELD_NAMES = {
    "amount": QT_TRANSLATE_NOOP("Errors", "Amount"),
    "expected_close": QT_TRANSLATE_NOOP("Errors", "Expected close"),
    "company": QT_TRANSLATE_NOOP("Errors", "Company"),
    "source": QT_TRANSLATE_NOOP("Errors", "Source"),
    "segment": QT_TRANSLATE_NOOP("Errors", "Segment"),
    "cohort": QT_TRANSLATE_NOOP("Errors", "Cohort"),
    "contacts": QT_TRANSLATE_NOOP("Errors", "Contacts"),
    "name": QT_TRANSLATE_NOOP("Errors", "Name"),
    "title": QT_TRANSLATE_NOOP("Errors", "Title"),
    "due_at": QT_TRANSLATE_NOOP("Errors", "Due time"),
    "assignee_id": QT_TRANSLATE_NOOP("Errors", "Assignee"),
    "rot_days": QT_TRANSLATE_NOOP("Errors", "Days before a deal is stuck"),
    "probability_override": QT_TRANSLATE_NOOP("Errors", "Win probability"),
    "required_fields": QT_TRANSLATE_NOOP("Errors", "Required fields"),
    "plan": QT_TRANSLATE_NOOP("Errors", "Plan"),
    "year": QT_TRANSLATE_NOOP("Errors", "Year"),
    "month": QT_TRANSLATE_NOOP("Errors", "Month"),
    "currency": QT_TRANSLATE_NOOP("Errors", "Currency"),
    "time_zone": QT_TRANSLATE_NOOP("Errors", "Time zone"),
    "role": QT_TRANSLATE_NOOP("Errors", "Role"),
    "type": QT_TRANSLATE_NOOP("Errors", "Type"),
    "label": QT_TRANSLATE_NOOP("Errors", "Field name"),
    "options": QT_TRANSLATE_NOOP("Errors", "Choices"),
    "blocks": QT_TRANSLATE_NOOP("Errors", "Blocks"),
    "website": QT_TRANSLATE_NOOP("Errors", "Website"),
    "won_copy": QT_TRANSLATE_NOOP("Errors", "Won deal → Client Success"),
    "start.tiles": QT_TRANSLATE_NOOP("Errors", "Start page tiles"),
    "ui.start_page": QT_TRANSLATE_NOOP("Errors", "Start page"),
    "deals": QT_TRANSLATE_NOOP("Errors", "Deals"),
}


def field_label(key: str) -> str:
    """A field's name in the UI language: the errors' own names, else the card catalogue's."""
    if key.startswith("custom:"):
        return key.removeprefix("custom:")
    if key in FIELD_NAMES:
        return QCoreApplication.translate("Errors", FIELD_NAMES[key])
    from voronka.models.fields.catalog import BUILTIN

    for specs in BUILTIN.values():
        for spec in specs:
            if spec.key == key:
                return spec.label(_ui_language)
    return key


_ui_language = "en"


def set_ui_language(language: str) -> None:
    """The language of names that come from data (stage names); set by ``AppContext``."""
    global _ui_language
    _ui_language = language


def describe(exc: BaseException) -> str:
    """A sentence for the user, in the UI language."""
    from voronka.models.importing import RevertRefused

    if isinstance(exc, RevertRefused):
        from .importing.imports_tab import revert_refusal_text

        return revert_refusal_text(exc)
    from voronka.views.undo import StepNotApplied

    from .undo.messages import changed_since, database_busy, not_applied, unexpected

    if isinstance(exc, StepNotApplied):
        cause = exc.cause
        if isinstance(cause, errors.VoronkaError):
            reason = describe(cause)
        elif retry.speaks_of_lock(cause):
            reason = database_busy()
        else:
            reason = unexpected(cause)
        return not_applied(exc.undo, exc.text, reason)
    if isinstance(exc, errors.ChangedSince):
        return changed_since(exc, _ui_language, field_label)
    if isinstance(exc, (errors.FunnelEditRefused, errors.FunnelChanged, errors.StageArchived)):
        from .funnel.messages import funnel_message

        return funnel_message(exc, _ui_language)
    from .failures.messages import describe_database_error

    database_problem = describe_database_error(exc)
    if database_problem is not None:
        return database_problem
    if isinstance(exc, errors.StageRequirementsMissing):
        fields = ", ".join(field_label(f) for f in exc.fields)
        return (QCoreApplication.translate("Errors", "To enter the stage «%1», fill in: %2.")
                .replace("%1", exc.name_in(_ui_language)).replace("%2", fields))
    if isinstance(exc, errors.LostReasonRequired):
        return QCoreApplication.translate("Errors", "A lost deal needs a reason.")
    if isinstance(exc, errors.DealChanged):
        from .conflicts.messages import deal_changed

        return deal_changed(exc, _ui_language)
    if isinstance(exc, errors.EditConflict):
        from .conflicts.messages import edit_conflict

        return edit_conflict(exc, field_label)
    if isinstance(exc, errors.NothingToUndo):
        return QCoreApplication.translate("Errors", "That change can no longer be undone: the deal has changed since.")
    if isinstance(exc, errors.InvalidTransition):
        return QCoreApplication.translate("Errors", "This is not possible for a closed deal; reopen it first.")
    if isinstance(exc, errors.NotADatabase):
        return QCoreApplication.translate("Errors", "%1 is not a Voronka database. Choose another file or create a new database.").replace("%1", exc.location)
    if isinstance(exc, errors.SchemaTooNew):
        return QCoreApplication.translate("Errors", "%1 was saved by a newer version of Voronka. Update Voronka to open it; the file was not changed.").replace("%1", exc.location)
    if isinstance(exc, errors.DatabaseLocked):
        return QCoreApplication.translate("Errors", "%1 is locked by another program. Close Voronka or the other program there, then try again.").replace("%1", exc.location)
    if isinstance(exc, errors.FolderNotWritable):
        return QCoreApplication.translate("Errors", "Cannot write to the folder %1. Choose a folder you can write to.").replace("%1", exc.folder)
    if isinstance(exc, errors.DatabaseUnreachable):
        return QCoreApplication.translate("Errors", "Cannot connect to the database %1: %2").replace("%1", exc.location).replace("%2", exc.detail)
    from .domain_messages import not_found, reason

    if isinstance(exc, FieldsInvalid):
        from .field_reasons import reason_text

        return " ".join(f"{field_label(p.field)}: {reason_text(p)}" for p in exc.problems)
    if isinstance(exc, FieldInvalid):
        from .field_reasons import reason_text

        return f"{field_label(exc.field)}: {reason_text(exc)}"
    if isinstance(exc, errors.InvalidValue):
        return f"{field_label(exc.field)}: {reason(exc.reason)}"
    if isinstance(exc, errors.NotFound):
        return not_found(exc.what, exc.key)
    return reason(str(exc))


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Show an error to the user; unexpected ones are logged with their traceback too."""
    cause = getattr(exc, "cause", exc)
    if not isinstance(cause, errors.VoronkaError):
        log.error("Unexpected error", exc_info=cause)
    QMessageBox.warning(parent, title or QCoreApplication.translate("Errors", "Voronka"), as_rich_text(describe(exc)))
