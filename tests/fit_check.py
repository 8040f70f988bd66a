"""Finds text wider than its widget: what a rep on a 1,280-px laptop would see cut.

``clipped(root)`` walks every visible widget under ``root`` (generic: new pages, tabs and
dialogs are checked the day they exist) and returns one line per cut text that has no
tooltip to read it whole (for an item, a tooltip holding the item's text):

- labels (not word-wrapped): the widest line against the contents rect;
- buttons, check boxes, radio buttons: the size hint against the width they got;
- combo boxes: the current text against the edit field (a plain combo cuts without "…",
  so only an eliding combo with the whole choice as tooltip is excused);
- line edits: the placeholder of an empty field against the field, and the text of a filled
  one (typed or shown: a long company name, a big amount) against the room its frame, margins
  and buttons (clear, call) leave — a line edit cannot elide, so only a tooltip holding the
  whole text excuses it; the line edit inside a spin box or date edit too (the box's tooltip);
- group box titles; tab bar tabs (elided or cut);
- item views: each visible header section's title against the section (a title that wraps
  must fit its longest word, tooltip or not), and the text of
  every visible cell (table, tree, list) against its visual rect, measured with the font
  the item asks for (a word-wrapping view passes if the wrapped lines fit the row). An item
  with a ToolTipRole may be elided; items a custom delegate paints are left to their own tests.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionHeader,
    QStyledItemDelegate,
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
    if need > field.width() + SLACK\
            and not (w.property("elides") and _tip_tells(w.toolTip(), text.strip())):
        # a plain combo cuts without "…", so no tooltip excuses it; views/fitting.py's ElidingCombo
        # draws the "…" and says the choice whole in its tooltip
        return f"combo {text!r}: {need} px in {field.width()} px"
    return None


def _line_edit_room(w: QLineEdit) -> int:
    """Pixels the text of ``w`` has: the contents rect less the text margins, Qt's 2 px a side
    and the buttons inside the field (clear, actions)."""
    from PySide6.QtWidgets import QStyleOptionFrame, QToolButton

    opt = QStyleOptionFrame()
    w.initStyleOption(opt)
    room = w.style().subElementRect(QStyle.SubElement.SE_LineEditContents, opt, w).width()
    margins = w.textMargins()
    room -= margins.left() + margins.right() + 4
    for button in w.findChildren(QToolButton):  # the clear button and trailing/leading actions
        if button.parentWidget() is w and button.isVisible():
            room -= button.width()
    return room


def _line_edit(w: QLineEdit) -> str | None:
    owner = w.parentWidget()
    if isinstance(owner, QComboBox):
        return None  # the combo's own check reads its text against the edit field
    if w.text():
        if w.echoMode() != QLineEdit.EchoMode.Normal:
            return None
        spin = owner if isinstance(owner, QAbstractSpinBox) else None
        tip = (spin or w).toolTip()
        if _tip_tells(tip, w.text()):
            return None
        room = _line_edit_room(w)
        need = w.fontMetrics().horizontalAdvance(w.text())
        if need > room + SLACK:
            what = type(spin).__name__ if spin is not None else "line edit"
            return f"{what} text {w.text()!r}: {need} px in {room} px"
        return None
    if not w.placeholderText() or w.toolTip():
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
            margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
            wraps = bool(header.defaultAlignment() & Qt.TextFlag.TextWordWrap)
            if tip and not wraps:
                continue  # an elided one-line title, read whole on hover (a wrapping one never cuts a word)
            pieces = str(text).split() if wraps else str(text).split("\n")  # a wrapping header needs its longest word
            need = max(header.fontMetrics().horizontalAdvance(p) for p in pieces) + 2 * margin
            has = header.sectionSize(section)
            if header.stretchLastSection() and section == header.count() - 1:
                has = max(has, header.viewport().width() - header.sectionPosition(section))
            if has + SLACK < need:
                out.append(f"header {str(text)!r}: needs {need} px, has {has} px")
    return out


def _tip_tells(tip: object, text: str) -> bool:
    """Does the tooltip let the user read ``text`` whole (an elided cell's excuse)?"""
    if not tip:
        return False
    from PySide6.QtGui import QTextDocumentFragment

    tip = str(tip)
    plain = QTextDocumentFragment.fromHtml(tip).toPlainText() if _rich(tip) else tip
    squash = lambda t: " ".join(t.split())  # noqa: E731
    return squash(text) in squash(plain)


def _painted_plainly(view: QAbstractItemView, index: QModelIndex) -> bool:
    """Does the item's delegate paint it the standard way (text in the cell, elided)?"""
    delegate = view.itemDelegateForIndex(index)
    return isinstance(delegate, QStyledItemDelegate) and type(delegate).paint is QStyledItemDelegate.paint


def _column_count(model, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model's columnCount is private in PySide
        return 1


def _visible_indexes(view: QAbstractItemView) -> list[QModelIndex]:
    """The indexes whose cells are on screen (rows top to bottom, every visible column)."""
    model, viewport = view.model(), view.viewport().rect()
    out: list[QModelIndex] = []
    parents = [view.rootIndex()]
    while parents and len(out) < 2000:
        parent = parents.pop(0)
        for row in range(model.rowCount(parent)):
            first = model.index(row, 0 if isinstance(view, (QTableView, QTreeView)) else view.modelColumn(), parent)
            rect = view.visualRect(first)
            if isinstance(view, QTableView) and view.isRowHidden(row):
                continue
            if rect.top() > viewport.bottom():
                break
            if isinstance(view, QTreeView) and view.isExpanded(first):
                parents.append(first)
            if rect.bottom() < 0 and not isinstance(view, QTreeView):
                continue
            columns = range(_column_count(model, parent)) if isinstance(view, (QTableView, QTreeView)) \
                else [view.modelColumn()]
            for col in columns:
                if isinstance(view, (QTableView, QTreeView)) and view.isColumnHidden(col):
                    continue
                index = model.index(row, col, parent)
                cell = view.visualRect(index)
                if cell.isValid() and cell.intersects(viewport):
                    out.append(index)
    return out


def _cells(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None or isinstance(view, QHeaderView) or not view.viewport().isVisible():
        return []
    out = []
    style = view.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    for index in _visible_indexes(view):
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text is None or isinstance(text, bool) or not str(text).strip():
            continue
        if view.indexWidget(index) is not None or _tip_tells(index.data(Qt.ItemDataRole.ToolTipRole), str(text)):
            continue
        if not _painted_plainly(view, index):
            continue
        text = str(text)
        font = index.data(Qt.ItemDataRole.FontRole)
        fm = QFontMetrics(font if isinstance(font, QFont) else view.font())
        rect = view.visualRect(index)
        room = rect.width() - 2 * margin
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            room -= view.iconSize().width() if view.iconSize().isValid() else 16
            room -= 4
        if index.data(Qt.ItemDataRole.CheckStateRole) is not None:
            room -= style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, view) + 4
        lines = text.split("\n")
        need = max(fm.horizontalAdvance(line) for line in lines)
        if need <= room + SLACK:
            if fm.lineSpacing() * len(lines) <= rect.height() + SLACK:
                continue
        wraps = getattr(view, "wordWrap", lambda: False)()
        if wraps:
            wrapped = fm.boundingRect(QRect(0, 0, max(1, room), 100000), int(Qt.TextFlag.TextWordWrap), text)
            if wrapped.width() <= room + SLACK and wrapped.height() <= rect.height() + SLACK:
                continue
        if need <= room + SLACK and len(lines) > 1:
            out.append(f"cell {text!r}: {len(lines)} lines in a {rect.height()} px row")
        else:
            out.append(f"cell {text!r}: {need} px in {room} px (row {rect.height()} px)")
    return out


def clipped(root: QWidget) -> list[str]:
    """Every cut text under ``root`` (visible widgets only) without a tooltip, each once."""
    found: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisible() or w.width() <= 0:
            continue
        if isinstance(w, QTabBar):
            found += [f"{_name(w)}: {p}" for p in _tabs(w)]
            continue
        if isinstance(w, QAbstractItemView):
            found += [f"{_name(w)}: {p}" for p in _headers(w) + _cells(w)]
            continue
        if w.toolTip() and not isinstance(w, (QComboBox, QLineEdit)):
            continue  # (a line edit's tooltip excuses its text only if it holds it whole)
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
    return list(dict.fromkeys(found))


def too_wide(window: QWidget, limit: int = 1280) -> str | None:
    """Why the window cannot be ``limit`` px wide, or None."""
    need = max(window.minimumSizeHint().width(), window.minimumWidth())
    if need > limit or window.width() > limit:
        return f"{type(window).__name__} needs {need} px (is {window.width()} px)"
    return None
