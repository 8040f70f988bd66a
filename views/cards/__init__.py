"""Deal, lead, contact and company cards.

``open_card(ctx, kind, record_id, parent)`` shows a record's card (the shell calls it on
``ctx.open_record``); ``new_card(ctx, kind, parent, **defaults)`` an empty company or
contact card that creates the record on Save. Both return the card widget.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMainWindow, QWidget

from voronka.models.errors import NotFound

from ..app_context import AppContext
from .record_card import RecordCard


def card_class(kind: str) -> type[RecordCard]:
    from .company_card import CompanyCard
    from .contact_card import ContactCard
    from .deal_card import DealCard

    classes = {"deal": DealCard, "lead": DealCard, "company": CompanyCard, "contact": ContactCard}
    if kind not in classes:
        raise NotFound("card kind", kind)
    return classes[kind]


def _show(ctx: AppContext, card: RecordCard, parent: QWidget | None) -> RecordCard:
    from .host import CardWindow, open_as, panel_of

    main = parent.window() if parent is not None else None
    if isinstance(main, QMainWindow) and open_as(ctx) == "panel":
        panel_of(main).show_card(card)
    else:
        window = CardWindow(card, main)
        window.show()
        window.raise_()
        window.activateWindow()
    card.host_toggle_requested.connect(lambda: _flip_host(ctx, card, main))
    return card


def _flip_host(ctx: AppContext, card: RecordCard, main: QWidget | None) -> None:
    """Switch between window and side panel for every card from now on, starting with this one."""
    from .host import open_as

    if not card.maybe_save():
        return
    ctx.set_user_setting("cards.open_as", "window" if open_as(ctx) == "panel" else "panel")
    kind, record_id = card.kind, card.record_id
    card.form = None  # saved or discarded: nothing to ask about any more
    card.gone.emit()  # its window closes, or the panel hides
    if record_id is not None:
        open_card(ctx, kind, record_id, main)


def open_card(ctx: AppContext, kind: str, record_id: int, parent: QWidget | None = None) -> RecordCard:
    """Show the card of a record, in a window or the side panel (as the user chose)."""
    from .host import existing_window

    from .host import open_as, take_spare

    cls = card_class(kind)
    window = existing_window(cls.kind, record_id)
    if window is None:
        main = parent.window() if parent is not None else None
        if not (isinstance(main, QMainWindow) and open_as(ctx) == "panel"):
            window = take_spare(ctx, cls.kind, main)  # a closed card's window, filled anew
            if window is not None:
                window.reuse(record_id)
    if window is not None:
        window.show()
        window.raise_()
        window.activateWindow()
        return window.card
    return _show(ctx, cls(ctx, record_id), parent)


def new_card(ctx: AppContext, kind: str, parent: QWidget | None = None, **defaults: Any) -> RecordCard:
    """An empty company or contact card; Save creates the record (``defaults`` preset fields)."""
    if kind not in ("company", "contact"):
        raise NotFound("card kind", kind)
    return _show(ctx, card_class(kind)(ctx, None, defaults=defaults), parent)


def new_record_button(ctx: AppContext, kind: str, parent: QWidget) -> QWidget | None:
    """A "New company" / "New contact" button for a record table (None for other kinds)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QPushButton

    texts = {"company": QCoreApplication.translate("Cards", "New company…"),
             "contact": QCoreApplication.translate("Cards", "New contact…")}
    if kind not in texts:
        return None
    button = QPushButton(texts[kind], parent)
    button.clicked.connect(lambda: new_card(ctx, kind, parent))
    return button
