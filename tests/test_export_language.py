"""Exports and stage texts speak the team's language: a Russian team's `voronka report` writes
Russian titles without being told, names the pipeline rather than its key, and does not write
the computer's login name; the default funnel's stage texts follow the reader's language."""
from __future__ import annotations

import getpass
import re
from datetime import datetime

import pytest
from openpyxl import load_workbook

from voronka.desktop.cli import main
from voronka.metrics.catalogue import CATALOGUE
from voronka.models.db import open_database
from voronka.models.funnel_texts import stage_text
from voronka.models.orm import User
from voronka.models.services.deals import create_deal, win_deal

# Latin words a Russian sheet may keep: the team's jargon with its own tooltip, units, codes
ALLOWED = {"SDR", "AE", "MRR", "ARR", "CAC", "LTV", "CLV", "RUB", "USD", "EUR", "ID", "CSM", "Voronka"}


@pytest.fixture
def russian_db(tmp_path):
    path = tmp_path / "team.db"
    db = open_database(path, language="ru")
    with db.transaction() as s:
        s.add(User(name="Мария Иванова", role="ae"))
    with db.transaction() as s:
        deal = create_deal(s, name="acme.ru - Акме", user_id=1, stage_key="work_started", amount=250_000,
                           at=datetime(2026, 10, 1, 12)).created[0]
        win_deal(s, deal, user_id=1, at=datetime(2026, 10, 20, 12))
    db.close()
    return str(path)


def english_words(texts: list[str]) -> list[str]:
    words = []
    for text in texts:
        if "://" in text or "@" in text or re.fullmatch(r"[\w.-]+\.(ru|com)( - .*)?", text):
            continue  # deal names and addresses are the team's data
        words += [w for w in re.findall(r"[A-Za-z][A-Za-z_.]{2,}", text) if w not in ALLOWED]
    return words


def test_a_russian_teams_xlsx_report_has_no_english_headers(russian_db, tmp_path, qapp, monkeypatch):
    from voronka.desktop.commands import report as command
    from voronka.views.i18n import install_language

    languages = []
    real = command.WRITERS["xlsx"]

    def writer(report, language):  # the command line's own Qt app installs this language
        languages.append(language)
        install_language(language)
        return real(report, language)

    monkeypatch.setitem(command.WRITERS, "xlsx", writer)
    out = tmp_path / "report.xlsx"
    try:
        assert main(["report", "--db", russian_db, "--period", "2026-10", "--as-of", "2026-10-31T18:00:00",
                     "--format", "xlsx", "--out", str(out)]) == 0
    finally:
        install_language("en")
    assert languages == ["ru"]  # the team's language, without --lang
    book = load_workbook(out, read_only=True)
    texts = [c for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row
             if isinstance(c, str)]
    texts += [ws.title for ws in book.worksheets]
    assert any("Доход" in t or "Выручка" in t for t in texts)
    # the id column is a key for programs, kept as is; so are the report's other keys
    ids = {m.id for m in CATALOGUE} | {"lifetime_months"}
    left = [w for w in english_words(texts) if w not in ids]
    assert not left, sorted(set(left))
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        login = None
    assert login is None or login not in texts


def test_the_pdf_names_the_pipeline_not_its_key(qapp):
    from voronka.views.i18n import install_language
    from voronka.views.reports.pdf import pipeline_title

    install_language("ru")
    try:
        assert pipeline_title({"pipeline": "sales"}) == "Продажи"
        assert pipeline_title({"pipeline": "success"}) == "Клиентский успех"
        assert pipeline_title({"pipeline": "sales", "pipeline_name": "Продажи B2B"}) == "Продажи B2B"
    finally:
        install_language("en")


def test_default_stage_texts_follow_the_readers_language_until_the_team_rewrites_them():
    stored_ru = "Корзина всех потенциальных клиентов."
    assert stage_text("unsorted", "description", stored_ru, "en") == "The basket of all potential clients."
    assert stage_text("unsorted", "description", "The basket of all potential clients.", "ru") == stored_ru
    assert stage_text("unsorted", "description", "Наша корзина", "en") == "Наша корзина"
    assert stage_text("month_1", "exit_criteria", "Клиент пользовался продуктом в этом месяце.", "en") \
        == "The client used the product this month."
    assert stage_text("unsorted", "exit_criteria", None, "en") is None
