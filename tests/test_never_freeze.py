"""Screens read off the UI thread: the Tasks page through the executor (a page deleted while
its read runs raises nothing), the board's stage figures from the report's shared frames."""
from __future__ import annotations

import threading
from datetime import timedelta

import shiboken6

from board_support import ctx, open_board  # noqa: F401  (the fixture)
from voronka.models.clock import local_now
from voronka.models.services.tasks import add_task
from voronka.views.tasks.page import TasksPage


def test_the_tasks_page_reads_on_the_executor_and_a_page_deleted_meanwhile_raises_nothing(ctx, qtbot, monkeypatch):
    from voronka.views.tasks import page as module

    ctx.db.run(add_task, title="Call back", assignee_id=1, due_at=local_now() + timedelta(days=1))
    release, threads = threading.Event(), []
    real = module.task_rows

    def slow(session, **kw):
        threads.append(threading.get_ident())
        release.wait(5)
        return real(session, **kw)

    monkeypatch.setattr(module, "task_rows", slow)
    errors: list[object] = []
    ctx.error.connect(errors.append)
    page = TasksPage(ctx)
    assert page.loading and page.model.rowCount() == 0  # nothing read on the UI thread
    shiboken6.delete(page)  # e.g. a language switch rebuilds every page
    release.set()
    qtbot.waitUntil(ctx.executor.idle, timeout=10_000)
    assert errors == [] and threads and threads[0] != threading.get_ident()
    shown = TasksPage(ctx)
    qtbot.addWidget(shown)
    with qtbot.waitSignal(shown.loaded, timeout=10_000):
        pass
    assert shown.model.task_count("upcoming") == 1


def test_the_board_takes_its_stage_figures_from_the_shared_frames_cache(ctx, qtbot, monkeypatch):
    from voronka.models import loader
    from voronka.views.reports.frames_cache import FramesCache

    FramesCache.of(ctx).frames("sales")  # e.g. the start page or the report loaded them
    loads: list[str] = []
    real = loader.load_frames
    monkeypatch.setattr(loader, "load_frames", lambda db, key, *a, **k: loads.append(key) or real(db, key, *a, **k))
    page = open_board(ctx, qtbot)
    assert page.board.figures_available is True and loads == []
    FramesCache.of(ctx).invalidate()
    page.board.figures_available = None
    page.board._load_figures(page.board._token)
    qtbot.waitUntil(lambda: page.board.figures_available is not None, timeout=10_000)
    assert loads == ["sales"] and FramesCache.of(ctx).cached("sales")  # loaded once, kept for the others
