"""[edge] The re-audit of an unchanged folder into SQLite, on the standard library alone.

Archives are re-audited nightly and mostly nothing changed. The normal path (provenance.audit.run)
then walks the folder, finds every file's size and mtime as stored and the file done, and only
records a run (phases register to groups, status done, the archive's status counts) before the CLI
prints the counts; yet it starts SQLAlchemy, the catalog and the profile to do so. This module does
the same with `sqlite3` against the same tables, under the same lock, in one transaction:

- the database is a SQLite file (`sqlite:///FILE`) at the newest migration;
- the root's last run checked with the same code, catalog and profile (its check key,
  provenance.audit.check_key: the CLI takes this path with the bundled catalog and profile only);
- no earlier run is still marked running or interrupted (the normal path would finish its work);
- the folder's files (after the exclusions) are exactly the stored files of that root, each with
  the stored size and mtime, and each done.

Anything else returns None before writing, and the caller takes the normal path. --phash plays no
part in the normal path's decision: an unchanged file is not read again whatever it says.
"""

from __future__ import annotations

import datetime
import json
import os
import sqlite3
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from provenance.audit.check_key import DEFAULT_PROFILE, default_check_key
from provenance.audit.filters import STATUSES
from provenance.io.folder import excluded, folder_files
from provenance.store.basics import (
    SQLITE_PRAGMAS,
    database_url,
    file_lock,
    head_revision,
    lock_path,
    sqlite_file,
)

KILL_ENV = "PROVENANCE_TEST_KILL_AT"  # the crash test's hook (provenance.audit.state): the normal path honours it
PHASE_DONE = "groups"  # the last phase (provenance.audit.state.PHASES)
STAMP = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores a datetime in SQLite (UTC, as the tables' utcnow)

# The counts of provenance.audit.overview.summary(), as SQL; tests/audit/test_unchanged.py compares them.
UNREADABLE = "SELECT count(*) FROM files WHERE id IN (SELECT file_id FROM findings WHERE file_id IS NOT NULL)"
GUESSED = "SELECT count(*) FROM articles WHERE guessed_encoding IS NOT NULL"
BY_STATUS = "SELECT status, count(*) FROM records GROUP BY status"
BY_KIND = "SELECT usage_id IS NOT NULL, count(*) FROM records GROUP BY usage_id IS NOT NULL"
BY_FINDING = "SELECT code, count(*) FROM findings GROUP BY code ORDER BY count(*) DESC, code"
BY_LICENSE = "SELECT license_id, count(*) FROM records GROUP BY license_id ORDER BY count(*) DESC, license_id"
INSERT_RUN = ("INSERT INTO audit_runs (root, started_at, finished_at, status, files_seen, files_extracted, "
              "files_failed, profile, phase, counts, checks) VALUES (?, ?, ?, 'done', ?, 0, 0, ?, ?, ?, ?)")
LAST_KEY = "SELECT checks FROM audit_runs WHERE root = ? ORDER BY id DESC LIMIT 1"


@dataclass
class Unchanged:
    """A re-audit that found nothing to do: what the CLI prints."""

    root: str
    seen: int
    seconds: float = 0.0
    counts: dict[str, object] = field(default_factory=dict)


class NotUnchanged(Exception):
    """Something the normal path must do (or judge): nothing was written."""


def default_profile_name() -> str:
    """The name of the bundled profile, as provenance.catalog.profile reads it (without the catalog)."""
    with DEFAULT_PROFILE.open("rb") as handle:
        return str(tomllib.load(handle).get("name", "Unnamed profile"))


def reaudit_unchanged(root: str, url: str | None, exclude: tuple[str, ...], profile: str) -> Unchanged | None:
    """Record the re-audit of an unchanged folder and return its counts; None (and nothing written)
    when the normal path is needed."""
    started = time.perf_counter()
    database = sqlite_file(database_url(url))
    if database is None or os.environ.get(KILL_ENV) or not os.path.isfile(database):
        return None
    try:
        with lock_path(database).open("a") as handle, file_lock(handle):
            return _record(root, database, exclude, profile, started)
    except (NotUnchanged, OSError, sqlite3.Error):
        return None


def _record(root: str, database: str, exclude: tuple[str, ...], profile: str, started: float) -> Unchanged:
    base = Path(root).resolve()
    if not base.is_dir():  # a zip, or nothing there: the normal path reads or names it
        raise NotUnchanged
    files = [f for f in folder_files(str(base)) if not excluded(f[0], exclude)]  # as walk_folder's, unsorted
    found = Unchanged(root=str(base) if files else os.path.abspath(root), seen=len(files))
    begun = _now()
    connection = _connect(database)
    try:
        connection.execute("BEGIN IMMEDIATE")
        checks = default_check_key()
        _check(connection, found.root, files, checks)
        found.counts = summary(connection)
        by_status = found.counts["by status"]
        found.seconds = time.perf_counter() - started
        connection.execute(INSERT_RUN, (found.root, begun, _now(), found.seen, profile, PHASE_DONE,
                                        json.dumps(by_status), checks))
        connection.execute("COMMIT")
    finally:
        connection.close()  # a transaction still open is rolled back
    return found


def _connect(database: str) -> sqlite3.Connection:
    """The existing file (never a new one), with the settings SQLAlchemy's connections get."""
    connection = sqlite3.connect(f"{Path(database).absolute().as_uri()}?mode=rw", uri=True, isolation_level=None)
    for pragma in SQLITE_PRAGMAS:
        connection.execute(pragma)
    return connection


def _check(connection: sqlite3.Connection, base: str, files: list[tuple[str, int, int]], checks: str) -> None:
    """Raise NotUnchanged unless the schema is the newest, the root's last run checked with the same code,
    catalog and profile (`checks`), no run was cut short, and every file is stored as it is now (path, size,
    mtime), and done."""
    revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    if revision != [(head_revision(),)]:
        raise NotUnchanged
    if connection.execute(LAST_KEY, (base,)).fetchall() != [(checks,)]:
        raise NotUnchanged
    if connection.execute("SELECT 1 FROM audit_runs WHERE status IN ('running', 'interrupted') LIMIT 1").fetchone():
        raise NotUnchanged
    known = {path: (size, mtime_ns, done) for path, size, mtime_ns, done in connection.execute(
        "SELECT path, size, mtime_ns, done FROM files WHERE root = ?", (base,))}
    if len(known) != len(files) or any(known.get(path) != (size, mtime_ns, 1) for path, size, mtime_ns in files):
        raise NotUnchanged


def summary(connection: sqlite3.Connection) -> dict[str, object]:
    """provenance.audit.overview.summary(), read with sqlite3."""
    unreadable = _one(connection, UNREADABLE)
    by_status = {str(s): int(n) for s, n in connection.execute(BY_STATUS)}
    by_status["error"] = by_status.get("error", 0) + unreadable
    kinds = {bool(used): int(n) for used, n in connection.execute(BY_KIND)}
    licenses = {lic or "": int(n) for lic, n in connection.execute(BY_LICENSE)}
    without = licenses.pop("", 0)
    return {
        "images": _one(connection, "SELECT count(*) FROM images"),
        "articles": _one(connection, "SELECT count(*) FROM articles"),
        "guessed encodings": _one(connection, GUESSED),
        "rows": kinds.get(True, 0) + kinds.get(False, 0) + unreadable,
        "usages": kinds.get(True, 0),
        "unused images": kinds.get(False, 0),
        "unreadable files": unreadable,
        "with license": sum(licenses.values()),
        "without license": without,
        "by status": {status: by_status.get(status, 0) for status in STATUSES},
        "by finding": {str(code): int(n) for code, n in connection.execute(BY_FINDING)},
        "by license": licenses,
    }


def _one(connection: sqlite3.Connection, query: str) -> int:
    return int(connection.execute(query).fetchone()[0])


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).strftime(STAMP)
