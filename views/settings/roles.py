"""Role names live in ``views/roles.py`` (the import wizard and the funnel editor show them
too); Settings imports them from here."""
from __future__ import annotations

from ..roles import ROLE_MEANINGS, ROLE_NAMES, role_meaning, role_name, roles

__all__ = ["ROLE_MEANINGS", "ROLE_NAMES", "role_meaning", "role_name", "roles"]
