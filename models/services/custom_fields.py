"""Custom fields and card layouts, owned by the head of sales.

A custom field is added to one record kind (deal, company, contact), renamed, given
choices, moved between blocks, reordered, pinned and retired. Retiring hides the field
from cards but keeps every stored value (restore brings it back) and drops it from the
stages that required it, since nobody could fill it any more.

A layout (blocks in order, their fields, pinned fields) is saved whole by
``save_card_layout``: it goes to the team setting ``cards.layout.<kind>`` and the
custom fields' own ``block``/``position``/``pinned`` columns are kept in step.

"Required from stage X" (``set_required_from``) writes the field key into
``Stage.required_fields`` of X and of every later stage of the pipeline (side stages
count at their main stage's place), which is the rule the board enforces.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import errors
from ..changes import Changes
from ..fields import CUSTOM_TYPES, FieldInvalid, FieldType
from ..fields.catalog import BUILTIN, CUSTOM_PREFIX, ENTITIES, custom_spec
from ..fields.errors import EMPTY, UNKNOWN_OPTION
from ..fields.layout import (
    KINDS,
    CardLayout,
    layout_to_setting,
    lead_to_setting,
    resolve_layout,
    setting_key,
)
from ..orm import CustomField, Pipeline, Stage
from .lookup import get_or_raise, pipeline_by_key, stage_ref
from .settings import get_setting, set_setting

_TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
                      "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya"]))


def field_key_from(label: str) -> str:
    """A stable key for a new field from its label: ``Бюджет (руб.)`` -> ``byudzhet_rub``."""
    text = "".join(_TRANSLIT.get(ch, ch) for ch in label.strip().lower())
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:48] or "field"


def _check_entity(entity: str) -> None:
    if entity not in ENTITIES:
        raise errors.InvalidValue("entity", f"{entity!r} is not deal, company or contact")


def _clean_options(type_: str, options: Iterable[str]) -> list[str]:
    opts = list(dict.fromkeys(o.strip() for o in options if o and o.strip()))
    if type_ in (FieldType.SELECT, FieldType.MULTISELECT) and not opts:
        raise FieldInvalid("options", UNKNOWN_OPTION, "a choice field needs at least one choice")
    return opts if type_ in (FieldType.SELECT, FieldType.MULTISELECT) else []


def _labels(label_en: str, label_ru: str) -> tuple[str, str]:
    en, ru = (label_en or "").strip(), (label_ru or "").strip()
    if not en and not ru:
        raise FieldInvalid("label", EMPTY, "a field needs a name")
    return en or ru, ru or en


def add_custom_field(
    session: Session, entity: str, *, label_en: str = "", label_ru: str = "", type: str = "text",
    options: Iterable[str] = (), block: str = "custom", pinned: bool = False,
) -> Changes:
    """Add a field to every card of ``entity``, at the end of ``block``."""
    _check_entity(entity)
    if type not in CUSTOM_TYPES:
        raise errors.InvalidValue("type", f"{type!r} is not a field type")
    en, ru = _labels(label_en, label_ru)
    base = field_key_from(en if re.search(r"[a-zA-Z]", en) else ru)
    taken = set(session.scalars(select(CustomField.key).where(CustomField.entity == entity)))
    taken |= {spec.key for spec in BUILTIN[entity]}
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    position = (session.scalar(select(func.max(CustomField.position)).where(CustomField.entity == entity)) or 0) + 1
    field = CustomField(entity=entity, key=key, label_en=en, label_ru=ru, type=type,
                        options=_clean_options(type, options), block=block, position=position,
                        pinned=pinned, retired=False)
    session.add(field)
    session.flush()
    stored = get_setting(session, setting_key(entity))
    if stored:
        layout = resolve_layout(entity, stored, _custom_specs(session, entity), _custom_place(session, entity))
        session.flush()
        set_setting(session, setting_key(entity), layout_to_setting(layout))
    return Changes(fields=True, created=[field.id])


def rename_custom_field(session: Session, field_id: int, *, label_en: str, label_ru: str) -> Changes:
    field = get_or_raise(session, CustomField, field_id, "custom field")
    field.label_en, field.label_ru = _labels(label_en, label_ru)
    return Changes(fields=True)


def set_custom_field_options(session: Session, field_id: int, options: Iterable[str]) -> Changes:
    """Replace the choices of a select field (stored values are kept as they are)."""
    field = get_or_raise(session, CustomField, field_id, "custom field")
    field.options = _clean_options(field.type, options)
    return Changes(fields=True)


def retire_custom_field(session: Session, field_id: int) -> Changes:
    """Hide a field from cards, keeping its values; stages stop requiring it."""
    field = get_or_raise(session, CustomField, field_id, "custom field")
    field.retired = True
    changes = Changes(fields=True)
    if field.entity == "deal":
        key = CUSTOM_PREFIX + field.key
        for stage in session.scalars(select(Stage)):
            if key in (stage.required_fields or []):
                stage.required_fields = [k for k in stage.required_fields if k != key]
                changes.funnel = True
    return changes


def restore_custom_field(session: Session, field_id: int) -> Changes:
    field = get_or_raise(session, CustomField, field_id, "custom field")
    field.retired = False
    return Changes(fields=True)


def _custom_specs(session: Session, entity: str):
    return [custom_spec(f) for f in session.scalars(select(CustomField).where(CustomField.entity == entity))]


def _custom_place(session: Session, entity: str) -> dict[str, tuple[str, int, bool]]:
    return {CUSTOM_PREFIX + f.key: (f.block, f.position, f.pinned)
            for f in session.scalars(select(CustomField).where(CustomField.entity == entity))}


def save_card_layout(session: Session, kind: str, layout: CardLayout) -> Changes:
    """Save a whole card layout (blocks, order, pinned) for ``kind`` (deal/lead/company/contact)."""
    if kind not in KINDS:
        raise errors.InvalidValue("kind", f"{kind!r} is not a card kind")
    keys = [b.key for b in layout.blocks]
    if len(set(keys)) != len(keys) or not all(k.strip() for k in keys):
        raise errors.InvalidValue("blocks", "every block needs its own key")
    for b in layout.blocks:
        if not (b.title_en.strip() or b.title_ru.strip()):
            raise FieldInvalid("blocks", EMPTY, "every block needs a title")
    if kind == "lead":
        set_setting(session, setting_key("lead"), lead_to_setting(layout))
        return Changes(fields=True)
    entity = kind
    specs = _custom_specs(session, entity)
    clean = resolve_layout(entity, layout_to_setting(layout), specs, _custom_place(session, entity))
    set_setting(session, setting_key(entity), layout_to_setting(clean))
    by_key = {CUSTOM_PREFIX + f.key: f for f in session.scalars(select(CustomField).where(CustomField.entity == entity))}
    for block in clean.blocks:
        for i, key in enumerate(block.fields):
            if key in by_key:
                f = by_key[key]
                f.block, f.position, f.pinned = block.key, i, key in clean.pinned
    return Changes(fields=True)


def reset_card_layout(session: Session, kind: str) -> Changes:
    """Back to the default layout (custom fields go to their blocks)."""
    set_setting(session, setting_key(kind), None)
    return Changes(fields=True)


def _after(stage: Stage, start: Stage, by_id: dict[int, Stage]) -> bool:
    eff = by_id[stage.side_of_id].position if stage.side_of_id else stage.position
    if start.side_of_id:
        return stage.id == start.id or eff > by_id[start.side_of_id].position
    return eff >= start.position


def set_required_from(session: Session, pipeline_key: str, field_key: str, stage: str | int | None) -> Changes:
    """Require a deal field from ``stage`` on (None: at no stage of this pipeline)."""
    known = {spec.key for spec in BUILTIN["deal"]} | set(_custom_place(session, "deal"))
    if field_key not in known or field_key in ("name", "owner", "stage", "created_at"):
        raise errors.InvalidValue(field_key, "cannot be required to enter a stage")
    pipeline: Pipeline = pipeline_by_key(session, pipeline_key)
    start = stage_ref(session, pipeline.id, stage) if stage is not None else None
    by_id = {s.id: s for s in pipeline.stages}
    for s in pipeline.stages:
        wanted = start is not None and _after(s, start, by_id)
        current = list(s.required_fields or [])
        if wanted and field_key not in current:
            s.required_fields = current + [field_key]
        elif not wanted and field_key in current:
            s.required_fields = [k for k in current if k != field_key]
    return Changes(funnel=True)


def delete_custom_field(session: Session, field_id: int) -> Changes:
    """Remove a field nobody has filled yet (the undo of adding it); a used field is retired instead."""
    from ..orm import CustomFieldValue

    field = get_or_raise(session, CustomField, field_id, "custom field")
    used = session.scalar(select(func.count()).select_from(CustomFieldValue).where(CustomFieldValue.field_id == field_id))
    if used:
        raise errors.InvalidTransition("The field already has values; retire it instead.")
    retire_custom_field(session, field_id)
    session.delete(field)
    return Changes(fields=True, funnel=True)
