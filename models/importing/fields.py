"""What a column of an imported file can become: the Voronka fields of a deal, its company and contact.

A mapping names one target per column as text (what a preset stores):

* a ``Field`` value (``deal_name``, ``amount`` …);
* ``custom:<key>`` — a custom field of the deal card (created as a text field if missing);
* ``step:<stage key>`` — a date column of one step: the deal entered that stage then
  (a sheet with one row per deal and a date column per step);
* ``skip``.

Several columns may name the same field: the first non-empty value (in column order) wins,
so Pipedrive's "Won time" and "Lost time" can both be ``closed_at``.
"""
from __future__ import annotations

from enum import StrEnum


class Field(StrEnum):
    DEAL_ID = "deal_id"  # the file's own id of the deal (joins, repeat imports)
    DEAL_NAME = "deal_name"
    COMPANY = "company"
    INN = "inn"
    WEBSITE = "website"
    CONTACT_NAME = "contact_name"
    PHONE = "phone"
    EMAIL = "email"
    AMOUNT = "amount"
    CURRENCY = "currency"
    OWNER = "owner"
    SOURCE = "source"
    SEGMENT = "segment"
    CREATED = "created"
    EXPECTED_CLOSE = "expected_close"
    STATUS = "status"
    CLOSED_AT = "closed_at"
    LOST_REASON = "lost_reason"
    STAGE = "stage"
    NOTES = "notes"
    ENTERED_AT = "entered_at"  # a history file: when the deal entered the row's stage
    USER_NAME = "user_name"  # a users file: the person's name (its id column joins the owner column)
    SKIP = "skip"


CUSTOM_PREFIX = "custom:"
STEP_PREFIX = "step:"

# English labels (the views translate them by field value).
LABELS: dict[str, str] = {
    Field.DEAL_ID: "Deal id in the file", Field.DEAL_NAME: "Deal name", Field.COMPANY: "Company",
    Field.INN: "INN", Field.WEBSITE: "Website", Field.CONTACT_NAME: "Contact name", Field.PHONE: "Phone",
    Field.EMAIL: "E-mail", Field.AMOUNT: "Amount", Field.CURRENCY: "Currency", Field.OWNER: "Owner",
    Field.SOURCE: "Source", Field.SEGMENT: "Segment", Field.CREATED: "Created",
    Field.EXPECTED_CLOSE: "Expected close", Field.STATUS: "Status", Field.CLOSED_AT: "Closed time",
    Field.LOST_REASON: "Lost reason", Field.STAGE: "Stage", Field.NOTES: "Notes",
    Field.ENTERED_AT: "Entered the stage at", Field.USER_NAME: "User name", Field.SKIP: "Skip",
}
DATE_FIELDS = frozenset({Field.CREATED, Field.EXPECTED_CLOSE, Field.CLOSED_AT, Field.ENTERED_AT})
# What a column of each file role may be mapped to (custom: and step: only for deals).
FIELDS_BY_ROLE: dict[str, tuple[Field, ...]] = {
    "deals": tuple(f for f in Field if f not in (Field.ENTERED_AT, Field.USER_NAME)),
    "history": (Field.DEAL_ID, Field.STAGE, Field.ENTERED_AT, Field.OWNER, Field.SKIP),
    "users": (Field.DEAL_ID, Field.USER_NAME, Field.SKIP),
}


def is_custom(target: str) -> bool:
    return target.startswith(CUSTOM_PREFIX)


def is_step(target: str) -> bool:
    return target.startswith(STEP_PREFIX)


def is_date_target(target: str) -> bool:
    return target in DATE_FIELDS or is_step(target)


def valid_target(target: str) -> bool:
    """A known field, ``custom:<key>`` or ``step:<stage key>`` with a non-empty key."""
    if target in Field.__members__.values() or target in {f.value for f in Field}:
        return True
    for prefix in (CUSTOM_PREFIX, STEP_PREFIX):
        if target.startswith(prefix) and target[len(prefix):].strip():
            return True
    return False
