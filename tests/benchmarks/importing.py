"""Benchmark of the import (issue 11) on a generated amoCRM-shaped XLSX of N rows (N = --deals).

wizard_preview_s   the file to the wizard's first preview: read, detect (encoding/header/formats)
                   and guess (the shipped preset found by its header signature, else guessed)
import_xlsx_s      the same file through the shipped amoCRM preset into a new database
                   (read, dry run checks, one transaction, the import batch)
import_peak_rss_mb the peak memory of the process that imports it
Budgets on 100,000 rows: ≤ 2 s, ≤ 60 s, ≤ 1 GB. Each runs in a child process of its own.
"""
from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "tests" / ".bench"
HEADERS = ["ID", "Название сделки", "Бюджет", "Ответственный", "Этап сделки", "Воронка", "Дата создания",
           "Дата закрытия", "Компания", "Основной контакт", "Рабочий телефон (контакт)", "Рабочий email (контакт)",
           "Теги", "Причина отказа", "Источник"]
STAGES = ["Неразобранное", "Первичный контакт", "Переговоры", "Принимают решение", "Согласование договора",
          "Успешно реализовано", "Закрыто и не реализовано"]
OWNERS = ["Анна Смирнова", "Игорь Белов", "Сергей Лебедев", "Екатерина Волкова", "Дмитрий Козлов",
          "Ольга Новикова", "Павел Орлов"]

CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
start = time.perf_counter()
from voronka.models.db import open_database
from voronka.models.importing import column_formats, import_files, open_files, suggest_preset
if {mode!r} == "preview":
    db = open_database({db!r})
    t0 = time.perf_counter()
    tables = open_files([{xlsx!r}], limit=200)
    with db.session() as s:
        preset, path = suggest_preset(s, tables)
    column_formats(tables, preset)
    rows = tables[0].preview(50)
    result = {{"seconds": time.perf_counter() - t0, "preset": path.name if path else None, "rows": len(rows)}}
else:
    from voronka.models.importing import load_preset
    db = open_database({db!r})
    t0 = time.perf_counter()
    tables = open_files([{xlsx!r}])
    preset = load_preset({preset!r})
    res = db.run(import_files, tables, preset)
    result = {{"seconds": time.perf_counter() - t0, "deals": res.counts.get("deals", 0)}}
hwm = [int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")]
result["peak_kb"] = hwm[0] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps(result))
"""


def make_xlsx(rows: int, seed: int = 7) -> Path:
    """An amoCRM-like deal export of ``rows`` rows (cached)."""
    import xlsxwriter

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"amocrm-{rows}-{seed}.xlsx"
    if path.exists():
        return path
    rnd = random.Random(seed)
    tmp = path.with_suffix(".tmp.xlsx")
    book = xlsxwriter.Workbook(str(tmp), {"constant_memory": True})
    sheet = book.add_worksheet("Сделки")
    sheet.write_row(0, 0, HEADERS)
    start = datetime(2024, 1, 9, 9, 0)
    companies = max(50, rows // 4)
    for i in range(rows):
        created = start + timedelta(minutes=13 * i + rnd.randint(0, 600))
        stage = rnd.choices(STAGES, weights=[3, 6, 8, 5, 5, 30, 43])[0]
        closed = created + timedelta(days=rnd.randint(1, 90), hours=rnd.randint(0, 8))
        c = rnd.randrange(companies)
        phone = f"+7 9{rnd.randint(10, 99)} {rnd.randint(100, 999)}{rnd.randint(1000, 9999)}"
        sheet.write_row(i + 1, 0, [
            21400000 + i, f"Компания {c} — поставка {i}", float(rnd.randrange(0, 2000) * 1000), rnd.choice(OWNERS),
            stage, "Воронка" if rnd.random() < 0.9 else "Повторные продажи", created.strftime("%d.%m.%Y %H:%M:%S"),
            closed.strftime("%d.%m.%Y %H:%M:%S") if stage in STAGES[5:] else "", f"ООО «Компания {c}»",
            f"Контакт {c % 5000} {rnd.randint(1, 3)}", phone, f"c{c}.{rnd.randint(1, 3)}@company{c}.ru",
            rnd.choice(["", "VIP", "дилер, опт"]), "Дорого" if stage == STAGES[6] and rnd.random() < 0.9 else "",
            rnd.choice(["Сайт", "Яндекс Директ", "Рекомендация", "Выставка"]),
        ])
    book.close()
    tmp.rename(path)
    return path


def _child(mode: str, xlsx: Path) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        code = CHILD.format(root=str(ROOT), mode=mode, db=str(Path(folder) / "import.db"), xlsx=str(xlsx),
                            preset=str(ROOT / "resources" / "import_presets" / "amocrm_deals.json"))
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(db_path: Path, deals: int) -> dict:
    xlsx = make_xlsx(deals)
    preview = min((_child("preview", xlsx) for _ in range(2)), key=lambda r: r["seconds"])
    imported = _child("import", xlsx)
    if imported["deals"] != deals:
        raise RuntimeError(f"imported {imported['deals']} deals of {deals}")
    return {
        "wizard_preview_s": round(preview["seconds"], 3),
        "import_xlsx_s": round(imported["seconds"], 2),
        "import_peak_rss_mb": round(imported["peak_kb"] / 1024, 1),
        "import_preview_preset": preview["preset"],
    }
