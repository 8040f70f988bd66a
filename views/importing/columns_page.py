"""Wizard page 2: each column of each file → a Voronka field (guessed, fixed in a combo)."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from voronka.models.importing.fields import CUSTOM_PREFIX, Field
from voronka.models.importing.sources import cell_text

from .item_models import TargetDelegate, TargetTableModel
from .labels import field_label, role_label
from .session import ImportSession
from ..style_roles import set_role

EXAMPLES = 3


def examples(values: list, n: int = EXAMPLES) -> str:
    """The first ``n`` distinct non-empty values of a column, for the eye."""
    seen: list[str] = []
    for v in values:
        text = cell_text(v).replace("\n", " ")
        if text and text not in seen:
            seen.append(text[:40])
            if len(seen) == n:
                break
    return " · ".join(seen)


class ColumnsPage(QWizardPage):
    start_afresh = Signal()

    def __init__(self, session: ImportSession, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.session = session
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("What each column holds. The guesses come from the headers and the values; "
                                 "fix any that are wrong. Columns left at «skip» are not imported."))
        self.preset_note = QLabel(self)
        self.preset_note.setTextFormat(Qt.TextFormat.PlainText)
        self.preset_note.setWordWrap(True)
        self.afresh = QPushButton(self.tr("Guess afresh"), self)
        self.afresh.clicked.connect(self.start_afresh.emit)
        note_row = QHBoxLayout()
        note_row.addWidget(self.preset_note, 1)
        note_row.addWidget(self.afresh)
        self.file_combo = QComboBox(self)
        self.file_combo.currentIndexChanged.connect(lambda _i: self.show_file())
        file_row = QHBoxLayout()
        self.file_label = QLabel(self.tr("File"), self)
        file_row.addWidget(self.file_label)
        file_row.addWidget(self.file_combo, 1)
        self.view = QTableView(self)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.setItemDelegateForColumn(2, TargetDelegate(self.choices, self.view))
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.missing = QLabel(self)
        self.missing.setTextFormat(Qt.TextFormat.PlainText)
        self.missing.setWordWrap(True)
        set_role(self.missing, "error")
        layout = QVBoxLayout(self)
        layout.addLayout(note_row)
        layout.addLayout(file_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.missing)
        self.model: TargetTableModel | None = None

    def initializePage(self) -> None:
        self.file_combo.blockSignals(True)
        self.file_combo.clear()
        for i, table in enumerate(self.session.tables):
            self.file_combo.addItem(f"{table.name} — {role_label(self.session.mapping(i).role)}", i)
        self.file_combo.blockSignals(False)
        several = len(self.session.tables) > 1
        self.file_combo.setVisible(several)
        self.file_label.setVisible(several)
        if self.session.preset_path is not None:
            self.preset_note.setText(self.tr("The mapping «%1» saved for files of this shape is applied.")
                                     .replace("%1", self.session.preset.name or self.session.preset_path.stem))
        else:
            self.preset_note.setText(self.tr("No saved mapping fits these files: the columns are guessed."))
        self.afresh.setVisible(self.session.preset_path is not None)
        self.show_file()

    def file_index(self) -> int:
        return max(0, self.file_combo.currentIndex())

    def show_file(self) -> None:
        if not self.session.tables:
            return
        i = self.file_index()
        table, mapping = self.session.tables[i], self.session.mapping(i)
        rows = [[header, examples(table.column(header))] for header in table.headers]
        targets = [mapping.columns.get(h, Field.SKIP.value) for h in table.headers]
        names = self.session.stage_names()

        def changed(row: int, target: str) -> None:
            mapping.columns[table.headers[row]] = target
            self.session.forget_dry_run()
            self.update_missing()

        self.model = TargetTableModel([self.tr("Column"), self.tr("Examples"), self.tr("Voronka field")], rows,
                                      targets, lambda t: field_label(t or "skip", names), changed, self)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.view.setColumnWidth(0, 260)
        self.view.setColumnWidth(2, 300)
        self.update_missing()

    def choices(self, index: QModelIndex) -> list[tuple[str, str]]:
        i = self.file_index()
        names = self.session.stage_names()
        out = [(field_label(t, names), t) for t in self.session.targets_for(i)]
        if self.session.mapping(i).role == "deals":
            header = self.session.tables[i].headers[index.row()]
            custom = self.session.custom_target(header)
            out.append((self.tr("Card field «%1» (new if missing)").replace("%1", header), custom))
            current = self.session.mapping(i).columns.get(header, "")
            if current.startswith(CUSTOM_PREFIX) and current != custom:
                out.append((field_label(current, names), current))
        return out

    def update_missing(self) -> None:
        """Say what a deals file still lacks (a name or a company, a stage or status)."""
        lacks = []
        for i, table in enumerate(self.session.tables):
            mapping = self.session.mapping(i)
            if mapping.role != "deals":
                continue
            targets = set(mapping.columns.values())
            if not targets & {"deal_name", "company"}:
                lacks.append(self.tr("%1: no column holds the deal name or the company").replace("%1", table.name))
            if not targets & {"stage", "status"} and not any(t.startswith("step:") for t in targets):
                lacks.append(self.tr("%1: no column holds the stage or the status; every deal would be "
                                     "open at the first stage").replace("%1", table.name))
        self.missing.setText("\n".join(lacks))
