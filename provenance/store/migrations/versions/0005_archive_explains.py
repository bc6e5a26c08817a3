"""[edge] Folded search columns, revocable decisions, counts per audit run.

records.search and files.search hold the searchable text folded for case and accents (filled here for
the rows already stored); a revoked decision is kept with who revoked it and when; audit_runs.counts
keeps the archive's counts at the end of each run, for the trend.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

from provenance.catalog.names import fold_search

revision = "0005"
down_revision = "0004"

TZ = sa.DateTime(timezone=True)
RECORD_TEXT = sa.text(
    "SELECT records.id, records.creator, records.organization, records.via, usages.src, article_file.path, "
    "(SELECT MIN(f.path) FROM files f WHERE f.image_id = records.image_id) "
    "FROM records LEFT JOIN usages ON usages.id = records.usage_id "
    "LEFT JOIN articles ON articles.id = usages.article_id "
    "LEFT JOIN files article_file ON article_file.id = articles.file_id")


def upgrade() -> None:
    for table in ("records", "files"):
        op.add_column(table, sa.Column("search", sa.Text(), nullable=False, server_default=""))
    op.add_column("audit_runs", sa.Column("counts", sa.Text(), nullable=False, server_default="{}"))
    with op.batch_alter_table("decisions") as batch:
        batch.add_column(sa.Column("revoked_at", TZ, nullable=True))
        batch.add_column(sa.Column("revoked_by", sa.Text(), nullable=True))
    _backfill()


def _backfill() -> None:
    connection = op.get_bind()
    records = [{"i": row[0], "s": fold_search(" ".join(p for p in row[1:] if p))}
               for row in connection.execute(RECORD_TEXT)]
    if records:
        connection.execute(sa.text("UPDATE records SET search = :s WHERE id = :i"), records)
    files = [{"i": i, "s": fold_search(p)} for i, p in connection.execute(sa.text("SELECT id, path FROM files"))]
    if files:
        connection.execute(sa.text("UPDATE files SET search = :s WHERE id = :i"), files)


def downgrade() -> None:
    with op.batch_alter_table("decisions") as batch:
        for column in ("revoked_by", "revoked_at"):
            batch.drop_column(column)
    op.drop_column("audit_runs", "counts")
    for table in ("files", "records"):
        op.drop_column(table, "search")
