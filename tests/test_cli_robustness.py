"""The command line with bad databases and odd outputs: one sentence and exit 2, never a
traceback; a FIFO or device given as --out is written into and never replaced; a command
that only reads never creates a database; nothing half-written."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from voronka.desktop.cli import main
from voronka.models import notices
from voronka.models.orm import ReportSnapshot

ROOT = Path(__file__).resolve().parents[1]
REPORT = ["--period", "2026-10", "--format", "json"]


@pytest.fixture
def db_path(db, tmp_path):
    return tmp_path / "voronka.db"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _snapshots(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(ReportSnapshot))


def _damaged(path: Path) -> bytes:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path.read_bytes()


# --- --out ------------------------------------------------------------------------------------
def test_out_to_a_folder_is_one_sentence_and_stores_no_snapshot(db, db_path, tmp_path, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    code, out, err = run(capsys, "report", "--db", str(db_path), "--period", "2026-10", "--format", "xlsx",
                         "--out", str(folder))
    assert code == 2 and "is a folder" in err and err.count("\n") == 1
    assert list(folder.iterdir()) == [] and _snapshots(db) == 0


def test_out_to_dev_null_leaves_the_device_a_device(db, db_path, capsys):
    code, out, err = run(capsys, "report", "--db", str(db_path), *REPORT, "--out", "/dev/null")
    assert code == 0 and err == ""
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_out_to_a_fifo_writes_into_it_and_keeps_the_fifo(db, db_path, tmp_path, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    code, _, err = run(capsys, "report", "--db", str(db_path), *REPORT, "--out", str(fifo))
    reader.join(timeout=30)
    assert code == 0 and err == ""
    assert received and b'"metrics"' in received[0]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("voronka.db")) == ["pipe"]


def test_out_through_a_symlink_writes_the_file_and_keeps_the_link(db, db_path, tmp_path, capsys):
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    code, _, _ = run(capsys, "report", "--db", str(db_path), *REPORT, "--out", str(link))
    assert code == 0 and link.is_symlink() and '"metrics"' in real.read_text()


# --- databases that cannot be used --------------------------------------------------------------
@pytest.mark.parametrize("command", ["report", "import", "demo"])
def test_a_damaged_database_is_one_sentence_and_exit_2_from_every_command(db, db_path, tmp_path, capsys, command):
    db.close()
    before = _damaged(db_path)
    args = {"report": [*REPORT, "--out", str(tmp_path / "r.json")],
            "import": ["--dir", str(tmp_path)],
            "demo": ["--deals", "5"]}[command]
    code, out, err = run(capsys, command, "--db", str(db_path), *args)
    assert code == 2 and out == ""
    assert "damaged" in err and err.count("\n") == 1 and "Traceback" not in err
    assert db_path.read_bytes() == before
    assert not (tmp_path / "r.json").exists()


def test_a_read_only_database_says_read_only(db, db_path, capsys):
    db.close()
    db_path.chmod(0o444)
    try:
        code, _, err = run(capsys, "report", "--db", str(db_path), *REPORT, "--out", "-")
    finally:
        db_path.chmod(0o644)
    assert code == 2 and "read-only" in err and "folder" not in err


@pytest.mark.parametrize("command", ["report", "import", "demo"])
def test_an_unknown_url_is_one_sentence_and_exit_2(tmp_path, capsys, command):
    args = {"report": [*REPORT, "--out", "-"], "import": ["--dir", str(tmp_path)], "demo": []}[command]
    code, out, err = run(capsys, command, "--db", "foo://bar", *args)
    assert code == 2 and out == "" and "'foo'" in err and err.count("\n") == 1


def test_a_failed_import_into_a_new_file_leaves_no_file(tmp_path, capsys):
    folder = tmp_path / "history"
    folder.mkdir()
    (folder / "deals.csv").write_text("deal_id,name\nA-1,x\n", encoding="utf-8")
    new = tmp_path / "new.db"
    code, _, _ = run(capsys, "import", "--db", str(new), "--dir", str(folder))
    assert code == 2 and not new.exists() and not list(tmp_path.glob("new.db*"))


def test_a_database_on_a_network_share_gets_a_warning_line(db, db_path, tmp_path, capsys, monkeypatch):
    mounts = tmp_path / "mounts"
    mounts.write_text(f"//filer/sales {tmp_path} cifs rw 0 0\n")
    monkeypatch.setattr(notices, "MOUNTS", mounts)
    monkeypatch.setattr(notices.sys, "platform", "linux")
    code, out, err = run(capsys, "report", "--db", str(db_path), *REPORT, "--out", "-")
    assert code == 0 and '"metrics"' in out
    assert err.count("\n") == 1 and "network share (cifs)" in err and "server mode" in err


def test_an_unexpected_error_is_one_sentence_with_the_log_path(db, db_path, capsys, monkeypatch):
    from voronka.desktop.commands import report
    from voronka.desktop.logfile import log_path

    def broken(report_dict, language):
        raise RuntimeError("writer fell over")

    monkeypatch.setitem(report.WRITERS, "json", broken)
    code, out, err = run(capsys, "report", "--db", str(db_path), *REPORT, "--out", "-")
    assert code == 1 and "writer fell over" in err and str(log_path()) in err and err.count("\n") == 1
    logged = log_path().read_text(encoding="utf-8")
    assert "Traceback" in logged and "RuntimeError: writer fell over" in logged


# --- as a real process ------------------------------------------------------------------------------
def _voronka(*args: str, env_home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(env_home), "HOME": str(env_home)}
    return subprocess.run([sys.executable, "-m", "voronka.desktop.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_as_a_process_a_damaged_file_and_a_bad_url_end_in_one_line_each(db, db_path, tmp_path):
    db.close()
    before = _damaged(db_path)
    done = _voronka("report", "--db", str(db_path), *REPORT, "--out", "-", env_home=tmp_path / "home")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "damaged" in done.stderr and "Traceback" not in done.stderr
    assert db_path.read_bytes() == before
    done = _voronka("report", "--db", "foo://bar", *REPORT, "--out", "-", env_home=tmp_path / "home")
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    done = _voronka("report", "--db", str(tmp_path / "missing.db"), *REPORT, "--out", "/dev/null",
                    env_home=tmp_path / "home")
    assert done.returncode == 2 and "does not exist" in done.stderr and not (tmp_path / "missing.db").exists()
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_damage_in_a_file_too_big_for_the_opening_check_is_one_sentence_when_read(db, db_path, capsys, monkeypatch):
    from voronka.models import db as dbmod
    from voronka.models.services.deals import create_deal

    for i in range(300):
        db.run(create_deal, name=f"deal {i} " + "x" * 200, user_id=1)
    db.close()
    data = bytearray(db_path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page * 2, len(data) - page, page):
        data[offset:offset + 16] = b"\xff" * 16
    db_path.write_bytes(bytes(data))
    monkeypatch.setattr(dbmod, "QUICK_CHECK_MAX_BYTES", 0)
    code, out, err = run(capsys, "report", "--db", str(db_path), *REPORT, "--out", "-")
    assert code == 2 and out == "" and "damaged" in err and err.count("\n") == 1
    assert db_path.read_bytes() == bytes(data)


def test_dev_stdout_pointing_at_a_file_appends_to_it_as_the_shell_asked(db, db_path, tmp_path):
    db.close()
    log = tmp_path / "reports.log"
    log.write_text("earlier report\n")
    with log.open("a") as fh:  # voronka report … --out /dev/stdout >> reports.log
        env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp_path / "home")}
        done = subprocess.run([sys.executable, "-m", "voronka.desktop.cli", "report", "--db", str(db_path), *REPORT,
                               "--out", "/dev/stdout"], cwd=ROOT, env=env, stdout=fh, stderr=subprocess.PIPE,
                              text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    text = log.read_text()
    assert text.startswith("earlier report\n") and '"metrics"' in text
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
