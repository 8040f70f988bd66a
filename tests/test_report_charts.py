"""Chart axes stay readable: long category names are elided to their slot (all shown),
and count axes tick at whole numbers only."""
from __future__ import annotations

from voronka.views.reports.charts import ChartWidget, ValueAxis


def test_long_category_names_are_elided_to_their_slot_and_none_is_dropped(qtbot):
    chart = ChartWidget("Sales actions", "count", "ru")
    qtbot.addWidget(chart)
    names = ["Александр Петров", "Мария Иванова", "Дмитрий Соколов", "Анна Морозова", "Игорь Волков"]
    chart.set_categories("bottom", names)
    chart.resize(360, 260)
    chart.show()
    axis = chart.getPlotItem().getAxis("bottom")
    qtbot.waitUntil(lambda: axis.geometry().width() > 0 and axis._shown and axis._shown != names)
    shown = [text for _x, text in axis._tickLevels[0]]
    assert len(shown) == len(names) and all(s.endswith("…") for s in shown)
    chart.resize(1600, 260)  # room again: the full names come back
    qtbot.waitUntil(lambda: [t for _x, t in axis._tickLevels[0]] == names)


def test_a_count_axis_ticks_at_whole_numbers_on_a_small_range(qapp):
    axis = ValueAxis("count", "en", orientation="bottom")
    assert all(spacing >= 1 for spacing, _offset in axis.tickSpacing(0, 1.35, 400))
    money = ValueAxis("money", "en", orientation="left")
    assert any(spacing < 1 for spacing, _offset in money.tickSpacing(0, 1.35, 400))
