"""[edge] Each record's finding codes in a table of their own, and a trigram search index on SQLite.

record_codes holds (code, record id) once per code a record's row shows: the findings of its usage,
or of its image (those of no usage) when no article uses it — what the archive's filter by finding
code asked of `findings` with two EXISTS per record. It is filled here from the findings, and from now
on by the audit and by decisions (provenance.audit.codes); a record's codes go with it (ON DELETE CASCADE).

On SQLite with FTS5's trigram tokenizer (SQLite 3.34 and newer), records_fts is an external-content
FTS5 table over records.search, filled here and kept in step by three triggers on records (insert,
delete — cascades included — and an update of `search`). A search of three characters or more reads
its candidates from it and checks them with the same LIKE as before. Without FTS5 or the trigram
tokenizer nothing is made and the search reads the index of migration 0007, as before. Beware: a later
migration that rebuilds `records` with batch_alter_table ("move and copy") drops these triggers and
must make them again (TRIGGERS below). PostgreSQL keeps its pg_trgm index (0007).

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"

CODES = sa.text(
    "INSERT INTO record_codes (code, record_id) "
    "SELECT DISTINCT findings.code, records.id FROM records JOIN findings ON findings.usage_id = records.usage_id "
    "UNION "
    "SELECT DISTINCT findings.code, records.id FROM records JOIN findings ON findings.image_id = records.image_id "
    "AND findings.usage_id IS NULL WHERE records.usage_id IS NULL")

FTS = "CREATE VIRTUAL TABLE records_fts USING fts5(search, content='records', content_rowid='id', tokenize='trigram')"
TRIGGERS = (
    "CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN "
    "INSERT INTO records_fts (rowid, search) VALUES (new.id, new.search); END",
    "CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN "
    "INSERT INTO records_fts (records_fts, rowid, search) VALUES ('delete', old.id, old.search); END",
    "CREATE TRIGGER records_fts_update AFTER UPDATE OF search ON records BEGIN "
    "INSERT INTO records_fts (records_fts, rowid, search) VALUES ('delete', old.id, old.search); "
    "INSERT INTO records_fts (rowid, search) VALUES (new.id, new.search); END",
)


def upgrade() -> None:
    op.create_table(
        "record_codes",
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("record_id", sa.Integer(), sa.ForeignKey("records.id", ondelete="CASCADE"), primary_key=True),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_record_codes_record_id", "record_codes", ["record_id"])
    connection = op.get_bind()
    connection.execute(CODES)
    if connection.dialect.name == "sqlite":
        _trigram_index(connection)


def _trigram_index(connection: sa.Connection) -> None:
    try:
        with connection.begin_nested():
            connection.exec_driver_sql(FTS)
    except sa.exc.OperationalError:
        return  # no FTS5, or no trigram tokenizer (SQLite before 3.34): the search reads 0007's index
    for trigger in TRIGGERS:
        connection.exec_driver_sql(trigger)
    connection.exec_driver_sql("INSERT INTO records_fts (records_fts) VALUES ('rebuild')")


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for name in ("records_fts_insert", "records_fts_delete", "records_fts_update"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        connection.exec_driver_sql("DROP TABLE IF EXISTS records_fts")
    op.drop_index("ix_record_codes_record_id", "record_codes")
    op.drop_table("record_codes")
