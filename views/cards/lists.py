"""The small tables on cards: a company's people, the deals of a company or contact.

They reuse the record tables' model (plain rows, one query); double-click opens the record.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import QStyle
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from voronka.metrics.formatting import money
from voronka.models.fields.phone import display_phone
from voronka.models.queries.cards import DealLine

from ..app_context import AppContext
from ..tables.record_model import Column, RecordTableModel
from .formatting import contact_type_label, format_datetime


class RecordList(QWidget):
    """A titled table of records with an optional "add" button."""

    def __init__(self, ctx: AppContext, kind: str, title: str, columns: Sequence[Column],
                 add_text: str | None = None, parent: QWidget | None = None,
                 open_id: Callable[[Any], int | None] | None = None, main_column: int | None = None,
                 main_share: float = 0.4, hide_empty: Sequence[int] = ()):
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.main_column = main_column  # the column given the room left (a deal's name), if any
        self.main_share = main_share  # the part of the width the main column keeps when room is short
        self.hide_empty = tuple(hide_empty)  # columns shown only when a row has something in them
        self.open_id = open_id or (lambda row: row.id)  # what double-click opens: the row, or its deal
        self.model = RecordTableModel(columns, self, language=ctx.language)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setStretchLastSection(main_column is None)
        self.table.activated.connect(self._open)  # double-click or Enter
        self.title = QLabel(f"<b>{title}</b>", self)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        self.add_button: QPushButton | None = None
        if add_text:
            self.add_button = QPushButton(add_text, self)
            top.addWidget(self.add_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addWidget(self.table)

    def set_rows(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        for col in self.hide_empty:  # an empty column at the right looked like a stray one
            self.table.setColumnHidden(col, not any(self.model.index(r, col).data() for r in range(len(rows))))
        self.fit_columns()

    def fit_columns(self) -> None:
        """Columns as wide as their text where the list has room, the main column taking what is
        left. Where it has not, the widest column gives way first, down to a floor (the main
        one keeps what it needs or ``main_share`` of the width, the others 60 px), so a short
        e-mail never keeps room a long position needs. Without a main column the last one
        stretches. What is cut is elided, the cell's tooltip says it whole."""
        self.table.resizeColumnsToContents()
        count, room = self.model.columnCount(), self.table.viewport().width()
        if (not self.table.verticalScrollBar().isVisible()
                and self.table.verticalHeader().length() > self.table.viewport().height()):
            room -= self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)  # it is coming
        shown = [col for col in range(count) if not self.table.isColumnHidden(col)]
        main = self.main_column
        if main is not None and main not in shown and shown:
            main = shown[-1]  # the main column is empty and hidden: the last one shown takes the room
        if main is None:
            share = max(90, room // max(1, len(shown)) + 40)
            for col in shown[:-1]:
                self.table.setColumnWidth(col, min(self.table.columnWidth(col), max(share, 140)))
            return
        wanted = {col: self.table.columnWidth(col) for col in shown}
        floor = {col: min(wanted[col], 60) for col in shown}
        floor[main] = min(wanted[main], int(room * self.main_share))
        over = sum(wanted.values()) - room
        while over > 0:  # too narrow: the widest column above its floor gives way first
            giving = [col for col in shown if wanted[col] > floor[col]]
            if not giving:
                break
            top = max(wanted[col] for col in giving)
            widest = [col for col in giving if wanted[col] == top]  # as wide as each other: they give alike
            below = max([wanted[col] for col in giving if wanted[col] < top] + [floor[col] for col in widest])
            step = max(1, min(-(-over // len(widest)), top - below))
            for col in widest:
                cut = min(step, wanted[col] - floor[col], max(0, over))
                wanted[col] -= cut
                over -= cut
        wanted[main] += max(0, -over)  # room to spare: the main column has it
        for col, width in wanted.items():
            self.table.setColumnWidth(col, width)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.main_column is not None and self.model.rowCount():
            self.fit_columns()

    def ids(self) -> set[int]:
        return {row.id for row in self.model.rows}

    def _open(self, index: QModelIndex) -> None:
        record_id = self.open_id(self.model.rows[index.row()]) if index.isValid() else None
        if record_id is not None:
            self.ctx.open_record.emit(self.kind, int(record_id))


def deal_list(ctx: AppContext, parent: QWidget, add_text: str | None = None) -> RecordList:
    status = {"open": QCoreApplication.translate("CardLists", "Open"), "won": QCoreApplication.translate("CardLists", "Won"), "lost": QCoreApplication.translate("CardLists", "Lost")}
    lang = ctx.language

    def stage(row: DealLine) -> str:
        return row.stage_ru if lang == "ru" else row.stage_en

    return RecordList(ctx, "deal", QCoreApplication.translate("CardLists", "Deals"), [
        Column(QCoreApplication.translate("CardLists", "Deal"), lambda r: r.name),
        Column(QCoreApplication.translate("CardLists", "Stage"), stage),
        Column(QCoreApplication.translate("CardLists", "Status"), lambda r: status.get(r.status, r.status)),
        Column(QCoreApplication.translate("CardLists", "Amount"), lambda r: r.amount, align_right=True,
               text=lambda r: "" if r.amount is None else money(r.amount, r.currency, lang)),
    ], add_text, parent, main_column=0)


def people_list(ctx: AppContext, parent: QWidget, add_text: str | None = None) -> RecordList:
    lang = ctx.language
    return RecordList(ctx, "contact", QCoreApplication.translate("CardLists", "People"), [
        Column(QCoreApplication.translate("CardLists", "Name"), lambda r: r.full_name),
        Column(QCoreApplication.translate("CardLists", "Position"), lambda r: r.position),
        Column(QCoreApplication.translate("CardLists", "Type"), lambda r: contact_type_label(r.contact_type, lang)),
        Column(QCoreApplication.translate("CardLists", "E-mail"), lambda r: r.email),
        Column(QCoreApplication.translate("CardLists", "Phone"), lambda r: display_phone(r.phone) if r.phone else None),
    ], add_text, parent, main_column=3, main_share=0.25)  # the e-mail takes the room left, gives way like the rest


def activity_list(ctx: AppContext, parent: QWidget) -> RecordList:
    """Actions with one person; double-click opens the deal they were about."""
    lang = ctx.language
    kinds = {
        "call": QCoreApplication.translate("CardLists", "Call"),
        "email": QCoreApplication.translate("CardLists", "E-mail"),
        "message": QCoreApplication.translate("CardLists", "Message"),
        "meeting": QCoreApplication.translate("CardLists", "Meeting"),
        "note": QCoreApplication.translate("CardLists", "Note"),
    }
    listing = RecordList(ctx, "deal", QCoreApplication.translate("CardLists", "Sales actions with this person"), [
        Column(QCoreApplication.translate("CardLists", "When"), lambda r: format_datetime(r.at, lang)),
        Column(QCoreApplication.translate("CardLists", "Action"), lambda r: kinds.get(r.type, r.type)),
        Column(QCoreApplication.translate("CardLists", "Outcome"), lambda r: r.outcome),
        Column(QCoreApplication.translate("CardLists", "Deal"), lambda r: r.deal),
        Column(QCoreApplication.translate("CardLists", "Who"), lambda r: r.user),
        Column(QCoreApplication.translate("CardLists", "Text"), lambda r: r.text),
    ], None, parent, open_id=lambda row: row.deal_id, main_column=5, main_share=0.25, hide_empty=(5,))
    # the text, when any action has one, takes the room left; else "Who" reaches the right edge
    return listing
