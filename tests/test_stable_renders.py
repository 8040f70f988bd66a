"""The screenshot scripts draw the same picture on every run: a fixed clock (``fix_clock``) and a
friendly, fixed database path in the status bar (``~/voronka.db``)."""
from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from voronka.models.clock import fix_clock, local_now
from voronka.views.main_window import database_name

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def unfixed_clock():
    yield
    fix_clock(None)


def test_a_fixed_clock_stands_still_and_runs_again_when_released(unfixed_clock):
    fix_clock(datetime(2026, 11, 30, 11, 0, 5, 123))
    assert local_now() == datetime(2026, 11, 30, 11, 0, 5)
    fix_clock(None)
    assert abs((local_now() - datetime.now()).total_seconds()) < 5 * 3600 * 24  # the wall clock again
    assert local_now() != datetime(2026, 11, 30, 11, 0, 5)


def test_a_database_in_the_home_folder_reads_with_a_tilde(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    inside = tmp_path / "Документы" / "voronka.db"
    assert database_name(str(inside), full=True) == str(Path("~") / "Документы" / "voronka.db")
    assert database_name(str(inside)) == "voronka.db"
    assert database_name("/srv/other/team.db", full=True) == "/srv/other/team.db"


def test_the_screenshot_script_fixes_the_clock_and_the_home(monkeypatch, tmp_path, unfixed_clock):
    monkeypatch.syspath_prepend(str(ROOT / "packaging"))
    monkeypatch.setenv("HOME", "/nowhere")
    monkeypatch.setenv("USERPROFILE", "/nowhere")
    import screenshots

    path = screenshots.stable_renders(date(2026, 11, 30), tmp_path / "home")
    assert local_now() == datetime(2026, 11, 30, 11, 0)
    assert database_name(str(path), full=True) == str(Path("~") / "voronka.db")
    sys.modules.pop("screenshots", None)


def test_the_backup_folder_reads_with_a_tilde_and_opens_the_real_path(db, tmp_path, qtbot, monkeypatch):
    from card_helpers import app_context
    from voronka.views.database.settings_box import BackupSettingsBox

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    box = BackupSettingsBox(app_context(db, tmp_path, 1))
    qtbot.addWidget(box)
    box.set_folder(str(tmp_path / "backups"))
    assert box.folder.text() == str(Path("~") / "backups")
    assert box.folder_path == str(tmp_path / "backups")
    opened = []
    monkeypatch.setattr("voronka.views.database.settings_box.QDesktopServices.openUrl", lambda url: opened.append(url))
    from PySide6.QtWidgets import QPushButton

    next(b for b in box.findChildren(QPushButton) if b.text() == "Open").click()
    assert opened and opened[0].toLocalFile() == str(tmp_path / "backups")
