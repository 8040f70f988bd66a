"""Benchmark: ``python tests/bench.py --deals N`` builds (or reuses) a demo database of N deals,
runs every measurement in ``tests/benchmarks/*.py`` and prints one JSON object as its last line.
``--only tables,board`` runs only those modules; ``--db PATH`` measures that database file (a
copy of a prebuilt demo; the modules copy it again before writing) instead of the cached one.
``--scale`` measures the issue's budgets at 10k, 100k and 300k deals and prints them side by side
(with how each figure grew against the data) before one JSON object ``{"scale": [...]}``.

Each module there exposes ``measure(db_path: Path, deals: int) -> dict`` returning the keys
its issue names (e.g. ``board_open_s``, ``report_month_s``). A module that fails reports
``{"<module>_error": "..."}`` instead of stopping the others.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
CACHE = ROOT / "tests" / ".bench"


def demo_db(deals: int, seed: int = 1) -> tuple[Path, float | None]:
    """The cached demo database for N deals; builds it (and times the build) if missing."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"demo-{deals}-{seed}.db"
    if path.exists():
        return path, None
    from voronka.desktop.cli import main as cli

    start = time.perf_counter()
    code = cli(["demo", "--db", str(path), "--deals", str(deals), "--seed", str(seed)])
    if code:
        raise SystemExit(f"demo build failed with {code}")
    return path, time.perf_counter() - start


# --scale: the modules measured at each size, and the keys of the budgets shown in the table
SCALE_MODULES = "tables,cards,search,board,tour"
SCALE_SIZES = (10_000, 100_000, 300_000)
SCALE_KEYS = (
    "table_open_s", "table_sort_ms", "table_filter_ms", "companies_table_open_s", "companies_table_sort_ms",
    "companies_table_filter_ms", "contacts_table_open_s", "contacts_table_sort_ms", "contacts_table_filter_ms",
    "search_p95_ms", "card_open_ms", "tour_max_stall_ms", "move_p95_ms", "board_open_s",
)


def measure_all(deals: int, only: str | None, db: Path | None = None) -> dict[str, object]:
    """Every benchmark module (or those named in ``only``) on the demo database of N deals
    (or on ``db``, a demo database already built — each module works on its own copy)."""
    path, build_s = (db, None) if db is not None else demo_db(deals)
    result: dict[str, object] = {"deals": deals}
    if build_s is not None:
        result["demo_build_s"] = round(build_s, 2)
    import benchmarks

    names = [m.name for m in pkgutil.iter_modules(benchmarks.__path__)]
    if only:
        names = [n for n in names if n in only.split(",")]
    for name in sorted(names):
        try:
            module = importlib.import_module(f"benchmarks.{name}")
            if not hasattr(module, "measure"):  # a helper of the benchmarks (e.g. stall_probe)
                continue
            result.update(module.measure(path, deals))
        except Exception as exc:  # one broken measurement must not hide the others
            traceback.print_exc()
            result[f"{name}_error"] = f"{type(exc).__name__}: {exc}"
    return result


def scale_table(results: list[dict[str, object]]) -> str:
    """The budgets' figures side by side per size, with how much each grew against the data."""
    sizes = [int(r["deals"]) for r in results]
    head = f"{'key':28s}" + "".join(f"{n:>12,d}" for n in sizes) + "   growth / data growth"
    lines = [head, "-" * len(head)]
    for key in SCALE_KEYS:
        values = [r.get(key) for r in results]
        if all(v is None for v in values):
            continue
        cells = "".join(f"{v:>12}" if v is not None else f"{'—':>12}" for v in values)
        growth = []
        for (a, n_a), (b, n_b) in zip(zip(values, sizes), list(zip(values, sizes))[1:]):
            if isinstance(a, (int, float)) and isinstance(b, (int, float)) and a > 0:
                growth.append(f"{(b / a) / (n_b / n_a):.2f}")
        lines.append(f"{key:28s}{cells}   {' '.join(growth)}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--deals", type=int, default=100_000)
    parser.add_argument("--only", help="comma-separated benchmark module names (e.g. tables)")
    parser.add_argument("--db", type=Path, help="measure this demo database (e.g. a copy of a prebuilt one) "
                                                "instead of building or reusing the cached one")
    parser.add_argument("--scale", action="store_true",
                        help="the issue's budgets at 10k, 100k and 300k deals (demo databases built with the "
                             "demo's bulk writer when missing), as a table and one JSON object")
    parser.add_argument("--sizes", help="with --scale: comma-separated deal counts instead of 10k,100k,300k")
    args = parser.parse_args()
    if args.scale:
        sizes = [int(n) for n in args.sizes.split(",")] if args.sizes else list(SCALE_SIZES)
        results = []
        for deals in sizes:
            results.append(measure_all(deals, args.only or SCALE_MODULES))
            print(json.dumps(results[-1], ensure_ascii=False), flush=True)
        print(scale_table(results))
        print(json.dumps({"scale": results}, ensure_ascii=False))
        return
    print(json.dumps(measure_all(args.deals, args.only, args.db), ensure_ascii=False))


if __name__ == "__main__":
    main()
