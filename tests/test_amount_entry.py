"""Amounts typed as Russians type them are taken everywhere (the card, the required-fields
form, quick-create, the import's parser); "250.000" asks which is meant; a refused value
always says why."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from card_helpers import app_context, discard_unsaved_edits, settled
from voronka.models.orm import Deal
from voronka.models.services.deals import create_deal
from voronka.models.values.amounts import AmountAmbiguous, parse_amount, parse_typed_amount
from voronka.views.board.dialogs import RequiredFieldsDialog
from voronka.views.cards import open_card

TAKEN = [("250 000 ₽", Decimal("250000")), ("250 000 руб.", Decimal("250000")),
         ("250\u00a0000,50", Decimal("250000.50")), ("$1,200", Decimal("1200")), ("1 200 000 RUB", Decimal("1200000"))]


def typed(line, text: str) -> None:
    """Type ``text`` as a keyboard layout would (QTest cannot send ₽ or Cyrillic as key presses)."""
    line.setFocus()
    line.insert(text)
    line.textEdited.emit(line.text())


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch):
    discard_unsaved_edits(monkeypatch)


@pytest.mark.parametrize("text,value", TAKEN)
def test_the_one_parser_takes_what_people_type(text, value):
    assert parse_typed_amount(text) == value
    assert parse_amount(text) == value  # the import reads a lone value the same way


def test_250_point_000_reads_two_ways_and_is_not_guessed():
    with pytest.raises(AmountAmbiguous) as caught:
        parse_typed_amount("250.000")
    assert set(caught.value.readings) == {Decimal("250000"), Decimal("250")}


@pytest.mark.parametrize("text,value", TAKEN)
def test_the_deal_card_takes_typed_amounts(db, tmp_path, qtbot, text, value):
    ctx = app_context(db, tmp_path, 1, language="ru")
    deal = db.run(create_deal, name="Pilot", user_id=1).created[0]
    card = open_card(ctx, "deal", deal)
    qtbot.addWidget(card.window())
    settled(qtbot, card)
    line = card.editor("amount").line
    line.clear()
    typed(line, text)
    line.editingFinished.emit()
    assert card.form.problems() == {}
    assert card.save() is True
    with db.session() as s:
        assert s.get(Deal, deal).amount_minor == int(value * 100)


def test_the_card_asks_about_250_point_000_and_saves_nothing(db, tmp_path, qtbot):
    ctx = app_context(db, tmp_path, 1, language="en")
    deal = db.run(create_deal, name="Pilot", user_id=1).created[0]
    card = open_card(ctx, "deal", deal)
    qtbot.addWidget(card.window())
    settled(qtbot, card)
    line = card.editor("amount").line
    qtbot.keyClicks(line, "250.000")
    line.editingFinished.emit()
    assert "250 000 or 250,00" in card.form.problems()["amount"]
    assert card.save() is False
    with db.session() as s:
        assert s.get(Deal, deal).amount_minor is None


def test_the_required_form_says_why_its_button_is_grey(qtbot):
    dialog = RequiredFieldsDialog(["amount"], "Lead qualified", "Acme")
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and dialog.why.isVisible() and "Amount" in dialog.why.text()
    typed(dialog.editor("amount"), "сто тысяч")
    assert not ok.isEnabled() and "Not an amount: write it like" in dialog.why.text()
    dialog.editor("amount").clear()
    typed(dialog.editor("amount"), "250 000 руб.")
    assert ok.isEnabled() and not dialog.why.isVisible()
    assert dialog.values() == {"amount": "250 000 руб."}


def test_the_required_form_asks_which_250_point_000_is_meant(qtbot):
    dialog = RequiredFieldsDialog(["amount"], "Lead qualified", "Acme")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.editor("amount"), "250.000")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "Thousands or a decimal point?" in dialog.why.text()
    assert dialog.readings.isVisible()
    first, second = dialog.reading_buttons
    assert {first.text(), second.text()} == {"I mean 250\u00a0000", "I mean 250"}
    big = first if "000" in first.text() else second
    big.click()
    assert ok.isEnabled() and not dialog.readings.isVisible()
    assert parse_typed_amount(dialog.values()["amount"]) == Decimal("250000")


def test_quick_create_takes_a_russian_amount(db, tmp_path, qtbot):
    from voronka.models.queries.board import board_stages
    from voronka.views.board.board_view import board_order
    from voronka.views.board.quick_create import QuickCreateDialog

    ctx = app_context(db, tmp_path, 1, language="ru")
    stage = board_order(ctx.query(board_stages, "sales"))[0]
    dialog = QuickCreateDialog(ctx, "sales", stage)
    qtbot.addWidget(dialog)
    typed(dialog.name, "Пилот")
    typed(dialog.amount, "250 000 ₽")
    dialog.create()
    assert dialog.created_id is not None
    with db.session() as s:
        assert s.scalar(select(Deal.amount_minor).where(Deal.id == dialog.created_id)) == 25_000_000
