"""Benchmark of the global search (issue 12) on a copy of the demo database.

search_p95_ms          50 searches through ``search_everything`` (each in a session of its
                       own, as the executor runs it): contact names and name prefixes,
                       phones typed four ways, INNs, e-mails, websites and deal names
search_index_build_s   the search index migration on the copy: creating and filling the index
                       of every deal, company, contact and task (a cache already past it is
                       taken back first; later migrations run untimed when the app opens it)
Budget at 100,000 deals: search_p95_ms ≤ 50.
"""
from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

import numpy as np
from sqlalchemy import create_engine, text

QUERIES = 50
REVISION = "0009_search_index"


def _phone_forms(e164: str) -> list[str]:
    d = e164[2:]  # +7XXXXXXXXXX -> XXXXXXXXXX
    return [d, f"8 {d[:3]} {d[3:6]} {d[6:8]} {d[8:]}", f"+7({d[:3]}){d[3:]}", f"8-{d[:3]}-{d[3:6]}-{d[6:8]}-{d[8:]}"]


def _queries(engine, seed: int = 12) -> list[str]:
    rnd = random.Random(seed)
    with engine.connect() as conn:
        def sample(sql: str, n: int) -> list[str]:
            values = [r[0] for r in conn.execute(text(sql)) if r[0]]
            return rnd.sample(values, min(n, len(values)))

        names = sample("SELECT full_name FROM contacts ORDER BY id LIMIT 20000", 8)
        phones = sample("SELECT phone_work FROM contacts WHERE phone_work LIKE '+7%' ORDER BY id LIMIT 20000", 4)
        inns = sample("SELECT inn FROM companies ORDER BY id LIMIT 20000", 8)
        emails = sample("SELECT email_work FROM contacts ORDER BY id LIMIT 20000", 8)
        sites = sample("SELECT website FROM companies ORDER BY id LIMIT 20000", 4)
        deals = sample("SELECT name FROM deals ORDER BY id DESC LIMIT 20000", 4)
    queries = names[:5] + [n.split()[0][:4] + " " + n.split()[-1][:3] for n in names[5:] if " " in n]
    for phone in phones:
        queries += _phone_forms(phone)
    queries += inns + emails + [e.split("@")[0] for e in emails[:3]] + sites + [d.split(" — ")[0] for d in deals]
    return queries[:QUERIES]


def measure(db_path: Path, deals: int) -> dict:
    from alembic import command
    from alembic.script import ScriptDirectory

    from benchmarks.board import _copy
    from voronka.models.db import alembic_config, open_database
    from voronka.models.queries.search import search_everything

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "search.db"
        _copy(db_path, copy)
        engine = create_engine(f"sqlite:///{copy}")
        cfg = alembic_config()
        script = ScriptDirectory.from_config(cfg)
        before = script.get_revision(REVISION).down_revision
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            current = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            applied = {r.revision for r in script.iterate_revisions(current, "base")}
            (command.downgrade if REVISION in applied else command.upgrade)(cfg, before)
        start = time.perf_counter()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, REVISION)
        build_s = time.perf_counter() - start
        queries = _queries(engine)
        engine.dispose()
        db = open_database(copy)
        times, found = [], 0
        for typed in queries:
            t = time.perf_counter()
            with db.session() as s:
                results = search_everything(s, typed, limit_per_kind=5)
            times.append((time.perf_counter() - t) * 1000)
            found += bool(results)
        db.close()
    return {"search_p95_ms": round(float(np.percentile(times, 95)), 1),
            "search_max_ms": round(max(times), 1),
            "search_found": f"{found}/{len(queries)}",
            "search_index_build_s": round(build_s, 1)}
