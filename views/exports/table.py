"""Write a table exactly as a page shows it (its rows, its columns) to XLSX or CSV.

User text is data, never a formula: in XLSX every text cell is written as a string cell;
in CSV a text cell starting with ``=``, ``+``, ``-``, ``@`` (or a tab / carriage return)
gets a leading apostrophe, so a spreadsheet opening the file shows it as text.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import xlsxwriter

from voronka.models.formula_guard import guard

NUMBER = (int, float, Decimal)


def as_csv_text(value: Any) -> str:
    """One CSV cell: numbers as they are, text defused if it looks like a formula."""
    if value is None:
        return ""
    if isinstance(value, NUMBER) and not isinstance(value, bool):
        return str(value)
    return guard(str(value))


def write_table(path: str | Path, headers: Sequence[str], rows: Iterable[Sequence[Any]],
                sheet: str = "Voronka") -> int:
    """Write ``headers`` and ``rows`` (numbers stay numbers, anything else is text) to
    ``path`` (.xlsx or .csv by its suffix); returns the number of rows written."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        return _write_csv(path, headers, rows)
    return _write_xlsx(path, headers, rows, sheet)


def _write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # BOM: Excel reads it as UTF-8
        writer = csv.writer(handle)
        writer.writerow([as_csv_text(h) for h in headers])
        for row in rows:
            writer.writerow([as_csv_text(v) for v in row])
            count += 1
    return count


def _write_xlsx(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], sheet: str) -> int:
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                           "strings_to_numbers": False, "strings_to_urls": False})
    try:
        ws = book.add_worksheet(sheet[:31])
        bold = book.add_format({"bold": True})
        for col, header in enumerate(headers):
            ws.write_string(0, col, str(header), bold)
        count = 0
        for r, row in enumerate(rows, start=1):
            for col, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, NUMBER) and not isinstance(value, bool):
                    ws.write_number(r, col, float(value))
                else:
                    ws.write_string(r, col, str(value))
            count += 1
        ws.freeze_panes(1, 0)
    finally:
        book.close()
    return count
