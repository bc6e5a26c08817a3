"""[edge] Indexes for the archive's search of the folded `search` columns (a substring anywhere).

PostgreSQL: a trigram index (the pg_trgm extension, created when the server has it and lets us), which
serves `LIKE '%…%'` itself. SQLite: an index on `records.search`, which the search reads instead of the
whole table (about half the time at 100,000 rows). It depends on no other migration's tables.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        op.create_index("ix_records_search", "records", ["search"])
        return
    try:
        with connection.begin_nested():
            connection.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
            connection.execute(sa.text(
                "CREATE INDEX ix_records_search ON records USING gin (search gin_trgm_ops)"))
    except sa.exc.DBAPIError:
        pass  # no pg_trgm on this server, or no right to create it: the search scans, as before


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        op.drop_index("ix_records_search", "records")
    else:
        connection.execute(sa.text("DROP INDEX IF EXISTS ix_records_search"))
