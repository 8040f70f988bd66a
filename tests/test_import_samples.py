"""Each shared sample imports through its shipped preset and gives the figures of expected.json;
a repeat import adds nothing; a revert leaves the database as it was; a revert after work refuses."""
from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from tests.import_helpers import EXPECTED, SAMPLE_SETS, report_json, row_counts, sample_paths, sample_preset


def _import(db, key):
    from voronka.models.importing import import_files, open_files

    tables = open_files(sample_paths(key))
    return db.run(import_files, tables, sample_preset(key))


def _figures(db, key):
    """What the database holds for the sample, through the metrics loader (and currencies from the deals)."""
    from voronka.models.loader import load_frames
    from voronka.models.orm import Deal

    frames = load_frames(db)
    deals = frames.deals
    status = Counter(deals["status"])
    with db.session() as s:
        won = s.execute(select(Deal.currency, func.sum(Deal.amount_minor)).where(Deal.status == "won")
                        .group_by(Deal.currency)).all()
        per_currency = dict(s.execute(select(Deal.currency, func.count()).group_by(Deal.currency)).all())
    return {
        "total": len(deals), "won": status["won"], "lost": status["lost"], "open": status["open"],
        "won_revenue": {c: Decimal(int(m)) / 100 for c, m in won if m},
        "distinct_owners": deals["owner_id"].dropna().nunique(),
        "per_currency": per_currency, "frames": frames,
    }


def _first_stage_counts(frames, preset):
    """Deals per file stage: each file stage's target stage counted once per deal that entered it."""
    ev = frames.events
    keys = dict(zip(frames.stages["stage_id"], frames.stages["key"]))
    entered = ev[ev["kind"] == "stage"].assign(key=lambda f: f["stage_id"].map(keys))
    return entered.groupby("key")["deal_id"].nunique().to_dict()


@pytest.mark.parametrize("key", list(SAMPLE_SETS))
def test_sample_reproduces_expected(db, key):
    expected = EXPECTED[key]
    result = _import(db, key)
    assert result.batch_id > 0
    got = _figures(db, key)
    for figure in ("total", "won", "lost", "open", "distinct_owners"):
        assert got[figure] == expected[figure], figure
    assert {c: float(v) for c, v in got["won_revenue"].items()} == pytest.approx(
        {c: float(v) for c, v in expected["won_revenue"].items()})
    if "deals_per_currency" in expected:
        assert got["per_currency"] == expected["deals_per_currency"]
    preset = sample_preset(key)
    entered = _first_stage_counts(got["frames"], preset)
    for value, count in expected["deals_per_stage"].items():
        target = preset.stages.get(value) or preset.statuses.get(value)
        if target not in ("won", "lost", "open") and not any(
                t == target for v, t in preset.stages.items() if v != value):
            assert entered.get(target, 0) >= count, value  # open and lost deals stay at it; won ones passed it
    dry = result.dry_run
    assert (dry.deals, dry.won, dry.lost, dry.open) == (expected["total"], expected["won"], expected["lost"],
                                                         expected["open"])


def test_pipedrive_skips_deleted_rows_and_reads_thousands_commas(db):
    result = _import(db, "pipedrive_like/deals.csv")
    assert result.dry_run.skipped_rows == EXPECTED["pipedrive_like/deals.csv"]["deleted_rows"]
    from voronka.models.orm import Deal

    with db.session() as s:
        amounts = s.scalars(select(Deal.amount_minor).where(Deal.external_id == "pipedrive:8")).all()
    assert amounts and all(a is None or a >= 100 for a in amounts)
    with db.session() as s:
        # no "12,500.00" became 12.50: the smallest amounts of the file are hundreds
        smallest = s.scalar(select(func.min(Deal.amount_minor)).where(Deal.amount_minor > 0))
    assert smallest >= 100_00


def test_salesforce_history(db):
    result = _import(db, "salesforce_like/Opportunity.csv")
    expected = EXPECTED["salesforce_like/Opportunity.csv"]
    dry = result.dry_run
    assert dry.backward_moves == expected["backward_moves"]
    before = [p for p in dry.problems if p.kind == "history_before_creation"]
    assert len(before) == expected["opportunities_with_history_before_created"]
    assert all(not p.blocking and p.fix for p in before)
    from voronka.models.orm import Deal, User

    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Deal).where(Deal.amount_minor.is_(None))) == \
            expected["opportunities_without_amount"]
        owners = set(s.scalars(select(User.name)))
    assert "Константин Мельников" in owners  # OwnerId resolved through Users.csv


def test_sheet_reports_unreadable_amounts_by_cell(db):
    result = _import(db, "spreadsheet/pipeline.xlsx")
    expected = EXPECTED["spreadsheet/pipeline.xlsx"]
    bad = [p for p in result.dry_run.problems if p.kind == "bad_amount"]
    assert sorted(p.cell for p in bad) == sorted(expected["unparseable_amount_cells"])
    assert all(p.value and "млн" in p.value for p in bad[:1])


def test_sheet_refuses_unreadable_amounts_when_the_preset_says_refuse(db):
    from voronka.models.importing import ImportRejected, import_files, open_files

    preset = sample_preset("spreadsheet/pipeline.xlsx")
    preset.bad_values = "refuse"
    before = row_counts(db)
    with pytest.raises(ImportRejected) as exc:
        db.run(import_files, open_files(sample_paths("spreadsheet/pipeline.xlsx")), preset)
    assert {p.kind for p in exc.value.problems} == {"bad_amount"}
    assert row_counts(db) == before


@pytest.mark.parametrize("key", ["amocrm_like/deals.xlsx", "salesforce_like/Opportunity.csv"])
def test_second_import_adds_nothing(db, key):
    _import(db, key)
    counts = row_counts(db)
    again = _import(db, key)
    assert again.batch_id == 0 and again.counts["deals"] == 0
    assert again.counts["already_imported"] == EXPECTED[key]["total"]
    assert row_counts(db) == counts


@pytest.mark.parametrize("key, period", [("bitrix24_like/deals.csv", "2025-03"),
                                         ("salesforce_like/Opportunity.csv", "2026-01")])
def test_revert_leaves_the_database_as_before(db, key, period):
    from voronka.models.importing import list_imports, revert_import

    counts, report = row_counts(db), report_json(db, period)
    result = _import(db, key)
    assert row_counts(db)["deals"] == EXPECTED[key]["total"]
    assert report_json(db, period) != report
    db.run(revert_import, result.batch_id)
    assert row_counts(db) == counts
    assert report_json(db, period) == report
    batches = db.run(list_imports)
    assert batches[0].id == result.batch_id and batches[0].reverted_at is not None
    # and it can be imported again afterwards
    assert _import(db, key).counts["deals"] == EXPECTED[key]["total"]


def _first_imported_deal(db):
    from voronka.models.orm import Deal

    with db.session() as s:
        return s.scalar(select(Deal.id).where(Deal.external_id.is_not(None)).order_by(Deal.id))


def test_revert_refuses_after_an_edit(db):
    from voronka.models.importing import RevertRefused, revert_import
    from voronka.models.services.deals import update_deal

    result = _import(db, "amocrm_like/deals.xlsx")
    deal_id = _first_imported_deal(db)
    db.run(update_deal, deal_id, {"name": "Renamed after the import"})
    counts = row_counts(db)
    with pytest.raises(RevertRefused) as exc:
        db.run(revert_import, result.batch_id)
    assert any("edited" in r for r in exc.value.reasons)
    assert row_counts(db) == counts


def test_revert_refuses_after_a_task_on_a_deal_from_another_connection(db, tmp_path):
    from voronka.models.db import open_database
    from voronka.models.importing import RevertRefused, revert_import
    from voronka.models.orm import Task

    result = _import(db, "pipedrive_like/deals.csv")
    deal_id = _first_imported_deal(db)
    other = open_database(tmp_path / "voronka.db")  # a second writer on the same file
    try:
        with other.transaction() as s:
            s.add(Task(title="Call back", deal_id=deal_id))
    finally:
        other.close()
    with pytest.raises(RevertRefused) as exc:
        db.run(revert_import, result.batch_id)
    assert any("tasks" in r for r in exc.value.reasons)


def test_sample_specific_figures(db):
    from voronka.models.orm import CustomField, CustomFieldValue, Deal

    _import(db, "amocrm_like/deals.xlsx")
    amo = EXPECTED["amocrm_like/deals.xlsx"]
    with db.session() as s:
        field = s.scalar(select(CustomField.id).where(CustomField.key == "pipeline"))
        per_pipeline = dict(s.execute(select(CustomFieldValue.value, func.count())
                                      .where(CustomFieldValue.field_id == field).group_by(CustomFieldValue.value)).all())
        zero = s.scalar(select(func.count()).select_from(Deal).where(Deal.amount_minor == 0))
        no_reason = s.scalar(select(func.count()).select_from(Deal)
                             .where(Deal.status == "lost", Deal.lost_reason_id.is_(None)))
    assert per_pipeline == amo["deals_per_pipeline"]
    assert (zero, no_reason) == (amo["zero_budget"], amo["lost_without_reason"])


def test_sheet_inns_and_empty_amounts(db):
    from voronka.models.orm import Company, Deal

    _import(db, "spreadsheet/pipeline.xlsx")
    sheet = EXPECTED["spreadsheet/pipeline.xlsx"]
    with db.session() as s:
        with_inn = s.scalar(select(func.count()).select_from(Company).where(Company.inn.is_not(None)))
        no_amount = s.scalar(select(func.count()).select_from(Deal).where(Deal.amount_minor.is_(None)))
    assert with_inn == sheet["total"] - sheet["inn_empty"]  # INNs typed as numbers kept their leading zero
    assert no_amount == sheet["unparseable_amounts"] + sheet["empty_amounts"]
