"""Charts as images: any report chart drawn offscreen to a QImage or a PNG file.

The same chart builders as the screen (``views.reports.charts``), at a fixed size so
every export of a chart looks the same whatever the window size was, and in the light
theme's colours whatever the window's theme is (``theme.paper_colours``): a file is paper.
"""
from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtGui import QImage

from voronka.views.exports.qt_app import ensure_app
from voronka.views.theme import palette, paper_colours

CHART_SIZE = (1200, 560)


def render_chart(bundle: dict[str, Any], chart_id: str, language: str = "ru",
                 size: tuple[int, int] = CHART_SIZE) -> QImage:
    """Draw one chart of the bundle offscreen and return the picture."""
    ensure_app(language)
    from .charts import chart_spec

    with paper_colours():
        widget = chart_spec(chart_id).build(bundle, language)
        widget.setPalette(palette("light"))  # whatever pyqtgraph takes from the widget, too
        widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        widget.resize(*size)
        widget.show()
        QCoreApplication.processEvents()
        image = widget.grab().toImage()
    widget.close()
    widget.deleteLater()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("the chart could not be encoded as PNG")
    buffer.close()
    return bytes(data.data())


def write_png(bundle: dict[str, Any], chart_id: str, target: str | Path | IO[bytes], language: str = "ru",
              size: tuple[int, int] = CHART_SIZE) -> None:
    """Write one chart as a PNG to a path or a binary stream."""
    data = png_bytes(render_chart(bundle, chart_id, language, size))
    if isinstance(target, (str, Path)):
        Path(target).write_bytes(data)
    else:
        target.write(data)
