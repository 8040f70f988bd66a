"""pipelines.billing_months: the months one Client Success contract cycle covers

Existing Client Success pipelines get 12 (the month_1 … month_12 template).

Revision ID: 0004_billing_months
Revises: 0003
Create Date: 2026-11-30
"""
from alembic import op
import sqlalchemy as sa

revision = "0004_billing_months"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("pipelines", sa.Column("billing_months", sa.Integer(), nullable=True))
    op.execute("UPDATE pipelines SET billing_months = 12 WHERE kind = 'success'")


def downgrade() -> None:
    with op.batch_alter_table("pipelines") as batch:
        batch.drop_column("billing_months")
