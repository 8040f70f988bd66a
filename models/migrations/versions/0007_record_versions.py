"""record versions: every editable record (deal, company, contact, task) gets a version
bumped by every update, and who changed it last and when (the conflict view and the
undo precondition read them)

Revision ID: 0007
Revises: 0006_import_batches
Create Date: 2026-11-30
"""
from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006_import_batches"
branch_labels = None
depends_on = None

TABLES = ("deals", "companies", "contacts", "tasks")


def upgrade() -> None:
    # Plain ADD COLUMN (SQLite does it in place): a batch "recreate" of ``deals`` would drop
    # the old table with foreign keys on, and ON DELETE CASCADE would empty ``deal_events``.
    for table in TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        op.add_column(table, sa.Column("updated_at", sa.DateTime(), nullable=True))
        op.add_column(table, sa.Column("updated_by_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    for table in TABLES:  # DROP COLUMN in place (SQLite 3.35+), for the same reason
        for column in ("updated_by_id", "updated_at", "version"):
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
