"""Every user-visible string in the Qt code has a shipped Russian translation, compiled to .qm."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "packaging"))
import i18n  # noqa: E402


def test_every_tr_string_is_translated_to_russian(tmp_path):
    untranslated = []
    for area in i18n.AREAS:
        files = i18n.area_files(area)
        if not files:
            continue
        shipped = i18n.ts_path(area)
        fresh = tmp_path / shipped.name
        if shipped.exists():
            shutil.copy(shipped, fresh)
        subprocess.run([i18n._tool("pyside6-lupdate"), *files, "-no-obsolete", "-locations", "none",
                        "-target-language", "ru", "-ts", str(fresh)], check=True, capture_output=True)
        untranslated += [f"{area}: [{c}] {s}" for c, s in i18n.unfinished(fresh)]
    assert not untranslated, "untranslated strings:\n" + "\n".join(untranslated)


def test_every_translation_is_compiled():
    for ts in i18n.TS_DIR.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        assert qm.exists(), f"{qm.name} missing: run python packaging/i18n.py release"
        assert qm.stat().st_mtime >= ts.stat().st_mtime - 1, f"{qm.name} older than {ts.name}"
