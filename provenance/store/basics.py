"""[edge] What the store knows without SQLAlchemy: the database URL, the newest migration, the
SQLite settings and the audit's lock file beside a SQLite database.

The standard library only, so that the re-audit of an unchanged archive (provenance.audit.unchanged)
can use them without starting SQLAlchemy; provenance.store.repository and provenance.audit.state
use the same ones.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

ENV = "PROVENANCE_DATABASE_URL"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL")
SQLITE_FILE = re.compile(r"sqlite:///([^?%]+)")  # a file, without query options or escapes: see sqlite_file()


def database_url(url: str | None = None) -> str:
    found = url or os.environ.get(ENV) or f"sqlite:///{Path.cwd() / 'provenance.db'}"
    if found.startswith("postgresql://"):
        found = "postgresql+psycopg://" + found[len("postgresql://"):]
    return found


def sqlite_file(url: str) -> str | None:
    """The database file of a plain `sqlite:///FILE` URL (relative to the working folder, or absolute
    after a fourth slash), as SQLAlchemy reads it; None for any other URL (another database, the
    memory, query options, %-escapes), which only SQLAlchemy is trusted to read."""
    match = SQLITE_FILE.fullmatch(url)
    return match.group(1) if match and match.group(1) != ":memory:" else None


def head_revision() -> str | None:
    """The newest migration, read from the migration files without importing Alembic (the chain
    is linear: the one revision no other names as its down_revision); None if that is unclear."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name, found in (("revision", revisions), ("down_revision", downs)):
            match = re.search(rf"^{name}\b[^=\n]*=\s*[\"']([^\"']+)[\"']", text, re.MULTILINE)
            if match:
                found.add(match.group(1))
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else None


def lock_path(database: str) -> Path:
    """The file an audit locks beside a SQLite database: one audit at a time per database."""
    return Path(f"{database}.audit-lock")


@contextlib.contextmanager
def file_lock(handle: IO[str]) -> Iterator[None]:
    """Hold an exclusive lock on an open file (waiting for its holder); the operating system drops it
    when the holder dies."""
    import fcntl

    fcntl.flock(handle, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
