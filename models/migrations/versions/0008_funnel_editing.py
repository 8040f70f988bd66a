"""funnel editing: archived pipelines and stages, stages merged into another, and the
record of funnel edits (who changed which stage, pipeline or lost reason, and how)

Revision ID: 0008_funnel_editing
Revises: 0007
Create Date: 2026-11-30
"""
from alembic import op
import sqlalchemy as sa

revision = "0008_funnel_editing"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: a batch "recreate" of ``stages`` would drop a table the deals and
    # their events point at; so ``merged_into_id`` is a plain integer (SQLite cannot add a
    # foreign key in place).
    op.add_column("pipelines", sa.Column("archived", sa.Boolean(), nullable=False, server_default="0"))
    op.add_column("stages", sa.Column("archived", sa.Boolean(), nullable=False, server_default="0"))
    op.add_column("stages", sa.Column("merged_into_id", sa.Integer(), nullable=True))
    op.create_table(
        "funnel_changes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("pipeline_id", sa.Integer(), nullable=True),
        sa.Column("stage_id", sa.Integer(), nullable=True),
        sa.Column("lost_reason_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=True),
    )
    op.create_index("ix_funnel_changes_pipeline_id", "funnel_changes", ["pipeline_id"])
    op.create_index("ix_funnel_changes_stage_id", "funnel_changes", ["stage_id"])


def downgrade() -> None:
    op.drop_index("ix_funnel_changes_stage_id", "funnel_changes")
    op.drop_index("ix_funnel_changes_pipeline_id", "funnel_changes")
    op.drop_table("funnel_changes")
    for table, column in (("stages", "merged_into_id"), ("stages", "archived"), ("pipelines", "archived")):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
