"""``voronka report``: JSON with every catalogue id, CSV rows, and one-sentence refusals
that write nothing."""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pytest

from voronka.desktop.cli import main
from voronka.metrics.catalogue import CATALOGUE
from voronka.models.services.deals import create_deal, win_deal


@pytest.fixture
def db_path(db, tmp_path):
    with db.transaction() as s:
        deal = create_deal(s, name="won", user_id=1, stage_key="work_started", amount=250_000,
                           at=datetime(2026, 10, 1, 12)).created[0]
        win_deal(s, deal, user_id=1, at=datetime(2026, 10, 20, 12))
    return str(tmp_path / "voronka.db")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["report", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_report_has_every_catalogue_id(db_path, capsys):
    code, out, err = run(capsys, "--db", db_path, "--period", "2026-10", "--as-of", "2026-10-31T18:00:00",
                         "--format", "json", "--out", "-")
    assert code == 0, err
    report = json.loads(out)
    assert set(report) == {"pipeline", "period", "metrics", "targets", "stages", "users", "lost_reasons", "sources",
                           "cohorts", "revenue_by_month", "reps", "plan_decomposition"}
    assert set(report["metrics"]) == {m.id for m in CATALOGUE}
    assert report["metrics"]["revenue"] == 250_000.0
    assert report["period"] == {"kind": "month", "label": "2026-10", "start": "2026-10-01T00:00:00",
                                "end": "2026-11-01T00:00:00", "as_of": "2026-10-31T18:00:00",
                                "working_days": 22, "working_days_total": 22}
    assert report["pipeline"] == "sales"


def test_csv_report_lists_id_name_value_target(db_path, tmp_path, capsys):
    out_file = tmp_path / "report.csv"
    code, _, err = run(capsys, "--db", db_path, "--period", "2026-10", "--as-of", "2026-10-31T18:00:00",
                       "--format", "csv", "--out", str(out_file))
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out_file.read_text("utf-8"))))
    assert rows[0] == ["id", "name", "value", "target"]
    body = {r[0]: r for r in rows[1:]}
    assert list(body) == [m.id for m in CATALOGUE]
    assert body["revenue"][1:] == ["Revenue", "250000.0", ""]
    assert body["conv_reply"][2:] == ["1.0", "0.25"]  # the won deal reached every stage
    assert body["stuck_share_active"][2:] == ["", "0.5"]  # no open deal: empty value
    assert body["won_count"][2] == "1"


def test_csv_names_can_be_russian(db_path, capsys):
    code, out, _ = run(capsys, "--db", db_path, "--period", "2026-W43", "--format", "csv", "--out", "-",
                       "--lang", "ru")
    assert code == 0
    assert "revenue,Доход," in out


def test_as_of_with_an_offset_is_read_in_the_team_time_zone(db_path, capsys):
    # 15:00 UTC is 18:00 in Moscow, the default team time zone
    code, out, _ = run(capsys, "--db", db_path, "--period", "2026-10", "--as-of", "2026-10-31T15:00:00+00:00",
                       "--format", "json", "--out", "-")
    assert code == 0
    assert json.loads(out)["period"]["as_of"] == "2026-10-31T18:00:00"


@pytest.mark.parametrize("args, message", [
    (["--period", "2026-13"], "no such month"),
    (["--period", "2026-W54"], "no such ISO week"),
    (["--period", "2026-10", "--as-of", "last friday"], "not an ISO date"),
    (["--period", "2026-10", "--pipeline", "nope"], "No pipeline 'nope'"),
    (["--period", "2026-10", "--pipeline", "success"], "reports measure sales pipelines"),
])
def test_bad_input_is_one_sentence_exit_2_and_nothing_written(db_path, tmp_path, capsys, args, message):
    out_file = tmp_path / "out.json"
    code, out, err = run(capsys, "--db", db_path, *args, "--format", "json", "--out", str(out_file))
    assert code == 2
    assert message in err and err.count("\n") == 1
    assert not out_file.exists() and out == ""
    assert list(tmp_path.glob(".out.json*")) == []


def test_a_format_with_no_writer_is_refused(db_path, tmp_path, capsys, monkeypatch):
    from voronka.desktop.commands import report

    monkeypatch.delitem(report.WRITERS, "xlsx")
    code, _, err = run(capsys, "--db", db_path, "--period", "2026-10", "--format", "xlsx",
                       "--out", str(tmp_path / "r.xlsx"))
    assert code == 2 and "format xlsx is not available yet" in err
    assert not (tmp_path / "r.xlsx").exists()


def test_a_database_that_does_not_exist_is_refused_not_created(tmp_path, capsys):
    new = tmp_path / "new.db"
    code, out, err = run(capsys, "--db", str(new), "--period", "2026-10", "--format", "json", "--out", "-")
    assert code == 2 and out == ""  # spec/exchange.md (second edition): a command that only reads refuses it
    assert "does not exist" in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_output_into_a_missing_folder_is_refused(db_path, tmp_path, capsys):
    code, _, err = run(capsys, "--db", db_path, "--period", "2026-10", "--format", "json",
                       "--out", str(tmp_path / "no" / "such" / "r.json"))
    assert code == 2 and "does not exist" in err


@pytest.mark.parametrize("label, kind, start, end", [("2026-Q4", "quarter", "2026-10-01", "2027-01-01"),
                                                     ("2026", "year", "2026-01-01", "2027-01-01")])
def test_quarter_and_year_reports(db_path, capsys, label, kind, start, end):
    code, out, err = run(capsys, "--db", db_path, "--period", label, "--as-of", "2026-12-31T18:00:00",
                         "--format", "json", "--out", "-")
    assert code == 0, err
    report = json.loads(out)
    # working days by the Russian production calendar (the team's default): 31 December 2026 is a day off
    days = {"quarter": 64, "year": 247}[kind]
    assert report["period"] == {"kind": kind, "label": label, "start": f"{start}T00:00:00",
                                "end": f"{end}T00:00:00", "as_of": "2026-12-31T18:00:00",
                                "working_days": days, "working_days_total": days}
    assert report["metrics"]["revenue"] == 250_000.0
    assert set(report["metrics"]) == {m.id for m in CATALOGUE}


def test_options_before_the_command_name_are_read_as_the_commands(db_path, capsys, monkeypatch):
    """``voronka --help`` lists --db and --lang before the sub-commands, so typing them there works too."""
    opened = []
    monkeypatch.setattr("voronka.desktop.app.run_app", lambda args: opened.append(args) or 0)
    code = main(["--db", db_path, "--lang", "en", "report", "--period", "2026-10", "--format", "csv", "--out", "-"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "revenue,Revenue,250000.0," in out
    code = main([f"--db={db_path}", "--verbose", "report", "--period", "2026-10", "--format", "json", "--out", "-"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["metrics"]["revenue"] == 250_000.0
    assert not opened  # none of these opened the window
    assert main(["--db", db_path, "--verbose"]) == 0  # no command: the app, with its options as given
    assert opened == [["--db", db_path, "--verbose"]]
