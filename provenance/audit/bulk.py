"""[edge] The audit's bulk inserts: rows as tuples, a few statements a batch (and the SQLite driver's
connection for the reads the article workers repeat for every image, provenance.audit.save).

On SQLite the rows go to the driver as multi-row INSERT statements, without SQLAlchemy's per-row
parameter processing, and the new rows' ids are given, not returned: an INSERT ... RETURNING of a
batch is one statement a row there (SQLite does not promise the order of RETURNING rows), and each
statement fires the full-text index's trigger in a statement of its own, which costs FTS5 a flush of
its pending terms (2,000 records took 0.25 s one statement a row, 0.03 s in statements of 200 rows).
Any other database (PostgreSQL) gets SQLAlchemy's executemany and INSERT ... RETURNING.

The caller's transaction must hold the database's write lock already (it wrote before, as every audit
batch starts by deleting the rows it replaces), so that no other writer takes an id in between.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

ROWS = 500  # rows a statement at most (and as many as SQLite's limit of parameters allows)


def insert_rows(session: Session, table: Table, columns: Sequence[str], rows: Sequence[tuple[object, ...]]) -> None:
    """Insert rows, each a tuple of values in the order of `columns`; the columns not named get their
    scalar default."""
    if not rows:
        return
    raw = driver_sqlite(session)
    if raw is None:
        session.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    defaults: list[tuple[str, object]] = []
    for column in table.c:
        default: Any = column.default
        if column.name not in columns and default is not None:
            assert default.is_scalar, f"{table.name}.{column.name}: a computed default; give its value"
            defaults.append((column.name, default.arg))
    names = [*columns, *(name for name, _ in defaults)]
    extra = tuple(value for _, value in defaults)
    group = f"({', '.join('?' * len(names))})"
    head = f"INSERT INTO {_quote(table.name)} ({', '.join(_quote(n) for n in names)}) VALUES "
    per = max(1, min(ROWS, raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // len(names)))
    for start in range(0, len(rows), per):
        part = rows[start:start + per]
        raw.execute(head + ", ".join([group] * len(part)), [value for row in part for value in (*row, *extra)])


def insert_ids(session: Session, table: Table, columns: Sequence[str], rows: Sequence[tuple[object, ...]]) -> list[int]:
    """insert_rows, returning the new rows' ids in the order of `rows`."""
    if not rows:
        return []
    raw = driver_sqlite(session)
    if raw is None:
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(session.scalars(statement, [dict(zip(columns, row, strict=True)) for row in rows]).all())
    last = session.scalar(select(table.c.id).order_by(table.c.id.desc()).limit(1)) or 0
    ids = list(range(last + 1, last + 1 + len(rows)))
    insert_rows(session, table, ("id", *columns), [(row_id, *row) for row_id, row in zip(ids, rows, strict=True)])
    return ids


def driver_sqlite(session: Session) -> sqlite3.Connection | None:
    """The session's own driver connection (in its transaction) when the database is SQLite."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return None
    raw = connection.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
