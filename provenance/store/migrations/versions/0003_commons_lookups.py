"""[edge] The cache of Wikimedia Commons API answers, with their fetch time.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_table(
        "commons_lookups",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("api", sa.String(500), nullable=False),
        sa.Column("key", sa.String(500), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("api", "key"),
    )


def downgrade() -> None:
    op.drop_table("commons_lookups")
