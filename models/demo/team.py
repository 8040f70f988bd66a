"""The demo team and the Russian names the demo draws people from.

Seven people in the roles of the funnel article: a head of sales, a lead generator
who fills the basket and finds contacts, two SDRs who run outreach up to the
appointed demo, two AEs who take it from the demo to the signature, and a CSM who
keeps the clients afterwards. ``quality`` scales a rep's conversion at the steps
they work, so per-rep reports show real differences.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Member:
    name: str
    role: str
    email: str
    quality: float = 1.0


TEAM: tuple[Member, ...] = (
    Member("Елена Смирнова", "head_of_sales", "e.smirnova@voronka.example"),
    Member("Ольга Кузнецова", "lead_generator", "o.kuznetsova@voronka.example"),
    Member("Александр Петров", "sdr", "a.petrov@voronka.example", 1.10),
    Member("Мария Иванова", "sdr", "m.ivanova@voronka.example", 0.90),
    Member("Дмитрий Соколов", "ae", "d.sokolov@voronka.example", 1.08),
    Member("Анна Морозова", "ae", "a.morozova@voronka.example", 0.92),
    Member("Игорь Волков", "csm", "i.volkov@voronka.example"),
)


def members_with_role(role: str) -> list[int]:
    """Indexes into ``TEAM`` of the members with ``role``."""
    return [i for i, m in enumerate(TEAM) if m.role == role]


# (Russian, Latin) pairs, so e-mail addresses can be built from the same draw.
MALE_FIRST = (("Алексей", "aleksey"), ("Андрей", "andrey"), ("Сергей", "sergey"), ("Михаил", "mikhail"),
              ("Павел", "pavel"), ("Николай", "nikolay"), ("Владимир", "vladimir"), ("Евгений", "evgeny"),
              ("Константин", "konstantin"), ("Роман", "roman"), ("Артём", "artem"), ("Максим", "maksim"),
              ("Илья", "ilya"), ("Олег", "oleg"), ("Виктор", "viktor"), ("Григорий", "grigory"))
FEMALE_FIRST = (("Ирина", "irina"), ("Наталья", "natalya"), ("Татьяна", "tatyana"), ("Екатерина", "ekaterina"),
                ("Светлана", "svetlana"), ("Юлия", "yulia"), ("Ксения", "ksenia"), ("Дарья", "darya"),
                ("Марина", "marina"), ("Виктория", "viktoria"), ("Алина", "alina"), ("Полина", "polina"))
# Surnames as (male form, female form, Latin).
LAST = (("Орлов", "Орлова", "orlov"), ("Лебедев", "Лебедева", "lebedev"), ("Козлов", "Козлова", "kozlov"),
        ("Новиков", "Новикова", "novikov"), ("Фёдоров", "Фёдорова", "fedorov"), ("Попов", "Попова", "popov"),
        ("Васильев", "Васильева", "vasiliev"), ("Зайцев", "Зайцева", "zaitsev"), ("Павлов", "Павлова", "pavlov"),
        ("Семёнов", "Семёнова", "semenov"), ("Голубев", "Голубева", "golubev"), ("Виноградов", "Виноградова",
        "vinogradov"), ("Богданов", "Богданова", "bogdanov"), ("Воробьёв", "Воробьёва", "vorobiev"),
        ("Медведев", "Медведева", "medvedev"), ("Егоров", "Егорова", "egorov"), ("Никитин", "Никитина",
        "nikitin"), ("Захаров", "Захарова", "zakharov"), ("Соловьёв", "Соловьёва", "soloviev"),
        ("Белов", "Белова", "belov"), ("Крылов", "Крылова", "krylov"), ("Тихонов", "Тихонова", "tikhonov"))
# Position and the contact type it usually is.
POSITIONS = (("Генеральный директор", "decision_maker"), ("Коммерческий директор", "decision_maker"),
             ("ИТ-директор", "decision_maker"), ("Финансовый директор", "influencer"),
             ("Руководитель отдела продаж", "champion"), ("Руководитель отдела закупок", "influencer"),
             ("Менеджер проектов", "other"), ("Руководитель направления", "champion"))
