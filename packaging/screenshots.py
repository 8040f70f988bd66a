"""Render the screenshots in ``docs/`` offscreen from a fresh demo database.

    python packaging/screenshots.py [--only settings,tasks] [--lang ru] [--theme light|dark] [--out docs] [--size 1280x720]

Each shot is one page of the main window (as the head of sales, who sees every tile and
setting), grabbed after its background work has finished. The demo is deterministic
(seed 1, 2,000 deals, ending on ``--today``, default today), the clock stands at 11:00 of that
day (the reports' "as of", the tasks' "overdue", the PDF's "exported") and the database is
``~/voronka.db`` of a temporary home folder, so re-running changes an image only when the
screen changed.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIZE = (1366, 768)  # the common laptop screen; the Russian UI is the one that must fit
SHOTS = {  # file name → main-window page ("main-window" grabs the whole window)
    "main-window": "board",
    "start-page": "start",
    "board": "board",
    "tasks": "tasks",
    "settings": "settings",
    "layout-editor": "settings",
    "plans": "settings",
    "report-monthly": "reports",
    "report-weekly": "reports",
    "report-daily": "reports",
    "report-mrr": "reports",
    "report-reps": "reports",
    "report-plan": "reports",
    "deals-table": "deals",
    "board-stuck": "board",
    "board-lost": "board",
    "funnel-rules": "board",
    "card-deal": "board",
    "card-lead": "board",
    "card-company": "board",
    "card-contact": "board",
    "report-pdf-page1": "reports",
    "search": "start",
    "first-day": "start",  # a new team's empty database: the start page says what to do
}
ON_REQUEST = {"plans"}  # rendered with --only (no page of docs/ shows it)
SIZES = {"deals-table": (1280, 720), "report-mrr": (1366, 768), "report-reps": (1366, 768),
         "report-plan": (1366, 768)}  # the smallest laptop screen we design the tables for
REPORT_TABS = {"report-monthly": 0, "report-weekly": 1, "report-daily": 2}
BOARD_TABS = {"board-lost": 1, "funnel-rules": 2}
CARDS = {"card-deal": "deal", "card-lead": "lead", "card-company": "company", "card-contact": "contact"}
CARD_SIZE = (1100, 760)
EXTRA_REPORT_TABS = {"report-mrr": "mrr", "report-reps": "reps", "report-plan": "plan"}  # the second edition's


def _prepare(name: str, page):
    """Put a page into the state its shot shows; returns "is it ready?"."""
    from PySide6.QtCore import Qt

    if name == "tasks":  # the head of sales has few tasks of her own: show the team's
        page.scope.setCurrentIndex(page.scope.findData("team"))
    if name in REPORT_TABS:  # the change column and the trend charts come last
        page.tabs.setCurrentIndex(REPORT_TABS[name])
        if name != "report-monthly":  # the last whole week / working day, not the one just begun
            page.prev_button.click()
            if name == "report-daily":
                while page.controller.period.start.weekday() >= 5:
                    page.prev_button.click()
        return lambda: "previous" in (page.current_tab().bundle or {}) and not page.current_tab().drawing()
    if name in EXTRA_REPORT_TABS:  # this month so far: the plan's "still to do" is today's
        page.show_tab(EXTRA_REPORT_TABS[name])
        tab = page.report_tabs[EXTRA_REPORT_TABS[name]]
        return lambda: "previous" in (tab.bundle or {}) and not tab.drawing()  # every chart drawn
    if name in BOARD_TABS:
        page.tabs.setCurrentIndex(BOARD_TABS[name])
        return lambda: page.ctx.executor.idle()
    if name == "board-stuck":
        page.tabs.setCurrentIndex(0)
        page.filter_bar.stuck.setChecked(True)
        return lambda: page.ctx.executor.idle()
    if name == "layout-editor":
        page.tabs.setCurrentWidget(page.layouts)
    if name == "plans":
        page.tabs.setCurrentWidget(page.plans)
    if name == "start-page":
        return lambda: not page.report_running()
    if name == "search":  # Ctrl+K and a few letters: the grouped list under the box
        box = page.window().search_box
        box.activate()
        box.setText("альф")
        box.textEdited.emit(box.text())
        return lambda: not page.report_running() and box.model.text == "альф" and box.popup.isVisible()
    if name == "deals-table":  # the filter row open, the newest deals first
        page.filters_button.setChecked(True)
        page.table.sortByColumn([c.key for c in page.model.columns].index("created_at"),
                                Qt.SortOrder.DescendingOrder)
        return lambda: not page.loading and page.ctx.executor.idle() and page.model.cached(0)
    return lambda: True


def _card_record(db, kind: str) -> int:
    """The record a card shot shows: an open deal well into the sales funnel with a company and
    people, a lead in the first stage, the company and the contact of that deal."""
    from sqlalchemy import text

    with db.session() as s:
        deal = s.scalar(text(
            "SELECT d.id FROM deals d JOIN stages st ON st.id = d.stage_id JOIN pipelines p ON p.id = d.pipeline_id"
            " WHERE d.status = 'open' AND p.key = 'sales' AND st.position >= 4 AND d.company_id IS NOT NULL"
            " AND EXISTS (SELECT 1 FROM deal_contacts dc WHERE dc.deal_id = d.id)"
            " ORDER BY (SELECT count(*) FROM deal_events e WHERE e.deal_id = d.id) DESC, d.id LIMIT 1"))
        if kind == "deal":
            return deal
        if kind == "lead":
            return s.scalar(text(
                "SELECT d.id FROM deals d JOIN stages st ON st.id = d.stage_id JOIN pipelines p ON p.id = d.pipeline_id"
                " WHERE d.status = 'open' AND p.key = 'sales' ORDER BY st.position, d.id LIMIT 1"))
        if kind == "company":
            return s.scalar(text("SELECT company_id FROM deals WHERE id = :d"), {"d": deal})
        return s.scalar(text("SELECT contact_id FROM deal_contacts WHERE deal_id = :d ORDER BY contact_id LIMIT 1"),
                        {"d": deal})


def _card_shot(app, ctx, window, name: str, path: Path) -> None:
    """Open a card in its own window, wait for its data, grab the window."""
    from voronka.views.cards import open_card

    ctx.set_user_setting("cards.open_as", "window")
    kind = CARDS[name]
    card = open_card(ctx, "deal" if kind == "lead" else kind, _card_record(ctx.db, kind), window)
    card.window().resize(*CARD_SIZE)
    _settle(app, lambda: not card.loading and ctx.executor.idle())
    if not card.window().grab().save(str(path)):
        raise OSError(f"could not write {path}")
    card.window().close()


def _pdf_shot(db, language: str, path: Path) -> None:
    """Page 1 of the monthly report's PDF (the last whole month), as the export writes it."""
    from voronka.metrics.periods import parse_period
    from voronka.metrics.report_bundle import build_bundle
    from voronka.models.loader import load_frames
    from voronka.views.reports.pdf import page_image

    import datetime as dt

    from voronka.models.clock import local_now

    last_month = (local_now().date().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    bundle = build_bundle(load_frames(db), parse_period(last_month))
    if not page_image(bundle, 0, language).save(str(path)):
        raise OSError(f"could not write {path}")


def _first_day_shot(app, language: str, folder: str, path: Path) -> None:
    """The whole window on a new, empty database: the start page's first-day panel."""
    from PySide6.QtCore import QSettings

    from voronka.models.db import open_database
    from voronka.views.app_context import AppContext
    from voronka.views.main_window import MainWindow

    home = Path(folder) / "first-day"  # its own user folder: it too reads "~/voronka.db"
    home.mkdir()
    os.environ["HOME"] = os.environ["USERPROFILE"] = str(home)
    db = open_database(home / "voronka.db", language=language)
    ctx = AppContext(db, QSettings(str(Path(folder) / "new-team.ini"), QSettings.Format.IniFormat), language)
    window = MainWindow(ctx)
    window.resize(*SIZE)
    window.show()
    window.show_page("start")
    state = window.page("start").empty_state
    _settle(app, lambda: ctx.executor.idle() and state.isVisible() and state.demo_button.isVisible())
    if not window.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    window.close()
    ctx.executor.shutdown()
    db.close()
    os.environ["HOME"] = os.environ["USERPROFILE"] = str(Path(folder) / "home")


ANIMATIONS_S = 0.4  # long enough for Qt's fades and slides to end before a grab
CLOCK_TIME = (11, 0)  # the renders' "now": a working hour of --today


def stable_renders(today, home: Path) -> Path:
    """Make a render the same picture on every run: the clock stands at 11:00 of ``today`` and
    the user folder is ``home`` (the status bar shows ``~/voronka.db``, not a random temporary
    path). Returns the database path to use. Call before the QApplication is made."""
    import datetime as dt

    from voronka.models.clock import fix_clock

    fix_clock(dt.datetime.combine(today, dt.time(*CLOCK_TIME)))
    home.mkdir(parents=True, exist_ok=True)
    os.environ["HOME"] = os.environ["USERPROFILE"] = str(home)  # Path.home() on POSIX / Windows
    return home / "voronka.db"


def parse_today(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def _settle(app, done=lambda: True, timeout_s: float = 60.0) -> None:
    """Process events until ``done()`` and no background task is left."""
    import time

    from voronka.views.reports.background import running_tasks

    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        app.processEvents()
        if done() and running_tasks() == 0:
            # let Qt's short animations end (a line edit's clear button fades in over ~150 ms):
            # grabbed midway, the same screen came out a little different on each run
            calm = time.monotonic() + ANIMATIONS_S
            while time.monotonic() < calm:
                app.processEvents()
                time.sleep(0.01)
            return
        time.sleep(0.02)
    raise TimeoutError("the page did not finish its background work in time")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated shot names: " + ", ".join(SHOTS))
    parser.add_argument("--lang", default="ru", choices=("ru", "en"))
    parser.add_argument("--theme", default="light", choices=("light", "dark"))
    parser.add_argument("--out", default=str(ROOT / "docs"))
    parser.add_argument("--today", type=parse_today, default=None,
                        help="the day the demo ends and the renders are made (default: today)")
    parser.add_argument("--size", help="the window's WIDTHxHEIGHT for every page shot (e.g. 1280x720, "
                                       "to review the smallest screen); the docs' sizes by default")
    args = parser.parse_args(argv)
    wanted = args.only.split(",") if args.only else [name for name in SHOTS if name not in ON_REQUEST]
    unknown = sorted(set(wanted) - set(SHOTS))
    if unknown:
        parser.error(f"unknown shots: {', '.join(unknown)}")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from voronka.views.i18n import install_language
    from voronka.models.db import open_database
    from voronka.models.demo import build_demo
    from voronka.models.orm import User
    from voronka.views.app_context import AppContext
    from voronka.views.main_window import MainWindow

    import datetime as dt
    size = tuple(int(n) for n in args.size.lower().split("x")) if args.size else None

    Path(args.out).mkdir(parents=True, exist_ok=True)
    today = args.today or dt.date.today()
    with tempfile.TemporaryDirectory() as tmp:
        path = stable_renders(today, Path(tmp) / "home")
        app = QApplication.instance() or QApplication([])
        from voronka.views.theme import theme_manager

        theme_manager().apply(args.theme)
        install_language(args.lang)
        if "first-day" in wanted:
            _first_day_shot(app, args.lang, tmp, Path(args.out) / "first-day.png")
            print(Path(args.out) / "first-day.png")
            wanted = [name for name in wanted if name != "first-day"]
            if not wanted:
                return 0
        db = open_database(path, language=args.lang)
        build_demo(db, deals=2000, seed=1, anchor=today)
        with db.session() as s:
            head = s.scalar(select(User.id).where(User.role == "head_of_sales"))
        ctx = AppContext(db, QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat), args.lang)
        ctx.user_id = head
        window = MainWindow(ctx)
        window.resize(*SIZE)
        window.show()
        for name in wanted:
            if name == "report-pdf-page1":
                _pdf_shot(db, args.lang, Path(args.out) / f"{name}.png")
                print(Path(args.out) / f"{name}.png")
                continue
            if name in CARDS:
                _card_shot(app, ctx, window, name, Path(args.out) / f"{name}.png")
                print(Path(args.out) / f"{name}.png")
                continue
            window.resize(*(size or SIZES.get(name, SIZE)))
            window.show_page(SHOTS[name])
            page = window.page(SHOTS[name])
            ready = _prepare(name, page)
            if SHOTS[name] == "board":  # the stage figures (weights, "stuck" badges) come later, on the reports lane
                ready = (lambda shown: lambda: shown() and page.board.figures_available is not None
                         and ctx.executor.idle())(ready)
            _settle(app, ready)
            path = Path(args.out) / f"{name}.png"
            target = window if name in ("main-window", "search") else page
            if not target.grab().save(str(path)):
                raise OSError(f"could not write {path}")
            print(path)
        window.close()
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
