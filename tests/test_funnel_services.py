"""Editing the funnel without losing history (spec/funnel.md, second edition), on hand-made
histories: renames, archives, reorders, merges and splits change how the reports read the
log, never the log; a second writer's change is never overwritten."""
from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from sqlalchemy import select

from voronka.metrics.periods import parse_period
from voronka.metrics.report import compute_report
from voronka.models import errors
from voronka.models.db import open_database
from voronka.models.loader import load_frames
from voronka.models.orm import Deal, FunnelChange, LostReason, Pipeline, Stage
from voronka.models.services.deals import create_deal, lose_deal, move_deal
from voronka.models.services.funnel_log import state_of
from voronka.metrics.funnel_edits import merge_preview, split_preview
from voronka.models.services.funnel_merge import merge_stage, split_stage, unmerge_stage
from voronka.models.services.funnel_pipelines import (
    create_pipeline,
    remove_created_pipeline,
    set_pipeline_archived,
    update_pipeline,
)
from voronka.models.services.funnel_reasons import (
    add_lost_reason,
    remove_added_reason,
    reorder_lost_reasons,
    set_lost_reason_active,
    update_lost_reason,
)
from voronka.models.services.funnel_stages import (
    add_stage,
    remove_added_stage,
    reorder_stages,
    set_stage_archived,
    stage_order,
    update_stage,
)

SASHA, ALEX, HELEN = 1, 2, 3
OCTOBER = parse_period("2026-10")
NOW = datetime(2026, 11, 15)


def at(month: int, day: int, hour: int = 12) -> datetime:
    return datetime(2026, month, day, hour)


def sid(db, key: str, pipeline_id: int = 1) -> int:
    with db.session() as s:
        return s.scalar(select(Stage.id).where(Stage.key == key, Stage.pipeline_id == pipeline_id))


def stage_state(db, stage_id: int) -> dict:
    with db.session() as s:
        return state_of(s.get(Stage, stage_id))


def report(db) -> dict:
    return compute_report(load_frames(db), OCTOBER, now=NOW)


def projected(stage_rows: list[dict]) -> list[dict]:
    """The stage rows as the editor's preview holds them."""
    keep = ("key", "name_ru", "name_en", "reached_count", "conversion_next", "advice")
    return [{k: r[k] for k in keep} for r in stage_rows]


def rows(rep: dict) -> dict[str, dict]:
    return {r["key"]: r for r in rep["stages"]}


def event_log_bytes(db) -> list[tuple]:
    """Every row of the event log exactly as SQLite stores it."""
    con = sqlite3.connect(db.location)
    try:
        return con.execute("SELECT * FROM deal_events ORDER BY id").fetchall()
    finally:
        con.close()


@pytest.fixture
def history(db):
    """24 deals taken into work in October: all reach contacts_found (so work_started →
    contacts_found passes 100 %: "merge"), 20 start outreach, 6 get a reply, 2 of the
    others are lost for "no answer"."""
    with db.transaction() as s:
        reason = s.scalar(select(LostReason.id).where(LostReason.text == "Нет ответа"))
        for i in range(24):
            deal = create_deal(s, name=f"deal {i}", user_id=SASHA, stage_key="work_started", at=at(10, 1)).created[0]
            move_deal(s, deal, "contacts_found", user_id=SASHA, at=at(10, 2))
            if i < 20:
                move_deal(s, deal, "outreach_started", user_id=SASHA, at=at(10, 3))
            if i < 6:
                move_deal(s, deal, "replied", user_id=SASHA, at=at(10, 4))
            if 20 <= i < 22:
                lose_deal(s, deal, reason_id=reason, user_id=SASHA, at=at(10, 5))
    return db


# --- rename ---------------------------------------------------------------------------------
def test_rename_changes_names_only_and_keeps_the_history(history):
    db = history
    before, log = report(db), event_log_bytes(db)
    stage = sid(db, "contacts_found")
    db.run(update_stage, stage, {"name_ru": "ЛПР найдены", "name_en": "Decision makers found"},
           seen=stage_state(db, stage))
    after = report(db)
    row = rows(after)["contacts_found"]
    assert (row["name_ru"], row["name_en"]) == ("ЛПР найдены", "Decision makers found")
    assert row["reached_count"] == rows(before)["contacts_found"]["reached_count"] == 24
    assert after["metrics"] == before["metrics"]
    assert event_log_bytes(db) == log
    with db.session() as s:
        change = s.scalars(select(FunnelChange).order_by(FunnelChange.id.desc())).first()
        assert (change.kind, change.stage_id) == ("rename", stage)
        assert change.detail["before"] == {"name_ru": "Контакты найдены", "name_en": "Contacts found"}


def test_an_empty_name_is_refused_and_nothing_is_written(history):
    db = history
    stage = sid(db, "replied")
    with pytest.raises(errors.FunnelEditRefused) as refused:
        db.run(update_stage, stage, {"name_ru": "   "})
    assert refused.value.reason == "empty_name"
    assert stage_state(db, stage)["name_ru"] == "Общий ответ получен"


def test_rules_are_edited_with_the_stage(history):
    db = history
    stage = sid(db, "qualified")
    db.run(update_stage, stage, {"exit_criteria": "Budget named", "required_fields": ["amount"], "rot_days": 7})
    state = stage_state(db, stage)
    assert (state["exit_criteria"], state["required_fields"], state["rot_days"]) == ("Budget named", ["amount"], 7)


# --- archive --------------------------------------------------------------------------------
def test_archived_stage_keeps_its_history_in_reports_and_takes_no_new_deals(history):
    db = history
    before = report(db)
    stage = sid(db, "contacts_found")
    db.run(set_stage_archived, stage, True, seen=stage_state(db, stage))
    after = report(db)
    assert rows(after)["contacts_found"] == rows(before)["contacts_found"]  # entered in October: shown
    assert after["metrics"] == before["metrics"]
    with db.transaction() as s:
        fresh = create_deal(s, name="fresh", user_id=SASHA, stage_key="work_started", at=at(11, 1)).created[0]
    with pytest.raises(errors.StageArchived):
        db.run(move_deal, fresh, "contacts_found", user_id=SASHA, at=at(11, 2))
    with db.session() as s:
        assert s.get(Deal, fresh).stage_id == sid(db, "work_started")


def test_archived_stage_nobody_entered_in_the_windows_is_left_out(history):
    db = history
    stage = sid(db, "test_started")
    db.run(set_stage_archived, stage, True)
    keys = [r["key"] for r in report(db)["stages"]]
    assert "test_started" not in keys
    assert keys.index("offer_sent") == keys.index("demo_run") + 1


def test_the_won_stage_and_the_last_open_stage_cannot_be_archived(db):
    with pytest.raises(errors.FunnelEditRefused) as refused:
        db.run(set_stage_archived, sid(db, "signed"), True)
    assert refused.value.reason == "won_stage"
    success = [sid(db, f"month_{i}", 2) for i in range(1, 13)]
    for stage in success[:-1]:
        db.run(set_stage_archived, stage, True)
    with pytest.raises(errors.FunnelEditRefused) as refused:
        db.run(set_stage_archived, success[-1], True)
    assert refused.value.reason == "last_stage"


def test_a_new_deal_starts_in_the_first_stage_that_is_not_archived(db):
    db.run(set_stage_archived, sid(db, "unsorted"), True)
    deal = db.run(create_deal, name="x", user_id=SASHA, at=at(10, 1)).created[0]
    with db.session() as s:
        assert s.get(Deal, deal).stage_id == sid(db, "work_started")


# --- reorder --------------------------------------------------------------------------------
def test_reorder_changes_how_past_conversions_are_read(history):
    db = history
    before = rows(report(db))
    order = stage_order_of(db)
    a, b = order.index(sid(db, "outreach_started")), order.index(sid(db, "replied"))
    new = list(order)
    new[a], new[b] = new[b], new[a]
    preview = merge_free_preview(db, new)
    db.run(reorder_stages, 1, new, seen_order=order)
    after = rows(report(db))
    # replied now comes first: every deal that started outreach has "reached" replied
    assert before["work_started"]["conversion_next"] == 1.0
    assert before["outreach_started"]["conversion_next"] == pytest.approx(6 / 20)
    assert after["replied"]["reached_count"] == 20
    assert after["replied"]["conversion_next"] == pytest.approx(20 / 20)
    assert preview["after"]["stages"] == projected(list(after.values()))


def stage_order_of(db) -> list[int]:
    with db.session() as s:
        return stage_order(s, 1)


def merge_free_preview(db, order):
    from voronka.metrics.funnel_edits import reorder_preview

    return reorder_preview(load_frames(db), order, OCTOBER, now=NOW)


def test_a_reorder_on_an_order_someone_changed_meanwhile_is_refused(history):
    db = history
    seen = stage_order_of(db)
    moved = seen[1:2] + seen[:1] + seen[2:]
    db.run(reorder_stages, 1, moved, seen_order=seen)
    with pytest.raises(errors.FunnelChanged) as refused:
        db.run(reorder_stages, 1, list(reversed(seen[:-1])) + seen[-1:], seen_order=seen)
    assert refused.value.what == "order"
    assert stage_order_of(db) == moved


def test_the_won_stage_stays_last(db):
    order = stage_order_of(db)
    with pytest.raises(errors.FunnelEditRefused) as refused:
        db.run(reorder_stages, 1, order[-1:] + order[:-1])
    assert refused.value.reason == "won_not_last"


# --- merge ----------------------------------------------------------------------------------
def test_merge_leaves_the_log_byte_for_byte_and_undo_restores_the_report_exactly(history):
    db = history
    before, log = report(db), event_log_bytes(db)
    assert rows(before)["work_started"]["advice"] == "merge"
    stage, into = sid(db, "contacts_found"), sid(db, "work_started")
    preview = merge_preview(load_frames(db), stage, into, OCTOBER, now=NOW)
    db.run(merge_stage, stage, into, seen=stage_state(db, stage), seen_into=stage_state(db, into))
    assert event_log_bytes(db) == log
    merged = report(db)
    assert "contacts_found" not in rows(merged)
    assert rows(merged)["work_started"]["conversion_next"] == pytest.approx(20 / 24)  # now to outreach
    assert preview["after"]["stages"] == projected(merged["stages"])
    assert preview["before"]["stages"] == projected(before["stages"])
    with pytest.raises(errors.StageArchived):  # no new entries into the merged stage
        db.run(move_deal, first_open_deal(db), "contacts_found", user_id=SASHA)
    db.run(unmerge_stage, stage, seen=stage_state(db, stage))
    assert report(db) == before
    assert event_log_bytes(db) == log
    with db.session() as s:
        kinds = [c.kind for c in s.scalars(select(FunnelChange).order_by(FunnelChange.id))]
    assert kinds == ["merge", "unmerge"]


def first_open_deal(db) -> int:
    with db.session() as s:
        return s.scalar(select(Deal.id).where(Deal.status == "open", Deal.stage_id == sid(db, "outreach_started")))


def test_a_deal_standing_in_the_merged_stage_counts_in_the_stage_it_was_merged_into(history):
    db = history
    stage, into = sid(db, "replied"), sid(db, "outreach_started")
    db.run(merge_stage, stage, into)
    frames = load_frames(db)
    assert sid(db, "replied") not in set(frames.stages["stage_id"])
    assert (frames.deals["stage_id"] == into).sum() == 14 + 6  # standing in outreach, and in replied
    assert not (frames.events["stage_id"] == stage).any()


def test_only_neighbouring_main_stages_are_merged(history):
    db = history
    for stage, into, reason in (("work_started", "replied", "not_adjacent"), ("replied_negative", "replied", "side_stage"),
                                ("committed", "signed", "won_stage")):
        with pytest.raises(errors.FunnelEditRefused) as refused:
            db.run(merge_stage, sid(db, stage), sid(db, into))
        assert refused.value.reason == reason


def test_a_merge_after_someone_renamed_the_stage_is_refused_naming_them(history, tmp_path):
    db = history
    stage = sid(db, "contacts_found")
    seen = stage_state(db, stage)
    other = open_database(db.location)
    try:
        def rename(session):
            session.info["user_id"] = ALEX
            return update_stage(session, stage, {"name_en": "Found"}, seen=seen)
        other.run(rename)
    finally:
        other.close()
    with pytest.raises(errors.FunnelChanged) as refused:
        db.run(merge_stage, stage, sid(db, "work_started"), seen=seen)
    assert refused.value.who == "Alex AE" and refused.value.what == "stage"
    assert stage_state(db, stage)["merged_into_id"] is None


def test_undo_of_a_merge_is_refused_once_someone_changed_the_stage(history):
    db = history
    stage = sid(db, "contacts_found")
    db.run(merge_stage, stage, sid(db, "work_started"))
    left = stage_state(db, stage)
    db.run(update_stage, stage, {"name_en": "Renamed by someone"})
    with pytest.raises(errors.FunnelChanged):
        db.run(unmerge_stage, stage, seen=left)
    assert stage_state(db, stage)["merged_into_id"] == sid(db, "work_started")


# --- split ----------------------------------------------------------------------------------
def test_split_inserts_a_stage_past_deals_reach_only_through_the_reached_rule(history):
    db = history
    before, log = report(db), event_log_bytes(db)
    after_stage = sid(db, "outreach_started")
    preview = split_preview(load_frames(db), after_stage, "Письмо открыто", "Email opened", OCTOBER, now=NOW)
    made = db.run(split_stage, after_stage, "Письмо открыто", "Email opened", seen=stage_state(db, after_stage))
    new_id = made.created[0]
    with db.session() as s:
        new = s.get(Stage, new_id)
        assert (new.key, new.role) == ("email_opened", "sdr")
        assert s.get(Stage, after_stage).position + 1 == new.position
    after = report(db)
    keys = [r["key"] for r in after["stages"]]
    assert keys[keys.index("outreach_started") + 1] == "email_opened"
    assert rows(after)["outreach_started"]["conversion_next"] == rows(before)["outreach_started"]["conversion_next"]
    assert rows(after)["email_opened"]["conversion_next"] == 1.0  # everyone who reached it went on
    assert rows(after)["email_opened"]["reached_count"] == 6
    assert event_log_bytes(db) == log
    assert [r["conversion_next"] for r in preview["after"]["stages"]] == [r["conversion_next"] for r in after["stages"]]
    db.run(remove_added_stage, new_id, seen=stage_state(db, new_id))
    assert report(db) == before


def test_an_added_stage_with_history_is_not_removed_by_undo(history):
    db = history
    new_id = db.run(add_stage, 1, "Новый", "Brand new", after_id=sid(db, "replied")).created[0]
    left = stage_state(db, new_id)
    db.run(move_deal, first_open_deal(db), new_id, user_id=SASHA)
    with pytest.raises(errors.FunnelEditRefused) as refused:
        db.run(remove_added_stage, new_id, seen=left)
    assert refused.value.reason == "has_history"


def test_a_stage_added_without_a_place_goes_before_the_won_stage(db):
    new_id = db.run(add_stage, 1, "Счёт оплачен", "Invoice paid").created[0]
    with db.session() as s:
        order = [st.key for st in s.scalars(select(Stage).where(Stage.pipeline_id == 1).order_by(Stage.position))]
    assert order[-2:] == ["invoice_paid", "signed"]
    assert new_id == sid(db, "invoice_paid")


# --- pipelines ------------------------------------------------------------------------------
def test_a_client_success_pipeline_is_created_with_its_billing_months(db):
    made = db.run(create_pipeline, "success", "Поддержка по кварталам", "Quarterly success", 3).created[0]
    with db.session() as s:
        pipeline = s.get(Pipeline, made)
        assert (pipeline.kind, pipeline.billing_months, pipeline.key) == ("success", 3, "quarterly_success")
        assert [st.key for st in pipeline.stages][:2] == ["month_1", "month_2"]
        seen = state_of(pipeline)
    db.run(update_pipeline, made, {"billing_months": 12, "name_en": "Success"}, seen=seen)
    with pytest.raises(errors.FunnelEditRefused):
        db.run(update_pipeline, made, {"billing_months": 0})
    with pytest.raises(errors.FunnelChanged):
        db.run(remove_created_pipeline, made, seen=seen)
    with db.session() as s:
        seen = state_of(s.get(Pipeline, made))
    db.run(remove_created_pipeline, made, seen=seen)
    with db.session() as s:
        assert s.get(Pipeline, made) is None


def test_the_last_sales_pipeline_is_not_archived(db):
    with pytest.raises(errors.FunnelEditRefused) as refused:
        db.run(set_pipeline_archived, 1, True)
    assert refused.value.reason == "last_pipeline"
    other = db.run(create_pipeline, "sales", "Партнёры", "Partners").created[0]
    db.run(set_pipeline_archived, 1, True)
    with db.session() as s:
        assert s.get(Pipeline, 1).archived and not s.get(Pipeline, other).archived


# --- lost reasons ---------------------------------------------------------------------------
def test_lost_reasons_are_added_renamed_grouped_ordered_and_archived(db):
    made = db.run(add_lost_reason, "Ушли в декрет", "Went on leave", "Контакт").created[0]
    with db.session() as s:
        seen = state_of(s.get(LostReason, made))
        order = [r.id for r in s.scalars(select(LostReason).order_by(LostReason.position, LostReason.id))]
    assert order[-1] == made
    with pytest.raises(errors.FunnelEditRefused) as refused:
        db.run(update_lost_reason, made, {"text": "Нет ответа"})
    assert refused.value.reason == "name_taken"
    db.run(update_lost_reason, made, {"text": "Контакт ушёл", "group": "Контакты"}, seen=seen)
    db.run(reorder_lost_reasons, [made, *order[:-1]], seen_order=order)
    with pytest.raises(errors.FunnelChanged):
        db.run(reorder_lost_reasons, order, seen_order=order)
    db.run(set_lost_reason_active, made, False)
    with db.session() as s:
        reason = s.get(LostReason, made)
        assert (reason.text, reason.group, reason.active) == ("Контакт ушёл", "Контакты", False)
        first = s.scalars(select(LostReason).order_by(LostReason.position, LostReason.id)).first()
        assert first.id == made


def test_undo_of_adding_a_reason_is_refused_once_a_deal_was_lost_for_it(db):
    made = db.run(add_lost_reason, "Слишком дорого").created[0]
    with db.session() as s:
        seen = state_of(s.get(LostReason, made))
    deal = db.run(create_deal, name="x", user_id=SASHA, at=at(10, 1)).created[0]
    db.run(lose_deal, deal, reason_id=made, user_id=SASHA, at=at(10, 2))
    with pytest.raises(errors.FunnelEditRefused) as refused:
        db.run(remove_added_reason, made, seen=seen)
    assert refused.value.reason == "has_history"
