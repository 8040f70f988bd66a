"""The main window's File menu: import, export everything, new / open / recent database,
back up, restore, quit. The actions live here so the main window stays small."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from ..plain_text import as_rich_text
from . import backups
from .export_all import export_everything_dialog
from .recent import recent_databases
from .switch import switch_database




class FileMenu(QObject):
    """Fills ``window.file_menu``; ``retranslate`` after a language change."""

    def __init__(self, window, quit_action: QAction):  # noqa: ANN001 - a MainWindow
        super().__init__(window)
        self.window = window
        menu: QMenu = window.file_menu
        self.import_action = menu.addAction("", self.open_import)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.vcard_import_action = menu.addAction("", self.import_vcard)
        self.vcard_export_action = menu.addAction("", self.export_vcard)
        self.export_action = menu.addAction("", lambda: export_everything_dialog(window))
        menu.addSeparator()
        self.new_action = menu.addAction("", self.new_database)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.open_action = menu.addAction("", self.open_database)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.recent_menu = menu.addMenu("")
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        menu.addSeparator()
        self.backup_action = menu.addAction("", lambda: backups.back_up_now(window))
        self.restore_action = menu.addAction("", lambda: backups.restore_from_backup(window))
        menu.addSeparator()
        menu.addAction(quit_action)
        self.retranslate()

    def retranslate(self) -> None:
        self.import_action.setText(QCoreApplication.translate("FileMenu", "&Import deals from files…"))
        self.vcard_import_action.setText(QCoreApplication.translate("FileMenu", "Import contacts from &vCard…"))
        self.vcard_export_action.setText(QCoreApplication.translate("FileMenu", "Export contacts to v&Card…"))
        self.export_action.setText(QCoreApplication.translate("FileMenu", "&Export everything…"))
        self.new_action.setText(QCoreApplication.translate("FileMenu", "&New database…"))
        self.open_action.setText(QCoreApplication.translate("FileMenu", "&Open database…"))
        self.recent_menu.setTitle(QCoreApplication.translate("FileMenu", "Open &recent"))
        self.backup_action.setText(QCoreApplication.translate("FileMenu", "&Back up now"))
        self.restore_action.setText(QCoreApplication.translate("FileMenu", "Re&store from a backup…"))
        self.fill_recent()

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        current = self.window.ctx.db.location
        items = [loc for loc in recent_databases(self.window.ctx.settings) if loc != current]
        for location in items:
            self.recent_menu.addAction(location, lambda loc=location: switch_database(self.window, loc))
        self.recent_menu.setEnabled(bool(items))

    # --- actions --------------------------------------------------------------------------
    def open_import(self) -> None:
        from ..importing import open_import_wizard

        open_import_wizard(self.window.ctx, self.window)

    def import_vcard(self) -> None:
        from ..importing.vcard import import_vcard_dialog

        import_vcard_dialog(self.window.ctx, self.window)

    def export_vcard(self) -> None:
        from ..importing.vcard import export_contacts_dialog

        export_contacts_dialog(self.window.ctx, self.window)

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, QCoreApplication.translate("FileMenu", "New Voronka database"), str(Path.home() / "voronka.db"),
                                              QCoreApplication.translate("FileMenu", "Voronka database (*.db)"))
        if not path:
            return
        if Path(path).exists():
            QMessageBox.warning(self.window, QCoreApplication.translate("FileMenu", "New Voronka database"),
                                as_rich_text(QCoreApplication.translate("FileMenu", "%1 already exists. Open it with File → Open database, or choose another name.")
                                .replace("%1", path)))
            return
        switch_database(self.window, path, create=True)

    def open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, QCoreApplication.translate("FileMenu", "Open a Voronka database"), "", QCoreApplication.translate("FileMenu", "Voronka database (*.db *.sqlite);;All files (*)"))
        if path:
            switch_database(self.window, path)
