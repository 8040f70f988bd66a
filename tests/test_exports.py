"""Exports of the report shown: XLSX with the metric values, a printable PDF, chart PNGs,
CSV; the same from the command line; every export from the view is kept as a snapshot."""
from __future__ import annotations

import io

import openpyxl
import pypdf
import pytest

from voronka.desktop.cli import main as cli
from voronka.metrics.report_bundle import build_bundle
from voronka.views.reports.pdf import write_pdf
from voronka.views.reports.png import write_png
from voronka.views.exports.xlsx import write_xlsx
from voronka.metrics.periods import parse_period
from voronka.models.loader import load_frames
from voronka.models.services.snapshots import snapshot_report, snapshot_rows
from report_helpers import build_demo_db, make_ctx, user_with_role
from voronka.views.reports.background import running_tasks


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = build_demo_db(tmp_path_factory.mktemp("exports"))
    yield db
    db.close()


@pytest.fixture(scope="module")
def month(demo):
    return build_bundle(load_frames(demo, "sales"), parse_period("2026-05"))


@pytest.fixture(scope="module")
def week(demo):
    return build_bundle(load_frames(demo, "sales"), parse_period("2026-W19"))


def metric_cells(path) -> dict[str, tuple]:
    """metric id → (value, target, met) from the first sheet of an exported workbook."""
    ws = openpyxl.load_workbook(path)[openpyxl.load_workbook(path).sheetnames[0]]
    rows = list(ws.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[0] == "Metric")
    return {r[7]: (r[1], r[2], r[3]) for r in rows[head + 1:] if r[7]}


def test_xlsx_has_every_metric_value_of_the_tab(month, tmp_path, qapp):
    path = tmp_path / "month.xlsx"
    write_xlsx(month, path, "en", exported_by="Helen")
    cells = metric_cells(path)
    from voronka.metrics.catalogue import CATALOGUE

    monthly = [m.id for m in CATALOGUE if "monthly" in m.reports]
    assert list(cells) == monthly
    for mid in monthly:
        value = month["metrics"][mid]
        assert cells[mid][0] == (pytest.approx(value) if value is not None else None), mid
    met = cells["conv_reply"][2]
    assert met.endswith("met") or met.endswith("missed")  # a word beside the colour


def test_xlsx_has_a_sheet_per_table_with_frozen_headers_and_native_charts(week, tmp_path, qapp):
    path = tmp_path / "week.xlsx"
    write_xlsx(week, path, "en")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:7] == ["Weekly report", "Stages", "People", "Lost reasons", "Sources", "Cohorts",
                                 "Revenue by month"]
    assert "Charts" in wb.sheetnames and any(name.startswith("Trend") for name in wb.sheetnames)
    assert wb["Stages"].freeze_panes == "B2"
    ratio_cell = wb["Stages"]["E2"]  # win rate
    assert ratio_cell.number_format == "0.0%"
    import zipfile

    with zipfile.ZipFile(path) as z:
        assert sum(n.startswith("xl/charts/chart") for n in z.namelist()) >= 4


def test_pdf_has_the_expected_pages_and_the_period(month, tmp_path, qapp):
    path = tmp_path / "month.pdf"
    pages = write_pdf(month, path, "en", exported_by="Helen Head")
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == pages
    # metrics (2 pages), charts two to a page (4 charts: 2), then one page per table at least
    assert pages >= 2 + 2 + 5
    first = reader.pages[0].extract_text().replace("\t", " ")
    assert "May 2026" in first and "31 May 2026, 23:59" in first
    assert "Helen Head" in first and "As of" in first
    assert f"page 1 of {pages}" in first
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape A4


def test_png_of_a_chart(week, tmp_path, qapp):
    path = tmp_path / "conversions.png"
    write_png(week, "conversions", path, "en")
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    assert QImage(str(path)).width() == 1200


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_command_line_writes_xlsx_and_pdf_and_keeps_a_snapshot(demo, tmp_path, fmt):
    before = len(demo.run(snapshot_rows))
    out = tmp_path / f"report.{fmt}"
    code = cli(["report", "--db", demo.location, "--period", "2026-05", "--format", fmt, "--out", str(out),
                "--lang", "en"])
    assert code == 0
    if fmt == "xlsx":
        assert "Monthly report" in openpyxl.load_workbook(out).sheetnames
    else:
        text = pypdf.PdfReader(out).pages[0].extract_text()
        assert "May\t2026" in text or "May 2026" in text
    rows = demo.run(snapshot_rows)
    assert len(rows) == before + 1
    newest = max(rows, key=lambda r: r.id)
    assert (newest.format, newest.period_label) == (fmt, "2026-05")
    # The command line knows no team member and no longer writes the computer's login name.
    assert newest.user_id is None and newest.who is None
    kept = demo.run(snapshot_report, newest.id)
    assert kept["previous"]["period"]["label"] == "2026-04"


def test_command_line_xlsx_is_the_views_export_with_change_and_trend(demo, week, tmp_path):
    out = tmp_path / "week.xlsx"
    assert cli(["report", "--db", demo.location, "--period", "2026-W19", "--format", "xlsx", "--out", str(out),
                "--lang", "en"]) == 0
    wb = openpyxl.load_workbook(out)
    assert any(name.startswith("Trend") for name in wb.sheetnames)  # the 12-week history
    rows = list(wb[wb.sheetnames[0]].iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[0] == "Metric")
    previous = {r[7]: r[4] for r in rows[head + 1:] if r[7]}
    assert previous["sales_actions"] == week["previous"]["metrics"]["sales_actions"]  # the change column


def test_command_line_json_and_csv_leave_the_database_untouched(demo, tmp_path):
    before = len(demo.run(snapshot_rows))
    assert cli(["report", "--db", demo.location, "--period", "2026-05", "--format", "json",
                "--out", str(tmp_path / "r.json")]) == 0
    assert len(demo.run(snapshot_rows)) == before


def test_command_line_refuses_a_bad_period_and_writes_nothing(demo, tmp_path, capsys):
    out = tmp_path / "bad.pdf"
    assert cli(["report", "--db", demo.location, "--period", "2026-13", "--format", "pdf", "--out", str(out)]) == 2
    assert not out.exists()
    assert "2026-13" in capsys.readouterr().err


@pytest.fixture
def page(demo, tmp_path, qtbot):
    from voronka.views.reports.page import ReportsPage

    ctx = make_ctx(demo, tmp_path, user_with_role(demo, "head_of_sales"))
    widget = ReportsPage(ctx)
    qtbot.addWidget(widget)
    widget.controller.set_period(parse_period("2026-05"))
    qtbot.waitUntil(lambda: not widget.controller.is_busy() and widget.controller.current_bundle() is not None, timeout=20000)
    yield widget
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=20000)


@pytest.mark.parametrize("fmt", ["xlsx", "pdf", "csv", "json", "png"])
def test_view_export_writes_the_file_and_keeps_a_snapshot(page, qtbot, tmp_path, fmt):
    path = tmp_path / f"export.{fmt}"
    before = len(page.ctx.query(snapshot_rows))
    with qtbot.waitSignal(page.exported, timeout=30000):
        page.controller.export(fmt, path, "funnel" if fmt == "png" else None)
    assert path.exists() and path.stat().st_size > 0
    rows = page.ctx.query(snapshot_rows)
    assert len(rows) == before + 1
    newest = rows[0]
    assert (newest.format, newest.period_label, newest.user_name) == (fmt, "2026-05", page.controller.exported_by())
    kept = page.ctx.query(snapshot_report, newest.id)
    assert kept["metrics"] == page.controller.current_bundle()["metrics"] and "previous" in kept
    if fmt == "xlsx":
        assert metric_cells(path)["revenue"][0] == pytest.approx(kept["metrics"]["revenue"])
    if fmt == "csv":
        assert "revenue," in path.read_text("utf-8")


def test_export_in_russian_names_metrics_in_russian(month, tmp_path, qapp):
    out = io.BytesIO()
    write_xlsx(month, out, "ru")
    ws = openpyxl.load_workbook(io.BytesIO(out.getvalue())).worksheets[0]
    names = [row[0] for row in ws.iter_rows(values_only=True)]
    assert "Доход" in names
