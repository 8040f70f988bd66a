"""The search box in the main window: Ctrl+K, typing, the grouped list, Enter opens the card,
Esc closes; searches run on the executor and a stale answer never replaces a newer one."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from card_helpers import app_context, discard_unsaved_edits, settled
from voronka.models.services.companies import create_company, update_company
from voronka.models.services.contacts import create_contact
from voronka.models.services.deals import create_deal
from voronka.models.services.tasks import add_task
from voronka.views.cards.host import existing_window
from voronka.views.main_window import MainWindow
from voronka.views.search import box as box_module
from voronka.views.search.model import HIT_ROLE, SUBTITLE_ROLE


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch):
    discard_unsaved_edits(monkeypatch)


@pytest.fixture
def ctx(db, tmp_path):
    return app_context(db, tmp_path, 1)


@pytest.fixture
def window(ctx, qtbot):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def type_into(box, text: str) -> None:
    """Type ``text`` as key presses (QTest's keyClicks takes only ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(box, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def shown(box) -> list[tuple[str, str]]:
    """(kind, title) of the hits in the list, in order."""
    rows = []
    for n in range(box.model.rowCount()):
        hit = box.model.index(n, 0).data(HIT_ROLE)
        if hit is not None:
            rows.append((hit.kind, hit.title))
    return rows


def test_ctrl_k_typing_and_enter_open_the_card(ctx, window, qtbot):
    acme = ctx.db.run(create_company, {"name": "ООО «Ёлочка»", "inn": "7707083893"}).created[0]
    ctx.db.run(create_contact, {"full_name": "Пётр Ёжиков", "phone_work": "+7 916 123-45-67", "company": acme})
    box = window.search_box
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert box.hasFocus()
    type_into(box, "8 916 123 45 67")
    qtbot.waitUntil(lambda: box.popup.isVisible() and shown(box) == [("contact", "Пётр Ёжиков")])
    assert box.popup.view.currentIndex().data(HIT_ROLE).kind == "contact"  # the first hit is chosen
    box.selectAll()
    type_into(box, "ёлоч")
    qtbot.waitUntil(lambda: shown(box) == [("company", "ООО «Ёлочка»")])
    qtbot.keyClick(box, Qt.Key.Key_Return)
    card = existing_window("company", acme)
    assert card is not None and settled(qtbot, card.card).window().windowTitle() == "ООО «Ёлочка»"
    qtbot.addWidget(card)
    assert not box.popup.isVisible()


def test_arrows_skip_the_headers_and_escape_closes(ctx, window, qtbot):
    acme = ctx.db.run(create_company, {"name": "Альфа", "website": "alfa.ru"}).created[0]
    deal = ctx.db.run(create_deal, name="Альфа: поставка", user_id=1, company_id=acme).created[0]
    ctx.db.run(add_task, title="Альфа: позвонить", assignee_id=1, deal_id=deal)
    box = window.search_box
    box.activate()
    type_into(box, "альфа")
    qtbot.waitUntil(lambda: len(shown(box)) == 3)
    assert [k for k, _t in shown(box)] == ["deal", "company", "task"]
    assert box.model.rowCount() == 6  # a header above each kind
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.popup.current_hit().kind == "task"
    qtbot.keyClick(box, Qt.Key.Key_Down)  # the last one stays chosen
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.popup.current_hit().kind == "company"
    qtbot.keyClick(box, Qt.Key.Key_Return)  # opens the chosen company
    assert existing_window("company", acme) is not None
    qtbot.addWidget(existing_window("company", acme))
    settled(qtbot, existing_window("company", acme).card)
    box.activate()
    qtbot.waitUntil(box.popup.isVisible)
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.popup.current_hit().kind == "deal"
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not box.popup.isVisible() and box.text() == "альфа"
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # a second Esc empties the box
    assert box.text() == ""


def test_a_task_hit_opens_its_deal_and_nothing_found_is_said(ctx, window, qtbot):
    deal = ctx.db.run(create_deal, name="Поставка", user_id=1).created[0]
    ctx.db.run(add_task, title="Выставить счёт", assignee_id=1, deal_id=deal)
    box = window.search_box
    box.activate()
    type_into(box, "выстав сче")
    qtbot.waitUntil(lambda: shown(box) == [("task", "Выставить счёт")])
    qtbot.keyClick(box, Qt.Key.Key_Enter)
    card = existing_window("deal", deal)
    assert card is not None
    qtbot.addWidget(card)
    settled(qtbot, card.card)
    box.activate()
    box.clear()
    type_into(box, "нет такого")
    qtbot.waitUntil(lambda: box.model.text == "нет такого")
    assert shown(box) == [] and box.model.index(0, 0).data() == "Nothing found"
    qtbot.keyClick(box, Qt.Key.Key_Return)  # nothing to open: nothing happens


def test_searches_run_on_the_executor_and_a_stale_answer_never_wins(ctx, window, qtbot, monkeypatch):
    ctx.db.run(create_company, {"name": "Альфа"})
    ctx.db.run(create_company, {"name": "Бета"})
    release, threads = threading.Event(), []
    real = box_module.search_everything

    def slow_first(session, typed, *args, **kwargs):
        threads.append(threading.current_thread())
        if typed == "альфа":
            release.wait(5)  # the first search is still running when the second is asked
        return real(session, typed, *args, **kwargs)

    monkeypatch.setattr(box_module, "search_everything", slow_first)
    box = window.search_box
    seen = []
    box.results_shown.connect(lambda results: seen.append(results.text))
    box.activate()
    box.setText("альфа")
    box.run_search()
    qtbot.waitUntil(lambda: len(threads) == 1)
    box.setText("бета")
    box.run_search()
    release.set()
    qtbot.waitUntil(lambda: seen == ["бета"])
    qtbot.waitUntil(ctx.executor.idle)
    assert seen == ["бета"] and shown(box) == [("company", "Бета")]
    assert threading.main_thread() not in threads


def test_an_edit_while_the_list_is_open_shows_the_new_name(ctx, window, qtbot):
    acme = ctx.db.run(create_company, {"name": "Гамма"}).created[0]
    box = window.search_box
    box.activate()
    type_into(box, "гам")
    qtbot.waitUntil(lambda: shown(box) == [("company", "Гамма")])
    ctx.run(update_company, acme, {"name": "Гамма Плюс"})
    qtbot.waitUntil(lambda: shown(box) == [("company", "Гамма Плюс")])


def test_the_box_and_list_speak_russian_after_a_language_switch(ctx, window, qtbot):
    from voronka.views.i18n import install_language

    ctx.db.run(create_company, {"name": "Ромашка", "inn": "7707083893"})
    ctx.set_language("ru")
    try:
        box = window.search_box
        assert box.placeholderText().startswith("Поиск")
        box.activate()
        type_into(box, "7707 083893")
        qtbot.waitUntil(lambda: shown(box) == [("company", "Ромашка")])
        assert box.model.index(0, 0).data() == "Компании"
        assert box.model.index(1, 0).data(SUBTITLE_ROLE) == "ИНН 7707083893"
    finally:
        install_language("en")


def test_undo_and_redo_of_an_edit_move_the_index_with_them(ctx, window, qtbot):
    from voronka.models.queries.search import search_everything
    from voronka.views.undo import push_guarded

    acme = ctx.db.run(create_company, {"name": "Дельта"}).created[0]

    def titles(typed: str) -> set[str]:
        return {h.title for h in ctx.query(search_everything, typed).hits}

    push_guarded(ctx, "Edit", "company", acme, ["name"],
                 lambda s: update_company(s, acme, {"name": "Омега"}),
                 lambda s: update_company(s, acme, {"name": "Дельта"}))
    assert titles("омега") == {"Омега"} and titles("дельта") == set()
    assert ctx.undo_stack.undo()
    assert titles("дельта") == {"Дельта"} and titles("омега") == set()
    assert ctx.undo_stack.redo()
    assert titles("омега") == {"Омега"} and titles("дельта") == set()


def test_the_result_model_keeps_qts_contract(ctx, qtbot, qtmodeltester):
    from voronka.models.queries.search import SearchHit, SearchResults
    from voronka.views.board.formatting import money_text
    from voronka.views.search.model import SearchResultsModel

    model = SearchResultsModel("en")
    model.set_results(SearchResults("a", {
        "deal": [SearchHit("deal", 1, "<b>A</b>", ("Acme", "Offer"), status="won", amount_minor=150_000,
                           currency="RUB")],
        "task": [SearchHit("task", 2, "Call", ("A deal",), status="done")]}))
    qtmodeltester.check(model)
    assert model.index(1, 0).data() == "<b>A</b>"  # shown as the characters typed (the delegate draws text)
    amount = money_text(150_000, "RUB", "en")
    assert model.index(1, 0).data(SUBTITLE_ROLE) == f"Acme · Offer · {amount} · won"
    assert model.index(3, 0).data(SUBTITLE_ROLE) == "A deal · done"
    assert model.next_hit_row(-1, 1) == 1 and model.next_hit_row(1, 1) == 3 and model.next_hit_row(3, 1) is None
