"""The quick-create deal name follows funnel.md's convention ``{website} - {company}`` with a plain
hyphen-minus, and the user guide (English and Russian) states it exactly so."""
from __future__ import annotations

from pathlib import Path

import pytest

from voronka.models.deal_names import deal_name_for

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "guide"


def test_the_suggested_name_is_website_hyphen_minus_company():
    assert deal_name_for("Acme", "acme.ru") == "acme.ru - Acme"
    assert deal_name_for("Acme", None) == "Acme" and deal_name_for(None, "acme.ru") == "acme.ru"


@pytest.mark.parametrize("language, example", [("en", "`acme.ru - Acme`"), ("ru", "`acme.ru - Акме`")])
def test_the_guide_states_the_convention_exactly(language, example):
    text = (GUIDE / language / "README.md").read_text("utf-8")
    assert "`{website} - {company}`" in text  # the spec's words, with the ASCII hyphen-minus
    assert example in text
    assert example.strip("`").split(" ")[1] == "-" and "\u2013" not in example and "\u2014" not in example
