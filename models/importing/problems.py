"""What is wrong with an import: one ``Problem`` per bad value or inconsistency, grouped for showing.

``kind`` is a stable code (the views keep one translated sentence per kind, and the CSV
export and the command line print the English ``message``). ``severity`` ``error`` blocks
the import until fixed (in the file or in the mapping); ``warning`` says what will be done
instead (``fix``) and lets the import go on.
"""
from __future__ import annotations

import csv
import io
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..errors import VoronkaError

ERROR, WARNING = "error", "warning"

# Problem kinds.
UNREADABLE_FILE = "unreadable_file"  # not a CSV/XLSX, an encoding that cannot be decoded, empty
MISSING_FIELD = "missing_field"  # a required field is mapped to no column
UNKNOWN_COLUMN = "unknown_column"  # the preset names a column the file lacks
BAD_AMOUNT = "bad_amount"
BAD_DATE = "bad_date"
AMBIGUOUS_DATES = "ambiguous_dates"  # a column's day/month order must be chosen
BAD_CURRENCY = "bad_currency"
UNMAPPED_VALUE = "unmapped_value"  # a stage/status value mapped to nothing
NO_DEAL_ID = "no_deal_id"
DUPLICATE_DEAL_ID = "duplicate_deal_id"
UNKNOWN_DEAL = "unknown_deal"  # a history row for a deal not in the deals file
UNKNOWN_USER = "unknown_user"  # an owner id the users file lacks
BAD_WEBSITE = "bad_website"
BAD_INN = "bad_inn"
BAD_PHONE = "bad_phone"
BAD_EMAIL = "bad_email"
HISTORY_BEFORE_CREATION = "history_before_creation"
STAGE_DISAGREES = "stage_disagrees_with_history"
CLOSED_WITHOUT_TIME = "closed_without_time"
CLOSED_TIME_ON_OPEN = "closed_time_on_open_deal"
NEGATIVE_AMOUNT = "negative_amount"
CURRENCY_DIFFERS = "currency_differs"  # the data's currency is not the team's
OTHER = "other"


@dataclass(frozen=True)
class Problem:
    """One problem: where (file, row as the user sees it, column, cell), what, and what will be done."""

    kind: str
    message: str
    file: str = ""
    row: int = 0  # 1-based row of the sheet / record of the CSV (the header is its own row); 0 = the file
    column: str = ""
    value: str = ""
    severity: str = ERROR
    fix: str = ""  # for a warning: what the import does about it
    cell: str = ""  # "C88" for an XLSX cell

    @property
    def blocking(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        where = self.file + (f":{self.row}" if self.row else "") + (f": {self.column}" if self.column else "")
        tail = f" ({self.fix})" if self.fix else ""
        return f"{where}: {self.message}{tail}" if where else self.message + tail


@dataclass
class ProblemGroup:
    kind: str
    severity: str
    count: int
    examples: list[Problem] = field(default_factory=list)


def group_problems(problems: list[Problem], examples: int = 5) -> list[ProblemGroup]:
    """Problems by kind (errors first), each with its count and the first ``examples``."""
    groups: OrderedDict[tuple[str, str], ProblemGroup] = OrderedDict()
    for p in problems:
        g = groups.setdefault((p.severity, p.kind), ProblemGroup(p.kind, p.severity, 0))
        g.count += 1
        if len(g.examples) < examples:
            g.examples.append(p)
    return sorted(groups.values(), key=lambda g: (g.severity != ERROR, -g.count))


def _safe(text: str) -> str:
    """A cell a spreadsheet would take for a formula is written as text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def problems_csv(problems: list[Problem], header: Sequence[str] | None = None,
                 words: Callable[[Problem], tuple[str, str, str, str, str]] | None = None) -> str:
    """Every problem as CSV text (severity, kind, file, row, cell, column, value, problem, fix).

    ``header`` and ``words`` (a problem's severity, kind, column, problem and fix as the reader
    says them) write it in the UI's language (``views.importing.problem_texts``); without them
    the codes and the engine's English stay (for programs)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(list(header) if header else ["severity", "kind", "file", "row", "cell", "column", "value", "problem",
                                            "fix"])
    for p in problems:
        severity, kind, column, message, fix = words(p) if words else (p.severity, p.kind, p.column, p.message, p.fix)
        w.writerow([severity, kind, _safe(p.file), p.row or "", p.cell, _safe(column), _safe(p.value),
                    _safe(message), _safe(fix)])
    return out.getvalue()


class ImportRejected(VoronkaError):
    """The import was refused as a whole: ``problems`` lists every blocking one. Nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        n = sum(1 for p in problems if p.blocking)
        super().__init__(f"The import was refused: {n} problem{'s' if n != 1 else ''} to fix; nothing was written.")


class RevertRefused(VoronkaError):
    """An import cannot be reverted because people have worked on what it created; ``reasons`` say what."""

    def __init__(self, batch_id: int, reasons: list[str]):
        self.batch_id = batch_id
        self.reasons = reasons
        super().__init__(f"Import {batch_id} cannot be reverted: " + "; ".join(reasons[:5])
                         + ("…" if len(reasons) > 5 else "") + ".")
