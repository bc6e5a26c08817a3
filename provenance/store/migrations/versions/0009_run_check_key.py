"""[edge] Each audit run records what its verdicts depend on (provenance.audit.check_key): the checking
code, the catalog and the usage profile. When the key of a root's previous run differs, the audit checks
every article and standalone image of the root again. Runs stored before this migration have an empty
key, so the first audit after the upgrade checks everything again.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"


def upgrade() -> None:
    op.add_column("audit_runs", sa.Column("checks", sa.String(64), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("audit_runs") as batch:
        batch.drop_column("checks")
