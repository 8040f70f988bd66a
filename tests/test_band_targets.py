"""A band target (reps at plan 60–75 %, companies in work 150–200 per SDR, 75–125 per AE) is
shown as its band everywhere a target is shown — the report view, the PDF, the XLSX, the start
page's metric tile — and a value above the band is "↑ выше диапазона" in a neutral colour, not
a red "✖ не выполнена" (metrics.judgement)."""
from __future__ import annotations

import openpyxl
import pypdf
import pytest
from PySide6.QtCore import Qt

from voronka.metrics.formatting import target_value_text
from voronka.metrics.judgement import judge
from voronka.metrics.periods import parse_period
from voronka.metrics.report_bundle import build_bundle
from voronka.views.exports.sections import metric_lines, status_text
from voronka.views.exports.xlsx import write_xlsx
from voronka.views.i18n import install_language
from voronka.views.reports.pdf import write_pdf
from metrics_history import ALEX, SASHA, History, t

MARCH = parse_period("2026-03")
ENDED = {"kind": "month", "label": "2026-03", "start": "2026-03-01T00:00:00", "end": "2026-04-01T00:00:00",
         "as_of": "2026-03-31T23:59:59", "working_days": 21, "working_days_total": 21}
RUNNING = dict(ENDED, as_of="2026-03-16T12:00:00", working_days=11)


def _plain(text: str) -> str:
    return " ".join(str(text).replace("\u00a0", " ").split())


@pytest.fixture
def russian(qapp):
    install_language("ru")
    yield
    install_language("en")


@pytest.fixture(scope="module")
def everyone_at_plan():
    """March 2026: both people with a personal plan made it — 100 % at plan, above 60–75 %."""
    h = History()
    h.deal(1, t(3, 1), "work_started", owner=SASHA, amount=100_000).win(t(3, 10))
    h.deal(2, t(3, 1), "work_started", owner=ALEX, amount=120_000).win(t(3, 10))
    h.plan(2026, 100_000, month=3, user_id=SASHA)
    h.plan(2026, 100_000, month=3, user_id=ALEX)
    bundle = build_bundle(h.frames(), MARCH)
    assert bundle["metrics"]["reps_at_plan_share"] == 1.0 and bundle["targets"]["reps_at_plan_share"] == 0.6
    return bundle


def test_a_band_is_missed_below_met_inside_and_neutral_above():
    below, low, high, above = (judge("reps_at_plan_share", v, 0.6, ENDED) for v in (0.5, 0.6, 0.75, 1.0))
    assert below.met is False and not below.above_band
    assert low.met is True and high.met is True
    assert above.met is None and above.above_band and not above.in_progress
    # a per-role band scaled to two SDRs: 300–400
    assert judge("in_outreach_sdr", 299, 300.0, None).met is False
    assert judge("in_outreach_sdr", 400, 300.0, None).met is True
    over = judge("in_outreach_sdr", 401, 300.0, None)
    assert over.met is None and over.above_band
    # a month still going on is «идёт», whatever the share so far
    running = judge("reps_at_plan_share", 1.0, 0.6, RUNNING)
    assert running.in_progress and running.met is None and not running.above_band
    # a metric that is not a band is never "above the range"
    assert judge("conv_reply", 0.9, 0.25, ENDED).above_band is False


def test_a_band_target_reads_as_its_band():
    assert _plain(target_value_text("reps_at_plan_share", 0.6, "ratio", "ru")) == "60–75 %"
    assert target_value_text("reps_at_plan_share", 0.6, "ratio", "en") == "60–75%"
    assert target_value_text("in_outreach_sdr", 300.0, "count", "ru") == "300–400"  # 2 SDRs × 150–200
    assert target_value_text("in_outreach_ae", 75.0, "count", "ru") == "75–125"
    assert _plain(target_value_text("conv_reply", 0.25, "ratio", "ru")) == "25,0 %"  # not a band: as before
    assert target_value_text("mrr", None, "money", "ru") == ""


def test_a_target_to_stay_under_reads_with_its_sign():
    # "22,9 %" beside a bare "50,0 %" with ✔ read like a shortfall that passed
    assert target_value_text("stuck_share_active", 0.5, "ratio", "ru") == "< 50,0\u00a0%"
    assert target_value_text("stuck_share_all", 0.2, "ratio", "en") == "≤ 20.0%"
    assert target_value_text("funnel_balance", 0.7, "ratio", "ru") == "> 70,0\u00a0%"
    assert target_value_text("zero_amount_qualified", 0, "count", "ru") == "0"


def test_the_judgement_words_in_russian(everyone_at_plan, russian):
    line = next(line for line in metric_lines(everyone_at_plan, "ru", "monthly") if line.id == "reps_at_plan_share")
    assert line.above_band and line.met is None
    assert status_text(line, "ru") == "↑ выше диапазона"
    assert _plain(line.target_shown) == "60–75 %"
    below = next(line for line in metric_lines(dict(everyone_at_plan, metrics=dict(
        everyone_at_plan["metrics"], reps_at_plan_share=0.5)), "ru", "monthly") if line.id == "reps_at_plan_share")
    assert status_text(below, "ru") == "✖ не выполнена"


def test_the_russian_pdf_shows_the_band_and_no_miss(everyone_at_plan, tmp_path, russian):
    path = tmp_path / "march.pdf"
    write_pdf(everyone_at_plan, path, "ru")
    text = _plain(" ".join(page.extract_text() for page in pypdf.PdfReader(path).pages[:3]).replace("\t", " "))
    row = text[text.index("Доля выполнивших план"):][:60]  # the metrics table's row (before the definitions)
    assert "60–75 %" in row and "выше диапазона" in row, row
    assert "60,0 %" not in row and "не выполнена" not in row, row


def test_the_russian_xlsx_target_column_holds_the_band(everyone_at_plan, tmp_path, russian):
    path = tmp_path / "march.xlsx"
    write_xlsx(everyone_at_plan, path, "ru")
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(r for r in rows if r and r[0] == "Метрика")
    assert header[2] == "Цель" and header[3] == "Выполнена?"
    row = next(r for r in rows if r and len(r) > 7 and r[7] == "reps_at_plan_share")
    assert row[1] == 1.0 and _plain(row[2]) == "60–75 %" and row[3] == "↑ выше диапазона"
    cell = next(c for c in sheet.iter_rows() if c[7].value == "reps_at_plan_share")[3]
    assert cell.font.color is None or cell.font.color.rgb not in ("FFB3261E",)  # not the missed red
    # a target that is not a band stays a number with its format
    conv = next(r for r in rows if r and len(r) > 7 and r[7] == "conv_reply")
    assert conv[2] == 0.25


def test_the_report_views_metrics_table_shows_the_band(everyone_at_plan, russian):
    from voronka.views.reports.models import MetricsModel
    from voronka.views.theme import colour

    model = MetricsModel("ru")
    model.set_lines(metric_lines(everyone_at_plan, "ru", "monthly"))
    row = next(i for i in range(model.rowCount()) if model.line(i).id == "reps_at_plan_share")
    text = lambda col: model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole)  # noqa: E731
    assert _plain(text(MetricsModel.TARGET)) == "60–75 %"
    assert text(MetricsModel.STATUS) == "↑ выше диапазона"
    brush = model.data(model.index(row, MetricsModel.STATUS), Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == colour("muted")  # neutral, never the missed red
    assert model.data(model.index(row, MetricsModel.VALUE), Qt.ItemDataRole.ForegroundRole) is None
    tip = model.data(model.index(row, MetricsModel.NAME), Qt.ItemDataRole.ToolTipRole)
    assert "слишком лёгкие" in tip


def test_the_start_pages_metric_tile_shows_the_band(db, tmp_path, qtbot, russian):
    from voronka.views.start.report_tiles import MetricTile
    from report_helpers import make_ctx

    tile = MetricTile(make_ctx(db, tmp_path, None, "ru"), {"options": {"metric": "reps_at_plan_share"}})
    qtbot.addWidget(tile)
    tile.show_result([("2026-02", 0.5, 0.6, dict(ENDED, label="2026-02")), ("2026-03", 1.0, 0.6, ENDED)])
    assert "✖" not in tile.value.text() and "↑" in tile.value.text()
    assert "60–75 %" in _plain(tile.target.text()) and "выше диапазона" in tile.target.text()
    assert "60,0" not in tile.target.text()
    assert tile.value.styleSheet() == ""  # neutral: neither green nor red
