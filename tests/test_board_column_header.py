"""A board column's header is as tall as its title and figures need: no empty band between the
figures and «+ Новая сделка» (it was kept for five lines whatever the title)."""
from __future__ import annotations

from voronka.models.queries.board import board_stages
from voronka.views.board.column import HEADER_MARGINS, StageColumn, header_height


def column_for(db, qtbot, name_part: str) -> StageColumn:
    with db.session() as s:
        stages = board_stages(s, "sales")
    stage = next(s for s in stages if name_part in s.name("ru"))
    main = next((s for s in stages if s.id == stage.side_of_id), None)
    column = StageColumn(stage, main.name("ru") if main else None, "ru", lambda: [])
    qtbot.addWidget(column)
    column.set_figures(86, 86, 0, "RUB", 0.062, False)
    column.resize(column.width(), 600)
    column.show()
    qtbot.waitExposed(column)
    return column


def band_under_figures(column: StageColumn) -> int:
    """Empty pixels between the last figure line and the «+ New deal» button."""
    return column.add_button.geometry().top() - column.header.geometry().top() - (
        column.weighted.geometry().bottom() + 1)


def test_a_one_line_title_leaves_no_empty_band(db, qtbot):
    column = column_for(db, qtbot, "Неразобранное")
    assert column.title.height() <= column.fontMetrics().height() * 1.6  # one line of title
    assert band_under_figures(column) <= HEADER_MARGINS[3] + 4  # was ~40 px


def test_a_wrapped_title_and_a_branch_line_still_fit_whole(db, qtbot):
    column = column_for(db, qtbot, "отрицательный")  # a side stage, its title on two lines
    assert column.branch.isVisible()
    assert column.title.height() >= column.title.heightForWidth(column.title.width())  # not cut
    assert 0 <= band_under_figures(column) <= HEADER_MARGINS[3] + 4
    with db.session() as s:
        stages = board_stages(s, "sales")
    one_line = next(s for s in stages if s.name("ru") == "Неразобранное")
    assert column.header.height() > header_height([one_line], "ru", column.font())
