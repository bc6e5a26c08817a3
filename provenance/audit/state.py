"""[edge] What an audit run leaves behind about itself: one audit at a time, each phase's
completion recorded, and a run killed midway marked and resumed by the next.

Phases, in order: register (file rows), images (extraction), articles, standalone
(images no article uses), groups (copies of a photo). The last two work across
the whole database; an interrupted run makes the next audit redo them even when
no file changed.

One audit at a time per database: an exclusive lock held for the whole run (a
lock file beside a SQLite database, an advisory lock on PostgreSQL). The
operating system or the server drops the lock when a process dies, so a run
still "running" when the lock is taken was killed: it is marked "interrupted".
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session, sessionmaker

from provenance.errors import StoreError
from provenance.store import tables as t
from provenance.store.basics import file_lock, lock_path
from provenance.store.repository import safe_url

PHASES = ("register", "images", "articles", "standalone", "groups")
LOCK_KEY = 0x70726F76  # the advisory lock's key on PostgreSQL ("prov")
KILL_ENV = "PROVENANCE_TEST_KILL_AT"  # "phase:k": the crash test's hook, see checkpoint()


@contextlib.contextmanager
def audit_lock(engine: Engine) -> Iterator[None]:
    """Hold the database's audit lock (waiting for another audit to finish)."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql(f"SELECT pg_advisory_lock({LOCK_KEY})")
            try:
                yield
            finally:
                connection.exec_driver_sql(f"SELECT pg_advisory_unlock({LOCK_KEY})")
        return
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    with _file_lock(lock_path(database), safe_url(str(engine.url))):
        yield


@contextlib.contextmanager
def _file_lock(path: Path, name: str) -> Iterator[None]:
    try:
        handle = path.open("a")
    except OSError as exc:
        raise StoreError(f"{name}: cannot create the audit lock {path} ({exc.strerror})") from None
    with handle, file_lock(handle):
        yield


def begin_run(sessions: sessionmaker[Session], base: str, profile: str, checks: str = "") -> tuple[int, bool, bool]:
    """Start a run (under the lock); (its id, whether a killed run left the final phases undone, whether
    the root's previous run checked with another key: provenance.audit.check_key)."""
    with sessions() as session:
        session.execute(update(t.AuditRun).where(t.AuditRun.status == "running").values(status="interrupted"))
        pending = session.scalar(select(t.AuditRun.id).where(t.AuditRun.status == "interrupted").limit(1))
        before = session.execute(select(t.AuditRun.checks).where(t.AuditRun.root == base)
                                 .order_by(t.AuditRun.id.desc()).limit(1)).first()
        run = t.AuditRun(root=base, profile=profile, status="running", phase="", checks=checks)
        session.add(run)
        session.commit()
        return run.id, pending is not None, before is not None and before[0] != checks


@contextlib.contextmanager
def interrupted_on_error(sessions: sessionmaker[Session], run_id: int) -> Iterator[None]:
    """A run that stops on an error (a full disk, a lost database) is marked interrupted at once,
    where it can still be written; a killed run is marked by the next one instead."""
    try:
        yield
    except BaseException:
        with contextlib.suppress(Exception), sessions() as session:
            session.execute(update(t.AuditRun).where(t.AuditRun.id == run_id).values(status="interrupted"))
            session.commit()
        raise


def phase_done(sessions: sessionmaker[Session], run_id: int, phase: str) -> None:
    """Record that a run completed a phase (its work is committed before this)."""
    assert phase in PHASES
    with sessions() as session:
        session.execute(update(t.AuditRun).where(t.AuditRun.id == run_id).values(phase=phase))
        session.commit()


def finish_run(session: Session, run: t.AuditRun) -> None:
    """Mark a run done, and the interrupted runs whose work it finished as resumed."""
    run.status, run.finished_at = "done", t.utcnow()
    session.execute(update(t.AuditRun).where(t.AuditRun.status == "interrupted", t.AuditRun.root == run.root)
                    .values(status="resumed"))


_KILL_AT = os.environ.get(KILL_ENV, "")


def checkpoint(phase: str, count: int) -> None:
    """The crash test's hook: with PROVENANCE_TEST_KILL_AT=phase:k, the audit kills itself
    (SIGKILL, as an operator or the OOM killer would) when it reaches item k of that phase."""
    if _KILL_AT and _KILL_AT == f"{phase}:{count}":
        os.kill(os.getpid(), signal.SIGKILL)
