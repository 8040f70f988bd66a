"""Card layouts: named blocks in order, the fields of each block, the pinned fields on top.

Stored as the team setting ``cards.layout.<entity>`` (``layout_to_setting``); custom
fields also keep their ``block``/``position``/``pinned`` in their own table, so a
custom field the layout does not mention yet goes to its block at its position.

The lead card (a deal before "Lead qualified") uses the deal card's placement, so a
field needed at a later stage sits in the same place on every card of a deal — only
which fields are pinned and which blocks start collapsed are the lead card's own
(setting ``cards.layout.lead``).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from .catalog import BUILTIN, entity_of
from .types import FieldSpec

KINDS = ("deal", "lead", "company", "contact")
CUSTOM_BLOCK = "custom"


@dataclass
class Block:
    key: str
    title_en: str
    title_ru: str
    fields: list[str] = field(default_factory=list)
    collapsed: bool = False

    def title(self, language: str) -> str:
        return self.title_ru if language == "ru" else self.title_en


@dataclass
class CardLayout:
    kind: str
    blocks: list[Block]
    pinned: list[str] = field(default_factory=list)

    def block(self, key: str) -> Block:
        for b in self.blocks:
            if b.key == key:
                return b
        raise KeyError(key)

    def block_of(self, field_key: str) -> Block | None:
        for b in self.blocks:
            if field_key in b.fields:
                return b
        return None

    def field_keys(self) -> list[str]:
        return [k for b in self.blocks for k in b.fields]


DEFAULT_BLOCKS: dict[str, list[Block]] = {
    "deal": [
        Block("main", "Main", "Основное", ["name", "company", "amount", "owner", "stage", "expected_close"]),
        Block("qualification", "Qualification", "Квалификация", ["contacts", "notes"]),
        Block("source", "Source and cohort", "Источник и когорта", ["source", "segment", "cohort", "created_at"]),
        Block(CUSTOM_BLOCK, "More", "Дополнительно", []),
    ],
    "company": [
        Block("main", "Main", "Основное", ["name", "website", "inn", "industry", "region"]),
        Block("size", "Size", "Размер", ["revenue", "employees"]),
        Block("source", "Source and segment", "Источник и сегмент", ["source", "segment"]),
        Block(CUSTOM_BLOCK, "More", "Дополнительно", []),
        Block("notes", "Notes", "Заметки", ["notes"]),
    ],
    "contact": [
        Block("person", "Person", "Человек", ["full_name", "position", "contact_type", "company"]),
        Block("channels", "Channels", "Каналы связи",
              ["email_work", "phone_work", "email_personal", "phone_personal", "social_links"]),
        Block("personal", "Personal", "Личное", ["birthday"]),
        Block(CUSTOM_BLOCK, "More", "Дополнительно", []),
    ],
}
DEFAULT_LEAD = {"pinned": [], "collapsed": ["source"]}


def default_layout(entity: str) -> CardLayout:
    return CardLayout(entity, [replace(b, fields=list(b.fields)) for b in DEFAULT_BLOCKS[entity]], [])


def layout_to_setting(layout: CardLayout) -> dict[str, Any]:
    return {
        "blocks": [{"key": b.key, "title_en": b.title_en, "title_ru": b.title_ru, "fields": list(b.fields),
                    "collapsed": b.collapsed} for b in layout.blocks],
        "pinned": list(layout.pinned),
    }


def resolve_layout(entity: str, stored: dict[str, Any] | None, custom: list[FieldSpec],
                   custom_place: dict[str, tuple[str, int, bool]] | None = None) -> CardLayout:
    """The layout to show: the stored one, cleaned up against the fields that exist now.

    Unknown or retired keys are dropped, each field appears once, a built-in field the
    stored layout lacks goes back to its default block, and a custom field it lacks goes
    to its own block (``custom_place[key] = (block, position, pinned)``) or to "More".
    """
    layout = default_layout(entity)
    if stored and stored.get("blocks"):
        layout = CardLayout(entity, [
            Block(str(b["key"]), str(b.get("title_en") or b["key"]), str(b.get("title_ru") or b.get("title_en") or b["key"]),
                  [str(k) for k in b.get("fields", [])], bool(b.get("collapsed", False)))
            for b in stored["blocks"]
        ], [str(k) for k in stored.get("pinned", [])])
    live = {spec.key for spec in BUILTIN[entity]} | {spec.key for spec in custom if not spec.retired}
    seen: set[str] = set()
    for b in layout.blocks:
        b.fields = [k for k in b.fields if k in live and not (k in seen or seen.add(k))]  # type: ignore[func-returns-value]
    if not any(b.key == CUSTOM_BLOCK for b in layout.blocks):
        layout.blocks.append(Block(CUSTOM_BLOCK, "More", "Дополнительно", []))
    for default in DEFAULT_BLOCKS[entity]:
        for key in default.fields:
            if key not in seen:
                target = next((b for b in layout.blocks if b.key == default.key), layout.blocks[0])
                target.fields.append(key)
                seen.add(key)
    place = custom_place or {}
    missing = sorted((spec for spec in custom if not spec.retired and spec.key not in seen),
                     key=lambda s: place.get(s.key, (CUSTOM_BLOCK, 0, False))[1])
    for spec in missing:
        block_key, _pos, pinned = place.get(spec.key, (CUSTOM_BLOCK, 0, False))
        target = next((b for b in layout.blocks if b.key == block_key), layout.block(CUSTOM_BLOCK))
        target.fields.append(spec.key)
        if pinned and spec.key not in layout.pinned:
            layout.pinned.append(spec.key)
    layout.pinned = [k for k in dict.fromkeys(layout.pinned) if k in live]
    return layout


def lead_layout(deal_layout: CardLayout, stored: dict[str, Any] | None) -> CardLayout:
    """The lead card: the deal card's blocks and fields with the lead's pinned and collapsed sets."""
    own = stored if stored is not None else DEFAULT_LEAD
    collapsed = set(own.get("collapsed", []))
    live = set(deal_layout.field_keys())
    return CardLayout(
        "lead",
        [replace(b, fields=list(b.fields), collapsed=b.key in collapsed) for b in deal_layout.blocks],
        [k for k in dict.fromkeys(own.get("pinned", [])) if k in live],
    )


def lead_to_setting(layout: CardLayout) -> dict[str, Any]:
    return {"pinned": list(layout.pinned), "collapsed": [b.key for b in layout.blocks if b.collapsed]}


def setting_key(kind: str) -> str:
    return f"cards.layout.{kind}"


__all__ = ["KINDS", "Block", "CardLayout", "default_layout", "entity_of", "lead_layout", "lead_to_setting",
           "layout_to_setting", "resolve_layout", "setting_key"]
