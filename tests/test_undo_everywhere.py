"""Ctrl+Z / Ctrl+Shift+Z work in card windows and dialogs, on the one application undo stack."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from card_helpers import app_context, discard_unsaved_edits, settled
from voronka.models.orm import Company
from voronka.models.services.companies import create_company
from voronka.views.cards import open_card
from voronka.views.main_window import MainWindow
from voronka.views.undo.everywhere import add_undo_shortcuts


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch):
    discard_unsaved_edits(monkeypatch)


@pytest.fixture
def ctx(db, tmp_path):
    return app_context(db, tmp_path, 1)


def industry(ctx, cid):
    with ctx.db.session() as s:
        return s.get(Company, cid).industry


def test_ctrl_z_in_a_card_window_undoes_the_card_edit_and_ctrl_shift_z_redoes_it(ctx, qtbot):
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    cid = ctx.db.run(create_company, {"name": "Acme"}).created[0]
    card = settled(qtbot, open_card(ctx, "company", cid, main))
    window = card.window()
    qtbot.addWidget(window)
    assert window is not main and window.isWindow()
    line = card.editor("industry").line
    qtbot.keyClicks(line, "Retail")
    line.editingFinished.emit()
    assert card.save() is True
    assert industry(ctx, cid) == "Retail"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    card.setFocus()  # not in a text field, which keeps Ctrl+Z for its own text
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: industry(ctx, cid) is None)
    assert ctx.undo_stack.index() == 0
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: industry(ctx, cid) == "Retail")


def test_a_dialog_gets_the_undo_keys_when_it_gets_the_focus_and_a_message_box_does_not(ctx, qtbot):
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    cid = ctx.db.run(create_company, {"name": "Acme"}).created[0]
    from voronka.models.services.companies import update_company
    from voronka.views.undo import push_guarded

    push_guarded(ctx, "Industry", "company", cid, ["industry"],
                 lambda s: update_company(s, cid, {"industry": "Retail"}),
                 lambda s: update_company(s, cid, {"industry": None}))
    dialog = QDialog(main)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert [a.objectName() for a in dialog.actions()] == ["undoEverywhere", "redoEverywhere"]
    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: industry(ctx, cid) is None)
    box = QMessageBox(main)
    assert add_undo_shortcuts(box) is None and box.actions() == []
