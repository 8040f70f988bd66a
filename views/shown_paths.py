"""A file's path as a person reads it: a path in the home folder starts with ``~``."""
from __future__ import annotations

from pathlib import Path


def home_short(path: str | Path) -> str:
    """``/home/olga/Документы/voronka.db`` → ``~/Документы/voronka.db``; other paths as they are."""
    try:
        return str(Path("~") / Path(path).resolve().relative_to(Path.home().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)
