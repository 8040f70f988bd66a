"""First guesses: every sample's columns, roles and won/lost values guessed as its shipped preset has
them; the header row found under a title; encodings and delimiters detected; presets found again."""
from __future__ import annotations

import pytest

from tests.import_helpers import PRESETS, SAMPLE_SETS, sample_paths, sample_preset

STAGE_KEYS = ["unsorted", "work_started", "contacts_found", "outreach_started", "replied", "replied_negative",
              "replied_positive", "qualified", "demo_appointed", "demo_run", "test_started", "offer_sent",
              "committed", "signed"]
OPTIONAL = ("custom:", "skip")


@pytest.mark.parametrize("key", list(SAMPLE_SETS))
def test_columns_and_roles_are_guessed_as_the_presets_have_them(key):
    from voronka.models.importing import open_files
    from voronka.models.importing.guess import guess_preset

    guessed = guess_preset(open_files(sample_paths(key)), STAGE_KEYS)
    preset = sample_preset(key)
    assert [f.role for f in guessed.files] == [f.role for f in preset.files]
    for g, p in zip(guessed.files, preset.files):
        for header, target in p.columns.items():
            if not target.startswith(OPTIONAL) and not (key.startswith("bitrix") and header == "Дата изменения"):
                assert g.columns[header] == target, (key, header)


@pytest.mark.parametrize("key", list(SAMPLE_SETS))
def test_won_and_lost_values_are_guessed(db, key):
    from voronka.models.importing import open_files, target_of
    from voronka.models.importing.guess import guess_preset
    from voronka.models.importing.values import guess_values

    tables = open_files(sample_paths(key))
    guessed = guess_preset(tables, STAGE_KEYS)
    with db.session() as s:
        guess_values(tables, guessed, target_of(s))
    preset = sample_preset(key)
    for mapping, shipped in ((guessed.stages, preset.stages), (guessed.statuses, preset.statuses)):
        for value, target in shipped.items():
            if target in ("won", "lost", "skip"):
                assert mapping.get(value) == target, (key, value)


def test_files_are_read_as_their_shape_needs():
    from voronka.models.importing import open_files

    bitrix, = open_files(sample_paths("bitrix24_like/deals.csv"))
    assert (bitrix.encoding, bitrix.delimiter, len(bitrix)) == ("cp1251", ";", 800)
    assert sum(1 for r in bitrix.rows for c in r if isinstance(c, str) and "\n" in c) >= 29
    opp, history, users = open_files(sample_paths("salesforce_like/Opportunity.csv"))
    assert opp.encoding == "utf-8-sig" and opp.headers[0] == "Id"
    sheet, = open_files(sample_paths("spreadsheet/pipeline.xlsx"))
    assert sheet.header_row == 1 and sheet.headers[0] == "Клиент" and len(sheet) == 250
    assert sheet.row_numbers[0] == 3 and sheet.cell_name("Сумма, ₽", 85) == "C88"
    assert sheet.preview(1)[0][0] == "ООО «Континент Ритейл»"


@pytest.mark.parametrize("key", list(SAMPLE_SETS))
def test_the_shipped_preset_is_found_for_its_files(key):
    from voronka.models.importing import find_preset, open_files

    tables = open_files(sample_paths(key))
    found = find_preset([t.headers for t in tables])
    # the shipped folder is wherever the package is installed: compare the file, not the folder
    assert found is not None and found[0].name == (PRESETS / SAMPLE_SETS[key][1]).name


def test_a_saved_preset_reads_back_the_same(tmp_path):
    from voronka.models.importing import load_preset, save_preset
    from voronka.models.importing.preset import PresetInvalid

    preset = sample_preset("salesforce_like/Opportunity.csv")
    path = save_preset(preset, tmp_path / "mine.json")
    assert load_preset(path).to_dict() == preset.to_dict()
    path.write_text('{"files": [{"role": "deals", "columns": {"A": "no_such_field"}}]}', encoding="utf-8")
    with pytest.raises(PresetInvalid, match="no_such_field"):
        load_preset(path)


def test_an_unreadable_file_is_named():
    from voronka.models.importing import SourceUnreadable, read_table

    with pytest.raises(SourceUnreadable, match="no such file"):
        read_table("/nonexistent/deals.csv")


@pytest.mark.parametrize("key", ["amocrm_like/deals.xlsx", "spreadsheet/pipeline.xlsx"])
def test_the_streamed_head_of_a_sheet_equals_what_calamine_reads(key):
    from python_calamine import CalamineWorkbook

    from voronka.models.importing.xlsx_head import read_head

    path = str(sample_paths(key)[0])
    head, name, names = read_head(path, 60)
    sheet = CalamineWorkbook.from_path(path).get_sheet_by_index(0)
    full = sheet.to_python(skip_empty_area=False)[:60]
    width = max(len(r) for r in full)
    assert name == sheet.name and names == [sheet.name]
    assert [[None if c == "" else c for c in r] + [None] * (width - len(r)) for r in full] == \
        [r + [None] * (width - len(r)) for r in head]
