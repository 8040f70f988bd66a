"""`voronka demo` (not built yet)."""
from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    raise SystemExit("not built yet")
