"""Item models of the funnel editor: pipelines, the stages of one pipeline, the lost reasons.

They hold plain rows (``models/queries/funnel.py``) loaded by one query each; ``data()``
reads only those rows. An edit made in a cell calls ``on_edit(row, values)`` and the model
is reloaded from the funnel change the edit announces. Stages are dragged by their row
(a main stage moves with its side stages); a drop calls ``on_reorder(order)``.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from voronka.models.queries.funnel import FunnelPipelineRow, FunnelReasonRow, FunnelStageRow

from ..errors import field_label
from ..plain_text import as_rich_text
from ..roles import role_name
from ..theme import colour

Index = QModelIndex | QPersistentModelIndex
STAGE_MIME = "application/x-voronka-stage-id"


class PipelinesModel(QAbstractListModel):
    def __init__(self, language: str, parent: Any = None):
        super().__init__(parent)
        self.language = language
        self.rows: list[FunnelPipelineRow] = []

    def set_rows(self, rows: list[FunnelPipelineRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = row.name(self.language)
            if row.kind == "success":
                text += " · " + self.tr("%n-month cycle", "", row.billing_months or 12)
            return text + (" " + self.tr("(archived)") if row.archived else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return as_rich_text(str(self.data(index)))
        if role == Qt.ItemDataRole.ForegroundRole and row.archived:
            return colour("muted")  # archived: greyed in either theme
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


NAME_RU, NAME_EN, ROLE, EXIT, REQUIRED, ROT, HISTORY, STATUS = range(8)
STAGE_EDITABLE = {NAME_RU: "name_ru", NAME_EN: "name_en", EXIT: "exit_criteria", ROT: "rot_days"}


class StagesModel(QAbstractTableModel):
    def __init__(self, language: str, parent: Any = None):
        super().__init__(parent)
        self.language = language
        self.rows: list[FunnelStageRow] = []
        self.editable = False
        self.on_edit: Callable[[FunnelStageRow, dict[str, Any]], object] = lambda row, values: None
        self.on_reorder: Callable[[list[int]], object] = lambda order: None
        self.titles = [self.tr("Stage (Russian)"), self.tr("Stage (English)"), self.tr("Who works it"),
                       self.tr("Exit criteria"), self.tr("Required to enter"), self.tr("Rot days"),
                       self.tr("Open / entered"), self.tr("Status")]
        self.tips = {HISTORY: self.tr("Deals standing in the stage now / entries into it ever")}

    def set_rows(self, rows: list[FunnelStageRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def order(self) -> list[int]:
        return [r.id for r in self.rows]

    def by_id(self, stage_id: int | None) -> FunnelStageRow | None:
        return next((r for r in self.rows if r.id == stage_id), None)

    def row_of_key(self, key: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.key == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.tips.get(section, self.titles[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return flags | Qt.ItemFlag.ItemIsDropEnabled if self.editable else flags
        if self.editable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
            if index.column() in STAGE_EDITABLE:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.EditRole:
            if col == ROT:
                return row.rot_days or 0
            return getattr(row, STAGE_EDITABLE.get(col, ""), None) or ""
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (NAME_RU, NAME_EN, EXIT):
            return as_rich_text(self._display(row, col))
        if role == Qt.ItemDataRole.ForegroundRole and not row.takes_entries:
            return colour("muted")  # archived: greyed in either theme
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _display(self, row: FunnelStageRow, col: int) -> str:
        if col in (NAME_RU, NAME_EN):
            name = row.name_ru if col == NAME_RU else row.name_en
            return ("↳ " if row.side_of_id else "") + name + (" ✔" if row.won else "")
        if col == ROLE:
            return role_name(row.role) if row.role else ""
        if col == EXIT:
            from voronka.models.funnel_texts import stage_text

            return stage_text(row.key, "exit_criteria", row.exit_criteria, self.language) or ""
        if col == REQUIRED:
            return ", ".join(field_label(k) for k in row.required_fields)
        if col == ROT:
            return str(row.rot_days) if row.rot_days else "—"
        if col == HISTORY:
            return f"{row.open_deals} / {row.entries}"
        return self.status_text(row)

    def status_text(self, row: FunnelStageRow) -> str:
        if row.merged_into_id is not None:
            into = self.by_id(row.merged_into_id)
            return self.tr("merged into «%1»").replace("%1", into.name(self.language) if into else "?")
        if row.archived:
            return self.tr("archived")
        if row.won:
            return self.tr("won")
        return ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.editable or index.column() not in STAGE_EDITABLE:
            return False
        row, col = self.rows[index.row()], index.column()
        if col == ROT:
            value = int(value or 0) or None
        if value == getattr(row, STAGE_EDITABLE[col]) or (value == "" and getattr(row, STAGE_EDITABLE[col]) is None):
            return False
        self.on_edit(row, {STAGE_EDITABLE[col]: value})
        return True  # the table reloads from the funnel change the edit announces

    # --- drag and drop: a main stage moves with its side stages ------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [STAGE_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(STAGE_MIME, QByteArray(str(self.rows[rows[0]].id).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(STAGE_MIME) or not self.editable:
            return False
        stage_id = int(bytes(data.data(STAGE_MIME).data()).decode())
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self.rows))
        order = self.moved(stage_id, target)
        if order is None or order == self.order():
            return False
        self.on_reorder(order)
        return False  # nothing for the view to remove: the model reloads from the change

    def block(self, stage_id: int) -> list[int]:
        """The stage and its side stages, in order."""
        return [r.id for r in self.rows if stage_id in (r.id, r.side_of_id)]

    def moved(self, stage_id: int, target_row: int) -> list[int] | None:
        """The order with ``stage_id``'s block put before the row ``target_row`` (past the end: last)."""
        row = self.by_id(stage_id)
        if row is None or row.side_of_id is not None:
            return None
        block = self.block(stage_id)
        before = self.rows[target_row].id if target_row < len(self.rows) else None
        while before is not None and self.by_id(before).side_of_id is not None:  # not inside another's block
            target_row += 1
            before = self.rows[target_row].id if target_row < len(self.rows) else None
        rest = [i for i in self.order() if i not in block]
        at = rest.index(before) if before in rest else len(rest)
        return rest[:at] + block + rest[at:]

    def step(self, stage_id: int, delta: int) -> list[int] | None:
        """The order with the stage's block moved one main stage up (-1) or down (+1)."""
        row = self.by_id(stage_id)
        if row is None or row.side_of_id is not None:
            return None
        mains = [r.id for r in self.rows if r.side_of_id is None]
        i = mains.index(stage_id) + delta
        if not 0 <= i < len(mains):
            return None
        blocks = [self.block(m) for m in mains]
        j = mains.index(stage_id)
        blocks[i], blocks[j] = blocks[j], blocks[i]
        return [s for b in blocks for s in b]


TEXT, TEXT_EN, GROUP, FOLLOW_UP, LOST_DEALS, REASON_STATUS = range(6)
REASON_EDITABLE = {TEXT: "text", TEXT_EN: "text_en", GROUP: "group"}


class ReasonsModel(QAbstractTableModel):
    def __init__(self, language: str, parent: Any = None):
        super().__init__(parent)
        self.language = language
        self.rows: list[FunnelReasonRow] = []
        self.editable = False
        self.on_edit: Callable[[FunnelReasonRow, dict[str, Any]], object] = lambda row, values: None
        self.titles = [self.tr("Reason (Russian)"), self.tr("Reason (English)"), self.tr("Group"),
                       self.tr("Follow-up"), self.tr("Deals lost for it"), self.tr("Status")]

    def set_rows(self, rows: list[FunnelReasonRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def order(self) -> list[int]:
        return [r.id for r in self.rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (Qt.ItemDataRole.DisplayRole,
                                                                  Qt.ItemDataRole.ToolTipRole):
            return self.titles[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() in REASON_EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col in REASON_EDITABLE:
                return getattr(row, REASON_EDITABLE[col]) or ""
            if role == Qt.ItemDataRole.EditRole:
                return None
            if col == FOLLOW_UP:
                return {"reassign": self.tr("hand to another rep"),
                        "reactivate": self.tr("revisit later")}.get(row.follow_up or "", "")
            if col == LOST_DEALS:
                return str(row.lost_deals)
            return "" if row.active else self.tr("archived")
        if role == Qt.ItemDataRole.ToolTipRole and col in REASON_EDITABLE:
            return as_rich_text(getattr(row, REASON_EDITABLE[col]) or "")
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return colour("muted")  # archived: greyed in either theme
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.editable or index.column() not in REASON_EDITABLE:
            return False
        row, key = self.rows[index.row()], REASON_EDITABLE[index.column()]
        if (value or None) == getattr(row, key):
            return False
        self.on_edit(row, {key: value})
        return True
