"""Domain errors: each carries a message fit to show a user (English; the views translate by class).

The structured attributes let a view build its own translated sentence.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


class VoronkaError(Exception):
    """Base of every error a user can cause."""


# --- opening a database -------------------------------------------------------------------
class DatabaseOpenError(VoronkaError):
    """The database cannot be opened; the file was not touched."""

    def __init__(self, location: str, message: str):
        super().__init__(message)
        self.location = location


class NotADatabase(DatabaseOpenError):
    def __init__(self, location: str):
        super().__init__(location, f"{location} is not a Voronka database (not an SQLite file).")


class SchemaTooNew(DatabaseOpenError):
    def __init__(self, location: str, revision: str):
        super().__init__(
            location,
            f"{location} was written by a newer Voronka (schema {revision}); update Voronka to open it.",
        )
        self.revision = revision


class DatabaseLocked(DatabaseOpenError):
    def __init__(self, location: str):
        super().__init__(
            location, f"{location} is locked by another program; close it there and try again."
        )


class FolderNotWritable(DatabaseOpenError):
    def __init__(self, location: str, folder: str):
        super().__init__(
            location, f"Cannot write to the folder {folder}; choose another place for the database."
        )
        self.folder = folder


class DatabaseMissing(DatabaseOpenError):
    """A command that only reads was given a database file that does not exist."""

    def __init__(self, location: str):
        super().__init__(location, f"{location} does not exist; check the path "
                                   "(voronka demo and voronka import create a new database).")


class DatabaseReadOnly(DatabaseOpenError):
    def __init__(self, location: str):
        super().__init__(
            location, f"{location} is read-only; make the file writable or open a copy of it."
        )


class DatabaseCorrupt(DatabaseOpenError):
    def __init__(self, location: str):
        super().__init__(
            location,
            f"{location} is damaged (truncated or corrupt) and cannot be opened; restore it from a backup.",
        )


class UnknownDatabaseUrl(DatabaseOpenError):
    """An URL whose scheme SQLAlchemy does not know, or whose driver is not installed."""

    def __init__(self, location: str, scheme: str):
        super().__init__(
            location,
            f"{location} is not a database Voronka can open: unknown kind {scheme!r} or its driver is "
            "not installed (use a file path or postgresql+psycopg://…).",
        )
        self.scheme = scheme


class BackupFailed(DatabaseOpenError):
    """The copy made before a migration could not be written, so nothing was migrated."""

    def __init__(self, location: str, detail: str):
        super().__init__(location, f"{location} was not updated: its backup could not be written ({detail}).")
        self.detail = detail


class MigrationFailed(DatabaseOpenError):
    """Updating the schema failed; the database was left at its old revision."""

    def __init__(self, location: str, revision: str, detail: str):
        super().__init__(
            location,
            f"Updating {location} to this version of Voronka failed at step {revision} ({detail}); "
            "the database was left as it was.",
        )
        self.revision = revision
        self.detail = detail


class DatabaseUnreachable(DatabaseOpenError):
    def __init__(self, location: str, detail: str):
        super().__init__(location, f"Cannot connect to {location}: {detail}")
        self.detail = detail


class DatabaseBusy(VoronkaError):
    """Another program kept the database locked while a change was being saved; nothing was saved."""

    def __init__(self) -> None:
        super().__init__("The database is busy (another program or user is writing to it); "
                         "nothing was changed, try again in a moment.")


# --- domain rules -------------------------------------------------------------------------
class NotFound(VoronkaError):
    def __init__(self, what: str, key: object):
        super().__init__(f"No {what} {key!r}.")
        self.what = what
        self.key = key


class StageRequirementsMissing(VoronkaError):
    """Entering ``stage_key`` needs ``fields`` filled in first."""

    def __init__(self, deal_id: int, stage_key: str, stage_name: str, fields: list[str],
                 stage_name_ru: str | None = None):
        super().__init__(f"To enter {stage_name!s} fill in: {', '.join(fields)}.")
        self.deal_id = deal_id
        self.stage_key = stage_key
        self.stage_name = stage_name
        self.stage_name_ru = stage_name_ru or stage_name
        self.fields = fields

    def name_in(self, language: str) -> str:
        return self.stage_name_ru if language == "ru" else self.stage_name


class LostReasonRequired(VoronkaError):
    def __init__(self) -> None:
        super().__init__("A lost deal needs a reason.")


class InvalidTransition(VoronkaError):
    """The deal's status does not allow this (e.g. moving a lost deal, winning a won one)."""


class NothingToUndo(VoronkaError):
    """The event is not the deal's latest, or another user made it."""


class ChangedSince(NothingToUndo):
    """An undo or redo refused because someone changed what it would put back since (or an
    action refused because the record is no longer as the screen showed it).

    ``what`` says what happened (``moved``, ``won``, ``lost``, ``reopened``, ``owner``,
    ``renewal``, ``field``, ``edited``, ``task``, ``activity``, ``deleted``, ``taken``,
    ``completed`` and ``reopened_task`` for a task),
    ``who`` names the person (None: not known), ``at`` is when, ``field`` the field key
    for ``field``, ``record`` the name of the record concerned. ``found`` (a ``Changes``, when
    known) is what the refusal proves someone else changed: the screens are told, so none
    keeps showing what it had read before.
    """

    def __init__(self, what: str, *, record: str = "", who: str | None = None,
                 at: "datetime | None" = None, field: str | None = None,
                 field_labels: "dict[str, str] | None" = None, found: Any = None):
        when = f" at {at:%Y-%m-%d %H:%M}" if at else ""
        detail = f" {field}" if field else ""
        super().__init__(f"{who or 'Someone'} {what}{detail} «{record}»{when}; that change was kept.")
        self.what = what
        self.record = record
        self.who = who
        self.at = at
        self.field = field
        self.field_labels = field_labels or {}  # language → the field's label, when known
        self.found = found  # models.changes.Changes | None


class InvalidValue(VoronkaError):
    """A field value failed validation; ``field`` names it, the message says why."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.reason = message


# --- a second writer ----------------------------------------------------------------------
@dataclass(frozen=True)
class DealChange:
    """The latest change of a deal's stage or status, from its event log: who, what, when."""

    kind: str  # an ``EventKind``: stage, won, lost, reopened, owner
    user_name: str | None
    at: datetime
    stage_ru: str | None = None
    stage_en: str | None = None
    owner_name: str | None = None  # the new owner, for an owner change


def when_text(at: datetime, now: datetime | None = None) -> str:
    """14:05 today, else 28.11.2026 14:05."""
    now = now or datetime.now()
    return at.strftime("%H:%M") if at.date() == now.date() else at.strftime("%d.%m.%Y %H:%M")


class DealChanged(InvalidTransition):
    """The deal is no longer as the user saw it (another writer moved, closed or reopened
    it): the action is refused; ``change`` says who did what and when."""

    def __init__(self, deal_id: int, change: DealChange | None):
        who = (change.user_name if change else None) or "Someone"
        if change is None:
            text = "This deal has changed since you looked at it."
        elif change.kind == "stage":
            text = f"{who} moved this deal to {change.stage_en} at {when_text(change.at)}."
        elif change.kind == "won":
            text = f"{who} marked this deal won at {when_text(change.at)}."
        elif change.kind == "lost":
            text = f"{who} marked this deal lost at {when_text(change.at)}."
        elif change.kind == "owner":
            text = f"{who} gave this deal to {change.owner_name or 'nobody'} at {when_text(change.at)}."
        else:
            text = f"{who} reopened this deal at {when_text(change.at)}."
        super().__init__(text)
        self.deal_id = deal_id
        self.change = change


@dataclass(frozen=True)
class FieldConflict:
    """One field two people changed differently: what it was when the card was opened
    (``original``), what is stored now (``theirs``) and what this user typed (``mine``)."""

    field: str
    original: Any
    theirs: Any
    mine: Any


class EditConflict(VoronkaError):
    """A card was saved on a stale version and someone else changed the same fields
    differently meanwhile: nothing was written. ``version`` is the record's version now
    (save the user's choices on it), ``theirs`` every current value of the saved keys."""

    def __init__(self, entity: str, record_id: int, conflicts: list[FieldConflict], version: int,
                 theirs: dict[str, Any], user_name: str | None, at: datetime | None):
        who = user_name or "Someone"
        when = f" at {when_text(at)}" if at else ""
        fields = ", ".join(c.field for c in conflicts)
        super().__init__(f"{who} changed {fields}{when} while you were editing; nothing was saved.")
        self.entity = entity
        self.record_id = record_id
        self.conflicts = conflicts
        self.version = version
        self.theirs = theirs
        self.user_name = user_name
        self.at = at


# --- editing the funnel -------------------------------------------------------------------
class FunnelEditRefused(VoronkaError):
    """A funnel edit that cannot be made; ``reason`` is a code the views translate
    (``empty_name``, ``name_taken``, ``won_stage``, ``side_stage``, ``not_adjacent``,
    ``archived``, ``merged``, ``last_stage``, ``has_history``, ``not_the_stages``,
    ``won_not_last``, ``billing_months``, ``last_pipeline``, ``other_pipeline``), ``names``
    the record's name by language ({"en": …, "ru": …}) when one is concerned."""

    def __init__(self, reason: str, message: str, names: dict[str, str] | None = None):
        super().__init__(message)
        self.reason = reason
        self.names = names or {}


class FunnelChanged(VoronkaError):
    """A funnel edit (or its undo) refused because someone changed the stage, pipeline,
    lost reason or stage order since the screen showed it; nothing was written.
    ``what``: ``stage``, ``pipeline``, ``lost_reason``, ``order``; ``names`` by language."""

    def __init__(self, what: str, names: dict[str, str], who: str | None, at: datetime | None):
        when = f" at {when_text(at)}" if at else ""
        super().__init__(f"{who or 'Someone'} changed the {what.replace('_', ' ')} "
                         f"«{names.get('en', '')}»{when}; nothing was written.")
        self.what = what
        self.names = names
        self.who = who
        self.at = at


class StageArchived(InvalidTransition):
    """A deal cannot enter an archived stage (it keeps its history, takes no new entries)."""

    def __init__(self, name_en: str, name_ru: str):
        super().__init__(f"The stage {name_en} is archived: it takes no new deals.")
        self.names = {"en": name_en, "ru": name_ru}
