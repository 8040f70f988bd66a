"""Settings: a new team sets itself up from an empty database; the head of sales keeps plans and team settings."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from card_helpers import app_context
from voronka.models.db import open_database
from voronka.models.queries.team import plans_of_year
from voronka.models.services.settings import get_setting
from voronka.views.settings.page import SettingsPage


@pytest.fixture
def head_page(db, tmp_path, qtbot):
    page = SettingsPage(app_context(db, tmp_path, 3))
    qtbot.addWidget(page)
    return page


def test_first_member_of_an_empty_database_becomes_me(tmp_path, qtbot):
    db = open_database(tmp_path / "new.db", language="en")
    try:
        ctx = app_context(db, tmp_path, None)
        page = SettingsPage(ctx)
        qtbot.addWidget(page)
        assert page.members.add_button.isEnabled()
        qtbot.keyClicks(page.members.new_name, "Helen Head")
        page.members.new_role.setCurrentIndex(page.members.new_role.findData("head_of_sales"))
        qtbot.keyClick(page.members.new_name, Qt.Key.Key_Return)
        assert ctx.user_id is not None
        assert [m.name for m in page.members.model.rows] == ["Helen Head"]
        assert page.me.currentData() == ctx.user_id
    finally:
        db.close()


def test_this_computer_box_keeps_language_and_who_i_am(head_page):
    assert head_page.language.currentData() == "en"
    assert head_page.me.currentText() == "Helen Head"


def test_a_rep_sees_team_settings_but_cannot_change_them(db, tmp_path, qtbot):
    page = SettingsPage(app_context(db, tmp_path, 1))
    qtbot.addWidget(page)
    assert not page.members.add_button.isEnabled() and not page.team_box.currency.isEnabled()
    assert not page.plans.model.flags(page.plans.model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not page.plans.months_model.flags(page.plans.months_model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert page.rights.isVisibleTo(page)


def test_head_types_monthly_and_annual_plans_and_undo_takes_one_back(head_page):
    from voronka.views.settings.plans import MONTHS_TOTAL, YEAR

    box = head_page.plans
    model, months = box.model, box.months_model
    year = model.year
    assert model.people[0][0] is None and months.user_id is None  # the whole team first, its months shown
    assert model.setData(model.index(0, YEAR), "12 000 000")  # the team's year
    assert months.setData(months.index(2, 0), "1 000 000")  # the team's March
    alex = model.row_of(2)  # a row per person
    box.table.setCurrentIndex(model.index(alex, 0))  # picked on the left: his months on the right
    assert months.user_id == 2 and box.months_title.text().startswith(model.people[alex][1])
    assert months.columnCount() == 2 and not months.flags(months.index(2, 1)) & Qt.ItemFlag.ItemIsEditable
    assert months.setData(months.index(2, 0), "500 000")  # Alex's March
    assert head_page.ctx.query(plans_of_year, year) == {(None, None): 1_200_000_000, (None, 3): 100_000_000,
                                                        (2, 3): 50_000_000}
    assert months.index(2, 0).data() == "500 000" and months.index(2, 1).data() == "1 000 000"  # the team's beside
    assert model.index(alex, MONTHS_TOTAL).data() == "500 000"
    assert months.user_id == 2  # the reload kept him picked
    head_page.ctx.undo_stack.undo()
    assert (2, 3) not in head_page.ctx.query(plans_of_year, year)
    assert months.index(2, 0).data() == ""


def test_renaming_and_deactivating_a_member(head_page):
    model = head_page.members.model
    row = next(i for i, m in enumerate(model.rows) if m.name == "Sasha SDR")
    assert model.setData(model.index(row, 0), "Sasha Petrova")
    row = next(i for i, m in enumerate(model.rows) if m.name == "Sasha Petrova")
    assert model.setData(model.index(row, 2), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert [m.name for m in model.rows][-1] == "Sasha Petrova"
    assert head_page.me.findText("Sasha Petrova") < 0  # inactive members are not offered as "me"


def test_team_currency_and_time_zone_are_saved(head_page):
    assert head_page.team_box.apply_currency("usd")
    assert head_page.team_box.apply_time_zone("Asia/Yekaterinburg")
    with head_page.ctx.db.session() as s:
        assert get_setting(s, "team.currency") == "USD"
        assert get_setting(s, "team.time_zone") == "Asia/Yekaterinburg"
    assert head_page.plans.currency.text().endswith("$")  # the sign, as the amounts show it


def test_the_head_chooses_whether_won_deals_are_copied_into_client_success(head_page, qtbot):
    from voronka.models.services.team import WON_COPY_SETTING

    combo = head_page.team_box.won_copy
    assert combo.currentData() == "ask" and combo.isEnabled()
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # "Always copy"; a keyboard change emits activated
    with head_page.ctx.db.session() as s:
        assert get_setting(s, WON_COPY_SETTING) == "always"
    head_page.ctx.undo_stack.undo()
    with head_page.ctx.db.session() as s:
        assert get_setting(s, WON_COPY_SETTING) == "ask"
    assert combo.currentData() == "ask"  # the box follows the undo


def test_an_unknown_won_copy_mode_is_refused(db):
    from voronka.models.errors import InvalidValue
    from voronka.models.services.team import set_won_copy_mode

    with pytest.raises(InvalidValue):
        db.run(set_won_copy_mode, "sometimes")


def test_the_plans_table_fits_a_1280_px_screen_in_russian(db, tmp_path, qtbot):
    """A row per person and the months of the one picked beside: a team of fifteen reads and
    types its plans without scrolling sideways at 1,280 × 720 (a column per person scrolled
    from ten people on), the widest amounts whole."""
    from fit_check import clipped
    from voronka.models.services.team import add_user, set_plan
    from voronka.views.i18n import install_language
    from voronka.views.main_window import MainWindow

    for name in ("Александр Константинопольский", "Анна Морозова", "Дмитрий Соколов", "Елена Смирнова",
                 "Екатерина Воскресенская", "Владимир Александров", "Светлана Новикова", "Игорь Лебедев",
                 "Татьяна Козлова", "Никита Воробьёв", "Юлия Павлова"):
        db.run(add_user, name=name)
    page_ctx = app_context(db, tmp_path, 3, language="ru")
    install_language("ru")
    try:
        window = MainWindow(page_ctx)
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        window.show_page("settings")
        page = window.page("settings")
        page.tabs.setCurrentWidget(page.plans)
        box = page.plans
        model = box.model
        assert model.rowCount() >= 15
        for user_id, _name in model.people:  # the widest amounts, every month
            for month in range(1, 13):
                db.run(set_plan, year=model.year, month=month, user_id=user_id, amount=Decimal("98765432"))
            db.run(set_plan, year=model.year, month=None, user_id=user_id, amount=Decimal("987654321"))
        box.reload()
        box.pick(model.people[-1][0])  # a member: the team's months beside theirs
        qtbot.waitUntil(lambda: box.months_model.columnCount() == 2)
        for table in (box.table, box.months):
            qtbot.waitUntil(lambda: 0 < table.horizontalHeader().length() <= table.viewport().width())
            assert not table.horizontalScrollBar().isVisible()
        qtbot.wait(20)
        assert clipped(box) == []
        assert window.minimumSizeHint().width() <= 1280
    finally:
        install_language("en")
