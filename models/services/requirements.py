"""Which deal fields a stage requires, and which of them a deal has empty.

Field keys: the deal's own columns (``amount``, ``expected_close``, ``company``,
``source``, ``segment``, ``cohort``, ``contacts``) or ``custom:<key>`` for a
custom deal field.
"""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..orm import CustomField, CustomFieldValue, Deal, Stage, deal_contacts

COLUMN_FIELDS = {
    "amount": "amount_minor",
    "expected_close": "expected_close",
    "company": "company_id",
    "source": "source",
    "segment": "segment",
    "cohort": "cohort",
}


def missing_fields(session: Session, deal: Deal, stage: Stage) -> list[str]:
    """The keys of ``stage.required_fields`` that are empty on ``deal``.

    An amount of 0 counts as empty: the funnel needs a real amount from qualification on.
    """
    missing: list[str] = []
    for key in stage.required_fields or []:
        if key in COLUMN_FIELDS:
            value = getattr(deal, COLUMN_FIELDS[key])
            if value is None or value == "" or (key == "amount" and value == 0):
                missing.append(key)
        elif key == "contacts":
            n = session.scalar(
                select(func.count()).select_from(deal_contacts).where(deal_contacts.c.deal_id == deal.id)
            )
            if not n:
                missing.append(key)
        elif key.startswith("custom:"):
            value = session.scalar(
                select(CustomFieldValue.value)
                .join(CustomField, CustomField.id == CustomFieldValue.field_id)
                .where(
                    CustomField.entity == "deal",
                    CustomField.key == key.removeprefix("custom:"),
                    CustomFieldValue.record_id == deal.id,
                )
            )
            if value in (None, "", "[]"):
                missing.append(key)
    return missing
