"""`voronka import`: the history folder of spec/exchange.md, all or nothing, idempotent."""
from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from voronka.desktop.cli import main as cli
from voronka.models.demo import build_demo
from voronka.models.db import open_database
from voronka.models.history_import.export import export_history
from voronka.models.history_import.problems import ImportRejected
from voronka.models.history_import.writer import import_history
from voronka.models.orm import Activity, Company, Deal, DealEvent, LostReason, Plan, Stage, User
from voronka.models.services.replay import replay_deal

TABLES = (Deal, DealEvent, Company, User, LostReason, Activity, Plan)
DEAL_HEADER = ["deal_id", "name", "company", "website", "amount", "currency", "owner", "source", "segment",
               "cohort", "created_at", "expected_close", "status", "closed_at", "lost_reason"]
HISTORY_HEADER = ["deal_id", "stage", "entered_at", "user"]


def write_folder(folder: Path, files: dict[str, list[list[str]]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in files.items():
        with (folder / name).open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(rows)
    return folder


def deal(deal_id, owner="Sasha SDR", status="open", closed_at="", reason="", amount="", created_at="",
         company="Ромашка", website="romashka.ru", name=""):
    return [deal_id, name, company, website, amount, "RUB", owner, "outbound", "SMB", "2026-S21", created_at,
            "", status, closed_at, reason]


def good_folder(tmp_path: Path) -> Path:
    return write_folder(tmp_path / "good", {
        "users.csv": [["name", "role"], ["Ivan Closer", "ae"]],
        "deals.csv": [DEAL_HEADER,
                      deal("A-1", status="won", closed_at="2026-10-20 16:00:00", amount="1250000.50"),
                      deal("A-2", owner="Ivan Closer", status="lost", closed_at="2026-10-12T12:00:00",
                           reason="Пользуются решением конкурента", company="Лютик", website="https://www.lutik.ru/"),
                      deal("A-3", company="Ромашка", website="romashka.ru")],
        "stage_history.csv": [HISTORY_HEADER,
                              ["A-1", "work_started", "2026-10-01T09:00:00", ""],
                              ["A-1", "demo_run", "2026-10-10 11:00:00", "Alex AE"],
                              ["A-2", "outreach_started", "2026-10-02T10:00:00+03:00", "Ivan Closer"],
                              ["A-3", "unsorted", "2026-10-21T14:05:00+00:00", ""]],
        "activities.csv": [["deal_id", "user", "type", "at"], ["A-1", "Sasha SDR", "call", "2026-10-01 10:00"],
                           ["", "Ivan Closer", "email", "2026-10-02T10:00:00"]],
        "plans.csv": [["period", "user", "amount"], ["2026", "", "12000000"], ["2026-10", "Ivan Closer", "500000"]],
    })


def counts(db) -> dict[str, int]:
    with db.session() as s:
        return {t.__tablename__: s.scalar(select(func.count()).select_from(t)) for t in TABLES}


def events_of(db, external_id: str) -> list[tuple[str, datetime, str | None]]:
    with db.session() as s:
        rows = s.execute(select(DealEvent.kind, DealEvent.at, Stage.key).join(Deal, Deal.id == DealEvent.deal_id)
                         .outerjoin(Stage, Stage.id == DealEvent.stage_id)
                         .where(Deal.external_id == external_id).order_by(DealEvent.at, DealEvent.id)).all()
    return [tuple(r) for r in rows]


def deal_by_external(db, external_id: str) -> Deal:
    with db.session() as s:
        return s.scalars(select(Deal).where(Deal.external_id == external_id)).one()


def test_bad_rows_in_several_files_reject_the_whole_import_naming_every_row(db, tmp_path, capsys):
    folder = good_folder(tmp_path)
    write_folder(folder, {
        "users.csv": [["name", "role"], ["Ivan Closer", "ae"], ["Boss", "king"]],
        "deals.csv": [DEAL_HEADER,
                      deal("A-1", status="won", closed_at="", amount="1250000"),           # line 2: closed_at
                      deal("A-2", status="lost", closed_at="2026-10-12T12:00:00"),         # line 3: lost_reason
                      deal("A-3", owner="Nobody"),                                         # line 4: owner
                      deal("A-4", amount="12,5,0", website="не сайт")],                    # line 5: amount, website
        "stage_history.csv": [HISTORY_HEADER,
                              ["A-1", "work_started", "2026-10-01T09:00:00", ""],
                              ["A-2", "nowhere", "2026-10-01T09:00:00", ""],               # line 3: stage
                              ["A-3", "unsorted", "21.10.2026", ""],                       # line 4: entered_at
                              ["A-9", "unsorted", "2026-10-01T09:00:00", ""],              # line 5: deal_id
                              ["A-4", "unsorted", "2026-10-01T09:00:00", "Ghost"]],        # line 6: user
        "activities.csv": [["deal_id", "user", "type", "at"], ["A-1", "Sasha SDR", "lunch", "2026-10-01 10:00"]],
        "plans.csv": [["period", "user", "amount"], ["2026-13", "", "100"]],
    })
    before = counts(db)
    db_path = db.location
    db.close()
    assert cli(["import", "--db", str(db_path), "--dir", str(folder)]) == 2
    err = capsys.readouterr().err
    expected = [("users.csv", 3, "role"), ("deals.csv", 2, "closed_at"), ("deals.csv", 3, "lost_reason"),
                ("deals.csv", 4, "owner"), ("deals.csv", 5, "amount"), ("deals.csv", 5, "website"), ("stage_history.csv", 3, "stage"),
                ("stage_history.csv", 4, "entered_at"), ("stage_history.csv", 5, "deal_id"),
                ("stage_history.csv", 6, "user"), ("activities.csv", 2, "type"), ("plans.csv", 2, "period")]
    for file, line, column in expected:
        assert f"{file}:{line}: {column}:" in err, (file, line, column, err)
    assert "nothing was written" in err
    reopened = open_database(db_path)
    assert counts(reopened) == before
    reopened.close()


def test_a_good_folder_is_imported_with_events_like_the_services_write(db, tmp_path):
    summary = import_history(db, good_folder(tmp_path))
    assert (summary.deals_created, summary.users_created, summary.plans_added) == (3, 1, 2)
    assert summary.companies_created == 2 and summary.activities_added == 2
    won = deal_by_external(db, "A-1")
    assert won.status == "won" and won.amount_minor == 125_000_050
    assert won.name == "romashka.ru - Ромашка"
    with db.session() as s:
        for d in s.scalars(select(Deal)).all():
            state = (d.stage_id, d.stage_entered_at, d.status, d.closed_at, d.lost_reason_id, d.owner_id)
            replay_deal(s, d)
            assert state == (d.stage_id, d.stage_entered_at, d.status, d.closed_at, d.lost_reason_id, d.owner_id)
        assert s.scalar(select(func.count()).select_from(Company).where(Company.website == "lutik.ru")) == 1
        # the same website in two rows is one company
        assert len({d.company_id for d in s.scalars(select(Deal).where(Deal.external_id.in_(["A-1", "A-3"])))}) == 1


def test_won_deal_without_a_won_stage_row_enters_it_at_closed_at(db, tmp_path):
    import_history(db, good_folder(tmp_path))
    closed = datetime(2026, 10, 20, 16, 0)
    assert events_of(db, "A-1") == [
        ("stage", datetime(2026, 10, 1, 9, 0), "work_started"), ("owner", datetime(2026, 10, 1, 9, 0), None),
        ("stage", datetime(2026, 10, 10, 11, 0), "demo_run"), ("stage", closed, "signed"),
        ("won", closed, "signed"),
    ]
    won = deal_by_external(db, "A-1")
    assert (won.closed_at, won.stage_entered_at) == (closed, closed)


def test_lost_deal_is_lost_at_its_stage_with_its_reason(db, tmp_path):
    import_history(db, good_folder(tmp_path))
    assert events_of(db, "A-2")[-1] == ("lost", datetime(2026, 10, 12, 12, 0), "outreach_started")
    lost = deal_by_external(db, "A-2")
    with db.session() as s:
        assert s.get(LostReason, lost.lost_reason_id).text == "Пользуются решением конкурента"


def test_timestamps_with_a_space_or_an_offset_are_team_local(db, tmp_path):
    import_history(db, good_folder(tmp_path))
    assert events_of(db, "A-1")[2][1] == datetime(2026, 10, 10, 11, 0)  # "2026-10-10 11:00:00"
    assert events_of(db, "A-3")[0][1] == datetime(2026, 10, 21, 17, 5)  # 14:05 UTC is 17:05 in Moscow
    assert events_of(db, "A-2")[0][1] == datetime(2026, 10, 2, 10, 0)  # +03:00 is Moscow already


def test_empty_user_means_the_deals_owner(db, tmp_path):
    import_history(db, good_folder(tmp_path))
    with db.session() as s:
        first = s.execute(select(DealEvent.user_id, User.name).join(User, User.id == DealEvent.user_id)
                          .join(Deal, Deal.id == DealEvent.deal_id)
                          .where(Deal.external_id == "A-1").order_by(DealEvent.id)).all()
    assert [name for _uid, name in first[:3]] == ["Sasha SDR", "Sasha SDR", "Alex AE"]


def test_importing_the_same_folder_twice_changes_nothing(db, tmp_path):
    folder = good_folder(tmp_path)
    import_history(db, folder)
    once = counts(db)
    summary = import_history(db, folder)
    assert counts(db) == once
    assert summary.deals_skipped == 3 and summary.deals_created == 0 and summary.activities_skipped == 2


def test_new_history_for_an_imported_deal_is_counted_not_applied(db, tmp_path):
    folder = good_folder(tmp_path)
    import_history(db, folder)
    with (folder / "stage_history.csv").open("a", encoding="utf-8") as fh:
        fh.write("A-3,work_started,2026-10-22T10:00:00,\n")
    summary = import_history(db, folder)
    assert summary.deals_with_newer_history == 1
    assert len(events_of(db, "A-3")) == 2


def test_a_reused_deal_id_with_another_history_is_refused(db, tmp_path):
    folder = good_folder(tmp_path)
    import_history(db, folder)
    rows = list(csv.reader((folder / "stage_history.csv").open(encoding="utf-8")))
    rows[4][2] = "2026-09-01T10:00:00"  # A-3 now starts earlier: not the deal imported before
    write_folder(folder, {"stage_history.csv": rows})
    with pytest.raises(ImportRejected) as err:
        import_history(db, folder)
    assert [(p.file, p.line, p.column) for p in err.value.problems] == [("deals.csv", 4, "deal_id")]


def test_a_user_already_in_the_database_need_not_be_in_users_csv(db, tmp_path):
    folder = good_folder(tmp_path)
    (folder / "users.csv").unlink()
    with pytest.raises(ImportRejected) as err:
        import_history(db, folder)
    assert {p.column for p in err.value.problems} == {"owner", "user"}  # Ivan Closer only, not Sasha SDR


def test_a_new_lost_reason_is_added_to_the_list(db, tmp_path):
    folder = good_folder(tmp_path)
    rows = list(csv.reader((folder / "deals.csv").open(encoding="utf-8")))
    rows[2][-1] = "Ушли в отпуск до весны"
    write_folder(folder, {"deals.csv": rows})
    assert import_history(db, folder).lost_reasons_added == 1
    with db.session() as s:
        assert s.scalar(select(LostReason.id).where(LostReason.text == "Ушли в отпуск до весны"))


def test_demo_exported_and_imported_again_has_the_same_deals_and_events(tmp_path):
    source = open_database(tmp_path / "demo.db")
    build_demo(source, deals=400, seed=5, anchor=date(2026, 6, 15))
    export_history(source, tmp_path / "export")
    target = open_database(tmp_path / "copy.db")
    summary = import_history(target, tmp_path / "export")
    assert summary.deals_created == 400

    def sales(db):
        with db.session() as s:
            kinds = dict(s.execute(select(DealEvent.kind, func.count()).join(Deal, Deal.id == DealEvent.deal_id)
                                   .where(Deal.pipeline_id == 1).group_by(DealEvent.kind)).all())
            state = s.execute(select(Deal.name, Deal.status, Stage.key, Deal.amount_minor, Deal.closed_at,
                                     Deal.created_at, Deal.cohort).join(Stage, Stage.id == Deal.stage_id)
                              .where(Deal.pipeline_id == 1).order_by(Deal.created_at, Deal.name)).all()
        return kinds, state

    (kinds_a, state_a), (kinds_b, state_b) = sales(source), sales(target)
    assert state_a == state_b
    for kind in ("stage", "won", "lost"):
        assert kinds_a[kind] == kinds_b[kind]
    # the format keeps the owner at creation only, not the SDR → AE hand-over
    assert kinds_b["owner"] == 400 <= kinds_a["owner"]
    source.close()
    target.close()


def test_the_command_imports_and_a_refused_import_leaves_no_new_database_behind(tmp_path, capsys):
    folder = good_folder(tmp_path)
    fresh = tmp_path / "fresh.db"
    write_folder(tmp_path / "bad", {"deals.csv": [DEAL_HEADER, deal("X", owner="Nobody")],
                                    "stage_history.csv": [HISTORY_HEADER, ["X", "unsorted", "2026-10-01", ""]]})
    assert cli(["import", "--db", str(fresh), "--dir", str(tmp_path / "bad")]) == 2
    assert "deals.csv:2: owner:" in capsys.readouterr().err
    assert not fresh.exists()
    write_folder(folder, {"users.csv": [["name", "role"], ["Ivan Closer", "ae"], ["Sasha SDR", "sdr"],
                                        ["Alex AE", "ae"]]})
    assert cli(["import", "--db", str(fresh), "--dir", str(folder)]) == 0
    assert "Imported 3 deals" in capsys.readouterr().out
