"""[edge] The engine: SQLite in a file by default (WAL mode), PostgreSQL by URL.

The URL comes from --db, else PROVENANCE_DATABASE_URL, else
sqlite:///provenance.db in the current folder. The schema is created and
upgraded through the Alembic migrations beside this file; a new SQLite database
gets the schema they make from one script, sqlite_schema.sql (the migrations'
result dumped, kept equal by tests/store/test_open_fast.py), without starting Alembic.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from provenance.errors import StoreError
from provenance.store.basics import ENV as ENV  # these four are imported from here too
from provenance.store.basics import MIGRATIONS as MIGRATIONS
from provenance.store.basics import SQLITE_PRAGMAS
from provenance.store.basics import database_url as database_url
from provenance.store.basics import head_revision as head_revision

SQLITE_SCHEMA = Path(__file__).resolve().parent / "sqlite_schema.sql"
REVISION_LINE = "-- revision: "


def safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unparsable URL is shown as given
        return url


def make_engine(url: str | None = None) -> Engine:
    url = database_url(url)
    try:
        engine = create_engine(url, future=True)
    except Exception as exc:  # noqa: BLE001 - any driver error becomes one line
        raise StoreError(f"{safe_url(url)}: cannot open the database ({exc})") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        _pragma_when_free(cursor, pragma)
    cursor.close()


_PRAGMA_TRIES = 100  # 0.05 s apart: 5 s, as long as sqlite3's own wait for a lock


def _pragma_when_free(cursor: Any, pragma: str) -> None:
    """Run a pragma, waiting while another process holds the lock it needs. Switching a new database to WAL takes
    the file's lock without SQLite's busy wait: processes opening one new database at once had failed at random
    with 'database is locked' (under load, one run in about 160)."""
    import sqlite3
    import time

    for attempt in range(_PRAGMA_TRIES):
        try:
            cursor.execute(pragma)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == _PRAGMA_TRIES - 1:
                raise
            time.sleep(0.05)


def upgrade(engine: Engine, revision: str = "head", attempts: int = 5) -> str:
    """Bring the schema to the newest migration (or to `revision`: the tests make databases of earlier
    releases so); returns the revision.

    Two processes opening a new database at once both try the first migration;
    the one that loses the race fails, tries again and finds nothing left to do."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    for attempt in range(attempts):
        try:
            with engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
            break
        except Exception as exc:  # noqa: BLE001 - driver and migration errors become one line
            if attempt == attempts - 1:
                reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
                raise StoreError(f"{safe_url(str(engine.url))}: cannot upgrade the schema ({reason})") from None
            time.sleep(0.2 * (attempt + 1))
    return current_revision(engine) or ""


def current_revision(engine: Engine) -> str | None:
    if not inspect(engine).has_table("alembic_version"):
        return None
    with engine.connect() as connection:
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def open_store(url: str | None = None) -> tuple[Engine, sessionmaker[Session]]:
    """An engine on an up-to-date schema, and a session factory. A database already at the newest
    revision is opened without starting Alembic (a re-audit's start-up cost)."""
    engine = make_engine(url)
    head = head_revision()
    try:
        current = current_revision(engine)
    except Exception:  # noqa: BLE001 - unreachable or damaged: upgrade() names the problem
        current = None
    if head is None or current != head:
        if not (current is None and _create_sqlite(engine, head)):
            upgrade(engine)
    return engine, sessionmaker(engine, expire_on_commit=False)


def sqlite_schema(engine: Engine) -> str:
    """A SQLite database's schema as one script: its revision, the statements that made its tables,
    indexes and triggers in the order SQLite keeps them (not the shadow tables a virtual table makes
    itself), then every row its tables hold (the revision's, and what a migration wrote into a virtual
    table's shadow tables), written over what creating the table wrote."""
    with engine.connect() as connection:
        shadow = set(connection.exec_driver_sql(
            "SELECT name FROM pragma_table_list WHERE type = 'shadow'").scalars())
        made = connection.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite%' "
            "ORDER BY rowid").all()
        script = "".join(f"{sql};\n" for _, name, sql in made if name not in shadow)
        tables = [name for kind, name, sql in made if kind == "table" and not sql.startswith("CREATE VIRTUAL")]
        for name in tables:
            for row in connection.exec_driver_sql(f'SELECT * FROM "{name}" ORDER BY 1'):
                script += f'INSERT OR REPLACE INTO "{name}" VALUES ({", ".join(map(_sql_literal, row))});\n'
        revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return f"{REVISION_LINE}{revision}\n{script}"


def _sql_literal(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bytes):
        return f"X'{value.hex()}'"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def write_sqlite_schema() -> None:
    """Regenerate sqlite_schema.sql from the migrations (after adding one)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/schema.db")
        upgrade(engine)
        SQLITE_SCHEMA.write_text(sqlite_schema(engine), encoding="utf-8")
        engine.dispose()


def _create_sqlite(engine: Engine, head: str | None) -> bool:
    """Give a new, empty SQLite database the newest schema with one script, in one transaction;
    False (nothing done) for another database, or when the script is not at the newest revision
    or cannot run (another process created the schema first): Alembic then does what is left."""
    if engine.dialect.name != "sqlite" or head is None or not SQLITE_SCHEMA.exists():
        return False
    script = SQLITE_SCHEMA.read_text(encoding="utf-8")
    if script.partition("\n")[0] != f"{REVISION_LINE}{head}":
        return False
    with engine.connect() as connection:
        raw: Any = connection.connection.dbapi_connection
        try:
            raw.executescript(f"BEGIN IMMEDIATE;\n{script}COMMIT;\n")
        except Exception:  # noqa: BLE001 - not empty, or a race: left to Alembic
            if raw.in_transaction:
                raw.rollback()
            return False
    return True
