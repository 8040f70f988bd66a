"""Dialogs of the application shell: first run, and a database that cannot be opened."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from voronka.views.errors import describe


def ask_first_run(parent: QWidget | None = None) -> str | None:
    """Ask how to start: ``"demo"``, ``"empty"``, ``"import"`` (an empty funnel, then the import
    wizard) or None (quit)."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Welcome to Voronka"))
    box.setText(QCoreApplication.translate("Dialogs", "Voronka keeps your sales funnel and computes its metrics on this computer."))
    box.setInformativeText(QCoreApplication.translate("Dialogs", "Start with a demo team to look around, or with an empty funnel for your own team."))
    demo = box.addButton(QCoreApplication.translate("Dialogs", "Demo data"), QMessageBox.ButtonRole.AcceptRole)
    empty = box.addButton(QCoreApplication.translate("Dialogs", "Empty funnel"), QMessageBox.ButtonRole.AcceptRole)
    imported = box.addButton(QCoreApplication.translate("Dialogs", "Import from files…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is demo:
        return "demo"
    if box.clickedButton() is empty:
        return "empty"
    if box.clickedButton() is imported:
        return "import"
    return None


def ask_after_open_error(exc: BaseException, parent: QWidget | None = None) -> str | None:
    """Say why the database cannot be opened; return a path to try instead, or None to quit."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Cannot open the database"))
    box.setTextFormat(Qt.TextFormat.PlainText)  # the message can quote a file name
    box.setText(describe(exc))
    box.setInformativeText(QCoreApplication.translate("Dialogs", "The file was not changed."))
    other = box.addButton(QCoreApplication.translate("Dialogs", "Open another…"), QMessageBox.ButtonRole.AcceptRole)
    new = box.addButton(QCoreApplication.translate("Dialogs", "Create a new one…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is other:
        path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("Dialogs", "Open a Voronka database"), "",
                                              QCoreApplication.translate("Dialogs", "Voronka database (*.db *.sqlite);;All files (*)"))
        return path or None
    if box.clickedButton() is new:
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("Dialogs", "New Voronka database"), "voronka.db",
                                              QCoreApplication.translate("Dialogs", "Voronka database (*.db)"))
        return path or None
    return None


def show_notice(notice: object, parent: QWidget | None = None) -> None:
    """Tell the user something found while opening the database (``models.notices``)."""
    from PySide6.QtCore import Qt

    from voronka.views.failures.messages import describe_notice

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Voronka"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(describe_notice(notice))
    box.exec()
