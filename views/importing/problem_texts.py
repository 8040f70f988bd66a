"""The import's problems in the UI language, for the dry run's CSV export (and a tooltip).

The engine (``models.importing``) describes a problem in English with the values in the
sentence; each sentence it can write is matched here by a pattern whose translation gets the
values back (context ``ImportProblems``), as ``views.domain_messages`` does for refusals.
The reason inside "not an amount: …" is translated on its own. A sentence no pattern knows
stays as the engine wrote it.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from voronka.models.importing import problems_csv
from voronka.models.importing.problems import ERROR, MISSING_FIELD, UNMAPPED_VALUE, Problem

from .labels import field_label, problem_label

C = "ImportProblems"

# the engine's sentences: (regular expression, template with %1, %2 …); a group named ``field``
# is a field key (shown by its label), one named ``reason`` a reason (translated by REASONS)
MESSAGES = (
    (r"the file has no column '(.*)'", QT_TRANSLATE_NOOP("ImportProblems", "the file has no column «%1»")),
    (r"'(.*)' is not a date format", QT_TRANSLATE_NOOP("ImportProblems", "«%1» is not a date format")),
    (r"every day and month is 12 or less: choose DD/MM/YYYY or MM/DD/YYYY",
     QT_TRANSLATE_NOOP("ImportProblems", "every day and month is 12 or less: choose DD/MM/YYYY or MM/DD/YYYY")),
    (r"not a date: (?P<reason>.*)", QT_TRANSLATE_NOOP("ImportProblems", "not a date: %1")),
    (r"not an INN: (?P<reason>.*)", QT_TRANSLATE_NOOP("ImportProblems", "not an INN: %1")),
    (r"not a website: (?P<reason>.*)", QT_TRANSLATE_NOOP("ImportProblems", "not a website: %1")),
    (r"not an e-mail: (?P<reason>.*)", QT_TRANSLATE_NOOP("ImportProblems", "not an e-mail address: %1")),
    (r"not a phone: (?P<reason>.*)", QT_TRANSLATE_NOOP("ImportProblems", "not a phone number: %1")),
    (r"not an amount: (?P<reason>.*)", QT_TRANSLATE_NOOP("ImportProblems", "not an amount: %1")),
    (r"the deal id is empty", QT_TRANSLATE_NOOP("ImportProblems", "the deal id is empty")),
    (r"the deal id '(.*)' is on row (\d+) too", QT_TRANSLATE_NOOP("ImportProblems", "the deal id «%1» is on row %2 too")),
    (r"the deal id is too long", QT_TRANSLATE_NOOP("ImportProblems", "the deal id is too long")),
    (r"no creation time", QT_TRANSLATE_NOOP("ImportProblems", "no creation time")),
    (r"a negative amount", QT_TRANSLATE_NOOP("ImportProblems", "a negative amount")),
    (r"not a currency code \(RUB, USD, EUR …\)", QT_TRANSLATE_NOOP("ImportProblems", "not a currency code (RUB, USD, EUR …)")),
    (r"not in the users file", QT_TRANSLATE_NOOP("ImportProblems", "not in the users file")),
    (r"no column is mapped to created \(nor a history\)",
     QT_TRANSLATE_NOOP("ImportProblems", "no column is mapped to the creation time (and there is no history)")),
    (r"no column is mapped to (?P<field>.*)", QT_TRANSLATE_NOOP("ImportProblems", "no column is mapped to «%1»")),
    (r"the stage '(.*)' \((\d+) history rows\) is mapped to no stage",
     QT_TRANSLATE_NOOP("ImportProblems", "the stage «%1» (history rows: %2) is mapped to no stage")),
    (r"no file is mapped as the deals file", QT_TRANSLATE_NOOP("ImportProblems", "no file is mapped as the deals file")),
    (r"the pipeline has no stage '(.*)'", QT_TRANSLATE_NOOP("ImportProblems", "the pipeline has no stage «%1»")),
    (r"'(.*)' is not a stage of the pipeline '(.*)'",
     QT_TRANSLATE_NOOP("ImportProblems", "«%1» is not a stage of the pipeline «%2»")),
    (r"'(.*)': no such stage in the pipeline", QT_TRANSLATE_NOOP("ImportProblems", "«%1»: no such stage in the pipeline")),
    (r"history before the deal was created", QT_TRANSLATE_NOOP("ImportProblems", "history before the deal was created")),
    (r"the current stage is not the last history row's",
     QT_TRANSLATE_NOOP("ImportProblems", "the current stage is not the one of the last history row")),
    (r"a won deal without a closed time", QT_TRANSLATE_NOOP("ImportProblems", "a won deal without a closing time")),
    (r"a lost deal without a closed time", QT_TRANSLATE_NOOP("ImportProblems", "a lost deal without a closing time")),
    (r"closed before its last stage entry", QT_TRANSLATE_NOOP("ImportProblems", "closed before its last stage entry")),
    (r"the (?P<field>stage|status) '(.*)' \((\d+) rows\) is mapped to nothing",
     QT_TRANSLATE_NOOP("ImportProblems", "«%1» «%2» (rows: %3) is mapped to nothing")),
    (r"most deals are in (\w+), but the team currency is (\w+); reports count every amount in the team currency",
     QT_TRANSLATE_NOOP("ImportProblems", "most deals are in %1, but the team currency is %2; reports count every "
                                         "amount in the team currency")),
    (r"not a vCard file \((.*)\)", QT_TRANSLATE_NOOP("ImportProblems", "not a vCard file (%1)")),
    (r"not an e-mail", QT_TRANSLATE_NOOP("ImportProblems", "not an e-mail address")),
    (r"not a phone", QT_TRANSLATE_NOOP("ImportProblems", "not a phone number")),
    (r"a card without a name, e-mail or phone", QT_TRANSLATE_NOOP("ImportProblems", "a card without a name, e-mail or phone")),
    (r"shares a phone with '(.*)', another person",
     QT_TRANSLATE_NOOP("ImportProblems", "shares a phone with «%1», another person")),
)
FIXES = (
    (r"nothing is read into (?P<field>.*)", QT_TRANSLATE_NOOP("ImportProblems", "nothing is read into «%1»")),
    (r"imported without this value", QT_TRANSLATE_NOOP("ImportProblems", "imported without this value")),
    (r"history rows before the creation left out",
     QT_TRANSLATE_NOOP("ImportProblems", "history rows before the creation are left out")),
    (r"created at its first history row", QT_TRANSLATE_NOOP("ImportProblems", "created at its first history row")),
    (r"left at (.*)", QT_TRANSLATE_NOOP("ImportProblems", "left at «%1»")),
    (r"moved to (.*) after its last history row",
     QT_TRANSLATE_NOOP("ImportProblems", "moved to «%1» after its last history row")),
    (r"closed at its last stage entry", QT_TRANSLATE_NOOP("ImportProblems", "closed at its last stage entry")),
    (r"the team currency is left as it is", QT_TRANSLATE_NOOP("ImportProblems", "the team currency is left as it is")),
    (r"imported as a new contact", QT_TRANSLATE_NOOP("ImportProblems", "imported as a new contact")),
)
# why a value could not be read (models/values, models/fields): the part after "not a …: "
REASONS = (
    (r"a time without a date", QT_TRANSLATE_NOOP("ImportProblems", "a time without a date")),
    (r"a number, not a date", QT_TRANSLATE_NOOP("ImportProblems", "a number, not a date")),
    (r"not a date in any known format", QT_TRANSLATE_NOOP("ImportProblems", "not a date in any known format")),
    (r"day and month could be either way; choose the column's format",
     QT_TRANSLATE_NOOP("ImportProblems", "day and month could be either way; choose the column's format")),
    (r"no such day", QT_TRANSLATE_NOOP("ImportProblems", "no such day")),
    (r"it holds words or signs other than a number.*",
     QT_TRANSLATE_NOOP("ImportProblems", "it holds words or signs that are not part of an amount")),
    (r"«(.*)» is a multiplier.*", QT_TRANSLATE_NOOP("ImportProblems", "«%1» is a multiplier: a file's amount is read as written")),
    (r"two currency marks", QT_TRANSLATE_NOOP("ImportProblems", "two currency marks")),
    (r"spaces inside the number, but the column groups thousands otherwise",
     QT_TRANSLATE_NOOP("ImportProblems", "spaces inside the number, but the column groups thousands otherwise")),
    (r"more than one decimal point '(.*)'", QT_TRANSLATE_NOOP("ImportProblems", "more than one decimal point «%1»")),
    (r"separators after the decimal point", QT_TRANSLATE_NOOP("ImportProblems", "separators after the decimal point")),
    (r"'(.*)' where the column uses '(.*)' as the decimal point",
     QT_TRANSLATE_NOOP("ImportProblems", "«%1» where the column uses «%2» as the decimal point")),
    (r"digits are not grouped by three", QT_TRANSLATE_NOOP("ImportProblems", "digits are not grouped by three")),
    (r"not a number", QT_TRANSLATE_NOOP("ImportProblems", "not a number")),
    (r"an INN has digits only", QT_TRANSLATE_NOOP("ImportProblems", "an INN has digits only")),
    (r"an INN has 10 digits \(organisation\) or 12 \(person\)",
     QT_TRANSLATE_NOOP("ImportProblems", "an INN has 10 digits (organisation) or 12 (person)")),
    (r"the INN check digits do not match; check for a typo",
     QT_TRANSLATE_NOOP("ImportProblems", "the INN check digits do not match: look for a typo")),
    (r"not a website address.*", QT_TRANSLATE_NOOP("ImportProblems", "not a website address (like acme.ru)")),
    (r"not an e-mail address.*", QT_TRANSLATE_NOOP("ImportProblems", "not an e-mail address (like name@acme.ru)")),
    (r"the part after @ is not a domain.*", QT_TRANSLATE_NOOP("ImportProblems", "the part after @ is not a domain (like acme.ru)")),
    (r"not a phone number", QT_TRANSLATE_NOOP("ImportProblems", "not a phone number")),
    (r"no such number.*", QT_TRANSLATE_NOOP("ImportProblems", "no such number: check the digits (a Russian number has "
                                                              "10 digits after +7)")),
    (r"at most (\d+) characters", QT_TRANSLATE_NOOP("ImportProblems", "at most %1 characters")),
    (r"cannot be empty", QT_TRANSLATE_NOOP("ImportProblems", "cannot be empty")),
)
SEVERITY = {ERROR: QT_TRANSLATE_NOOP("ImportProblems", "error"), "warning": QT_TRANSLATE_NOOP("ImportProblems", "warning")}
HEADER = (QT_TRANSLATE_NOOP("ImportProblems", "Severity"), QT_TRANSLATE_NOOP("ImportProblems", "Problem"),
          QT_TRANSLATE_NOOP("ImportProblems", "File"), QT_TRANSLATE_NOOP("ImportProblems", "Row"),
          QT_TRANSLATE_NOOP("ImportProblems", "Cell"), QT_TRANSLATE_NOOP("ImportProblems", "Column"),
          QT_TRANSLATE_NOOP("ImportProblems", "Value"), QT_TRANSLATE_NOOP("ImportProblems", "What is wrong"),
          QT_TRANSLATE_NOOP("ImportProblems", "What the import does"))


def _tr(text: str) -> str:
    return QCoreApplication.translate(C, text)


def _translated(text: str, table: tuple[tuple[str, str], ...]) -> str | None:
    """``text`` through the first pattern of ``table`` that matches it whole (None: none does)."""
    for pattern, template in table:
        match = re.fullmatch(pattern, text, re.DOTALL)
        if match is None:
            continue
        out = _tr(template)
        groups = match.re.groupindex
        for n, value in enumerate(match.groups(), start=1):
            if n == groups.get("reason"):
                value = reason_text(value)
            elif n == groups.get("field"):
                value = field_label(value)
            out = out.replace(f"%{n}", value)
        return out
    return None


def reason_text(text: str) -> str:
    """Why a value could not be read, in the UI language (as written when unknown)."""
    return _translated(text, REASONS) or text


def column_text(problem: Problem) -> str:
    """The column: the file's header as it is, or the field's label where the engine names a field
    (a field no column is mapped to, a stage or status value mapped to nothing)."""
    if problem.kind in (MISSING_FIELD, UNMAPPED_VALUE) and problem.column:
        return field_label(problem.column)
    return problem.column


def message_text(problem: Problem) -> str:
    """What is wrong, in the UI language."""
    return _translated(problem.message, MESSAGES) or problem.message


def fix_text(problem: Problem) -> str:
    """What the import does about it, in the UI language."""
    return (_translated(problem.fix, FIXES) or problem.fix) if problem.fix else ""


def problems_csv_text(problems: list[Problem]) -> str:
    """Every problem as CSV in the UI language: severity and the problem's kind in words, where,
    the value, what is wrong and what the import does."""
    return problems_csv(problems, header=[_tr(h) for h in HEADER],
                        words=lambda p: (_tr(SEVERITY.get(p.severity, p.severity)), problem_label(p.kind),
                                         column_text(p), message_text(p), fix_text(p)))
