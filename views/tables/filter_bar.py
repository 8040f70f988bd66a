"""The filter row of a record table: status, owner, stage, source, segment, contact type,
a created-date range and an amount range — whichever the table has. Its ``value()`` is a
``TableFilter`` (without the search text, which the page's search box keeps).

The pickers and the ranges sit on one line when the page has room and on two when it has
not (the Deals page at 1,280 px in Russian): the row never makes the window wider."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, QSize, Signal
from PySide6.QtGui import QDoubleValidator, QResizeEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from voronka.models.queries.table_search import FilterChoices, TableFilter

NO_DATE = QDate(2000, 1, 1)  # shown as "—": no bound


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, fields: tuple[str, ...], language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.fields = fields
        self.language = language
        self.pickers = QWidget(self)  # the lists: status, owner, stage…
        self.ranges = QWidget(self)  # dates, amounts and "Clear filters": the second line when space is short
        layout = QHBoxLayout(self.pickers)
        layout.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(4)
        self.combos: dict[str, QComboBox] = {}
        titles = {"status": self.tr("Status"), "owner_id": self.tr("Owner"), "stage_id": self.tr("Stage"),
                  "source": self.tr("Source"), "segment": self.tr("Segment"), "contact_type": self.tr("Type")}
        for name in ("status", "owner_id", "stage_id", "source", "segment", "contact_type"):
            if name not in fields:
                continue
            combo = QComboBox(self.pickers)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(11)
            combo.setToolTip(titles[name])
            combo.addItem(titles[name], None)  # the title itself means "any"
            combo.currentIndexChanged.connect(self._emit)
            self.combos[name] = combo
            layout.addWidget(combo)
        if "status" in self.combos:
            for key, text in (("open", self.tr("Open")), ("won", self.tr("Won")), ("lost", self.tr("Lost"))):
                self.combos["status"].addItem(text, key)
        if "contact_type" in self.combos:
            for key, text in (("decision_maker", self.tr("Decision maker")), ("influencer", self.tr("Influencer")),
                              ("champion", self.tr("Champion")), ("other", self.tr("Other"))):
                self.combos["contact_type"].addItem(text, key)
        layout.addStretch(1)  # on two lines, the shorter line keeps its natural widths
        layout = QHBoxLayout(self.ranges)
        layout.setContentsMargins(0, 0, 0, 0)
        self.created_from = self._date_edit(self.tr("Created from"))
        self.created_to = self._date_edit(self.tr("Created to"))
        if "created" in fields:
            layout.addWidget(QLabel(self.tr("Created"), self.ranges))
            layout.addWidget(self.created_from)
            layout.addWidget(QLabel("–", self.ranges))
            layout.addWidget(self.created_to)
        self.amount_min = self._amount_edit(self.tr("from"))
        self.amount_max = self._amount_edit(self.tr("to"))
        if "amount" in fields:
            layout.addWidget(QLabel(self.tr("Amount"), self.ranges))
            layout.addWidget(self.amount_min)
            layout.addWidget(QLabel("–", self.ranges))
            layout.addWidget(self.amount_max)
        self.clear_button = QPushButton(self.tr("Clear filters"), self.ranges)
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.grid.addWidget(self.pickers, 0, 0)
        self.grid.addWidget(self.ranges, 0, 1)
        self.grid.setColumnStretch(2, 1)
        self._quiet = False

    # --- one line or two --------------------------------------------------------------------
    @property
    def two_lines(self) -> bool:
        return self.grid.getItemPosition(self.grid.indexOf(self.ranges))[0] == 1

    def _one_line_width(self) -> int:
        return self.pickers.sizeHint().width() + self.grid.horizontalSpacing() + self.ranges.sizeHint().width()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """On two lines: as wide as the wider line, never the two side by side."""
        two = max(self.pickers.minimumSizeHint().width(), self.ranges.minimumSizeHint().width())
        return QSize(two, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit(event.size().width())

    def fit(self, width: int) -> None:
        """Put the ranges on a second line when ``width`` cannot hold both groups side by side."""
        two = width < self._one_line_width()
        if two == self.two_lines:
            return
        self.grid.removeWidget(self.ranges)
        self.grid.addWidget(self.ranges, *((1, 0) if two else (0, 1)))

    def _date_edit(self, tip: str) -> QDateEdit:
        edit = QDateEdit(self.ranges)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("—")
        edit.setDate(NO_DATE)
        edit.setDisplayFormat("dd.MM.yyyy" if self.language == "ru" else "yyyy-MM-dd")
        edit.setToolTip(tip)
        edit.dateChanged.connect(self._emit)
        return edit

    def _amount_edit(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self.ranges)
        edit.setPlaceholderText(placeholder)
        edit.setValidator(QDoubleValidator(0, 1e15, 2, edit))
        edit.setMinimumWidth(80)
        edit.setMaximumWidth(120)
        edit.editingFinished.connect(self._emit)
        return edit

    # --- choices and values -----------------------------------------------------------------
    def set_choices(self, choices: FilterChoices) -> None:
        """Fill the owner, stage, source and segment lists (keeping what is chosen)."""
        current = self.value()
        self._quiet = True
        lists = {
            "owner_id": choices.owners,
            "stage_id": [(i, ru if self.language == "ru" else en) for i, ru, en in choices.stages],
            "source": [(s, s) for s in choices.sources],
            "segment": [(s, s) for s in choices.segments],
        }
        for name, items in lists.items():
            combo = self.combos.get(name)
            if combo is None:
                continue
            while combo.count() > 1:
                combo.removeItem(1)
            for data, text in items:
                combo.addItem(text, data)
        self._quiet = False
        self.set_value(current)

    def value(self, base: TableFilter | None = None) -> TableFilter:
        values = {name: combo.currentData() for name, combo in self.combos.items()}
        values["created_from"] = self._date(self.created_from)
        values["created_to"] = self._date(self.created_to)
        values["amount_min"] = self._amount(self.amount_min)
        values["amount_max"] = self._amount(self.amount_max)
        return replace(base or TableFilter(), **values)

    def set_value(self, flt: TableFilter) -> None:
        self._quiet = True
        for name, combo in self.combos.items():
            wanted = getattr(flt, name)
            index = combo.findData(wanted) if wanted is not None else 0
            combo.setCurrentIndex(max(index, 0))
        self.created_from.setDate(QDate(flt.created_from) if flt.created_from else NO_DATE)
        self.created_to.setDate(QDate(flt.created_to) if flt.created_to else NO_DATE)
        self.amount_min.setText("" if flt.amount_min is None else str(flt.amount_min))
        self.amount_max.setText("" if flt.amount_max is None else str(flt.amount_max))
        self._quiet = False

    def clear(self) -> None:
        self.set_value(TableFilter())
        self.changed.emit()

    def active_count(self) -> int:
        flt = self.value()
        return sum(1 for name in ("status", "owner_id", "stage_id", "source", "segment", "contact_type",
                                  "created_from", "created_to", "amount_min", "amount_max")
                   if getattr(flt, name) is not None)

    @staticmethod
    def _date(edit: QDateEdit) -> date | None:
        return None if edit.date() == NO_DATE else edit.date().toPython()

    @staticmethod
    def _amount(edit: QLineEdit) -> Decimal | None:
        text = edit.text().replace(" ", "").replace("\u202f", "").replace(",", ".")
        try:
            return Decimal(text) if text else None
        except InvalidOperation:
            return None

    def _emit(self, *_args) -> None:
        if not self._quiet:
            self.changed.emit()
