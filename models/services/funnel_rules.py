"""The funnel rules: per stage, its description, exit criteria, fields required to enter
it, rot days and probability override — written down by the head of sales, so the rules
of moving are not only in people's heads.

``update_stage_rules`` validates everything first and writes in the caller's single
transaction; the board's undo calls it again with ``stage_rules`` taken before.
Only a head of sales may change the rules (a rep never overrides a probability).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import errors
from ..changes import Changes
from ..orm import CustomField, Role, Stage, User
from .lookup import get_or_raise
from .requirements import COLUMN_FIELDS

RULE_FIELDS = ("description", "exit_criteria", "required_fields", "rot_days", "probability_override")
RULE_EDITORS = frozenset({Role.HEAD_OF_SALES})


class RulesNotAllowed(errors.VoronkaError):
    def __init__(self) -> None:
        super().__init__("Only the head of sales can change the funnel rules.")


def can_edit_rules(session: Session, user_id: int | None) -> bool:
    user = session.get(User, user_id) if user_id is not None else None
    return user is not None and user.active and user.role in RULE_EDITORS


def requirable_fields(session: Session) -> list[str]:
    """Field keys a stage can require: the deal's own fields and its active custom fields."""
    custom = session.scalars(select(CustomField.key).where(CustomField.entity == "deal",
                                                           CustomField.retired.is_(False))
                             .order_by(CustomField.position, CustomField.id)).all()
    return [*COLUMN_FIELDS, "contacts", *(f"custom:{k}" for k in custom)]


def stage_rules(session: Session, stage_id: int, *, lock: bool = False) -> dict[str, Any]:
    """The stage's current rules (what an undo writes back); ``lock``: locked against other
    writers until the transaction ends (what an undo checks)."""
    stage = session.get(Stage, stage_id, with_for_update=lock or None, populate_existing=lock)
    if stage is None:
        raise errors.NotFound("stage", stage_id)
    return {f: (list(stage.required_fields or []) if f == "required_fields" else getattr(stage, f))
            for f in RULE_FIELDS}


def _text(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def clean_rules(session: Session, values: Mapping[str, Any]) -> dict[str, Any]:
    """The rules in ``values`` validated and normalised (``InvalidValue`` naming the bad one)."""
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key not in RULE_FIELDS:
            raise errors.InvalidValue(key, "is not a funnel rule")
        if key in ("description", "exit_criteria"):
            clean[key] = _text(value)
        elif key == "rot_days":
            if value in (None, "", 0):
                clean[key] = None
            elif isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise errors.InvalidValue("rot_days", "must be a whole number of days, 1 or more")
            else:
                clean[key] = value
        elif key == "probability_override":
            if value in (None, ""):
                clean[key] = None
            elif isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
                raise errors.InvalidValue("probability_override", "must be a share between 0 and 1")
            else:
                clean[key] = float(value)
        else:
            keys = list(dict.fromkeys(value or []))
            known = set(requirable_fields(session))
            unknown = [k for k in keys if k not in known]
            if unknown:
                raise errors.InvalidValue("required_fields", f"unknown field {unknown[0]!r}")
            clean[key] = keys
    return clean


def update_stage_rules(session: Session, stage_id: int, values: Mapping[str, Any], *,
                       user_id: int | None) -> Changes:
    """Change some of a stage's rules (keys of ``RULE_FIELDS``); empty text clears a rule."""
    if not can_edit_rules(session, user_id):
        raise RulesNotAllowed()
    stage = get_or_raise(session, Stage, stage_id, "stage")
    for key, value in clean_rules(session, values).items():
        setattr(stage, key, value)
    session.flush()
    return Changes(funnel=True)
