"""Where the user guide (``docs/guide/<lang>/*.md``) is: shipped inside the package by the build
(setup.py copies it to ``voronka/resources/guide``), or read from the repository's ``docs/guide``
when Voronka runs from a checkout (an editable install)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

LANGUAGES = ("ru", "en")


def guide_folder() -> Path | None:
    """The folder holding ``ru/`` and ``en/`` (None if neither place has the guide)."""
    shipped = resources.files("voronka.resources").joinpath("guide")
    candidates = [Path(str(shipped)), Path(__file__).resolve().parents[1] / "docs" / "guide"]
    return next((c for c in candidates if (c / "en" / "README.md").is_file()), None)


def guide_page(language: str, page: str = "README.md") -> Path | None:
    """The guide's page in ``language`` (English when there is no such language)."""
    folder = guide_folder()
    if folder is None:
        return None
    path = folder / (language if language in LANGUAGES else "en") / page
    return path if path.is_file() else None
