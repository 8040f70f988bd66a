"""report snapshots

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('report_snapshots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pipeline_key', sa.String(length=64), nullable=False),
    sa.Column('period_label', sa.String(length=32), nullable=False),
    sa.Column('as_of', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('format', sa.String(length=8), nullable=False),
    sa.Column('report', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_report_snapshots_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_snapshots'))
    )


def downgrade() -> None:
    op.drop_table('report_snapshots')
