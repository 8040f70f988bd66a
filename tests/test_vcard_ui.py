"""vCard from the UI: File → Import contacts shows who is known already and imports as one
undoable step; the contact card and File → Export contacts write .vcf files that read back."""
from __future__ import annotations

from pathlib import Path

import pytest

from card_helpers import settled
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog
from sqlalchemy import func, select

from voronka.models.importing import import_files, open_files, suggest_preset
from voronka.models.importing.vcard import read_vcards
from voronka.models.orm import Contact
from voronka.views.app_context import AppContext
from voronka.views.importing import vcard as vcard_ui

SAMPLES = Path(__file__).parent / "data" / "samples"
VCF = SAMPLES / "contacts" / "contacts.vcf"


@pytest.fixture
def ctx(db, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(db, settings, language="en")
    context.user_id = 3
    return context


def contacts(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Contact))


def accept_with(choice: str, seen: list):
    def exec_(dialog):
        seen.append(dialog)
        dialog.found.setCurrentIndex(dialog.found.findData(choice))
        return QDialog.DialogCode.Accepted
    return exec_


def test_vcard_import_from_the_file_menu_is_one_undoable_step(ctx, qtbot, monkeypatch):
    seen: list = []
    monkeypatch.setattr(vcard_ui.VCardImportDialog, "exec", accept_with("merge", seen))
    done = vcard_ui.import_vcard_dialog(ctx, None, VCF)
    plan_counts = seen[0]
    assert done is not None and contacts(ctx.db) == done.counts["contacts"] > 50
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert contacts(ctx.db) == 0
    ctx.undo_stack.redo()
    assert contacts(ctx.db) == done.counts["contacts"]
    assert plan_counts.import_button.text() == "Import"


def test_people_known_from_the_amocrm_import_are_not_added_twice(ctx, qtbot, monkeypatch):
    tables = open_files([SAMPLES / "amocrm_like" / "deals.xlsx"])
    with ctx.db.session() as s:
        preset, _ = suggest_preset(s, tables)
    ctx.db.run(import_files, tables, preset, user_id=3)
    before = contacts(ctx.db)
    seen: list = []
    monkeypatch.setattr(vcard_ui.VCardImportDialog, "exec", accept_with("merge", seen))
    done = vcard_ui.import_vcard_dialog(ctx, None, VCF)
    same = done.counts["contacts_found"]
    assert same == sum(1 for s in __import__("json").loads((SAMPLES / "expected.json").read_text("utf-8"))
                       ["contacts/contacts.vcf"]["shared_with_amocrm"] if s["same_person"])
    assert contacts(ctx.db) == before + done.counts["contacts"]
    assert seen[0].found.currentData() == "merge"


def test_a_contact_card_and_the_list_export_to_vcard(ctx, qtbot, monkeypatch, tmp_path):
    from voronka.views.cards.contact_card import ContactCard

    monkeypatch.setattr(vcard_ui.VCardImportDialog, "exec", accept_with("merge", []))
    vcard_ui.import_vcard_dialog(ctx, None, VCF)
    with ctx.db.session() as s:
        contact_id, name = s.execute(select(Contact.id, Contact.full_name).where(Contact.email_work.is_not(None))
                                     .limit(1)).one()
    one = tmp_path / "one.vcf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(one), ""))
    card = ContactCard(ctx, contact_id)
    qtbot.addWidget(card)
    settled(qtbot, card)
    assert card.vcard_button.isEnabled()
    card.vcard_button.click()
    cards, problems = read_vcards(one)
    assert [c.name for c in cards] == [name] and not problems
    everyone = tmp_path / "all.vcf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(everyone), ""))
    assert vcard_ui.export_contacts_dialog(ctx) == everyone
    assert len(read_vcards(everyone)[0]) == contacts(ctx.db)
