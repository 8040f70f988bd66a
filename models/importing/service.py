"""The import's public calls, in the order the wizard makes them (all Qt-free).

1. ``open_files(paths)`` → ``Table`` per file (encoding, delimiter, header row detected;
   ``Table.preview(n)`` for the first rows). ``open_files(paths, limit=200)`` reads only
   about the first 200 rows (a 100,000-row XLSX in a fraction of a second): use it for the
   first preview and guesses, then read the files whole (off the UI thread) before
   ``distinct_values``, ``column_formats``, the dry run and the import. Re-read one file with overrides through
   ``models.importing.sources.read_table(path, encoding=…, delimiter=…, header_row=…, sheet=…)``.
2. ``suggest_preset(session, tables, folders)`` → a saved/shipped preset whose header
   signature fits, else a guessed one (roles, columns, stage/status values); ``column_formats``
   shows each date/amount column's detected format (ambiguous dates need a choice).
3. ``distinct_values(tables, preset, "stage" | "status")`` → each value with its count and
   current target; the head of sales edits ``preset.stages`` / ``preset.statuses``.
4. ``dry_run(session, tables, preset)`` → ``DryRun``: what would be imported (deals per
   stage, won/lost/open, revenue by month, new owners, duplicates) and every problem.
5. ``import_files(session, tables, preset, user_id=…)`` → ``ImportResult`` (a ``Changes``
   with ``batch_id``): everything in the caller's one transaction, or ``ImportRejected``.
6. ``list_imports(session)``, ``revert_import(session, batch_id)`` (``RevertRefused``
   says what was worked on since).

Presets: ``models.importing.preset`` (``load_preset``, ``save_preset``, ``find_preset``).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from ..changes import Changes
from .guess import guess_preset
from .preset import Preset, find_preset
from .problems import Problem, ProblemGroup, group_problems
from .sources import Table, read_table
from .target import Target, load_target

Progress = Callable[[int, int], None]  # (done, total) rows read, then deals written; may raise to cancel


@dataclass
class ValueCount:
    """One distinct value of a stage or status column, how many rows hold it, and its target
    (a stage key, ``won``/``lost``/``open``/``skip``, or None when not mapped yet)."""

    value: str
    count: int
    target: str | None


@dataclass
class ColumnFormat:
    """The detected format of one mapped date or amount column.

    ``kind`` is ``date`` or ``amount``; ``format`` is a date pattern (``DD/MM/YYYY`` …) or an
    amount sample (``1 234,56 ₽``); ``ambiguous`` dates need a choice among ``choices``
    (store it in ``FileMapping.date_formats[header]``).
    """

    file: str
    header: str
    target: str
    kind: str
    format: str | None
    ambiguous: bool = False
    choices: list[str] = field(default_factory=list)
    unreadable: int = 0  # values that cannot be read in this format


@dataclass
class DryRun:
    """What an import would do (nothing is written).

    ``per_stage`` counts deals by their current stage key; ``won_revenue`` and
    ``revenue_by_month`` (``YYYY-MM`` of the close) are per currency. ``new_owners`` become
    members with ``Preset.owner_role``. ``companies``/``contacts`` count ``new``, ``found``
    (in the database, by INN/domain/e-mail/phone/name), ``same_in_file`` (rows sharing one)
    and ``similar`` (near-duplicate names, rapidfuzz). ``problems`` holds every problem;
    ``blocking`` tells whether the import would be refused.
    """

    deals: int = 0
    won: int = 0
    lost: int = 0
    open: int = 0
    skipped_rows: int = 0  # rows mapped to skip (e.g. Pipedrive "deleted")
    already_imported: int = 0  # deals a previous import brought in (left as they are)
    history_entries: int = 0
    backward_moves: int = 0
    per_stage: dict[str, int] = field(default_factory=dict)
    per_currency: dict[str, int] = field(default_factory=dict)
    won_revenue: dict[str, Decimal] = field(default_factory=dict)
    revenue_by_month: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    new_owners: list[str] = field(default_factory=list)
    companies: dict[str, int] = field(default_factory=dict)
    contacts: dict[str, int] = field(default_factory=dict)
    similar_companies: list[tuple[str, str, int]] = field(default_factory=list)  # (name, like name, score)
    custom_fields: list[str] = field(default_factory=list)  # custom field keys the import creates
    team_currency: str | None = None  # what the team currency would become (set from the data)
    currency_warning: str | None = None  # the data's main currency differs from the team's
    problems: list[Problem] = field(default_factory=list)

    @property
    def blocking(self) -> bool:
        return any(p.blocking for p in self.problems)

    def problem_groups(self, examples: int = 5) -> list[ProblemGroup]:
        return group_problems(self.problems, examples)


@dataclass
class ImportResult(Changes):
    """What an import wrote: the ``Changes`` every screen listens to, plus the batch and its counts."""

    batch_id: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    dry_run: DryRun | None = None


@dataclass
class ImportBatchRow:
    """One line of Settings → Imports."""

    id: int
    created_at: object  # datetime
    user: str | None
    preset_name: str | None
    files: list[str]
    counts: dict[str, int]
    reverted_at: object | None


def _no_deals(session: Session) -> bool:
    from sqlalchemy import func, select

    from ..orm import Deal

    return not session.scalar(select(func.count()).select_from(Deal))


def open_files(paths: Iterable[str | Path], *, limit: int | None = None) -> list[Table]:
    """Read each file (CSV or spreadsheet) with its format detected; ``limit`` rows for a quick look.

    Raises ``SourceUnreadable`` naming the file that cannot be read.
    """
    return [read_table(p, limit=limit) for p in paths]


def target_of(session: Session, pipeline_key: str = "sales") -> Target:
    """The target pipeline's stages (keys, names), the team and its currency."""
    return load_target(session.connection(), pipeline_key)


def suggest_preset(session: Session, tables: Sequence[Table], folders: Iterable[str | Path] = (),
                   pipeline_key: str = "sales") -> tuple[Preset, Path | None]:
    """The preset to start from and the file it came from (None when guessed).

    A saved or shipped preset whose header signature fits the files is offered first;
    otherwise the columns, roles and stage/status values are guessed.
    """
    found = find_preset([t.headers for t in tables], folders)
    if found is not None:
        path, preset = found
        return preset, path
    target = target_of(session, pipeline_key)
    preset = guess_preset(tables, target.stage_keys)
    preset.pipeline = pipeline_key
    from .values import guess_values

    guess_values(tables, preset, target)
    return preset, None


def distinct_values(tables: Sequence[Table], preset: Preset, which: str = "stage") -> list[ValueCount]:
    """The distinct values of the columns mapped to ``stage`` (or ``status``), most frequent first,
    each with its current target in the preset (None = not mapped yet)."""
    from .values import value_counts

    mapping = preset.stages if which == "stage" else preset.statuses
    return [ValueCount(v, n, mapping.get(v)) for v, n in value_counts(tables, preset, which)]


def column_formats(tables: Sequence[Table], preset: Preset) -> list[ColumnFormat]:
    """The detected format of every date and amount column the preset maps."""
    from .values import detect_formats

    return detect_formats(tables, preset)


def dry_run(session: Session, tables: Sequence[Table], preset: Preset,
            progress: Progress | None = None) -> DryRun:
    """Everything the import would do and every problem; writes nothing."""
    from .build import build_plan
    from .summary import summarise

    target = target_of(session, preset.pipeline)
    plan = build_plan(session.connection(), tables, preset, target, progress)
    return summarise(plan, target, database_empty=_no_deals(session))


def import_files(session: Session, tables: Sequence[Table], preset: Preset, *, user_id: int | None = None,
                 progress: Progress | None = None) -> ImportResult:
    """Import the files through ``preset`` in the caller's transaction (``Database.run`` / ``AppContext.run``).

    Raises ``ImportRejected`` (with every blocking problem; nothing written) when the dry run
    has blocking problems. A repeat import of the same rows adds nothing (their file ids are
    remembered). Returns the batch id, the counts and the ``Changes``; ``batch_id`` is 0 when
    nothing was new (no batch is recorded then).
    """
    from .build import build_plan
    from .problems import ImportRejected
    from .summary import summarise
    from .writer import write_plan

    target = target_of(session, preset.pipeline)
    plan = build_plan(session.connection(), tables, preset, target, progress)
    summary = summarise(plan, target, database_empty=_no_deals(session))
    if summary.blocking:
        raise ImportRejected([p for p in summary.problems if p.blocking])
    result = write_plan(session, plan, target, preset, [t.name for t in tables], user_id=user_id, progress=progress)
    result.dry_run = summary
    return result


def list_imports(session: Session) -> list[ImportBatchRow]:
    """Every import, newest first (reverted ones too, with ``reverted_at``)."""
    from .batches import list_batches

    return list_batches(session)


def revert_import(session: Session, batch_id: int, *, user_id: int | None = None) -> Changes:
    """Remove exactly what import ``batch_id`` created, in the caller's transaction.

    Raises ``RevertRefused`` (listing what was worked on: events, edits, tasks, activities,
    links made after the import) and leaves everything as it was; ``NotFound`` for an
    unknown batch, ``InvalidTransition`` for one already reverted.
    """
    from .batches import revert_batch

    return revert_batch(session, batch_id, user_id=user_id)
