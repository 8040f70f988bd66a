"""Chart legends sit outside the plot: no legend covers a bar or a line, in a narrow report
pane and in the exported picture alike, and the legend is never wider than its chart."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from report_helpers import build_demo_db
from voronka.metrics.periods import parse_period
from voronka.metrics.report_bundle import build_bundle
from voronka.models.loader import load_frames
from voronka.views.reports.charts import CHARTS
from voronka.views.reports.tabs.mrr import mrr_level_chart, mrr_movement_chart
from voronka.views.reports.tabs.plan import plan_chart

BUILDERS = [(c.id, c.build) for c in CHARTS] + [
    ("mrr_level", mrr_level_chart), ("mrr_movement", mrr_movement_chart), ("plan", plan_chart)]


@pytest.fixture(scope="module")
def bundles(tmp_path_factory):
    db = build_demo_db(tmp_path_factory.mktemp("legends"))
    frames = load_frames(db, "sales")
    yield [build_bundle(frames, parse_period(p)) for p in ("2026-05", "2026-W19", "2026-05-13")]
    db.close()


@pytest.mark.parametrize("language", ["ru", "en"])
def test_no_legend_covers_the_plot_of_any_chart(bundles, language, qtbot):
    from voronka.views.i18n import install_language

    install_language(language)
    found, legends = [], 0
    try:
        for bundle in bundles:
            for chart_id, build in BUILDERS:
                chart = build(bundle, language)  # closed below (pyqtgraph's close cannot run twice)
                for size in ((430, 300), (1200, 560)):
                    chart.resize(*size)
                    chart.show()
                    QApplication.processEvents()
                    item = chart.getPlotItem()
                    if item.legend is None or not item.legend.items:
                        continue
                    legends += 1
                    legend = item.legend.sceneBoundingRect()
                    plot = item.getViewBox().sceneBoundingRect()
                    if legend.intersects(plot):
                        found.append(f"{chart_id} at {size}: legend {legend} over the plot {plot}")
                    if legend.right() > chart.width() + 1:
                        found.append(f"{chart_id} at {size}: legend {legend.width():.0f} px in {chart.width()} px")
                chart.close()
                chart.deleteLater()
    finally:
        install_language("en")
    assert legends > 10  # the charts with more than one series do have a legend
    assert not found, "\n".join(found)


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_charts_title_and_axis_titles_are_inside_the_chart(bundles, language, qtbot):
    """A title wrapped onto two lines stays inside the chart (it stuck out over the top edge,
    the funnel's touched the frame), and a vertical axis's title is no longer than the axis
    (the conversions chart's was cut to «к за год сделок»), in a narrow report pane too."""
    from voronka.views.i18n import install_language
    from voronka.views.reports.tab import CHART_HEIGHT

    install_language(language)
    found, wrapped = [], 0
    try:
        for bundle in bundles:
            for chart_id, build in BUILDERS:
                chart = build(bundle, language)
                chart.setMinimumHeight(CHART_HEIGHT)  # as a report tab shows it (a long legend adds to it)
                for size in ((400, CHART_HEIGHT), (1200, 560)):
                    chart.resize(*size)
                    chart.show()
                    chart.finish()
                    QApplication.processEvents()
                    item = chart.getPlotItem()
                    title = item.titleLabel.item.sceneBoundingRect()
                    wrapped += title.height() > 30
                    if title.top() < 1 or title.bottom() > item.getViewBox().sceneBoundingRect().top():
                        found.append(f"{chart_id} at {size}: title {title} outside its row")
                    for side in ("left", "bottom"):
                        axis = item.getAxis(side)
                        if axis.orientation != "left" or not axis.label.isVisible():
                            continue
                        text = axis.label.boundingRect().width()
                        if text > axis.geometry().height():
                            found.append(f"{chart_id} at {size}: the axis title {axis.labelText!r} is {text:.0f} px "
                                         f"on a {axis.geometry().height():.0f} px axis")
                chart.close()
                chart.deleteLater()
    finally:
        install_language("en")
    assert wrapped or language == "en"  # a long Russian title did wrap in the narrow pane
    assert not found, "\n".join(found)
