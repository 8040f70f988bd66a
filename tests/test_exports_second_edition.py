"""The second edition's tables and metrics in the exports: XLSX sheets, PDF sections, CSV rows,
and a quarter's report from the command line."""
from __future__ import annotations

import csv
import io
import json

import openpyxl
import pypdf
import pytest

from voronka.desktop.cli import main as cli
from voronka.metrics.report_bundle import build_bundle
from voronka.views.reports.pdf import write_pdf
from voronka.views.exports.xlsx import write_xlsx
from voronka.metrics.catalogue import CATALOGUE
from voronka.metrics.periods import parse_period
from voronka.models.loader import load_frames
from report_helpers import build_demo_db

NEW_IDS = ("median_check", "median_check_ytd", "sales_velocity", "mrr", "mrr_new", "mrr_churned", "clients_active",
           "client_churn_rate", "arpa", "lifetime_months", "clv", "reps_at_plan_share", "needed_actions_per_day_sdr")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = build_demo_db(tmp_path_factory.mktemp("exports2"))
    yield db
    db.close()


@pytest.fixture(scope="module")
def quarter(demo):
    return build_bundle(load_frames(demo, "sales"), parse_period("2026-Q1"))


def test_the_demo_quarter_has_recurring_revenue_reps_and_a_plan_read_backwards(quarter):
    m = quarter["metrics"]
    for mid in ("mrr", "clients_active", "arpa", "lifetime_months", "clv", "median_check", "sales_velocity"):
        assert m[mid] is not None and m[mid] > 0, mid
    assert quarter["reps"][-1]["name"] is None and len(quarter["reps"]) > 2
    assert quarter["plan_decomposition"][-1]["stage"] == "signed"
    assert quarter["plan_decomposition"][-1]["needed"] is not None


def test_xlsx_has_the_reps_and_plan_sheets_and_every_new_metric(quarter, tmp_path, qapp):
    path = tmp_path / "q.xlsx"
    write_xlsx(quarter, path, "en")
    wb = openpyxl.load_workbook(path)
    assert {"Reps side by side", "Plan through the funnel"} <= set(wb.sheetnames)
    reps = list(wb["Reps side by side"].iter_rows(values_only=True))
    assert reps[0][:3] == ("Person", "Role", "Deals taken into work this year")
    assert reps[-1][0] == "Team median" and len(reps) == len(quarter["reps"]) + 1
    plan = list(wb["Plan through the funnel"].iter_rows(values_only=True))
    assert plan[0] == ("Stage", "Needed this period", "Reached this period", "Gap")
    assert plan[-1][0] == "Signed" and plan[-1][1] == quarter["plan_decomposition"][-1]["needed"]
    ids = [r[7] for r in wb[wb.sheetnames[0]].iter_rows(values_only=True)]
    assert set(NEW_IDS) <= set(ids)


def test_pdf_has_the_reps_and_plan_sections(quarter, tmp_path, qapp):
    path = tmp_path / "q.pdf"
    write_pdf(quarter, path, "en")
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages).replace("\t", " ").replace("\n", " ")
    assert "Reps side by side" in text and "Plan through the funnel" in text and "Team median" in text
    assert "Monthly recurring revenue" in text and "CLV" in text


def test_command_line_quarter_json_and_csv_have_every_second_edition_id(demo, tmp_path, capsys):
    path = tmp_path / "q.json"
    url = str(demo.engine.url.database)
    assert cli(["report", "--db", url, "--period", "2026-Q1", "--format", "json", "--out", str(path)]) == 0
    report = json.loads(path.read_text("utf-8"))
    assert report["period"]["kind"] == "quarter"
    assert set(NEW_IDS) <= set(report["metrics"]) and {"reps", "plan_decomposition"} <= set(report)
    assert cli(["report", "--db", url, "--period", "2026", "--format", "csv", "--out", "-", "--lang", "ru"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    by_id = {r[0]: r for r in rows[1:]}
    assert [r[0] for r in rows[1:]] == [m.id for m in CATALOGUE]
    assert by_id["mrr"][1] == "MRR" and by_id["clv"][1] == "Ценность клиента" and by_id["mrr"][2]
    assert by_id["reps_at_plan_share"][3] == "0.6"
