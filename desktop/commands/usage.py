"""The error of a sub-command given bad input (``voronka`` exits with status 2 and one sentence)."""
from __future__ import annotations


class UsageError(Exception):
    """Bad command-line input (exit status 2)."""
