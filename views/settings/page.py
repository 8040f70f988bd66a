"""Settings: this computer (language, who "I" am), and for the head of sales the team
(members, currency, time zone), revenue plans and the card layouts.

Team settings can be changed by the head of sales — or by anyone while the team has no
active head of sales, so a new team can set itself up from an empty database: the first
member added here becomes "me" on this laptop.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from voronka.models.changes import Changes
from voronka.models.queries.team import active_users, may_edit_team

from ..app_context import AppContext
from ..cards.layout_editor import CardLayoutEditor
from ..database.settings_box import BackupSettingsBox
from ..funnel.editor import FunnelEditor
from ..importing.imports_tab import ImportsTab
from .members import MembersBox
from .plans import PlansBox
from .team_box import TeamSettingsBox
from ..style_roles import set_role


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        box = QGroupBox(self.tr("This computer"), self)
        form = QFormLayout(box)
        self.language = QComboBox(box)
        self.language.addItem("Русский", "ru")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(ctx.language))
        self.language.currentIndexChanged.connect(lambda _i: ctx.set_language(self.language.currentData()))
        form.addRow(self.tr("Language"), self.language)
        self.theme = QComboBox(box)
        for choice, text in (("system", self.tr("As the system")), ("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            self.theme.addItem(text, choice)
        from ..theme import choose_theme, saved_choice

        self.theme.setCurrentIndex(max(0, self.theme.findData(saved_choice(ctx.settings))))
        self.theme.setToolTip(self.tr("Light or dark; \"As the system\" follows the desktop's setting"))
        self.theme.currentIndexChanged.connect(lambda _i: choose_theme(ctx.settings, self.theme.currentData()))
        form.addRow(self.tr("Theme"), self.theme)
        self.me = QComboBox(box)
        self._fill_me()
        self.me.currentIndexChanged.connect(lambda _i: ctx.set_user(self.me.currentData()))
        form.addRow(self.tr("I am"), self.me)
        self.team_box = TeamSettingsBox(ctx, self)
        self.members = MembersBox(ctx, self)
        self.plans = PlansBox(ctx, self)
        self.layouts = CardLayoutEditor(ctx, self)
        self.rights = QLabel(self)
        self.rights.setWordWrap(True)
        set_role(self.rights, "warning")
        general = QWidget(self)
        left = QVBoxLayout()
        left.addWidget(box)
        left.addWidget(self.team_box)
        self.backups = BackupSettingsBox(ctx, self)
        left.addWidget(self.backups)
        left.addStretch(1)
        row = QHBoxLayout(general)
        row.addLayout(left, 2)
        row.addWidget(self.members, 3)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(general, self.tr("Team and this computer"))
        self.funnel = FunnelEditor(ctx, self)
        self.tabs.addTab(self.funnel, self.tr("Funnel"))
        self.tabs.addTab(self.plans, self.tr("Plans"))
        self.tabs.addTab(self.layouts, self.tr("Cards"))
        self.imports = ImportsTab(ctx, self)
        self.tabs.addTab(self.imports, ImportsTab.title())
        layout = QVBoxLayout(self)
        layout.addWidget(self.rights)
        layout.addWidget(self.tabs, 1)
        ctx.changed.connect(self._on_changed)
        ctx.user_changed.connect(self._on_user_changed)
        self._apply_rights()

    def _on_user_changed(self, _user_id: object) -> None:
        self._fill_me()
        self.members.reload()
        self._apply_rights()

    def _fill_me(self) -> None:
        self.me.blockSignals(True)
        self.me.clear()
        self.me.addItem(self.tr("— nobody —"), None)
        for uid, name, _role in self.ctx.query(active_users):
            self.me.addItem(name, uid)
        self.me.setCurrentIndex(max(0, self.me.findData(self.ctx.user_id)))
        self.me.blockSignals(False)

    def _apply_rights(self) -> None:
        editable = self.ctx.query(may_edit_team, self.ctx.user_id)
        self.rights.setText("" if editable else self.tr("Team settings, the funnel, plans and card layouts are kept "
                                                        "by the head of sales; you can look at them here."))
        self.rights.setVisible(not editable)
        self.team_box.set_editable(editable)
        self.members.set_editable(editable)
        self.plans.set_editable(editable)
        self.funnel.set_editable(editable)
        self.layouts.editable = editable
        self.layouts.reload()

    def show_funnel(self, pipeline_key: str, stage_key: str | None = None, action: str | None = None) -> None:
        """Open the Funnel tab; with a stage and an action (merge_previous, merge_next, split)
        that change is prepared, as the report view's stage table asks."""
        self.tabs.setCurrentWidget(self.funnel)
        if stage_key is not None and action is not None:
            self.funnel.prepare(pipeline_key, stage_key, action)

    def _on_changed(self, changes: Changes) -> None:
        if changes.users:
            self._fill_me()
            self.members.reload()
            self.plans.reload()
            self._apply_rights()
        if changes.plans:
            self.plans.reload()
        if changes.settings:
            self.team_box.reload()
            self.plans.reload()
