"""The import wizard driven page by page with pytest-qt on the shared samples: the database
afterwards holds what expected.json says; the import is one undoable step; Settings →
Imports reverts it, and refuses once someone has worked on the imported deals."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from voronka.models.orm import Deal, ImportBatch, User
from voronka.views.app_context import AppContext
from voronka.views.importing.imports_tab import ImportsTab
from voronka.views.importing.wizard import ImportWizard

SAMPLES = Path(__file__).parent / "data" / "samples"
EXPECTED = json.loads((SAMPLES / "expected.json").read_text("utf-8"))


@pytest.fixture
def ctx(db, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(db, settings, language="en")
    context.user_id = 3  # Helen Head
    return context


@pytest.fixture
def errors_shown(monkeypatch):
    """Error dialogs become a list (a modal box would stop the test)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    return shown


def wizard_for(ctx, qtbot, *files: str) -> ImportWizard:
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.files_page.add_files([SAMPLES / f for f in files])
    qtbot.waitUntil(lambda: not wizard.files_page.reading() and wizard.files_page.isComplete(), timeout=30000)
    return wizard


def go_to(wizard: ImportWizard, qtbot, page_id: int) -> None:
    """Press Next until ``page_id``, waiting for each page's background look at the files."""
    while wizard.currentId() < page_id:
        page = wizard.currentPage()
        qtbot.waitUntil(lambda: not (wizard.task and wizard.task.running) and page.isComplete(), timeout=60000)
        wizard.next()
    qtbot.waitUntil(lambda: not (wizard.task and wizard.task.running), timeout=60000)


def run_import(wizard: ImportWizard, qtbot) -> None:
    go_to(wizard, qtbot, ImportWizard.DRY_RUN)
    assert wizard.currentPage().isComplete(), [str(p) for p in wizard.session.dry.problems if p.blocking][:5]
    wizard.next()  # the commit button: Import
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.DONE, timeout=120000)


def outcome(db) -> dict:
    with db.session() as s:
        status = dict(s.execute(select(Deal.status, func.count()).group_by(Deal.status)).all())
        won = {cur: Decimal(minor) / 100 for cur, minor in s.execute(
            select(Deal.currency, func.sum(Deal.amount_minor)).where(Deal.status == "won").group_by(Deal.currency))}
        owners = s.scalar(select(func.count(func.distinct(Deal.owner_id))))
    return {"total": sum(status.values()), "won": status.get("won", 0), "lost": status.get("lost", 0),
            "open": status.get("open", 0), "won_revenue": won, "distinct_owners": owners}


def assert_matches_expected(db, sample: str) -> None:
    expected = EXPECTED[sample]
    got = outcome(db)
    for key in ("total", "won", "lost", "open", "distinct_owners"):
        assert got[key] == expected[key], key
    assert got["won_revenue"] == {c: Decimal(str(v)) for c, v in expected["won_revenue"].items()}


def test_the_amocrm_export_goes_in_through_every_page(ctx, qtbot):
    wizard = wizard_for(ctx, qtbot, "amocrm_like/deals.xlsx")
    files = wizard.files_page
    assert "headers in row 1" in files.detected.text() and "1,200" not in files.detected.text()
    assert files.preview_model.rowCount() == 50 and files.preview_model.headers[0] == "ID"
    go_to(wizard, qtbot, ImportWizard.VALUES)
    values = wizard.values_page
    stage_values = {values.stage_model.rows[i][0]: values.stage_model.targets[i]
                    for i in range(values.stage_model.rowCount())}
    assert stage_values["Успешно реализовано"] == "won" and stage_values["Закрыто и не реализовано"] == "lost"
    go_to(wizard, qtbot, ImportWizard.PEOPLE)
    owners = wizard.people_page.owner_model
    assert owners.rowCount() == EXPECTED["amocrm_like/deals.xlsx"]["distinct_owners"]
    owners.set_target(0, "sdr")  # one of them is an SDR, the others keep the default role
    sdr = owners.rows[0][0]
    run_import(wizard, qtbot)
    assert_matches_expected(ctx.db, "amocrm_like/deals.xlsx")
    with ctx.db.session() as s:
        roles = dict(s.execute(select(User.name, User.role)).all())
    assert roles[sdr] == "sdr" and roles[owners.rows[1][0]] == "ae"
    assert "1,200 deals imported" in wizard.done_page.summary.text().replace("\u202f", ",").replace(" ", ",") \
        or "1 200" in wizard.done_page.summary.text()


def test_the_bitrix24_cp1251_export_goes_in_with_its_currencies(ctx, qtbot):
    wizard = wizard_for(ctx, qtbot, "bitrix24_like/deals.csv")
    detected = wizard.files_page.detected.text()
    assert "Windows-1251" in detected and "«;»" in detected
    run_import(wizard, qtbot)
    assert_matches_expected(ctx.db, "bitrix24_like/deals.csv")


def test_a_stage_value_mapped_to_skip_leaves_those_rows_out(ctx, qtbot):
    wizard = wizard_for(ctx, qtbot, "amocrm_like/deals.xlsx")
    go_to(wizard, qtbot, ImportWizard.VALUES)
    model = wizard.values_page.stage_model
    row = next(i for i in range(model.rowCount()) if model.rows[i][0] == "Неразобранное")
    model.set_target(row, "skip")
    assert wizard.session.preset.stages["Неразобранное"] == "skip"
    run_import(wizard, qtbot)
    assert outcome(ctx.db)["total"] == 1200 - EXPECTED["amocrm_like/deals.xlsx"]["deals_per_stage"]["Неразобранное"]


def test_undo_reverts_the_import_and_redo_brings_it_back(ctx, qtbot):
    wizard = wizard_for(ctx, qtbot, "bitrix24_like/deals.csv")
    run_import(wizard, qtbot)
    with ctx.db.session() as s:
        users_before_undo = s.scalar(select(func.count()).select_from(User))
    assert ctx.undo_stack.count() == 1 and ctx.undo_stack.undoText().startswith("Import of deals.csv")
    ctx.undo_stack.undo()
    assert outcome(ctx.db)["total"] == 0
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 3  # the new owners went too
    ctx.undo_stack.redo()
    assert outcome(ctx.db)["total"] == 800
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(User)) == users_before_undo


def test_undo_refuses_with_the_reason_once_a_deal_changed_hands(ctx, qtbot, errors_shown):
    from voronka.models.services.deals import change_owner

    wizard = wizard_for(ctx, qtbot, "bitrix24_like/deals.csv")
    run_import(wizard, qtbot)
    refused = []
    ctx.error.connect(refused.append)
    with ctx.db.session() as s:
        deal_id = s.scalar(select(Deal.id).where(Deal.status == "open").limit(1))
    ctx.run(change_owner, [deal_id], 2, user_id=2)
    ctx.undo_stack.undo()
    assert refused and "cannot be reverted" in str(refused[0])
    assert outcome(ctx.db)["total"] == 800


def test_settings_imports_lists_the_import_and_reverts_it(ctx, qtbot):
    wizard = wizard_for(ctx, qtbot, "bitrix24_like/deals.csv")
    run_import(wizard, qtbot)
    tab = ImportsTab(ctx)
    qtbot.addWidget(tab)
    assert tab.model.rowCount() == 1
    assert tab.model.rows[0][1] == "Helen Head" and tab.model.rows[0][2] == "deals.csv" and tab.model.rows[0][3] == 800
    tab.view.selectRow(0)
    assert tab.revert_button.isEnabled()
    assert tab.revert_selected(ask=False)
    assert outcome(ctx.db)["total"] == 0
    with ctx.db.session() as s:
        assert s.scalar(select(ImportBatch.reverted_at)) is not None
    assert tab.model.rows[0][5].startswith("reverted")
    tab.view.selectRow(0)
    assert not tab.revert_button.isEnabled()


def test_settings_imports_refuses_to_revert_after_a_later_edit(ctx, qtbot, errors_shown):
    from voronka.models.services.deals import update_deal

    wizard = wizard_for(ctx, qtbot, "bitrix24_like/deals.csv")
    run_import(wizard, qtbot)
    with ctx.db.session() as s:
        deal_id = s.scalar(select(Deal.id).limit(1))
    ctx.run(update_deal, deal_id, {"name": "Renamed by Alex"})
    tab = ImportsTab(ctx)
    qtbot.addWidget(tab)
    tab.view.selectRow(0)
    assert not tab.revert_selected(ask=False)
    assert errors_shown and "cannot be reverted" in errors_shown[0] and "edited since" in errors_shown[0]
    assert outcome(ctx.db)["total"] == 800


def test_a_saved_mapping_is_offered_for_the_next_file_of_that_shape(ctx, qtbot, tmp_path):
    wizard = wizard_for(ctx, qtbot, "pipedrive_like/deals.csv")
    run_import(wizard, qtbot)
    wizard.done_page.name.setText("Our Pipedrive")
    wizard.done_page.save_button.click()
    saved = wizard.session.preset_path
    assert saved is not None and saved.exists() and "Our Pipedrive" in saved.read_text("utf-8")
    again = wizard_for(ctx, qtbot, "pipedrive_like/deals.csv")
    assert again.session.preset_path == saved and again.session.preset.name == "Our Pipedrive"
    go_to(again, qtbot, ImportWizard.DRY_RUN)
    assert again.session.dry.already_imported == EXPECTED["pipedrive_like/deals.csv"]["total"]


def test_problems_are_grouped_and_exported_as_csv(ctx, qtbot, tmp_path):
    wizard = wizard_for(ctx, qtbot, "spreadsheet/pipeline.xlsx")
    go_to(wizard, qtbot, ImportWizard.DRY_RUN)
    page = wizard.dry_run_page
    kinds = {page.problems.item(r, 0).text() for r in range(page.problems.rowCount())}
    assert any(k.startswith("Amount cannot be read") for k in kinds)
    out = tmp_path / "problems.csv"
    page.write_problems(out)
    text = out.read_text("utf-8-sig")
    for cell in EXPECTED["spreadsheet/pipeline.xlsx"]["unparseable_amount_cells"]:
        assert cell in text


def test_the_empty_start_page_offers_the_import_until_a_deal_exists(ctx, qtbot):
    from voronka.models.services.deals import create_deal
    from voronka.views.start.page import StartPage

    page = StartPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.empty_state.isVisible() and page.empty_state.import_button.isVisible(),
                    timeout=5000)
    ctx.run(create_deal, name="First deal", user_id=3)
    qtbot.waitUntil(lambda: not page.empty_state.isVisible(), timeout=5000)


def test_the_first_run_can_start_with_the_import_wizard(monkeypatch, qtbot):
    from voronka.desktop import app as app_module
    from voronka.views import opening_dialogs as dialogs
    from voronka.models.paths import default_database

    monkeypatch.setattr(dialogs, "ask_first_run", lambda parent=None: "import")
    args = app_module.parse_args([])
    assert app_module.choose_database(args) == str(default_database())
    assert args.first_run == "import"


def test_the_file_menu_opens_the_wizard(ctx, qtbot):
    from voronka.views.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.file_actions.import_action.trigger()
    wizards = [w for w in window.findChildren(ImportWizard)]
    assert len(wizards) == 1 and wizards[0].isVisible()
    wizards[0].reject()
