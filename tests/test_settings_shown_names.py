"""Settings shows the team currency and time zone as people read them, in the UI language
(«₽ — российский рубль», «Москва (UTC+3)»); the stored values stay the codes."""
from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from card_helpers import app_context
from voronka.models.queries.settings import get_setting
from voronka.views.settings.shown_names import currency_label, utc_offset_text, zone_label
from voronka.views.settings.team_box import TeamSettingsBox

WINTER = datetime(2026, 1, 15, 12)


@pytest.mark.parametrize("code,language,label", [
    ("RUB", "ru", "₽ — российский рубль"), ("RUB", "en", "₽ — Russian Rouble"), ("USD", "ru", "$ — доллар США"),
    ("KZT", "ru", "₸ — казахский тенге"), ("AED", "en", "AED — United Arab Emirates Dirham"), ("XYZ", "ru", "XYZ"),
])
def test_currency_labels(code, language, label):
    assert currency_label(code, language) == label


@pytest.mark.parametrize("zone,language,label", [
    ("Europe/Moscow", "ru", "Москва (UTC+3)"), ("Europe/Moscow", "en", "Moscow (UTC+3)"),
    ("Asia/Yekaterinburg", "ru", "Екатеринбург (UTC+5)"), ("Europe/Berlin", "ru", "Берлин (UTC+1)"),
    ("America/New_York", "en", "New York (UTC−5)"), ("Asia/Kolkata", "en", "Kolkata (UTC+5:30)"), ("UTC", "ru", "UTC"),
])
def test_zone_labels_name_the_city_and_its_offset(zone, language, label):
    assert zone_label(zone, language, WINTER) == label


def test_the_offset_follows_summer_time():
    assert utc_offset_text("Europe/Berlin", datetime(2026, 7, 1, 12)) == "UTC+2"


@pytest.mark.parametrize("language,currency,zone", [("ru", "₽ — российский рубль", "Москва (UTC+3)"),
                                                    ("en", "₽ — Russian Rouble", "Moscow (UTC+3)")])
def test_settings_shows_labels_and_keeps_codes(db, tmp_path, qtbot, language, currency, zone):
    ctx = app_context(db, tmp_path, 3, language=language)
    box = TeamSettingsBox(ctx)
    qtbot.addWidget(box)
    assert box.currency.currentText() == currency and box.currency.currentData() == "RUB"
    assert box.time_zone.currentText() == zone and box.time_zone.currentData() == "Europe/Moscow"
    assert "RUB" not in [box.currency.itemText(i) for i in range(box.currency.count())]
    # choosing a row keeps its code
    usd = box.currency.findData("USD")
    box.currency.activated.emit(usd)
    ekb = box.time_zone.findData("Asia/Yekaterinburg")
    box.time_zone.activated.emit(ekb)
    with db.session() as s:
        assert get_setting(s, "team.currency") == "USD"
        assert get_setting(s, "team.time_zone") == "Asia/Yekaterinburg"
    assert box.time_zone.currentText().endswith("(UTC+5)") and "/" not in box.time_zone.currentText()


def test_a_typed_code_or_label_is_taken_and_shown_as_a_label(db, tmp_path, qtbot):
    ctx = app_context(db, tmp_path, 3, language="ru")
    box = TeamSettingsBox(ctx)
    qtbot.addWidget(box)
    box.currency.setEditText("eur")
    qtbot.keyClick(box.currency.lineEdit(), Qt.Key.Key_Return)
    box.time_zone.setEditText("America/New_York")  # a zone not in the short list
    qtbot.keyClick(box.time_zone.lineEdit(), Qt.Key.Key_Return)
    with db.session() as s:
        assert get_setting(s, "team.currency") == "EUR"
        assert get_setting(s, "team.time_zone") == "America/New_York"
    assert box.currency.currentText() == "€ — евро"
    assert box.time_zone.currentText().startswith("Нью-Йорк (UTC")
    box.time_zone.setEditText("Москва (UTC+3)")  # a row's label typed back
    qtbot.keyClick(box.time_zone.lineEdit(), Qt.Key.Key_Return)
    with db.session() as s:
        assert get_setting(s, "team.time_zone") == "Europe/Moscow"
