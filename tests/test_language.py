"""One language at a time: domain refusals, field names and the like reach a Russian user in Russian."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from voronka.models import errors
from voronka.models.fields import FieldInvalid, FieldsInvalid
from voronka.views.domain_messages import PATTERNS, REASONS
from voronka.views.errors import describe, set_ui_language

ROOT = Path(__file__).resolve().parents[1]
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


@pytest.fixture
def russian(qapp):
    from voronka.views.i18n import install_language

    install_language("ru")
    set_ui_language("ru")
    yield
    install_language("en")
    set_ui_language("en")


def fixed_reasons() -> set[str]:
    """Every InvalidValue reason written as a plain string literal in models/."""
    found = set()
    for path in ROOT.glob("models/**/*.py"):
        text = path.read_text("utf-8")
        found.update(re.findall(r'InvalidValue\([^,()]+, "([^"{}]+)"\)', text))
    return found


def test_every_fixed_reason_of_the_domain_has_a_translation():
    missing = fixed_reasons() - set(REASONS)
    missing = {m for m in missing if not any(re.fullmatch(p, m) for p, _ in PATTERNS)}
    assert not missing, f"add these to views/domain_messages.py: {sorted(missing)}"


def test_a_refused_website_names_the_field_once_and_in_russian(russian):
    exc = FieldsInvalid([FieldInvalid("website", "domain_format", "not a website address (like acme.ru)")])
    text = describe(exc)
    assert text.startswith("Сайт: ") and "website" not in text and text.count("Сайт") == 1
    single = describe(FieldInvalid("website", "domain_format", "not a website address"))
    assert single.startswith("Сайт: ") and "website" not in single


@pytest.mark.parametrize("exc", [
    errors.InvalidValue("title", "cannot be empty"),
    errors.InvalidValue("rot_days", "must be a whole number of days, 1 or more"),
    errors.InvalidValue("name", "'Иван' is already in the team"),
    errors.InvalidValue("time_zone", "'Mars/Base' is not a time zone"),
    errors.NotFound("deal", 5),
    errors.LostReasonRequired(),
])
def test_domain_refusals_are_russian_in_a_russian_ui(russian, exc):
    text = describe(exc)
    assert CYRILLIC.search(text), text
    assert not re.search(r"\b(cannot|must|is not|already|No deal)\b", text), text


def test_the_quick_create_dialog_says_it_in_russian(db, tmp_path, qtbot, russian):
    from PySide6.QtCore import QSettings

    from voronka.models.queries.board import board_stages, pipelines
    from voronka.views.app_context import AppContext
    from voronka.views.board.quick_create import QuickCreateDialog

    ctx = AppContext(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), "ru")
    ctx.user_id = 1
    pipeline = ctx.query(pipelines)[0]
    dialog = QuickCreateDialog(ctx, pipeline.key, ctx.query(board_stages, pipeline.key)[0])
    qtbot.addWidget(dialog)
    dialog.company.setText("Новая компания")
    dialog.website.setText("не сайт")
    dialog.create()
    assert dialog.error.text().startswith("Сайт: ") and "website" not in dialog.error.text()
