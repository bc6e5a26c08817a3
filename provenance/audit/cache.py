"""[edge] Answers over the whole archive kept in memory until the archive changes.

The archive changes only when an audit, a decision or a Commons lookup writes. Each answer is kept
under the archive's version: a few cheap reads (the last audit run and its state, the newest ids of
the tables those writers insert into, the decisions and how many were revoked) that change whenever
one of them commits. While an audit runs nothing is kept. The version is read before an answer is
computed, so the answer is at least as new as its version: what was written meanwhile changed the
version (an audit marks its run running first, a decision adds its row first), so the answer is never
served again, except the checks a decision makes after adding its row: `clear()`, called by the
dashboard after its own writes, drops everything, answers being computed then included. A version
once replaced is never taken up again by a slower request that read it earlier.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import text
from sqlalchemy.orm import Session

T = TypeVar("T")
# how many answers of each kind are kept (a key is (kind, …)): an order holds every matching row (up to
# 0.8 MB at 100,000 rows), a page or a detail a few kilobytes
MOST = {"order": 32, "page": 256, "detail": 512}
MOST_OTHERS = 16
RETIRED = 16

VERSION = text(
    "SELECT (SELECT max(id) FROM audit_runs), "
    "(SELECT status || ':' || phase FROM audit_runs ORDER BY id DESC LIMIT 1), "
    "(SELECT max(id) FROM decisions), (SELECT count(revoked_at) FROM decisions), "
    "(SELECT max(id) FROM image_evidence), (SELECT max(id) FROM records), (SELECT max(id) FROM findings), "
    "(SELECT max(id) FROM files)")


def archive_version(session: Session) -> tuple[Any, ...] | None:
    """The archive's version, or None while an audit runs (then nothing may be kept)."""
    found = tuple(session.execute(VERSION).one())
    return None if str(found[1] or "").startswith("running") else found


class ArchiveCache:
    """A bounded map of answers, all dropped when the archive's version changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: tuple[Any, ...] | None = None
        self._retired: deque[tuple[Any, ...]] = deque(maxlen=RETIRED)
        self._generation = 0
        self._kinds: dict[Hashable, OrderedDict[Hashable, Any]] = {}

    def get(self, session: Session, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer kept for `key` at the archive's current version, else `compute()`, kept."""
        return self.at(archive_version(session), key, compute)

    def at(self, version: tuple[Any, ...] | None, key: Hashable, compute: Callable[[], T]) -> T:
        """The same at a version read before (by `archive_version`) in the same request."""
        kind = key[0] if isinstance(key, tuple) else key
        with self._lock:
            entries = self._kinds.get(kind)
            if version is not None and version == self._version and entries is not None and key in entries:
                entries.move_to_end(key)
                return entries[key]  # type: ignore[no-any-return]
            generation = self._generation
        value = compute()
        if version is not None:
            self._keep(version, generation, kind, key, value)
        return value

    def _keep(self, version: tuple[Any, ...], generation: int, kind: Hashable, key: Hashable, value: object) -> None:
        with self._lock:
            if generation != self._generation or version in self._retired:
                return  # cleared meanwhile, or computed at a version another request saw replaced
            if version != self._version:
                if self._version is not None:
                    self._retired.append(self._version)
                self._kinds.clear()
                self._version = version
            entries = self._kinds.setdefault(kind, OrderedDict())
            entries[key] = value
            while len(entries) > MOST.get(str(kind), MOST_OTHERS):
                entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._generation += 1
            self._kinds.clear()
            if self._version is not None:
                self._retired.append(self._version)
            self._version = None
