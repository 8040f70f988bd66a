"""Demo companies (names, websites, valid INNs, segments) and their 1–3 contacts each, vectorised."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .team import FEMALE_FIRST, LAST, MALE_FIRST, POSITIONS

# Brand = stem + ending, in Russian and Latin (the website is built from the Latin).
STEMS = (("Север", "sever"), ("Альфа", "alfa"), ("Техно", "tekhno"), ("Урал", "ural"), ("Волга", "volga"),
         ("Гранит", "granit"), ("Сибирь", "sibir"), ("Вектор", "vektor"), ("Астра", "astra"),
         ("Мега", "mega"), ("Прайм", "prime"), ("Нева", "neva"), ("Балтик", "baltik"), ("Орион", "orion"),
         ("Полюс", "polyus"), ("Кедр", "kedr"), ("Дельта", "delta"), ("Спектр", "spektr"), ("Квант", "kvant"),
         ("Фрегат", "fregat"), ("Меридиан", "meridian"), ("Импульс", "impuls"), ("Горизонт", "gorizont"),
         ("Байкал", "baikal"), ("Ладога", "ladoga"), ("Сокол", "sokol"), ("Форвард", "forvard"),
         ("Эталон", "etalon"), ("Гамма", "gamma"), ("Атлант", "atlant"))
ENDINGS = (("Строй", "stroy"), ("Логистик", "logistik"), ("Софт", "soft"), ("Трейд", "treid"),
           ("Пром", "prom"), ("Агро", "agro"), ("Медиа", "media"), ("Финанс", "finans"), ("Энерго", "energo"),
           ("Фарм", "farm"), ("Ритейл", "retail"), ("Сервис", "servis"), ("Групп", "group"), ("Тех", "tech"),
           ("Маш", "mash"), ("Транс", "trans"), ("Инвест", "invest"), ("Дата", "data"), ("Лаб", "lab"),
           ("Нефть", "neft"))
LEGAL_FORMS = ("ООО", "АО", "ПАО")
INDUSTRIES = ("Розничная торговля", "Логистика", "Производство", "Финансы", "ИТ", "Строительство",
              "Фармацевтика", "Энергетика", "Телеком", "Сельское хозяйство", "Медиа", "Образование")
# Region name and the first two digits of INNs registered there.
REGIONS = (("Москва", 77), ("Санкт-Петербург", 78), ("Московская область", 50), ("Свердловская область", 66),
           ("Новосибирская область", 54), ("Республика Татарстан", 16), ("Краснодарский край", 23),
           ("Нижегородская область", 52))
REGION_SHARE = (0.38, 0.17, 0.12, 0.07, 0.06, 0.07, 0.07, 0.06)
SEGMENTS = ("SMB", "Mid", "Enterprise")
SEGMENT_SHARE = (0.55, 0.33, 0.12)
INN_WEIGHTS = np.array([2, 4, 10, 3, 5, 9, 4, 6, 8])


@dataclass
class Companies:
    """Column arrays, one row per company (index = company number, 0-based)."""

    name: np.ndarray
    website: np.ndarray
    inn: np.ndarray
    industry: np.ndarray
    region: np.ndarray
    employees: np.ndarray
    revenue_rub: np.ndarray
    segment: np.ndarray  # index into SEGMENTS
    brand_ru: np.ndarray  # the name without its legal form: «Северстрой-2»
    brand_en: np.ndarray  # the same in Latin, capitalised: «Severstroy-2»

    def __len__(self) -> int:
        return len(self.name)


@dataclass
class Contacts:
    """Column arrays, one row per contact; a company's contacts are consecutive."""

    company: np.ndarray
    full_name: np.ndarray
    position: np.ndarray
    contact_type: np.ndarray
    email: np.ndarray
    phone: np.ndarray
    first_of_company: np.ndarray  # per company: index of its first contact
    count_of_company: np.ndarray  # per company: how many contacts it has


def inn_check_digit(first_nine: np.ndarray) -> np.ndarray:
    """The 10th digit of a legal entity's INN from its first nine (rows of digits)."""
    return (first_nine @ INN_WEIGHTS) % 11 % 10


def legal_entity_inns(rng: np.random.Generator, region_codes: np.ndarray) -> np.ndarray:
    """Distinct, checksum-valid 10-digit INNs starting with each company's region code."""
    n = len(region_codes)
    offset = int(rng.integers(0, 10**7))
    body = (np.arange(n, dtype=np.int64) * 7_919 + offset) % 10**7  # distinct while n <= 10**7
    nine = region_codes.astype(np.int64) * 10**7 + body
    digits = (nine[:, None] // 10 ** np.arange(8, -1, -1)) % 10
    full = nine * 10 + inn_check_digit(digits)
    return np.char.zfill(full.astype(str), 10)


def make_companies(rng: np.random.Generator, n: int) -> Companies:
    stem = rng.integers(0, len(STEMS), n)
    ending = rng.integers(0, len(ENDINGS), n)
    combo = stem * len(ENDINGS) + ending
    # The k-th company with the same brand gets a number, so names and websites stay distinct.
    order = np.argsort(combo, kind="stable")
    sorted_combo = combo[order]
    first = np.searchsorted(sorted_combo, sorted_combo, side="left")
    repeat = np.empty(n, dtype=np.int64)
    repeat[order] = np.arange(n) - first
    stems, endings = np.array(STEMS, dtype=object), np.array(ENDINGS, dtype=object)
    brand_ru = stems[stem, 0] + endings[ending, 0]
    brand_en = stems[stem, 1] + endings[ending, 1]
    suffix = np.where(repeat > 0, (repeat + 1).astype(str).astype(object), "")
    form = np.array(LEGAL_FORMS, dtype=object)[rng.choice(len(LEGAL_FORMS), n, p=(0.8, 0.15, 0.05))]
    brand = brand_ru + np.where(repeat > 0, "-" + suffix, "")
    name = form + " «" + brand + "»"
    tld = np.where(rng.random(n) < 0.85, ".ru", ".com")
    website = brand_en + suffix + tld.astype(object)
    region = rng.choice(len(REGIONS), n, p=REGION_SHARE)
    segment = rng.choice(len(SEGMENTS), n, p=SEGMENT_SHARE)
    emp_lo = np.array([20, 200, 1000])[segment]
    emp_hi = np.array([200, 1000, 15000])[segment]
    employees = np.exp(rng.uniform(np.log(emp_lo), np.log(emp_hi))).astype(np.int64)
    revenue_rub = (employees * rng.uniform(2.0, 8.0, n) * 1e6 // 1e6 * 1e6).astype(np.int64)
    return Companies(
        name=name, website=website,
        inn=legal_entity_inns(rng, np.array([r[1] for r in REGIONS])[region]),
        industry=np.array(INDUSTRIES, dtype=object)[rng.integers(0, len(INDUSTRIES), n)],
        region=np.array([r[0] for r in REGIONS], dtype=object)[region],
        employees=employees, revenue_rub=revenue_rub, segment=segment,
        brand_ru=brand, brand_en=np.array([b.capitalize() for b in brand_en + np.where(repeat > 0, "-" + suffix, "")], dtype=object),
    )


def make_contacts(rng: np.random.Generator, companies: Companies) -> Contacts:
    n_comp = len(companies)
    count = rng.choice([1, 2, 3], n_comp, p=(0.35, 0.4, 0.25))
    first = np.concatenate([[0], np.cumsum(count)[:-1]])
    company = np.repeat(np.arange(n_comp), count)
    n = len(company)
    female = rng.random(n) < 0.42
    male_i = rng.integers(0, len(MALE_FIRST), n)
    female_i = rng.integers(0, len(FEMALE_FIRST), n)
    last_i = rng.integers(0, len(LAST), n)
    first_ru = np.where(female, np.array([f[0] for f in FEMALE_FIRST], dtype=object)[female_i],
                        np.array([m[0] for m in MALE_FIRST], dtype=object)[male_i])
    first_en = np.where(female, np.array([f[1] for f in FEMALE_FIRST], dtype=object)[female_i],
                        np.array([m[1] for m in MALE_FIRST], dtype=object)[male_i])
    last_ru = np.where(female, np.array([s[1] for s in LAST], dtype=object)[last_i],
                       np.array([s[0] for s in LAST], dtype=object)[last_i])
    last_en = np.array([s[2] for s in LAST], dtype=object)[last_i] + np.where(female, "a", "")
    # The first contact of a company is its decision maker; the others vary.
    pos = np.where(np.arange(n) == first[company], rng.integers(0, 3, n), rng.integers(0, len(POSITIONS), n))
    phone = "+79" + np.char.zfill(rng.integers(0, 10**9, n).astype(str), 9).astype(object)
    return Contacts(
        company=company, full_name=first_ru + " " + last_ru,
        position=np.array([p[0] for p in POSITIONS], dtype=object)[pos],
        contact_type=np.array([p[1] for p in POSITIONS], dtype=object)[pos],
        email=first_en + "." + last_en + "@" + companies.website[company],
        phone=phone, first_of_company=first, count_of_company=count,
    )
