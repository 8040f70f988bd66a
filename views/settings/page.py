"""Settings: this computer (language, who "I" am), and for the head of sales the team
(members, currency, time zone), revenue plans and the card layouts.

Team settings can be changed by the head of sales — or by anyone while the team has no
active head of sales, so a new team can set itself up from an empty database: the first
member added here becomes "me" on this laptop.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
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
from voronka.models.queries.team import active_users, may_edit_team, team_members
from voronka.models.team_calendar import calendar_setting

from ..app_context import AppContext
from ..cards.layout_editor import CardLayoutEditor
from ..database.settings_box import BackupSettingsBox
from ..funnel.editor import FunnelEditor
from ..importing.imports_tab import ImportsTab
from ..one_slice import run_as_slice
from .members import MembersBox
from .plans import PlansBox
from .team_box import TeamSettingsBox
from ..style_roles import set_role

TEAM_PART_DELAY_MS = 25  # after the page's first paint


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
        # what the page first shows, read in one go (later changes re-read only their part)
        users, members, calendar, editable = ctx.query(
            lambda s: (active_users(s), team_members(s), calendar_setting(s), may_edit_team(s, ctx.user_id)))
        self._fill_me(users)
        self.me.currentIndexChanged.connect(lambda _i: ctx.set_user(self.me.currentData()))
        form.addRow(self.tr("I am"), self.me)
        self._editable = False
        self._built: dict[str, QWidget] = {}  # the other tabs, built when first opened (or asked for)
        self.rights = QLabel(self)
        self.rights.setWordWrap(True)
        set_role(self.rights, "warning")
        general = QWidget(self)
        self._left = left = QVBoxLayout()
        left.addWidget(box)
        left.addStretch(1)
        self._row = row = QHBoxLayout(general)
        row.addLayout(left, 2)
        self._members_place = QWidget(general)  # the members' box takes its place, and width
        row.addWidget(self._members_place, 3)
        # the team's boxes (team settings, backups, members) are made a turn after the page's
        # first paint, or when asked for: the page opened in one 55-70 ms slice at 100k deals
        self._team_part: tuple[TeamSettingsBox, MembersBox, BackupSettingsBox] | None = None
        self._team_data: tuple | None = (calendar, members)
        QTimer.singleShot(TEAM_PART_DELAY_MS, self, lambda: run_as_slice(self, self._make_team_part))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(general, self.tr("Team and this computer"))
        self._makers = {"funnel": lambda: FunnelEditor(ctx, self), "plans": lambda: PlansBox(ctx, self),
                        "layouts": lambda: CardLayoutEditor(ctx, self), "imports": lambda: ImportsTab(ctx, self)}
        for key, title in (("funnel", self.tr("Funnel")), ("plans", self.tr("Plans")), ("layouts", self.tr("Cards")),
                           ("imports", ImportsTab.title())):
            holder = QWidget(self.tabs)
            holder.setProperty("lazy_tab", key)
            self.tabs.addTab(holder, title)
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rights)
        layout.addWidget(self.tabs, 1)
        ctx.changed.connect(self._on_changed)
        ctx.user_changed.connect(self._on_user_changed)
        self._apply_rights(editable)

    def _make_team_part(self) -> tuple[TeamSettingsBox, MembersBox, BackupSettingsBox]:
        if self._team_part is None:
            calendar, members = self._team_data or (None, None)  # None: they read for themselves
            self._team_data = None
            team_box = TeamSettingsBox(self.ctx, self, calendar=calendar)
            members_box = MembersBox(self.ctx, self, members=members)
            backups = BackupSettingsBox(self.ctx, self)
            self._left.insertWidget(1, team_box)
            self._left.insertWidget(2, backups)
            self._row.replaceWidget(self._members_place, members_box)
            self._members_place.deleteLater()
            team_box.set_editable(self._editable)
            members_box.set_editable(self._editable)
            self._team_part = (team_box, members_box, backups)
        return self._team_part

    @property
    def team_box(self) -> TeamSettingsBox:
        return self._make_team_part()[0]

    @property
    def members(self) -> MembersBox:
        return self._make_team_part()[1]

    @property
    def backups(self) -> BackupSettingsBox:
        return self._make_team_part()[2]

    def _on_user_changed(self, _user_id: object) -> None:
        self._fill_me()
        if self._team_part is not None:
            self.members.reload()
        else:
            self._team_data = None
        self._apply_rights()

    def _fill_me(self, users: list[tuple[int, str, str]] | None = None) -> None:
        self.me.blockSignals(True)
        self.me.clear()
        self.me.addItem(self.tr("— nobody —"), None)
        for uid, name, _role in self.ctx.query(active_users) if users is None else users:
            self.me.addItem(name, uid)
        self.me.setCurrentIndex(max(0, self.me.findData(self.ctx.user_id)))
        self.me.blockSignals(False)

    # --- the tabs built on first use: each reads its own data (the card fields' usage counts every
    # record), so opening Settings never waits for tabs the user may not look at
    @property
    def funnel(self) -> FunnelEditor:
        return self._tab("funnel")

    @property
    def plans(self) -> PlansBox:
        return self._tab("plans")

    @property
    def layouts(self) -> CardLayoutEditor:
        return self._tab("layouts")

    @property
    def imports(self) -> ImportsTab:
        return self._tab("imports")

    def _tab(self, key: str) -> Any:
        widget = self._built.get(key)
        if widget is None:
            widget = self._built[key] = self._makers[key]()
            for index in range(self.tabs.count()):
                holder = self.tabs.widget(index)
                if holder.property("lazy_tab") == key:
                    current = self.tabs.currentIndex()
                    self.tabs.blockSignals(True)
                    title = self.tabs.tabText(index)
                    self.tabs.removeTab(index)
                    self.tabs.insertTab(index, widget, title)
                    self.tabs.setCurrentIndex(current)
                    self.tabs.blockSignals(False)
                    holder.deleteLater()
                    break
            self._rights_of(key, widget)
        return widget

    def _on_tab(self, index: int) -> None:
        key = self.tabs.widget(index).property("lazy_tab")
        if key:
            self._tab(key)

    def _rights_of(self, key: str, widget: Any) -> None:
        if key == "layouts":
            widget.editable = self._editable
            widget.reload()
        elif key in ("plans", "funnel"):
            widget.set_editable(self._editable)

    def _apply_rights(self, editable: bool | None = None) -> None:
        if editable is None:
            editable = self.ctx.query(may_edit_team, self.ctx.user_id)
        self._editable = editable
        self.rights.setText("" if editable else self.tr("Team settings, the funnel, plans and card layouts are kept "
                                                        "by the head of sales; you can look at them here."))
        self.rights.setVisible(not editable)
        if self._team_part is not None:  # else made with these rights
            self.team_box.set_editable(editable)
            self.members.set_editable(editable)
        for key, widget in self._built.items():
            self._rights_of(key, widget)

    def show_funnel(self, pipeline_key: str, stage_key: str | None = None, action: str | None = None) -> None:
        """Open the Funnel tab; with a stage and an action (merge_previous, merge_next, split)
        that change is prepared, as the report view's stage table asks."""
        self.tabs.setCurrentWidget(self.funnel)
        if stage_key is not None and action is not None:
            self.funnel.prepare(pipeline_key, stage_key, action)

    def _on_changed(self, changes: Changes) -> None:
        plans = self._built.get("plans")  # a tab not built yet reads everything when it is
        if self._team_part is None:
            self._team_data = None  # what the page read first is out of date: the boxes read anew
        if changes.users:
            self._fill_me()
            if self._team_part is not None:
                self.members.reload()
            if plans is not None:
                plans.reload()
            self._apply_rights()
        if changes.plans and plans is not None:
            plans.reload()
        if changes.settings:
            if self._team_part is not None:
                self.team_box.reload()
            if plans is not None:
                plans.reload()
