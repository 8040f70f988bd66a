"""Every error reaches the user as one readable sentence, with the details in the log file:
exceptions in slots, threads and background tasks; a damaged, read-only or networked
database at start; a busy database during a move or an undo."""
from __future__ import annotations

import logging
import sqlite3
import threading

import pytest
from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from voronka.desktop import app as app_module
from voronka.desktop.logfile import install_log_file, log_path
from voronka.models import notices
from voronka.models.services.deals import create_deal
from voronka.views.app_context import AppContext
from voronka.views.failures.handler import ErrorReporter
from board_support import events_of


@pytest.fixture
def dialogs(monkeypatch):
    """Every QMessageBox shown: its text, closed at once as a user would."""
    shown: list[str] = []

    def fake_exec(box):
        shown.append(box.text() + (" " + box.informativeText() if box.informativeText() else ""))
        box.done(0)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture
def reporter(qtbot):
    path = install_log_file()
    rep = ErrorReporter(path).install()
    yield rep
    rep.uninstall()
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "baseFilename", None) == str(path)]:
        root.removeHandler(handler)
        handler.close()


class Emitter(QObject):
    fire = Signal()


# --- the application-wide handler ------------------------------------------------------------------
@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_a_dialog_and_a_traceback_in_the_log(reporter, dialogs, qtbot):
    emitter = Emitter()

    def broken_slot():
        raise ZeroDivisionError("the pipeline value divided by zero")

    emitter.fire.connect(broken_slot)
    emitter.fire.emit()
    qtbot.waitUntil(lambda: len(dialogs) == 1)
    assert "Something went wrong: the pipeline value divided by zero" in dialogs[0]
    assert str(log_path()) in dialogs[0]
    logged = log_path().read_text(encoding="utf-8")
    assert "Traceback" in logged and "broken_slot" in logged


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_thread_is_shown_on_the_ui_thread(reporter, dialogs, qtbot):
    worker = threading.Thread(target=lambda: 1 / 0, name="sync-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(dialogs) == 1)
    assert "ZeroDivisionError" in dialogs[0]
    assert "sync-worker" in log_path().read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_a_background_task_without_an_error_callback_reports_through_the_handler(reporter, dialogs, qtbot):
    from voronka.views.worker import start_task

    def work(progress):
        raise KeyError("missing column")

    task = start_task(None, work, on_done=lambda result: None, show_dialog=False)
    qtbot.waitUntil(lambda: not task.running)
    qtbot.waitUntil(lambda: len(dialogs) == 1)
    assert "missing column" in dialogs[0]


@pytest.mark.qt_no_exception_capture
def test_a_domain_error_keeps_its_own_sentence_and_no_traceback(reporter, dialogs, qtbot):
    from voronka.models.errors import LostReasonRequired

    emitter = Emitter()
    emitter.fire.connect(lambda: (_ for _ in ()).throw(LostReasonRequired()))
    emitter.fire.emit()
    qtbot.waitUntil(lambda: len(dialogs) == 1)
    assert dialogs == ["A lost deal needs a reason."]
    assert "Traceback" not in log_path().read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_errors_arriving_while_a_dialog_is_open_are_counted_not_stacked(reporter, monkeypatch, qtbot):
    opened: list[str] = []

    def slow_exec(box):  # while this dialog is open two more errors arrive
        opened.append(box.text())
        reporter.report(ValueError("second"), now=True)
        reporter.report(ValueError("third"), now=True)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", slow_exec)
    reporter.report(ValueError("first"), now=True)
    assert len(opened) == 1 and reporter.suppressed == 2 and len(reporter.shown) == 3


def test_an_error_before_the_window_opens_is_a_dialog_and_exit_1(dialogs, monkeypatch, qtbot):
    def broken(*args):
        raise RuntimeError("demo build failed")

    monkeypatch.setattr(app_module, "choose_database", broken)
    assert app_module.run_app(["--lang", "en"]) == 1
    assert any("demo build failed" in text for text in dialogs)


def test_about_names_the_log_file(db, tmp_path, qtbot, monkeypatch):
    from voronka.views.main_window import MainWindow

    ctx = AppContext(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), language="en")
    ctx.user_id = 1
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    said = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: said.append(box.text()) or 0)  # never a modal loop
    window.about_action.trigger()
    assert str(log_path()) in said[0] and db.location in said[0]


# --- databases that cannot be used, in the app ---------------------------------------------------------
def test_a_damaged_database_at_start_is_a_dialog_and_stays_untouched(db, tmp_path, dialogs, qtbot):
    path = tmp_path / "voronka.db"
    db.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = path.read_bytes()
    assert app_module.open_with_dialogs(str(path), "en") is None
    assert "is damaged" in dialogs[0] and "not changed" in dialogs[0]
    assert path.read_bytes() == before


def test_a_read_only_database_at_start_says_read_only(db, tmp_path, dialogs, qtbot):
    path = tmp_path / "voronka.db"
    db.close()
    path.chmod(0o444)
    try:
        assert app_module.open_with_dialogs(str(path), "en") is None
    finally:
        path.chmod(0o644)
    assert "read-only" in dialogs[0] and "folder" not in dialogs[0]


def test_a_database_on_a_network_share_gets_one_dialog_recommending_the_server(tmp_path, dialogs, monkeypatch, qtbot):
    mounts = tmp_path / "mounts"
    mounts.write_text(f"//filer/sales {tmp_path} cifs rw 0 0\n")
    monkeypatch.setattr(notices, "MOUNTS", mounts)
    monkeypatch.setattr(notices.sys, "platform", "linux")
    db = app_module.open_with_dialogs(str(tmp_path / "team.db"), "en")
    assert db is not None
    db.close()
    assert len(dialogs) == 1 and "network share (cifs)" in dialogs[0] and "server mode" in dialogs[0]


# --- a busy database during a move and an undo ------------------------------------------------------------
@pytest.fixture
def ctx(db, tmp_path):
    context = AppContext(db, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), language="en")
    context.user_id = 1
    db.busy_delays = db.interactive_delays = (0.05,)
    return context


def _hold_lock(db):
    holder = sqlite3.connect(db.location, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def test_a_move_on_a_locked_database_is_one_sentence_and_changes_nothing(ctx, db, monkeypatch, qtbot):
    from PySide6.QtWidgets import QWidget

    from voronka.models.queries.board import board_stages
    from voronka.views.board import commands

    deal = db.run(create_deal, name="Acme", user_id=1, stage_key="work_started").created[0]
    before = events_of(db, deal)
    shown = []
    monkeypatch.setattr(commands, "show_error", lambda parent, exc: shown.append(commands_describe(exc)))
    widget = QWidget()
    qtbot.addWidget(widget)
    actions = commands.BoardActions(ctx, widget, lambda deal_id: "Acme")
    stage = next(s for s in ctx.query(board_stages, "sales") if s.key == "outreach_started")
    holder = _hold_lock(db)
    try:
        assert actions.move([deal], stage) is None
    finally:
        holder.rollback()
        holder.close()
    assert shown == ["The database is busy: another program or user is writing to it. Nothing was changed; "
                     "try again in a moment."]
    assert ctx.undo_stack.count() == 0 and events_of(db, deal) == before


def commands_describe(exc):
    from voronka.views.errors import describe

    return describe(exc)


def test_an_undo_on_a_locked_database_is_one_sentence_not_a_traceback(ctx, db, qtbot):
    from voronka.models.services.deals import move_deal, undo_events

    deal = db.run(create_deal, name="Acme", user_id=1, stage_key="work_started").created[0]
    errors_seen = []
    ctx.error.connect(lambda exc: errors_seen.append(commands_describe(exc)))
    ctx.push_undoable("Move", lambda: ctx.run(move_deal, deal, "outreach_started", user_id=1),
                      lambda done: ctx.run(undo_events, done.event_ids, user_id=1))
    holder = _hold_lock(db)
    try:
        ctx.undo_stack.undo()
    finally:
        holder.rollback()
        holder.close()
    assert len(errors_seen) == 1 and "Move" in errors_seen[0]
    assert "The database is busy: another program or user is writing to it. Nothing was changed; " \
           "try again in a moment." in errors_seen[0]
    assert ctx.undo_stack.index() == 1  # the stack stayed in step with the database


def test_opening_another_database_on_a_network_share_from_the_file_menu_warns_once(db, tmp_path, dialogs,
                                                                                 monkeypatch, qtbot):
    import shiboken6

    from voronka.views.database.switch import switch_database
    from voronka.views.main_window import MainWindow

    share = tmp_path / "share"
    share.mkdir()
    mounts = tmp_path / "mounts"
    mounts.write_text(f"filer:/export {share} nfs4 rw 0 0\n")
    monkeypatch.setattr(notices, "MOUNTS", mounts)
    monkeypatch.setattr(notices.sys, "platform", "linux")
    ctx = AppContext(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), language="en")
    ctx.user_id = 1
    window = MainWindow(ctx)
    window.show()
    new = switch_database(window, str(share / "team.db"), create=True)
    qtbot.addWidget(new)
    assert new is not None and new.ctx.db.location == str(share / "team.db")
    assert len(dialogs) == 1 and "network share (nfs4)" in dialogs[0]
    new.ctx.db.close()
    if shiboken6.isValid(window):
        window.close()
        window.deleteLater()
