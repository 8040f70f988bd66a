"""Item models of the import wizard: the preview of a file, its columns with their targets,
the distinct stage/status values with theirs, and a plain read-only table; plus the combo
delegate that edits a target. Each holds plain rows; nothing reads a file or the database
in ``data()``."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ..plain_text import as_rich_text

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
Choices = Callable[[Index], list[tuple[str, str]]]  # (label, target) for the row's combo


class TableModel(QAbstractTableModel):
    """Read-only rows of text under fixed headers (previews, dry-run tables)."""

    def __init__(self, headers: Sequence[str] = (), rows: Sequence[Sequence[Any]] = (), parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.headers = list(headers)
        self.rows = [list(r) for r in rows]
        self.align_right: set[int] = set()

    def set_rows(self, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        self.beginResetModel()
        self.headers = list(headers)
        self.rows = [list(r) for r in rows]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            row = self.rows[index.row()]
            value = row[index.column()] if index.column() < len(row) else ""
            text = "" if value is None else str(value)
            if role == DISPLAY:
                return text
            # a preview's columns are capped: a long value is elided and reads whole on hover
            return as_rich_text(text) if text else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal and section < len(self.headers):
            return self.headers[section]
        if role == DISPLAY and orientation == Qt.Orientation.Vertical:
            return section + 1
        return None


class TargetTableModel(TableModel):
    """Rows whose last column is a target chosen in a combo (``targets[row]``, shown by ``label``)."""

    def __init__(self, headers: Sequence[str], rows: Sequence[Sequence[Any]], targets: list[str | None],
                 label: Callable[[str | None], str], on_change: Callable[[int, str], None], parent=None,  # noqa: ANN001
                 tooltip: Callable[[str | None], str] | None = None):
        super().__init__(headers, rows, parent)
        self.targets = targets
        self.label = label
        self.tooltip = tooltip  # e.g. what a role's jargon means
        self.on_change = on_change

    @property
    def target_column(self) -> int:
        return len(self.headers) - 1

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if index.isValid() and index.column() == self.target_column:
            target = self.targets[index.row()]
            if role in (DISPLAY, EDIT):
                return self.label(target)
            if role == TARGET_ROLE:
                return target
            if role == Qt.ItemDataRole.ToolTipRole and self.tooltip is not None:
                return self.tooltip(target) or None
            if role == Qt.ItemDataRole.ForegroundRole and target is None:
                from ..theme import colour

                return colour("alert")  # still to choose: readable in either theme
            return None
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.target_column:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        if not index.isValid() or index.column() != self.target_column or role != TARGET_ROLE:
            return False
        self.targets[index.row()] = value
        self.on_change(index.row(), value)
        self.dataChanged.emit(index, index)
        return True

    def set_target(self, row: int, target: str) -> None:
        self.setData(self.index(row, self.target_column), target, TARGET_ROLE)


class TargetDelegate(QStyledItemDelegate):
    """Edits a target column with a combo of ``choices(index)``."""

    def __init__(self, choices: Choices, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for label, target in self.choices(index):
            combo.addItem(label, target)
        combo.setMaxVisibleItems(20)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(TARGET_ROLE))))

    def setModelData(self, editor: QWidget, model, index: Index) -> None:  # noqa: ANN001
        assert isinstance(editor, QComboBox)
        if editor.currentData() != index.data(TARGET_ROLE):
            model.setData(index, editor.currentData(), TARGET_ROLE)
