"""change feed: what each committed transaction changed, for other windows on one SQLite file

Revision ID: 0005
Revises: 0004_billing_months
Create Date: 2026-11-30

SQLite only. Its writers are serialised, so the row ids are in commit order and a reader
that remembers the last id it saw finds exactly the newer commits. PostgreSQL carries the
same payload in ``NOTIFY`` at commit instead (``models/change_feed.py``); a table there
would not help, as sequence values are not in commit order.
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004_billing_months"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.create_table(
        "change_feed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=32), nullable=False),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_feed")),
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.drop_table("change_feed")
