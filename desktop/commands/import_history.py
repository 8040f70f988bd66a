"""`voronka import --db PATH --dir FOLDER [--pipeline KEY]`: load a history folder (spec/exchange.md).

All or nothing: on any bad row every problem is listed on stderr as
``file:line: column: what is wrong``, the exit status is 2 and the database is left as
it was (a database file this command had to create is removed again).
"""
from __future__ import annotations

import argparse
import sys

from models.history_import.problems import ImportRejected
from models.history_import.writer import import_history

from .database import command_database


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="load a folder of history CSV files (all or nothing)")
    p.add_argument("--db", required=True, help="path (or SQLAlchemy URL) of the database")
    p.add_argument("--dir", required=True, help="folder with deals.csv, stage_history.csv, …")
    p.add_argument("--pipeline", default="sales", help="key of the pipeline to import into (sales)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with command_database(args.db) as db:
        try:
            summary = import_history(db, args.dir, args.pipeline)
        except ImportRejected as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            raise
    newer = (f"; {summary.deals_with_newer_history:,} of them have other history in the files, not applied"
             if summary.deals_with_newer_history else "")
    print(f"Imported {summary.deals_created:,} deals with {summary.events:,} events, "
          f"{summary.activities_added:,} activities, {summary.plans_added + summary.plans_updated:,} plans; "
          f"{summary.companies_created:,} new companies, {summary.users_created:,} new users, "
          f"{summary.lost_reasons_added:,} new lost reasons. "
          f"Already imported and left as they were: {summary.deals_skipped:,} deals{newer}.")
    return 0
