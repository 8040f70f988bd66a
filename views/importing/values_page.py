"""Wizard page 3: values. The stage and status columns' distinct values with their counts,
each mapped onto a stage, won, lost, open or skip; every date column's detected format
(an ambiguous one asks day-first or month-first); every amount column's number format;
the currency when no column says; what to do with a value that cannot be read."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from voronka.models.importing import column_formats, distinct_values
from voronka.models.importing.preset import LOST, OPEN, SKIP, WON

from .item_models import TargetDelegate, TargetTableModel
from .labels import value_target_label
from .session import ImportSession

CURRENCIES = ("RUB", "USD", "EUR", "KZT", "BYN", "CNY", "GBP", "UAH", "CHF")


class ValuesPage(QWizardPage):
    def __init__(self, session: ImportSession, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.session = session
        self.setTitle(self.tr("Values"))
        self.setSubTitle(self.tr("What each stage and status of the files becomes, and how dates and "
                                 "numbers are written."))
        self.stage_box, self.stage_view = self.values_box(self.tr("Stages in the files"))
        self.status_box, self.status_view = self.values_box(self.tr("Statuses in the files"))
        self.formats_box = QGroupBox(self.tr("Dates and amounts"), self)
        self.formats = QFormLayout(self.formats_box)
        options = QGroupBox(self.tr("Other choices"), self)
        form = QFormLayout(options)
        self.currency = QComboBox(options)
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        self.currency.currentTextChanged.connect(self.set_currency)
        form.addRow(self.tr("Currency of amounts without one"), self.currency)
        self.bad_values = QComboBox(options)
        self.bad_values.addItem(self.tr("Stop the import until they are fixed"), "refuse")
        self.bad_values.addItem(self.tr("Import the deal without that value"), "leave_empty")
        self.bad_values.activated.connect(lambda _i: self.set_choice("bad_values", self.bad_values.currentData()))
        form.addRow(self.tr("A value that cannot be read"), self.bad_values)
        self.lost_stage = QComboBox(options)
        self.lost_stage.activated.connect(lambda _i: self.set_choice("lost_stage", self.lost_stage.currentData()))
        form.addRow(self.tr("A lost deal without a stage was lost at"), self.lost_stage)
        grid = QGridLayout(self)
        grid.addWidget(self.stage_box, 0, 0, 2, 1)
        grid.addWidget(self.status_box, 0, 1)
        grid.addWidget(self.formats_box, 1, 1)
        grid.addWidget(options, 2, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(1, 1)

    def values_box(self, title: str) -> tuple[QGroupBox, QTableView]:
        box = QGroupBox(title, self)
        view = QTableView(box)
        view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(24)
        QVBoxLayout(box).addWidget(view)
        return box, view

    # --- filling the page -----------------------------------------------------------------------
    def initializePage(self) -> None:
        preset = self.session.preset
        names = self.session.stage_names()
        self.stage_model = self.fill_values(self.stage_box, self.stage_view, "stage", preset.stages,
                                            [*names, WON, LOST, SKIP])
        self.status_model = self.fill_values(self.status_box, self.status_view, "status", preset.statuses,
                                             [OPEN, WON, LOST, SKIP])
        self.fill_formats()
        self.currency.blockSignals(True)
        self.currency.setCurrentText(preset.currency)
        self.currency.blockSignals(False)
        self.bad_values.setCurrentIndex(max(0, self.bad_values.findData(preset.bad_values)))
        self.lost_stage.clear()
        for key, name in names.items():
            self.lost_stage.addItem(name, key)
        self.lost_stage.setCurrentIndex(max(0, self.lost_stage.findData(preset.lost_stage)))

    def fill_values(self, box: QGroupBox, view: QTableView, which: str, mapping: dict[str, str],
                    choices: list[str]) -> TargetTableModel | None:
        counts = distinct_values(self.session.tables, self.session.preset, which)
        box.setVisible(bool(counts))
        names = self.session.stage_names()

        def changed(row: int, target: str) -> None:
            mapping[counts[row].value] = target
            self.session.forget_dry_run()
            self.completeChanged.emit()

        model = TargetTableModel([self.tr("Value"), self.tr("Rows"), self.tr("Becomes")],
                                 [[c.value, f"{c.count:,}".replace(",", " ")] for c in counts],
                                 [c.target for c in counts], lambda t: value_target_label(t, names), changed, self)
        model.align_right = {1}
        view.setModel(model)
        view.setItemDelegateForColumn(2, TargetDelegate(
            lambda _i: [(value_target_label(t, names), t) for t in choices], view))
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.setColumnWidth(1, 70)
        view.setColumnWidth(2, 230)
        return model

    def fill_formats(self) -> None:
        while self.formats.rowCount():
            self.formats.removeRow(0)
        found = column_formats(self.session.tables, self.session.preset)
        self.ambiguous = [(f.file, f.header) for f in found if f.ambiguous]
        self.formats_box.setVisible(bool(found))
        for f in found:
            label = QLabel(f.header if len(self.session.tables) == 1 else f"{f.file}: {f.header}", self.formats_box)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.formats.addRow(label, self.format_widget(f))

    def format_widget(self, f) -> QWidget:  # noqa: ANN001 - a ColumnFormat
        if f.kind == "date" and (f.ambiguous or f.choices and len(f.choices) > 1):
            combo = QComboBox(self.formats_box)
            if f.ambiguous:
                combo.addItem(self.tr("— day or month first? choose —"), None)
            for choice in f.choices:
                combo.addItem(date_format_label(choice), choice)
            chosen = self.file_mapping(f.file).date_formats.get(f.header)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.activated.connect(lambda _i, c=combo, fmt=f: self.set_date_format(fmt, c.currentData()))
            return combo
        if f.kind == "date":
            text = date_format_label(f.format) if f.format else self.tr("no dates found")
        else:
            text = self.tr("numbers like %1").replace("%1", f.format or "1234.56")
        if f.unreadable:
            text += " · " + self.tr("%1 values cannot be read").replace("%1", str(f.unreadable))
        label = QLabel(text, self.formats_box)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def file_mapping(self, file_name: str):  # noqa: ANN201
        for table, mapping in zip(self.session.tables, self.session.preset.files):
            if table.name == file_name:
                return mapping
        return self.session.preset.files[0]

    # --- choices ----------------------------------------------------------------------------------
    def set_date_format(self, f, choice: str | None) -> None:  # noqa: ANN001
        formats = self.file_mapping(f.file).date_formats
        if choice:
            formats[f.header] = choice
        else:
            formats.pop(f.header, None)
        self.session.forget_dry_run()
        self.completeChanged.emit()

    def set_currency(self, text: str) -> None:
        code = text.strip().upper()
        if len(code) == 3 and code.isalpha():
            self.set_choice("currency", code)

    def set_choice(self, name: str, value: object) -> None:
        setattr(self.session.preset, name, value)
        self.session.forget_dry_run()

    # --- QWizardPage --------------------------------------------------------------------------------
    def unmapped(self) -> int:
        return sum(1 for m in (self.stage_model, self.status_model) if m for t in m.targets if t is None)

    def ambiguous_left(self) -> int:
        return sum(1 for file, header in getattr(self, "ambiguous", [])
                   if not self.file_mapping(file).date_formats.get(header))

    def isComplete(self) -> bool:
        return self.unmapped() == 0 and self.ambiguous_left() == 0


def date_format_label(fmt: str | None) -> str:
    from PySide6.QtCore import QCoreApplication

    if fmt == "excel":
        return QCoreApplication.translate("ValuesPage", "Excel dates")
    return {"YYYY-MM-DD": "2026-03-05", "DD.MM.YYYY": "05.03.2026",
            "DD/MM/YYYY": "05/03/2026", "MM/DD/YYYY": "03/05/2026"}.get(fmt or "", fmt or "") + (
        "" if fmt in (None, "excel") else f"  ({human_order(fmt)})")


def human_order(fmt: str) -> str:
    from PySide6.QtCore import QCoreApplication

    if fmt.startswith("DD"):
        return QCoreApplication.translate("ValuesPage", "day first")
    if fmt.startswith("MM"):
        return QCoreApplication.translate("ValuesPage", "month first")
    return QCoreApplication.translate("ValuesPage", "year first")
