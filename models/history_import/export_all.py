"""Export the team's whole history in the exchange format (spec/exchange.md), every pipeline.

The main pipeline (``sales``, else the first) is written at the top of the folder, so
``voronka import --dir FOLDER`` takes it back as it is; every other pipeline goes into
``pipeline-<key>/`` for ``voronka import --dir FOLDER/pipeline-<key> --pipeline <key>``.
The folder is written under a temporary name and renamed when complete, so a cancelled
or failed export leaves nothing that looks whole.
"""
from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from ..db import Database
from ..orm import Pipeline
from .export import ExportSummary, export_history

Progress = Callable[[int, int, str], None]  # (done, total, pipeline key); may raise to cancel
README = """Voronka export ({when})

This folder holds the team's history in Voronka's exchange format (spec/exchange.md):
users.csv, deals.csv, stage_history.csv, activities.csv and plans.csv, UTF-8, one header row.

Take it back into Voronka:
    voronka import --db NEW.db --dir "{folder}"{others}
"""


@dataclass
class TeamExport:
    folder: Path
    pipelines: dict[str, ExportSummary] = field(default_factory=dict)

    @property
    def deals(self) -> int:
        return sum(s.deals for s in self.pipelines.values())


def pipeline_keys(db: Database) -> list[str]:
    """Every pipeline's key, the main one (``sales``, else the first) first."""
    with db.session() as s:
        keys = list(s.scalars(select(Pipeline.key).order_by(Pipeline.id)))
    return sorted(keys, key=lambda k: (k != "sales", keys.index(k)))


def export_everything(db: Database, folder: str | Path, progress: Progress | None = None,
                      when: str = "") -> TeamExport:
    """Write every pipeline's history into the new folder ``folder`` (which must not exist)."""
    target = Path(folder)
    if target.exists():
        raise FileExistsError(str(target))
    partial = target.with_name(f".{target.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    keys = pipeline_keys(db)
    result = TeamExport(target)
    try:
        partial.mkdir(parents=True)
        for n, key in enumerate(keys):
            if progress is not None:
                progress(n, len(keys), key)
            sub = partial if n == 0 else partial / f"pipeline-{key}"
            result.pipelines[key] = export_history(db, sub, key)
        others = "".join(f'\n    voronka import --db NEW.db --dir "{target / f"pipeline-{k}"}" --pipeline {k}'
                         for k in keys[1:])
        (partial / "README.txt").write_text(README.format(when=when, folder=target, others=others), "utf-8")
        if progress is not None:
            progress(len(keys), len(keys), "")
        partial.rename(target)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return result
