"""Domain refusals in the UI language: the reasons ``models`` gives in English (``InvalidValue``,
``NotFound`` and the other ``VoronkaError``s that carry no reason code) are looked up here.

A fixed reason is translated as it is (context ``DomainReasons``); a reason with a value in it
matches one of ``PATTERNS``, whose translation gets the value back. ``tests/test_language.py``
reads every fixed reason in ``models/`` and fails on one without a Russian translation here.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

REASONS = (
    QT_TRANSLATE_NOOP("DomainReasons", "cannot be empty"),
    QT_TRANSLATE_NOOP("DomainReasons", "cannot be empty without a company"),
    QT_TRANSLATE_NOOP("DomainReasons", "cannot be negative"),
    QT_TRANSLATE_NOOP("DomainReasons", "is not a date (YYYY-MM-DD)"),
    QT_TRANSLATE_NOOP("DomainReasons", "is not a deal field that can be edited"),
    QT_TRANSLATE_NOOP("DomainReasons", "is not a task field that can be edited"),
    QT_TRANSLATE_NOOP("DomainReasons", "is not a field of this card"),
    QT_TRANSLATE_NOOP("DomainReasons", "must be a list of page names"),
    QT_TRANSLATE_NOOP("DomainReasons", "must be a list of tiles"),
    QT_TRANSLATE_NOOP("DomainReasons", "must name a page"),
    QT_TRANSLATE_NOOP("DomainReasons", "is hidden from the sidebar; show it or pick another page"),
    QT_TRANSLATE_NOOP("DomainReasons", "a choice field needs at least one choice"),
    QT_TRANSLATE_NOOP("DomainReasons", "a field needs a name"),
    QT_TRANSLATE_NOOP("DomainReasons", "every block needs its own key"),
    QT_TRANSLATE_NOOP("DomainReasons", "every block needs a title"),
    QT_TRANSLATE_NOOP("DomainReasons", "cannot be required to enter a stage"),
    QT_TRANSLATE_NOOP("DomainReasons", "is not a year"),
    QT_TRANSLATE_NOOP("DomainReasons", "is not a month (1-12)"),
    QT_TRANSLATE_NOOP("DomainReasons", "is not an amount"),
    QT_TRANSLATE_NOOP("DomainReasons", "is a 3-letter code such as RUB"),
    QT_TRANSLATE_NOOP("DomainReasons", "is not a report object (it has no period)"),
    QT_TRANSLATE_NOOP("DomainReasons", "has no period label or as-of time"),
    QT_TRANSLATE_NOOP("DomainReasons", "is not a funnel rule"),
    QT_TRANSLATE_NOOP("DomainReasons", "must be a whole number of days, 1 or more"),
    QT_TRANSLATE_NOOP("DomainReasons", "must be a share between 0 and 1"),
    QT_TRANSLATE_NOOP("DomainReasons", "must be at least 1"),
    QT_TRANSLATE_NOOP("DomainReasons", "Only the head of sales can change the funnel rules."),
    QT_TRANSLATE_NOOP("DomainReasons", "A lost deal needs a reason."),
    QT_TRANSLATE_NOOP("DomainReasons", "is not a lost reason field"),
    QT_TRANSLATE_NOOP("DomainReasons", "is not a pipeline field that can be edited"),
    QT_TRANSLATE_NOOP("DomainReasons", "is not a stage field"),
)

# reasons with a value in them: (regular expression, translatable template with %1, %2 …)
PATTERNS = (
    (r"'(.+)' is already in the team", QT_TRANSLATE_NOOP("DomainReasons", "«%1» is already in the team")),
    (r"'(.+)' is not a role", QT_TRANSLATE_NOOP("DomainReasons", "«%1» is not a role")),
    (r"'(.+)' is not a time zone", QT_TRANSLATE_NOOP("DomainReasons", "«%1» is not a time zone")),
    (r"'(.+)' is not a field type", QT_TRANSLATE_NOOP("DomainReasons", "«%1» is not a field type")),
    (r"'(.+)' is not a card kind", QT_TRANSLATE_NOOP("DomainReasons", "«%1» is not a card kind")),
    (r"'(.+)' is not deal, company or contact", QT_TRANSLATE_NOOP("DomainReasons", "«%1» is not a deal, a company or a contact")),
    (r"'(.+)' is not call, email, message, meeting or note",
     QT_TRANSLATE_NOOP("DomainReasons", "«%1» is not a call, an e-mail, a message, a meeting or a note")),
    (r"unknown field '(.+)'", QT_TRANSLATE_NOOP("DomainReasons", "unknown field «%1»")),
    (r"unknown role '(.+)'", QT_TRANSLATE_NOOP("DomainReasons", "«%1» is not a role")),
    (r"unknown pipeline kind '(.+)'", QT_TRANSLATE_NOOP("DomainReasons", "«%1» is not a kind of pipeline")),
    (r"unknown follow-up '(.+)'", QT_TRANSLATE_NOOP("DomainReasons", "«%1» is not a follow-up")),
    (r"is one of (.+)", QT_TRANSLATE_NOOP("DomainReasons", "must be one of: %1")),
    (r"must be one of (.+)", QT_TRANSLATE_NOOP("DomainReasons", "must be one of: %1")),
    (r"as-of time '(.+)' is not an ISO time", QT_TRANSLATE_NOOP("DomainReasons", "the time «%1» is not written as 2026-10-31T23:59:59")),
    (r"tile (\d+) has .*", QT_TRANSLATE_NOOP("DomainReasons", "tile %1 is not set up correctly")),
    (r"at most (\d+) characters", QT_TRANSLATE_NOOP("DomainReasons", "at most %1 characters")),
    (r"(.+) already holds deals; give a new file for the demo database\.",
     QT_TRANSLATE_NOOP("DomainReasons", "%1 already holds deals: give a new file for the demo database.")),
    (r"(.+) is a server database; back it up on the server \(pg_dump\)\.",
     QT_TRANSLATE_NOOP("DomainReasons", "%1 is a server database: back it up on the server (pg_dump).")),
    (r"(.+) is not a Voronka database backup\.", QT_TRANSLATE_NOOP("DomainReasons", "%1 is not a Voronka database backup.")),
)

# NotFound's ``what``: the record's name in a sentence
THINGS = {
    "deal": QT_TRANSLATE_NOOP("DomainReasons", "deal"),
    "company": QT_TRANSLATE_NOOP("DomainReasons", "company"),
    "contact": QT_TRANSLATE_NOOP("DomainReasons", "contact"),
    "task": QT_TRANSLATE_NOOP("DomainReasons", "task"),
    "activity": QT_TRANSLATE_NOOP("DomainReasons", "activity"),
    "pipeline": QT_TRANSLATE_NOOP("DomainReasons", "pipeline"),
    "stage": QT_TRANSLATE_NOOP("DomainReasons", "stage"),
    "user": QT_TRANSLATE_NOOP("DomainReasons", "team member"),
    "import": QT_TRANSLATE_NOOP("DomainReasons", "import"),
    "folder": QT_TRANSLATE_NOOP("DomainReasons", "folder"),
    "custom field": QT_TRANSLATE_NOOP("DomainReasons", "field"),
    "card kind": QT_TRANSLATE_NOOP("DomainReasons", "card kind"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("DomainReasons", text)


def reason(text: str) -> str:
    """An English reason from ``models`` in the UI language (unchanged when unknown)."""
    if text in REASONS:
        return _tr(text)
    for pattern, template in PATTERNS:
        match = re.fullmatch(pattern, text)
        if match:
            out = _tr(template)
            for n, value in enumerate(match.groups(), start=1):
                out = out.replace(f"%{n}", value)
            return out
    return text


def not_found(what: str, key: object) -> str:
    """``NotFound`` as a sentence: "No such deal (5): it may have been deleted."."""
    thing = _tr(THINGS[what]) if what in THINGS else what
    return (QCoreApplication.translate("DomainReasons", "No such %1 (%2): it may have been deleted meanwhile.")
            .replace("%1", thing).replace("%2", str(key)))
