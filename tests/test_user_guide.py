"""The user guide stays true to the code: its metric pages are the catalogue's, and its links resolve."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _metrics_guide():
    spec = importlib.util.spec_from_file_location("metrics_guide", ROOT / "packaging" / "metrics_guide.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_metric_pages_are_generated_from_the_catalogue():
    guide = _metrics_guide()
    for language, path in guide.PAGES.items():
        assert path.read_text("utf-8") == guide.render(language), (
            f"{path} is out of date: run python packaging/metrics_guide.py")


def test_every_metric_of_the_catalogue_is_in_both_languages():
    from voronka.metrics.catalogue import CATALOGUE

    guide = _metrics_guide()
    for language in ("en", "ru"):
        text = guide.render(language)
        assert all(f"`{m.id}`" in text for m in CATALOGUE)


def test_readme_and_docs_link_only_to_files_in_the_repository():
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        for target in re.findall(r"\]\(([^)#\s]+)", doc.read_text("utf-8")):
            if "://" in target or target.startswith("mailto:"):
                continue
            assert (doc.parent / target).resolve().exists(), f"{doc.relative_to(ROOT)} links to missing {target}"
            assert ROOT in (doc.parent / target).resolve().parents, f"{doc.relative_to(ROOT)} links outside: {target}"
