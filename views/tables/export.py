"""Export a table page exactly as shown — its rows in their order, its visible columns — to
XLSX or CSV, written on the application's executor (``views.exports.table``)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QToolButton, QWidget

from ..app_context import AppContext
from ..executor import Job
from .record_model import Column, display_text

if TYPE_CHECKING:  # the session the executor hands in, as a type only
    from sqlalchemy.orm import Session

CHUNK = 500


def export_button(parent: QWidget, ask: Callable[[str], None]) -> QToolButton:
    """"Export" with a menu: Excel workbook or CSV file; ``ask(fmt)`` is called with "xlsx" / "csv"."""
    button = QToolButton(parent)
    button.setText(QCoreApplication.translate("TableExport", "Export"))
    button.setToolTip(QCoreApplication.translate("TableExport", "Save the rows shown — their filter, sort and columns"))
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    menu.addAction(QCoreApplication.translate("TableExport", "Excel workbook (.xlsx)…"), lambda: ask("xlsx"))
    menu.addAction(QCoreApplication.translate("TableExport", "CSV file (.csv)…"), lambda: ask("csv"))
    button.setMenu(menu)
    return button


def ask_path(parent: QWidget, fmt: str, name: str) -> str | None:
    """The file to export to (None: the user cancelled)."""
    kinds = {"xlsx": QCoreApplication.translate("TableExport", "Excel workbook (*.xlsx)"), "csv": QCoreApplication.translate("TableExport", "CSV file (*.csv)")}
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("TableExport", "Export"), f"{name}.{fmt}", kinds[fmt])
    if not path:
        return None
    return path if path.lower().endswith("." + fmt) else f"{path}.{fmt}"


def cell(column: Column, row: Any, language: str) -> Any:
    """What the cell shows; amounts and counts (right-aligned columns) stay numbers."""
    value = column.value(row)
    if column.align_right and value is not None and not isinstance(value, str):
        return value
    return display_text(value, language)


def export_ids(ctx: AppContext, owner: QObject, path: str | Path,
               ids: Sequence[int] | Callable[[Session], Sequence[int]], columns: Sequence[Column],
               fetch: Callable[[Session, list[int]], list[Any]], on_done: Callable[[int], None],
               on_error: Callable[[BaseException], None]) -> Job:
    """Fetch the rows of ``ids`` by chunks on the executor and write them in that order
    (``ids`` may be a function reading them there: a page still counting its list)."""
    from voronka.views.exports.table import write_table

    read_ids = ids if callable(ids) else None
    ids, columns, language = [] if callable(ids) else list(ids), list(columns), ctx.language

    def work(session: Session) -> int:
        nonlocal ids
        if read_ids is not None:
            ids = list(read_ids(session))

        def rows():
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start:start + CHUNK]
                by_id = {r.id: r for r in fetch(session, chunk)}
                for record_id in chunk:
                    row = by_id.get(record_id)
                    if row is not None:  # deleted since: no longer shown either
                        yield [cell(c, row, language) for c in columns]
        return write_table(path, [c.title for c in columns], rows())

    return ctx.executor.query(work, on_done=on_done, on_error=on_error, owner=owner)


def export_rows(ctx: AppContext, owner: QObject, path: str | Path, headers: Sequence[str],
                rows: list[list[Any]], on_done: Callable[[int], None],
                on_error: Callable[[BaseException], None]) -> Job:
    """Write rows a page already holds (formatted on the UI thread) on the executor."""
    from voronka.views.exports.table import write_table

    headers = list(headers)
    return ctx.executor.submit(lambda _job: write_table(path, headers, rows), on_done=on_done, on_error=on_error,
                               owner=owner)


def exported_text(count: int, path: str | Path) -> str:
    return QCoreApplication.translate("TableExport", "Exported %1 rows to %2").replace("%1", str(count)).replace("%2", str(path))
