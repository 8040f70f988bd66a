"""Where Voronka keeps its files (platformdirs: the user data folder of this OS)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from platformdirs import user_data_path

APP = "Voronka"


def data_dir() -> Path:
    return user_data_path(APP, appauthor=False, ensure_exists=True)


def log_path() -> Path:
    """The log file (``voronka.desktop.logfile`` writes it; Help → About shows it)."""
    return data_dir() / "logs" / "voronka.log"


def default_database() -> Path:
    return data_dir() / "voronka.db"


def new_demo_database() -> Path:
    folder = data_dir() / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"demo-{datetime.now():%Y%m%d-%H%M%S}.db"
