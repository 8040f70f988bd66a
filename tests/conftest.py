"""Shared fixtures. Qt runs offscreen; no test touches the developer's real settings."""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The repository root is on the path for ``tests.*`` helpers only: the application is imported
# as installed (``voronka.models`` …, see setup.py). The bare folder names must not import, so a
# forgotten ``from models…`` fails here instead of loading a second copy of the code.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
for _layer in ("desktop", "models", "views", "metrics", "resources"):
    sys.modules[_layer] = None  # type: ignore[assignment]

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, monkeypatch):
    """QSettings and platformdirs point into a temporary folder for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("HOME", str(home))
    yield home


MODAL_LIMIT_S = 30


@pytest.fixture(autouse=True)
def no_unanswered_modal(request):
    """A modal dialog left unanswered for 30 s is closed and fails its test (see modal_watchdog)."""
    request.getfixturevalue("qapp")
    from tests.modal_watchdog import ModalWatchdog

    watchdog = ModalWatchdog(MODAL_LIMIT_S)
    watchdog.start()
    yield
    watchdog.stop()
    if watchdog.stuck:
        pytest.fail("a modal dialog waited for an answer nobody gave: " + "; ".join(watchdog.stuck))


@pytest.fixture
def db(tmp_path):
    """A new database with the default funnel and three users (sdr, ae, head of sales)."""
    from voronka.models.db import open_database
    from voronka.models.orm import User

    database = open_database(tmp_path / "voronka.db", language="en")
    with database.transaction() as s:
        s.add_all([
            User(name="Sasha SDR", role="sdr"),
            User(name="Alex AE", role="ae"),
            User(name="Helen Head", role="head_of_sales"),
        ])
    yield database
    database.close()


@pytest.fixture
def ui_statements(db):
    """SQL statements run on the UI thread (this test's thread) from now on."""
    import threading

    from sqlalchemy import event

    ui = threading.get_ident()
    seen: list[str] = []

    def note(_conn, _cursor, statement, *_args):
        if threading.get_ident() == ui:
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", note)
    yield seen
    event.remove(db.engine, "before_cursor_execute", note)
