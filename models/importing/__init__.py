"""Bringing a team's data in: spreadsheets and CRM exports through a mapping preset (Qt-free).

Modules, one job each: ``sources`` (read CSV/XLSX), ``fields`` (what a column can become),
``guess`` (first guesses), ``preset`` (the saved mapping), ``values`` (distinct stage/status
values, column formats), ``build`` (files → a plan of deals, history, people and companies,
with problems), ``matching`` (duplicates), ``summary`` (the dry run), ``writer`` (one
transaction, one import batch), ``batches`` (list, revert), ``vcard`` (contacts in and out).
The calls the wizard and the command line make are in ``service`` and re-exported here.
"""
from .fields import Field
from .preset import FileMapping, Preset, PresetInvalid, find_preset, list_presets, load_preset, save_preset
from .problems import ImportRejected, Problem, ProblemGroup, RevertRefused, group_problems, problems_csv
from .service import (
    ColumnFormat,
    DryRun,
    ImportBatchRow,
    ImportResult,
    ValueCount,
    column_formats,
    distinct_values,
    dry_run,
    import_files,
    list_imports,
    open_files,
    revert_import,
    suggest_preset,
    target_of,
)
from .sources import SourceUnreadable, Table, read_table

__all__ = [
    "ColumnFormat", "DryRun", "Field", "FileMapping", "ImportBatchRow", "ImportRejected", "ImportResult",
    "Preset", "PresetInvalid", "Problem", "ProblemGroup", "RevertRefused", "SourceUnreadable", "Table",
    "ValueCount", "column_formats", "distinct_values", "dry_run", "find_preset", "group_problems",
    "import_files", "list_imports", "list_presets", "load_preset", "open_files", "problems_csv",
    "read_table", "revert_import", "save_preset", "suggest_preset", "target_of",
]
