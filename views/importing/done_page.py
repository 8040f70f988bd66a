"""Wizard page 7: done. What was imported (undo is Edit → Undo, or Settings → Imports →
Revert), and the mapping saved as a named preset for the next file of the same shape."""
from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWizardPage

from voronka.models.importing import save_preset
from voronka.models.importing.preset import preset_file_name

from .dry_run_page import number
from .history_page import plain_label
from .session import ImportSession, presets_folder


class DonePage(QWizardPage):
    def __init__(self, session: ImportSession, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.session = session
        self.setTitle(self.tr("Imported"))
        self.summary = plain_label(self)
        self.name = QLineEdit(self)
        self.save_button = QPushButton(self.tr("Save the mapping"), self)
        self.save_button.clicked.connect(self.save)
        self.saved = plain_label(self)
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.save_button)
        form = QFormLayout()
        form.addRow(self.tr("Name of the mapping"), row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addSpacing(12)
        hint = plain_label(self)
        hint.setText(self.tr("Save the mapping to import the next file of this shape in a few clicks: "
                             "the wizard offers it again, and «voronka import --map» replays it."))
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.saved)
        layout.addStretch(1)

    def initializePage(self) -> None:
        result = self.session.result
        counts = result.counts if result is not None else {}
        dry = result.dry_run if result is not None else None
        text = self.tr("%1 deals imported: %2 won, %3 lost, %4 open.").replace("%1", number(counts.get("deals", 0)))
        if dry is not None:
            text = text.replace("%2", number(dry.won)).replace("%3", number(dry.lost)).replace("%4", number(dry.open))
        else:
            text = text.replace("%2", "?").replace("%3", "?").replace("%4", "?")
        text += "\n" + self.tr("Changed your mind? Edit → Undo, or Settings → Imports → Revert.")
        self.summary.setText(text)
        self.name.setText(self.session.preset.name or (self.session.tables[0].path.stem if self.session.tables else ""))
        self.saved.setText("")

    def save(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.saved.setText(self.tr("Give the mapping a name first."))
            return
        self.session.preset.name = name
        path = save_preset(self.session.preset, presets_folder() / preset_file_name(name))
        self.session.preset_path = path
        self.saved.setText(self.tr("Saved as %1").replace("%1", str(path)))
