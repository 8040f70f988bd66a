"""The built-in fields of each card kind, in both languages, and where each is stored.

Keys are the ones ``Stage.required_fields`` and ``models.services.requirements`` use
(``amount``, ``expected_close``, ``company``, ``contacts``…); custom fields are
``custom:<key>``. ``COLUMNS`` maps a key to the ORM attribute holding it.
"""
from __future__ import annotations

from typing import Any

from .types import FieldSpec, FieldType as T

ENTITIES = ("deal", "company", "contact")
CUSTOM_PREFIX = "custom:"


def _f(key: str, type_: str, en: str, ru: str, **kw: Any) -> FieldSpec:
    return FieldSpec(key=key, type=type_, label_en=en, label_ru=ru, **kw)


BUILTIN: dict[str, tuple[FieldSpec, ...]] = {
    "deal": (
        _f("name", T.TEXT, "Deal name", "Название сделки", required=True),
        _f("company", T.COMPANY, "Company", "Компания"),
        _f("amount", T.MONEY, "Amount", "Сумма"),
        _f("owner", T.USER, "Owner", "Ответственный"),
        _f("stage", T.STAGE, "Stage", "Этап"),
        _f("expected_close", T.DATE, "Expected close", "Ожидаемое закрытие"),
        _f("contacts", T.CONTACTS, "People on the deal", "Контакты сделки"),
        _f("notes", T.LONGTEXT, "Need and context", "Потребность и контекст"),
        _f("source", T.TEXT, "Source", "Источник"),
        _f("segment", T.TEXT, "Segment", "Сегмент"),
        _f("cohort", T.TEXT, "Cohort", "Когорта"),
        _f("created_at", T.DATETIME, "Created", "Создана", read_only=True),
    ),
    "company": (
        _f("name", T.TEXT, "Company name", "Название компании", required=True),
        _f("website", T.WEBSITE, "Website", "Сайт"),
        _f("inn", T.INN, "INN", "ИНН"),
        _f("industry", T.TEXT, "Industry", "Отрасль"),
        _f("region", T.TEXT, "Region", "Регион"),
        _f("revenue", T.MONEY, "Revenue per year", "Выручка в год"),
        _f("employees", T.NUMBER, "Employees", "Сотрудников", integer=True),
        _f("source", T.TEXT, "Source", "Источник"),
        _f("segment", T.TEXT, "Segment", "Сегмент"),
        _f("notes", T.LONGTEXT, "Notes", "Заметки"),
    ),
    "contact": (
        _f("full_name", T.TEXT, "Full name", "ФИО", required=True),
        _f("position", T.TEXT, "Position", "Должность"),
        _f("contact_type", T.SELECT, "Contact type", "Тип контакта",
           options=("decision_maker", "influencer", "champion", "other")),
        _f("company", T.COMPANY, "Company", "Компания"),
        _f("email_work", T.EMAIL, "Work e-mail", "Рабочая почта"),
        _f("phone_work", T.PHONE, "Work phone", "Рабочий телефон"),
        _f("email_personal", T.EMAIL, "Personal e-mail", "Личная почта"),
        _f("phone_personal", T.PHONE, "Personal phone", "Личный телефон"),
        _f("social_links", T.LINKS, "Social profiles", "Соцсети"),
        _f("birthday", T.DATE, "Birthday", "День рождения"),
    ),
}

# key -> ORM attribute (None: not a plain column)
COLUMNS: dict[str, dict[str, str | None]] = {
    "deal": {
        "name": "name", "company": "company_id", "amount": "amount_minor", "owner": "owner_id",
        "stage": "stage_id", "expected_close": "expected_close", "contacts": None, "notes": "notes",
        "source": "source", "segment": "segment", "cohort": "cohort", "created_at": "created_at",
    },
    "company": {
        "name": "name", "website": "website", "inn": "inn", "industry": "industry", "region": "region",
        "revenue": "revenue_minor", "employees": "employees", "source": "source", "segment": "segment",
        "notes": "notes",
    },
    "contact": {
        "full_name": "full_name", "position": "position", "contact_type": "contact_type",
        "company": "company_id", "email_work": "email_work", "phone_work": "phone_work",
        "email_personal": "email_personal", "phone_personal": "phone_personal",
        "social_links": "social_links", "birthday": "birthday",
    },
}

CONTACT_TYPE_LABELS = {
    "decision_maker": ("Decision maker (ЛПР)", "ЛПР"),
    "influencer": ("Influencer (ЛВР)", "ЛВР"),
    "champion": ("Champion", "Чемпион"),
    "other": ("Other", "Другое"),
}


def entity_of(kind: str) -> str:
    """The record kind behind a card kind (a lead card is a deal card)."""
    return "deal" if kind == "lead" else kind


def builtin(entity: str, key: str) -> FieldSpec:
    for spec in BUILTIN[entity]:
        if spec.key == key:
            return spec
    raise KeyError(f"{entity}.{key}")


def custom_spec(field: Any) -> FieldSpec:
    """The spec of a ``CustomField`` row (or any object with the same attributes)."""
    return FieldSpec(
        key=CUSTOM_PREFIX + field.key, type=field.type, label_en=field.label_en, label_ru=field.label_ru,
        options=tuple(field.options or ()), custom_id=field.id, retired=bool(field.retired),
    )
