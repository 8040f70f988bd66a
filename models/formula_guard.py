"""User text in an export is text, never a formula.

A spreadsheet opening a CSV takes a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or
a carriage return for a formula: a team member named ``=HYPERLINK(…)`` would run as one. As
OWASP recommends, such a text cell is written with a leading ``'``, which spreadsheets take
as "this is text". The rule is reversible (a text that already starts with ``'`` before one of
those characters gets one more), so ``unguard`` gives back exactly what ``guard`` was given
when Voronka reads its own export. Numbers are not text cells: write them as they are.

XLSX cells are typed: ``XLSX_OPTIONS`` makes xlsxwriter write every string as a string
(never as a formula or a link) whichever ``write`` call is used.
"""
from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# a text that needs the mark: a formula start, after any number of marks already there
NEEDS_GUARD = re.compile(r"'*[=+\-@\t\r]")
XLSX_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


def _needs_guard(text: str) -> bool:
    return NEEDS_GUARD.match(text) is not None


def guard(text: str) -> str:
    """``text`` as a CSV text cell a spreadsheet shows as text."""
    return "'" + text if _needs_guard(text) else text


def unguard(text: str) -> str:
    """The text ``guard`` was given (a cell of another tool without the mark is left as it is)."""
    return text[1:] if text.startswith("'") and _needs_guard(text[1:]) else text
