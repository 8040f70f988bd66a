"""The ``voronka`` command: opens the app, or runs a sub-command (spec/exchange.md).

    voronka [--db PATH_OR_URL] [--demo] [--lang en|ru] [--verbose]
    voronka demo    --db PATH [--deals N] [--seed S] [--lang en|ru]
    voronka import  --db PATH --dir FOLDER
    voronka report  --db PATH --period P [--as-of ISO] [--pipeline KEY] --format F --out FILE|-
    voronka check   --db PATH_OR_URL

Errors go to stderr as one sentence; bad input (and a database that cannot be used:
missing, damaged, read-only, busy) exits with status 2. Anything unexpected is one
sentence too, exit status 1, with its traceback in the log file (``desktop.logfile``).
The app's options may also be typed before a sub-command's name (``voronka --demo report …``
runs the report on a fresh demo database); see ``split_globals``.
"""
from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass

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


# The options of ``voronka`` itself (``add_app_options``): name → takes a value.
GLOBAL_OPTIONS = {"--db": True, "--lang": True, "--demo": False, "--verbose": False, "--quit-after": True}
# Which sub-commands read --lang (the others accept it before their name and need no language).
TAKES_LANG = ("report", "demo")


@dataclass
class CommandLine:
    """``argv`` with the global options typed before a sub-command moved after its name."""

    args: list[str]
    demo: bool = False  # ``--demo`` before a sub-command: run it on a fresh demo database


def command_first(args: list[str]) -> list[str]:
    """``voronka --db F report …`` reads as ``voronka report --db F …`` (see ``split_globals``)."""
    return split_globals(args).args


def split_globals(args: list[str]) -> CommandLine:
    """Every option ``voronka --help`` lists before the sub-commands may be typed before a
    sub-command's name: ``--db`` (and ``--lang`` for the commands that take it) move after the
    name; ``--verbose`` stays before (it belongs to ``voronka`` itself); ``--demo`` is taken out
    and reported in ``CommandLine.demo``; ``--quit-after`` (the app's) is dropped. Without a
    sub-command ``args`` are returned as given, for the app."""
    before: list[str] = []
    moved: list[str] = []
    demo = False
    i = 0
    while i < len(args):
        word = args[i]
        if word in SUBCOMMANDS:
            if word not in TAKES_LANG:  # accepted, but this command has nothing in a language
                moved = [w for pair in _pairs(moved) if not pair[0].startswith("--lang") for w in pair]
            return CommandLine([*before, word, *moved, *args[i + 1:]], demo)
        name, eq, _value = word.partition("=")
        if name not in GLOBAL_OPTIONS or eq and not GLOBAL_OPTIONS[name]:
            return CommandLine(args)
        takes_value = GLOBAL_OPTIONS[name]
        if takes_value and not eq and i + 1 >= len(args):
            return CommandLine(args)
        taken = args[i:i + (2 if takes_value and not eq else 1)]
        i += len(taken)
        if name == "--demo":
            demo = True
        elif name == "--verbose":
            before.append(word)
        elif name in ("--db", "--lang"):
            moved += taken
    return CommandLine(args)


def _pairs(options: list[str]) -> list[list[str]]:
    """``["--db", "F", "--lang=ru"]`` → ``[["--db", "F"], ["--lang=ru"]]``."""
    out: list[list[str]] = []
    i = 0
    while i < len(options):
        width = 1 if "=" in options[i] else 2
        out.append(options[i:i + width])
        i += width
    return out


def _fresh_demo_database(language: str | None) -> str:
    """Build a demo database in the user's demo folder (as ``voronka --demo`` does) and name it."""
    from voronka.models.paths import new_demo_database

    from .commands.demo import build_file

    path = new_demo_database()
    build_file(str(path), 2000, language=language)
    print(f"voronka --demo: a fresh demo database, {path}", file=sys.stderr)
    return str(path)


def main(argv: Sequence[str] | None = None) -> int:
    line = split_globals(list(sys.argv[1:] if argv is None else argv))
    args_list = line.args
    if args_list[:1] == ["--version"]:  # answered before the heavy imports of the sub-commands
        print(f"voronka {app_version()}")
        return 0
    leading = args_list[1:2] if args_list[:1] == ["--verbose"] else args_list[:1]
    if not leading or leading[0] not in (*SUBCOMMANDS, "-h", "--help"):
        from .app import run_app

        return run_app(args_list)
    parser = _build_parser()
    args = parser.parse_args(_with_demo_db(parser, line, leading[0]))
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


def _with_demo_db(parser: argparse.ArgumentParser, line: CommandLine, command: str) -> list[str]:
    """``voronka --demo report …``: the report runs on a fresh demo database (``--db`` names it).
    ``voronka --demo demo --db F`` needs no second database: --demo says what ``demo`` does."""
    if not line.demo or command == "demo":
        return line.args
    words = line.args
    if any(w == "--db" or w.startswith("--db=") for w in words):
        parser.error("--demo and --db both name the database; give one of them")
    lang = next((words[i + 1] for i, w in enumerate(words[:-1]) if w == "--lang"), None) or next(
        (w.partition("=")[2] for w in words if w.startswith("--lang=")), None)
    at = words.index(command) + 1
    return [*words[:at], "--db", _fresh_demo_database(lang), *words[at:]]


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
