"""The default funnels' stage texts (description, exit criteria) in the reader's language.

A new database stores each stage's texts once, in the language it was made in. While the
team has not rewritten a text, it is still one of the template's (``resources/funnels``), so
it is shown in the reader's language; a text the team wrote is the team's and is shown as
written.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

FIELDS = ("description", "exit_criteria")


@lru_cache(maxsize=1)
def _defaults() -> dict[tuple[str, str], dict[str, str]]:
    """(stage key, field) → {"en": text, "ru": text} from every shipped template."""
    out: dict[tuple[str, str], dict[str, str]] = {}
    folder = resources.files("voronka.resources.funnels")
    for entry in folder.iterdir():
        if not entry.name.endswith(".json") or entry.name == "lost_reasons.json":
            continue
        template = json.loads(entry.read_text("utf-8"))
        for stage in template.get("stages", []):
            for field in FIELDS:
                en, ru = stage.get(field) or "", stage.get(f"{field}_ru") or ""
                if en or ru:
                    out[(stage["key"], field)] = {"en": en, "ru": ru}
    return out


def stage_text(stage_key: str, field: str, stored: str | None, language: str) -> str | None:
    """``stored`` in ``language`` when it is a template's text the team has not changed."""
    if not stored:
        return stored
    texts = _defaults().get((stage_key, field))
    if texts is None or stored.strip() not in (texts["en"].strip(), texts["ru"].strip()):
        return stored
    return texts["ru" if language == "ru" else "en"] or stored
