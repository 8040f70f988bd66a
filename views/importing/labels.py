"""Translated names for what the import engine names by code: fields, file roles, value
targets, duplicate choices, problem kinds."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from voronka.models.importing.fields import CUSTOM_PREFIX, STEP_PREFIX

C = "ImportLabels"
FIELDS = {
    "deal_id": QT_TRANSLATE_NOOP("ImportLabels", "Deal id in the file"),
    "deal_name": QT_TRANSLATE_NOOP("ImportLabels", "Deal name"),
    "company": QT_TRANSLATE_NOOP("ImportLabels", "Company"),
    "inn": QT_TRANSLATE_NOOP("ImportLabels", "INN"),
    "website": QT_TRANSLATE_NOOP("ImportLabels", "Website"),
    "contact_name": QT_TRANSLATE_NOOP("ImportLabels", "Contact name"),
    "phone": QT_TRANSLATE_NOOP("ImportLabels", "Phone"),
    "email": QT_TRANSLATE_NOOP("ImportLabels", "E-mail"),
    "amount": QT_TRANSLATE_NOOP("ImportLabels", "Amount"),
    "currency": QT_TRANSLATE_NOOP("ImportLabels", "Currency"),
    "owner": QT_TRANSLATE_NOOP("ImportLabels", "Owner"),
    "source": QT_TRANSLATE_NOOP("ImportLabels", "Source"),
    "segment": QT_TRANSLATE_NOOP("ImportLabels", "Segment"),
    "created": QT_TRANSLATE_NOOP("ImportLabels", "Created"),
    "expected_close": QT_TRANSLATE_NOOP("ImportLabels", "Expected close"),
    "status": QT_TRANSLATE_NOOP("ImportLabels", "Status"),
    "closed_at": QT_TRANSLATE_NOOP("ImportLabels", "Closed time"),
    "lost_reason": QT_TRANSLATE_NOOP("ImportLabels", "Lost reason"),
    "stage": QT_TRANSLATE_NOOP("ImportLabels", "Stage"),
    "notes": QT_TRANSLATE_NOOP("ImportLabels", "Notes"),
    "entered_at": QT_TRANSLATE_NOOP("ImportLabels", "Entered the stage at"),
    "user_name": QT_TRANSLATE_NOOP("ImportLabels", "User name"),
    "skip": QT_TRANSLATE_NOOP("ImportLabels", "— skip —"),
}
ROLES = {
    "deals": QT_TRANSLATE_NOOP("ImportLabels", "Deals"),
    "history": QT_TRANSLATE_NOOP("ImportLabels", "Stage history"),
    "users": QT_TRANSLATE_NOOP("ImportLabels", "Users (id → name)"),
}
VALUE_TARGETS = {
    "won": QT_TRANSLATE_NOOP("ImportLabels", "Won"),
    "lost": QT_TRANSLATE_NOOP("ImportLabels", "Lost"),
    "open": QT_TRANSLATE_NOOP("ImportLabels", "Open"),
    "skip": QT_TRANSLATE_NOOP("ImportLabels", "Skip these rows"),
}
DUPLICATES = {
    "merge": QT_TRANSLATE_NOOP("ImportLabels", "Merge with the one found"),
    "keep_both": QT_TRANSLATE_NOOP("ImportLabels", "Keep both"),
    "skip": QT_TRANSLATE_NOOP("ImportLabels", "Skip (leave the deal without it)"),
}
PROBLEMS = {
    "unreadable_file": QT_TRANSLATE_NOOP("ImportLabels", "File cannot be read"),
    "missing_field": QT_TRANSLATE_NOOP("ImportLabels", "A required field has no column"),
    "unknown_column": QT_TRANSLATE_NOOP("ImportLabels", "The mapping names a column the file lacks"),
    "bad_amount": QT_TRANSLATE_NOOP("ImportLabels", "Amount cannot be read"),
    "bad_date": QT_TRANSLATE_NOOP("ImportLabels", "Date cannot be read"),
    "ambiguous_dates": QT_TRANSLATE_NOOP("ImportLabels", "Day and month order must be chosen"),
    "bad_currency": QT_TRANSLATE_NOOP("ImportLabels", "Unknown currency"),
    "unmapped_value": QT_TRANSLATE_NOOP("ImportLabels", "Stage or status value not mapped"),
    "no_deal_id": QT_TRANSLATE_NOOP("ImportLabels", "Row without a deal id"),
    "duplicate_deal_id": QT_TRANSLATE_NOOP("ImportLabels", "Deal id repeated"),
    "unknown_deal": QT_TRANSLATE_NOOP("ImportLabels", "History row of a deal not in the deals file"),
    "unknown_user": QT_TRANSLATE_NOOP("ImportLabels", "Owner id not in the users file"),
    "bad_website": QT_TRANSLATE_NOOP("ImportLabels", "Website cannot be read"),
    "bad_inn": QT_TRANSLATE_NOOP("ImportLabels", "INN is not valid"),
    "bad_phone": QT_TRANSLATE_NOOP("ImportLabels", "Phone cannot be read"),
    "bad_email": QT_TRANSLATE_NOOP("ImportLabels", "E-mail cannot be read"),
    "history_before_creation": QT_TRANSLATE_NOOP("ImportLabels", "History before the deal was created"),
    "stage_disagrees_with_history": QT_TRANSLATE_NOOP("ImportLabels", "Current stage disagrees with the history"),
    "closed_without_time": QT_TRANSLATE_NOOP("ImportLabels", "Closed deal without a closing time"),
    "closed_time_on_open_deal": QT_TRANSLATE_NOOP("ImportLabels", "Open deal with a closing time"),
    "negative_amount": QT_TRANSLATE_NOOP("ImportLabels", "Negative amount"),
    "currency_differs": QT_TRANSLATE_NOOP("ImportLabels", "Currency differs from the team's"),
    "other": QT_TRANSLATE_NOOP("ImportLabels", "Other problems"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(C, text)


def field_label(target: str, stage_names: dict[str, str] | None = None) -> str:
    """``amount`` → "Amount"; ``step:demo_run`` → "Date of the step: Demo"; ``custom:x`` → "Card field: x"."""
    if target.startswith(STEP_PREFIX):
        key = target[len(STEP_PREFIX):]
        return QCoreApplication.translate("ImportLabels", "Date of the step: %1").replace("%1", (stage_names or {}).get(key, key))
    if target.startswith(CUSTOM_PREFIX):
        return QCoreApplication.translate("ImportLabels", "Card field: %1").replace("%1", target[len(CUSTOM_PREFIX):])
    return tr(FIELDS[target]) if target in FIELDS else target


def role_label(role: str) -> str:
    return tr(ROLES.get(role, role))


def value_target_label(target: str | None, stage_names: dict[str, str]) -> str:
    if target is None:
        return QCoreApplication.translate("ImportLabels", "— choose —")
    if target in stage_names:
        return QCoreApplication.translate("ImportLabels", "Stage: %1").replace("%1", stage_names[target])
    return tr(VALUE_TARGETS[target]) if target in VALUE_TARGETS else target


def duplicate_label(choice: str) -> str:
    return tr(DUPLICATES.get(choice, choice))


def problem_label(kind: str) -> str:
    return tr(PROBLEMS.get(kind, PROBLEMS["other"]))


# The reasons ``models.importing.batches`` gives for refusing a revert ("3 tasks on its deals").
REVERT_REASONS = {
    "events on its deals since the import (moves, wins, losses, owner changes)":
        QT_TRANSLATE_NOOP("ImportLabels", "events on its deals since the import (moves, wins, losses, owner changes)"),
    "of its deals edited since": QT_TRANSLATE_NOOP("ImportLabels", "of its deals edited since"),
    "of its companies edited since": QT_TRANSLATE_NOOP("ImportLabels", "of its companies edited since"),
    "of its contacts edited since": QT_TRANSLATE_NOOP("ImportLabels", "of its contacts edited since"),
    "of its new members edited since": QT_TRANSLATE_NOOP("ImportLabels", "of its new members edited since"),
    "of its custom field values edited since": QT_TRANSLATE_NOOP("ImportLabels", "of its custom field values edited since"),
    "of its lost reasons edited since": QT_TRANSLATE_NOOP("ImportLabels", "of its lost reasons edited since"),
    "of its custom fields edited since": QT_TRANSLATE_NOOP("ImportLabels", "of its custom fields edited since"),
    "tasks on its deals": QT_TRANSLATE_NOOP("ImportLabels", "tasks on its deals"),
    "activities on its deals": QT_TRANSLATE_NOOP("ImportLabels", "activities on its deals"),
    "activities with its contacts": QT_TRANSLATE_NOOP("ImportLabels", "activities with its contacts"),
    "deals copied from its deals (Client Success)": QT_TRANSLATE_NOOP("ImportLabels", "deals copied from its deals (Client Success)"),
    "other deals at its companies": QT_TRANSLATE_NOOP("ImportLabels", "other deals at its companies"),
    "other contacts at its companies": QT_TRANSLATE_NOOP("ImportLabels", "other contacts at its companies"),
    "contact links made since": QT_TRANSLATE_NOOP("ImportLabels", "contact links made since"),
    "other deals owned by its new members": QT_TRANSLATE_NOOP("ImportLabels", "other deals owned by its new members"),
    "events made by its new members since": QT_TRANSLATE_NOOP("ImportLabels", "events made by its new members since"),
    "tasks of its new members": QT_TRANSLATE_NOOP("ImportLabels", "tasks of its new members"),
    "activities of its new members": QT_TRANSLATE_NOOP("ImportLabels", "activities of its new members"),
    "plans of its new members": QT_TRANSLATE_NOOP("ImportLabels", "plans of its new members"),
    "settings of its new members": QT_TRANSLATE_NOOP("ImportLabels", "settings of its new members"),
    "other deals lost for its new lost reasons": QT_TRANSLATE_NOOP("ImportLabels", "other deals lost for its new lost reasons"),
    "other values in its new custom fields": QT_TRANSLATE_NOOP("ImportLabels", "other values in its new custom fields"),
}
