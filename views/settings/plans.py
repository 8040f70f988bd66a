"""Revenue plans of a year: the team and each member, the annual plan and the twelve months.

A column per person (the team first), a row for the year, each month and the months' total:
the twelve months are fixed and the team is small, so the table fits a 1,280-px screen
(fourteen columns of amounts did not). Cells are edited in place (empty or 0 removes the
plan); every edit is one undoable service call. The "Months total" row adds the monthly
plans, and turns orange when they do not add up to the annual plan — the metrics read
both, so the head of sales should see the mismatch.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox, QHeaderView, QHBoxLayout, QLabel, QSpinBox, QTableView, QVBoxLayout, QWidget

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
TOTAL = 13  # the "months total" row; 0 is the year, 1..12 the months


class PlansModel(QAbstractTableModel):
    def __init__(self, ctx: AppContext, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        self.owner = parent
        self.year = QDate.currentDate().year()
        self.editable = True
        self.people: list[tuple[int | None, str]] = []
        self.plans: dict[tuple[int | None, int | None], int] = {}
        locale = QLocale(QLocale.Language.Russian if ctx.language == "ru" else QLocale.Language.English)
        self.headers = [self.tr("Year")] + [locale.standaloneMonthName(m, QLocale.FormatType.ShortFormat)
                                            for m in range(1, 13)] + [self.tr("Months total")]
        self.problem = ""

    def load(self, year: int) -> None:
        self.beginResetModel()
        self.year = year
        self.plans = self.ctx.query(plans_of_year, year)
        planned = {u for u, _m in self.plans}
        members = [(m.id, m.name) for m in self.ctx.query(team_members) if m.active or m.id in planned]
        self.people = [(None, self.tr("The whole team"))] + members
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.people)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self.headers[section]
        return "\n".join(self.people[section][1].split(" ", 1))  # "Анна\nМорозова": a narrow column

    def cell(self, index: Index) -> tuple[int | None, int]:
        """Whose plan and which (0 the year, 1…12 a month, ``TOTAL`` the months' sum) ``index`` is."""
        return self.people[index.column()][0], index.row()

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.row() != TOTAL:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _month_total(self, user_id: int | None) -> int:
        return sum(v for (u, m), v in self.plans.items() if u == user_id and m is not None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        user_id, col = self.cell(index)
        if col == TOTAL:
            total = self._month_total(user_id)
            annual = self.plans.get((user_id, None))
            if role == Qt.ItemDataRole.DisplayRole:
                return format_money(from_minor(total), self.ctx.language) if total else ""
            if role == Qt.ItemDataRole.ForegroundRole:
                return colour("warning") if total and annual and total != annual else colour("muted")
            if role == Qt.ItemDataRole.ToolTipRole and total and annual and total != annual:
                return self.tr("The months add up to %1, the annual plan is %2").replace(
                    "%1", format_money(from_minor(total), self.ctx.language)).replace("%2", format_money(from_minor(annual), self.ctx.language))
        minor = self.plans.get((user_id, None if col == 0 else col))
        if role == Qt.ItemDataRole.DisplayRole:
            return format_money(from_minor(minor), self.ctx.language) if minor else ""
        if role == Qt.ItemDataRole.EditRole:
            return format_money(from_minor(minor), self.ctx.language) if minor else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (col == 0 or user_id is None):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.row() == TOTAL:
            return False
        try:
            amount: Decimal | None = normalise(MONEY, value)
        except FieldInvalid as exc:
            self.problem = reason_text(exc)
            show_error(self.owner, exc.for_field("plan"))
            return False
        user_id, slot = self.cell(index)
        month = None if slot == 0 else slot
        old = from_minor(self.plans.get((user_id, month)))
        if (old or 0) == (amount or 0):
            return False
        year, ctx = self.year, self.ctx
        where = {"year": year, "month": month, "user_id": user_id}
        name = f"{self.people[index.column()][1]} {year}" + (f"-{month:02d}" if month else "")
        try:  # refused when someone changed this plan since it was shown (or since the step)
            push_checked(ctx, self.tr("Change a plan"), name, lambda s: plan_state(s, **where),
                         lambda s: set_plan(s, **where, amount=amount), lambda s: set_plan(s, **where, amount=old),
                         seen=self.plans.get((user_id, month)) or None, found=Changes(plans=True))
        except VoronkaError as exc:
            show_error(self.owner, exc)
            return False
        return True


class PlansBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Revenue plans"))
        self.ctx = ctx
        self.model = PlansModel(ctx, self)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(QDate.currentDate().year())
        self.year.valueChanged.connect(self.model.load)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        # every column as wide as its numbers or its person's longer name (a small table: a
        # column per person, 14 rows); a number never breaks or loses digits, the table
        # scrolls if it must (a team of a dozen and more)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(70)
        self.table.setWordWrap(False)
        self.currency = plain_label(parent=self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year"), self))
        top.addWidget(self.year)
        top.addWidget(self.currency, 1)
        hint = QLabel(self.tr("Double-click a cell to type a plan; an empty cell means no plan. "
                              "Personal plans feed each rep's attainment, the team plan the team's."), self)
        hint.setWordWrap(True)
        set_role(hint, "hint")
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.table, 1)
        box.addWidget(hint)
        self.reload()

    def reload(self) -> None:
        self.model.load(self.year.value())
        self.currency.setText(self.tr("Amounts in %1").replace("%1", currency_sign(self.ctx.team_setting("team.currency", "RUB"))))

    def set_editable(self, editable: bool) -> None:
        self.model.editable = editable
