"""Log a sales action from the card in two keystrokes: Alt+1…5 picks call, e-mail, message,
meeting or note and puts the cursor in the text; Enter logs it (undo removes it)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from voronka.models.errors import VoronkaError
from voronka.models.services.activities import log_activity

from ..app_context import AppContext
from ..errors import show_error
from ..undo import push_creation

TYPES = ("call", "email", "message", "meeting", "note")


class ActivityBar(QWidget):
    logged = Signal(int)  # activity id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.deal_id: int | None = None
        names = {"call": self.tr("Call"), "email": self.tr("E-mail"), "message": self.tr("Message"),
                 "meeting": self.tr("Meeting"), "note": self.tr("Note")}
        self.outcomes = {
            "call": [self.tr("Reached"), self.tr("No answer"), self.tr("Call back later"), self.tr("Wrong number")],
            "email": [self.tr("Sent"), self.tr("Replied")],
            "message": [self.tr("Sent"), self.tr("Replied")],
            "meeting": [self.tr("Held"), self.tr("Rescheduled"), self.tr("Did not come")],
            "note": [],
        }
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout()
        for n, kind in enumerate(TYPES, start=1):
            button = QToolButton(self)
            button.setText(names[kind])
            button.setCheckable(True)
            button.setToolTip(self.tr("%1 (Alt+%2)").replace("%1", names[kind]).replace("%2", str(n)))
            self.group.addButton(button)
            self.buttons[kind] = button
            button.clicked.connect(lambda _c=False, k=kind: self.choose(k))
            row.addWidget(button)
            QShortcut(QKeySequence(f"Alt+{n}"), parent or self, lambda k=kind: self.choose(k),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        row.addStretch(1)
        self.outcome = QComboBox(self)
        self.outcome.setEditable(True)
        self.outcome.setMinimumContentsLength(12)
        self.outcome.lineEdit().setPlaceholderText(self.tr("Outcome"))
        self.person = QComboBox(self)
        self.person.setMinimumContentsLength(10)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("What happened — Enter logs it"))
        self.text.returnPressed.connect(self.log)
        self.log_button = QPushButton(self.tr("Log"), self)
        self.log_button.clicked.connect(self.log)
        details = QHBoxLayout()
        details.addWidget(self.outcome)
        details.addWidget(self.person)
        line = QHBoxLayout()
        line.addWidget(self.text, 1)
        line.addWidget(self.log_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        box.addLayout(details)
        box.addLayout(line)
        self.choose("call", focus=False)

    def set_deal(self, deal_id: int | None, people: list[tuple[int, str]]) -> None:
        self.deal_id = deal_id
        current = self.person.currentData()
        self.person.clear()
        self.person.addItem(self.tr("— with nobody in particular —"), None)
        for pid, name in people:
            self.person.addItem(name, pid)
        self.person.setCurrentIndex(max(0, self.person.findData(current)))
        self.setEnabled(deal_id is not None)

    def current_type(self) -> str:
        return next(k for k, b in self.buttons.items() if b.isChecked())

    def choose(self, kind: str, focus: bool = True) -> None:
        self.buttons[kind].setChecked(True)
        self.outcome.clear()
        self.outcome.addItem("")
        self.outcome.addItems(self.outcomes[kind])
        self.outcome.setEnabled(kind != "note")
        if focus:
            self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def log(self) -> None:
        kind = self.current_type()
        text = self.text.text().strip()
        if kind == "note" and not text:
            self.text.setPlaceholderText(self.tr("A note needs some text"))
            return
        ctx, deal_id = self.ctx, self.deal_id
        values = dict(type=kind, user_id=ctx.user_id, deal_id=deal_id, contact_id=self.person.currentData(),
                      outcome=self.outcome.currentText().strip() or None, text=text or None)
        try:
            changes = push_creation(ctx, self.tr("Log: %1").replace("%1", self.buttons[kind].text()),
                                    lambda: ctx.run(log_activity, **values), kind="activities")
        except VoronkaError as exc:
            show_error(self, exc)
            return
        self.text.clear()
        self.outcome.setCurrentIndex(0)
        self.logged.emit(changes.created[0])
