"""Settings → Backups (this computer): the daily backup on/off, its folder, the latest backups."""
from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from voronka.models import backup

from ..fitting import WholeTextTip
from ..plain_text import plain_label
from ..shown_paths import home_short
from . import backups


class BackupSettingsBox(QGroupBox):
    def __init__(self, ctx, parent: QWidget | None = None):  # noqa: ANN001 - an AppContext
        super().__init__(self.tr("Backups"), parent)
        self.ctx = ctx
        form = QFormLayout(self)
        self.auto = QCheckBox(self.tr("Back up this database every day (the last %1 are kept)")
                              .replace("%1", str(backup.AUTO_KEEP)), self)
        self.auto.setChecked(backups.auto_backups_on(ctx.settings))
        self.auto.toggled.connect(lambda on: ctx.settings.setValue(backups.AUTO_KEY, bool(on)))
        form.addRow(self.auto)
        self.folder_path = str(backups.backup_folder(ctx.settings))
        self.folder = QLineEdit(home_short(self.folder_path), self)  # "~/…": the path's end shows
        self.folder.setReadOnly(True)
        WholeTextTip(self.folder)  # a long path reads whole on hover
        choose = QPushButton(self.tr("Choose…"), self)
        choose.clicked.connect(self.choose_folder)
        show = QPushButton(self.tr("Open"), self)
        show.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder_path)))
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        row.addWidget(show)
        form.addRow(self.tr("Folder"), row)
        self.latest = plain_label(parent=self)  # names a backup file
        self.latest.setWordWrap(True)
        form.addRow(self.tr("Latest"), self.latest)
        self.reload()

    def set_folder(self, folder: str) -> None:
        self.ctx.settings.setValue(backups.FOLDER_KEY, folder)
        self.folder_path = folder
        self.folder.setText(home_short(folder))
        self.reload()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for backups"), self.folder_path)
        if folder:
            self.set_folder(folder)

    def reload(self) -> None:
        try:
            database = backup.sqlite_path(self.ctx.db.location)
        except backup.NotSqliteDatabase:
            self.auto.setEnabled(False)
            self.latest.setText(self.tr("A server database is backed up on the server (pg_dump)."))
            return
        found = backup.backups_of(database, backups.backup_folder(self.ctx.settings))
        if not found:
            self.latest.setText(self.tr("no backups of this database yet"))
            return
        newest = found[0]
        kind = self.tr("daily") if newest.automatic else self.tr("by hand")
        self.latest.setText(self.tr("%1 (%2), %3 in all").replace("%1", f"{newest.made_at:%d.%m.%Y %H:%M}")
                            .replace("%2", kind).replace("%3", str(len(found))))
