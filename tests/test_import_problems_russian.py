"""The dry run's problems export (CSV) in Russian: its header, the severity and the kind in words,
what is wrong and what the import does — translated, values kept as the file has them; the
engine's own CSV (for programs and the command line) keeps its codes."""
from __future__ import annotations

import csv
import io

import pytest

from tests.test_russian_exports import english_words
from voronka.views.i18n import install_language

COLUMNS = {"Номер": "deal_id", "Сделка": "deal_name", "Компания": "company", "ИНН": "inn", "Сайт": "website",
           "Сумма": "amount", "Валюта": "currency", "Создана": "created", "Этап": "stage", "Статус": "status",
           "Почта": "email", "Телефон": "phone", "Контакт": "contact_name", "Бюджет": "custom:бюджет"}
HEADER = "Номер,Сделка,Компания,ИНН,Сайт,Сумма,Валюта,Создана,Этап,Статус,Почта,Телефон,Контакт\n"
ROWS = [
    "1,Альфа,ООО Альфа,123,не сайт,12abc,RUB,2026-01-05,Новая,Открыта,ivan@,12,Иван",
    "2,Бета,ООО Бета,7707083893,beta.ru,-5,деньги,2026-01-06,Новая,Открыта,,,",
    "2,Бета 2,ООО Бета,,,100,RUB,2026-01-06,Новая,Открыта,,,",
    ",Гамма,ООО Гамма,,,100,RUB,2026-01-07,Новая,Открыта,,,",
    "5,Дельта,ООО Дельта,,,100,RUB,32.13.2026,Непонятная,Открыта,,,",
    "6,Эпсилон,ООО Эпсилон,,,1 000 000 000,RUB,2026-01-08,Новая,Выиграна,,,",
    "7,Дзета,ООО Дзета,,,\"1,5,5\",RUB,2026-01-08,Новая,Странный,,,",
]


@pytest.fixture
def russian(qapp):
    install_language("ru")
    yield
    install_language("en")


def dry_problems(db, tmp_path, bad_values="warn"):
    from voronka.models.importing import FileMapping, Preset, dry_run, open_files

    path = tmp_path / "deals.csv"
    path.write_text(HEADER + "\n".join(ROWS) + "\n", encoding="utf-8")
    preset = Preset(name="t", source="t", files=[FileMapping(role="deals", columns=COLUMNS)],
                    stages={"Новая": "unsorted"}, statuses={"Открыта": "open", "Выиграна": "won"},
                    bad_values=bad_values)
    with db.session() as s:
        return dry_run(s, open_files([path]), preset).problems


@pytest.mark.parametrize("bad_values", ["warn", "refuse"])
def test_the_russian_problems_csv_holds_no_english(db, tmp_path, russian, bad_values):
    from voronka.views.importing.problem_texts import problems_csv_text

    problems = dry_problems(db, tmp_path, bad_values)
    kinds = {p.kind for p in problems}
    assert {"bad_amount", "bad_inn", "bad_website", "bad_email", "bad_phone", "bad_currency", "negative_amount",
            "duplicate_deal_id", "no_deal_id", "unknown_column", "unmapped_value"} <= kinds, kinds
    rows = list(csv.reader(io.StringIO(problems_csv_text(problems))))
    assert rows[0][:3] == ["Важность", "Проблема", "Файл"]
    assert len(rows) == len(problems) + 1
    words = english_words([c for r in rows for i, c in enumerate(r) if i not in (2, 6)])  # the file's name, its value
    assert not words, sorted(set(words))
    assert any(r[6] == "12abc" and r[7].startswith("не сумма") for r in rows[1:])  # the value as in the file
    assert any(r[5] == "Этап" and r[6] == "Непонятная" for r in rows[1:])  # a field by its label, not its key


def test_the_engines_own_csv_keeps_its_codes(db, tmp_path, russian):
    from voronka.models.importing import problems_csv

    rows = list(csv.reader(io.StringIO(problems_csv(dry_problems(db, tmp_path)))))
    assert rows[0] == ["severity", "kind", "file", "row", "cell", "column", "value", "problem", "fix"]
    assert any(r[1] == "bad_amount" and r[0] == "warning" for r in rows[1:])
