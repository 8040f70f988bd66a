"""Shared by the import tests: the samples, their presets, and what a database holds."""
from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select

SAMPLES = Path(__file__).resolve().parent / "data" / "samples"
PRESETS = Path(__file__).resolve().parents[1] / "resources" / "import_presets"
EXPECTED = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))

# sample key of expected.json → (files, preset file)
SAMPLE_SETS = {
    "amocrm_like/deals.xlsx": (["amocrm_like/deals.xlsx"], "amocrm_deals.json"),
    "bitrix24_like/deals.csv": (["bitrix24_like/deals.csv"], "bitrix24_deals.json"),
    "pipedrive_like/deals.csv": (["pipedrive_like/deals.csv"], "pipedrive_deals.json"),
    "salesforce_like/Opportunity.csv": (["salesforce_like/Opportunity.csv", "salesforce_like/OpportunityHistory.csv",
                                         "salesforce_like/Users.csv"], "salesforce_opportunities.json"),
    "spreadsheet/pipeline.xlsx": (["spreadsheet/pipeline.xlsx"], "pipeline_sheet.json"),
}
DATA_TABLES = ("users", "companies", "contacts", "deals", "deal_events", "deal_contacts", "lost_reasons",
               "custom_fields", "custom_field_values", "settings", "activities", "tasks")


def sample_paths(key: str) -> list[Path]:
    return [SAMPLES / f for f in SAMPLE_SETS[key][0]]


def sample_preset(key: str):
    from voronka.models.importing import load_preset

    return load_preset(PRESETS / SAMPLE_SETS[key][1])


def row_counts(db) -> dict[str, int]:
    from sqlalchemy import table

    with db.session() as s:
        return {t: int(s.scalar(select(func.count()).select_from(table(t))) or 0) for t in DATA_TABLES}


def report_json(db, period: str) -> dict:
    from voronka.metrics.periods import parse_period
    from voronka.metrics.report import compute_report
    from voronka.models.loader import load_frames

    p = parse_period(period)
    return compute_report(load_frames(db), p, as_of=p.last_moment)
