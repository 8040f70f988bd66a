"""``voronka report --db PATH --period P [--as-of ISO] [--pipeline KEY] --format F --out FILE|-``

Computes the report of spec/exchange.md and writes it as JSON, CSV (``id,name,value,
target``, metric names in ``--lang``, the team's language by default), XLSX or PDF. The XLSX and
PDF are the report view's exports: they get the same bundle (the report, the previous
period for the change column, and the trend history for the charts) and, like every
export from the report view, are kept in the database as a snapshot. JSON and CSV are
plain data outputs and leave the database untouched. A database that does not exist is
refused (the command only reads). Everything is validated and computed before anything
is written: a failing command leaves no output file and no snapshot. ``--out`` names a
file (written under a temporary name, then renamed into place), ``-`` (stdout), or an
existing FIFO or device such as ``/dev/stdout`` or ``/dev/null``, which is written into
and never replaced; a folder is refused.
"""
from __future__ import annotations

import argparse
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from voronka.metrics.report_files import write_csv, write_json

from .usage import UsageError
from .database import command_database

FORMATS = ("json", "csv", "xlsx", "pdf")
SNAPSHOT_FORMATS = frozenset({"xlsx", "pdf"})  # the report view's exports: full bundle + snapshot
Writer = Callable[[dict[str, Any], str], bytes]  # (report, language) -> file content


def _export(name: str) -> Writer:
    """A writer of the report view's exports (``voronka.views.reports.files``), imported only
    when used: it needs Qt."""
    def write(report: dict[str, Any], language: str) -> bytes:
        from voronka.views.reports import files

        return getattr(files, name)(report, language)
    return write


# format → writer: the same files the report view exports
WRITERS: dict[str, Writer] = {"json": write_json, "csv": write_csv}
WRITERS.update(xlsx=_export("xlsx_report"), pdf=_export("pdf_report"))


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="compute the report of a period and write it as json/csv/xlsx/pdf")
    p.add_argument("--db", required=True, help="database file or SQLAlchemy URL (must exist)")
    p.add_argument("--period", required=True, help="2026-10 (month), 2026-W43 (ISO week), 2026-10-21 (day), 2026-Q3 (quarter) or 2026 (year)")
    p.add_argument("--as-of", dest="as_of", help="ISO time the report is computed as of (default: end of period or now)")
    p.add_argument("--pipeline", default="sales", help="pipeline key (default: sales)")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("--out", required=True, help="output file, or - for standard output")
    p.add_argument("--lang", choices=("en", "ru"),
                   help="language of titles and metric names (default: the team's language)")
    p.set_defaults(run=run)


def parse_as_of(text: str | None, team_zone: str | None) -> datetime | None:
    """An ISO time; one with an offset is converted to the team's time zone (naive local)."""
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"--as-of {text!r} is not an ISO date or time (e.g. 2026-10-21T18:00:00).") from None
    if moment.tzinfo is not None:
        try:
            zone = ZoneInfo(team_zone) if team_zone else None
        except (ZoneInfoNotFoundError, ValueError):
            zone = None
        moment = (moment.astimezone(zone) if zone else moment.astimezone()).replace(tzinfo=None)
    return moment


def run(args: argparse.Namespace) -> int:
    from voronka.metrics.periods import parse_period
    from voronka.metrics.report import compute_report
    from voronka.models.clock import set_team_time_zone
    from voronka.models.loader import load_frames
    from voronka.models.services.settings import get_setting

    period = parse_period(args.period)
    writer = WRITERS.get(args.format)
    if writer is None:
        raise UsageError(f"format {args.format} is not available yet")
    check_out(args.out)
    with command_database(args.db, create=False) as db:
        with db.session() as session:
            zone = get_setting(session, "team.time_zone")
            set_team_time_zone(zone)  # "now" (the default as-of) is the team's local time
            as_of = parse_as_of(args.as_of, zone)
            language = args.lang or team_language(session)
            kind = _pipeline_kind(session, args.pipeline)
            pipeline_name = _pipeline_name(session, args.pipeline, language)
            if kind != "sales":
                raise UsageError(f"Pipeline {args.pipeline!r} is a {kind} pipeline; reports measure sales pipelines.")
            frames = load_frames(session, args.pipeline)
        if args.format in SNAPSHOT_FORMATS:
            from voronka.metrics.report_bundle import build_bundle

            report = build_bundle(frames, period, as_of=as_of)
            report["pipeline_name"] = pipeline_name  # the PDF's title block says the name, not the key
        else:
            report = compute_report(frames, period, as_of=as_of)
        content = writer(report, language)
        if args.format in SNAPSHOT_FORMATS:
            from voronka.models.services.snapshots import save_snapshot

            _write(args.out, content, then=lambda: db.run(save_snapshot, report=report, format=args.format, user_id=None))
        else:
            _write(args.out, content)
    return 0


def team_language(session) -> str:
    """The team's language (``team.language``, set when the database was made): exports speak it."""
    from voronka.models.services.settings import get_setting

    language = get_setting(session, "team.language", "ru")
    return language if language in ("ru", "en") else "ru"


def _pipeline_name(session, key: str, language: str) -> str:
    from sqlalchemy import select

    from voronka.models.orm import Pipeline

    row = session.execute(select(Pipeline.name_ru, Pipeline.name_en).where(Pipeline.key == key)).first()
    return key if row is None else (row[0] if language == "ru" else row[1])


def _pipeline_kind(session, key: str) -> str:
    from sqlalchemy import select

    from voronka.models.errors import NotFound
    from voronka.models.orm import Pipeline

    kind = session.scalar(select(Pipeline.kind).where(Pipeline.key == key))
    if kind is None:
        raise NotFound("pipeline", key)
    return str(kind)


def _is_stream(out: str) -> bool:
    """Whether ``out`` is stdout or an existing file that is not a regular file (FIFO, device)."""
    if out == "-" or out.startswith(("/dev/", "/proc/self/fd/")):
        return True  # /dev/stdout is written into even when the shell pointed it at a file
    try:
        mode = os.stat(Path(out).expanduser()).st_mode  # follows /dev/stdout → the real thing
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def check_out(out: str) -> None:
    """Refuse an ``--out`` that cannot be written, before anything is computed or stored."""
    if _is_stream(out):
        return
    target = Path(out).expanduser()
    if target.is_dir():
        raise UsageError(f"Cannot write {out}: it is a folder; give a file name.")
    if not target.parent.is_dir():
        raise UsageError(f"Cannot write {out}: the folder {target.parent} does not exist.")


def _write(out: str, content: bytes, then: Callable[[], object] | None = None) -> None:
    """Write to stdout or into a FIFO/device, or atomically to a file (a temporary file renamed into place).

    ``then`` (keeping the snapshot) runs after the content is safely on disk and before
    it is renamed into place, so a failure of either leaves neither behind; a stream
    gets the content first and the snapshot is kept once it was written.
    """
    check_out(out)
    if _is_stream(out):
        try:
            if out == "-":
                sys.stdout.buffer.write(content)
                sys.stdout.flush()
            else:
                with open(Path(out).expanduser(), "ab") as fh:  # never replaced, nor truncated (>> stays >>)
                    fh.write(content)
        except OSError as exc:
            raise UsageError(f"Cannot write {out}: {exc.strerror or exc}.") from exc
        if then:
            then()
        return
    target = Path(os.path.realpath(Path(out).expanduser()))  # a symlink stays a symlink
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise UsageError(f"Cannot write {out}: {exc.strerror or exc}.") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        if then:
            then()
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"Cannot write {out}: {exc.strerror or exc}.") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
