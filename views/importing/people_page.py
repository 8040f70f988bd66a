"""Wizard page 5: people and companies. Owners who are not team members yet become members
(with the role chosen here); companies and contacts already in the database or repeated in
the files are merged, kept twice or left out, with their counts."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from voronka.models.kinds import Role

from ..roles import role_meaning, role_name

from .history_page import plain_label
from .item_models import TargetDelegate, TargetTableModel
from .labels import duplicate_label
from .session import ImportSession

ROLES = (Role.AE, Role.SDR, Role.LEAD_GENERATOR, Role.CSM, Role.HEAD_OF_SALES)


class PeoplePage(QWizardPage):
    def __init__(self, session: ImportSession, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.session = session
        self.setTitle(self.tr("People and companies"))
        self.setSubTitle(self.tr("New team members, and companies and contacts that are already known."))
        owners = QGroupBox(self.tr("Owners who are not in the team yet"), self)
        self.owners_note = plain_label(owners)
        self.owners = QTableView(owners)
        self.owners.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.owners.verticalHeader().setVisible(False)
        self.owners.setItemDelegateForColumn(1, TargetDelegate(
            lambda _i: [(self.role_name(r), str(r)) for r in ROLES], self.owners))
        self.owner_model: TargetTableModel | None = None
        self.role = QComboBox(owners)
        for role in ROLES:
            self.role.addItem(self.role_name(role), str(role))
            self.role.setItemData(self.role.count() - 1, role_meaning(role) or None, Qt.ItemDataRole.ToolTipRole)
        self.role.activated.connect(lambda _i: self.set_default_role(self.role.currentData()))
        form = QFormLayout()
        form.addRow(self.tr("Everyone not chosen otherwise joins as"), self.role)
        box = QVBoxLayout(owners)
        box.addWidget(self.owners_note)
        box.addWidget(self.owners, 1)
        box.addLayout(form)
        known = QGroupBox(self.tr("Companies and contacts"), self)
        self.companies_note = plain_label(known)
        self.companies = self.duplicate_combo("companies")
        self.contacts_note = plain_label(known)
        self.contacts = self.duplicate_combo("contacts")
        self.similar = plain_label(known)
        kform = QFormLayout(known)
        kform.addRow(self.companies_note)
        kform.addRow(self.tr("A company found already"), self.companies)
        kform.addRow(self.contacts_note)
        kform.addRow(self.tr("A contact found already"), self.contacts)
        kform.addRow(self.similar)
        layout = QHBoxLayout(self)
        layout.addWidget(owners, 1)
        layout.addWidget(known, 2)

    def role_name(self, role: str) -> str:
        """The role's name as Settings → Team says it (SDR and AE stay, their meaning is the tooltip)."""
        return role_name(role)

    def duplicate_combo(self, which: str) -> QComboBox:
        combo = QComboBox(self)
        for choice in ("merge", "keep_both", "skip"):
            combo.addItem(duplicate_label(choice), choice)
        combo.activated.connect(lambda _i: self.set_choice(which, combo.currentData()))
        return combo

    def initializePage(self) -> None:
        preset = self.session.preset
        self.role.setCurrentIndex(max(0, self.role.findData(preset.owner_role)))
        self.companies.setCurrentIndex(max(0, self.companies.findData(preset.companies)))
        self.contacts.setCurrentIndex(max(0, self.contacts.findData(preset.contacts)))
        self.owners_note.setText(self.tr("Looking through the files…"))
        self.wizard().need_dry_run(self.show_found)

    def show_found(self) -> None:
        dry = self.session.dry
        if dry is None:
            return
        preset = self.session.preset
        chosen = getattr(preset, "owner_roles", {})
        names = list(dry.new_owners)

        def changed(row: int, role: str) -> None:
            if hasattr(preset, "owner_roles"):
                preset.owner_roles[names[row]] = role
                self.session.forget_dry_run()

        self.owner_model = TargetTableModel([self.tr("Name"), self.tr("Role")], [[n] for n in names],
                                            [chosen.get(n, preset.owner_role) for n in names],
                                            lambda r: self.role_name(r or preset.owner_role), changed, self,
                                            tooltip=lambda r: role_meaning(r or preset.owner_role))
        self.owners.setModel(self.owner_model)
        self.owners.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.owners.setColumnWidth(1, 220)
        self.owners_note.setText(self.tr("%1 new members:").replace("%1", str(len(dry.new_owners)))
                                 if dry.new_owners else self.tr("Every owner is a team member already."))
        self.companies_note.setText(self.counts_text(self.tr("Companies"), dry.companies))
        self.contacts_note.setText(self.counts_text(self.tr("Contacts"), dry.contacts))
        if dry.similar_companies:
            pairs = "; ".join(f"«{a}» ~ «{b}»" for a, b, _score in dry.similar_companies[:5])
            self.similar.setText(self.tr("Names that look alike (%1), kept apart: %2")
                                 .replace("%1", str(len(dry.similar_companies))).replace("%2", pairs))
        else:
            self.similar.setText("")

    def counts_text(self, what: str, counts: dict[str, int]) -> str:
        return self.tr("%1: %2 new, %3 found in the database, %4 repeated within the files.").replace("%1", what) \
            .replace("%2", str(counts.get("new", 0))).replace("%3", str(counts.get("found", 0))) \
            .replace("%4", str(counts.get("same_in_file", 0)))

    def set_default_role(self, role: str) -> None:
        """The role of every new member not given one of their own."""
        self.set_choice("owner_role", role)
        if self.owner_model is not None:
            chosen = getattr(self.session.preset, "owner_roles", {})
            for row, name in enumerate(self.owner_model.rows):
                if name[0] not in chosen:
                    self.owner_model.targets[row] = role
            self.owner_model.layoutChanged.emit()

    def set_choice(self, name: str, value: str) -> None:
        setattr(self.session.preset, name, value)
        self.session.forget_dry_run()
