"""The empty state a page lays over its view area (a table's viewport, the board's columns,
the start page's tiles) while there is nothing to show.

Two faces: *empty* — one sentence saying what the page is for and the next steps (import the
team's data, add a deal, and the demo while the database holds no record of the team's); and
*filtered* — "Nothing found by the filter" with a button that resets the filters. The page
says which with ``set_state``; the overlay follows its host's size and never touches the
model underneath, so the view keeps working as data arrives.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ..icons import icon
from ..plain_text import plain_label
from ..style_roles import set_role
from .team_data import team_data

DATA, EMPTY, FILTERED = "data", "empty", "filtered"


class EmptyState(QWidget):
    """An overlay over ``host``; hidden while the page shows data."""

    state_changed = Signal(str)  # DATA, EMPTY or FILTERED: a page may hide what lies under the overlay

    def __init__(self, ctx, host: QWidget, purpose: str, *,  # noqa: ANN001 - an AppContext
                 add_deal: Callable[[], object] | None = None, reset: Callable[[], object] | None = None,
                 offer_add: bool = True, cover: bool = True):
        super().__init__(host)
        self.setObjectName("emptyState")
        self.ctx = ctx
        self.host = host
        self.state = DATA
        self._add_deal = add_deal
        self._offer_add = offer_add  # False: "Add a deal" only while the database has no deal
        self.cover = cover  # False: only the panel, over what the host shows (the board's empty columns)
        self.setAutoFillBackground(cover)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.panel = QFrame(self)
        self.panel.setObjectName("emptyStatePanel")
        set_role(self.panel, "empty")
        self.title = set_role(plain_label(parent=self.panel), "heading")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.purpose = purpose
        self.text = plain_label(purpose, self.panel)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.import_button = QPushButton(icon("import"), self.tr("Import data"), self.panel)
        self.import_button.setToolTip(self.tr("Bring your deals and their history in from Excel or another CRM"))
        self.import_button.clicked.connect(self.import_data)
        self.add_button = set_role(QPushButton(self.tr("Add a deal"), self.panel),
                                   "primary")
        self.add_button.clicked.connect(self.add_deal)
        self.demo_button = QPushButton(icon("demo"), self.tr("Load demo data"), self.panel)
        self.demo_button.setToolTip(self.tr("A made-up team with two years of deals, to look around"))
        self.demo_button.clicked.connect(self.load_demo)
        self.reset_button = set_role(QPushButton(self.tr("Reset filters"), self.panel), "primary")
        self.reset_button.clicked.connect(lambda: reset() if reset is not None else None)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.add_button, self.import_button, self.demo_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        inner = QVBoxLayout(self.panel)
        inner.setContentsMargins(28, 22, 28, 22)
        inner.setSpacing(12)
        inner.addWidget(self.title)
        inner.addWidget(self.text)
        inner.addLayout(buttons)
        self.team = team_data(ctx)
        self.team.changed.connect(self._update_buttons)
        host.installEventFilter(self)
        self.hide()

    # --- what the page says --------------------------------------------------------------------
    def set_state(self, state: str) -> None:
        """``"data"`` (hidden), ``"empty"`` (what the page is for) or ``"filtered"`` (nothing found)."""
        if state not in (DATA, EMPTY, FILTERED):
            raise ValueError(state)
        self.state = state
        if state == FILTERED:
            self.title.setText(self.tr("Nothing found by the filter"))
            self.text.setText(self.tr("No record matches the search and the filters chosen."))
        else:
            self.title.setText("")
            self.text.setText(self.purpose)
        self.title.setVisible(bool(self.title.text()))
        self._update_buttons()
        self.setVisible(state != DATA)
        if state != DATA:
            self._place()
            self.raise_()
        self.state_changed.emit(state)

    def follow_deals(self) -> "EmptyState":
        """Show the empty face exactly while the database holds no deal (pages that show nothing
        without deals: Start, Reports)."""
        # a bound method: the connection ends with this widget (a closure outlived a closed window)
        self.team.changed.connect(self._follow_deals)
        self._follow_deals()
        return self

    def _follow_deals(self) -> None:
        self.set_state(EMPTY if self.team.has_deals is False else DATA)

    def set_purpose(self, purpose: str) -> None:
        self.purpose = purpose
        if self.state == EMPTY:
            self.text.setText(purpose)

    def _update_buttons(self) -> None:
        empty = self.state == EMPTY
        first_day = empty and self.team.has_deals is False
        self.add_button.setVisible(first_day or (empty and self._offer_add))
        self.import_button.setVisible(first_day)
        self.demo_button.setVisible(empty and self.team.demo_allowed)
        self.reset_button.setVisible(self.state == FILTERED)
        if not self.isHidden():
            self._place()

    # --- the next steps ---------------------------------------------------------------------
    def import_data(self) -> None:
        from ..importing import open_import_wizard

        open_import_wizard(self.ctx, self.window())

    def add_deal(self) -> None:
        if self._add_deal is not None:
            self._add_deal()
            return
        from ..quick_create import quick_create_deal

        deal_id = quick_create_deal(self.ctx, self.window())
        if deal_id is not None:
            self.ctx.open_record.emit("deal", deal_id)

    def load_demo(self) -> None:
        from . import demo

        if self.team.demo_allowed:  # asked again at the click: a colleague may have started since
            demo.load_demo(self.ctx, self.window())

    # --- following the host -----------------------------------------------------------------
    def _place(self) -> None:
        """The panel at most 620 px wide, centred, a third of the way down; as high as its wrapped text."""
        area = self.host.rect()
        width = max(240, min(620, area.width() - 40))
        self.panel.setFixedWidth(width)
        self.panel.layout().activate()
        height = self.panel.heightForWidth(width) if self.panel.hasHeightForWidth() else -1
        height = max(height, self.panel.minimumSizeHint().height())
        x, y = max(0, (area.width() - width) // 2), max(12, (area.height() - height) // 3)
        if self.cover:
            self.setGeometry(area)
            self.panel.setGeometry(x, y, width, height)
        else:
            self.setGeometry(x, y, width, height)
            self.panel.setGeometry(0, 0, width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host and event.type() == QEvent.Type.Resize and not self.isHidden():
            self._place()
        return False
