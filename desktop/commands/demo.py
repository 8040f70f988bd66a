"""`voronka demo --db PATH [--deals N] [--seed S] [--anchor YYYY-MM-DD] [--lang en|ru]`: a realistic demo database.

Refuses (exit 2, nothing written) when PATH already holds deals. Progress goes to
stderr; one summary line to stdout. The history ends at the start of the anchor day
(default: today), so the same seed and anchor always give the same data.
"""
from __future__ import annotations

import argparse
import sys
from datetime import date

from voronka.models.db import open_database
from voronka.models.demo import DEFAULT_DEALS, DemoSummary, build_demo

from .usage import UsageError
from .database import say_notice


def _anchor(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="create a realistic demo database")
    p.add_argument("--db", required=True, help="path (or SQLAlchemy URL) of the new database")
    p.add_argument("--deals", type=int, default=DEFAULT_DEALS, help=f"sales deals to generate ({DEFAULT_DEALS})")
    p.add_argument("--seed", type=int, default=1, help="random seed (1)")
    p.add_argument("--anchor", type=_anchor, default=None, help="last day of the history + 1 (today)")
    p.add_argument("--lang", choices=("en", "ru"), default="ru",
                   help="the team's language: names, stages and reasons of the demo (ru)")
    p.set_defaults(run=run)


def build_file(location: str, deals: int = DEFAULT_DEALS, seed: int = 1, anchor: date | None = None,
               language: str | None = None) -> DemoSummary:
    """Build a demo database at ``location`` (progress on stderr, nothing on stdout): the
    ``demo`` command, the app's ``--demo`` and ``voronka --demo <command>`` all go through here."""
    db = open_database(location, language=language or "ru", notify=say_notice)
    try:
        return build_demo(db, deals, seed, anchor, progress=lambda message: print(message, file=sys.stderr, flush=True))
    finally:
        db.close()


def run(args: argparse.Namespace) -> int:
    if args.deals < 1:
        raise UsageError("--deals must be at least 1.")
    summary = build_file(args.db, args.deals, args.seed, args.anchor, getattr(args, "lang", None))
    print(f"{args.db}: {summary.deals:,} deals (+{summary.success_deals:,} in Client Success), "
          f"{summary.companies:,} companies, {summary.events:,} events, {summary.activities:,} activities, "
          f"{summary.tasks:,} tasks, history to {summary.anchor.isoformat()}")
    return 0
