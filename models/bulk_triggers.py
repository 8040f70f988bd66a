"""Bulk inserts without SQLite's per-row insert triggers, their work done once for the batch.

SQLite triggers keep, on every insert, the global search's index (migration 0009: one row into
an FTS5 table per record), the searched columns' folded twins (0011: one UPDATE of the new row,
with dozens of nested ``replace`` calls per column), a company's deal counts (one UPDATE of the
company per deal) and a contact's company name. Row by row they were two thirds of a
20,000-deal import's time.

``insert_triggers_set_aside`` is used inside a bulk writer's one transaction (the import, the
history import): it drops the INSERT triggers, lets the writer insert, then fills the same
values for the new rows (ids above those there before) set-wise — the search index by one
``INSERT … SELECT`` per table with the trigger's own expressions (the table read under the name
``new``, as the trigger reads its row), the twins folded in Python by the fold the searches use
(``table_search.fold``, the same as the triggers'), the counts recounted for each company a new
deal names, the contacts' company names by one UPDATE — and creates the triggers again from
their own SQL as the schema stored it. A search trigger whose SQL is not the one-row INSERT this
reads stays in place (row by row, as before).

Why this is safe: SQLite changes the schema inside the transaction, which holds the write lock
from its first write to its commit, so no other connection inserts while the triggers are
away; a failed write rolls the schema back with the rows (nothing is put back by hand then).
The UPDATE and DELETE triggers stay, so a record the writer updates or deletes (an import's
match) is kept right by them as before. PostgreSQL has none of these triggers: nothing to do.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

from .queries.table_search import FOLDED_COLUMNS, fold

INSERT_TRIGGERS = ("deals_folded_insert", "companies_folded_insert", "contacts_folded_insert",
                   "deals_company_counts_insert", "contacts_company_name_insert")
SEARCH_TRIGGERS = ("search_deals_insert", "search_companies_insert", "search_contacts_insert", "search_tasks_insert")
TABLES = ("deals", "companies", "contacts", "tasks")
# migration 0009's trigger: one row into the search index per inserted record
_SEARCH_INSERT = re.compile(r"CREATE TRIGGER \w+ AFTER INSERT ON (\w+) BEGIN INSERT INTO (\w+)\s*\(([^)]*)\) "
                            r"VALUES \((.*)\); END", re.S)


@contextmanager
def insert_triggers_set_aside(conn: Connection) -> Iterator[None]:
    """Within the caller's transaction: insert rows into deals, companies and contacts without
    the per-row insert triggers; on leaving without an error, their values are filled for the new
    rows and the triggers are back."""
    if conn.dialect.name != "sqlite":
        yield
        return
    names = ", ".join(f"'{n}'" for n in INSERT_TRIGGERS + SEARCH_TRIGGERS)
    saved = [(name, sql) for name, sql in conn.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({names})")
        if name in INSERT_TRIGGERS or _SEARCH_INSERT.fullmatch(sql)]
    if not saved:  # a schema before migration 0009
        yield
        return
    before = {t: conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {t}").scalar() for t in TABLES}
    for name, _sql in saved:
        conn.exec_driver_sql(f"DROP TRIGGER {name}")
    yield  # an exception leaves here: the caller's rollback brings the triggers back
    _fill_new_rows(conn, before, [sql for name, sql in saved if name in SEARCH_TRIGGERS],
                   folded=any(name in INSERT_TRIGGERS for name, _sql in saved))
    for _name, sql in saved:
        conn.exec_driver_sql(sql)


def _fill_new_rows(conn: Connection, before: dict[str, int], search: list[str], folded: bool) -> None:
    for sql in search:
        table, index, columns, values = _SEARCH_INSERT.fullmatch(sql).groups()
        conn.exec_driver_sql(f"INSERT INTO {index} ({columns}) SELECT {values} FROM {table} AS new "
                             f"WHERE new.id > ?", (before[table],))
    if not folded:
        return
    for table in TABLES:
        columns = sorted(c for t, c in FOLDED_COLUMNS if t == table)
        if not columns:
            continue
        rows = conn.exec_driver_sql(f"SELECT id, {', '.join(columns)} FROM {table} WHERE id > ?",
                                    (before[table],)).all()
        if rows:
            sets = ", ".join(f"{c}_folded = ?" for c in columns)
            conn.exec_driver_sql(f"UPDATE {table} SET {sets} WHERE id = ?",
                                 [tuple(None if v is None else fold(v) for v in row[1:]) + (row[0],)
                                  for row in rows])
    conn.exec_driver_sql(
        "UPDATE companies SET "
        "deal_count = (SELECT count(*) FROM deals WHERE deals.company_id = companies.id), "
        "open_deal_count = (SELECT count(*) FROM deals WHERE deals.company_id = companies.id "
        "AND deals.status = 'open') "
        "WHERE id IN (SELECT company_id FROM deals WHERE id > ? AND company_id IS NOT NULL)", (before["deals"],))
    conn.exec_driver_sql(
        "UPDATE contacts SET company_name = (SELECT name FROM companies WHERE companies.id = contacts.company_id) "
        "WHERE id > ?", (before["contacts"],))
