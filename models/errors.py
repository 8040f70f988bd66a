"""Domain errors: each carries a message fit to show a user (English; the views translate by class).

The structured attributes let a view build its own translated sentence.
"""
from __future__ import annotations

from datetime import datetime


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


class DatabaseUnreachable(DatabaseOpenError):
    def __init__(self, location: str, detail: str):
        super().__init__(location, f"Cannot connect to {location}: {detail}")
        self.detail = detail


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
    """An undo or redo refused because someone changed what it would put back since.

    ``what`` says what happened (``moved``, ``won``, ``lost``, ``reopened``, ``owner``,
    ``renewal``, ``field``, ``edited``, ``task``, ``activity``, ``deleted``, ``taken``),
    ``who`` names the person (None: not known), ``at`` is when, ``field`` the field key
    for ``field``, ``record`` the name of the record concerned.
    """

    def __init__(self, what: str, *, record: str = "", who: str | None = None,
                 at: "datetime | None" = None, field: str | None = None):
        when = f" at {at:%Y-%m-%d %H:%M}" if at else ""
        detail = f" {field}" if field else ""
        super().__init__(f"{who or 'Someone'} {what}{detail} «{record}»{when}; that change was kept.")
        self.what = what
        self.record = record
        self.who = who
        self.at = at
        self.field = field


class InvalidValue(VoronkaError):
    """A field value failed validation; ``field`` names it, the message says why."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.reason = message
