"""[edge] Each audit run records the last phase it completed, so that a run killed in
its final phases is resumed by the next one instead of being taken as finished.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    with op.batch_alter_table("audit_runs") as batch:
        batch.add_column(sa.Column("phase", sa.String(16), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("audit_runs") as batch:
        batch.drop_column("phase")
