"""Revenue plans of a year: the team and each member, the annual plan and the twelve months.

Two tables side by side, so a team of any size fits a 1,280-px screen without scrolling
sideways (a column per person did not, from ten people on): on the left a row per person
(the whole team first) with the annual plan and the sum of the monthly plans, on the right
the twelve months of the person picked on the left. The head of sales goes down the list,
types each one's year, then their months. Cells are edited in place (empty or 0 removes
the plan); every edit is one undoable service call. "Months total" adds the monthly plans
and turns orange when they do not add up to the annual plan — the metrics read both, so the
head of sales should see the mismatch.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHeaderView, QHBoxLayout, QLabel, QSpinBox, QTableView,
                               QVBoxLayout, QWidget)

from voronka.metrics.formatting import currency_sign
from voronka.models.changes import Changes
from voronka.models.errors import VoronkaError
from voronka.models.fields import FieldInvalid, FieldSpec, normalise
from voronka.models.money import from_minor
from voronka.models.queries.team import plans_of_year, team_members
from voronka.models.services.team import plan_state, set_plan

from ..app_context import AppContext
from ..cards.formatting import format_money
from ..field_reasons import reason_text
from ..errors import show_error
from ..undo import push_checked
from ..plain_text import plain_label
from ..style_roles import set_role
from ..theme import colour

Index = QModelIndex | QPersistentModelIndex
MONEY = FieldSpec("plan", "money", "Plan", "План")
NAME, YEAR, MONTHS_TOTAL = 0, 1, 2  # the people table's columns


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class PlansModel(QAbstractTableModel):
    """A row per person (the whole team first): the annual plan, editable, and the months' sum.
    It holds the year's plans for the months table too, and writes every plan (``write``)."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        self.owner = parent
        self.year = QDate.currentDate().year()
        self.editable = True
        self.people: list[tuple[int | None, str]] = []
        self.plans: dict[tuple[int | None, int | None], int] = {}
        self.headers = [self.tr("Person"), self.tr("Annual plan"), self.tr("Months total")]
        self.problem = ""

    def load(self, year: int) -> None:
        self.beginResetModel()
        self.year = year
        self.plans = self.ctx.query(plans_of_year, year)
        planned = {u for u, _m in self.plans}
        members = [(m.id, m.name) for m in self.ctx.query(team_members) if m.active or m.id in planned]
        self.people = [(None, self.tr("The whole team"))] + members
        self.endResetModel()
        self.loaded.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def row_of(self, user_id: int | None) -> int:
        return next((i for i, (uid, _n) in enumerate(self.people) if uid == user_id), -1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() == YEAR:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def month_total(self, user_id: int | None) -> int:
        return sum(v for (u, m), v in self.plans.items() if u == user_id and m is not None)

    def money(self, minor: int | None) -> str:
        return format_money(from_minor(minor), self.ctx.language) if minor else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        user_id, name = self.people[index.row()]
        column = index.column()
        if column == NAME:
            if role == Qt.ItemDataRole.DisplayRole:
                return name
            if role == Qt.ItemDataRole.FontRole and user_id is None:
                return _bold()
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        annual = self.plans.get((user_id, None))
        if column == MONTHS_TOTAL:
            total = self.month_total(user_id)
            if role == Qt.ItemDataRole.DisplayRole:
                return self.money(total)
            if role == Qt.ItemDataRole.ForegroundRole:
                return colour("warning") if total and annual and total != annual else colour("muted")
            if role == Qt.ItemDataRole.ToolTipRole and total and annual and total != annual:
                return self.tr("The months add up to %1, the annual plan is %2").replace(
                    "%1", self.money(total)).replace("%2", self.money(annual))
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.money(annual)
        if role == Qt.ItemDataRole.FontRole:
            return _bold()
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != YEAR:
            return False
        return self.write(self.people[index.row()][0], None, value)

    def write(self, user_id: int | None, month: int | None, value: Any) -> bool:
        """Set ``user_id``'s plan for ``month`` (None: the year) to the typed ``value``: one
        undoable service call, refused when someone changed that plan since it was shown."""
        try:
            amount: Decimal | None = normalise(MONEY, value)
        except FieldInvalid as exc:
            self.problem = reason_text(exc)
            show_error(self.owner, exc.for_field("plan"))
            return False
        old = from_minor(self.plans.get((user_id, month)))
        if (old or 0) == (amount or 0):
            return False
        year, ctx = self.year, self.ctx
        where = {"year": year, "month": month, "user_id": user_id}
        person = self.people[self.row_of(user_id)][1] if self.row_of(user_id) >= 0 else ""
        name = f"{person} {year}" + (f"-{month:02d}" if month else "")
        try:  # refused when someone changed this plan since it was shown (or since the step)
            push_checked(ctx, self.tr("Change a plan"), name, lambda s: plan_state(s, **where),
                         lambda s: set_plan(s, **where, amount=amount), lambda s: set_plan(s, **where, amount=old),
                         seen=self.plans.get((user_id, month)) or None, found=Changes(plans=True))
        except VoronkaError as exc:
            show_error(self.owner, exc)
            return False
        return True


class MonthsModel(QAbstractTableModel):
    """The twelve months of one person's plan (the row picked in the people table)."""

    def __init__(self, plans: PlansModel, parent: QWidget):
        super().__init__(parent)
        self.plans = plans
        self.user_id: int | None = None
        locale = QLocale(QLocale.Language.Russian if plans.ctx.language == "ru" else QLocale.Language.English)
        self.months = [locale.standaloneMonthName(m, QLocale.FormatType.LongFormat) for m in range(1, 13)]
        self.months = [m[:1].upper() + m[1:] for m in self.months]
        plans.modelReset.connect(self._refresh)

    def show_person(self, user_id: int | None) -> None:
        self.user_id = user_id
        self._refresh()

    def _refresh(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 12

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        """The person's plan; beside a member's, the team's month to read it against."""
        return 0 if parent.isValid() else (1 if self.user_id is None else 2)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self.months[section]
        return self.tr("Plan") if section == 0 else self.tr("The whole team")

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.plans.editable and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        whose = self.user_id if index.column() == 0 else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.plans.money(self.plans.plans.get((whose, index.row() + 1)))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            return colour("muted")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != 0:
            return False
        return self.plans.write(self.user_id, index.row() + 1, value)


class PlansBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Revenue plans"))
        self.ctx = ctx
        self.model = PlansModel(ctx, self)
        self.months_model = MonthsModel(self.model, self)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(QDate.currentDate().year())
        self.year.valueChanged.connect(self.model.load)
        self.table = QTableView(self)  # the people
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (YEAR, MONTHS_TOTAL):  # an amount never breaks or loses digits
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(110)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _old: self._pick(current.row()))
        self.months = QTableView(self)
        self.months.setModel(self.months_model)
        self.months.setWordWrap(False)
        self.months.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.months_title = plain_label(parent=self)
        self.months_title.setWordWrap(True)
        title_font = self.months_title.font()
        title_font.setBold(True)
        self.months_title.setFont(title_font)
        self._picked: int | None = None  # the person whose months are shown (None: the team)
        self.model.loaded.connect(self._keep_pick)
        self.currency = plain_label(parent=self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year"), self))
        top.addWidget(self.year)
        top.addWidget(self.currency, 1)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.months_title)
        right.addWidget(self.months, 1)
        tables = QHBoxLayout()
        tables.addWidget(self.table, 1)
        tables.addLayout(right, 1)
        hint = QLabel(self.tr("Pick a person on the left: their months are on the right. Double-click a cell to "
                              "type a plan; an empty cell means no plan. Personal plans feed each rep's "
                              "attainment, the team plan the team's."), self)
        hint.setWordWrap(True)
        set_role(hint, "hint")
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addLayout(tables, 1)
        box.addWidget(hint)
        self.reload()

    def reload(self) -> None:
        self.model.load(self.year.value())
        self.currency.setText(self.tr("Amounts in %1").replace("%1", currency_sign(self.ctx.team_setting("team.currency", "RUB"))))

    def pick(self, user_id: int | None) -> None:
        """Show ``user_id``'s months (None: the whole team's)."""
        row = self.model.row_of(user_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, YEAR))
            self._pick(row)

    def _pick(self, row: int) -> None:
        if not 0 <= row < len(self.model.people):
            return
        user_id, name = self.model.people[row]
        self._picked = user_id
        self.months_model.show_person(user_id)
        self.months_title.setText(self.tr("%1 by month").replace("%1", name))

    def _keep_pick(self) -> None:
        """After a reload the same person stays picked (the team if they are gone)."""
        row = max(0, self.model.row_of(self._picked))
        self.table.setCurrentIndex(self.model.index(row, YEAR))
        self._pick(row)

    def set_editable(self, editable: bool) -> None:
        self.model.editable = editable
