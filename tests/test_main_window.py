"""The main window opens on a database, shows every page, and the tables show the database's rows."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget

from voronka.models.orm import Company, Contact
from voronka.models.services.deals import create_deal
from voronka.views.app_context import AppContext
from voronka.views.main_window import MainWindow
from voronka.views.pages import PAGE_KEYS, sidebar_order


@pytest.fixture
def ctx(db, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(db, settings, language="en")
    context.user_id = 1
    return context


@pytest.fixture
def window(ctx, qtbot):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def add_records(db):
    with db.transaction() as s:
        company = Company(name="Acme", website="acme.ru")
        s.add(company)
        s.flush()
        s.add(Contact(full_name="Ivan Petrov", company_id=company.id, email_work="ivan@acme.ru"))
        cid = company.id
    db.run(create_deal, user_id=1, company_id=cid)
    db.run(create_deal, name="Second deal", user_id=2)


def test_every_sidebar_page_opens(window):
    for row in range(window.sidebar.count()):
        window.sidebar.setCurrentRow(row)
        assert window.stack.currentWidget() is not None
    assert set(window.pages) == set(PAGE_KEYS)


def settled(page, qtbot):
    """The page's ids and first rows have arrived from the executor."""
    qtbot.waitUntil(lambda: not page.loading and not page.counting and page.ctx.executor.idle(), timeout=10000)
    return page


def test_tables_show_the_database_rows(ctx, qtbot):
    add_records(ctx.db)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    deals = settled(win.page("deals"), qtbot)
    assert deals.model.rowCount() == 2
    names = {deals.model.record(i).name for i in range(2)}
    assert names == {"acme.ru - Acme", "Second deal"}
    companies = settled(win.page("companies"), qtbot)
    assert companies.model.rowCount() == 1 and companies.model.record(0).deals == 1
    contacts = settled(win.page("contacts"), qtbot)
    assert contacts.model.record(0).full_name == "Ivan Petrov"
    assert contacts.count_label.text() == "1 of 1"


def test_search_filters_the_deals_table(ctx, qtbot):
    add_records(ctx.db)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    deals = settled(win.page("deals"), qtbot)
    qtbot.keyClicks(deals.search, "ACME")
    settled(deals, qtbot)
    assert deals.model.rowCount() == 1 and deals.count_label.text() == "1 of 2"


def test_a_new_deal_appears_in_the_table_without_reopening(ctx, qtbot):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.show_page("deals")
    deals = settled(win.page("deals"), qtbot)
    assert deals.model.rowCount() == 0
    ctx.run(create_deal, name="Fresh", user_id=1)
    qtbot.waitUntil(lambda: deals.model.rowCount() == 1, timeout=5000)


def test_a_hidden_table_reloads_only_when_shown_again(ctx, qtbot):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.show_page("deals")
    deals = settled(win.page("deals"), qtbot)
    win.show_page("companies")
    ctx.run(create_deal, name="Made on the board", user_id=1)
    assert deals._stale and not deals._requery_soon.isActive()  # only remembered while hidden
    settled(deals, qtbot)
    assert deals.model.rowCount() == 0
    win.show_page("deals")
    qtbot.waitUntil(lambda: deals.model.rowCount() == 1, timeout=5000)


def test_last_page_is_remembered(ctx, qtbot):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show_page("companies")
    win.close()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.current_page_key() == "companies"


def test_switching_language_rebuilds_pages_in_russian(ctx, qtbot):
    from voronka.views.i18n import install_language

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show_page("deals")
    ctx.set_language("ru")
    try:
        assert win.sidebar.item(0).text() == "Старт"
        assert win.page("deals").model.headerData(0, Qt.Orientation.Horizontal) == "Сделка"
    finally:
        install_language("en")


def test_sidebar_order_keeps_settings_visible():
    order = sidebar_order(["board", "deals"], hidden=["start", "settings"])
    assert order[:2] == ["board", "deals"]
    assert "start" not in order and "settings" in order


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_page_fits_a_1366_pixel_laptop_screen(db, tmp_path, qtbot, language):
    from voronka.views.i18n import install_language

    install_language(language)
    try:
        ctx = AppContext(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), language=language)
        ctx.user_id = 3
        win = MainWindow(ctx)
        qtbot.addWidget(win)
        win.show()
        for key in PAGE_KEYS:
            win.show_page(key)
            assert win.minimumSizeHint().width() <= 1366, (key, win.minimumSizeHint().width())
        ctx.set_user_setting("cards.open_as", "panel")  # a card beside the widest page
        win.show_page("board")
        ctx.open_record.emit("deal", db.run(create_deal, name="Pilot", user_id=3).created[0])
        assert win.findChild(QDockWidget, "cardPanel").isVisible()
        assert win.minimumSizeHint().width() <= 1366
    finally:
        install_language("en")


def test_tables_write_dates_as_the_ui_language_does():
    from datetime import date, datetime

    from voronka.views.tables.record_model import display_text

    assert display_text(date(2026, 11, 20), "ru") == "20.11.2026"
    assert display_text(datetime(2026, 11, 20, 9, 5), "ru") == "20.11.2026 09:05"
    assert display_text(date(2026, 11, 20), "en") == "2026-11-20"
