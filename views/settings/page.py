"""Settings: language and who "I" am on this laptop (team settings grow here)."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QVBoxLayout, QWidget
from sqlalchemy import select

from models.orm import User

from ..app_context import AppContext


def active_users(session) -> list[tuple[int, str, str]]:
    return [tuple(r) for r in session.execute(
        select(User.id, User.name, User.role).where(User.active.is_(True)).order_by(User.name))]


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        box = QGroupBox(self.tr("This computer"), self)
        form = QFormLayout(box)
        self.language = QComboBox(box)
        self.language.addItem("Русский", "ru")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(ctx.language))
        self.language.currentIndexChanged.connect(lambda _i: ctx.set_language(self.language.currentData()))
        form.addRow(self.tr("Language"), self.language)
        self.me = QComboBox(box)
        self.me.addItem(self.tr("— nobody —"), None)
        for uid, name, _role in ctx.query(active_users):
            self.me.addItem(name, uid)
        self.me.setCurrentIndex(max(0, self.me.findData(ctx.user_id)))
        self.me.currentIndexChanged.connect(lambda _i: ctx.set_user(self.me.currentData()))
        form.addRow(self.tr("I am"), self.me)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)
