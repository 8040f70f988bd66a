"""Translation workflow: extract tr() strings per area, fill Russian, compile .qm.

    python packaging/i18n.py extract [AREA ...]     # pyside6-lupdate sources -> resources/translations/<area>_ru.ts
    python packaging/i18n.py missing [AREA ...]     # list untranslated strings
    python packaging/i18n.py fill AREA FILE.json    # {"source": "перевод"} or {"Context|source": ...};
                                                    # a list of 3 forms for %n plurals
    python packaging/i18n.py release                # pyside6-lrelease every .ts -> .qm

One .ts per area keeps engineers working on different screens out of each other's
files; the app loads every ``*_ru.qm`` at start.
"""
from __future__ import annotations

import glob
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("ru",)
AREAS: dict[str, list[str]] = {
    "shell": ["desktop/*.py", "desktop/commands/*.py", "views/*.py"],
    "tables": ["views/tables/**/*.py"],
    "board": ["views/board/**/*.py"],
    "cards": ["views/cards/**/*.py", "views/tasks/**/*.py", "views/settings/**/*.py"],
    "reports": ["views/reports/**/*.py", "views/start/**/*.py", "views/exports/**/*.py"],
    "undo": ["views/undo/**/*.py"],
    "importing": ["views/importing/**/*.py", "views/database/**/*.py"],
    "failures": ["views/failures/**/*.py"],
    "conflicts": ["views/conflicts/**/*.py"],
    "funnel": ["views/funnel/**/*.py"],
    "search": ["views/search/**/*.py"],
    "help": ["views/help/**/*.py", "views/reminders/**/*.py", "views/first_day/**/*.py"],
}


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def area_files(area: str) -> list[str]:
    files: set[str] = set()
    for pattern in AREAS[area]:
        files.update(glob.glob(str(ROOT / pattern), recursive=True))
    return sorted(f for f in files if not f.endswith("__init__.py") or Path(f).stat().st_size)


def ts_path(area: str, language: str = "ru") -> Path:
    return TS_DIR / f"{area}_{language}.ts"


def extract(areas: list[str]) -> None:
    for area in areas or list(AREAS):
        files = area_files(area)
        if not files:
            continue
        for lang in LANGUAGES:
            subprocess.run([_tool("pyside6-lupdate"), *files, "-no-obsolete", "-locations", "none",
                            "-target-language", lang, "-ts", str(ts_path(area, lang))], check=True)


def unfinished(path: Path) -> list[tuple[str, str]]:
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") == "unfinished" or not "".join(tr.itertext()).strip():
                out.append((name, msg.findtext("source") or ""))
    return out


def missing(areas: list[str]) -> int:
    count = 0
    for area in areas or list(AREAS):
        path = ts_path(area)
        if path.exists():
            for ctx, src in unfinished(path):
                print(f"{area}: [{ctx}] {src}")
                count += 1
    return count


def fill(area: str, json_file: str) -> None:
    table = json.loads(Path(json_file).read_text("utf-8"))
    path = ts_path(area)
    tree = ET.parse(path)
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            src = msg.findtext("source") or ""
            value = table.get(f"{name}|{src}", table.get(src))
            if value is None:
                continue
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            tr.attrib.pop("type", None)
            for child in list(tr):
                tr.remove(child)
            if msg.get("numerus") == "yes":
                tr.text = None
                forms = value if isinstance(value, list) else [value] * 3
                for form in forms:
                    ET.SubElement(tr, "numerusform").text = form
            else:
                tr.text = value
    ET.indent(tree)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                    + ET.tostring(tree.getroot(), encoding="unicode") + "\n", "utf-8")


def release() -> None:
    for ts in sorted(TS_DIR.glob("*.ts")):
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True, stdout=subprocess.DEVNULL)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "extract":
        extract(rest)
    elif cmd == "missing":
        return 1 if missing(rest) else 0
    elif cmd == "fill":
        fill(rest[0], rest[1])
    elif cmd == "release":
        release()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
