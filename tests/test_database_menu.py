"""The File menu's database work: back up, restore (with a -wal beside the file), new and
open database, export everything, and the rotating daily backups."""
from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from sqlalchemy import func, select

from voronka.models import backup
from voronka.models.db import open_database
from voronka.models.orm import Deal, Pipeline
from voronka.models.services.deals import create_deal
from voronka.views.app_context import AppContext
from voronka.views.database import backups
from voronka.views.database.export_all import export_everything_to
from voronka.views.database.recent import last_database, recent_databases
from voronka.views.database.switch import switch_database
from voronka.views.main_window import MainWindow, running_window


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(db, settings, qtbot, tmp_path):
    settings.setValue(backups.FOLDER_KEY, str(tmp_path / "backups"))
    ctx = AppContext(db, settings, language="en")
    ctx.user_id = 1
    win = MainWindow(ctx)
    win.show()
    yield win
    if shiboken6.isValid(win):  # a switch deletes the window it replaces
        win.close()
        win.deleteLater()


def shown_window() -> MainWindow | None:
    """The one main window on screen (earlier tests' closed windows may linger)."""
    from PySide6.QtWidgets import QApplication

    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    assert len(shown) <= 1
    return shown[0] if shown else None


def deal_count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Deal))


def add_deals(db, n: int) -> None:
    for i in range(n):
        db.run(create_deal, name=f"Deal {i}", user_id=1)


def test_back_up_now_writes_a_complete_backup(window, qtbot, tmp_path):
    add_deals(window.ctx.db, 3)
    made = []
    backups.back_up_now(window, on_done=made.append)
    qtbot.waitUntil(lambda: bool(made), timeout=10000)
    path = made[0]
    assert path.parent == tmp_path / "backups" and path.exists()
    assert not list(path.parent.glob(".*partial"))
    copy = open_database(path, create=False)
    assert deal_count(copy) == 3
    copy.close()
    assert backup.backups_of(Path(window.ctx.db.location), path.parent)[0].path == path


def test_restore_with_a_wal_beside_the_database_gives_the_backup_content(window, qtbot, tmp_path):
    db = window.ctx.db
    location = Path(db.location)
    add_deals(db, 2)
    saved = backup.write_backup(location, tmp_path / "saved.db")
    add_deals(db, 3)  # committed into the -wal, not yet in the main file
    assert location.with_name(location.name + "-wal").stat().st_size > 0
    assert deal_count(db) == 5
    restored = []
    backups.restore_from_backup(window, saved, ask=False, on_done=restored.append)
    qtbot.waitUntil(lambda: bool(restored), timeout=10000)
    new = restored[0]
    qtbot.addWidget(new)
    assert new is not window and shown_window() is new
    assert deal_count(new.ctx.db) == 2
    new.ctx.db.close()
    again = open_database(location, create=False)  # a fresh engine reads the same
    assert deal_count(again) == 2
    again.close()
    conn = sqlite3.connect(location)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    aside = list(location.parent.glob(f"{location.stem}.replaced-*{location.suffix}"))
    assert len(aside) == 1  # what the database held, set aside with its -wal, not replayed
    before = open_database(aside[0], create=False)
    assert deal_count(before) == 5
    before.close()


def test_restore_refuses_a_file_that_is_not_a_backup(window, tmp_path, monkeypatch):
    junk = tmp_path / "notes.db"
    junk.write_text("not a database")
    shown = []
    monkeypatch.setattr(backups, "show_error", lambda parent, exc: shown.append(exc))
    assert backups.restore_from_backup(window, junk, ask=False) is None
    assert isinstance(shown[0], backup.NotABackup)
    assert deal_count(window.ctx.db) == 0


def test_new_database_switches_the_window_title_and_context(window, qtbot, tmp_path, settings):
    old_db = window.ctx.db
    add_deals(old_db, 1)
    path = tmp_path / "second team.db"
    new = switch_database(window, str(path), create=True)
    qtbot.addWidget(new)
    assert new.ctx.db.location == str(path) and path.exists()
    assert "second team.db" in new.windowTitle() and "voronka.db" not in new.windowTitle()
    assert str(path) in new.status_label.text()
    assert deal_count(new.ctx.db) == 0
    assert new.ctx.undo_stack is not window.ctx.undo_stack
    assert last_database(settings) == str(path)
    # open the first one again from the recent list
    assert old_db.location in recent_databases(settings)
    new.file_actions.fill_recent()
    entry = next(a for a in new.file_actions.recent_menu.actions() if a.text() == old_db.location)
    entry.trigger()
    back = shown_window()
    qtbot.addWidget(back)
    assert back is not new and back.ctx.db.location == old_db.location
    assert "voronka.db" in back.windowTitle()
    assert deal_count(back.ctx.db) == 1
    back.ctx.db.close()


def test_opening_a_file_that_is_not_a_database_keeps_the_window(window, tmp_path, monkeypatch):
    letter = tmp_path / "letter.db"
    letter.write_text("Dear customer,")
    shown = []
    monkeypatch.setattr("voronka.views.database.switch.show_error", lambda parent, exc: shown.append(exc))
    assert switch_database(window, str(letter)) is None
    assert shown and shown_window() is window
    assert letter.read_text() == "Dear customer,"


def test_export_everything_is_taken_back_by_the_folder_import(tmp_path, settings, qtbot):
    from voronka.models.demo import build_demo
    from voronka.models.history_import.writer import import_history

    source = open_database(tmp_path / "demo.db")
    build_demo(source, deals=150, seed=3, anchor=date(2026, 6, 15))
    ctx = AppContext(source, settings, language="en")
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    exported = []
    export_everything_to(win, tmp_path / "out", on_done=exported.append)
    qtbot.waitUntil(lambda: bool(exported), timeout=20000)
    folder = exported[0].folder
    assert folder.parent == tmp_path / "out" and (folder / "deals.csv").exists()
    assert not list((tmp_path / "out").glob(".*partial"))
    target = open_database(tmp_path / "copy.db")
    import_history(target, folder, "sales")
    for key in exported[0].pipelines:
        if key != "sales":
            import_history(target, folder / f"pipeline-{key}", key)

    def per_pipeline(db):
        with db.session() as s:
            return dict(s.execute(select(Pipeline.key, func.count(Deal.id)).join(Deal, Deal.pipeline_id == Pipeline.id)
                                  .group_by(Pipeline.key)).all())

    assert per_pipeline(target) == per_pipeline(source)
    assert sum(per_pipeline(source).values()) == exported[0].deals
    target.close()
    source.close()


def test_daily_backups_keep_the_last_seven(tmp_path):
    database = tmp_path / "team.db"
    sqlite3.connect(database).execute("CREATE TABLE alembic_version (version_num TEXT)").connection.commit()
    folder = tmp_path / "backups"
    start = datetime(2026, 11, 1, 9, 0)
    made = [backup.auto_backup(database, folder, now=start + timedelta(days=d)) for d in range(9)]
    assert all(made)
    assert backup.auto_backup(database, folder, now=start + timedelta(days=8, hours=5)) is None  # not due yet
    manual = backup.write_backup(database, folder / backup.backup_name(database))
    kept = backup.backups_of(database, folder)
    autos = [b for b in kept if b.automatic]
    assert len(autos) == 7 and autos[-1].made_at == start + timedelta(days=2)
    assert manual in {b.path for b in kept}
    other = tmp_path / "elsewhere" / "team.db"  # same name, another folder: another set
    other.parent.mkdir()
    sqlite3.connect(other).close()
    assert backup.auto_backup_due(other, folder)
