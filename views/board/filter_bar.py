"""The board's filter bar: my deals (one click), owner, source, segment, cohort, amount
range, stuck only, and search over deal, company and contact names. Emits the combined
``BoardFilter`` on every change; the page applies it in memory and saves it per user.

When the bar is narrower than all its pickers need (a 1,280-px laptop in Russian, or a
card in the side panel), the pickers fold into a "Filters" button that opens them in a
popup; the bar's minimum width is the folded one, so it never widens the window.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from voronka.models.money import to_minor
from voronka.models.queries.board import UserRow

from ..fitting import FittedCombo
from ..plain_text import as_rich_text
from .filter_state import BoardFilter
from ..theme import colour_name


class FilterBar(QWidget):
    changed = Signal(object)  # BoardFilter

    def __init__(self, me: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.me = me
        self._state = BoardFilter()
        self._updating = False
        self.mine = QToolButton(self)
        self.mine.setCheckable(True)
        self.mine.setText(self.tr("My deals"))
        self.mine.setEnabled(me is not None)
        self.owner = FittedCombo(self)
        self.source = FittedCombo(self)
        self.segment = FittedCombo(self)
        self.cohort = FittedCombo(self)
        for combo in (self.owner, self.source, self.segment, self.cohort):  # each as wide as its choice
            combo.currentTextChanged.connect(lambda text, c=combo: c.setToolTip(as_rich_text(text)))
            combo.currentTextChanged.connect(self._refit)
        self.amount_min = QLineEdit(self)
        self.amount_max = QLineEdit(self)
        for edit, hint in ((self.amount_min, self.tr("amount from")), (self.amount_max, self.tr("to"))):
            edit.setPlaceholderText(hint)
            edit.setFixedWidth(max(80, edit.fontMetrics().horizontalAdvance(hint) + 34))  # room for the clear button
            edit.setClearButtonEnabled(True)
        self.stuck = QCheckBox(self.tr("Stuck only"), self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search…"))
        self.search.setToolTip(self.tr("Search deals, companies, contacts…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(120)
        self.clear = QToolButton(self)
        self.clear.setText(self.tr("Clear"))
        self.clear.setToolTip(self.tr("Show every open deal again"))
        self.pickers = QWidget(self)  # what folds into the "Filters" popup when space is short
        pickers = QHBoxLayout(self.pickers)
        pickers.setContentsMargins(0, 0, 0, 0)
        for widget in (self.owner, self.source, self.segment, self.cohort, self.amount_min,
                       QLabel("–", self), self.amount_max, self.stuck):
            widget.setParent(self.pickers)
            pickers.addWidget(widget)
        self.more = QToolButton(self)
        self.more.setText(self.tr("Filters"))
        self.more.setToolTip(self.tr("Owner, source, segment, cohort, amount, stuck deals"))
        self.more.clicked.connect(self._show_popup)
        self.more.hide()
        self.popup = QFrame(self, Qt.WindowType.Popup)
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        QHBoxLayout(self.popup).setContentsMargins(6, 6, 6, 6)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.mine)
        self.row.addWidget(self.pickers)
        self.row.addWidget(self.more)
        self.row.addWidget(self.search, 1)
        self.row.addWidget(self.clear)
        self.set_options([], [], [], [])
        self.mine.toggled.connect(self._on_edit)
        for combo in (self.owner, self.source, self.segment, self.cohort):
            combo.currentIndexChanged.connect(self._on_edit)
        for edit in (self.amount_min, self.amount_max, self.search):
            edit.textChanged.connect(self._on_edit)
        self.stuck.toggled.connect(self._on_edit)
        self.clear.clicked.connect(lambda: self.set_filter(BoardFilter(), emit=True))

    # --- folding ---------------------------------------------------------------------------
    @property
    def folded(self) -> bool:
        return self.pickers.parentWidget() is self.popup

    def _width(self, *widgets: QWidget) -> int:
        spacing = max(0, self.row.spacing())
        return sum(w.sizeHint().width() for w in widgets) + spacing * (len(widgets) - 1)

    def _unfolded_width(self) -> int:
        return self._width(self.mine, self.pickers, self.clear) + self.search.minimumWidth() + 2 * self.row.spacing()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """The folded bar's width: the pickers never make the window wider."""
        folded = self._width(self.mine, self.more, self.clear) + self.search.minimumWidth() + 3 * self.row.spacing()
        return QSize(folded, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit(event.size().width())

    def _refit(self) -> None:
        """A picker's text changed its width: fold or unfold again for the bar's width."""
        if self.isVisible():
            self.fit(self.width())

    def fit(self, width: int) -> None:
        """Fold the pickers into the "Filters" button when ``width`` cannot hold them, unfold otherwise."""
        fold = width < self._unfolded_width()
        if fold == self.folded:
            return
        if fold:
            self.row.removeWidget(self.pickers)
            self.popup.layout().addWidget(self.pickers)
            self.pickers.show()
            self.more.show()
        else:
            self.popup.hide()
            self.popup.layout().removeWidget(self.pickers)
            self.pickers.setParent(self)
            self.row.insertWidget(1, self.pickers)
            self.pickers.show()
            self.more.hide()
        self._mark_more()

    def _show_popup(self) -> None:
        self.popup.adjustSize()
        self.popup.move(self.more.mapToGlobal(QPoint(0, self.more.height())))
        self.popup.show()

    def _mark_more(self) -> None:
        """The folded button says how many pickers are in use: "Filters (2)"."""
        s = self._state
        used = sum(bool(v) for v in (s.owner_id, s.source, s.segment, s.cohort, s.amount_min or s.amount_max,
                                     s.stuck_only))
        self.more.setText(self.tr("Filters") + (f" ({used})" if used else ""))

    @property
    def state(self) -> BoardFilter:
        return self._state

    def set_options(self, users: Sequence[UserRow], sources: Iterable[str], segments: Iterable[str],
                    cohorts: Iterable[str]) -> None:
        """Fill the pickers from the loaded deals, keeping the current choices."""
        self._updating = True
        _fill(self.owner, self.tr("Any owner"), [(u.name, u.id) for u in users], self._state.owner_id)
        _fill(self.source, self.tr("Any source"), [(s, s) for s in sorted(sources)], self._state.source)
        _fill(self.segment, self.tr("Any segment"), [(s, s) for s in sorted(segments)], self._state.segment)
        _fill(self.cohort, self.tr("Any cohort"), [(c, c) for c in sorted(cohorts)], self._state.cohort)
        self._updating = False

    def set_filter(self, state: BoardFilter, emit: bool = False) -> None:
        self._updating = True
        self.mine.setChecked(state.mine)
        for combo, value in ((self.owner, state.owner_id), (self.source, state.source),
                             (self.segment, state.segment), (self.cohort, state.cohort)):
            _select(combo, value)
        self.amount_min.setText(state.amount_min)
        self.amount_max.setText(state.amount_max)
        self.stuck.setChecked(state.stuck_only)
        self.search.setText(state.text)
        self._updating = False
        self._state = state
        self.owner.setEnabled(not state.mine)
        self._mark_amounts()
        self._mark_more()
        if emit:
            self.changed.emit(state)

    def _on_edit(self) -> None:
        if self._updating:
            return
        state = BoardFilter(
            mine=self.mine.isChecked(), owner_id=self.owner.currentData(), source=self.source.currentData(),
            segment=self.segment.currentData(), cohort=self.cohort.currentData(),
            amount_min=self.amount_min.text(), amount_max=self.amount_max.text(),
            stuck_only=self.stuck.isChecked(), text=self.search.text(),
        )
        self.owner.setEnabled(not state.mine)
        self._mark_amounts()
        if state != self._state:
            self._state = state
            self._mark_more()
            self.changed.emit(state)

    def _mark_amounts(self) -> None:
        for edit in (self.amount_min, self.amount_max):
            try:
                to_minor(edit.text().strip())
                edit.setStyleSheet("")
                edit.setToolTip("")
            except ValueError:
                edit.setStyleSheet(f"QLineEdit {{ border: 1px solid {colour_name('alert')}; }}")
                edit.setToolTip(self.tr("Not an amount: this limit is ignored"))


def _fill(combo: QComboBox, anything: str, items: list[tuple[str, object]], current: object) -> None:
    combo.clear()
    combo.addItem(anything, None)
    for text, value in items:
        combo.addItem(text, value)
    _select(combo, current)


def _select(combo: QComboBox, value: object) -> None:
    i = combo.findData(value) if value is not None else 0
    if i < 0:  # a saved choice no loaded deal has (yet): keep it selectable
        combo.addItem(str(value), value)
        i = combo.count() - 1
    combo.setCurrentIndex(i)
