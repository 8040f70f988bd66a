"""`voronka import`: load a history folder, or spreadsheets and CRM exports through a preset.

    voronka import --db PATH --dir FOLDER [--pipeline KEY]
    voronka import --db PATH FILE… --map PRESET [--dry-run]

All or nothing: on any blocking problem every problem is listed on stderr (``file:row:
column: what is wrong``), the exit status is 2 and the database is left as it was (a
database file this command had to create is removed again). ``--dry-run`` prints what
would be imported and every problem, and writes nothing. ``--map`` takes a preset file
(docs/import-presets.md) or the name of one shipped in resources/import_presets.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from voronka.models.history_import.problems import ImportRejected as FolderRejected
from voronka.models.history_import.writer import import_history

from .usage import UsageError
from .database import _new_sqlite_file, command_database


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="load a history folder, or CSV/XLSX files through a mapping preset")
    p.add_argument("--db", required=True, help="path (or SQLAlchemy URL) of the database")
    p.add_argument("--dir", help="folder with deals.csv, stage_history.csv, … (spec/exchange.md)")
    p.add_argument("files", nargs="*", metavar="FILE", help="CSV or XLSX files to import through --map")
    p.add_argument("--map", dest="preset", help="the mapping preset (a .json file or a shipped preset's name)")
    p.add_argument("--dry-run", action="store_true", help="print what would be imported and every problem; write nothing")
    p.add_argument("--pipeline", default=None, help="key of the pipeline to import into (default: the preset's, or sales)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.dir and args.files:
        raise UsageError("give either --dir FOLDER or FILE… --map PRESET, not both")
    if args.dir:
        if args.preset or args.dry_run:
            raise UsageError("--map and --dry-run are for FILE… imports, not --dir")
        return _run_folder(args)
    if not args.files:
        raise UsageError("nothing to import: give --dir FOLDER or FILE… --map PRESET")
    if not args.preset:
        raise UsageError("FILE… needs --map PRESET (a preset saved by the import wizard, see docs/import-presets.md)")
    return _run_files(args)


def _run_folder(args: argparse.Namespace) -> int:
    with command_database(args.db) as db:
        try:
            summary = import_history(db, args.dir, args.pipeline or "sales")
        except FolderRejected as exc:
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


def _preset(name: str):
    from voronka.models.importing.preset import SHIPPED_DIR, PresetInvalid, list_presets, load_preset

    path = Path(name)
    if path.is_file():
        return load_preset(path)
    for found, preset in list_presets():
        if name in (found.stem, found.name, preset.name):
            return preset
    shipped = ", ".join(sorted(p.stem for p in SHIPPED_DIR.glob("*.json")))
    raise PresetInvalid(f"{name}: no such preset file, nor a shipped preset (shipped: {shipped})")


def _print_summary(run, out=sys.stdout) -> None:  # noqa: ANN001 - a DryRun
    from voronka.metrics.formatting import money

    print(f"Deals: {run.deals:,} (won {run.won:,}, lost {run.lost:,}, open {run.open:,}); "
          f"rows skipped: {run.skipped_rows:,}; already imported: {run.already_imported:,}.", file=out)
    if run.per_stage:
        print("Deals per stage: " + ", ".join(f"{k} {v:,}" for k, v in sorted(run.per_stage.items())), file=out)
    if run.won_revenue:
        print("Won revenue: " + ", ".join(money(v, c, "en", 2) for c, v in sorted(run.won_revenue.items())), file=out)
    for month, sums in run.revenue_by_month.items():
        print(f"  {month}: " + ", ".join(money(v, c, "en", 2) for c, v in sorted(sums.items())), file=out)
    if run.new_owners:
        print(f"New team members: {', '.join(run.new_owners)}.", file=out)
    if run.companies:
        print("Companies: " + ", ".join(f"{k} {v:,}" for k, v in run.companies.items()), file=out)
    if run.contacts:
        print("Contacts: " + ", ".join(f"{k} {v:,}" for k, v in run.contacts.items()), file=out)
    if run.team_currency:
        print(f"The team currency becomes {run.team_currency}.", file=out)
    for group in run.problem_groups():
        print(f"{group.severity}: {group.kind}: {group.count:,}", file=out)


def _run_files(args: argparse.Namespace) -> int:
    from voronka.models.importing import ImportRejected, dry_run, import_files, open_files

    preset = _preset(args.preset)
    if args.pipeline:
        preset.pipeline = args.pipeline
    tables = open_files(args.files)
    location = args.db
    if args.dry_run and _new_sqlite_file(location) is not None:  # a dry run creates no database file
        import tempfile

        location = str(Path(tempfile.mkdtemp(prefix="voronka-dry-run-")) / "empty.db")
    with command_database(location) as db:
        if args.dry_run:
            with db.session() as session:
                run_ = dry_run(session, tables, preset)
            _print_summary(run_)
            for problem in run_.problems:
                print(f"{problem.severity}: {problem}", file=sys.stderr)
            if run_.blocking:
                raise ImportRejected([p for p in run_.problems if p.blocking])
            return 0
        try:
            result = db.run(import_files, tables, preset)
        except ImportRejected as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            raise
    if result.dry_run is not None:
        _print_summary(result.dry_run)
        for problem in result.dry_run.problems:
            print(f"{problem.severity}: {problem}", file=sys.stderr)
    c = result.counts
    print(f"Imported {c.get('deals', 0):,} deals with {c.get('events', 0):,} events; "
          f"{c.get('companies', 0):,} new companies, {c.get('contacts', 0):,} new contacts, "
          f"{c.get('users', 0):,} new team members. Already imported: {c.get('already_imported', 0):,}."
          + (f" Import #{result.batch_id}." if result.batch_id else " Nothing new."))
    return 0
