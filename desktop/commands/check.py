"""``voronka check --db PATH_OR_URL``: the integrity check (``models.integrity``).

Prints each finding on its own line and exits 1 if there is any, 0 when the event log
and every deal's state agree (and, on SQLite, the file passes its own checks); a
database that does not exist or cannot be opened is bad input (one sentence, exit 2).
"""
from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check that every deal's state equals its event log and the log is sound")
    p.add_argument("--db", required=True, help="database file or SQLAlchemy URL (must exist)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from voronka.models.db import open_database
    from voronka.models.integrity import check_database

    db = open_database(args.db, create=False, seed_defaults=False)
    try:
        with db.engine.connect() as conn:
            findings = check_database(conn)
    finally:
        db.close()
    for finding in findings:
        print(finding)
    if findings:
        print(f"{len(findings)} finding(s).")
        return 1
    print("No findings: every deal's state equals its event log.")
    return 0
