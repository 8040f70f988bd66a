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


def test_every_translation_is_compiled(tmp_path):
    """Each shipped .qm is exactly what lrelease makes of its .ts today (file dates say nothing
    after a git checkout, so the bytes are compared)."""
    for ts in i18n.TS_DIR.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        assert qm.exists(), f"{qm.name} missing: run python packaging/i18n.py release"
        fresh = tmp_path / qm.name
        subprocess.run([i18n._tool("pyside6-lrelease"), str(ts), "-qm", str(fresh)],
                       check=True, capture_output=True)
        assert fresh.read_bytes() == qm.read_bytes(), \
            f"{qm.name} is not compiled from {ts.name}: run python packaging/i18n.py release"
