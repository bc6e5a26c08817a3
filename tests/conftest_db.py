"""Databases for storage tests: SQLite always, PostgreSQL when PROVENANCE_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from provenance.store.repository import open_store

POSTGRES_ENV = "PROVENANCE_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", "postgresql"]
OPENED: list[Engine] = []  # engines a test opened, closed by dispose_opened before its database is dropped


def open_test_store(url: str) -> sessionmaker[Session]:
    """open_store for a test: the engine is closed when the test ends (see tests/audit/conftest.py)."""
    engine, sessions = open_store(url)
    OPENED.append(engine)
    return sessions


def dispose_opened() -> None:
    while OPENED:
        OPENED.pop().dispose()


def new_database(backend: str, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'audit.db'}"
        return
    admin_url = os.environ.get(POSTGRES_ENV)
    if not admin_url:
        pytest.skip(f"{POSTGRES_ENV} is not set (.ci/run sets it)")
    admin_url = admin_url.replace("postgresql://", "postgresql+psycopg://", 1)
    name = f"provenance_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
