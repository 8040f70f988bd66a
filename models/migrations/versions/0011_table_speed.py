"""record tables at 100,000 records (SQLite): folded twins of the searched columns, and
sort keys kept on the record for the columns that were computed per row

Revision ID: 0011_table_speed
Revises: 0010
Create Date: 2026-11-30

The Deals, Companies and Contacts tables search their text columns for the typed text
anywhere, ignoring case (``models/queries/table_search.py``). SQLite's ``lower``/``LIKE``
fold only ASCII, and a GLOB with a class per letter (``*[аА][лЛ]*``) costs half a second
over 100,000 names. Each searched column gets a twin ``<column>_folded`` holding the same
text with ASCII and basic Cyrillic (U+0400–U+042F) capitals lowered — nothing else
changes, so ``ё`` stays ``ё`` and a search finds exactly the rows it found before — and
one narrow index per table covering the twins (and ``company_id``), so a search is one
``instr`` per row over a small index.

Triggers keep the twins right whoever writes (services, imports, undo, another laptop, a
script). The fold needs more nested ``replace`` calls than SQLite's parser allows in one
expression, so it is written in two steps (the trigger's second step reads the first from a
subquery: one UPDATE of the row).

Sort keys that were computed for every record on each sort — a company's deals and open
deals (a count per company) and a person's company name (a join) — are kept on the record
(``companies.deal_count``, ``companies.open_deal_count``, ``contacts.company_name``) with an
index each, so the first screenful of such a sort is read down an index. Triggers on
deals, companies and contacts keep them right (the migration counts once; each written deal
then adds to or takes from its company's counts — every writer goes through the triggers).

PostgreSQL: nothing (its ``lower`` folds every alphabet; the query stays ``lower(…) LIKE``,
and the counts and names are computed as before).
"""
from alembic import op

revision = "0011_table_speed"
down_revision = "0010"
branch_labels = None
depends_on = None

# table -> (searched columns with a folded twin, extra columns of the search index)
FOLDED = {
    "deals": (("name",), ("company_id",)),
    "companies": (("name", "website", "inn"), ()),
    "contacts": (("full_name", "email_work", "phone_work"), ("company_id",)),
}
CAPITALS = [chr(c) for c in range(0x400, 0x430)]  # Ѐ…Џ, А…Я
SPLIT = 24  # capitals folded in the first step; the rest and ASCII (lower) in the second


def _lowered(capital: str) -> str:
    return capital.lower()


def _replaced(expr: str, capitals: list[str]) -> str:
    for capital in capitals:
        expr = f"replace({expr}, '{capital}', '{_lowered(capital)}')"
    return expr


def first_step(expr: str) -> str:
    return _replaced(expr, CAPITALS[:SPLIT])


def second_step(expr: str) -> str:
    return f"lower({_replaced(expr, CAPITALS[SPLIT:])})"


def _fold_statements(table: str, columns: tuple[str, ...]) -> list[str]:
    """Two UPDATEs writing every row's folded twins of ``columns`` (the migration's fill)."""
    first = ", ".join(f"{c}_folded = {first_step(c)}" for c in columns)
    second = ", ".join(f"{c}_folded = {second_step(c + '_folded')}" for c in columns)
    return [f"UPDATE {table} SET {first}", f"UPDATE {table} SET {second}"]


def _fold_trigger_body(table: str, columns: tuple[str, ...]) -> str:
    """One UPDATE of the new row's twins: each fold's second step reads its first from a
    subquery, so neither expression nests deeper than SQLite's parser allows."""
    folds = ", ".join(f"{c}_folded = (SELECT {second_step('x')} FROM (SELECT {first_step('new.' + c)} AS x))"
                      for c in columns)
    return f"UPDATE {table} SET {folds} WHERE id = new.id"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, (columns, extra) in FOLDED.items():
        for c in columns:
            op.execute(f"ALTER TABLE {table} ADD COLUMN {c}_folded TEXT")
        for statement in _fold_statements(table, columns):
            op.execute(statement)
        body = _fold_trigger_body(table, columns)
        op.execute(f"CREATE TRIGGER {table}_folded_insert AFTER INSERT ON {table} BEGIN {body}; END")
        op.execute(f"CREATE TRIGGER {table}_folded_update AFTER UPDATE OF {', '.join(columns)} ON {table} "
                   f"BEGIN {body}; END")
        indexed = ", ".join([f"{c}_folded" for c in columns] + list(extra))
        op.execute(f"CREATE INDEX ix_{table}_folded ON {table} ({indexed})")
    _add_sort_keys()


RECOUNT = ("UPDATE companies SET "
           "deal_count = (SELECT count(*) FROM deals WHERE deals.company_id = companies.id), "
           "open_deal_count = (SELECT count(*) FROM deals WHERE deals.company_id = companies.id "
           "AND deals.status = 'open')")
CONTACT_COMPANY = ("UPDATE contacts SET company_name = "
                   "(SELECT name FROM companies WHERE companies.id = contacts.company_id)")
def _counted(sign: str, row: str) -> str:
    """Add (``+``) or take (``-``) the ``row`` deal (``new``/``old``) to or from its company's counts."""
    return (f"UPDATE companies SET deal_count = deal_count {sign} 1, "
            f"open_deal_count = open_deal_count {sign} ({row}.status = 'open') WHERE id = {row}.company_id")


SORT_KEY_TRIGGERS = {
    "deals_company_counts_insert": f"AFTER INSERT ON deals BEGIN {_counted('+', 'new')}; END",
    "deals_company_counts_delete": f"AFTER DELETE ON deals BEGIN {_counted('-', 'old')}; END",
    "deals_company_counts_update": (f"AFTER UPDATE OF company_id, status ON deals BEGIN "
                                    f"{_counted('-', 'old')}; {_counted('+', 'new')}; END"),
    "contacts_company_name_insert": f"AFTER INSERT ON contacts BEGIN {CONTACT_COMPANY} WHERE id = new.id; END",
    "contacts_company_name_update": (f"AFTER UPDATE OF company_id ON contacts BEGIN "
                                     f"{CONTACT_COMPANY} WHERE id = new.id; END"),
    "companies_contact_name_update": ("AFTER UPDATE OF name ON companies BEGIN "
                                      "UPDATE contacts SET company_name = new.name WHERE company_id = new.id; END"),
    "companies_contact_name_delete": ("AFTER DELETE ON companies BEGIN "
                                      "UPDATE contacts SET company_name = NULL WHERE company_id = old.id; END"),
}
# a count has long runs of equal values, ordered by id within: a DESC index gives "most first,
# ties by id" as it is stored (walking an ASC index backwards would give ties in reverse)
SORT_KEY_INDEXES = {
    "ix_companies_deal_count": "companies (deal_count)",
    "ix_companies_deal_count_desc": "companies (deal_count DESC)",
    "ix_companies_open_deal_count": "companies (open_deal_count)",
    "ix_companies_open_deal_count_desc": "companies (open_deal_count DESC)",
    "ix_contacts_company_name": "contacts (company_name)",
    "ix_deals_owner_amount": "deals (owner_id, amount_minor)",  # "my deals, largest first"
}


def _add_sort_keys() -> None:
    op.execute("ALTER TABLE companies ADD COLUMN deal_count INTEGER NOT NULL DEFAULT 0")
    op.execute("ALTER TABLE companies ADD COLUMN open_deal_count INTEGER NOT NULL DEFAULT 0")
    op.execute("ALTER TABLE contacts ADD COLUMN company_name TEXT")
    op.execute(RECOUNT)
    op.execute(CONTACT_COMPANY)
    for name, body in SORT_KEY_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    for name, what in SORT_KEY_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON {what}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in SORT_KEY_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    for name in SORT_KEY_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("ALTER TABLE contacts DROP COLUMN company_name")
    op.execute("ALTER TABLE companies DROP COLUMN open_deal_count")
    op.execute("ALTER TABLE companies DROP COLUMN deal_count")
    for table, (columns, _extra) in FOLDED.items():
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_folded")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_folded_insert")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_folded_update")
        for c in columns:
            op.execute(f"ALTER TABLE {table} DROP COLUMN {c}_folded")
