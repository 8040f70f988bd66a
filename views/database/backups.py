"""Back up now, restore from a backup, and the automatic daily backups, in the app.

Where backups go and whether the daily one runs are this computer's settings
(QSettings ``backups/folder``, ``backups/auto``); the copying itself is ``models.backup``.
Every copy runs off the UI thread with progress; a restore saves the current content first
and then reopens the database in a fresh window, so no screen shows the replaced data.
"""
from __future__ import annotations

import logging
from pathlib import Path

from platformdirs import user_data_path
from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from voronka.models import backup
from voronka.models.db import open_database

from ..errors import show_error
from ..plain_text import as_rich_text
from ..worker import Task, start_task

log = logging.getLogger(__name__)
FOLDER_KEY = "backups/folder"
AUTO_KEY = "backups/auto"
CHECK_EVERY_MS = 60 * 60 * 1000



def default_backup_folder() -> Path:
    return user_data_path("Voronka", appauthor=False) / "backups"


def backup_folder(settings: QSettings) -> Path:
    value = settings.value(FOLDER_KEY)
    return Path(value) if value else default_backup_folder()


def auto_backups_on(settings: QSettings) -> bool:
    value = settings.value(AUTO_KEY, True)
    return value not in (False, "false", "0", 0)


def back_up_now(window, on_done=None) -> Task | None:  # noqa: ANN001 - a MainWindow
    """Write a backup of the open database into the backup folder (in the background)."""
    ctx = window.ctx
    try:
        source = backup.sqlite_path(ctx.db.location)
    except backup.BackupError as exc:
        show_error(window, exc)
        return None
    target = backup_folder(ctx.settings) / backup.backup_name(source)

    def work(progress):  # noqa: ANN001
        return backup.write_backup(source, target, lambda done, total: progress(done, total, ""))

    def done(made: Path) -> None:
        window.statusBar().showMessage(QCoreApplication.translate("Backups", "Backup written: %1").replace("%1", str(made)), 10000)
        if on_done is not None:
            on_done(made)

    return start_task(window, work, on_done=done, on_error=lambda exc: show_error(window, exc),
                      title=QCoreApplication.translate("Backups", "Backing up the database…"))


def choose_backup(window) -> Path | None:  # noqa: ANN001
    path, _ = QFileDialog.getOpenFileName(window, QCoreApplication.translate("Backups", "Restore from a backup"), str(backup_folder(window.ctx.settings)),
                                          QCoreApplication.translate("Backups", "Voronka database (*.db *.sqlite);;All files (*)"))
    return Path(path) if path else None


def confirm_restore(window, source: Path) -> bool:  # noqa: ANN001
    answer = QMessageBox.question(
        window, QCoreApplication.translate("Backups", "Restore from a backup"),
        as_rich_text(QCoreApplication.translate("Backups", "Replace everything in %1 with the content of the backup %2?\n\n"
           "What the database holds now is kept beside it.")
        .replace("%1", window.ctx.db.location).replace("%2", source.name)))  # file names are shown as typed
    return answer == QMessageBox.StandardButton.Yes


def restore_from_backup(window, source: Path | None = None, *, ask: bool = True,  # noqa: ANN001
                        on_done=None) -> Task | None:
    """Put a backup's content into the open database, then show it in a fresh window."""
    from .switch import open_in_window

    ctx = window.ctx
    try:
        target = backup.sqlite_path(ctx.db.location)
        source = source or (choose_backup(window) if ask else None)
        if source is None:
            return None
        backup.check_backup(source)
    except Exception as exc:  # noqa: BLE001 - shown to the user
        show_error(window, exc)
        return None
    if ask and not confirm_restore(window, source):
        return None
    location, language = ctx.db.location, ctx.language
    from .switch import close_context

    close_context(ctx)

    def work(progress):  # noqa: ANN001
        safety = backup.restore_backup(source, target, progress=lambda done, total: progress(done, total, ""))
        return safety, open_database(location, create=False, language=language)

    def done(result) -> None:  # noqa: ANN001
        safety, db = result
        new = open_in_window(window, db)
        message = QCoreApplication.translate("Backups", "Restored from %1.").replace("%1", source.name)
        if safety is not None:
            message += " " + QCoreApplication.translate("Backups", "The previous content is in %1.").replace("%1", str(safety))
        new.statusBar().showMessage(message, 15000)
        if on_done is not None:
            on_done(new)

    return start_task(window, work, on_done=done, on_error=lambda exc: show_error(window, exc),
                      title=QCoreApplication.translate("Backups", "Restoring the backup…"))


class AutoBackup(QObject):
    """Makes the daily backup of the open database (now if one is due, then checks hourly)."""

    def __init__(self, window, first_check_ms: int = 15000):  # noqa: ANN001
        super().__init__(window)
        self.window = window
        self.task: Task | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        QTimer.singleShot(first_check_ms, self, self.check)

    def check(self) -> None:
        settings = self.window.ctx.settings
        if not auto_backups_on(settings) or (self.task is not None and self.task.running):
            return
        try:
            source = backup.sqlite_path(self.window.ctx.db.location)
        except backup.NotSqliteDatabase:
            return
        folder = backup_folder(settings)

        def done(made: Path | None) -> None:
            if made is not None:
                log.info("Daily backup written: %s", made)
                self.window.statusBar().showMessage(QCoreApplication.translate("Backups", "Daily backup written: %1").replace("%1", str(made)), 8000)

        def failed(exc: BaseException) -> None:
            log.error("The daily backup failed", exc_info=exc)
            self.window.statusBar().showMessage(QCoreApplication.translate("Backups", "The daily backup failed: %1").replace("%1", str(exc)))

        self.task = start_task(self, lambda _p: backup.auto_backup(source, folder), on_done=done,
                               on_error=failed, show_dialog=False)

