"""The report's files, written the same way by ``voronka report`` and by the report view's Export.

Both hand ``report_bytes`` the same bundle (``voronka.metrics.report_bundle``: the report,
the previous period for the change column, the trend history for the charts). JSON and
CSV are plain data (``voronka.metrics.report_files``); XLSX, PDF and PNG carry translated
titles and Qt-drawn pages and charts, so they need a Qt application (the command line
gets an offscreen one). "Exported by" is who exported: the app's chosen person; the command
line names nobody (who "I" am is a per-laptop setting of the app, and the operating system's
login name is not a person of the team).
"""
from __future__ import annotations

import io
from typing import Any

from voronka.metrics.report_files import write_csv, write_json
from voronka.views.exports.qt_app import ensure_app
from voronka.views.exports.sections import tab_of
from voronka.views.exports.xlsx import write_xlsx

from .pdf import write_pdf
from .png import write_png

FORMATS = ("json", "csv", "xlsx", "pdf", "png")
DRAWN = frozenset({"pdf", "png"})  # painted by Qt: the app writes them on the UI thread


def report_bytes(fmt: str, bundle: dict[str, Any], language: str, exported_by: str | None = None,
                 chart_id: str | None = None) -> bytes:
    """The report as the content of a ``fmt`` file (``chart_id``: which chart a PNG shows)."""
    if fmt == "json":
        return write_json(bundle, language)
    if fmt == "csv":
        return write_csv(bundle, language)
    ensure_app(language)  # translations of sheet and column titles, and Qt to draw with
    out = io.BytesIO()
    if fmt == "xlsx":
        write_xlsx(bundle, out, language, exported_by=exported_by)
    elif fmt == "pdf":
        write_pdf(bundle, out, language, exported_by=exported_by)
    elif fmt == "png":
        from .charts import charts_for  # pyqtgraph: only when a chart is asked for

        write_png(bundle, chart_id or charts_for(tab_of(bundle))[0].id, out, language)
    else:
        raise ValueError(f"unknown report format {fmt!r}")
    return out.getvalue()


def xlsx_report(bundle: dict[str, Any], language: str) -> bytes:
    return report_bytes("xlsx", bundle, language, exported_by=bundle.get("exported_by"))


def pdf_report(bundle: dict[str, Any], language: str) -> bytes:
    return report_bytes("pdf", bundle, language, exported_by=bundle.get("exported_by"))
