"""Benchmark of `voronka import`: export the demo database to the history CSV folder, import it
into a fresh database and time the import (``import_s``; the export is ``export_s``)."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from voronka.models.db import open_database
from voronka.models.history_import.export import export_history
from voronka.models.history_import.writer import import_history


def measure(db_path: Path, deals: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "history"
        source = open_database(db_path)
        start = time.perf_counter()
        export_history(source, folder)
        export_s = time.perf_counter() - start
        source.close()
        target = open_database(Path(tmp) / "imported.db")
        start = time.perf_counter()
        summary = import_history(target, folder)
        import_s = time.perf_counter() - start
        target.close()
    return {"import_s": round(import_s, 2), "export_s": round(export_s, 2),
            "import_deals": summary.deals_created, "import_events": summary.events}
