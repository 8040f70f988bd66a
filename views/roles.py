"""Role names in the UI language, one word per role everywhere (Settings, the import wizard,
the funnel editor); the jargon that stays (SDR, AE) has its Russian meaning as a tooltip."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from voronka.models.kinds import Role

ROLE_NAMES = {
    Role.LEAD_GENERATOR: QT_TRANSLATE_NOOP("Roles", "Lead generator"),
    Role.SDR: QT_TRANSLATE_NOOP("Roles", "SDR"),
    Role.AE: QT_TRANSLATE_NOOP("Roles", "AE"),
    Role.CSM: QT_TRANSLATE_NOOP("Roles", "Client success"),
    Role.HEAD_OF_SALES: QT_TRANSLATE_NOOP("Roles", "Head of sales"),
}


# the jargon stays the same in both languages (resources/translations/src/glossary.json); its meaning
# is the tooltip
ROLE_MEANINGS = {
    Role.SDR: QT_TRANSLATE_NOOP("Roles", "SDR: the first contact, from the first message to the appointed demo"),
    Role.AE: QT_TRANSLATE_NOOP("Roles", "AE: runs the deal from the demo to the contract"),
}


def role_meaning(role: str) -> str:
    source = ROLE_MEANINGS.get(role)  # type: ignore[call-overload]
    return QCoreApplication.translate("Roles", source) if source else ""


def role_name(role: str) -> str:
    source = ROLE_NAMES.get(role)  # type: ignore[call-overload]
    return QCoreApplication.translate("Roles", source) if source else role


def roles() -> list[tuple[str, str]]:
    return [(str(r.value), role_name(r)) for r in Role]
