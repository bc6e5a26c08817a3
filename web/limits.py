"""Checks run under two limits, so that a slow or hostile check never stalls the dashboard:

- a gate for the heavy checks (files, URLs, or a text over LIGHT_CHARS; a light check costs
  milliseconds, since the parsers are linear, and never waits behind a heavy one): at most
  CHECK_SLOTS of them work at once and at most CHECK_QUEUE more wait for a slot
  (up to CHECK_WAIT_SECONDS); past that a check is refused at once with a 503 and Retry-After.
  `serve` sizes both so that at least one of its threads is always free for the archive pages;
- a work budget per check (provenance.budget): CHECK_SECONDS of work, then a 413 naming the
  limit; and the work stops as soon as the server knows the client has gone (waitress tells,
  with `channel_request_lookahead`).

The heavy checks run in worker processes, one per slot (web.workers), so that they never hold
the interpreter lock the other threads wait for; the light ones run in the request's thread.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from provenance.budget import ClientGone, WorkStopped, work_budget
from provenance.errors import ProvenanceError

RETRY_AFTER = 5  # seconds a refused client is asked to wait
LIGHT_CHARS = 20_000  # a pasted text up to this long, with no file and no URL, is a light check


class Busy(ProvenanceError):
    """Every check slot is taken and the queue is full (or the wait for a slot ran out)."""


class WorkerLost(ProvenanceError):
    """The worker process running a check died (killed, or out of memory) before it answered: a 503,
    since a new worker takes its place."""


class OverMemory(WorkStopped):
    def __init__(self, megabytes: int) -> None:
        super().__init__(f"The check needed more memory than the limit of {megabytes} MB "
                         "(PROVENANCE_WORKER_MEMORY_MB); check fewer or smaller files at once.")


WRITE_WAIT_SECONDS = 20.0  # how long a decision, revoke or audit waits for the archive write before it


@contextmanager
def one_write(lock: threading.Lock, wait_seconds: float = WRITE_WAIT_SECONDS) -> Iterator[None]:
    """One archive write (decision, revoke, audit) at a time in this server: SQLite gives a second writer
    "database is locked" once its wait runs out, and a queue here is fairer than that race. A write that
    waits past `wait_seconds` (behind an audit, say) is refused as Busy, a 503 with Retry-After, so the
    waiting writers never hold every server thread."""
    if not lock.acquire(timeout=wait_seconds):
        raise Busy("Another change to the archive is being written (an audit or a decision); try again shortly.")
    try:
        yield
    finally:
        lock.release()


class CheckGate:
    def __init__(self, slots: int, queue: int, wait_seconds: float) -> None:
        self.slots, self.queue, self.wait_seconds = slots, queue, wait_seconds
        self._free = threading.BoundedSemaphore(slots)
        self._lock = threading.Lock()
        self._waiting = 0

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> CheckGate:
        """Slots and queue as configured, within the server's threads less one (kept for the pages)."""
        spare = max(1, int(config.get("THREADS") or 4) - 1)
        slots = max(1, min(int(config.get("CHECK_SLOTS") or 2), spare))
        queue = config.get("CHECK_QUEUE")
        queue = spare - slots if queue is None or int(queue) < 0 else min(int(queue), spare - slots)
        return cls(slots, max(0, queue), float(config.get("CHECK_WAIT_SECONDS") or 10))

    @contextmanager
    def slot(self, gone: Callable[[], bool]) -> Iterator[None]:
        if not self._free.acquire(blocking=False):
            self._wait(gone)
        try:
            yield
        finally:
            self._free.release()

    @contextmanager
    def spare(self, wanted: int) -> Iterator[int]:
        """Up to `wanted` more slots, held through the block, of those free now when no check waits for one
        (none is waited for): a long check takes them to work on more cores at once (web.workers)."""
        taken = 0
        with self._lock:
            while taken < wanted and self._waiting == 0 and self._free.acquire(blocking=False):
                taken += 1
        try:
            yield taken
        finally:
            for _ in range(taken):
                self._free.release()

    def _wait(self, gone: Callable[[], bool]) -> None:
        with self._lock:
            if self._waiting >= self.queue:
                raise Busy(self._busy(f"{self.slots} checks are running and {self._waiting} waiting "
                                      "(PROVENANCE_CHECK_SLOTS, PROVENANCE_CHECK_QUEUE)"))
            self._waiting += 1
        try:
            deadline = time.monotonic() + self.wait_seconds
            while not self._free.acquire(timeout=0.2):
                if gone():
                    raise ClientGone
                if time.monotonic() > deadline:
                    raise Busy(self._busy(f"no check slot came free within {self.wait_seconds:g} s "
                                          "(PROVENANCE_CHECK_WAIT_SECONDS)"))
        finally:
            with self._lock:
                self._waiting -= 1

    @staticmethod
    def _busy(why: str) -> str:
        return f"The server is busy checking: {why}; try again in {RETRY_AFTER} s."


def client_gone(environ: dict[str, Any]) -> Callable[[], bool]:
    """Whether the client has closed its connection, where the server can tell (waitress with
    channel_request_lookahead); elsewhere never."""
    check = environ.get("waitress.client_disconnected")
    return check if callable(check) else lambda: False


@contextmanager
def limited_check(gate: CheckGate, seconds: float, environ: dict[str, Any],
                  light: bool = False) -> Iterator[Callable[[], bool]]:
    """A slot of the gate (unless the check is light), then the work budget, around one check; gives
    the test of whether the client has gone (for a check that waits on a worker process)."""
    gone = client_gone(environ)
    with contextlib.nullcontext() if light else gate.slot(gone), \
            work_budget(seconds, gone=gone, setting="PROVENANCE_CHECK_SECONDS"):
        yield gone
