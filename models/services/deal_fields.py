"""Save the fields of a deal card in one transaction: plain fields through ``update_deal``,
the people on the deal through ``set_deal_contacts``.

Every value is normalised first (``models.fields``); any refused field means nothing
is written. The name follows the convention ``{website} - {company}``: a name typed
by hand that differs from the suggestion is kept (``name_is_manual``), an emptied
name goes back to the suggestion. Stage and owner are not edited here: moving a deal
and changing its owner write events and have their own services.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from ..changes import Changes
from ..fields import FieldInvalid, FieldsInvalid
from ..fields.errors import EMPTY
from ..orm import Company, Deal
from .contacts import set_deal_contacts
from .deals import suggest_deal_name, update_deal
from ..guards import locked
from .edit_conflicts import check_not_stale
from .lookup import get_or_raise
from .record_fields import check_values

DEAL_CARD_FIELDS = {"name", "company", "amount", "expected_close", "notes", "source", "segment", "cohort", "contacts"}
_TO_UPDATE_DEAL = {"company": "company_id"}


def save_deal_fields(session: Session, deal_id: int, values: Mapping[str, Any], *,
                     seen_version: int | None = None, original: Mapping[str, Any] | None = None) -> Changes:
    """Write the deal card's edited fields (keys as on the card, ``custom:<key>`` too).

    ``seen_version`` and ``original``: the deal's version and these fields' values when
    the card was loaded; a field someone else changed differently since refuses the
    save (``EditConflict``)."""
    deal = locked(session, Deal, deal_id, "deal")
    check_not_stale(session, "deal", deal, values, seen_version, original)
    wants_auto_name = "name" in values and not str(values["name"] or "").strip()
    to_check = {k: v for k, v in values.items() if not (k == "name" and wants_auto_name)}
    clean = check_values(session, "deal", to_check, writable=DEAL_CARD_FIELDS)
    company_id = clean["company"] if "company" in clean else deal.company_id
    company = get_or_raise(session, Company, company_id, "company") if company_id else None
    suggestion = suggest_deal_name(company)
    update: dict[str, Any] = {}
    if wants_auto_name:
        if not suggestion:
            raise FieldsInvalid([FieldInvalid("name", EMPTY, "cannot be empty without a company")])
        update.update(name=suggestion, name_is_manual=False)
    elif "name" in clean:
        update.update(name=clean["name"], name_is_manual=clean["name"] != suggestion)
    for key, value in clean.items():
        if key not in ("name", "contacts"):
            update[_TO_UPDATE_DEAL.get(key, key)] = value
    changes = update_deal(session, deal_id, update) if update else Changes(deals={deal_id})
    if "contacts" in clean:
        changes.merge(set_deal_contacts(session, deal_id, clean["contacts"] or []))
    session.flush()
    return changes
