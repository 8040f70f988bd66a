""""Customise…": the page Voronka opens at launch, and the sidebar's order and hidden items.

Saved per user (``models.services.preferences.save_navigation``); the main window
rebuilds its sidebar when the ``Changes(settings=True)`` arrives. Settings cannot be
hidden, so the sidebar can always be brought back. A report can be the start page,
opened on one of its tabs (``"reports:weekly"``).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from voronka.models.services.preferences import save_navigation

from ..app_context import AppContext
from ..errors import show_error
from ..pages import PAGE_KEYS, page_spec, sidebar_order

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
REPORT_TABS = ("monthly", "weekly", "daily")


def report_tab_title(tab: str) -> str:
    titles = {
        "monthly": QCoreApplication.translate("Customise", "Reports — monthly"),
        "weekly": QCoreApplication.translate("Customise", "Reports — weekly"),
        "daily": QCoreApplication.translate("Customise", "Reports — daily"),
    }
    return titles[tab]


class CustomiseDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Customise Voronka"))
        self.start_page = QComboBox(self)
        for key in PAGE_KEYS:
            self.start_page.addItem(page_spec(key).title_text(), key)
            if key == "reports":
                for tab in REPORT_TABS:
                    self.start_page.addItem(report_tab_title(tab), f"reports:{tab}")
        chosen = ctx.user_setting("ui.start_page") or "start"
        self.start_page.setCurrentIndex(max(0, self.start_page.findData(chosen)))
        self.pages = QListWidget(self)
        self.pages.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.pages.setDefaultDropAction(Qt.DropAction.MoveAction)
        hidden = set(ctx.user_setting("ui.sidebar_hidden") or [])
        for key in sidebar_order(ctx.user_setting("ui.sidebar")):
            spec = page_spec(key)
            item = QListWidgetItem(spec.icon(), spec.title_text())
            item.setData(KEY_ROLE, key)
            flags = item.flags() | Qt.ItemFlag.ItemIsDragEnabled
            if key != "settings":
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags & ~Qt.ItemFlag.ItemIsDropEnabled)
            item.setCheckState(Qt.CheckState.Unchecked if key in hidden else Qt.CheckState.Checked)
            if key == "settings":
                item.setToolTip(self.tr("Settings always stays in the sidebar."))
            self.pages.addItem(item)
        up = QPushButton(self.tr("Move up"), self)
        down = QPushButton(self.tr("Move down"), self)
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        moves = QVBoxLayout()
        moves.addWidget(up)
        moves.addWidget(down)
        moves.addStretch(1)
        side = QHBoxLayout()
        side.addWidget(self.pages, 1)
        side.addLayout(moves)
        form = QFormLayout()
        form.addRow(self.tr("Open at launch:"), self.start_page)
        hint = QLabel(self.tr("Sidebar: tick the pages to show, drag them (or use the buttons) to reorder."), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(side, 1)
        layout.addWidget(buttons)
        self.resize(440, 480)

    def _move(self, step: int) -> None:
        row = self.pages.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.pages.count():
            return
        item = self.pages.takeItem(row)
        self.pages.insertItem(target, item)
        self.pages.setCurrentRow(target)

    def order(self) -> list[str]:
        return [self.pages.item(i).data(KEY_ROLE) for i in range(self.pages.count())]

    def hidden(self) -> list[str]:
        return [self.pages.item(i).data(KEY_ROLE) for i in range(self.pages.count())
                if self.pages.item(i).checkState() == Qt.CheckState.Unchecked]

    def save(self) -> None:
        if self.ctx.user_id is None:
            QMessageBox.information(self, self.windowTitle(), self.tr(
                "Choose who you are (Settings → Team) first: the layout is kept per person."))
            return
        try:
            self.ctx.run(save_navigation, self.ctx.user_id, start_page=self.start_page.currentData(),
                         sidebar=self.order(), hidden=self.hidden())
        except Exception as exc:  # a refusal (e.g. start page hidden) is shown; the dialog stays open
            show_error(self, exc)
            return
        self.accept()
