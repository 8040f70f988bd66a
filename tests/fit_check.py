"""Finds text wider than its widget: what a rep on a 1,280-px laptop would see cut.

``clipped(root)`` walks every visible widget under ``root`` (generic: new pages, tabs and
dialogs are checked the day they exist) and returns one line per cut text that has no
tooltip to read it whole:

- labels (not word-wrapped): the widest line against the contents rect;
- buttons, check boxes, radio buttons: the size hint against the width they got;
- combo boxes: the current text against the edit field;
- line edits: the placeholder of an empty field against the field;
- group box titles; tab bar tabs (elided or cut);
- item views: each visible header section's title against the section.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionHeader,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)

SLACK = 2  # pixels of rounding


def _name(w: QWidget) -> str:
    chain, p = [], w
    while p is not None and len(chain) < 4:
        chain.append(p.objectName() or type(p).__name__)
        p = p.parentWidget()
    return "/".join(reversed(chain))


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _rich(text: str) -> bool:
    from PySide6.QtGui import Qt as GuiQt

    might = getattr(GuiQt, "mightBeRichText", None)
    return bool(might(text)) if might else ("<" in text and ">" in text)


def _label(w: QLabel) -> str | None:
    text = w.text()
    if not text or w.wordWrap() or w.pixmap() is not None and not w.pixmap().isNull():
        return None
    if w.textFormat() == Qt.TextFormat.RichText or (w.textFormat() == Qt.TextFormat.AutoText
                                                   and _rich(text)):
        return None  # rich text lays itself out (and wraps at <br>)
    fm = w.fontMetrics()
    room = w.contentsRect().width() - 2 * max(0, w.margin()) - max(0, w.indent())
    widest = max(fm.horizontalAdvance(line) for line in text.split("\n"))
    if widest > room + SLACK:
        return f"label {text!r}: {widest} px in {room} px"
    return None


def _button(w: QAbstractButton) -> str | None:
    text = _plain(w.text())
    if not text:
        return None
    need = w.sizeHint().width()
    if w.width() + SLACK < need:
        return f"button {text!r}: needs {need} px, has {w.width()} px"
    return None


def _combo(w: QComboBox) -> str | None:
    text = w.currentText()
    if not text:
        return None
    opt = QStyleOptionComboBox()
    w.initStyleOption(opt)
    field = w.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                     QStyle.SubControl.SC_ComboBoxEditField, w)
    need = w.fontMetrics().horizontalAdvance(text) + (w.iconSize().width() + 4 if not w.itemIcon(w.currentIndex()).isNull() else 0)
    if need > field.width() + SLACK:
        return f"combo {text!r}: {need} px in {field.width()} px"
    return None


def _line_edit(w: QLineEdit) -> str | None:
    if w.text() or not w.placeholderText() or isinstance(w.parentWidget(), QComboBox):
        return None
    room = w.width() - 12  # frame and text margins
    need = w.fontMetrics().horizontalAdvance(w.placeholderText())
    if need > room + SLACK:
        return f"placeholder {w.placeholderText()!r}: {need} px in {room} px"
    return None


def _group(w: QGroupBox) -> str | None:
    if not w.title():
        return None
    need = w.fontMetrics().horizontalAdvance(_plain(w.title())) + 16
    if need > w.width() + SLACK:
        return f"group title {w.title()!r}: {need} px in {w.width()} px"
    return None


def _tabs(w: QTabBar) -> list[str]:
    out = []
    for i in range(w.count()):
        text = _plain(w.tabText(i))
        if not text or w.tabToolTip(i):
            continue
        rect = w.tabRect(i)
        need = w.fontMetrics().horizontalAdvance(text) + 16
        if w.elideMode() != Qt.TextElideMode.ElideNone and rect.width() + SLACK < need or rect.width() == 0:
            out.append(f"tab {text!r}: {need} px in {rect.width()} px")
    return out


def _headers(view: QAbstractItemView) -> list[str]:
    headers: list[QHeaderView] = []
    if isinstance(view, QTableView):
        headers.append(view.horizontalHeader())
    elif isinstance(view, QTreeView):
        headers.append(view.header())
    out = []
    model = view.model()
    if model is None:
        return out
    for header in headers:
        if header.isHidden():
            continue
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
            if not text:
                continue
            tip = model.headerData(section, header.orientation(), Qt.ItemDataRole.ToolTipRole)
            if tip:
                continue
            margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
            wraps = bool(header.defaultAlignment() & Qt.TextFlag.TextWordWrap)
            pieces = str(text).split() if wraps else str(text).split("\n")  # a wrapping header needs its longest word
            need = max(header.fontMetrics().horizontalAdvance(p) for p in pieces) + 2 * margin
            has = header.sectionSize(section)
            if header.stretchLastSection() and section == header.count() - 1:
                has = max(has, header.viewport().width() - header.sectionPosition(section))
            if has + SLACK < need:
                out.append(f"header {str(text)!r}: needs {need} px, has {has} px")
    return out


def clipped(root: QWidget) -> list[str]:
    """Every cut text under ``root`` (visible widgets only) without a tooltip."""
    found: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisible() or w.width() <= 0:
            continue
        if isinstance(w, QTabBar):
            found += [f"{_name(w)}: {p}" for p in _tabs(w)]
            continue
        if isinstance(w, QAbstractItemView):
            found += [f"{_name(w)}: {p}" for p in _headers(w)]
            continue
        if w.toolTip():
            continue
        problem = None
        if isinstance(w, QLabel):
            problem = _label(w)
        elif isinstance(w, QAbstractButton):
            problem = _button(w)
        elif isinstance(w, QComboBox):
            problem = _combo(w)
        elif isinstance(w, QLineEdit):
            problem = _line_edit(w)
        elif isinstance(w, QGroupBox):
            problem = _group(w)
        if problem:
            found.append(f"{_name(w)}: {problem}")
    return found


def too_wide(window: QWidget, limit: int = 1280) -> str | None:
    """Why the window cannot be ``limit`` px wide, or None."""
    need = max(window.minimumSizeHint().width(), window.minimumWidth())
    if need > limit or window.width() > limit:
        return f"{type(window).__name__} needs {need} px (is {window.width()} px)"
    return None
