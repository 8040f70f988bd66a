"""Every export of a Russian team reads in Russian: the command line's report (CSV, JSON, XLSX,
PDF, for a day, a week, a month, a quarter and a year) and the tables' XLSX/CSV exports (deals,
companies, contacts, lost deals, tasks), made on the demo data, hold no English word, no key
(``worked_count``, ``Pipeline: sales``) and no "p.p." — only the allowed jargon, codes and the
team's own data (websites, e-mails, deal names after the convention).

Keys the exchange formats define stay keys: the CSV report's ``id,name,value,target`` header and
``id`` column, the XLSX's «Код метрики» column, the JSON's field names, codes and ``name_en``.
"""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pypdf
import pytest
from python_calamine import CalamineWorkbook

from voronka.desktop.cli import main
from voronka.views.i18n import install_language

ANCHOR = date(2026, 6, 15)
PERIODS = ("2026-05", "2026-W20", "2026-05-14", "2026-Q1", "2025")
# Latin words a Russian file may hold: the team's jargon (with its own tooltip in the app),
# currency codes, the product's name, Roman numerals of quarters
ALLOWED = {"SDR", "AE", "CSM", "CRM", "MRR", "ARR", "CAC", "LTV", "CLV", "ARPA", "RUB", "USD", "EUR", "KZT", "BYN",
           "ID", "Voronka", "II", "III", "IV"}
WORD = re.compile(r"[A-Za-z]\.[A-Za-z]\.|[A-Za-z][A-Za-z_']+")  # "p.p." too
TERMS = re.compile(r"\bE-mail\b")  # as Russian forms write it
# the team's data written with Latin letters: websites, e-mails, deal names ``{website} - {company}``
DATA = re.compile(r"\S+@\S+\.\w+|(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/\S*)?", re.IGNORECASE)
# JSON fields holding codes or English by the exchange format (spec/exchange.md)
JSON_CODES = {"pipeline", "kind", "label", "start", "end", "as_of", "key", "role", "name_en", "month", "cohort",
              "stage", "currency", "advice"}


def english_words(texts: list[str]) -> list[str]:
    """The Latin words of ``texts`` that are neither allowed nor the team's data."""
    found = []
    for text in texts:
        found += [w for w in WORD.findall(DATA.sub(" ", TERMS.sub(" ", text))) if w not in ALLOWED]
    return found


def test_the_scan_sees_what_it_must():
    assert english_words(["Pipeline: sales", "worked_count", "−0,7 p.p.", "Выполнена? missed"]) == \
        ["Pipeline", "sales", "worked_count", "p.p.", "missed"]
    assert english_words(["acme.ru - Акме", "ivan@acme.ru", "Действий в день на SDR", "III квартал 2026", "E-mail",
                          "https://acme.ru/about"]) == []


@pytest.fixture(scope="module")
def russian_demo(tmp_path_factory) -> Path:
    from voronka.models.db import open_database
    from voronka.models.demo import build_demo

    path = tmp_path_factory.mktemp("ru") / "demo.db"
    db = open_database(path, language="ru")
    try:
        build_demo(db, deals=400, seed=11, anchor=ANCHOR)
    finally:
        db.close()
    return path


@pytest.fixture
def russian(qapp):
    """The Russian translations installed, as the command line's own Qt application does."""
    install_language("ru")
    yield
    install_language("en")


# --- reading the files back ------------------------------------------------------------------
def pdf_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def xlsx_texts(path: Path) -> list[str]:
    """Sheet names and text cells, without the metric code column (a key for programs)."""
    book = CalamineWorkbook.from_path(str(path))
    texts = list(book.sheet_names)
    for name in book.sheet_names:
        skip: set[int] = set()
        for row in book.get_sheet_by_name(name).to_python():
            if "Код метрики" in row:
                skip = {row.index("Код метрики")}
            texts += [c for i, c in enumerate(row) if isinstance(c, str) and i not in skip]
    return texts


def csv_texts(path: Path, keys_first: bool = False) -> list[str]:
    """Cells of a CSV file (``keys_first``: without the header row and the id column)."""
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))
    if keys_first:
        assert rows[0] == ["id", "name", "value", "target"]  # spec/exchange.md: the format's header
        return [c for row in rows[1:] for c in row[1:]]
    return [c for row in rows for c in row]


def json_texts(path: Path) -> list[str]:
    texts: list[str] = []

    def walk(value, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and key not in JSON_CODES:
            texts.append(value)

    walk(json.loads(path.read_text("utf-8")))
    return texts


READ = {"pdf": pdf_texts, "xlsx": xlsx_texts, "csv": lambda p: csv_texts(p, keys_first=True), "json": json_texts}


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx", "pdf"])
def test_the_command_lines_russian_reports_hold_no_english(russian_demo, russian, tmp_path, fmt):
    found: dict[str, list[str]] = {}
    for period in PERIODS:
        out = tmp_path / f"report-{period}.{fmt}"
        # no --lang: the team's language (Russian: the demo was made in Russian)
        assert main(["report", "--db", str(russian_demo), "--period", period, "--format", fmt,
                     "--out", str(out)]) == 0
        texts = READ[fmt](out)
        assert any(re.search("[а-яА-Я]", t) for t in texts), f"{out.name} is in Russian"
        words = english_words(texts)
        if words:
            found[period] = sorted(set(words))
        assert not any("p.p." in t or "п. п." in t for t in texts)  # «п.п.» is how a Russian writes it
    assert not found, found


# --- the tables' exports ---------------------------------------------------------------------
@pytest.fixture
def ctx(russian_demo, russian, tmp_path, qtbot):
    import shutil

    from voronka.models.db import open_database
    from tests.report_helpers import make_ctx, user_with_role

    copy = tmp_path / "demo.db"
    shutil.copy(russian_demo, copy)  # the pages' own reads and the board's writes stay in the copy
    db = open_database(copy, language="ru")
    context = make_ctx(db, tmp_path, None, language="ru")
    context.user_id = user_with_role(db, "head_of_sales")
    yield context
    context.executor.shutdown()
    db.close()


def exported(path: Path) -> list[str]:
    if path.suffix == ".csv":
        return csv_texts(path)
    return xlsx_texts(path)


def table_page(cls, ctx, qtbot):
    page = cls(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitUntil(lambda: not page.loading and not page.counting and ctx.executor.idle(), timeout=20000)
    return page


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_the_russian_table_exports_hold_no_english(ctx, qtbot, tmp_path, suffix):
    from voronka.views.tables.companies import CompaniesPage
    from voronka.views.tables.contacts import ContactsPage
    from voronka.views.tables.deals import DealsPage

    found: dict[str, list[str]] = {}
    for cls in (DealsPage, CompaniesPage, ContactsPage):
        page = table_page(cls, ctx, qtbot)
        page.set_visible_columns([c.key for c in page.model.columns])  # every column, not only the default ones
        qtbot.waitUntil(lambda: not page.loading and ctx.executor.idle(), timeout=20000)
        path = tmp_path / f"{cls.__name__}.{suffix}"
        with qtbot.waitSignal(page.exported, timeout=30000):
            page.export_to(path)
        texts = exported(path)
        assert len(texts) > 20 and any(re.search("[а-яА-Я]", t) for t in texts)
        if words := english_words(texts):
            found[cls.__name__] = sorted(set(words))[:30]
    assert not found, found


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_the_russian_lost_deals_and_tasks_exports_hold_no_english(ctx, qtbot, tmp_path, suffix):
    from voronka.views.board.page import BoardPage
    from voronka.views.tasks.page import TasksPage

    board = BoardPage(ctx)
    qtbot.addWidget(board)
    board.resize(1366, 768)
    board.show()
    qtbot.waitUntil(lambda: not board.board.loading and ctx.executor.idle(), timeout=20000)
    board.tabs.setCurrentIndex(1)
    view = board.lost_view
    qtbot.waitUntil(lambda: ctx.executor.idle() and not view.loading and view.model.rowCount() > 0, timeout=20000)
    lost = tmp_path / f"lost.{suffix}"
    with qtbot.waitSignal(view.exported, timeout=30000):
        view.export_to(str(lost))

    tasks_page = TasksPage(ctx)
    qtbot.addWidget(tasks_page)
    tasks_page.resize(1280, 720)
    tasks_page.show()
    qtbot.waitUntil(ctx.executor.idle, timeout=20000)
    tasks = tmp_path / f"tasks.{suffix}"
    tasks_page.export_to(str(tasks))
    qtbot.waitUntil(lambda: tasks.exists() and ctx.executor.idle(), timeout=20000)

    found = {}
    for path in (lost, tasks):
        texts = exported(path)
        assert len(texts) > 5 and any(re.search("[а-яА-Я]", t) for t in texts), path.name
        if words := english_words(texts):
            found[path.name] = sorted(set(words))[:30]
    assert not found, found
