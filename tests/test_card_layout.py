"""The head of sales reshapes cards without code: custom fields, pinned fields, required-from-stage."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame
from sqlalchemy import select

from card_helpers import app_context, settled
from voronka.models.orm import CustomField, Stage
from voronka.models.services.companies import create_company
from voronka.models.services.deals import create_deal
from voronka.views.cards import open_card
from voronka.views.cards.layout_editor import KEY_ROLE, CardLayoutEditor


@pytest.fixture
def ctx(db, tmp_path):
    return app_context(db, tmp_path, 3)


@pytest.fixture
def editor(ctx, qtbot):
    widget = CardLayoutEditor(ctx)
    qtbot.addWidget(widget)
    return widget


def test_a_field_added_in_the_editor_appears_on_every_card_of_that_kind(ctx, qtbot, editor):
    a = ctx.db.run(create_company, {"name": "Acme"}).created[0]
    b = ctx.db.run(create_company, {"name": "Globex"}).created[0]
    cards = [open_card(ctx, "company", a), open_card(ctx, "company", b)]
    for card in cards:
        qtbot.addWidget(card.window())
    deal = open_card(ctx, "deal", ctx.db.run(create_deal, name="D", user_id=3).created[0])
    qtbot.addWidget(deal.window())
    editor.set_kind("company")
    editor.add_field(label_ru="Тариф", label_en="Plan tier", type="select", options=["Basic", "Pro"], block="size")
    for card in cards:
        assert "custom:plan_tier" in settled(qtbot, card).form.editors
        assert card.form.blocks["size"].form.indexOf(card.editor("custom:plan_tier")) >= 0
    assert "custom:plan_tier" not in settled(qtbot, deal).form.editors
    ctx.undo_stack.undo()
    assert all("custom:plan_tier" not in settled(qtbot, card).form.editors for card in cards)
    with ctx.db.session() as s:
        assert s.scalar(select(CustomField.id)) is None


def test_pinning_a_field_puts_it_on_top_of_the_card(ctx, qtbot, editor):
    card = open_card(ctx, "company", ctx.db.run(create_company, {"name": "Acme"}).created[0])
    qtbot.addWidget(card.window())
    editor.set_kind("company")
    editor.select_key("inn")
    editor.toggle_pinned()
    frame = settled(qtbot, card).form.findChild(QFrame, "pinnedFields")
    assert frame is not None and card.editor("inn").parentWidget() is frame
    row = editor.model.match(editor.model.index(0, 0), KEY_ROLE, "inn", 1, Qt.MatchFlag.MatchRecursive)[0]
    assert row.siblingAtColumn(2).data() == "✓"
    ctx.undo_stack.undo()
    assert settled(qtbot, card).editor("inn").parentWidget() is not frame


def test_required_from_stage_is_set_in_the_editor_and_shown_on_the_lead_card(ctx, qtbot, editor):
    editor.set_kind("deal")
    editor.select_key("expected_close")
    index = editor.required_box.findData("offer_sent")
    editor.required_box.setCurrentIndex(index)
    editor.set_required("offer_sent")
    with ctx.db.session() as s:
        required = dict(s.execute(select(Stage.key, Stage.required_fields).where(Stage.pipeline_id == 1)).all())
    assert "expected_close" in required["offer_sent"] and "expected_close" not in required["test_started"]
    card = open_card(ctx, "deal", ctx.db.run(create_deal, name="D", user_id=3).created[0])
    qtbot.addWidget(card.window())
    assert "Offer sent" in settled(qtbot, card).editor("expected_close").hint.text()


def test_the_lead_card_can_pin_but_not_move_fields(ctx, editor):
    editor.set_kind("lead")
    editor.select_key("amount")
    assert editor.pin_box.isEnabled() and not editor.up_button.isEnabled() and not editor.add_button.isEnabled()


def test_retiring_a_field_hides_it_and_restoring_brings_it_back(ctx, qtbot, editor):
    editor.set_kind("company")
    fid = editor.add_field(label_ru="Тариф", label_en="Tier", type="text")
    card = open_card(ctx, "company", ctx.db.run(create_company, {"name": "Acme", "custom:tier": "Gold"}).created[0])
    qtbot.addWidget(card.window())
    editor.select_key("custom:tier")
    editor.toggle_retired()
    assert "custom:tier" not in settled(qtbot, card).form.editors
    with ctx.db.session() as s:
        assert s.get(CustomField, fid).retired
    editor.select_key("custom:tier")
    editor.toggle_retired()
    assert settled(qtbot, card).editor("custom:tier").line.text() == "Gold"
