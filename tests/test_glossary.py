"""The glossary (resources/translations/src/glossary.json) keeps terms the same in every Russian
translation and in the metric catalogue: no variant it forbids, and a source naming a term is
translated with the glossary's word."""
from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from voronka.metrics.catalogue import CATALOGUE

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import i18n  # noqa: E402

GLOSSARY = json.loads((ROOT / "resources" / "translations" / "src" / "glossary.json").read_text("utf-8"))["terms"]


def russian_pairs() -> list[tuple[str, str]]:
    pairs = []
    for ts in i18n.TS_DIR.glob("*_ru.ts"):
        for msg in ET.parse(ts).getroot().iter("message"):
            tr = msg.find("translation")
            pairs.append((msg.findtext("source") or "", "".join(tr.itertext()) if tr is not None else ""))
    pairs += [(m.name_en, m.name_ru) for m in CATALOGUE] + [(m.formula_en, m.formula_ru) for m in CATALOGUE]
    return pairs


def test_no_russian_text_uses_a_variant_the_glossary_forbids():
    bad = [(term, ru) for src, ru in russian_pairs() for term, entry in GLOSSARY.items()
           for never in entry.get("never", []) if never in ru]
    assert not bad, bad[:10]


def test_a_source_naming_client_success_says_it_in_russian():
    entry = GLOSSARY["Client Success"]
    missing = [ru for src, ru in russian_pairs() if "Client Success" in src and entry["ru"][:8] not in ru]
    assert not missing, missing


def test_sdr_and_ae_read_the_same_in_every_area():
    from voronka.views.settings.roles import role_meaning, role_name

    assert role_name("sdr") == "SDR" and role_name("ae") == "AE"
    assert role_meaning("sdr") and role_meaning("ae")
