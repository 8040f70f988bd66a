"""Benchmark: ``python tests/bench.py --deals N`` builds (or reuses) a demo database of N deals,
runs every measurement in ``tests/benchmarks/*.py`` and prints one JSON object as its last line.

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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--deals", type=int, default=100_000)
    parser.add_argument("--only", help="comma-separated benchmark module names")
    args = parser.parse_args()
    path, build_s = demo_db(args.deals)
    result: dict[str, object] = {"deals": args.deals}
    if build_s is not None:
        result["demo_build_s"] = round(build_s, 2)
    import benchmarks

    names = [m.name for m in pkgutil.iter_modules(benchmarks.__path__)]
    if args.only:
        names = [n for n in names if n in args.only.split(",")]
    for name in sorted(names):
        try:
            module = importlib.import_module(f"benchmarks.{name}")
            result.update(module.measure(path, args.deals))
        except Exception as exc:  # one broken measurement must not hide the others
            traceback.print_exc()
            result[f"{name}_error"] = f"{type(exc).__name__}: {exc}"
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
