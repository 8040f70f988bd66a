"""Files are paper: a chart exported as PNG and the charts inside the report's PDF are drawn in
the light theme's colours while the window is in the dark theme, and the screen stays dark."""
from __future__ import annotations

import io

import pypdf
import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from tests.report_helpers import build_demo_db
from voronka.views import theme

LIGHT, DARK = theme.COLOURS["light"], theme.COLOURS["dark"]


@pytest.fixture
def dark(qapp):
    theme.theme_manager().apply("dark")
    yield
    theme.theme_manager().apply("light")
    QApplication.instance().setStyleSheet("")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    from voronka.metrics.periods import parse_period
    from voronka.metrics.report_bundle import build_bundle
    from voronka.models.loader import load_frames

    db = build_demo_db(tmp_path_factory.mktemp("paper"), deals=250)
    try:
        return build_bundle(load_frames(db), parse_period("2026-05"))
    finally:
        db.close()


def colours_of(image: QImage) -> dict[str, int]:
    """How many pixels of a grid over ``image`` have each colour."""
    seen: dict[str, int] = {}
    for x in range(0, image.width(), 3):
        for y in range(0, image.height(), 3):
            name = image.pixelColor(x, y).name()
            seen[name] = seen.get(name, 0) + 1
    return seen


def near(seen: dict[str, int], colour: str, tolerance: int = 6) -> int:
    """Pixels within ``tolerance`` per channel of ``colour`` (a JPEG in the PDF blurs a little)."""
    want = QColor(colour)
    return sum(n for name, n in seen.items()
               if max(abs(QColor(name).red() - want.red()), abs(QColor(name).green() - want.green()),
                      abs(QColor(name).blue() - want.blue())) <= tolerance)


def assert_paper(image: QImage) -> bool:
    """``image`` is a chart on white, with no dark-theme background or series colour; True when
    it draws the light theme's first series (bars, lines)."""
    seen = colours_of(image)
    total = sum(seen.values())
    assert near(seen, LIGHT["chart"]) > total * 0.5, "the background is the light chart's white"
    assert near(seen, DARK["chart"], 8) < total * 0.005, "no dark-theme background"
    assert near(seen, DARK["series_1"], 4) == 0, "not the dark theme's lighter blue"
    return near(seen, LIGHT["series_1"], 12) > 0


def test_a_png_chart_exported_in_the_dark_theme_is_light(dark, bundle):
    from voronka.views.reports.files import report_bytes

    image = QImage.fromData(report_bytes("png", bundle, "ru"), "PNG")
    assert not image.isNull()
    assert assert_paper(image), "bars in the light theme's first series colour"
    assert theme.current_theme() == "dark" and theme.colour("chart") == QColor(DARK["chart"])  # the screen stays dark


def test_the_charts_inside_a_pdf_exported_in_the_dark_theme_are_light(dark, bundle):
    from voronka.views.reports.files import report_bytes

    reader = pypdf.PdfReader(io.BytesIO(report_bytes("pdf", bundle, "ru")))
    charts = []
    for page in reader.pages:
        objects = page.get("/Resources", {}).get("/XObject")
        for ref in (objects.get_object().values() if objects else ()):
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                charts.append(QImage.fromData(obj.get_data()))
    assert len(charts) >= 2 and not any(c.isNull() for c in charts)
    assert any([assert_paper(image) for image in charts]), "bars in the light theme's first series colour"


def test_a_pdf_page_with_charts_drawn_to_an_image_is_light(dark, bundle):
    """The page as the docs' screenshot script draws it (``page_image``): white paper, light charts."""
    from voronka.views.reports.pdf import page_image

    pages = [page_image(bundle, n, "ru") for n in range(2, 4)]
    charted = [p for p in pages if near(colours_of(p), LIGHT["series_1"], 12)]
    assert charted, "a page with a chart"
    for image in pages:
        seen = colours_of(image)
        total = sum(seen.values())
        assert near(seen, DARK["chart"], 8) < total * 0.005 and near(seen, "#ffffff", 2) > total * 0.5


def test_a_chart_on_screen_after_an_export_keeps_the_dark_theme(dark, bundle, qtbot):
    from voronka.views.reports.charts import chart_spec, charts_for
    from voronka.views.exports.sections import tab_of
    from voronka.views.reports.png import render_chart

    chart_id = charts_for(tab_of(bundle))[0].id
    render_chart(bundle, chart_id, "ru")
    widget = chart_spec(chart_id).build(bundle, "ru")
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    seen = colours_of(widget.grab().toImage())
    assert near(seen, DARK["chart"]) > sum(seen.values()) * 0.5
    assert near(seen, DARK["series_1"], 12) > 0
