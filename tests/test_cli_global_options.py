"""Every option of ``voronka`` itself (--db, --demo, --lang, --verbose) is accepted before a
sub-command's name: ``voronka --demo report …`` runs the report on a fresh demo database instead
of opening the window."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta

import pytest

from voronka.desktop.cli import main, split_globals

REPORT = ["--period", "2026-10", "--format", "json", "--out", "-"]


@pytest.mark.parametrize("given,expected,demo", [
    (["--db", "f.db", "report", *REPORT], ["report", "--db", "f.db", *REPORT], False),
    (["--demo", "report", *REPORT], ["report", *REPORT], True),
    (["--demo", "--lang", "en", "--verbose", "report", *REPORT], ["--verbose", "report", "--lang", "en", *REPORT], True),
    (["--lang=ru", "--db=f.db", "check"], ["check", "--db=f.db"], False),  # check has nothing in a language
    (["--lang", "en", "demo", "--db", "d.db"], ["demo", "--lang", "en", "--db", "d.db"], False),
    (["--verbose", "--db", "f.db", "import", "--dir", "x"], ["--verbose", "import", "--db", "f.db", "--dir", "x"], False),
    (["--demo"], ["--demo"], False),  # no command: the app, with its options as given
    (["--db", "f.db", "--lang", "ru"], ["--db", "f.db", "--lang", "ru"], False),
])
def test_global_options_before_a_command_move_after_its_name(given, expected, demo):
    line = split_globals(given)
    assert line.args == expected
    assert line.demo is demo


@pytest.mark.parametrize("command", ["report", "check", "import", "demo"])
def test_no_global_option_before_a_command_opens_the_window(command, monkeypatch, tmp_path, capsys):
    opened = []
    monkeypatch.setattr("voronka.desktop.app.run_app", lambda args: opened.append(args) or 0)
    ran = []
    monkeypatch.setattr("voronka.desktop.cli._fresh_demo_database", lambda lang: str(tmp_path / "demo.db"))
    for option in (["--demo"], ["--lang", "ru"], ["--verbose"], ["--db", str(tmp_path / "x.db")]):
        args = [*option, command, "--help"]
        with pytest.raises(SystemExit) as done:
            main(args)
        assert done.value.code == 0, args
        ran.append(capsys.readouterr().out)
    assert not opened
    assert all(f"usage: voronka {command}" in out for out in ran)


def test_demo_and_db_together_are_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("voronka.desktop.cli._fresh_demo_database", lambda lang: pytest.fail("built a demo"))
    with pytest.raises(SystemExit) as done:
        main(["--demo", "--db", str(tmp_path / "x.db"), "report", *REPORT])
    assert done.value.code == 2
    assert "--demo and --db both name the database" in capsys.readouterr().err


def test_demo_report_from_the_command_line_runs_the_report(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    last_month = (date.today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")  # inside the demo's history
    done = subprocess.run(
        [sys.executable, "-m", "voronka.desktop.cli", "--demo", "--lang", "en", "report", "--period", last_month,
         "--format", "json", "--out", "-"],
        capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["metrics"]["revenue"] > 0  # the demo's October, not an empty database
    built = list((tmp_path / "data" / "Voronka" / "demo").glob("demo-*.db"))
    assert len(built) == 1 and str(built[0]) in done.stderr
