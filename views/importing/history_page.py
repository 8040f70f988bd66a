"""Wizard page 4: history. Where the stage entries come from (a history file, date columns
per step, or only the current stage), what a first look at them found (backward moves,
history before creation, a current stage that disagrees with the last history row) and
how each inconsistency is settled."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWizardPage

from voronka.models.importing import problems as pk
from voronka.models.importing.fields import STEP_PREFIX

from .session import ImportSession


def plain_label(parent) -> QLabel:  # noqa: ANN001
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class HistoryPage(QWizardPage):
    def __init__(self, session: ImportSession, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.session = session
        self.setTitle(self.tr("History"))
        self.setSubTitle(self.tr("The stage entries that make the reports of past months. Backward moves are "
                                 "kept as they happened."))
        source = QGroupBox(self.tr("Where the history comes from"), self)
        self.source = plain_label(source)
        QVBoxLayout(source).addWidget(self.source)
        found = QGroupBox(self.tr("What the files show"), self)
        self.found = plain_label(found)
        QVBoxLayout(found).addWidget(self.found)
        fixes = QGroupBox(self.tr("Inconsistencies"), self)
        form = QFormLayout(fixes)
        self.before = QComboBox(fixes)
        self.before.addItem(self.tr("Take the deal as created at its first history row"), "move_creation")
        self.before.addItem(self.tr("Drop the history rows before the creation"), "drop_rows")
        self.before.activated.connect(lambda _i: self.set_choice("history_before_creation", self.before.currentData()))
        self.before_label = plain_label(fixes)
        self.before_label.setWordWrap(False)
        form.addRow(self.before_label, self.before)
        self.disagrees = QComboBox(fixes)
        self.disagrees.addItem(self.tr("Enter the current stage after the last history row"), "add_current")
        self.disagrees.addItem(self.tr("Trust the history"), "trust_history")
        self.disagrees.activated.connect(lambda _i: self.set_choice("stage_disagrees", self.disagrees.currentData()))
        self.disagrees_label = plain_label(fixes)
        self.disagrees_label.setWordWrap(False)
        form.addRow(self.disagrees_label, self.disagrees)
        layout = QVBoxLayout(self)
        layout.addWidget(source)
        layout.addWidget(found)
        layout.addWidget(fixes)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.source.setText(self.history_source())
        self.before.setCurrentIndex(max(0, self.before.findData(self.session.preset.history_before_creation)))
        self.disagrees.setCurrentIndex(max(0, self.disagrees.findData(self.session.preset.stage_disagrees)))
        self.found.setText(self.tr("Looking through the files…"))
        self.wizard().need_dry_run(self.show_found)

    def history_source(self) -> str:
        names = self.session.stage_names()
        lines = []
        for table, mapping in zip(self.session.tables, self.session.preset.files):
            if mapping.role == "history":
                lines.append(self.tr("The file %1: one row per stage change (%2 rows).")
                             .replace("%1", table.name).replace("%2", f"{len(table):,}".replace(",", " ")))
            steps = [(h, t[len(STEP_PREFIX):]) for h, t in mapping.columns.items() if t.startswith(STEP_PREFIX)]
            if steps:
                lines.append(self.tr("Date columns of steps in %1: %2.").replace("%1", table.name).replace(
                    "%2", "; ".join(f"«{h}» → {names.get(k, k)}" for h, k in steps)))
        if not lines:
            lines.append(self.tr("No history file and no date columns of steps: each deal enters its current "
                                 "stage when it was created (the reports of past months will show only that)."))
        return "\n".join(lines)

    def show_found(self) -> None:
        dry = self.session.dry
        if dry is None:
            return
        count = lambda kind: sum(1 for p in dry.problems if p.kind == kind)  # noqa: E731
        before, disagree = count(pk.HISTORY_BEFORE_CREATION), count(pk.STAGE_DISAGREES)
        self.found.setText(self.tr("%1 stage entries for %2 deals; %3 backward moves (kept).")
                           .replace("%1", f"{dry.history_entries:,}".replace(",", " "))
                           .replace("%2", f"{dry.deals:,}".replace(",", " "))
                           .replace("%3", f"{dry.backward_moves:,}".replace(",", " ")))
        self.before_label.setText(self.tr("History before the deal was created: %1").replace("%1", str(before)))
        self.disagrees_label.setText(self.tr("Current stage disagrees with the last history row: %1")
                                     .replace("%1", str(disagree)))

    def set_choice(self, name: str, value: str) -> None:
        setattr(self.session.preset, name, value)
        self.session.forget_dry_run()
