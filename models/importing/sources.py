"""Reading one CSV or XLSX file into a ``Table``: encoding, delimiter and header row detected.

* XLSX/XLSM/XLS/ODS through python-calamine (fast, read-only). Cells keep their type:
  text, numbers (float), dates/datetimes (Excel date cells).
* CSV/TXT: the encoding is UTF-8 (with or without BOM) when the bytes decode as such, else
  what charset-normalizer finds (cp1251, koi8-r …); the delimiter (``, ; tab |``) is
  sniffed from the first lines. Cells are text.
* The header row is the first row that is as wide as the data under it (a title row such as
  "Воронка продаж 2026" above the headers is skipped); empty rows are dropped.

Problems reading the file raise ``SourceUnreadable`` with a sentence for the user.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..errors import VoronkaError

Cell = Any  # None | str | float | int | bool | date | datetime
SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
DELIMITERS = ",;\t|"
HEADER_SCAN = 30  # rows looked at to find the header
HEAD_READ_BYTES = 500_000  # an XLSX bigger than this is previewed by streaming its first rows (xlsx_head)


class SourceUnreadable(VoronkaError):
    """The file cannot be read as a table; the message says why, naming the file."""

    def __init__(self, path: str | Path, reason: str):
        super().__init__(f"{Path(path).name}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass
class Table:
    """One sheet or CSV file as read: headers and data rows (cells typed for XLSX, text for CSV).

    ``row_numbers[i]`` is the 1-based row of ``rows[i]`` in the sheet (the record number for a
    CSV), so problems can name the row a person sees. ``header_row`` is the header's 0-based
    index among the file's rows. ``encoding``/``delimiter`` are None for spreadsheets.
    """

    path: Path
    name: str
    kind: str  # "csv" or "xlsx"
    headers: list[str]
    rows: list[list[Cell]]
    row_numbers: list[int]
    header_row: int = 0
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, header: str) -> list[Cell]:
        """All values of one column (None where a row is short)."""
        i = self.headers.index(header)
        return [r[i] if i < len(r) else None for r in self.rows]

    def preview(self, n: int = 50) -> list[list[str]]:
        """The first ``n`` rows as display text (dates as ISO, whole floats without ``.0``)."""
        return [[cell_text(c) for c in r] for r in self.rows[:n]]

    def cell_name(self, column: str, index: int) -> str:
        """The spreadsheet name (``C88``) of ``column`` in data row ``index``; empty for a CSV."""
        if self.kind != "xlsx":
            return ""
        return f"{column_letter(self.headers.index(column))}{self.row_numbers[index]}"

    @property
    def signature(self) -> list[str]:
        """The non-empty headers, as a preset matches a file of the same shape."""
        return [h for h in self.headers if h and not h.startswith("(column ")]


def column_letter(i: int) -> str:
    letters = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def cell_text(c: Cell) -> str:
    """A cell as text: empty for None, ISO for dates, ``1200`` for a whole float."""
    if c is None:
        return ""
    if isinstance(c, datetime):
        return c.isoformat(sep=" ") if c.time() != datetime.min.time() else c.date().isoformat()
    if isinstance(c, date):
        return c.isoformat()
    if isinstance(c, float):
        return str(int(c)) if c.is_integer() else repr(c)
    return str(c)


def detect_encoding(data: bytes) -> str:
    """``utf-8-sig``, ``utf-8``, or charset-normalizer's best guess (``cp1251`` …)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:400_000]).best()
    if best is None:
        raise UnicodeError("no encoding fits")
    return best.encoding


def detect_delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in DELIMITERS}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


def _clean(cell: Cell) -> Cell:
    if isinstance(cell, str):
        cell = cell.strip()
        return cell or None
    return cell


def find_header_row(rows: list[list[Cell]]) -> int:
    """The index of the header row: the first mostly-text row about as wide as the rows below it."""
    widths = [sum(1 for c in r if c not in (None, "")) for r in rows[:HEADER_SCAN]]
    if not widths:
        return 0
    widest = max(widths)
    for i, r in enumerate(rows[:HEADER_SCAN]):
        filled = [c for c in r if c not in (None, "")]
        if len(filled) >= max(1, 0.6 * widest) and all(isinstance(c, str) for c in filled):
            return i
    return 0


def _unique(headers: list[Cell]) -> list[str]:
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, h in enumerate(headers):
        name = cell_text(h).strip() or f"(column {column_letter(i)})"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        out.append(name)
    return out


def _table(path: Path, kind: str, raw: list[list[Cell]], numbers: list[int], header_row: int | None,
           **info: Any) -> Table:
    header_row = find_header_row(raw) if header_row is None else header_row
    if header_row >= len(raw):
        raise SourceUnreadable(path, "the file has no header row")
    headers = _unique(raw[header_row])
    rows: list[list[Cell]] = []
    row_numbers: list[int] = []
    width = len(headers)
    for r, n in zip(raw[header_row + 1:], numbers[header_row + 1:]):
        if any(c is not None for c in r):
            if len(r) < width:
                r = r + [None] * (width - len(r))
            rows.append(r[:width] if len(r) > width else r)
            row_numbers.append(n)
    return Table(path=path, name=path.name, kind=kind, headers=headers, rows=rows, row_numbers=row_numbers,
                 header_row=header_row, **info)


def read_csv(path: Path, *, encoding: str | None = None, delimiter: str | None = None,
             header_row: int | None = None, limit: int | None = None) -> Table:
    data = path.read_bytes()
    if not data.strip():
        raise SourceUnreadable(path, "the file is empty")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceUnreadable(path, "this is not a text (CSV) file")
    try:
        encoding = encoding or detect_encoding(data)
        text = data.decode(encoding)
    except (UnicodeError, LookupError):
        raise SourceUnreadable(path, f"the text cannot be decoded{f' as {encoding}' if encoding else ''}; "
                                     "save it as UTF-8 or choose its encoding") from None
    delimiter = delimiter or detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    raw: list[list[Cell]] = []
    numbers: list[int] = []
    try:
        for values in reader:
            raw.append([_clean(v) for v in values])
            numbers.append(len(raw))
            if limit is not None and len(raw) > limit + HEADER_SCAN:
                break
    except csv.Error as exc:
        raise SourceUnreadable(path, f"not a valid CSV file (record {len(raw) + 1}: {exc})") from None
    return _table(path, "csv", raw, numbers, header_row, encoding=encoding, delimiter=delimiter)


def read_spreadsheet(path: Path, *, sheet: str | None = None, header_row: int | None = None,
                     limit: int | None = None) -> Table:
    if limit is not None and path.suffix.lower() in (".xlsx", ".xlsm") and path.stat().st_size > HEAD_READ_BYTES:
        from .xlsx_head import read_head

        try:
            head, name, names = read_head(str(path), limit + HEADER_SCAN, sheet)
        except Exception:  # an unusual file: read it the ordinary way below  # noqa: BLE001
            pass
        else:
            raw = [[_clean(c) for c in r] for r in head]
            return _table(path, "xlsx", raw, list(range(1, len(raw) + 1)), header_row, sheet=name, sheets=names)
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
        if sheet is not None and sheet not in names:
            raise SourceUnreadable(path, f"there is no sheet {sheet!r}")
        ws = book.get_sheet_by_name(sheet) if sheet else book.get_sheet_by_index(0)
        values = ws.to_python(skip_empty_area=False, nrows=limit + HEADER_SCAN) if limit is not None \
            else ws.to_python(skip_empty_area=False)
    except SourceUnreadable:
        raise
    except Exception as exc:  # calamine raises its own error types for broken files
        raise SourceUnreadable(path, f"not a readable spreadsheet ({exc})") from None
    for r in values:  # in place: a 100,000-row sheet is not held twice
        for i, c in enumerate(r):
            if c.__class__ is str:
                r[i] = c.strip() or None
    return _table(path, "xlsx", values, list(range(1, len(values) + 1)), header_row, sheet=ws.name, sheets=names)


def read_table(path: str | Path, *, encoding: str | None = None, delimiter: str | None = None,
               sheet: str | None = None, header_row: int | None = None, limit: int | None = None) -> Table:
    """Read a CSV or spreadsheet file; the arguments override what is detected.

    ``limit`` reads only about that many data rows (a quick preview of a big file).
    Raises ``SourceUnreadable``.
    """
    path = Path(path)
    if not path.is_file():
        raise SourceUnreadable(path, "there is no such file")
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        return read_spreadsheet(path, sheet=sheet, header_row=header_row, limit=limit)
    if path.read_bytes()[:4] == b"PK\x03\x04":
        return read_spreadsheet(path, sheet=sheet, header_row=header_row, limit=limit)
    return read_csv(path, encoding=encoding, delimiter=delimiter, header_row=header_row, limit=limit)
