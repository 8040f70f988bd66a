"""The report as a printable PDF: A4 landscape, title, period, as-of time, who exported it,
the metrics with their targets, the charts and the tables.

Laid out with a QTextDocument and painted page by page onto a QPdfWriter, so the page
count is known (``write_pdf`` returns it) and every page gets a footer with the period
and "page n of m". Works offscreen (no window), from the app and from the command line.

Structure: page 1 — title block and the metrics of the period's tab; then the charts,
two to a page; then the tables, each starting on a new page.
"""
from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from voronka.models.clock import local_now
from voronka.views.exports.qt_app import ensure_app
from voronka.views.exports.sections import (TABLES_OF_TAB, as_of_text, metric_lines, period_text, status_text,
                                            tab_of, table, table_title)
from voronka.metrics.formatting import MET_COLOUR, change_text, moment_text, period_name, value_text
from voronka.views.exports.xlsx import tab_title

DOC_DPI = 96  # the document is laid out in screen pixels, then scaled to the writer
FOOTER_PX = 22
CHART_WIDTH_PX = 780
CHART_SIZE = (1100, 450)  # drawn at this size, shown two to a landscape page



def _e(text: Any) -> str:
    return html.escape("" if text is None else str(text))


DEFAULT_PIPELINES = {"sales": QT_TRANSLATE_NOOP("ReportExport", "Sales"),
                     "success": QT_TRANSLATE_NOOP("ReportExport", "Client Success")}


def pipeline_title(bundle: dict[str, Any]) -> str:
    """The pipeline's name as the team calls it (set by whoever exports), never its key when the
    key is one of the default pipelines'."""
    if bundle.get("pipeline_name"):
        return str(bundle["pipeline_name"])
    key = bundle.get("pipeline", "sales")
    return QCoreApplication.translate("ReportExport", DEFAULT_PIPELINES[key]) if key in DEFAULT_PIPELINES else str(key)


def _title_block(bundle: dict[str, Any], exported_by: str | None, exported_at: datetime, language: str) -> str:
    period = bundle["period"]
    tab = tab_of(bundle)
    rows = [
        (QCoreApplication.translate("ReportExport", "Period"), period_text(period, language)),
        (QCoreApplication.translate("ReportExport", "As of"), as_of_text(period, language)),
        (QCoreApplication.translate("ReportExport", "Whose numbers"), bundle.get("owner_name") or QCoreApplication.translate("ReportExport", "the whole team")),
        (QCoreApplication.translate("ReportExport", "Pipeline"), pipeline_title(bundle)),
        (QCoreApplication.translate("ReportExport", "Exported"), moment_text(exported_at, language) + (f" · {exported_by}" if exported_by else "")),
    ]
    cells = "".join(f"<tr><td><b>{_e(k)}</b></td><td>{_e(v)}</td></tr>" for k, v in rows)
    return (f"<h1>Voronka — {_e(tab_title(tab))}</h1>"
            f"<table cellspacing='0' cellpadding='3'>{cells}</table>")


def _metrics_table(bundle: dict[str, Any], language: str) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in (QCoreApplication.translate("ReportExport", "Metric"), QCoreApplication.translate("ReportExport", "Value"), QCoreApplication.translate("ReportExport", "Target"), QCoreApplication.translate("ReportExport", "Met?"),
                                                 QCoreApplication.translate("ReportExport", "Previous period"), QCoreApplication.translate("ReportExport", "Change")))
    body, currency = [], bundle.get("currency") or "RUB"
    for line in metric_lines(bundle, language):
        colour = MET_COLOUR.get(line.met, "#222222")
        met = status_text(line, language)
        target = line.target_shown  # a band whole ("60–75 %"), never its lower bound alone
        body.append(
            f"<tr><td>{_e(line.name)}</td>"
            # the colour on the text, not the cell: a coloured cell draws its border in that colour too
            f"<td align='right'><b><span style='color:{colour}'>{_e(value_text(line.value, line.kind, language, currency))}"
            f"</span></b></td>"
            f"<td align='right'>{_e(target)}</td>"
            f"<td><span style='color:{colour}'>{_e(met)}</span></td>"
            f"<td align='right'>{_e(value_text(line.previous, line.kind, language, currency))}</td>"
            f"<td align='right'>{_e(change_text(line.change, line.kind, language))}</td></tr>")
    title = QCoreApplication.translate("ReportExport", "Metrics")
    return (f"<h2>{_e(title)}</h2>"
            f"<table class='grid' width='100%' cellspacing='0' cellpadding='2'><tr>{head}</tr>{''.join(body)}</table>")


def _definitions(bundle: dict[str, Any], language: str) -> str:
    """What each metric of the report means: its name, formula and target as the catalogue writes them."""
    head = "".join(f"<th>{_e(h)}</th>" for h in (QCoreApplication.translate("ReportExport", "Metric"),
                                                 QCoreApplication.translate("ReportExport", "Formula"),
                                                 QCoreApplication.translate("ReportExport", "Target")))
    body = "".join(f"<tr><td>{_e(line.name)}</td><td>{_e(line.formula)}</td><td>{_e(line.target_text)}</td></tr>"
                   for line in metric_lines(bundle, language))
    title = QCoreApplication.translate("ReportExport", "What the metrics mean")
    return (f"<h2 style='page-break-before: always;'>{_e(title)}</h2>"
            f"<table class='grid small' width='100%' cellspacing='0' cellpadding='2'><tr>{head}</tr>{body}</table>")


def _report_table(bundle: dict[str, Any], key: str, language: str) -> str:
    columns, rows = table(bundle, key, language)
    if not columns:
        return ""
    head = "".join(f"<th>{_e(c.title_text())}</th>" for c in columns)
    body, currency = [], bundle.get("currency") or "RUB"
    for row in rows:
        cells = []
        for c in columns:
            value = row.get(c.key)
            if c.kind == "text":
                cells.append(f"<td>{_e(value)}</td>")
            else:
                cells.append(f"<td align='right'>{_e(value_text(value, c.kind, language, currency))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    if not rows:
        empty = QCoreApplication.translate("ReportExport", "No rows for this period.")
        body.append(f"<tr><td colspan='{len(columns)}'>{_e(empty)}</td></tr>")
    return (f"<h2 style='page-break-before: always'>{_e(table_title(key))}</h2>"
            f"<table class='grid small' width='100%' cellspacing='0' cellpadding='2'><tr>{head}</tr>"
            f"{''.join(body)}</table>")


STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 8pt; color: #222; }
h1 { font-size: 15pt; margin-bottom: 4px; }
h2 { font-size: 12pt; margin-top: 10px; margin-bottom: 4px; }
table.grid { border-collapse: collapse; border: 1px solid #999; }
table.grid th { background: #e8edf5; border: 1px solid #999; font-weight: bold; }
table.grid td { border: 1px solid #ccc; }
table.small { font-size: 7pt; }
"""


def build_document(bundle: dict[str, Any], language: str, exported_by: str | None, exported_at: datetime,
                   charts: dict[str, QImage]) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultStyleSheet(STYLE)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(8)
    doc.setDefaultFont(font)
    parts = [_title_block(bundle, exported_by, exported_at, language), _metrics_table(bundle, language)]
    for n, (chart_id, image) in enumerate(charts.items()):
        url = QUrl(f"chart://{chart_id}")
        doc.addResource(QTextDocument.ResourceType.ImageResource, url, image)
        width = CHART_WIDTH_PX
        height = int(image.height() * width / max(1, image.width()))
        breaker = " page-break-before: always;" if n % 2 == 0 else ""
        parts.append(f"<p align='center' style='margin: 0;{breaker}'><img src='chart://{chart_id}' width='{width}' height='{height}'></p>")
    for key in TABLES_OF_TAB[tab_of(bundle)] + tuple(k for k in ("sources", "cohorts", "revenue_by_month", "reps",
                                                               "plan_decomposition")
                                                     if k not in TABLES_OF_TAB[tab_of(bundle)]):
        parts.append(_report_table(bundle, key, language))
    parts.append(_definitions(bundle, language))
    doc.setHtml("<html><body>" + "".join(parts) + "</body></html>")
    return doc


def chart_images(bundle: dict[str, Any], language: str) -> dict[str, QImage]:
    """The charts of the period's tab, drawn offscreen."""
    from .charts import charts_for

    from .png import render_chart

    return {spec.id: render_chart(bundle, spec.id, language, CHART_SIZE) for spec in charts_for(tab_of(bundle))}


PAGE_LAYOUT = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                          QMarginsF(12, 12, 12, 10), QPageLayout.Unit.Millimeter)


class _Pages:
    """The report laid out for A4 landscape at a resolution: the document and its page size."""

    def __init__(self, bundle: dict[str, Any], language: str, resolution: int, exported_by: str | None,
                 exported_at: datetime | None, charts: dict[str, QImage] | None):
        ensure_app(language)
        self.bundle, self.language = bundle, language
        exported_at = exported_at or local_now()  # team time, and the screenshots' fixed clock
        if charts is None:
            charts = chart_images(bundle, language)
        self.scale = resolution / DOC_DPI
        paint = PAGE_LAYOUT.paintRectPixels(resolution)
        self.page_w, self.page_h = paint.width() / self.scale, paint.height() / self.scale - FOOTER_PX
        self.doc = build_document(bundle, language, exported_by, exported_at, charts)
        self.doc.setPageSize(QSizeF(self.page_w, self.page_h))
        self.count = self.doc.pageCount()

    def paint(self, painter: QPainter, page: int) -> None:
        """Draw one page (its content and the footer) with the painter at the page's corner."""
        page_w, page_h = self.page_w, self.page_h
        painter.save()
        painter.scale(self.scale, self.scale)
        painter.translate(0, -page * page_h)
        self.doc.drawContents(painter, QRectF(0, page * page_h, page_w, page_h))
        painter.restore()
        painter.save()
        painter.scale(self.scale, self.scale)
        footer_font = QFont("DejaVu Sans")
        footer_font.setPixelSize(9)  # document pixels: the painter is scaled to the page
        painter.setFont(footer_font)
        period = self.bundle["period"]
        as_of_word = QCoreApplication.translate("ReportExport", "as of")
        footer = (f"Voronka · {period_name(period, self.language)} · {as_of_word} {as_of_text(period, self.language)} · "
                  + QCoreApplication.translate("ReportExport", "page %1 of %2").replace("%1", str(page + 1))
                  .replace("%2", str(self.count)))
        painter.drawText(QRectF(0, page_h + 4, page_w, FOOTER_PX - 4),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), footer)
        painter.restore()


def write_pdf(bundle: dict[str, Any], target: str | Path | IO[bytes], language: str = "ru",
              exported_by: str | None = None, exported_at: datetime | None = None,
              charts: dict[str, QImage] | None = None) -> int:
    """Write the report as an A4 landscape PDF; returns the number of pages."""
    ensure_app(language)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(f"Voronka — {tab_title(tab_of(bundle))} · {period_name(bundle['period'], language)}")
    writer.setCreator("Voronka")
    writer.setResolution(300)
    writer.setPageLayout(PAGE_LAYOUT)
    pages = _Pages(bundle, language, writer.resolution(), exported_by, exported_at, charts)
    painter = QPainter(writer)
    try:
        for page in range(pages.count):
            if page:
                writer.newPage()
            pages.paint(painter, page)
    finally:
        painter.end()
    buffer.close()
    content = bytes(data.data())
    if isinstance(target, (str, Path)):
        Path(target).write_bytes(content)
    else:
        target.write(content)
    return pages.count


def page_image(bundle: dict[str, Any], page: int = 0, language: str = "ru", resolution: int = 110,
               exported_by: str | None = None, exported_at: datetime | None = None) -> QImage:
    """One page of the PDF drawn into an image, margins included (the screenshots in docs/)."""
    pages = _Pages(bundle, language, resolution, exported_by, exported_at, None)
    full, paint = PAGE_LAYOUT.fullRectPixels(resolution), PAGE_LAYOUT.paintRectPixels(resolution)
    image = QImage(full.width(), full.height(), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(paint.left(), paint.top())
        pages.paint(painter, min(page, pages.count - 1))
    finally:
        painter.end()
    return image
