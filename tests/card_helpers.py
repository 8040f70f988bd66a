"""Helpers shared by the card, task and settings tests: an app context on the test database,
and unsaved card edits discarded when a test's windows close (instead of a blocking question)."""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from voronka.views.app_context import AppContext


def app_context(db, tmp_path, user_id: int | None, language: str = "en") -> AppContext:
    ctx = AppContext(db, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), language=language)
    ctx.user_id = user_id
    return ctx


def discard_unsaved_edits(monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


def settled(qtbot, card):
    """Wait until the card's background load arrived and shows (cards load off the UI thread)."""
    qtbot.waitUntil(lambda: not card.loading and card.form is not None, timeout=10_000)
    return card
