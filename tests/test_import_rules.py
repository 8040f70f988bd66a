"""Import rules on small hand-made files: team currency from the data, ambiguous dates, unmapped
values, history steps and fixes, duplicates within the file and against the database, the problems CSV."""
from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import select


def _csv(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def _preset(**kw):
    from voronka.models.importing import FileMapping, Preset

    columns = kw.pop("columns")
    formats = kw.pop("date_formats", {})
    return Preset(name="test", source="test", files=[FileMapping(role="deals", columns=columns, date_formats=formats)],
                  **kw)


COLUMNS = {"Сделка": "deal_name", "Компания": "company", "ИНН": "inn", "Сумма": "amount", "Создана": "created",
           "Этап": "stage", "Почта": "email", "Телефон": "phone", "Контакт": "contact_name"}


def test_team_currency_comes_from_the_data_of_a_first_import(db, tmp_path):
    from voronka.models.importing import dry_run, import_files, open_files, revert_import
    from voronka.models.services.settings import get_setting

    path = _csv(tmp_path, "usd.csv", "Сделка,Сумма,Создана,Этап\nA,\"$1,000\",2026-01-05,Новая\nB,$250,2026-01-06,Новая\n")
    preset = _preset(columns=COLUMNS, stages={"Новая": "unsorted"})
    tables = open_files([path])
    with db.session() as s:
        run = dry_run(s, tables, preset)
    assert run.team_currency == "USD" and run.per_currency == {"USD": 2}
    result = db.run(import_files, tables, preset)
    with db.session() as s:
        assert get_setting(s, "team.currency") == "USD"
    db.run(revert_import, result.batch_id)
    with db.session() as s:
        assert get_setting(s, "team.currency") == "RUB"


def test_a_second_currency_is_a_warning_once_the_team_has_deals(db, tmp_path):
    from voronka.models.importing import dry_run, import_files, open_files

    rub = _csv(tmp_path, "rub.csv", "Сделка,Сумма,Создана,Этап\nA,1 000 ₽,2026-01-05,Новая\n")
    usd = _csv(tmp_path, "usd.csv", "Сделка,Сумма,Создана,Этап\nB,$250,2026-01-06,Новая\n")
    preset = _preset(columns=COLUMNS, stages={"Новая": "unsorted"})
    db.run(import_files, open_files([rub]), preset)
    with db.session() as s:
        run = dry_run(s, open_files([usd]), preset)
    assert run.team_currency is None and "USD" in run.currency_warning
    assert any(p.kind == "currency_differs" and not p.blocking for p in run.problems)


def test_ambiguous_dates_and_unmapped_values_block_until_chosen(db, tmp_path):
    from voronka.models.importing import ImportRejected, dry_run, import_files, open_files

    path = _csv(tmp_path, "d.csv", "Сделка,Создана,Этап\nA,01/02/2026,Новая\nB,03/04/2026,Странная\n")
    preset = _preset(columns=COLUMNS, stages={"Новая": "unsorted"})
    tables = open_files([path])
    with db.session() as s:
        kinds = {p.kind for p in dry_run(s, tables, preset).problems if p.blocking}
    assert kinds == {"ambiguous_dates", "unmapped_value"}
    with pytest.raises(ImportRejected):
        db.run(import_files, tables, preset)
    preset.files[0].date_formats["Создана"] = "MM/DD/YYYY"
    preset.stages["Странная"] = "skip"
    result = db.run(import_files, tables, preset)
    assert result.counts["deals"] == 1 and result.counts["skipped_rows"] == 1
    from voronka.models.orm import Deal

    with db.session() as s:
        assert s.scalar(select(Deal.created_at)).month == 1 and s.scalar(select(Deal.created_at)).day == 2


def test_steps_backward_moves_and_the_disagreeing_stage(db, tmp_path):
    from voronka.models.importing import dry_run, open_files

    path = _csv(tmp_path, "s.csv", "Сделка,Создана,Дата КП,Дата демо,Этап\n"
                "A,01.02.2026,05.02.2026,03.02.2026,КП\n"   # demo before the proposal
                "B,01.02.2026,,04.02.2026,Новая\n")           # the sheet says new, the steps say demo
    columns = dict(COLUMNS, **{"Дата КП": "step:offer_sent", "Дата демо": "step:demo_run"})
    preset = _preset(columns=columns, stages={"Новая": "unsorted", "КП": "offer_sent"})
    with db.session() as s:
        run = dry_run(s, open_files([path]), preset)
    assert run.deals == 2 and not run.blocking
    assert run.backward_moves == 1  # B goes back from demo to new, as the fix adds its current stage
    assert [p.kind for p in run.problems if p.kind == "stage_disagrees_with_history"] == \
        ["stage_disagrees_with_history"]
    preset.stage_disagrees = "trust_history"
    with db.session() as s:
        run = dry_run(s, open_files([path]), preset)
    assert run.per_stage == {"offer_sent": 1, "demo_run": 1} and run.backward_moves == 0


def test_companies_and_contacts_are_found_in_the_file_and_the_database(db, tmp_path):
    from voronka.models.importing import dry_run, import_files, open_files
    from voronka.models.orm import Company, Contact

    with db.transaction() as s:
        s.add(Company(name="ООО «Ромашка»", inn="7707083893"))
        s.add(Contact(full_name="Иван Петров", email_work="ivan@romashka.ru"))
    path = _csv(tmp_path, "c.csv", "Сделка,Компания,ИНН,Создана,Этап,Почта,Телефон,Контакт\n"
                "A,Ромашка,7707083893,2026-01-05,Новая,IVAN@romashka.ru,,Иван Петров\n"
                "B,ООО Лютик,,2026-01-06,Новая,,8 (916) 123-45-67,Анна\n"
                "C,\"ООО \"\"Лютик\"\"\",,2026-01-07,Новая,,+7 916 1234567,Анна Сидорова\n")
    preset = _preset(columns=COLUMNS, stages={"Новая": "unsorted"})
    tables = open_files([path])
    with db.session() as s:
        run = dry_run(s, tables, preset)
    assert run.companies == {"found": 1, "new": 1, "same_in_file": 1}
    assert run.contacts == {"found": 1, "new": 1, "same_in_file": 1}
    result = db.run(import_files, tables, preset)
    assert result.counts["companies"] == 1 and result.counts["companies_found"] == 1
    assert result.counts["contacts"] == 1 and result.counts["contacts_found"] == 1
    preset.source = "again"  # the same rows under another source, keeping both this time
    preset.companies = preset.contacts = "keep_both"
    result = db.run(import_files, tables, preset)
    assert result.counts["companies"] == 2 and result.counts["contacts"] == 2


def test_problems_export_as_csv_with_formulas_as_text(db, tmp_path):
    from voronka.models.importing import dry_run, open_files, problems_csv

    path = _csv(tmp_path, "p.csv", "Сделка,Сумма,Создана,Этап\n=HYPERLINK(1),=1+2,2026-01-05,Новая\n")
    preset = _preset(columns=COLUMNS, stages={"Новая": "unsorted"})
    with db.session() as s:
        run = dry_run(s, open_files([path]), preset)
    rows = list(csv.reader(io.StringIO(problems_csv(run.problems))))
    assert rows[0][:3] == ["severity", "kind", "file"]
    bad = next(r for r in rows[1:] if r[1] == "bad_amount")
    assert bad[6] == "'=1+2" and bad[3] == "2"


def test_a_cp1251_semicolon_file_with_a_title_row(db, tmp_path):
    from voronka.models.importing import import_files, open_files

    path = _csv(tmp_path, "b.csv", "Сделки за январь;;\nСделка;Сумма;Создана;Этап\n"
                "Поставка;150 000,00;09.01.2026 12:14:38;Новая\n", encoding="cp1251")
    table, = open_files([path])
    assert (table.encoding, table.delimiter, table.header_row) == ("cp1251", ";", 1)
    result = db.run(import_files, [table], _preset(columns=COLUMNS, stages={"Новая": "unsorted"}))
    from voronka.models.orm import Deal

    with db.session() as s:
        assert s.scalar(select(Deal.amount_minor).where(Deal.id.in_(result.deals))) == 150000_00


def test_cancelling_from_the_progress_callback_writes_nothing(db):
    from voronka.models.importing import import_files, open_files
    from tests.import_helpers import row_counts, sample_paths, sample_preset

    class Cancelled(Exception):
        pass

    seen = []

    def progress(done, total):
        seen.append((done, total))
        if len(seen) > 1 and done == 0:  # the writing phase has begun
            raise Cancelled

    before = row_counts(db)
    with pytest.raises(Cancelled):
        db.run(import_files, open_files(sample_paths("bitrix24_like/deals.csv")), sample_preset("bitrix24_like/deals.csv"),
               progress=progress)
    assert row_counts(db) == before and seen[0] == (0, 800)
