"""The deals behind a number: a sortable list; double-click opens the deal's card."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from voronka.models.queries.tables import deal_rows

from ..app_context import AppContext
from ..tables.record_model import ID_ROLE, Column, RecordFilterProxy, RecordTableModel
from .tab import report_table_view


class DrilldownDialog(QDialog):
    def __init__(self, ctx: AppContext, title: str, deal_ids: list[int], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.model = RecordTableModel(self._columns(), self, language=self.ctx.language)
        self.model.set_rows(ctx.query(deal_rows, None, deal_ids))
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = report_table_view(self)
        self.table.setModel(self.proxy)
        self.table.doubleClicked.connect(self._open)
        self.table.resizeColumnsToContents()
        summary = QLabel(self.tr("%1 deals. Double-click a deal to open its card.").replace("%1", str(len(deal_ids))), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(980, 560)

    def _columns(self) -> list[Column]:
        lang = self.ctx.language
        status = {"open": self.tr("Open"), "won": self.tr("Won"), "lost": self.tr("Lost")}
        return [
            Column(self.tr("Deal"), lambda r: r.name),
            Column(self.tr("Company"), lambda r: r.company),
            Column(self.tr("Stage now"), lambda r: r.stage_ru if lang == "ru" else r.stage_en),
            Column(self.tr("Status"), lambda r: status.get(r.status, r.status)),
            Column(self.tr("Amount"), lambda r: r.amount, align_right=True),
            Column(self.tr("Owner"), lambda r: r.owner),
            Column(self.tr("Source"), lambda r: r.source),
            Column(self.tr("Created"), lambda r: r.created_at),
            Column(self.tr("Closed"), lambda r: r.closed_at),
        ]

    def deal_ids(self) -> list[int]:
        return [row.id for row in self.model.rows]

    def _open(self, index: QModelIndex) -> None:
        deal_id = index.data(ID_ROLE)
        if deal_id is not None:
            self.ctx.open_record.emit("deal", int(deal_id))

