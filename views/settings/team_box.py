"""Team-wide settings: the currency of amounts, the time zone all times are kept in, the
working calendar (public holidays, the team's own days off and working days: plans per
day and week and actions per day follow it), and whether a deal won on the board is copied
into Client Success (ask / always / never).

The currency and the time zone show as people read them («₽ — российский рубль», «Москва
(UTC+3)», ``shown_names``); the settings keep the codes. Both fields also take a code typed in
(``usd``, ``America/New_York``: the zone field's completer offers every zone by its name).
"""
from __future__ import annotations

from functools import cache
from zoneinfo import available_timezones

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from voronka.models.changes import Changes
from voronka.models.clock import set_team_time_zone as use_time_zone
from voronka.models.errors import InvalidValue, VoronkaError
from voronka.models.team_calendar import CalendarSetting, calendar_setting, parse_dates, set_team_calendar
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
from .shown_names import currency_label, zone_label

COMMON_ZONES = (
    "Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Omsk",
    "Asia/Novosibirsk", "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk", "Asia/Vladivostok",
    "Asia/Magadan", "Asia/Kamchatka", "Europe/Minsk", "Asia/Almaty", "Asia/Tashkent", "Asia/Tbilisi",
    "Asia/Yerevan", "Asia/Dubai", "Europe/Istanbul", "Europe/Berlin", "Europe/London", "UTC",
)


@cache
def all_time_zones() -> list[str]:
    """Every IANA zone name, sorted (read from the zone database: ~30 ms, so once, when first needed)."""
    return sorted(available_timezones())


class TeamSettingsBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, calendar: CalendarSetting | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Team"))
        self.ctx = ctx
        language = ctx.language
        self.currency = QComboBox(self)
        self.currency.setEditable(True)
        for code in CURRENCIES:
            self.currency.addItem(currency_label(code, language), code)
        self.currency.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # a typed code is looked up, not listed
        self.currency.activated.connect(lambda i: self.apply_currency(self._chosen(self.currency, i)))
        self.currency.lineEdit().returnPressed.connect(lambda: self.apply_currency(self._typed(self.currency)))
        self.time_zone = QComboBox(self)
        self.time_zone.setEditable(True)
        for zone in COMMON_ZONES:
            self.time_zone.addItem(zone_label(zone, language), zone)
        # the completer offers every zone; the list is read when the field is first focused, not
        # while the Settings page opens
        self.zone_names = QStringListModel(list(COMMON_ZONES), self)
        self._every_zone = False
        completer = QCompleter(self.zone_names, self.time_zone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.time_zone.setCompleter(completer)
        self.time_zone.lineEdit().installEventFilter(self)
        self.time_zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.time_zone.activated.connect(lambda i: self.apply_time_zone(self._chosen(self.time_zone, i)))
        self.time_zone.lineEdit().returnPressed.connect(lambda: self.apply_time_zone(self._typed(self.time_zone)))
        for combo in (self.currency, self.time_zone):
            # the field is as wide as a usual label («Москва (UTC+3)»), not the longest one
            # («Петропавловск-Камчатский (UTC+12)»), which the open list shows whole
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        self.won_copy = QComboBox(self)
        for mode, text in (("ask", self.tr("Ask each time")), ("always", self.tr("Always copy")),
                           ("never", self.tr("Never copy"))):
            self.won_copy.addItem(text, mode)
        self.won_copy.activated.connect(lambda _i: self.apply_won_copy(self.won_copy.currentData()))
        self.holidays = QComboBox(self)
        for code, text in (("RU", self.tr("Russia")), ("BY", self.tr("Belarus")), ("KZ", self.tr("Kazakhstan")),
                           ("UA", self.tr("Ukraine")), ("", self.tr("none (Monday to Friday)"))):
            self.holidays.addItem(text, code)
        self.holidays.activated.connect(lambda _i: self.apply_calendar())
        self.days_off = QLineEdit(self)
        self.days_off.setPlaceholderText(self.tr("e.g. 31.12.2026, 30.04.2027"))
        self.days_off.editingFinished.connect(self.apply_calendar)
        self.working_days = QLineEdit(self)
        self.working_days.setPlaceholderText(self.tr("e.g. 27.12.2026"))
        self.working_days.editingFinished.connect(self.apply_calendar)
        note = QLabel(self.tr("All times (moves, activities, tasks) are kept in the team's time zone; "
                              "amounts, plans and reports are in the team currency."), self)
        note.setWordWrap(True)
        set_role(note, "hint")
        form = QFormLayout(self)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Time zone"), self.time_zone)
        form.addRow(self.tr("Public holidays"), self.holidays)
        form.addRow(self.tr("Extra days off"), self.days_off)
        form.addRow(self.tr("Extra working days"), self.working_days)
        form.addRow(self.tr("Won deal → Client Success"), self.won_copy)
        form.addRow(note)
        self.reload(calendar)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched is self.time_zone.lineEdit():
            self.load_zone_names()
        return super().eventFilter(watched, event)

    def load_zone_names(self) -> None:
        """Offer every time zone in the field's completer (once)."""
        if not self._every_zone:
            self._every_zone = True
            self.zone_names.setStringList(all_time_zones())

    def reload(self, calendar: CalendarSetting | None = None) -> None:
        """Show the settings as saved (``calendar``: the working calendar, already read)."""
        self._show(self.currency, self.ctx.team_setting("team.currency", "RUB"), currency_label)
        self._show(self.time_zone, self.ctx.team_setting("team.time_zone", "Europe/Moscow"), zone_label)
        self.won_copy.setCurrentIndex(max(0, self.won_copy.findData(self.ctx.team_setting(WON_COPY_SETTING, "ask"))))
        if calendar is None:
            calendar = self.ctx.query(calendar_setting)
        self.holidays.setCurrentIndex(max(0, self.holidays.findData(calendar.holidays)))
        self.days_off.setText(", ".join(d.strftime("%d.%m.%Y") for d in calendar.days_off))
        self.working_days.setText(", ".join(d.strftime("%d.%m.%Y") for d in calendar.working_days))

    def _show(self, combo: QComboBox, code: str, label) -> None:
        """Select ``code``'s row (added when the list has none: a zone typed in earlier)."""
        index = combo.findData(code)
        if index < 0:
            combo.addItem(label(code, self.ctx.language), code)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        combo.setEditText(combo.itemText(index))

    @classmethod
    def _chosen(cls, combo: QComboBox, index: int) -> str:
        """The code of row ``index`` (or of the text typed, when Return chose no row)."""
        code = combo.itemData(index) if index >= 0 else None
        return code if code else cls._typed(combo)

    @staticmethod
    def _typed(combo: QComboBox) -> str:
        """The code of what was typed: a row's label, or a code itself (``usd``, ``Asia/Omsk``)."""
        text = combo.currentText().strip()
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        return combo.itemData(index) if index >= 0 else text

    def set_editable(self, editable: bool) -> None:
        self.currency.setEnabled(editable)
        self.time_zone.setEnabled(editable)
        self.won_copy.setEnabled(editable)
        for w in (self.holidays, self.days_off, self.working_days):
            w.setEnabled(editable)

    def _apply(self, text: str, key: str, service, value: str, default: str | None = None) -> bool:
        old, ctx = self.ctx.team_setting(key, default), self.ctx
        if value == old:
            return True
        try:
            # refused when someone changed the setting since it was read (or since the step)
            push_checked(ctx, text, text, lambda s: team_setting_state(s, key), lambda s: service(s, value),
                         lambda s: service(s, old), seen=ctx.team_setting(key),
                         found=Changes(settings=True))
        except VoronkaError as exc:
            show_error(self, exc)
            self.reload()
            return False
        return True

    def apply_currency(self, code: str) -> bool:
        code = code.strip().upper()
        if self._apply(self.tr("Team currency"), "team.currency", set_team_currency, code):
            self._show(self.currency, code, currency_label)  # the label of what was typed
            return True
        return False

    def apply_time_zone(self, name: str) -> bool:
        name = name.strip()
        if self._apply(self.tr("Team time zone"), "team.time_zone", set_team_time_zone, name):
            use_time_zone(self.ctx.team_setting("team.time_zone"))
            self._show(self.time_zone, name, zone_label)
            return True
        return False

    def apply_calendar(self) -> bool:
        """Keep the calendar as shown (one undo step); a date that cannot be read is refused, saying which."""
        old, ctx = self.ctx.query(calendar_setting), self.ctx
        try:
            new = CalendarSetting(self.holidays.currentData() or "",
                                  tuple(sorted(set(parse_dates(self.days_off.text(), self.tr("Extra days off"))))),
                                  tuple(sorted(set(parse_dates(self.working_days.text(),
                                                               self.tr("Extra working days"))))))
        except InvalidValue as exc:
            show_error(self, exc)
            return False
        if new == old:
            return True
        try:
            # refused, like any team setting, when someone changed the calendar since it was read
            text = self.tr("Working calendar")
            push_checked(ctx, text, text, calendar_setting, lambda s: set_team_calendar(s, new),
                         lambda s: set_team_calendar(s, old), seen=old, found=Changes(settings=True))
        except VoronkaError as exc:
            show_error(self, exc)
            self.reload()
            return False
        return True

    def apply_won_copy(self, mode: str) -> bool:
        return self._apply(self.tr("Copying won deals into Client Success"), WON_COPY_SETTING, set_won_copy_mode,
                           mode, default="ask")
