"""Start the desktop application: choose and open the database, then show the main window.

    voronka [--db PATH_OR_URL] [--demo] [--lang ru|en]

Without ``--db`` the database lives in the user data folder; on the first run the user
chooses demo data or an empty funnel. ``--demo`` always opens a fresh demo database.
"""
from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from voronka.models.db import Database, open_database
from voronka.models.errors import DatabaseOpenError

from voronka.models import paths
from voronka.views.i18n import LANGUAGES, install_language, system_language

log = logging.getLogger(__name__)


def add_app_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``voronka`` without a sub-command (also listed by ``voronka --help``)."""
    parser.add_argument("--db", help="database file or SQLAlchemy URL (default: in the user data folder)")
    parser.add_argument("--demo", action="store_true", help="open a fresh demo database")
    parser.add_argument("--lang", choices=LANGUAGES, help="interface language (before a command: the language of a report or of a new demo)")
    parser.add_argument("--verbose", action="store_true", help="print the libraries' log lines too")
    # For the installer's smoke test (packaging/build.py --check): close the window after N seconds.
    parser.add_argument("--quit-after", type=float, help=argparse.SUPPRESS)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="voronka", description="Voronka — offline CRM for a B2B sales team.")
    add_app_options(parser)
    return parser.parse_args(list(argv))


def application_icon():
    """The window and taskbar icon, from the bundled resources."""
    from importlib import resources as importlib_resources

    from PySide6.QtGui import QIcon

    return QIcon(str(importlib_resources.files("voronka.resources.icons").joinpath("voronka.png")))


def build_demo(path: Path, deals: int = 2000, language: str | None = None) -> None:
    from .commands.demo import build_file

    build_file(str(path), deals, language=language)


def choose_database(args: argparse.Namespace, settings: QSettings | None = None) -> str | None:
    """The database to open (building a demo one if asked), or None if the user quit.

    Without ``--db``: the database open when the app last ran, else the default one.
    """
    if args.demo:
        path = paths.new_demo_database()
        build_demo(path, language=args.lang)
        return str(path)
    if args.db:
        return args.db
    if settings is not None:
        from voronka.views.database.recent import last_database

        last = last_database(settings)
        if last:
            return last
    default = paths.default_database()
    if default.exists():
        return str(default)
    from voronka.views.opening_dialogs import ask_first_run

    choice = ask_first_run()
    if choice is None:
        return None
    if choice == "demo":
        build_demo(default)
    args.first_run = choice
    return str(default)


def open_with_dialogs(location: str, language: str) -> Database | None:
    """Open ``location``; on failure explain why and let the user pick another file or quit.

    What the user should know but that does not stop the opening (a file on a network
    share, a server database migrated with or without a pg_dump backup) is shown in a
    dialog as it happens — before the migration, for the server backup.
    """
    from voronka.views.opening_dialogs import ask_after_open_error, show_notice

    while True:
        try:
            return open_database(location, language=language, notify=show_notice,
                                 server_backup_dir=paths.data_dir() / "server-backups")
        except DatabaseOpenError as exc:
            log.warning("Cannot open %s: %s", location, exc)
            other = ask_after_open_error(exc)
            if other is None:
                return None
            location = other


def pick_default_user(db: Database) -> int | None:
    """On a demo database, act as the head of sales so every screen has data."""
    from voronka.models.queries.team import head_of_sales

    with db.session() as s:
        return head_of_sales(s)


def configure_terminal_logging(verbose: bool) -> None:
    """The terminal shows warnings only (no Alembic INFO lines) unless --verbose; the log file keeps INFO."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger().setLevel(logging.INFO)
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler) and not isinstance(handler, logging.FileHandler):
            handler.setLevel(logging.INFO if verbose else logging.WARNING)


def run_app(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    configure_terminal_logging(args.verbose)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Voronka")
    app.setApplicationName("Voronka")
    app.setWindowIcon(application_icon())
    from voronka.views.failures.handler import ErrorReporter

    from .logfile import install_log_file

    reporter = ErrorReporter(install_log_file(), parent=app).install()  # every uncaught error: dialog + log
    try:
        return _run(app, args)
    except Exception as exc:  # noqa: BLE001 — before or after the event loop: still a dialog, not a traceback
        reporter.report(exc, now=True)
        return 1
    finally:
        reporter.uninstall()


def _run(app: QApplication, args: argparse.Namespace) -> int:
    settings = QSettings()
    from voronka.views.theme import apply_saved_theme

    apply_saved_theme(settings)  # light, dark or as the system (Settings → This computer)
    language = args.lang or settings.value("ui/language") or system_language()
    settings.setValue("ui/language", language)
    install_language(language)
    location = choose_database(args, settings)
    if location is None:
        return 0
    db = open_with_dialogs(location, language)
    if db is None:
        return 1
    from voronka.models.clock import set_team_time_zone
    from voronka.views.app_context import AppContext
    from voronka.views.main_window import MainWindow

    ctx = AppContext(db, settings, language)
    set_team_time_zone(ctx.team_setting("team.time_zone"))
    if ctx.user_id is None:
        ctx.user_id = pick_default_user(db)
    from voronka.views.database.recent import remember_database
    from voronka.views.main_window import running_window

    remember_database(settings, db.location)
    window = MainWindow(ctx)
    window.enable_auto_backup()
    window.show()
    if getattr(args, "first_run", None) == "import":  # the first run asked to start with the import wizard
        from PySide6.QtCore import QTimer

        from voronka.views.importing import open_import_wizard

        QTimer.singleShot(0, lambda: open_import_wizard(window.ctx, window))
    if args.quit_after is not None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(args.quit_after * 1000), app.quit)
    code = app.exec()
    from voronka.views.database.switch import close_context

    current = running_window()  # File → Open may have put another database in the window
    close_context(current.ctx if current is not None else ctx)
    return code
