"""The report as plain data files: JSON (the object of spec/exchange.md) and CSV (one row per metric).

``voronka report --format json|csv`` and the report view's "Metrics as CSV" / "Report as
JSON" write these bytes; neither needs Qt. The drawn and translated files (XLSX, PDF,
PNG) are ``voronka.views.reports.files``.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any

from voronka.models.formula_guard import guard

from .catalogue import CATALOGUE


def write_json(report: dict[str, Any], language: str) -> bytes:
    return (json.dumps(report, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode("utf-8")


def write_csv(report: dict[str, Any], language: str) -> bytes:
    """One row per metric: ``id,name,value,target`` (empty cells for null)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "name", "value", "target"])
    for m in CATALOGUE:
        value, target = report["metrics"].get(m.id), report["targets"].get(m.id)
        writer.writerow([guard(m.id), guard(m.name(language)), _cell(value), _cell(target)])
    return out.getvalue().encode("utf-8")


def _cell(value: object) -> str:
    return "" if value is None else repr(value) if isinstance(value, float) else str(value)
