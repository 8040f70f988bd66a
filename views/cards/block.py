"""A named block of fields that folds away under its title."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QToolButton, QVBoxLayout, QWidget


class CollapsibleBlock(QWidget):
    toggled = Signal(bool)  # collapsed

    def __init__(self, key: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.header = QToolButton(self)
        self.header.setText(title)
        self.header.setObjectName("blockHeader")
        self.header.setCheckable(True)
        self.header.setChecked(True)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setArrowType(Qt.ArrowType.DownArrow)
        self.header.setAutoRaise(True)
        self.header.setStyleSheet("QToolButton#blockHeader { font-weight: bold; border: none; }")
        self.header.toggled.connect(self._on_header)
        self.body = QFrame(self)
        self.body.setObjectName("blockBody")
        self.form = QFormLayout(self.body)
        self.form.setContentsMargins(18, 2, 4, 6)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.header)
        box.addWidget(self.body)

    def _on_header(self, expanded: bool) -> None:
        self.header.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)
        self.toggled.emit(not expanded)

    def set_collapsed(self, collapsed: bool) -> None:
        self.header.setChecked(not collapsed)

    def is_collapsed(self) -> bool:
        return not self.header.isChecked()
