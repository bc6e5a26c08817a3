"""What the views share: the catalog, the profile, the store, recent checks, and what is kept about the
archive until it changes."""

from __future__ import annotations

import logging
import secrets
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from flask import current_app
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.articles import shared_url
from provenance.audit.cache import ArchiveCache
from provenance.audit.check_key import run_check_key
from provenance.audit.labels import Labels
from provenance.catalog.load import Catalog, load_catalog
from provenance.catalog.profile import UsageProfile, load_profile
from provenance.io.commons import Answer
from provenance.store.commons_cache import StoreCache
from provenance.store.repository import open_store
from web.jobs import Fetched
from web.limits import Busy, CheckGate, one_write
from web.workers import CheckWorkers

log = logging.getLogger(__name__)
ANSWERS_WAIT_SECONDS = 2.0  # how long a check's Commons answers wait for the archive write in progress
KEEP_CHECKS = 64
KEEP_BYTES = 512 * 1024 * 1024  # the kept checks' texts and uploads together (64 uploads of 50 MB were 3.2 GB)


@dataclass
class StoredCheck:
    """An upload kept in memory so the toggles can check it again; never written to disk."""

    text: str
    kind: str
    files: list[tuple[str, bytes]]
    thumbs: list[bytes | None] = field(default_factory=list)  # filled by the first run
    urls: list[str] = field(default_factory=list)
    fetched: dict[str, Fetched] = field(default_factory=dict)  # url -> the page fetched, or its refusal
    key: str | None = None  # its key among the kept checks (`Services.keep`); None: not kept (an API call)
    worker: int | None = None  # the worker process that checked it last, and keeps what it checked (web.jobs)

    def size(self) -> int:
        """Bytes of the text and the uploads (what a check holds beyond its small thumbnails)."""
        return len(self.text) + sum(len(data) for _, data in self.files)


@dataclass
class Services:
    catalog: Catalog
    profile: UsageProfile
    sessions: sessionmaker[Session]
    checks: OrderedDict[str, StoredCheck] = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    writes: threading.Lock = field(default_factory=threading.Lock)  # web.limits.one_write
    cache: ArchiveCache = field(default_factory=ArchiveCache)  # the archive's order and overview, per version
    gate: CheckGate = field(default_factory=lambda: CheckGate(2, 1, 10.0))
    check_seconds: float = 30.0
    workers: CheckWorkers | None = None  # where heavy checks run; None: in the request's thread

    @cached_property
    def check_key(self) -> str:
        """The key of what this dashboard's checks depend on, as an audit records it (provenance.audit.check_key):
        a decision made here is checked with this catalog and profile."""
        return run_check_key(self.catalog, self.profile)

    def stored_answers(self) -> StoreCache:
        """The Commons answers in the store (a check reads them; `store_answers` writes new ones)."""
        return StoreCache(self.sessions)

    def store_answers(self, answers: list[Answer]) -> None:
        """Commons answers a check got, written in the queue of archive writes (SQLite has one writer).
        Only a cache: when the queue stays busy or the write fails, the next check asks Commons again."""
        if not answers:
            return
        try:
            with one_write(self.writes, ANSWERS_WAIT_SECONDS):
                cache = self.stored_answers()
                for answer in answers:
                    cache.put(*answer)
        except (Busy, SQLAlchemyError) as exc:
            log.warning("Commons answers not kept: %s", exc)

    @contextmanager
    def archive_write(self) -> Iterator[None]:
        """One archive write (decision, revoke, audit) at a time in this server (web.limits.one_write);
        once it is written, the kept answers are dropped, so the next page shows it."""
        with one_write(self.writes):
            yield
        self.cache.clear()

    @property
    def labels(self) -> Labels:
        return Labels(self.catalog)

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Services:
        catalog = load_catalog()
        engine, sessions = open_store(config.get("DATABASE_URL"))
        gate = CheckGate.from_config(config)
        workers = CheckWorkers(gate.slots, catalog, shared_url(engine)) if config.get("CHECK_WORKERS", True) else None
        return cls(catalog, load_profile(config.get("PROFILE"), catalog), sessions, gate=gate,
                   check_seconds=float(config.get("CHECK_SECONDS") or 30), workers=workers)

    def keep(self, check: StoredCheck) -> str:
        key = check.key = secrets.token_urlsafe(12)
        with self.lock:
            self.checks[key] = check
            held = sum(kept.size() for kept in self.checks.values())
            while len(self.checks) > 1 and (len(self.checks) > KEEP_CHECKS or held > KEEP_BYTES):
                held -= self.checks.popitem(last=False)[1].size()  # the oldest goes; the newest always stays
        return key

    def get(self, key: str) -> StoredCheck | None:
        with self.lock:
            return self.checks.get(key)


def services() -> Services:
    return current_app.extensions["provenance"]  # type: ignore[no-any-return]
