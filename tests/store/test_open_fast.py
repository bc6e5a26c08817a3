"""Opening a database that is already up to date needs no Alembic; the head is read from the files. A new
SQLite database gets the migrations' schema from one script, without Alembic, and the same schema."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from provenance.store.repository import (
    MIGRATIONS,
    SQLITE_SCHEMA,
    current_revision,
    head_revision,
    make_engine,
    open_store,
    sqlite_schema,
    upgrade,
)


def test_head_read_from_the_files_is_alembics_head() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert head_revision() == ScriptDirectory.from_config(config).get_current_head()


def test_an_up_to_date_database_opens_without_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.db'}"
    engine, _ = open_store(url)  # creates it
    assert current_revision(engine) == head_revision()
    code = ("import sys; from provenance.store.repository import open_store; "
            f"open_store({url!r}); print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_an_old_database_is_still_upgraded(tmp_path: Path) -> None:
    """One migration behind (Alembic's own downgrade): opening it applies the newest again."""
    url = f"sqlite:///{tmp_path / 'p.db'}"
    engine, _ = open_store(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")
    assert current_revision(engine) != head_revision()
    engine.dispose()
    engine, _ = open_store(url)
    assert current_revision(engine) == head_revision()


def _sqlite_master(path: Path) -> list[tuple[object, ...]]:
    """Everything SQLite records of a schema (but the pages it is stored in), and every table's rows
    (the revision's, and those a virtual table keeps in its shadow tables)."""
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid").fetchall()
        tables = [name for kind, name, _, sql in rows if kind == "table" and not str(sql).startswith("CREATE VIRTUAL")]
        return [*rows, *((name, *row) for name in tables for row in connection.execute(f'SELECT * FROM "{name}"'))]


def test_the_sqlite_script_is_what_the_migrations_make(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'migrated.db'}")
    upgrade(engine)
    assert sqlite_schema(engine) == SQLITE_SCHEMA.read_text(encoding="utf-8"), (
        "after adding a migration: python -c 'from provenance.store.repository import write_sqlite_schema; "
        "write_sqlite_schema()'")


def test_a_new_sqlite_database_is_made_without_alembic_and_the_same(tmp_path: Path) -> None:
    migrated = tmp_path / "migrated.db"
    upgrade(make_engine(f"sqlite:///{migrated}"))
    new = tmp_path / "new.db"
    code = ("import sys; from provenance.store.repository import open_store; "
            f"open_store('sqlite:///{new}'); print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
    assert _sqlite_master(new) == _sqlite_master(migrated)


def test_processes_opening_one_new_database_at_once(tmp_path: Path) -> None:
    """One creates the schema; the others find it there (or finish it with Alembic): all open it at the head."""
    url = f"sqlite:///{tmp_path / 'race.db'}"
    code = ("from provenance.store.repository import current_revision, open_store; "
            f"print(current_revision(open_store({url!r})[0]))")
    racers = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for _ in range(4)]
    outputs = [racer.communicate(timeout=120) for racer in racers]
    assert [r.returncode for r in racers] == [0, 0, 0, 0], outputs
    assert [out.strip() for out, _ in outputs] == [head_revision()] * 4
    migrated = tmp_path / "migrated.db"
    upgrade(make_engine(f"sqlite:///{migrated}"))
    assert _sqlite_master(tmp_path / "race.db") == _sqlite_master(migrated)
