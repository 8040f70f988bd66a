"""Demo deal names as a team types them: «Северстрой — внедрение CRM», «Severstroy — CRM rollout».

A real deal is named after the client and what it buys, with a typographic dash; the team's
automatic convention (``{website} - {company}``, ``models.deal_names``) is for deals nobody
named, so the demo's typed names are stored as manual ones. The offer is picked from the deal's
number and its company's (no random draws: the demo's seed gives the same data as before).
"""
from __future__ import annotations

import numpy as np

# (Russian, English): what a B2B client buys, in the order the picks index them.
OFFERS = (  # short: a board card shows about 26 letters of a name
    ("внедрение CRM", "CRM rollout"),
    ("лицензия на год", "annual licence"),
    ("пилот", "pilot"),
    ("подписка", "subscription"),
    ("доп. лицензии", "more seats"),
    ("интеграция с 1С", "1C integration"),
    ("обучение", "training"),
    ("аналитика", "analytics"),
    ("перенос данных", "data migration"),
    ("поддержка", "support"),
    ("телефония", "telephony"),
)
DASH = " — "


def demo_deal_names(brand_ru: np.ndarray, brand_en: np.ndarray, company: np.ndarray, language: str) -> np.ndarray:
    """One name per deal: its company's brand (Cyrillic for a Russian team, Latin for an English
    one, capitalised) and an offer."""
    pick = (np.arange(len(company)) * 7 + company * 3) % len(OFFERS)
    column = 0 if language == "ru" else 1
    offers = np.array([o[column] for o in OFFERS], dtype=object)[pick]
    brands = (brand_ru if language == "ru" else brand_en)[company]
    return brands + DASH + offers
