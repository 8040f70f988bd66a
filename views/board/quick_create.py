"""The board's quick create lives in ``views/quick_create.py`` (the tables and the empty pages
offer it too); the board imports it from here."""
from __future__ import annotations

from ..quick_create import QuickCreateDialog, quick_create_deal

__all__ = ["QuickCreateDialog", "quick_create_deal"]
