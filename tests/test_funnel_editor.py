"""Settings → Funnel, driven like a head of sales would: add a stage, rename it, reorder by
dragging and with the buttons, archive it, act on the advice — asserting on what the
database holds; and the report view's stage table opening the editor with the change prepared."""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from card_helpers import app_context
from voronka.models.clock import local_now
from voronka.models.orm import FunnelChange, LostReason, Pipeline, Stage
from voronka.models.services.deals import create_deal, move_deal
from voronka.views.funnel.models import NAME_EN, NAME_RU, ROT, STAGE_MIME
from voronka.views.funnel.preview import ChangePreviewDialog
from voronka.views.settings.page import SettingsPage

SASHA, ALEX, HELEN = 1, 2, 3


def stage_keys(db, pipeline_id: int = 1) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(Stage.key).where(Stage.pipeline_id == pipeline_id).order_by(Stage.position)))


def stage_row(db, key: str) -> Stage:
    with db.session() as s:
        return s.scalar(select(Stage).where(Stage.key == key, Stage.pipeline_id == 1))


@pytest.fixture
def refusals(monkeypatch):
    """Message boxes answered at once; what they said is kept."""
    said: list[str] = []
    for kind in ("warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda _parent, _title, text, *a, **k: said.append(text))
    return said


def editor_of(db, tmp_path, qtbot, user_id: int = HELEN):
    page = SettingsPage(app_context(db, tmp_path, user_id))
    qtbot.addWidget(page)
    page.show()  # a hidden editor only notes that it is out of date
    page.show_funnel("sales")
    editor = page.funnel
    qtbot.waitUntil(lambda: len(editor.stages.rows) == 14 and len(editor.reasons.rows) == 17, timeout=10000)
    return page, editor


def settled(editor, qtbot, check) -> None:
    qtbot.waitUntil(lambda: bool(check()) and editor.ctx.executor.idle(), timeout=10000)


def test_head_adds_renames_reorders_and_archives_a_stage(db, tmp_path, qtbot):
    page, editor = editor_of(db, tmp_path, qtbot)
    assert editor.editable and editor.stage_buttons["add"].isVisibleTo(editor)
    editor.select_stage("replied_positive")
    editor.stage_buttons["add"].click()
    dialog = editor.dialog
    dialog.name_ru.setText("Бюджет подтверждён")
    dialog.name_en.setText("Budget confirmed")
    dialog.accept()
    assert stage_keys(db)[stage_keys(db).index("replied_positive") + 1] == "budget_confirmed"
    settled(editor, qtbot, lambda: editor.stages.row_of_key("budget_confirmed") >= 0)

    # rename in both languages, in the cells
    row = editor.stages.row_of_key("budget_confirmed")
    assert editor.stages.setData(editor.stages.index(row, NAME_RU), "Бюджет есть")
    settled(editor, qtbot, lambda: editor.stages.rows[row].name_ru == "Бюджет есть")
    assert editor.stages.setData(editor.stages.index(row, NAME_EN), "Budget known")  # the row shown is not
    assert editor.stages.setData(editor.stages.index(row, ROT), 9)  # re-read yet: edits of other fields go through
    stage = stage_row(db, "budget_confirmed")
    assert (stage.key, stage.name_ru, stage.name_en, stage.rot_days) == \
        ("budget_confirmed", "Бюджет есть", "Budget known", 9)

    # reorder with the buttons: a preview of how the past will be read, then Apply
    settled(editor, qtbot, lambda: editor.stages.rows[row].rot_days == 9)
    editor.select_stage("budget_confirmed")
    editor.stage_buttons["up"].click()
    preview = editor.dialog
    assert isinstance(preview, ChangePreviewDialog)
    assert "past conversions" in preview.explanation.text()
    qtbot.waitUntil(lambda: preview.preview is not None, timeout=20000)
    preview.apply_button.click()
    keys = stage_keys(db)
    assert keys[keys.index("budget_confirmed") - 1:keys.index("budget_confirmed") + 2] == \
        ["replied_negative", "budget_confirmed", "replied_positive"]

    # archive
    settled(editor, qtbot, lambda: editor.stages.row_of_key("budget_confirmed") == keys.index("budget_confirmed"))
    editor.select_stage("budget_confirmed")
    editor.stage_buttons["archive"].click()
    assert stage_row(db, "budget_confirmed").archived
    settled(editor, qtbot, lambda: editor.stages.rows[editor.stages.row_of_key("budget_confirmed")].archived)
    assert editor.stages.status_text(editor.stages.rows[editor.stages.row_of_key("budget_confirmed")]) == "archived"

    # every step is one undo: archive, order, rot days, English name, Russian name, the addition
    stack = editor.ctx.undo_stack
    assert stack.count() == 6
    stack.undo()
    assert not stage_row(db, "budget_confirmed").archived
    for _ in range(5):
        assert stack.undo()
    assert "budget_confirmed" not in stage_keys(db)


def test_dragging_a_stage_row_reorders_the_stages_after_the_preview(db, tmp_path, qtbot):
    page, editor = editor_of(db, tmp_path, qtbot)
    model = editor.stages
    data = QMimeData()
    data.setData(STAGE_MIME, str(stage_row(db, "demo_run").id).encode())
    before = stage_keys(db)
    model.dropMimeData(data, Qt.DropAction.MoveAction, model.row_of_key("demo_appointed"), 0, model.index(-1, -1))
    preview = editor.dialog
    qtbot.waitUntil(lambda: preview.preview is not None, timeout=20000)
    assert stage_keys(db) == before  # nothing applied before Apply
    preview.apply_button.click()
    keys = stage_keys(db)
    assert keys.index("demo_run") + 1 == keys.index("demo_appointed")
    with db.session() as s:
        assert s.scalars(select(FunnelChange.kind)).all() == ["reorder"]


def test_a_side_stage_moves_with_its_main_stage(db, tmp_path, qtbot):
    page, editor = editor_of(db, tmp_path, qtbot)
    replied = stage_row(db, "replied").id
    order = editor.stages.step(replied, 1)
    keys = [editor.stages.by_id(i).key for i in order]
    assert keys[keys.index("replied_positive") + 1:keys.index("replied_positive") + 3] == ["replied", "replied_negative"]


def test_a_rep_sees_the_funnel_read_only(db, tmp_path, qtbot):
    page, editor = editor_of(db, tmp_path, qtbot, user_id=SASHA)
    assert not editor.editable
    assert not editor.stage_buttons["add"].isVisibleTo(editor)
    assert not editor.stages.flags(editor.stages.index(0, NAME_RU)) & Qt.ItemFlag.ItemIsEditable
    assert not editor.stages.setData(editor.stages.index(0, NAME_RU), "Другое")
    assert stage_row(db, "unsorted").name_en == "Unsorted"


def test_pipeline_and_lost_reasons_are_edited_in_the_editor(db, tmp_path, qtbot):
    page, editor = editor_of(db, tmp_path, qtbot)
    editor.new_pipeline.click()
    dialog = editor.dialog
    dialog.name_ru.setText("Квартальный успех")
    dialog.name_en.setText("Quarterly success")
    dialog.kind.setCurrentIndex(dialog.kind.findData("success"))
    dialog.billing.setValue(3)
    dialog.accept()
    with db.session() as s:
        made = s.scalar(select(Pipeline).where(Pipeline.key == "quarterly_success"))
        assert (made.kind, made.billing_months) == ("success", 3)
    editor.tabs.setCurrentIndex(1)
    editor.reason_buttons["add"].click()
    dialog = editor.dialog
    dialog.name_ru.setText("Сменился ЛПР")
    dialog.group.setText("Контакты")
    dialog.accept()
    settled(editor, qtbot, lambda: len(editor.reasons.rows) == 18)
    last = len(editor.reasons.rows) - 1
    editor.reason_table.setCurrentIndex(editor.reasons.index(last, 0))
    editor.reason_buttons["up"].click()
    settled(editor, qtbot, lambda: editor.reasons.rows[last - 1].text == "Сменился ЛПР")
    editor.reason_table.setCurrentIndex(editor.reasons.index(last - 1, 0))
    editor.reason_buttons["archive"].click()
    with db.session() as s:
        reason = s.scalar(select(LostReason).where(LostReason.text == "Сменился ЛПР"))
        ordered = list(s.scalars(select(LostReason.text).order_by(LostReason.position, LostReason.id)))
    assert (reason.group, reason.active) == ("Контакты", False)
    assert ordered[-2] == "Сменился ЛПР"


def test_a_second_writer_renamed_the_stage_meanwhile_so_the_edit_is_refused(db, tmp_path, qtbot, refusals):
    from voronka.models.db import open_database
    from voronka.models.services.funnel_stages import update_stage

    page, editor = editor_of(db, tmp_path, qtbot)
    other = open_database(db.location)
    try:
        def rename(session):
            session.info["user_id"] = ALEX
            return update_stage(session, stage_row(db, "replied").id, {"name_en": "Answered"})
        other.run(rename)
    finally:
        other.close()
    row = editor.stages.row_of_key("replied")
    editor.stages.setData(editor.stages.index(row, NAME_EN), "Any reply")
    assert stage_row(db, "replied").name_en == "Answered"
    assert refusals and "Alex AE changed the stage «Answered»" in refusals[0]
    settled(editor, qtbot, lambda: editor.stages.rows[row].name_en == "Answered")  # shown as it is now


@pytest.fixture
def advised(db):
    """24 deals taken into work this year that all found contacts: "merge" on work started."""
    now = local_now().replace(microsecond=0)
    with db.transaction() as s:
        for i in range(24):
            deal = create_deal(s, name=f"deal {i}", user_id=SASHA, stage_key="work_started",
                               at=now - timedelta(minutes=30)).created[0]
            move_deal(s, deal, "contacts_found", user_id=SASHA, at=now - timedelta(minutes=20))
            if i < 20:
                move_deal(s, deal, "outreach_started", user_id=SASHA, at=now - timedelta(minutes=10))
    return db


def test_merge_from_the_editor_is_one_undoable_change(advised, tmp_path, qtbot):
    db = advised
    page, editor = editor_of(db, tmp_path, qtbot)
    editor.select_stage("contacts_found")
    editor.stage_buttons["merge_previous"].click()
    preview = editor.dialog
    qtbot.waitUntil(lambda: preview.preview is not None, timeout=20000)
    after = {r["key"]: r for r in preview.preview["after"]["stages"]}
    assert "contacts_found" not in after and after["work_started"]["conversion_next"] == pytest.approx(20 / 24)
    preview.apply_button.click()
    assert stage_row(db, "contacts_found").merged_into_id == stage_row(db, "work_started").id
    settled(editor, qtbot, lambda: editor.stages.rows[editor.stages.row_of_key("contacts_found")].merged_into_id)
    merged_row = editor.stages.rows[editor.stages.row_of_key("contacts_found")]
    assert editor.stages.status_text(merged_row) == "merged into «Work started»"
    assert editor.ctx.undo_stack.undo()
    merged = stage_row(db, "contacts_found")
    assert merged.merged_into_id is None and not merged.archived


def test_the_report_stage_table_opens_the_editor_with_the_merge_prepared(advised, tmp_path, qtbot):
    from voronka.views.main_window import MainWindow
    from voronka.views.reports.background import running_tasks

    db = advised
    ctx = app_context(db, tmp_path, HELEN)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_page("reports")
    reports = window.page("reports")
    qtbot.waitUntil(lambda: reports.current_tab().bundle is not None and not reports.controller.is_busy(), timeout=30000)
    tab = reports.current_tab()
    view = tab.table_views["stages"]
    qtbot.waitUntil(lambda: view.model().rowCount() > 0, timeout=10000)  # the tables fill a slice after the metrics
    index = next(view.model().index(r, 0) for r in range(view.model().rowCount())
                 if (tab.stage_row_at(view.model().index(r, 0)) or {}).get("key") == "work_started")
    assert tab.stage_row_at(index)["advice"] == "merge"
    tab._on_stage_double_click(index)
    assert window.current_page_key() == "settings"
    editor = window.page("settings").funnel
    qtbot.waitUntil(lambda: isinstance(editor.dialog, ChangePreviewDialog), timeout=10000)
    preview = editor.dialog
    assert "«Work started» into «Contacts found»" in preview.windowTitle()
    qtbot.waitUntil(lambda: preview.preview is not None, timeout=20000)
    preview.apply_button.click()
    assert stage_row(db, "work_started").merged_into_id == stage_row(db, "contacts_found").id
    qtbot.waitUntil(lambda: running_tasks() == 0 and ctx.executor.idle(), timeout=20000)


def test_the_board_keeps_an_archived_stage_only_while_deals_stand_in_it(db, tmp_path, qtbot):
    from board_support import open_board
    from voronka.models.services.funnel_stages import set_stage_archived

    deal = db.run(create_deal, name="standing", user_id=SASHA, stage_key="contacts_found").created[0]
    db.run(set_stage_archived, stage_row(db, "contacts_found").id, True)
    db.run(set_stage_archived, stage_row(db, "test_started").id, True)
    page = open_board(app_context(db, tmp_path, SASHA), qtbot)
    columns = {c.stage.key: c for c in page.board.columns}
    assert "test_started" not in columns  # archived, nobody in it
    archived = columns["contacts_found"]
    assert archived.title.text() == "Contacts found (archived)" and not archived.add_button.isVisibleTo(archived)
    assert columns["work_started"].add_button.isVisibleTo(columns["work_started"])
    assert archived.model.has(deal)


def test_a_hidden_editor_reads_the_funnel_again_when_shown(db, tmp_path, qtbot):
    from voronka.models.services.funnel_stages import update_stage

    page, editor = editor_of(db, tmp_path, qtbot)
    page.hide()
    page.ctx.run(update_stage, stage_row(db, "replied").id, {"name_en": "Answered"})
    assert editor._stale and editor.stages.rows[editor.stages.row_of_key("replied")].name_en == "Replied"
    page.show()
    settled(editor, qtbot, lambda: editor.stages.rows[editor.stages.row_of_key("replied")].name_en == "Answered")
