"""Quick-create a deal (a board column's "+", the Deals table, an empty page): company (an
existing one, or a new one with its website), amount, and the name — which suggests
``{website} - {company}`` until the rep types their own.
"""
from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from voronka.models import errors
from voronka.models.fields import FieldInvalid
from voronka.models.fields.web import normalise_domain
from voronka.models.queries.board import BoardStage, company_choices
from voronka.models.services import batch
from voronka.models.deal_names import deal_name_for

from .app_context import AppContext
from .errors import describe
from .fitting import tip_whole_text
from .plain_text import plain_label
from .undo import push_creation
from .style_roles import set_role


class QuickCreateDialog(QDialog):
    def __init__(self, ctx: AppContext, pipeline_key: str, stage: BoardStage, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.pipeline_key = pipeline_key
        self.stage = stage
        self.created_id: int | None = None
        self.setWindowTitle(self.tr("New deal in «%1»").replace("%1", stage.name(ctx.language)))
        self._companies: dict[str, tuple[int, str, str | None]] = {}
        for company_id, name, website in ctx.query(company_choices):
            label = f"{name} — {website}" if website else name
            self._companies.setdefault(label, (company_id, name, website))
        self.company = QLineEdit(self)
        self.company.setPlaceholderText(self.tr("Start typing a company…"))
        completer = QCompleter(QStringListModel(list(self._companies), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.company.setCompleter(completer)
        self.website = QLineEdit(self)
        self.website.setPlaceholderText(self.tr("acme.ru (for a new company)"))
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(self.tr("required in this stage") if "amount" in stage.required_fields
                                       else self.tr("optional"))
        self.name = QLineEdit(self)
        self.error = plain_label(parent=self)
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Company"), self.company)
        form.addRow(self.tr("Website"), self.website)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Deal name"), self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.company.textChanged.connect(self._suggest)
        self.website.textChanged.connect(self._suggest)
        tip_whole_text(self.company, self.website, self.amount, self.name)  # a long name reads whole on hover
        self.resize(560, self.sizeHint().height())
        self._suggest()

    def existing_company(self) -> tuple[int, str, str | None] | None:
        return self._companies.get(self.company.text().strip())

    def suggested_name(self) -> str:
        existing = self.existing_company()
        if existing is not None:
            return deal_name_for(existing[1], existing[2])
        website = self.website.text().strip()
        try:
            website = normalise_domain(website) if website else ""
        except FieldInvalid:
            pass  # shown as typed; the save names the problem
        return deal_name_for(self.company.text().strip(), website or None)

    def _suggest(self) -> None:
        self.website.setEnabled(self.existing_company() is None)
        self.name.setPlaceholderText(self.suggested_name() or self.tr("Deal name"))

    def create(self) -> None:
        existing = self.existing_company()
        company_text = self.company.text().strip()
        new_company = None
        if existing is None and company_text:
            new_company = {"name": company_text}
            if self.website.text().strip():
                new_company["website"] = self.website.text().strip()
        values = dict(pipeline_key=self.pipeline_key, stage_key=self.stage.key, user_id=self.ctx.user_id,
                      name=self.name.text().strip() or None, company_id=existing[0] if existing else None,
                      new_company=new_company, amount=self.amount.text().strip() or None)
        ctx = self.ctx  # the command outlives this dialog
        try:
            changes = push_creation(ctx, self.tr("Create a deal"), lambda: ctx.run(batch.quick_create_deal, **values))
        except errors.VoronkaError as exc:
            self.error.setText(describe(exc))
            self.error.show()
            return
        self.created_id = changes.created[0]
        self.accept()


def quick_create_deal(ctx: AppContext, parent: QWidget | None, pipeline_key: str = "sales") -> int | None:
    """Ask for a new deal in the first open stage of ``pipeline_key``; its id, or None if cancelled."""
    from voronka.models.queries.board import board_order, board_stages

    stages = board_order(ctx.query(board_stages, pipeline_key))
    if not stages:
        return None
    first = next((s for s in stages if not s.archived), stages[0])  # an archived stage takes no new deals
    dialog = QuickCreateDialog(ctx, pipeline_key, first, parent)
    return dialog.created_id if dialog.exec() else None
