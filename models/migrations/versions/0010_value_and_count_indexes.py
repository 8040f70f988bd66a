"""indexes behind the cards' value suggestions and the record tables' counts

The cards offer the values already used in a few text columns (a deal's cohort, a
company's industry and region, a person's position); with an index each list is read
by a skip scan in microseconds (``models.queries.used_values``) instead of a scan of
every record. ``(company_id, status)`` lets the Companies table count each company's
open deals from the index alone; a person's card finds their deals and sales actions
without reading every link and action.

Revision ID: 0010
Revises: 0009_search_index
Create Date: 2026-11-30
"""
from alembic import op

revision = "0010"
down_revision = "0009_search_index"
branch_labels = None
depends_on = None

# (name, table, columns)
INDEXES = [
    ("ix_deals_cohort", "deals", ["cohort"]),
    ("ix_companies_industry", "companies", ["industry"]),
    ("ix_companies_region", "companies", ["region"]),
    ("ix_contacts_position", "contacts", ["position"]),
    ("ix_deals_company_status", "deals", ["company_id", "status"]),
    ("ix_activities_contact_id", "activities", ["contact_id"]),
    ("ix_deal_contacts_contact_id", "deal_contacts", ["contact_id", "deal_id"]),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
