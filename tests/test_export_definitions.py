"""Every metric's name, formula and target travel with the report: the PDF ends with what the
metrics mean, the XLSX metrics sheet carries the target as the catalogue writes it, and a
second-edition metric's tooltip in the report view gives its formula and target."""
from __future__ import annotations

import openpyxl
import pypdf
import pytest

from voronka.metrics.catalogue import by_id
from voronka.metrics.periods import parse_period
from voronka.metrics.report_bundle import build_bundle
from voronka.models.loader import load_frames
from voronka.views.exports.xlsx import write_xlsx
from voronka.views.reports.pdf import write_pdf
from report_helpers import build_demo_db

NEW_IDS = ("median_check", "sales_velocity", "mrr", "client_churn_rate", "arpa", "lifetime_months", "clv",
           "reps_at_plan_share", "needed_actions_per_day_sdr")


@pytest.fixture(scope="module")
def month(tmp_path_factory):
    db = build_demo_db(tmp_path_factory.mktemp("definitions"), deals=400)
    try:
        yield build_bundle(load_frames(db, "sales"), parse_period("2026-04"))
    finally:
        db.close()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_pdf_ends_with_each_metrics_formula_and_target(month, tmp_path, qapp, language):
    path = tmp_path / f"m-{language}.pdf"
    write_pdf(month, path, language)
    pages = pypdf.PdfReader(path).pages
    last = " ".join(p.extract_text() for p in pages[-3:]).replace("\t", " ").replace("\n", " ")
    assert "What the metrics mean" in " ".join(" ".join(p.extract_text() for p in pages).split())  # no translator here
    for metric_id in ("mrr", "clv", "reps_at_plan_share"):
        words = by_id(metric_id).formula(language).split()[:3]
        assert " ".join(words) in " ".join(last.split()), (metric_id, words)
    assert "60–75 %" in last


def test_the_xlsx_metrics_sheet_has_formula_and_written_target_of_every_new_metric(month, tmp_path, qapp):
    path = tmp_path / "m.xlsx"
    write_xlsx(month, path, "en")
    rows = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))
    header = next(r for r in rows if r and r[0] == "Metric")
    assert header[6:9] == ("Formula", "Metric id", "Target, as the catalogue writes it")
    by_metric = {r[7]: r for r in rows if r and len(r) > 7 and r[7]}
    for metric_id in NEW_IDS:
        assert by_metric[metric_id][0] == by_id(metric_id).name_en
        assert by_metric[metric_id][6] == by_id(metric_id).formula_en
    assert by_metric["reps_at_plan_share"][8] == "60–75 %"


def test_a_new_metrics_tooltip_gives_its_formula_and_target(month):
    from PySide6.QtCore import Qt

    from voronka.views.exports.sections import metric_lines
    from voronka.views.reports.models import MetricsModel

    model = MetricsModel("ru")
    model.set_lines(metric_lines(month, "ru", "monthly"))
    row = next(i for i in range(model.rowCount()) if model.line(i).id == "reps_at_plan_share")
    tip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert by_id("reps_at_plan_share").formula_ru in tip and "60–75 %" in tip
    row = next(i for i in range(model.rowCount()) if model.line(i).id == "clv")
    assert by_id("clv").formula_ru in model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
