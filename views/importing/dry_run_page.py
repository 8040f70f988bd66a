"""Wizard page 6: the dry run. Before anything is written: deals per stage, won / lost / open,
revenue by month, and the problems grouped by kind with counts and first examples
(exportable as CSV). Import (the commit button) writes everything or nothing, off the UI
thread with progress and cancel."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QPushButton,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWizardPage,
)

from voronka.metrics.formatting import currency_sign, period_name
from voronka.models.importing.problems import ERROR

from .history_page import plain_label
from .item_models import TableModel
from .labels import problem_label
from .problem_texts import fix_text, message_text, problems_csv_text
from .session import ImportSession
from ..theme import colour


def number(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def money(amount: Decimal) -> str:
    return f"{amount:,.0f}".replace(",", " ") if amount else ""


class DryRunPage(QWizardPage):
    def __init__(self, session: ImportSession, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.session = session
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(self.tr("Nothing has been written yet. This is what the import brings in."))
        self.setCommitPage(True)
        self.setButtonText(self.wizard_button(), self.tr("Import"))
        self.headline = plain_label(self)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.headline.setFont(font)
        self.stages = TableModel(parent=self)
        self.stages.align_right = {1}
        self.months = TableModel(parent=self)
        stage_view = self.table(self.stages)
        month_view = self.table(self.months)
        stage_box = QGroupBox(self.tr("Deals per stage"), self)
        QVBoxLayout(stage_box).addWidget(stage_view)
        month_box = QGroupBox(self.tr("Won revenue by month"), self)
        QVBoxLayout(month_box).addWidget(month_view)
        problems_box = QGroupBox(self.tr("Problems"), self)
        self.problems = QStandardItemModel(self)
        self.problem_view = QTreeView(problems_box)
        self.problem_view.setModel(self.problems)
        self.problem_view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.problem_view.setUniformRowHeights(True)
        self.verdict = plain_label(problems_box)
        self.export_button = QPushButton(self.tr("Export problems as CSV…"), problems_box)
        self.export_button.clicked.connect(self.export_problems)
        pbox = QVBoxLayout(problems_box)
        pbox.addWidget(self.verdict)
        pbox.addWidget(self.problem_view, 1)
        pbox.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignRight)
        grid = QGridLayout(self)
        grid.addWidget(self.headline, 0, 0, 1, 3)
        grid.addWidget(stage_box, 1, 0)
        grid.addWidget(month_box, 1, 1)
        grid.addWidget(problems_box, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 4)

    @staticmethod
    def wizard_button():  # noqa: ANN205
        from PySide6.QtWidgets import QWizard

        return QWizard.WizardButton.CommitButton

    def table(self, model: TableModel) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(22)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def initializePage(self) -> None:
        self.headline.setText(self.tr("Looking through the files…"))
        self.wizard().need_dry_run(self.show_dry_run)

    def show_dry_run(self) -> None:
        dry = self.session.dry
        if dry is None:
            return
        self.headline.setText(self.tr("%1 deals: %2 won, %3 lost, %4 open.").replace("%1", number(dry.deals))
                              .replace("%2", number(dry.won)).replace("%3", number(dry.lost))
                              .replace("%4", number(dry.open)) + self.extra_counts(dry))
        names = self.session.stage_names()
        order = {key: i for i, key in enumerate(names)}
        stages = sorted(dry.per_stage.items(), key=lambda kv: order.get(kv[0], len(order)))
        self.stages.set_rows([self.tr("Stage"), self.tr("Deals")], [[names.get(k, k), number(n)] for k, n in stages])
        currencies = sorted({c for month in dry.revenue_by_month.values() for c in month})
        self.months.align_right = set(range(1, len(currencies) + 1))
        lang = self.session.language  # "октябрь 2026" and "Сумма, ₽", not "2026-10" and "RUB"
        self.months.set_rows([self.tr("Month"), *(self.tr("Amount, %1").replace("%1", currency_sign(c)) for c in currencies)],
                             [[period_name(m, lang), *(money(v.get(c, Decimal(0))) for c in currencies)]
                              for m, v in sorted(dry.revenue_by_month.items(), reverse=True)])
        self.fill_problems()
        self.completeChanged.emit()

    def extra_counts(self, dry) -> str:  # noqa: ANN001
        parts = []
        if dry.skipped_rows:
            parts.append(self.tr("%1 rows skipped").replace("%1", number(dry.skipped_rows)))
        if dry.already_imported:
            parts.append(self.tr("%1 deals imported before are left as they are").replace("%1", number(dry.already_imported)))
        if dry.team_currency:
            parts.append(self.tr("the team currency becomes %1").replace("%1", dry.team_currency))
        return (" " + "; ".join(parts) + ".") if parts else ""

    def fill_problems(self) -> None:
        dry = self.session.dry
        self.problems.clear()
        self.problems.setHorizontalHeaderLabels([self.tr("Problem"), self.tr("Count")])
        groups = dry.problem_groups(examples=5)
        for group in groups:
            head = QStandardItem(problem_label(group.kind))
            if group.severity == ERROR:
                head.setForeground(colour("alert"))
                head.setText(self.tr("%1 (must be fixed)").replace("%1", head.text()))
            count = QStandardItem(number(group.count))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for p in group.examples:
                where = " · ".join(x for x in (p.file, p.cell or (str(p.row) if p.row else ""), p.column) if x)
                example = QStandardItem(f"{where}: «{p.value}»" if p.value else where or message_text(p))
                fix = fix_text(p)
                example.setToolTip(message_text(p) + (f" ({fix})" if fix else ""))  # as in the CSV export
                head.appendRow([example, QStandardItem("")])
            self.problems.appendRow([head, count])
        self.problem_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.problem_view.header().setStretchLastSection(False)
        self.problem_view.setColumnWidth(1, 70)
        self.problem_view.expandToDepth(0) if len(groups) <= 3 else None
        self.export_button.setEnabled(bool(dry.problems))
        if not dry.problems:
            self.verdict.setText(self.tr("No problems found."))
        elif dry.blocking:
            self.verdict.setText(self.tr("%1 problems must be fixed before importing: correct the file, or go "
                                         "back and change the mapping.")
                                 .replace("%1", number(sum(1 for p in dry.problems if p.blocking))))
        else:
            self.verdict.setText(self.tr("%1 warnings: the import goes ahead as each one says.")
                                 .replace("%1", number(len(dry.problems))))

    def export_problems(self) -> None:
        dry = self.session.dry
        if dry is None:
            return
        stem = self.session.tables[0].path.stem if self.session.tables else "import"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export problems as CSV"),
                                              str(Path.home() / f"{stem}-problems.csv"), self.tr("CSV (*.csv)"))
        if path:
            self.write_problems(Path(path))

    def write_problems(self, path: Path) -> None:
        path.write_text(problems_csv_text(self.session.dry.problems), encoding="utf-8-sig")

    def isComplete(self) -> bool:
        dry = self.session.dry
        return dry is not None and not dry.blocking and dry.deals > 0

    def validatePage(self) -> bool:
        """Import runs in the background; the wizard moves on when it has finished."""
        if self.session.result is not None:
            return True
        self.wizard().start_import()
        return False
