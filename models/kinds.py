"""The domain's words as plain enums, without the ORM: people's roles and activity types.

The ORM columns hold these values (``voronka.models.orm`` re-exports them); the views and
the metrics read them from here, since neither may import the ORM.
"""
from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """The roles of the funnel article."""

    LEAD_GENERATOR = "lead_generator"
    SDR = "sdr"
    AE = "ae"
    CSM = "csm"
    HEAD_OF_SALES = "head_of_sales"


class ActivityType(StrEnum):
    CALL = "call"
    EMAIL = "email"
    MESSAGE = "message"
    MEETING = "meeting"
    NOTE = "note"  # not a sales action


SALES_ACTION_TYPES = frozenset({"call", "email", "message", "meeting"})
