"""The pipeline by stage: open deals and their amount at each stage, as horizontal bars."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from voronka.metrics.formatting import count as count_text, money
from voronka.models.changes import Changes
from voronka.models.queries.start import StageTotal, pipeline_by_stage

from ..plain_text import as_rich_text
from .tile import Tile
from ..theme import colour



class StageBars(QWidget):
    """Rows of stage name, bar (deal count) and "count · amount"."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[tuple[str, int, float]] = []
        self.language = "ru"
        self.currency = "RUB"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_rows(self, rows: list[tuple[str, int, float]], language: str, currency: str = "RUB") -> None:
        self.rows, self.language, self.currency = rows, language, currency
        self.update()

    def _row_height(self) -> float:
        return self.height() / max(1, len(self.rows))

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self.rows:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rh = self._row_height()
        font = p.font()
        font.setPointSizeF(max(7.0, min(font.pointSizeF(), rh * 0.55)))
        p.setFont(font)
        # the names as wide as the longest needs (a whole "Целевой контакт ответил положительно"
        # in a wide tile), never more than 45 % of the tile: a narrow one elides (the tooltip reads it)
        longest = max(p.fontMetrics().horizontalAdvance(name) for name, _, _ in self.rows) + 8
        name_w = min(self.width() * 0.45, longest)
        value_w = min(self.width() * 0.28, 150)
        bar_w = max(10.0, self.width() - name_w - value_w - 12)
        top = max((n for _, n, _ in self.rows), default=0) or 1
        for i, (name, count, amount) in enumerate(self.rows):
            y = i * rh
            text_rect = QRectF(0, y, name_w - 4, rh)
            p.setPen(self.palette().text().color())
            elided = p.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, int(name_w - 4))
            p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, elided)
            width = bar_w * count / top
            p.fillRect(QRectF(name_w + 4, y + rh * 0.2, max(width, 1 if count else 0), rh * 0.6), colour("accent"))
            label = f"{count_text(count, self.language)} · {money(amount, self.currency, self.language)}"
            p.drawText(QRectF(name_w + 8 + width, y, value_w + bar_w - width, rh),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
        p.end()

    def mouseMoveEvent(self, event) -> None:
        i = int(event.position().y() // max(1.0, self._row_height()))
        if 0 <= i < len(self.rows):
            name, count, amount = self.rows[i]
            self.setToolTip(as_rich_text(f"{name}: {count_text(count, self.language)} · {money(amount, self.currency, self.language)}"))


class PipelineTile(Tile):
    kind = "pipeline"
    has_scope = True

    def __init__(self, ctx, spec, parent=None):
        super().__init__(ctx, spec, parent)
        self.bars = StageBars(self)
        self.body.addWidget(self.bars, 1)
        self.totals: list[StageTotal] = []

    def title(self) -> str:
        return self.tr("Pipeline by stage")

    def wants_refresh(self, changes: Changes) -> bool:
        return bool(changes.deals or changes.funnel or changes.users)

    def loader(self):
        owner_id = self.scope_owner()
        return lambda session: pipeline_by_stage(session, owner_id=owner_id)

    def show_loaded(self, totals: list[StageTotal]) -> None:
        self.totals = totals
        lang = self.ctx.language
        self.bars.set_rows([(t.name_ru if lang == "ru" else t.name_en, t.count, t.amount) for t in self.totals], lang,
                           self.ctx.team_setting("team.currency", "RUB"))
