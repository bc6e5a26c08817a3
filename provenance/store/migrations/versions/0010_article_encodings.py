"""[edge] How an article's text was decoded, when its encoding was guessed: articles.guessed_encoding is what
the text was read as ("windows-1252") and articles.declared_encoding the declaration its bytes are not
("windows-1251 (<meta> charset)"); both are NULL for an article read as it is encoded. The audit raises
encoding-guessed for each usage of such an article (provenance.audit.rows.encoding_findings).

Articles stored before this migration were read without keeping a trace of a guess: their files are marked
to be read again, so that the next audit finds which were guessed (an unchanged article would otherwise keep
no finding until it changed).

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("guessed_encoding", sa.String(64), nullable=True))
        batch.add_column(sa.Column("declared_encoding", sa.Text(), nullable=True))
    files = sa.table("files", sa.column("kind", sa.String), sa.column("done", sa.Boolean))
    op.execute(files.update().where(files.c.kind == "article").values(done=False))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("declared_encoding")
        batch.drop_column("guessed_encoding")
