"""Combo boxes that never cut their text at 1,280 px in Russian.

``FittedCombo`` is as wide as the choice it shows (a toolbar or filter bar that folds or
has room); ``ElidingCombo`` lives where the width is given (a card's form in the side
panel): it draws "…" where the text is cut and says the whole choice in its tooltip.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

from .plain_text import as_rich_text


class FittedCombo(QComboBox):
    """As wide as the choice it shows ("Любой ответственный" whole, never "Любой ответс")."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.currentTextChanged.connect(lambda _text: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        icon = self.iconSize().width() + 4 if not self.itemIcon(self.currentIndex()).isNull() else 0
        text = QSize(self.fontMetrics().horizontalAdvance(self.currentText()) + icon + 4, self.fontMetrics().height())
        return self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, opt, text, self).expandedTo(
            QSize(60, super().sizeHint().height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()


class ElidingCombo(QComboBox):
    """Draws "…" where its choice is cut; the tooltip says the choice whole."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("elides", True)  # tests/fit_check.py: a cut shows, and the tooltip reads it whole
        self.currentTextChanged.connect(lambda text: self.setToolTip(as_rich_text(text.strip())))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if self.isEditable():
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        room = field.width() - (opt.iconSize.width() + 4 if not opt.currentIcon.isNull() else 0)
        opt.currentText = self.fontMetrics().elidedText(opt.currentText, Qt.TextElideMode.ElideRight, max(0, room))
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)
