"""search index: the global search (Ctrl+K) finds deals, companies, contacts and tasks
through the database's own text index, kept in step by triggers

Revision ID: 0009_search_index
Revises: 0008_funnel_editing
Create Date: 2026-11-30

One index table per kind (``search_deals``, ``search_companies``, ``search_contacts``,
``search_tasks``), keyed by the record's id, holding the record's searchable words
(``terms``): deal name; company name, INN and website; contact name, e-mails and phones;
task title. A phone is indexed as digits in every form people type (``+7 916 123-45-67``
→ ``79161234567 89161234567 9161234567``). Triggers on the record tables keep the index
right whoever writes (services, imports, undo, another laptop).

* SQLite: FTS5 tables (``unicode61`` folds case in every alphabet; ``ё`` is written ``е``),
  the record id is the rowid.
* PostgreSQL: plain tables with ``terms`` already folded (lower case, ``ё`` → ``е``, words
  of ``[0-9a-zа-я]`` separated by one space, a leading space) and a trigram GIN index
  (``pg_trgm``), or, where the extension cannot be created, a GIN index on
  ``to_tsvector('simple', terms)``. ``models/queries/search.py`` asks the matching way.

The queries in ``models/queries/search.py`` fold the typed text the same way.
"""
from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "0009_search_index"
down_revision = "0008_funnel_editing"
branch_labels = None
depends_on = None

# record table -> (index table, text columns, phone columns)
SOURCES = {
    "deals": ("search_deals", ("name",), ()),
    "companies": ("search_companies", ("name", "inn", "website"), ()),
    "contacts": ("search_contacts", ("full_name", "email_work", "email_personal"), ("phone_work", "phone_personal")),
    "tasks": ("search_tasks", ("title",), ()),
}

UPPER = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯё"
LOWER = "абвгдеежзийклмнопрстуфхцчшщъыьэюяе"


# --- SQLite ------------------------------------------------------------------------------------
def _sqlite_digits(expr: str) -> str:
    for ch in "+ -().":
        expr = f"replace({expr}, '{ch}', '')"
    return expr


def _sqlite_phone(column: str) -> str:
    d = _sqlite_digits(f"coalesce({column}, '')")
    rest = f"substr({d}, 2)"
    return (f"CASE WHEN length({d}) = 11 AND substr({d}, 1, 1) IN ('7', '8') "
            f"THEN '7' || {rest} || ' 8' || {rest} || ' ' || {rest} "
            f"WHEN length({d}) = 10 THEN '7' || {d} || ' 8' || {d} || ' ' || {d} "
            f"ELSE {d} END")


def _sqlite_terms(row: str, texts: tuple[str, ...], phones: tuple[str, ...]) -> str:
    parts = [f"replace(replace(coalesce({row}{c}, ''), 'ё', 'е'), 'Ё', 'Е')" for c in texts]
    parts += [_sqlite_phone(f"{row}{c}") for c in phones]
    return " || ' ' || ".join(parts)


def _sqlite_upgrade() -> None:
    for table, (index, texts, phones) in SOURCES.items():
        op.execute(f"CREATE VIRTUAL TABLE {index} USING fts5(terms, "
                   "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')")
        op.execute(f"INSERT INTO {index}(rowid, terms) SELECT id, {_sqlite_terms('', texts, phones)} FROM {table}")
        new_terms = _sqlite_terms("new.", texts, phones)
        columns = ", ".join(("id",) + texts + phones)
        op.execute(f"CREATE TRIGGER {index}_insert AFTER INSERT ON {table} BEGIN "
                   f"INSERT INTO {index}(rowid, terms) VALUES (new.id, {new_terms}); END")
        op.execute(f"CREATE TRIGGER {index}_update AFTER UPDATE OF {columns} ON {table} BEGIN "
                   f"DELETE FROM {index} WHERE rowid = old.id; "
                   f"INSERT INTO {index}(rowid, terms) VALUES (new.id, {new_terms}); END")
        op.execute(f"CREATE TRIGGER {index}_delete AFTER DELETE ON {table} BEGIN "
                   f"DELETE FROM {index} WHERE rowid = old.id; END")
        op.execute(f"INSERT INTO {index}({index}) VALUES ('optimize')")  # one b-tree: faster reads


# --- PostgreSQL --------------------------------------------------------------------------------
PG_FUNCTIONS = f"""
CREATE FUNCTION voronka_search_words(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT ' ' || btrim(regexp_replace(lower(translate(coalesce(t, ''), '{UPPER}', '{LOWER}')),
                                     '[^0-9a-zа-я]+', ' ', 'g'))
$$;
CREATE FUNCTION voronka_search_phone(p text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN length(d) = 11 AND left(d, 1) IN ('7', '8')
              THEN '7' || substr(d, 2) || ' 8' || substr(d, 2) || ' ' || substr(d, 2)
              WHEN length(d) = 10 THEN '7' || d || ' 8' || d || ' ' || d
              ELSE d END
  FROM (SELECT regexp_replace(coalesce(p, ''), '[^0-9]', '', 'g') AS d) AS digits
$$;
"""


def _pg_terms(row: str, texts: tuple[str, ...], phones: tuple[str, ...]) -> str:
    parts = [f"{row}{c}" for c in texts] + [f"voronka_search_phone({row}{c})" for c in phones]
    return f"voronka_search_words(concat_ws(' ', {', '.join(parts)}))"


def _pg_trigram_available() -> bool:
    """Create ``pg_trgm`` if this user may (a trusted extension since PostgreSQL 13)."""
    bind = op.get_bind()
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError:
        return False
    return True


def _pg_upgrade() -> None:
    op.execute(PG_FUNCTIONS)
    trigram = _pg_trigram_available()
    for table, (index, texts, phones) in SOURCES.items():
        op.execute(f"CREATE TABLE {index} (record_id integer PRIMARY KEY, terms text NOT NULL)")
        op.execute(f"INSERT INTO {index}(record_id, terms) SELECT id, {_pg_terms('', texts, phones)} FROM {table}")
        if trigram:
            op.execute(f"CREATE INDEX ix_{index}_trigram ON {index} USING gin (terms gin_trgm_ops)")
        else:
            op.execute(f"CREATE INDEX ix_{index}_words ON {index} USING gin (to_tsvector('simple', terms))")
        columns = ", ".join(texts + phones)
        op.execute(f"""
CREATE FUNCTION {index}_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM {index} WHERE record_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO {index}(record_id, terms) VALUES (NEW.id, {_pg_terms('NEW.', texts, phones)});
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER {index}_sync AFTER INSERT OR DELETE OR UPDATE OF id, {columns} ON {table}
  FOR EACH ROW EXECUTE FUNCTION {index}_sync();
""")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_upgrade()
    else:
        _pg_upgrade()


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, (index, _texts, _phones) in SOURCES.items():
        if sqlite:
            for what in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {index}_{what}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {index}_sync ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {index}_sync()")
        op.execute(f"DROP TABLE IF EXISTS {index}")
    if not sqlite:
        op.execute("DROP FUNCTION IF EXISTS voronka_search_phone(text)")
        op.execute("DROP FUNCTION IF EXISTS voronka_search_words(text)")
