"""The context menu of the selected cards (also Ctrl+M, the Menu key, Shift+F10): open the
card, move to a stage or one stage on/back, won, lost, reassign, and a new deal here."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from voronka.models.queries.board import board_order

if TYPE_CHECKING:
    from .board_view import BoardView
    from .column import StageColumn


class CardMenu(QMenu):
    def __init__(self, board: "BoardView", column: "StageColumn", ids: list[int]):
        super().__init__(board)
        has = bool(ids)
        if len(ids) == 1:
            self.addAction(self.tr("Open card"), lambda: board.ctx.open_record.emit("deal", ids[0]))
        move = self.addMenu(self.tr("Move to…"))
        move.setEnabled(has)
        for stage in board_order(board.stages):
            action = QAction(stage.name(board.ctx.language), move)
            action.setEnabled(stage.id != column.stage.id)
            action.triggered.connect(lambda _checked=False, s=stage.id: board.drop(ids, s))
            move.addAction(action)
        forward = self.addAction(self.tr("Next stage"), lambda: board.step(ids, column.stage, 1))
        forward.setShortcut("Alt+Right")
        back = self.addAction(self.tr("Previous stage"), lambda: board.step(ids, column.stage, -1))
        back.setShortcut("Alt+Left")
        self.addSeparator()
        won = self.addAction(self.tr("Won…"), lambda: board.actions.win(ids, board.offers_copy()))
        lost = self.addAction(self.tr("Lost…"), lambda: board.actions.lose(ids))
        owners = self.addMenu(self.tr("Reassign to…"))
        for user in board.users:
            owners.addAction(user.name, lambda u=user: board.actions.reassign(ids, u.id, u.name))
        for item in (forward, back, won, lost, owners):
            item.setEnabled(has)
        self.addSeparator()
        self.addAction(self.tr("New deal in this stage…"), lambda: board.quick_create(column.stage.id))
