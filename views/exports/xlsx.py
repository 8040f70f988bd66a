"""The report as an Excel workbook (XlsxWriter): one sheet per report tab and per table,
numbers stored as numbers with money/percent/day formats, frozen header rows, filters,
and the charts as native Excel charts on their own sheet.

Sheets: the period's tab (metrics: value, target, met, previous, change, formula), then
Stages, People, Lost reasons, Sources, Cohorts, Revenue by month, Reps side by side,
Plan through the funnel, the trend (weeks or days, when the bundle has one) and Charts. A missing value is an empty cell, never 0.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import IO, Any

import xlsxwriter
from PySide6.QtCore import QCoreApplication

from voronka.models.formula_guard import XLSX_OPTIONS

from .sections import TABLE_COLUMNS, as_of_text, metric_lines, period_text, status_text, tab_of, table, table_title
from voronka.metrics.catalogue import band_of
from voronka.metrics.formatting import currency_sign, excel_format, is_missing, period_name

TABLE_ORDER = ("stages", "users", "lost_reasons", "sources", "cohorts", "revenue_by_month", "reps",
               "plan_decomposition")
MAX_NAME = 31  # Excel's limit on a sheet name



def tab_title(tab: str) -> str:
    return {"monthly": QCoreApplication.translate("ReportExport", "Monthly report"), "weekly": QCoreApplication.translate("ReportExport", "Weekly report"), "daily": QCoreApplication.translate("ReportExport", "Daily report")}[tab]


class _Book:
    """A workbook with the report's formats."""

    def __init__(self, target: str | IO[bytes], language: str = "ru", currency: str | None = "RUB"):
        # every string is written as a string, never as a formula or a link (user text is data)
        options = {"in_memory": True, "nan_inf_to_errors": True, "remove_timezone": True, **XLSX_OPTIONS}
        self.wb = xlsxwriter.Workbook(target, options)
        self.bold = self.wb.add_format({"bold": True})
        self.title = self.wb.add_format({"bold": True, "font_size": 14})
        self.head = self.wb.add_format({"bold": True, "bg_color": "#e8edf5", "border": 1, "text_wrap": True,
                                        "valign": "top"})
        # numbers stay numbers; the format shows their unit (₽, дн., ×) in the report's language
        formats = {k: excel_format(k, language, currency) for k in ("money", "ratio", "count", "days", "times", "number")}
        self.num = {k: self.wb.add_format({"num_format": f}) for k, f in formats.items()}
        self.num_bold = {k: self.wb.add_format({"num_format": f, "bold": True}) for k, f in formats.items()}
        self.met = {True: self.wb.add_format({"font_color": "#1b7f3b", "bold": True}),
                    False: self.wb.add_format({"font_color": "#b3261e", "bold": True})}
        self.change = self.wb.add_format({"num_format": excel_format("change", language)})
        self.points = self.wb.add_format({"num_format": excel_format("points", language)})
        self.wrap = self.wb.add_format({"text_wrap": True, "valign": "top"})
        self.right = self.wb.add_format({"align": "right"})
        self.names: set[str] = set()
        self.language = language

    def sheet(self, name: str):
        name = name.replace("/", "-")[:MAX_NAME]
        base, n = name, 2
        while name.lower() in self.names:
            name = f"{base[:MAX_NAME - 3]} {n}"
            n += 1
        self.names.add(name.lower())
        return self.wb.add_worksheet(name)

    def value(self, ws, row: int, col: int, value: Any, kind: str, bold: bool = False) -> None:
        if is_missing(value):
            ws.write_blank(row, col, None)
        elif kind == "text" or isinstance(value, str):
            ws.write_string(row, col, str(value))
        else:
            ws.write_number(row, col, float(value), (self.num_bold if bold else self.num).get(kind, self.num["number"]))


def _header(book: _Book, ws, bundle: dict[str, Any], title: str, exported_by: str | None) -> int:
    period = bundle["period"]
    ws.write(0, 0, title, book.title)
    ws.write(1, 0, QCoreApplication.translate("ReportExport", "Period"), book.bold)
    ws.write(1, 1, period_text(period, book.language))
    ws.write(2, 0, QCoreApplication.translate("ReportExport", "As of"), book.bold)
    ws.write(2, 1, as_of_text(period, book.language))
    ws.write(3, 0, QCoreApplication.translate("ReportExport", "Whose numbers"), book.bold)
    ws.write(3, 1, bundle.get("owner_name") or QCoreApplication.translate("ReportExport", "the whole team"))
    row = 4
    if exported_by:
        ws.write(row, 0, QCoreApplication.translate("ReportExport", "Exported by"), book.bold)
        ws.write(row, 1, exported_by)
        row += 1
    return row + 1


def _metrics_sheet(book: _Book, bundle: dict[str, Any], language: str, exported_by: str | None) -> None:
    tab = tab_of(bundle)
    ws = book.sheet(tab_title(tab))
    start = _header(book, ws, bundle, tab_title(tab), exported_by)
    headers = [QCoreApplication.translate("ReportExport", "Metric"), QCoreApplication.translate("ReportExport", "Value"), QCoreApplication.translate("ReportExport", "Target"), QCoreApplication.translate("ReportExport", "Met?"), QCoreApplication.translate("ReportExport", "Previous period"), QCoreApplication.translate("ReportExport", "Change"),
               QCoreApplication.translate("ReportExport", "Formula"), QCoreApplication.translate("ReportExport", "Metric id"),
               QCoreApplication.translate("ReportExport", "Target, as the catalogue writes it")]
    ws.write_row(start, 0, headers, book.head)
    ws.freeze_panes(start + 1, 1)
    row = start
    for row, line in enumerate(metric_lines(bundle, language, tab), start + 1):
        ws.write_string(row, 0, line.name)
        book.value(ws, row, 1, line.value, line.kind, bold=True)
        if band_of(line.id, line.target) is not None:  # a band is two numbers: written as the band
            ws.write_string(row, 2, line.target_shown, book.right)
        else:
            book.value(ws, row, 2, line.target, line.kind)
        if line.met is not None:
            ws.write_string(row, 3, status_text(line, language), book.met[line.met])
        elif line.in_progress or line.above_band:  # neither ✔ nor ✖: no colour
            ws.write_string(row, 3, status_text(line, language))
        book.value(ws, row, 4, line.previous, line.kind)
        if line.change is not None:
            if line.kind == "ratio":
                ws.write_number(row, 5, line.change * 100, book.points)
            else:
                ws.write_number(row, 5, line.change, book.change)
        ws.write_string(row, 6, line.formula)
        ws.write_string(row, 7, line.id)
        if line.target_text:
            ws.write_string(row, 8, line.target_text)
    ws.autofilter(start, 0, max(row, start), len(headers) - 1)
    ws.set_column(0, 0, 44)
    ws.set_column(1, 5, 16)
    ws.set_column(6, 6, 70)
    ws.set_column(7, 7, 24)
    ws.set_column(8, 8, 28)


def _table_sheet(book: _Book, key: str, bundle: dict[str, Any], language: str) -> tuple[str, int, list[str]] | None:
    columns, rows = table(bundle, key, language)
    if not columns:
        return None
    ws = book.sheet(table_title(key))
    ws.write_row(0, 0, [c.title_text() for c in columns], book.head)
    ws.freeze_panes(1, 1)
    for r, row in enumerate(rows, 1):
        for c, col in enumerate(columns):
            book.value(ws, r, c, row.get(col.key), col.kind)
    ws.autofilter(0, 0, max(len(rows), 1), len(columns) - 1)
    for c, col in enumerate(columns):
        ws.set_column(c, c, 34 if c == 0 else (28 if col.kind == "text" else 14))
    ws.set_row(0, 32)
    return ws.get_name(), len(rows), [c.key for c in columns]


def _history_sheet(book: _Book, bundle: dict[str, Any], language: str) -> tuple[str, int, list[str]] | None:
    from voronka.metrics.catalogue import by_id

    history = bundle.get("history") or []
    if not history:
        return None
    ids = list(history[0]["metrics"])
    people = [u["name"] for u in history[-1].get("users", []) if u.get("name")]
    ws = book.sheet(QCoreApplication.translate("ReportExport", "Trend") + " (" + (QCoreApplication.translate("ReportExport", "weeks") if bundle["period"]["kind"] == "week" else QCoreApplication.translate("ReportExport", "days")) + ")")
    head = [QCoreApplication.translate("ReportExport", "Period")] + [by_id(i).name(language) for i in ids] + [QCoreApplication.translate("ReportExport", "Sales actions") + f": {p}" for p in people]
    ws.write_row(0, 0, head, book.head)
    ws.freeze_panes(1, 1)
    for r, point in enumerate(history, 1):
        ws.write_string(r, 0, period_name(point["label"], language))
        for c, mid in enumerate(ids, 1):
            book.value(ws, r, c, point["metrics"].get(mid), by_id(mid).kind)
        by_name = {u.get("name"): u for u in point.get("users", [])}
        for c, name in enumerate(people, 1 + len(ids)):
            book.value(ws, r, c, (by_name.get(name) or {}).get("sales_actions"), "count")
    ws.set_column(0, 0, 34 if bundle["period"]["kind"] == "week" else 18)
    ws.set_column(1, len(head), 16)
    ws.set_row(0, 45)
    return ws.get_name(), len(history), ids + [f"people:{p}" for p in people]


def _charts_sheet(book: _Book, placed: dict[str, tuple[str, int, list[str]]], bundle: dict[str, Any]) -> None:
    """Native Excel charts drawn from the table sheets."""
    ws = book.sheet(QCoreApplication.translate("ReportExport", "Charts"))
    anchor = 1

    def place(chart) -> None:
        nonlocal anchor
        chart.set_size({"width": 900, "height": 380})
        ws.insert_chart(anchor, 1, chart)
        anchor += 20

    def col_of(keys: list[str], key: str) -> int | None:
        return keys.index(key) if key in keys else None

    if "stages" in placed:
        name, n, keys = placed["stages"]
        c = col_of(keys, "reached_count")
        if c is not None and n:
            chart = book.wb.add_chart({"type": "bar"})
            chart.add_series({"name": QCoreApplication.translate("ReportExport", "Deals reaching the stage"),
                              "categories": [name, 1, 0, n, 0], "values": [name, 1, c, n, c],
                              "data_labels": {"value": True}, "fill": {"color": "#3f6fb5"}})
            chart.set_title({"name": QCoreApplication.translate("ReportExport", "Funnel: deals reaching each stage in the period")})
            chart.set_y_axis({"reverse": True})
            chart.set_x_axis({"name": QCoreApplication.translate("ReportExport", "deals")})
            chart.set_legend({"none": True})
            place(chart)
    if "revenue_by_month" in placed:
        name, n, keys = placed["revenue_by_month"]
        chart = book.wb.add_chart({"type": "line"})
        for key, title, colour in (("revenue_ytd", QCoreApplication.translate("ReportExport", "Fact, cumulative"), "#3f6fb5"),
                                   ("plan_ytd", QCoreApplication.translate("ReportExport", "Plan, cumulative"), "#c0392b")):
            c = col_of(keys, key)
            if c is not None:
                chart.add_series({"name": title, "categories": [name, 1, 0, n, 0], "values": [name, 1, c, n, c],
                                  "line": {"color": colour, "width": 2.25}})
        c = col_of(keys, "revenue")
        if c is not None:
            column = book.wb.add_chart({"type": "column"})
            column.add_series({"name": QCoreApplication.translate("ReportExport", "Revenue of the month"), "categories": [name, 1, 0, n, 0],
                               "values": [name, 1, c, n, c], "fill": {"color": "#9fb7dc"}})
            chart.combine(column)
        chart.set_title({"name": QCoreApplication.translate("ReportExport", "Revenue: fact vs plan")})
        chart.set_y_axis({"name": currency_sign(bundle.get("currency")), "num_format": "#,##0"})
        chart.set_x_axis({"name": QCoreApplication.translate("ReportExport", "month")})
        place(chart)
    if "users" in placed:
        name, n, keys = placed["users"]
        c = col_of(keys, "actions_per_day")
        if c is not None and n:
            chart = book.wb.add_chart({"type": "column"})
            chart.add_series({"name": QCoreApplication.translate("ReportExport", "Sales actions per working day"), "categories": [name, 1, 0, n, 0],
                              "values": [name, 1, c, n, c], "data_labels": {"value": True, "num_format": "0"}})
            chart.set_title({"name": QCoreApplication.translate("ReportExport", "Sales actions per person per day (targets: SDR 30, AE 15)")})
            chart.set_y_axis({"name": QCoreApplication.translate("ReportExport", "actions per day")})
            chart.set_legend({"none": True})
            place(chart)
    if "lost_reasons" in placed:
        name, n, keys = placed["lost_reasons"]
        c = col_of(keys, "count")
        if c is not None and n:
            chart = book.wb.add_chart({"type": "bar"})
            chart.add_series({"name": QCoreApplication.translate("ReportExport", "Deals lost"), "categories": [name, 1, 0, n, 0], "values": [name, 1, c, n, c],
                              "data_labels": {"value": True}, "fill": {"color": "#c0392b"}})
            chart.set_title({"name": QCoreApplication.translate("ReportExport", "Lost reasons")})
            chart.set_y_axis({"reverse": True})
            chart.set_legend({"none": True})
            place(chart)
    if "history" in placed:
        name, n, keys = placed["history"]
        chart = book.wb.add_chart({"type": "line"})
        for key in ("conv_reply", "conv_positive", "conv_demo", "conv_client"):
            c = col_of(keys, key)
            if c is not None:
                chart.add_series({"name": [name, 0, c + 1],
                                  "categories": [name, 1, 0, n, 0], "values": [name, 1, c + 1, n, c + 1]})
        chart.set_title({"name": QCoreApplication.translate("ReportExport", "Conversions by period")})
        chart.set_y_axis({"num_format": "0%"})
        place(chart)


def write_xlsx(bundle: dict[str, Any], target: str | Path | IO[bytes], language: str = "ru",
               exported_by: str | None = None) -> None:
    """Write the report bundle as a workbook to a path or a binary stream."""
    buffer = io.BytesIO()
    book = _Book(buffer, language, bundle.get("currency") or "RUB")
    _metrics_sheet(book, bundle, language, exported_by)
    placed: dict[str, tuple[str, int, list[str]]] = {}
    for key in TABLE_ORDER:
        if key in TABLE_COLUMNS and bundle.get(key) is not None:
            result = _table_sheet(book, key, bundle, language)
            if result:
                placed[key] = result
    history = _history_sheet(book, bundle, language)
    if history:
        placed["history"] = history
    _charts_sheet(book, placed, bundle)
    book.wb.close()
    data = buffer.getvalue()
    if isinstance(target, (str, Path)):
        Path(target).write_bytes(data)
    else:
        target.write(data)
