"""[edge] Indexes on findings by (code, usage) and (code, image), for the archive's finding filter.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_index("ix_findings_code_usage", "findings", ["code", "usage_id"])
    op.create_index("ix_findings_code_image", "findings", ["code", "image_id"])


def downgrade() -> None:
    op.drop_index("ix_findings_code_image", "findings")
    op.drop_index("ix_findings_code_usage", "findings")
