"""`voronka import FILE… --map PRESET [--dry-run]` and the folder import's number parsing."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.import_helpers import EXPECTED, SAMPLES, row_counts

ROOT = Path(__file__).resolve().parents[1]


def voronka(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "voronka.desktop.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(ROOT / "tests")},
                          timeout=300)


def test_dry_run_prints_and_writes_nothing(tmp_path):
    db = tmp_path / "new.db"
    out = voronka("import", "--db", str(db), str(SAMPLES / "bitrix24_like" / "deals.csv"), "--map", "bitrix24_deals",
                  "--dry-run")
    assert out.returncode == 0, out.stderr
    e = EXPECTED["bitrix24_like/deals.csv"]
    assert f"Deals: {e['total']:,} (won {e['won']:,}, lost {e['lost']:,}, open {e['open']:,})" in out.stdout
    assert not db.exists()


def test_import_through_a_preset_file_then_again(tmp_path):
    db = tmp_path / "v.db"
    preset = ROOT / "resources" / "import_presets" / "salesforce_opportunities.json"
    files = [str(SAMPLES / "salesforce_like" / f) for f in ("Opportunity.csv", "OpportunityHistory.csv", "Users.csv")]
    first = voronka("import", "--db", str(db), *files, "--map", str(preset))
    assert first.returncode == 0, first.stderr
    assert "Imported 300 deals" in first.stdout
    again = voronka("import", "--db", str(db), *files, "--map", str(preset))
    assert again.returncode == 0 and "Imported 0 deals" in again.stdout and "Nothing new" in again.stdout


def test_bad_input_exits_2_with_the_problems_and_no_database(tmp_path):
    db = tmp_path / "v.db"
    sheet = SAMPLES / "spreadsheet" / "pipeline.xlsx"
    preset = tmp_path / "strict.json"
    text = (ROOT / "resources" / "import_presets" / "pipeline_sheet.json").read_text(encoding="utf-8")
    preset.write_text(text.replace('"leave_empty"', '"refuse"'), encoding="utf-8")
    out = voronka("import", "--db", str(db), str(sheet), "--map", str(preset))
    assert out.returncode == 2
    assert "pipeline.xlsx:88: Сумма, ₽: not an amount" in out.stderr
    assert "Traceback" not in out.stderr
    assert not db.exists()
    missing = voronka("import", "--db", str(db), str(sheet), "--map", "no-such-preset")
    assert missing.returncode == 2 and "no such preset" in missing.stderr
    nomap = voronka("import", "--db", str(db), str(sheet))
    assert nomap.returncode == 2 and "--map" in nomap.stderr


def _folder(tmp_path: Path, amount: str, encoding: str = "utf-8") -> Path:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "deals.csv").write_text(
        "deal_id,name,amount,status\nd1,Big deal,\"1,000\",open\nd2,Small deal,\"12,500.00\",open\n"
        f"d3,Третья сделка,\"{amount}\",open\n", encoding=encoding)
    (folder / "stage_history.csv").write_text(
        "deal_id,stage,entered_at\nd1,unsorted,2026-01-05T10:00:00\nd2,unsorted,2026-01-06T10:00:00\n"
        "d3,unsorted,2026-01-07T10:00:00\n", encoding="utf-8")
    return folder


def test_folder_import_reads_thousands_separators(tmp_path, db):
    from sqlalchemy import select

    from voronka.models.history_import.writer import import_history
    from voronka.models.orm import Deal

    import_history(db, _folder(tmp_path, "300"))
    with db.session() as s:
        amounts = dict(s.execute(select(Deal.external_id, Deal.amount_minor)).all())
    assert amounts == {"d1": 1000_00, "d2": 12500_00, "d3": 300_00}


def test_folder_import_of_a_cp1251_file_is_a_problem_not_a_traceback(tmp_path):
    db = tmp_path / "v.db"
    folder = _folder(tmp_path, "300", encoding="cp1251")
    out = voronka("import", "--db", str(db), "--dir", str(folder))
    assert out.returncode == 2
    assert "deals.csv" in out.stderr and "not UTF-8" in out.stderr and "Traceback" not in out.stderr
    assert not db.exists()


def test_folder_import_reports_an_unreadable_amount(tmp_path, db):
    import pytest

    from voronka.models.history_import.problems import ImportRejected
    from voronka.models.history_import.writer import import_history

    before = row_counts(db)
    with pytest.raises(ImportRejected) as exc:
        import_history(db, _folder(tmp_path, "1,2 млн"))
    assert any(p.column == "amount" and p.line == 4 for p in exc.value.problems)
    assert row_counts(db) == before
