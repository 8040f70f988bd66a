"""Write the user guide's metric pages from the metric catalogue, so they cannot drift from it.

    python packaging/metrics_guide.py          # rewrites docs/guide/{en,ru}/metrics.md

``tests/test_user_guide.py`` fails when the committed pages differ from what this writes.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from voronka.metrics.catalogue import CATALOGUE, MetricDef  # noqa: E402

PAGES = {lang: ROOT / "docs" / "guide" / lang / "metrics.md" for lang in ("en", "ru")}
TEXT = {
    "en": {
        "title": "# Metrics: what each figure means",
        "intro": ("Every figure in the report view, the start page's tiles, `voronka report` and the "
                  "exports comes from this catalogue. Values are computed from the event log as of the "
                  "report's moment; a target, where there is one, is judged as shown. This page is "
                  "generated from the application's own catalogue (`metrics/catalogue.py`)."),
        "bands": ("A target written as a range (60–75 %, 150–200 per SDR) is a band, and every screen and "
                  "export shows it whole. A value inside it is ✔ met, below it ✖ missed; above it reads "
                  "\"↑ above the range\" in a neutral colour, because it is not a miss: more than 75 % of "
                  "the people at plan means nobody fell short but the plans are too easy, and more companies "
                  "in work than the band means some will go without follow-up (the tooltip says so). A "
                  "per-person band is shown for the whole team: with two SDRs, 300–400."),
        "head": "| Metric | Id | How it is computed | Target | Reports |",
        "reports": {"monthly": "month", "weekly": "week", "daily": "day", "quarterly": "quarter", "yearly": "year"},
    },
    "ru": {
        "title": "# Метрики: что значит каждая цифра",
        "intro": ("Все цифры отчётов, плиток стартовой страницы, команды `voronka report` и выгрузок "
                  "берутся из этого каталога. Значения считаются по журналу событий на момент отчёта; "
                  "цель, где она есть, оценивается так, как указано. Страница создана из каталога "
                  "самого приложения (`metrics/catalogue.py`)."),
        "bands": ("Цель, записанная диапазоном (60–75 %, 150–200 на SDR), показывается везде целиком. "
                  "Значение внутри диапазона — ✔ выполнена, ниже — ✖ не выполнена; выше — «↑ выше "
                  "диапазона» нейтральным цветом, потому что это не провал: если план выполнили больше "
                  "75 % сотрудников, никто не отстал, но планы слишком лёгкие; если компаний в работе "
                  "больше диапазона, часть останется без касаний (об этом говорит подсказка). Диапазон "
                  "на одного человека показывается для всей команды: для двух SDR — 300–400."),
        "head": "| Метрика | Id | Как считается | Цель | Отчёты |",
        "reports": {"monthly": "месяц", "weekly": "неделя", "daily": "день", "quarterly": "квартал",
                    "yearly": "год"},
    },
}
_CYRILLIC = re.compile("[а-яА-ЯёЁ]")


def target_text(metric: MetricDef, language: str) -> str:
    """The target in one language: catalogue texts written "ru / en" are split at the slash."""
    text = metric.target_text
    if " / " in text and _CYRILLIC.search(text):
        ru, en = text.split(" / ", 1)
        return ru if language == "ru" else en
    return text


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(language: str) -> str:
    words = TEXT[language]
    lines = [words["title"], "", words["intro"], "", words["bands"], "", words["head"], "|---|---|---|---|---|"]
    for metric in CATALOGUE:
        order = list(words["reports"])
        ordered = sorted(metric.reports, key=lambda r: order.index(r) if r in order else len(order))
        reports = ", ".join(words["reports"].get(r, r) for r in ordered)
        lines.append(f"| {_cell(metric.name(language))} | `{metric.id}` | {_cell(metric.formula(language))} | "
                     f"{_cell(target_text(metric, language)) or '—'} | {reports} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    for language, path in PAGES.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(language), "utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
