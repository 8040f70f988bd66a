"""Contacts in and out as vCard: File → Import contacts from vCard (with the duplicate check
shown before anything is written, one undoable step), File → Export contacts to vCard, and
a contact card's own export. The work is ``models.importing.vcard``."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from voronka.models.changes import Changes
from voronka.models.importing import revert_import
from voronka.models.importing.vcard import VCardPlan, all_contact_ids, export_vcards, import_vcards, plan_vcards

from ..errors import show_error
from .labels import duplicate_label


class VCardImportDialog(QDialog):
    """What a vCard file holds and what the import will do with the people already known."""

    def __init__(self, path: Path, plan: VCardPlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import contacts from %1").replace("%1", path.name))
        counts = plan.counts
        summary = QLabel(self.tr("%1 contacts in the file: %2 new, %3 already in the database (same e-mail, or same "
                                 "phone and name), %4 share a phone with another person (imported as new "
                                 "contacts), %5 repeated within the file.")
                         .replace("%1", str(counts.get("cards", 0))).replace("%2", str(counts.get("new", 0)))
                         .replace("%3", str(counts.get("same_person", 0)))
                         .replace("%4", str(counts.get("shared_phone", 0)))
                         .replace("%5", str(counts.get("in_file_duplicates", 0))), self)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        self.found = QComboBox(self)
        for choice in ("merge", "keep_both", "skip"):
            self.found.addItem(duplicate_label(choice), choice)
        known = QListWidget(self)
        for m in plan.matches:
            if m.same_person:
                known.addItem(f"{m.card.name} = {m.existing_name}")
        form = QFormLayout()
        form.addRow(self.tr("A person already in the database"), self.found)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        if known.count():
            layout.addWidget(QLabel(self.tr("Already in the database:"), self))
            layout.addWidget(known, 1)
        layout.addWidget(buttons)
        self.resize(620, 420)

    def choice(self) -> str:
        return self.found.currentData()


def import_vcard_file(ctx, path: Path, found: str = "merge") -> Changes:  # noqa: ANN001 - an AppContext
    """Import ``path`` as one undoable step (undo reverts its import batch)."""
    user_id = ctx.user_id

    def do() -> Changes:
        return ctx.run(import_vcards, path, found=found, user_id=user_id)

    def undo(done: Changes) -> Changes:
        batch_id = getattr(done, "batch_id", 0)
        return ctx.run(revert_import, batch_id, user_id=user_id) if batch_id else Changes()

    text = QCoreApplication.translate("VCard", "Import of %1").replace("%1", path.name)
    return ctx.push_undoable(text, do, undo)


def import_vcard_dialog(ctx, parent: QWidget | None = None, path: Path | None = None) -> Changes | None:  # noqa: ANN001
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("VCard", "Import contacts from vCard"),
                                                str(Path.home()),
                                                QCoreApplication.translate("VCard", "vCard (*.vcf *.vcard);;All files (*)"))
        if not chosen:
            return None
        path = Path(chosen)
    try:
        plan = ctx.query(plan_vcards, path)
    except Exception as exc:  # noqa: BLE001 - shown to the user
        show_error(parent, exc)
        return None
    dialog = VCardImportDialog(path, plan, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    try:
        return import_vcard_file(ctx, path, dialog.choice())
    except Exception as exc:  # noqa: BLE001 - shown to the user
        show_error(parent, exc)
        return None


def write_vcards(ctx, contact_ids: list[int], path: Path) -> int:  # noqa: ANN001
    """Write the contacts to ``path`` (UTF-8 vCard 3.0); returns how many."""
    text = ctx.query(export_vcards, contact_ids)
    path.write_text(text, encoding="utf-8", newline="")
    return text.count("BEGIN:VCARD")


def export_contacts_dialog(ctx, parent: QWidget | None = None, contact_ids: list[int] | None = None,  # noqa: ANN001
                           name: str = "contacts") -> Path | None:
    """Ask where, then write the given contacts (all of them when None) as a .vcf file."""
    ids = contact_ids if contact_ids is not None else ctx.query(all_contact_ids)
    chosen, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("VCard", "Export contacts to vCard"),
                                            str(Path.home() / f"{name}.vcf"),
                                            QCoreApplication.translate("VCard", "vCard (*.vcf)"))
    if not chosen:
        return None
    try:
        write_vcards(ctx, ids, Path(chosen))
    except Exception as exc:  # noqa: BLE001 - shown to the user
        show_error(parent, exc)
        return None
    return Path(chosen)


def export_button_text() -> str:
    """The contact card's button (kept here so its translation lives with the vCard strings)."""
    return QCoreApplication.translate("VCard", "vCard…")


def export_button_tip() -> str:
    return QCoreApplication.translate("VCard", "Save this contact as a vCard file for a phone or a mail program")
