"""Settings → Imports: every import (when, who, files, counts) with Revert, which removes
exactly what that import created — or refuses, saying what people have done since."""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from voronka.models.changes import Changes
from voronka.models.importing import ImportBatchRow, RevertRefused, list_imports, revert_import

from ..errors import show_error
from ..plain_text import as_rich_text
from .item_models import TableModel
from .labels import REVERT_REASONS


def revert_refusal_text(exc: RevertRefused) -> str:
    """The refusal in the UI language: each reason ("3 tasks on its deals") translated when known."""
    lines = []
    for reason in exc.reasons:
        m = re.match(r"^(\d+) (.*)$", reason)
        count, text = (m.group(1), m.group(2)) if m else ("", reason)
        if text in REVERT_REASONS:
            text = QCoreApplication.translate("ImportLabels", REVERT_REASONS[text])
        lines.append(f"• {count} {text}".replace("•  ", "• "))
    return (QCoreApplication.translate("ImportsTab", "This import cannot be reverted: people have worked on what "
                                       "it created since.") + "\n" + "\n".join(lines))


class ImportsTab(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):  # noqa: ANN001 - an AppContext
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[ImportBatchRow] = []
        self.model = TableModel(parent=self)
        self.model.align_right = {3}
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        self.revert_button = QPushButton(self.tr("Revert…"), self)
        self.revert_button.clicked.connect(self.revert_selected)
        self.import_button = QPushButton(self.tr("Import deals from files…"), self)
        self.import_button.clicked.connect(self.open_wizard)
        self.note = QLabel(self.tr("Revert removes exactly what the import created. It refuses once someone has "
                                   "worked on those records (moved or edited a deal, added a task…)."), self)
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.revert_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        ctx.changed.connect(self.on_changed)
        self.reload()

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("ImportsTab", "Imports")

    def on_changed(self, changes: Changes) -> None:
        if changes.deals or changes.users or getattr(changes, "batch_id", None):
            self.reload()

    def reload(self) -> None:
        self.rows = self.ctx.query(list_imports)
        self.model.set_rows(
            [self.tr("When"), self.tr("Who"), self.tr("Files"), self.tr("Deals"), self.tr("What it brought"),
             self.tr("State")],
            [[f"{r.created_at:%d.%m.%Y %H:%M}", r.user or "—", ", ".join(r.files), r.counts.get("deals", 0),
              self.counts_text(r.counts), self.state_text(r)] for r in self.rows])
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.update_buttons()

    def counts_text(self, counts: dict[str, int]) -> str:
        parts = [(counts.get("events", 0), self.tr("stage entries")), (counts.get("companies", 0), self.tr("companies")),
                 (counts.get("contacts", 0), self.tr("contacts")), (counts.get("users", 0), self.tr("new members"))]
        return ", ".join(f"{n} {what}" for n, what in parts if n)

    def state_text(self, row: ImportBatchRow) -> str:
        if row.reverted_at is not None:
            return self.tr("reverted %1").replace("%1", f"{row.reverted_at:%d.%m.%Y %H:%M}")
        return self.tr("in the database")

    def selected(self) -> ImportBatchRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def update_buttons(self) -> None:
        row = self.selected()
        self.revert_button.setEnabled(row is not None and row.reverted_at is None)

    def select_import(self, batch_id: int) -> None:
        for i, r in enumerate(self.rows):
            if r.id == batch_id:
                self.view.selectRow(i)

    def revert_selected(self, ask: bool = True) -> bool:
        row = self.selected()
        if row is None or row.reverted_at is not None:
            return False
        if ask and QMessageBox.question(
                self, self.tr("Revert the import"),
                as_rich_text(self.tr("Remove the %1 deals and everything else the import of %2 created?")
                             .replace("%1", str(row.counts.get("deals", 0))).replace("%2", ", ".join(row.files)))) \
                != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.ctx.run(revert_import, row.id, user_id=self.ctx.user_id)
        except RevertRefused as exc:
            QMessageBox.warning(self, self.tr("Revert the import"), as_rich_text(revert_refusal_text(exc)))
            return False
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return False
        self.reload()
        return True

    def open_wizard(self) -> None:
        from . import open_import_wizard

        open_import_wizard(self.ctx, self.window())
