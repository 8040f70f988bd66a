"""A throwaway PostgreSQL server for the tests: ``initdb`` into a temporary folder,
listening on a Unix socket only (no network), stopped and removed at the end.

The project's machines have PostgreSQL 15 installed (Debian's ``postgresql``), so the
PostgreSQL tests run everywhere the suite runs; a machine without it fails them with a
message naming what to install, rather than skipping silently. As root (CI), the server
runs as the ``postgres`` system user: PostgreSQL refuses to run as root.
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

USER = "voronka"


def _binary(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is not installed; install Debian's postgresql package "
                           "(apt-get install postgresql) to run the PostgreSQL tests.")
    return found


class PostgresServer:
    """``start()`` a private cluster, ``new_database()`` for each test, ``stop()``."""

    def __init__(self) -> None:
        self.base = Path(tempfile.mkdtemp(prefix="voronka-pg-"))
        self._as = []
        if os.geteuid() == 0:
            import pwd

            pw = pwd.getpwnam("postgres")
            os.chown(self.base, pw.pw_uid, pw.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        done = subprocess.run(self._as + list(args), capture_output=True, text=True, timeout=120)
        if done.returncode:
            raise RuntimeError(f"{args[0]} failed: {done.stderr or done.stdout}")

    def start(self) -> PostgresServer:
        data = self.base / "data"
        self._run(_binary("initdb"), "-D", str(data), "-A", "trust", "-U", USER, "--no-sync", "-E", "UTF8",
                  "--locale", "C")
        options = f"-k {self.base} -c listen_addresses='' -c fsync=off -c synchronous_commit=off"
        self._run(_binary("pg_ctl"), "-D", str(data), "-w", "-l", str(self.base / "log"), "-o", options, "start")
        return self

    def new_database(self) -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(host=str(self.base), user=USER, dbname="postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://{USER}@/{name}?host={self.base}"

    def stop(self) -> None:
        try:
            self._run(_binary("pg_ctl"), "-D", str(self.base / "data"), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)
