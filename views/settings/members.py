"""Team members: name, role and active, edited in place; a line to add someone.

Nobody is deleted (history points at them): a member who left is made inactive. The
first member added while nobody is chosen on this laptop becomes "me".
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from voronka.models.changes import Changes
from voronka.models.errors import VoronkaError
from voronka.models.queries.team import Member, team_members
from voronka.models.services.team import add_user, member_state, remove_new_user, update_user

from ..app_context import AppContext
from ..errors import show_error
from ..undo import push_checked
from .roles import role_meaning, role_name, roles
from ..theme import colour

Index = QModelIndex | QPersistentModelIndex
NAME, ROLE, ACTIVE = range(3)


class MembersModel(QAbstractTableModel):
    def __init__(self, ctx: AppContext, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        self.owner = parent
        self.editable = True
        self.rows: list[Member] = []
        self.headers = [self.tr("Name"), self.tr("Role"), self.tr("Active")]

    def reload(self, members: list[Member] | None = None) -> None:
        self.beginResetModel()
        self.rows = self.ctx.query(team_members) if members is None else members
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable if index.column() == ACTIVE else Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == NAME:
                me = m.id == self.ctx.user_id and role == Qt.ItemDataRole.DisplayRole
                return m.name + (" " + self.tr("(me)") if me else "")
            if col == ROLE:
                return m.role if role == Qt.ItemDataRole.EditRole else role_name(m.role)
        if role == Qt.ItemDataRole.ToolTipRole and col == ROLE:
            return role_meaning(m.role) or None
        if role == Qt.ItemDataRole.CheckStateRole and col == ACTIVE:
            return Qt.CheckState.Checked if m.active else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and not m.active:
            return colour("muted")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        m = self.rows[index.row()]
        col = index.column()
        if col == ACTIVE and role == Qt.ItemDataRole.CheckStateRole:
            new, old, key = Qt.CheckState(value) == Qt.CheckState.Checked, m.active, "active"
        elif col == NAME and role == Qt.ItemDataRole.EditRole:
            new, old, key = str(value), m.name, "name"
        elif col == ROLE and role == Qt.ItemDataRole.EditRole:
            new, old, key = str(value), m.role, "role"
        else:
            return False
        if new == old:
            return False
        ctx, uid = self.ctx, m.id
        shown = {"name": m.name, "role": m.role, "active": bool(m.active)}
        try:  # refused, naming the member, when someone changed them since they were shown (or since the step)
            push_checked(ctx, self.tr("Edit a team member"), m.name, lambda s: member_state(s, uid),
                         lambda s: update_user(s, uid, **{key: new}), lambda s: update_user(s, uid, **{key: old}),
                         seen=shown, found=Changes(users=True))
        except VoronkaError as exc:
            show_error(self.owner, exc)
            return False
        return True


class RoleDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for value, text in roles():
            combo.addItem(text, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class MembersBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, members: list[Member] | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Team members"))
        self.ctx = ctx
        self.model = MembersModel(ctx, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(ROLE, RoleDelegate(self.table))
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.DoubleClicked | QTableView.EditTrigger.EditKeyPressed
                                   | QTableView.EditTrigger.SelectedClicked)
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText(self.tr("Name of a new member"))
        self.new_name.returnPressed.connect(self.add)
        self.new_role = QComboBox(self)
        for value, text in roles():
            self.new_role.addItem(text, value)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.clicked.connect(self.add)
        row = QHBoxLayout()
        row.addWidget(self.new_name, 1)
        row.addWidget(self.new_role)
        row.addWidget(self.add_button)
        box = QVBoxLayout(self)
        box.addWidget(self.table)
        box.addLayout(row)
        self.reload(members)

    def set_editable(self, editable: bool) -> None:
        self.model.editable = editable
        for widget in (self.new_name, self.new_role, self.add_button):
            widget.setEnabled(editable)

    def reload(self, members: list[Member] | None = None) -> None:
        """Read the members again (``members``: already read) and fit the columns to them."""
        self.model.reload(members)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Columns as wide as their texts: measured from the texts, not by asking every cell's
        size from the view (``resizeColumnsToContents``), which costs more than the page's build."""
        metrics = self.table.fontMetrics()
        model = self.model
        for col, least in ((NAME, 220), (ROLE, 0)):
            texts = [model.headers[col]] + [model.index(r, col).data() or "" for r in range(model.rowCount())]
            self.table.setColumnWidth(col, max(least, max(metrics.horizontalAdvance(t) for t in texts) + 24))

    def add(self) -> int | None:
        name, role, ctx = self.new_name.text().strip(), self.new_role.currentData(), self.ctx
        if not name:
            self.new_name.setFocus()
            return None
        try:
            made: dict[str, int] = {}

            def add(session: Any) -> Changes:
                changes = add_user(session, name=name, role=role)
                made["id"] = changes.created[0]
                return changes

            # the undo removes the member only while nobody has renamed, re-roled or used them since
            changes: Changes = push_checked(ctx, self.tr("Add a team member"), name,
                                            lambda s: member_state(s, made["id"]) if made else None,
                                            add, lambda s: remove_new_user(s, made["id"]), found=Changes(users=True))
        except VoronkaError as exc:
            show_error(self, exc)
            return None
        self.new_name.clear()
        user_id = changes.created[0]
        if ctx.user_id is None:
            ctx.set_user(user_id)  # a new team's first member is the person at this laptop
        return user_id
