"""Shared helpers of the board tests: an app context, an opened board page, scripted dialogs,
and a real drop of cards from one column onto another."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from voronka.models.orm import Deal, DealEvent, Pipeline, Stage
from voronka.models.services.deals import create_deal
from voronka.views.app_context import AppContext


@pytest.fixture
def ctx(db, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(db, settings, language="en")
    context.user_id = 1
    yield context
    context.executor.shutdown()


def open_board(ctx: AppContext, qtbot) -> Any:
    """A shown BoardPage with every card and the stage figures loaded."""
    from voronka.views.board.page import BoardPage

    page = BoardPage(ctx)
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    wait_loaded(page, qtbot)
    return page


def wait_loaded(page, qtbot) -> None:
    qtbot.waitUntil(lambda: not page.board.loading and page.board.figures_available is not None, timeout=10000)


class ScriptedDialogs:
    """Answers the board's questions from a script and records what was asked."""

    def __init__(self, required: dict | None = None, lost: tuple[int, str] | None = None, won: bool | None = False):
        self.required, self.lost_answer, self.won_answer = required, lost, won
        self.asked: list[tuple[str, Any]] = []

    def required_fields(self, fields, stage_name, deal_name):
        self.asked.append(("required", list(fields)))
        return self.required

    def lost(self, reasons, count):
        self.asked.append(("lost", count))
        return self.lost_answer

    def won(self, count, offer_copy):
        self.asked.append(("won", offer_copy))
        return self.won_answer


def deal_in(db, stage_key: str, name: str, amount: Any = None, owner_id: int = 1, pipeline_key: str = "sales") -> int:
    """Create an open deal directly in a stage; returns its id."""
    return db.run(create_deal, name=name, user_id=1, owner_id=owner_id, stage_key=stage_key, amount=amount,
                  pipeline_key=pipeline_key).created[0]


def stage_id(db, key: str, pipeline_key: str = "sales") -> int:
    with db.session() as s:
        return s.scalar(select(Stage.id).join(Pipeline).where(Pipeline.key == pipeline_key, Stage.key == key))


def deal_row(db, deal_id: int) -> Deal:
    with db.session() as s:
        return s.get(Deal, deal_id)


def events_of(db, deal_id: int) -> list[tuple[str, int | None]]:
    with db.session() as s:
        return [(e.kind, e.stage_id) for e in s.scalars(
            select(DealEvent).where(DealEvent.deal_id == deal_id).order_by(DealEvent.id))]


def select_cards(qtbot, view, deal_ids: Sequence[int]) -> None:
    """Click the first card, Ctrl-click the others."""
    model = view.column_model
    for n, deal_id in enumerate(deal_ids):
        row = model.row_of(deal_id)
        assert row is not None, f"deal {deal_id} is not shown in {model.stage.key}"
        view.scrollTo(model.index(row))
        rect = view.visualRect(model.index(row))
        modifier = Qt.KeyboardModifier.ControlModifier if n else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def drag_cards(qtbot, source_view, target: QWidget, deal_ids: Sequence[int]) -> None:
    """Select the cards in ``source_view`` and drop what a drag from there carries onto ``target``
    (a column's viewport or a drop zone), through Qt's drag-enter, drag-move and drop events."""
    select_cards(qtbot, source_view, deal_ids)
    mime = source_view.column_model.mimeData(source_view.selectionModel().selectedIndexes())
    pos = QPoint(20, 20)
    actions = Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, actions, mime, buttons, mods)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted(), "the target refused the drag"
    QApplication.sendEvent(target, QDragMoveEvent(pos, actions, mime, buttons, mods))
    drop = QDropEvent(pos, actions, mime, buttons, mods)
    QApplication.sendEvent(target, drop)
    assert drop.isAccepted()
