"""Team-wide settings: the currency of amounts, the time zone all times are kept in, and
whether a deal won on the board is copied into Client Success (ask / always / never)."""
from __future__ import annotations

from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QFormLayout, QGroupBox, QLabel, QWidget

from voronka.models.clock import set_team_time_zone as use_time_zone
from voronka.models.errors import VoronkaError
from voronka.models.services.team import (
    CURRENCIES,
    WON_COPY_SETTING,
    set_team_currency,
    set_team_time_zone,
    set_won_copy_mode,
    team_setting_state,
)

from ..app_context import AppContext
from ..errors import show_error
from ..undo import push_checked
from ..style_roles import set_role

COMMON_ZONES = (
    "Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Omsk",
    "Asia/Novosibirsk", "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk", "Asia/Vladivostok",
    "Asia/Magadan", "Asia/Kamchatka", "Europe/Minsk", "Asia/Almaty", "Asia/Tashkent", "Asia/Tbilisi",
    "Asia/Yerevan", "Asia/Dubai", "Europe/Istanbul", "Europe/Berlin", "Europe/London", "UTC",
)


class TeamSettingsBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Team"))
        self.ctx = ctx
        self.currency = QComboBox(self)
        self.currency.setEditable(True)
        self.currency.addItems(list(CURRENCIES))
        self.currency.activated.connect(lambda _i: self.apply_currency(self.currency.currentText()))
        self.currency.lineEdit().returnPressed.connect(lambda: self.apply_currency(self.currency.currentText()))
        self.time_zone = QComboBox(self)
        self.time_zone.setEditable(True)
        self.time_zone.addItems(list(COMMON_ZONES))
        completer = QCompleter(sorted(available_timezones()), self.time_zone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.time_zone.setCompleter(completer)
        self.time_zone.activated.connect(lambda _i: self.apply_time_zone(self.time_zone.currentText()))
        self.time_zone.lineEdit().returnPressed.connect(lambda: self.apply_time_zone(self.time_zone.currentText()))
        self.won_copy = QComboBox(self)
        for mode, text in (("ask", self.tr("Ask each time")), ("always", self.tr("Always copy")),
                           ("never", self.tr("Never copy"))):
            self.won_copy.addItem(text, mode)
        self.won_copy.activated.connect(lambda _i: self.apply_won_copy(self.won_copy.currentData()))
        note = QLabel(self.tr("All times (moves, activities, tasks) are kept in the team's time zone; "
                              "amounts, plans and reports are in the team currency."), self)
        note.setWordWrap(True)
        set_role(note, "hint")
        form = QFormLayout(self)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Time zone"), self.time_zone)
        form.addRow(self.tr("Won deal → Client Success"), self.won_copy)
        form.addRow(note)
        self.reload()

    def reload(self) -> None:
        self.currency.setCurrentText(self.ctx.team_setting("team.currency", "RUB"))
        self.time_zone.setCurrentText(self.ctx.team_setting("team.time_zone", "Europe/Moscow"))
        self.won_copy.setCurrentIndex(max(0, self.won_copy.findData(self.ctx.team_setting(WON_COPY_SETTING, "ask"))))

    def set_editable(self, editable: bool) -> None:
        self.currency.setEnabled(editable)
        self.time_zone.setEnabled(editable)
        self.won_copy.setEnabled(editable)

    def _apply(self, text: str, key: str, service, value: str, default: str | None = None) -> bool:
        old, ctx = self.ctx.team_setting(key, default), self.ctx
        if value == old:
            return True
        try:
            # refused when someone changed the setting since it was read (or since the step)
            push_checked(ctx, text, text, lambda s: team_setting_state(s, key), lambda s: service(s, value),
                         lambda s: service(s, old), seen=ctx.team_setting(key))
        except VoronkaError as exc:
            show_error(self, exc)
            self.reload()
            return False
        return True

    def apply_currency(self, code: str) -> bool:
        return self._apply(self.tr("Team currency"), "team.currency", set_team_currency, code.strip().upper())

    def apply_time_zone(self, name: str) -> bool:
        if self._apply(self.tr("Team time zone"), "team.time_zone", set_team_time_zone, name.strip()):
            use_time_zone(self.ctx.team_setting("team.time_zone"))
            return True
        return False

    def apply_won_copy(self, mode: str) -> bool:
        return self._apply(self.tr("Copying won deals into Client Success"), WON_COPY_SETTING, set_won_copy_mode,
                           mode, default="ask")
