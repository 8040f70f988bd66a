"""Starting the app: a database that cannot be opened gets a dialog, never a traceback."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from voronka.desktop import app as app_module
from voronka.views import opening_dialogs as dialogs


def test_unopenable_database_explains_why_and_leaves_the_file(tmp_path, qtbot, monkeypatch):
    path = tmp_path / "letter.db"
    path.write_text("Dear customer,")
    shown = {}

    def fake_exec(box):
        shown["text"] = box.text()
        shown["info"] = box.informativeText()
        box.done(0)  # the user closes the dialog
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert app_module.open_with_dialogs(str(path), "en") is None
    assert "is not a Voronka database" in shown["text"]
    assert "not changed" in shown["info"]
    assert path.read_text() == "Dear customer,"


def test_choosing_another_file_after_an_error_opens_it(tmp_path, qtbot, monkeypatch):
    bad = tmp_path / "bad.db"
    bad.write_text("junk")
    good = tmp_path / "good.db"
    monkeypatch.setattr(app_module, "open_database", app_module.open_database)
    monkeypatch.setattr(dialogs, "ask_after_open_error", lambda exc, parent=None: str(good))
    db = app_module.open_with_dialogs(str(bad), "en")
    assert db is not None and db.location == str(good)
    db.close()


def test_first_run_with_an_empty_funnel_creates_the_database_in_the_user_folder(monkeypatch, qtbot):
    monkeypatch.setattr(dialogs, "ask_first_run", lambda parent=None: "empty")
    args = app_module.parse_args([])
    location = app_module.choose_database(args)
    from voronka.models.paths import default_database

    assert location == str(default_database())
    db = app_module.open_with_dialogs(location, "ru")
    assert db is not None
    db.close()


def test_quitting_the_first_run_dialog_opens_nothing(monkeypatch, qtbot):
    monkeypatch.setattr(dialogs, "ask_first_run", lambda parent=None: None)
    assert app_module.choose_database(app_module.parse_args([])) is None


def test_version_is_printed_without_opening_anything(capsys):
    from voronka.desktop.cli import main

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("voronka ")


def test_help_lists_every_option_of_the_app_and_every_command(capsys):
    import pytest

    from voronka.desktop.cli import main

    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for option in ("--db", "--demo", "--lang", "--verbose", "--version", "demo", "import", "report", "check"):
        assert option in out
    assert "--quit-after" not in out


def test_app_terminal_shows_no_library_info_lines_unless_verbose(capsys):
    import logging

    from voronka.desktop.app import configure_terminal_logging

    root = logging.getLogger()
    saved = list(root.handlers)
    root.handlers = [logging.StreamHandler()]
    try:
        configure_terminal_logging(verbose=False)
        logging.getLogger("alembic.runtime.migration").info("Context impl SQLiteImpl.")
        assert "SQLiteImpl" not in capsys.readouterr().err
        configure_terminal_logging(verbose=True)
        logging.getLogger("alembic.runtime.migration").info("Context impl SQLiteImpl.")
        assert "SQLiteImpl" in capsys.readouterr().err
    finally:
        root.handlers = saved
