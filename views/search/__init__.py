"""The global search: a box in the main window's top bar (Ctrl+K) and its result list."""
from __future__ import annotations

from .box import SearchBox

__all__ = ["SearchBox"]
