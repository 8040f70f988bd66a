"""indexes for the record tables' sorting and filtering in SQL

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# (table, column): each sorts or filters a record table (models/queries/table_search.py)
INDEXED = [
    ("deals", "name"), ("deals", "amount_minor"), ("deals", "created_at"), ("deals", "closed_at"),
    ("deals", "expected_close"), ("deals", "stage_id"), ("deals", "status"), ("deals", "source"),
    ("deals", "segment"), ("companies", "segment"), ("companies", "source"), ("contacts", "contact_type"),
]


def upgrade() -> None:
    for table, column in INDEXED:
        op.create_index(f"ix_{table}_{column}", table, [column])


def downgrade() -> None:
    for table, column in reversed(INDEXED):
        op.drop_index(f"ix_{table}_{column}", table_name=table)
