"""Record tables at any size: ids only, SQL order and filters equal to Python's, rows fetched
by page, saved views, and an export of exactly what the page shows."""
from __future__ import annotations

import csv
import threading
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import update

from voronka.models.orm import Company, Deal
from voronka.models.queries.table_search import TableFilter, TableSort, record_ids
from voronka.models.queries.tables import deal_rows
from voronka.models.services.deals import create_deal
from voronka.views.app_context import AppContext
from voronka.views.tables import lazy_model
from voronka.views.tables.companies import CompaniesPage
from voronka.views.tables.contacts import ContactsPage
from voronka.views.tables.deals import DealsPage
from voronka.views.tables.saved_views import SavedView, load_views

NAMES = ["Бета", "альфа", "Alpha", "=HYPERLINK(\"x\")", "beta", "Гамма", "+7 905", "-minus", "@home", "Дельта"]


@pytest.fixture
def ctx(db, tmp_path):
    context = AppContext(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), language="en")
    context.user_id = 1
    yield context
    context.executor.shutdown()


@pytest.fixture
def deals(db):
    """Ten deals with mixed names, amounts (some empty), owners and creation dates."""
    ids = []
    with db.transaction() as s:
        s.add(Company(name="ООО Ромашка"))
    for n, name in enumerate(NAMES):
        amount = None if n % 4 == 0 else str((n * 7919) % 1000 * 1000)
        ids.append(db.run(create_deal, name=name, user_id=1 + n % 3, amount=amount,
                          company_id=1 if n % 2 else None).created[0])
    with db.transaction() as s:
        for n, deal_id in enumerate(ids):
            s.execute(update(Deal).where(Deal.id == deal_id).values(
                created_at=datetime(2026, 1 + n, 10, 12), owner_id=1 + n % 3))
    return ids


def settled(page, qtbot):
    qtbot.waitUntil(lambda: not page.loading and not page.counting and page.ctx.executor.idle(), timeout=10000)
    return page


def open_page(cls, ctx, qtbot):
    page = cls(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    return settled(page, qtbot)


def python_order(rows, key, descending=False):
    """What a stable Python sort gives: empty values smallest, ties in id order."""
    present = sorted((r for r in rows if key(r) is not None), key=lambda r: (key(r), r.id))
    empty = sorted((r for r in rows if key(r) is None), key=lambda r: r.id)
    if descending:
        present = sorted(present, key=lambda r: r.id)
        present = sorted(present, key=key, reverse=True)
        return [r.id for r in present + empty]
    return [r.id for r in empty + present]


@pytest.mark.parametrize("column,key", [("amount", lambda r: r.amount), ("name", lambda r: r.name),
                                        ("created_at", lambda r: r.created_at), ("owner", lambda r: r.owner),
                                        ("company", lambda r: r.company)])
@pytest.mark.parametrize("descending", [False, True])
def test_sorting_in_sql_gives_the_order_python_would(db, deals, column, key, descending):
    with db.session() as s:
        rows = deal_rows(s)
        got = record_ids(s, "deal", TableFilter(), TableSort(column, descending))
    assert got == python_order(rows, key, descending)


def test_filters_in_sql_keep_what_python_would(db, deals):
    with db.session() as s:
        rows = deal_rows(s)
        flt = TableFilter(search="А", owner_id=2, created_from=date(2026, 2, 1), created_to=date(2026, 8, 10),
                          amount_min=Decimal("1000"))
        got = record_ids(s, "deal", flt, TableSort("name"))
        by_search = record_ids(s, "deal", TableFilter(search="ромаш"), None)
    owners = {r.id: r for r in rows}
    with db.session() as s:
        owner_of = dict(s.execute(Deal.__table__.select().with_only_columns(Deal.id, Deal.owner_id)).all())
    expected = [r for r in rows if ("а" in r.name.casefold() or "а" in (r.company or "").casefold())
                and owner_of[r.id] == 2 and datetime(2026, 2, 1) <= r.created_at < datetime(2026, 8, 11)
                and r.amount is not None and r.amount >= 1000]
    assert got == python_order(expected, lambda r: r.name) and got
    assert set(by_search) == {r.id for r in owners.values() if r.company == "ООО Ромашка"}  # any case, Cyrillic


def test_a_filter_round_trips_through_json():
    flt = TableFilter(search="x", status="won", owner_id=2, stage_id=5, source="Сайт", segment="SMB",
                      created_from=date(2026, 1, 1), created_to=date(2026, 3, 31),
                      amount_min=Decimal("10.50"), amount_max=Decimal("1000"))
    assert TableFilter.from_dict(flt.to_dict()) == flt
    view = SavedView("Won this quarter", flt, TableSort("amount", True), ("name", "amount"))
    assert SavedView.from_dict(view.to_dict()) == view


@pytest.mark.parametrize("cls", [DealsPage, CompaniesPage, ContactsPage])
def test_table_models_keep_qts_model_contract(cls, ctx, deals, qtbot, qtmodeltester):
    page = open_page(cls, ctx, qtbot)
    qtmodeltester.check(page.model, force_py=True)
    qtbot.waitUntil(ctx.executor.idle)


def test_rows_come_by_page_as_they_scroll_into_view(ctx, db, qtbot, monkeypatch):
    from voronka.views.tables import record_page

    monkeypatch.setattr(lazy_model, "PAGE", 10)
    monkeypatch.setattr(record_page, "PAGE", 10)
    for n in range(80):
        db.run(create_deal, name=f"Deal {n:02}", user_id=1)
    page = open_page(DealsPage, ctx, qtbot)
    model = page.model
    assert model.rowCount() == 80 and len(model._rows) < 80  # ids of all, rows of what was seen
    assert model.index(79, 0).data() is None  # not fetched yet: asks for its page
    qtbot.waitUntil(lambda: model.index(79, 0).data() == "Deal 79")
    assert len(model._rows) < 80


def test_a_change_marks_the_row_stale_and_shows_the_new_value(ctx, db, deals, qtbot):
    from voronka.models.services.deals import update_deal

    page = open_page(DealsPage, ctx, qtbot)
    row = page.model.row_of(deals[1])
    ctx.run(update_deal, deals[1], {"name": "Renamed"})
    qtbot.waitUntil(lambda: page.model.index(page.model.row_of(deals[1]), 0).data() == "Renamed", timeout=5000)
    assert row is not None


def test_the_header_sorts_in_sql_and_the_filter_bar_filters(ctx, deals, qtbot):
    page = open_page(DealsPage, ctx, qtbot)
    page.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # Amount
    settled(page, qtbot)
    assert page.sort == TableSort("amount", True)
    amounts = [page.model.record(r).amount for r in range(page.model.rowCount())]
    shown = [a for a in amounts if a is not None]
    assert shown == sorted(shown, reverse=True) and amounts[-1] is None
    page.filters_button.setChecked(True)
    settled(page, qtbot)
    owner = page.filter_bar.combos["owner_id"]
    owner.setCurrentIndex(owner.findData(2))
    settled(page, qtbot)
    assert page.model.rowCount() == sum(1 for n in range(len(NAMES)) if 1 + n % 3 == 2)
    assert page.filters_button.text().endswith("(1)")


def test_saved_views_round_trip_per_person(ctx, deals, qtbot, tmp_path):
    page = open_page(DealsPage, ctx, qtbot)
    page.search.setText("a")
    page.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    page.set_visible_columns(["amount", "name", "owner"])
    settled(page, qtbot)
    page.save_view("Mine")
    again = open_page(DealsPage, ctx, qtbot)
    assert [v.name for v in load_views(ctx, "deal")] == ["Mine"]
    again.views_combo.setCurrentIndex(again.views_combo.findData("Mine"))
    again.views_combo.activated.emit(again.views_combo.currentIndex())
    settled(again, qtbot)
    assert again.search.text() == "a" and again.sort == TableSort("amount", False)
    assert [again.model.columns[c].key for c in again.visible_columns()] == ["amount", "name", "owner"]
    assert again.model.ids == page.model.ids
    other = AppContext(ctx.db, QSettings(str(tmp_path / "o.ini"), QSettings.Format.IniFormat), language="en")
    other.user_id = 2
    assert load_views(other, "deal") == []  # another person's list is their own


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_export_writes_exactly_what_is_shown_with_formulas_as_text(ctx, deals, qtbot, tmp_path, suffix):
    page = open_page(DealsPage, ctx, qtbot)
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    page.set_visible_columns(["name", "amount"])
    page.filter_bar.set_value(TableFilter(owner_id=1))
    page.filter_bar.changed.emit()
    settled(page, qtbot)
    path = tmp_path / f"deals.{suffix}"
    with qtbot.waitSignal(page.exported, timeout=10000):
        page.export_to(path)
    shown = [[page.model.record(r).name, page.model.record(r).amount] for r in range(page.model.rowCount())]
    if suffix == "xlsx":
        ws = openpyxl.load_workbook(path).worksheets[0]
        cells = list(ws.iter_rows(values_only=True))
        assert cells[0] == ("Deal", "Amount")
        assert [[n, None if a is None else Decimal(str(a))] for n, a in cells[1:]] == shown
        types = {ws.cell(r, 1).value: ws.cell(r, 1).data_type for r in range(2, ws.max_row + 1)}
        assert types['=HYPERLINK("x")'] == "s"  # text, not a formula
    else:
        with path.open(encoding="utf-8-sig") as handle:
            cells = list(csv.reader(handle))
        assert cells[0] == ["Deal", "Amount"]
        expected = [[("'" + n) if n[0] in "=+-@" else n, "" if a is None else str(a)] for n, a in shown]
        assert cells[1:] == expected
        assert any(c[0] == "'=HYPERLINK(\"x\")" for c in cells)


def test_a_stale_table_read_never_overwrites_a_newer_one(ctx, deals, qtbot, monkeypatch):
    page = open_page(DealsPage, ctx, qtbot)
    release = threading.Event()
    from voronka.views.tables import record_page

    real = record_page.record_ids

    def slow_for_first(session, kind, flt, sort):
        if flt.search == "Бе":
            release.wait(5)
        return real(session, kind, flt, sort)

    monkeypatch.setattr(record_page, "record_ids", slow_for_first)
    page.search.setText("Бе")  # slow: still running when the user types on
    page.search.setText("Бет")
    page.search.setText("Гам")
    release.set()
    settled(page, qtbot)
    assert [page.model.record(r).name for r in range(page.model.rowCount())] == ["Гамма"]


def test_a_page_deleted_while_its_query_runs_raises_nothing(ctx, deals, qtbot, monkeypatch):
    from voronka.views.tables import record_page

    release = threading.Event()
    real = record_page.record_ids
    monkeypatch.setattr(record_page, "record_ids", lambda *a: (release.wait(5), real(*a))[1])
    page = DealsPage(ctx)
    shiboken6.delete(page)
    release.set()
    qtbot.waitUntil(ctx.executor.idle, timeout=10000)
    assert not shiboken6.isValid(page)


def test_the_deals_page_creates_a_deal_with_its_new_button(ctx, db, qtbot, monkeypatch):
    from PySide6.QtWidgets import QPushButton
    from sqlalchemy import select

    from voronka.views.board import quick_create

    def fill_and_create(dialog):
        dialog.name.setText("From the table")
        dialog.create()
        return dialog.result()

    monkeypatch.setattr(quick_create.QuickCreateDialog, "exec", fill_and_create)
    opened = []
    ctx.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    page = open_page(DealsPage, ctx, qtbot)
    next(b for b in page.findChildren(QPushButton) if b.text() == "New deal…").click()
    with db.session() as s:
        deal_id = s.scalar(select(Deal.id).where(Deal.name == "From the table"))
    assert opened == [("deal", deal_id)]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.cached(0), timeout=5000)
    assert page.model.record(0).name == "From the table"


def test_search_ignores_case_in_any_alphabet_and_takes_special_characters_literally(db, deals):
    with db.session() as s:
        def names(text):
            return sorted(r.name for r in deal_rows(s, ids=record_ids(s, "deal", TableFilter(search=text), None)))
        assert names("гАм") == ["Гамма"]  # mixed case, Cyrillic
        assert names("ALPH") == ["Alpha", "альфа"] or names("ALPH") == ["Alpha"]
        assert names("=hyper") == ['=HYPERLINK("x")']
        assert names("*") == [] and names("[") == [] and names("%") == [] and names("_") == []
        assert names("ромашка") == sorted(r.name for r in deal_rows(s) if r.company == "ООО Ромашка")


def test_companies_sort_by_open_deals_as_python_would(db, deals):
    from voronka.models.queries.tables import company_rows

    with db.session() as s:
        s.add_all([Company(name="Без сделок"), Company(name="Ещё одна")])
        s.flush()
        rows = company_rows(s)
        for descending in (False, True):
            got = record_ids(s, "company", TableFilter(), TableSort("open_deals", descending))
            assert got == python_order(rows, lambda r: r.open_deals, descending)


def test_the_first_rows_show_before_every_id_is_read(ctx, db, qtbot, monkeypatch, tmp_path):
    from PySide6.QtTest import QAbstractItemModelTester

    from voronka.views.tables import record_page

    monkeypatch.setattr(lazy_model, "PAGE", 10)
    monkeypatch.setattr(record_page, "PAGE", 10)
    monkeypatch.setattr(record_page, "FIRST_ROWS", 5)
    for n in range(35):
        db.run(create_deal, name=f"Deal {n:02}", user_id=1)
    release = threading.Event()
    real = record_page.record_ids
    monkeypatch.setattr(record_page, "record_ids", lambda *a: (release.wait(10), real(*a))[1])
    page = DealsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Fatal, page)
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    assert page.counting and page.model.rowCount() == 10 and page.count_label.text() == "Counting…"
    assert [page.model.record(r).name for r in range(5)] == [f"Deal {n:02}" for n in range(5)]
    path = tmp_path / "while-counting.csv"
    with qtbot.waitSignal(page.exported, timeout=10000) as exported:
        page.export_to(path)  # asked before the list is whole: every deal is written, not the first page
        release.set()
    assert exported.args == [str(path), 35]
    settled(page, qtbot)
    assert page.model.rowCount() == 35 and page.count_label.text() == "35 of 35"
    qtbot.waitUntil(lambda: page.model.index(34, 0).data() == "Deal 34")  # the rest come by page


def test_a_table_paints_each_cell_in_one_call_from_the_cached_texts(ctx, deals, qtbot):
    from PySide6.QtGui import QColor, QPalette

    page = open_page(DealsPage, ctx, qtbot)
    model, table = page.model, page.table
    display_asked: list[int] = []
    texts_asked: list[int] = []
    data, texts_at = model.data, model.texts_at
    model.data = lambda index, role=Qt.ItemDataRole.DisplayRole: (
        display_asked.append(1) if role == Qt.ItemDataRole.DisplayRole else None) or data(index, role)
    model.texts_at = lambda row: texts_asked.append(row) or texts_at(row)
    table.selectRow(1)
    table.viewport().repaint()
    assert display_asked == []  # Qt's seven roles per cell are not asked for
    cells = model.rowCount() * model.columnCount()
    assert 0 < len(texts_asked) <= cells  # one call per cell on screen
    image = table.viewport().grab().toImage()
    rect = table.visualRect(model.index(1, model.columnCount() - 1))
    highlight = table.palette().color(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight)
    active = table.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    corner = QColor(image.pixel(rect.right() - 2, rect.bottom() - 2))
    assert corner in (highlight, active)  # the selected row is drawn selected
    name = model.texts_at(0)[0]
    first = table.visualRect(model.index(0, 0))
    dark = [x for x in range(first.left(), first.right()) if QColor(image.pixel(x, first.center().y())).value() < 128]
    assert name and dark  # the name's letters are on screen


def test_a_cell_lays_out_user_text_as_plain_text_never_markup(ctx, deals, qtbot):
    from PySide6.QtWidgets import QStyleOptionViewItem

    page = open_page(DealsPage, ctx, qtbot)
    delegate = page.table.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(page.table)
    option.textElideMode = Qt.TextElideMode.ElideRight
    static, width = delegate._lay_out("<b>Ромашка</b> & Co", 400, option)
    assert static.textFormat() == Qt.TextFormat.PlainText and static.text() == "<b>Ромашка</b> & Co"
    assert width == option.fontMetrics.horizontalAdvance("<b>Ромашка</b> & Co")
    short, _ = delegate._lay_out("ООО «Очень длинное название компании»", 60, option)
    assert short.text().endswith("…")  # elided as Qt's own delegate does


def test_a_re_read_after_a_change_compares_the_lists_on_the_worker_not_the_ui_thread(ctx, db, deals, qtbot, monkeypatch):
    from voronka.views.tables import record_page

    page = open_page(CompaniesPage, ctx, qtbot)
    threads: list[str] = []
    real = record_page.compare_ids
    monkeypatch.setattr(record_page, "compare_ids",
                        lambda *args: threads.append(threading.current_thread().name) or real(*args))
    reordered: list[bool] = []
    model_reorder = page.model.reorder
    page.model.reorder = lambda ids, rows=(), positions=None, compared=None: (
        reordered.append(compared is not None), model_reorder(ids, rows, positions, compared))
    page.requery(keep_place=True)  # what a colleague's change starts
    settled(page, qtbot)
    assert threads and threading.main_thread().name not in threads
    assert reordered == [True]


def test_a_comparison_made_against_a_list_no_longer_shown_is_made_again():
    model = lazy_model.LazyRecordModel(None, [], lambda session, ids: [])
    model.set_ids([1, 2, 3])
    shown = model.ids
    stale = lazy_model.Comparison(before=[9, 8], equal=True, same_records=True)  # a list shown before
    model.reorder([3, 2, 1], compared=stale)
    assert model.ids == [3, 2, 1] and model.row_of(3) == 0  # not taken for "the very same list"
    fresh = lazy_model.compare_ids(model.ids, [3, 2, 1, 4], lazy_model.positions_of([3, 2, 1, 4]))
    assert not fresh.equal and not fresh.same_records and shown is not model.ids
