"""Wizard page 1: the files. One or several CSV/XLSX files (added or dropped), each shown
with what was detected (encoding, delimiter, header row, rows), what it holds (deals, stage
history, users) and, with several files, the column that joins them; a preview of the
first rows as parsed.

A file is first read quickly (its first rows, for the preview) and then whole, off the UI
thread; Next waits until every file is read whole.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from voronka.models.importing import SourceUnreadable, Table
from voronka.models.importing.sources import read_table

from ..errors import describe
from ..worker import Task, start_task
from .item_models import TableModel
from .labels import role_label
from .session import ImportSession

PREVIEW_ROWS = 50
FILE_FILTER = "Tables (*.csv *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)"


class FilesPage(QWizardPage):
    files_changed = Signal()

    def __init__(self, session: ImportSession, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.session = session
        self.paths: list[Path] = []
        self.quick: dict[Path, Table] = {}  # first rows, for the preview
        self.full: dict[Path, Table] = {}  # whole files
        self.header_rows: dict[Path, int | None] = {}
        self.task: Task | None = None
        self.setTitle(self.tr("Files"))
        self.setSubTitle(self.tr("Choose one or several CSV or Excel files, or drop them here. Several files "
                                 "(deals and their stage history, deals and a list of users) are joined by an id column."))
        self.setAcceptDrops(True)
        self.file_list = QListWidget(self)
        self.file_list.setMaximumHeight(90)
        self.file_list.currentRowChanged.connect(lambda _r: self.show_current())
        add = QPushButton(self.tr("Add files…"), self)
        add.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.file_list, 1)
        top.addLayout(buttons)
        self.detected = QLabel(self)
        self.detected.setTextFormat(Qt.TextFormat.PlainText)
        self.detected.setWordWrap(True)
        self.role = QComboBox(self)
        for role in ("deals", "history", "users"):
            self.role.addItem(role_label(role), role)
        self.role.activated.connect(self.set_role)
        self.header_row = QSpinBox(self)
        self.header_row.setRange(1, 30)
        self.header_row.editingFinished.connect(self.set_header_row)
        self.join = QComboBox(self)
        self.join.activated.connect(self.set_join)
        form = QFormLayout()
        form.addRow(self.tr("Detected"), self.detected)
        row = QHBoxLayout()
        row.addWidget(self.role, 1)
        row.addWidget(QLabel(self.tr("Headers in row"), self))
        row.addWidget(self.header_row)
        form.addRow(self.tr("This file holds"), row)
        self.join_label = QLabel(self.tr("Joined by the column"), self)
        form.addRow(self.join_label, self.join)
        self.preview_model = TableModel(parent=self)
        self.preview = QTableView(self)
        self.preview.setModel(self.preview_model)
        self.preview.verticalHeader().setDefaultSectionSize(22)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        self.show_current()

    # --- adding and removing files ---------------------------------------------------------
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Files to import"), str(Path.home()),
                                                self.tr("Tables (*.csv *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)"))
        self.add_files([Path(p) for p in paths])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_files([Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()

    def add_files(self, paths: list[Path]) -> None:
        """Read each new file's first rows now (the preview), and the whole files in the background."""
        errors = []
        for path in paths:
            if path in self.paths:
                continue
            try:
                table = read_table(path, limit=PREVIEW_ROWS)
            except SourceUnreadable as exc:
                errors.append(describe(exc))
                continue
            self.paths.append(path)
            self.quick[path] = table
            self.header_rows[path] = None
        self.refresh_list()
        self.file_list.setCurrentRow(self.file_list.count() - 1)
        self.status.setText("\n".join(errors))
        self.read_whole()

    def remove_current(self) -> None:
        row = self.file_list.currentRow()
        if row < 0:
            return
        path = self.paths.pop(row)
        for store in (self.quick, self.full, self.header_rows):
            store.pop(path, None)
        self.refresh_list()
        self.changed()

    def refresh_list(self) -> None:
        current = self.file_list.currentRow()
        self.file_list.blockSignals(True)
        self.file_list.clear()
        for i, path in enumerate(self.paths):
            role = self.role_of(i)
            self.file_list.addItem(f"{path.name} — {role_label(role)}" if role else path.name)
        self.file_list.setCurrentRow(min(max(current, 0), len(self.paths) - 1))
        self.file_list.blockSignals(False)
        self.show_current()

    # --- reading whole files off the UI thread ---------------------------------------------
    def read_whole(self) -> None:
        missing = [p for p in self.paths if p not in self.full]
        if not missing or (self.task is not None and self.task.running):
            self.changed()
            return
        header_rows = dict(self.header_rows)
        quick = dict(self.quick)

        def work(progress):  # noqa: ANN001
            out = {}
            for n, path in enumerate(missing):
                progress(n, len(missing), path.name)
                q = quick[path]
                out[path] = read_table(path, encoding=q.encoding, delimiter=q.delimiter, sheet=q.sheet,
                                       header_row=header_rows.get(path))
            return out

        def done(tables: dict[Path, Table]) -> None:
            for path, table in tables.items():
                if path in self.paths:
                    self.full[path] = table
            self.read_whole()

        def failed(exc: BaseException) -> None:
            self.status.setText(describe(exc))
            self.changed()

        self.status.setText(self.tr("Reading the files…"))
        self.task = start_task(self, work, on_done=done, on_error=failed, title=self.tr("Reading the files…"),
                               delay_ms=800)
        self.changed()

    def reading(self) -> bool:
        return any(p not in self.full for p in self.paths)

    def changed(self) -> None:
        """Every file read whole: the wizard suggests a mapping for them (``files_changed``)."""
        if not self.reading():
            self.status.setText("")
            self.session.tables = [self.full[p] for p in self.paths]
            self.files_changed.emit()
            self.refresh_list()
        self.completeChanged.emit()
        self.show_current()

    def role_of(self, index: int) -> str | None:
        ready = not self.reading() and len(self.session.preset.files) == len(self.paths)
        return self.session.mapping(index).role if ready else None

    # --- the current file --------------------------------------------------------------------
    def current_path(self) -> Path | None:
        row = self.file_list.currentRow()
        return self.paths[row] if 0 <= row < len(self.paths) else None

    def current_table(self) -> Table | None:
        path = self.current_path()
        return None if path is None else self.full.get(path) or self.quick.get(path)

    def show_current(self) -> None:
        path, table = self.current_path(), self.current_table()
        row = self.file_list.currentRow()
        role = self.role_of(row) if table is not None else None
        for w in (self.header_row, self.remove_button):
            w.setEnabled(table is not None)
        self.role.setEnabled(role is not None)
        self.join.setEnabled(role is not None)
        several = len(self.paths) > 1
        self.join.setVisible(several)
        self.join_label.setVisible(several)
        if table is None:
            self.detected.setText(self.tr("No file yet."))
            self.preview_model.set_rows([], [])
            return
        self.detected.setText(self.describe(table, path in self.full))
        self.role.setCurrentIndex(self.role.findData(role))
        self.header_row.blockSignals(True)
        self.header_row.setValue(table.header_row + 1)
        self.header_row.blockSignals(False)
        self.join.clear()
        self.join.addItem(self.tr("— none —"), None)
        for header in table.headers:
            self.join.addItem(header, header)
        if role is not None:
            self.join.setCurrentIndex(max(0, self.join.findData(self.session.join_column(row))))
        self.preview_model.set_rows(table.headers, table.preview(PREVIEW_ROWS))
        self.preview.resizeColumnsToContents()
        for col in range(self.preview_model.columnCount()):
            self.preview.setColumnWidth(col, min(self.preview.columnWidth(col), 260))

    def describe(self, table: Table, whole: bool) -> str:
        parts = []
        if table.kind == "csv":
            parts.append(self.tr("CSV, encoding %1").replace("%1", encoding_name(table.encoding)))
            parts.append(self.tr("delimiter %1").replace("%1", delimiter_name(table.delimiter)))
        else:
            parts.append(self.tr("Excel, sheet «%1»").replace("%1", table.sheet or ""))
        parts.append(self.tr("headers in row %1").replace("%1", str(table.header_row + 1)))
        if whole:
            parts.append(self.tr("%1 rows").replace("%1", f"{len(table):,}".replace(",", " ")))
        else:
            parts.append(self.tr("reading…"))
        return " · ".join(parts)

    # --- choices for the current file --------------------------------------------------------
    def set_role(self) -> None:
        """Another role for the current file: its columns are guessed again for that role."""
        from voronka.models.importing.guess import guess_columns

        row = self.file_list.currentRow()
        if self.role_of(row) is None:
            return
        mapping = self.session.mapping(row)
        mapping.role = self.role.currentData()
        stage_keys = list(self.session.stage_names())
        mapping.columns = guess_columns(self.session.tables[row], mapping.role, stage_keys)
        self.session.forget_dry_run()
        self.refresh_list()
        self.file_list.setCurrentRow(row)
        self.completeChanged.emit()

    def set_header_row(self) -> None:
        path, table = self.current_path(), self.current_table()
        if path is None or table is None or self.header_row.value() - 1 == table.header_row:
            return
        self.header_rows[path] = self.header_row.value() - 1
        try:
            self.quick[path] = read_table(path, encoding=table.encoding, delimiter=table.delimiter, sheet=table.sheet,
                                          header_row=self.header_rows[path], limit=PREVIEW_ROWS)
        except SourceUnreadable as exc:
            self.status.setText(describe(exc))
            return
        self.full.pop(path, None)
        self.read_whole()

    def set_join(self) -> None:
        row = self.file_list.currentRow()
        if self.role_of(row) is not None:
            self.session.set_join_column(row, self.join.currentData())
            self.session.forget_dry_run()

    # --- QWizardPage ---------------------------------------------------------------------------
    def isComplete(self) -> bool:
        roles = [self.role_of(i) for i in range(len(self.paths))]
        return bool(self.paths) and not self.reading() and roles.count("deals") == 1


def encoding_name(encoding: str | None) -> str:
    names = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "utf_8": "UTF-8", "cp1251": "Windows-1251",
             "windows-1251": "Windows-1251", "koi8_r": "KOI8-R", "koi8-r": "KOI8-R"}
    return names.get((encoding or "").lower(), encoding or "?")


def delimiter_name(delimiter: str | None) -> str:
    return {",": "«,»", ";": "«;»", "\t": "Tab", "|": "«|»"}.get(delimiter or "", repr(delimiter))
