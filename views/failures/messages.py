"""Translated sentences for what can go wrong with the database itself (damaged, read-only,
busy, a failed migration…) and for the notices given while opening one."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from voronka.models import errors, notices, retry


def describe_database_error(exc: BaseException) -> str | None:
    """A sentence for a database problem, or None when ``exc`` is not one."""
    if isinstance(exc, errors.DatabaseCorrupt):
        return QCoreApplication.translate("Failures", "%1 is damaged (truncated or corrupt) and cannot be opened; the file was not changed. Restore it from a backup.").replace("%1", exc.location)
    if isinstance(exc, errors.DatabaseReadOnly):
        return QCoreApplication.translate("Failures", "%1 is read-only. Make the file writable or open a copy of it.").replace("%1", exc.location)
    if isinstance(exc, errors.DatabaseMissing):
        return QCoreApplication.translate("Failures", "%1 does not exist.").replace("%1", exc.location)
    if isinstance(exc, errors.UnknownDatabaseUrl):
        return QCoreApplication.translate("Failures", "%1 is not a database Voronka can open: unknown kind «%2» or its driver is not installed.") \
            .replace("%1", exc.location).replace("%2", exc.scheme)
    if isinstance(exc, errors.BackupFailed):
        return QCoreApplication.translate("Failures", "%1 was not updated: its backup could not be written (%2).") \
            .replace("%1", exc.location).replace("%2", exc.detail)
    if isinstance(exc, errors.MigrationFailed):
        return QCoreApplication.translate("Failures", "Updating %1 to this version of Voronka failed at step %2 (%3); the database was left as it was.") \
            .replace("%1", exc.location).replace("%2", exc.revision).replace("%3", exc.detail)
    if isinstance(exc, errors.DatabaseBusy) or retry.is_busy(exc):
        return QCoreApplication.translate("Failures", "The database is busy: another program or user is writing to it. Nothing was changed; try again in a moment.")
    trouble = retry.damage_or_read_only(exc)
    if trouble == "damaged":
        return QCoreApplication.translate("Failures", "The database file is damaged; close Voronka and restore it from a backup.")
    if trouble == "read-only":
        return QCoreApplication.translate("Failures", "The database is read-only; nothing was changed.")
    return None


def describe_notice(notice: notices.Notice) -> str:
    """A sentence for something said while opening a database."""
    if isinstance(notice, notices.NetworkShare):
        return QCoreApplication.translate("Failures", "%1 is on a network share (%2). SQLite cannot lock files reliably there, so two people working at once can damage it. For a team, use the server mode (PostgreSQL).") \
            .replace("%1", notice.location).replace("%2", notice.kind)
    if isinstance(notice, notices.ServerNotBackedUp):
        return QCoreApplication.translate("Failures", "No automatic backup of %1 is made before its schema is updated (%2). To keep one, run: %3") \
            .replace("%1", notice.location).replace("%2", notice.reason or QCoreApplication.translate("Failures", "pg_dump is not installed")) \
            .replace("%3", notice.command)
    if isinstance(notice, notices.ServerBackedUp):
        return QCoreApplication.translate("Failures", "Before updating its schema, %1 was backed up with pg_dump to %2.") \
            .replace("%1", notice.location).replace("%2", notice.path)
    return notice.message
