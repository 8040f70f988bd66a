"""The first rows of an XLSX sheet without reading the rest: the wizard's preview of a big file.

python-calamine reads a whole sheet before it hands out a row, which is seconds for 100,000
rows. This reads the sheet's XML as a stream and stops after the rows asked for, then reads
only as much of the shared strings as those rows use (Excel and most writers number strings
in order of first use). Number cells in a date style become dates, as calamine gives them.
Anything unexpected raises ``ValueError`` and the caller reads the file the ordinary way.
"""
from __future__ import annotations

import re
import zipfile
from datetime import datetime, timedelta
from typing import Any
from xml.etree.ElementTree import iterparse

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DATE_BUILTIN = set(range(14, 23)) | {45, 46, 47}
EPOCH = datetime(1899, 12, 30)
_REF = re.compile(r"([A-Z]+)(\d+)")


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _sheet_path(z: zipfile.ZipFile, sheet: str | None) -> tuple[str, str, list[str]]:
    rels = {}
    for _, el in iterparse(z.open("xl/_rels/workbook.xml.rels")):
        if el.tag == PKG_REL + "Relationship":
            rels[el.get("Id")] = el.get("Target")
    sheets = []
    for _, el in iterparse(z.open("xl/workbook.xml")):
        if el.tag == NS + "sheet":
            sheets.append((el.get("name"), rels[el.get(REL + "id")]))
    if not sheets:
        raise ValueError("no sheets")
    name, target = next(((n, t) for n, t in sheets if n == sheet), sheets[0]) if sheet else sheets[0]
    target = target.lstrip("/")
    return name, target if target.startswith("xl/") else "xl/" + target, [n for n, _ in sheets]


def _date_styles(z: zipfile.ZipFile) -> set[int]:
    if "xl/styles.xml" not in z.namelist():
        return set()
    custom: dict[int, bool] = {}
    styles: list[int] = []
    in_xfs = False
    for event, el in iterparse(z.open("xl/styles.xml"), events=("start", "end")):
        if el.tag == NS + "numFmt" and event == "end":
            code = re.sub(r'"[^"]*"|\[[^\]]*\]', "", el.get("formatCode", "")).lower()
            custom[int(el.get("numFmtId"))] = bool(re.search(r"[dy]|mm?m", code)) and "0" not in code.split(";")[0]
        elif el.tag == NS + "cellXfs":
            in_xfs = event == "start"
        elif el.tag == NS + "xf" and event == "end" and in_xfs:
            styles.append(int(el.get("numFmtId", 0)))
    return {i for i, fmt in enumerate(styles) if fmt in DATE_BUILTIN or custom.get(fmt, False)}


def _shared(z: zipfile.ZipFile, upto: int) -> list[str]:
    out: list[str] = []
    if upto < 0 or "xl/sharedStrings.xml" not in z.namelist():
        return out
    for _, el in iterparse(z.open("xl/sharedStrings.xml")):
        if el.tag == NS + "si":
            out.append("".join(t.text or "" for t in el.iter(NS + "t")))
            el.clear()
            if len(out) > upto:
                break
    return out


def read_head(path: str, rows: int, sheet: str | None = None) -> tuple[list[list[Any]], str, list[str]]:
    """The first ``rows`` rows (cells typed like calamine's), the sheet's name and all sheet names."""
    with zipfile.ZipFile(path) as z:
        name, target, names = _sheet_path(z, sheet)
        dates = _date_styles(z)
        raw: list[list[tuple[str | None, int, str | None]]] = []
        row: list[tuple[str | None, int, str | None]] = []
        row_no = 0
        value: str | None = None
        cell: tuple[str | None, int, str] | None = None
        inline: list[str] = []
        for event, el in iterparse(z.open(target), events=("start", "end")):
            tag = el.tag
            if event == "start":
                if tag == NS + "row":
                    r = int(el.get("r", row_no + 1))
                    while row_no + 1 < r:  # empty rows keep their place
                        raw.append([])
                        row_no += 1
                    row = []
                elif tag == NS + "c":
                    cell = (el.get("t"), int(el.get("s", 0)), el.get("r") or "")
                    value, inline = None, []
                continue
            if tag == NS + "v":
                value = el.text
            elif tag == NS + "t" and cell is not None and cell[0] == "inlineStr":
                inline.append(el.text or "")
            elif tag == NS + "c" and cell is not None:
                kind, style, ref = cell
                m = _REF.match(ref)
                col = _column(m.group(1)) if m else len(row)
                while len(row) < col:
                    row.append((None, 0, None))
                row.append((kind, style, "".join(inline) if kind == "inlineStr" else value))
                el.clear()
            elif tag == NS + "row":
                raw.append(row)
                row_no += 1
                el.clear()
                if row_no >= rows:
                    break
        upto = max((int(v) for r in raw for k, _s, v in r if k == "s" and v is not None), default=-1)
        strings = _shared(z, upto)
    width = max((len(r) for r in raw), default=0)
    out: list[list[Any]] = []
    for r in raw:
        cells: list[Any] = []
        for kind, style, v in r:
            if v is None:
                cells.append(None)
            elif kind == "s":
                cells.append(strings[int(v)])
            elif kind in ("str", "inlineStr", "e"):
                cells.append(v)
            elif kind == "b":
                cells.append(v == "1")
            else:
                number = float(v)
                if style in dates:
                    moment = EPOCH + timedelta(days=number)
                    moment = moment.replace(microsecond=0)
                    cells.append(moment.date() if moment.time() == datetime.min.time() else moment)
                else:
                    cells.append(number)
        out.append(cells + [None] * (width - len(cells)))
    return out, name, names
