"""What is wrong with an import: one ``Problem`` per bad value, all of them in ``ImportRejected``."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import VoronkaError


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int  # 1 = the header row
    column: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column}: {self.problem}"


class ImportRejected(VoronkaError):
    """The import was refused as a whole; ``problems`` lists every bad row. Nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        n = len(self.problems)
        super().__init__(f"The import was refused: {n} bad value{'s' if n != 1 else ''}; nothing was written.")
