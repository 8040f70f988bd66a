"""The values of mapped columns: distinct stage/status values, and each date/amount column's format."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..values.amounts import AmountUnreadable, detect_amount_format, parse_amount
from ..values.dates import DateUnreadable, detect_date_format, parse_date
from .fields import Field, is_date_target
from .guess import guess_value_target
from .preset import FileMapping, Preset, match_files
from .sources import Table, cell_text

if TYPE_CHECKING:
    from .service import ColumnFormat
    from .target import Target


def assign(tables: Sequence[Table], preset: Preset) -> list[tuple[Table, FileMapping]]:
    """Each table with the file mapping it takes: by header signature, else in order."""
    chosen = match_files(preset, [t.headers for t in tables])
    if chosen is None:
        chosen = list(range(len(tables))) if len(tables) <= len(preset.files) else None
    if chosen is None:
        return [(t, f) for t, f in zip(tables, preset.files)]
    return [(t, preset.files[i]) for t, i in zip(tables, chosen) if i is not None]


def value_counts(tables: Sequence[Table], preset: Preset, which: str) -> list[tuple[str, int]]:
    """Distinct non-empty values (stripped) of every column mapped to ``which``, most frequent first."""
    counts: Counter[str] = Counter()
    for table, mapping in assign(tables, preset):
        for header in mapping.headers_for(which):
            if header in table.headers:
                counts.update(cell_text(v).strip() for v in table.column(header) if v not in (None, ""))
    return counts.most_common()


def guess_values(tables: Sequence[Table], preset: Preset, target: "Target") -> None:
    """Fill ``preset.stages``/``preset.statuses`` with guesses for values not mapped yet."""
    for which, mapping in (("stage", preset.stages), ("status", preset.statuses)):
        for value, _n in value_counts(tables, preset, which):
            if value not in mapping:
                guess = guess_value_target(value, target.stage_keys, target.stage_names, status=which == "status")
                if guess is not None:
                    mapping[value] = guess


def detect_formats(tables: Sequence[Table], preset: Preset) -> list["ColumnFormat"]:
    from .service import ColumnFormat

    out: list[ColumnFormat] = []
    for table, mapping in assign(tables, preset):
        for header, target in mapping.columns.items():
            if header not in table.headers:
                continue
            values = table.column(header)
            if is_date_target(target):
                chosen = mapping.date_formats.get(header)
                d = detect_date_format(values)
                fmt = chosen or (d.format.value if d.format else None)
                bad = 0
                for v in values:
                    try:
                        parse_date(v, fmt)
                    except DateUnreadable:
                        bad += 1
                out.append(ColumnFormat(table.name, header, target, "date", fmt,
                                        ambiguous=d.ambiguous and not chosen,
                                        choices=[c.value for c in d.candidates], unreadable=bad))
            elif target == Field.AMOUNT:
                a = detect_amount_format(values)
                bad = 0
                for v in values:
                    try:
                        parse_amount(v, a)
                    except AmountUnreadable:
                        bad += 1
                out.append(ColumnFormat(table.name, header, target, "amount", a.describe(), unreadable=bad))
    return out
