"""The ``voronka`` command: opens the app, or runs a sub-command (spec/exchange.md).

    voronka [--db PATH_OR_URL] [--demo]
    voronka demo    --db PATH [--deals N] [--seed S]
    voronka import  --db PATH --dir FOLDER
    voronka report  --db PATH --period P [--as-of ISO] [--pipeline KEY] --format F --out FILE|-
    voronka check   --db PATH_OR_URL

Errors go to stderr as one sentence; bad input (and a database that cannot be used:
missing, damaged, read-only, busy) exits with status 2. Anything unexpected is one
sentence too, exit status 1, with its traceback in the log file (``desktop.logfile``).
"""
from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from voronka.models.errors import VoronkaError

from .commands.usage import UsageError

SUBCOMMANDS = ("demo", "import", "report", "check")


def app_version() -> str:
    """The installed distribution's version (also inside a frozen bundle, which copies its metadata)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("voronka")
    except PackageNotFoundError:
        return "0+unknown"


def _build_parser() -> argparse.ArgumentParser:
    from .commands import check, demo, import_history, report

    from .app import add_app_options

    parser = argparse.ArgumentParser(
        prog="voronka", description="Voronka — offline CRM for a B2B sales team. Without a command it opens the app.")
    parser.add_argument("--version", action="version", version=f"voronka {app_version()}")
    add_app_options(parser)
    sub = parser.add_subparsers(dest="command")
    demo.add_parser(sub)
    import_history.add_parser(sub)
    report.add_parser(sub)
    check.add_parser(sub)
    return parser


def command_first(args: list[str]) -> list[str]:
    """``voronka --db F report …`` reads as ``voronka report --db F …``: the options ``voronka --help``
    lists before the sub-commands may be typed before a sub-command's name. ``--db`` and ``--lang`` move
    after it (the sub-commands take them); ``--verbose`` stays before (it belongs to ``voronka`` itself)."""
    before: list[str] = []
    moved: list[str] = []
    i = 0
    while i < len(args):
        word = args[i]
        if word in SUBCOMMANDS:
            return [*before, word, *moved, *args[i + 1:]]
        if word in ("--db", "--lang") and i + 1 < len(args):
            moved += args[i:i + 2]
            i += 2
        elif word.startswith(("--db=", "--lang=")):
            moved.append(word)
            i += 1
        elif word == "--verbose":
            before.append(word)
            i += 1
        else:
            return args
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args_list = command_first(list(sys.argv[1:] if argv is None else argv))
    if args_list[:1] == ["--version"]:  # answered before the heavy imports of the sub-commands
        print(f"voronka {app_version()}")
        return 0
    leading = args_list[1:2] if args_list[:1] == ["--verbose"] else args_list[:1]
    if not leading or leading[0] not in (*SUBCOMMANDS, "-h", "--help"):
        from .app import run_app

        return run_app(args_list)
    parser = _build_parser()
    args = parser.parse_args(args_list)
    try:
        return int(args.run(args) or 0)
    except (UsageError, VoronkaError) as exc:
        print(f"voronka {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"voronka {args.command}: interrupted; nothing was written.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 — the last line of defence: one sentence, traceback in the log
        return _unexpected(args.command, exc)


def _unexpected(command: str, exc: Exception) -> int:
    from sqlalchemy.exc import DBAPIError

    from voronka.models import errors, retry

    if retry.is_busy(exc):
        print(f"voronka {command}: {errors.DatabaseBusy()}", file=sys.stderr)
        return 2
    if isinstance(exc, DBAPIError) and any(word in str(exc.orig).lower() for word in ("malformed", "not a database")):
        print(f"voronka {command}: the database file is damaged (truncated or corrupt); restore it from a backup.",
              file=sys.stderr)
        return 2
    from .logfile import install_log_file

    path = install_log_file()
    logging.getLogger("voronka.cli").error("voronka %s failed", command, exc_info=exc)
    summary = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    print(f"voronka {command}: unexpected error ({type(exc).__name__}: {summary[:200]}); "
          f"the details are in {path}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
