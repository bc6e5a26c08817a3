"""[edge] The images of an audit read on worker processes (provenance.audit.extract), and the first
audit into a new SQLite database starting them before the rest of the audit is ready.

Without SQLAlchemy or the checks: `read_ahead` runs before the audit command imports them. The workers
are started, and sent their first jobs, when `start_reading` is called, so that they read while the
caller goes on; the results come back in order as the caller iterates.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from provenance.errors import InputError
from provenance.io.archive import Entry, classify, walk_archive
from provenance.io.folder import excluded

if TYPE_CHECKING:  # the readers are imported when there is something to read
    from provenance.audit.extract import Extracted

CHUNK = 8  # images read per job: a job is a round trip between the processes
IN_FLIGHT = 4  # jobs queued per worker (enough that none waits while the audit process writes a batch)
AHEAD = 512  # images sent at once when the workers start ahead of the audit (read_ahead) ...
AHEAD_CHUNK = 32  # ... in jobs of up to this many
Job = tuple[list[Entry], "Future[list[Extracted]]"]


def kind_of_entry(entry: Entry) -> tuple[str, str | None]:
    """('image' | 'article' | 'other', problem) of an entry, by content; a file that cannot be read is
    'other', with the reason as its problem."""
    try:
        return classify(entry)
    except InputError as exc:
        return "other", exc.reason
    except OSError as exc:
        return "other", f"cannot be read ({exc})"


class Reading:
    """Images being read on the workers: iterating gives each one's result in order, with at most a few
    jobs per worker in flight (more at the start of a read-ahead), so that results never pile up in
    memory while the database catches up; `close` stops the workers (also when the results were never
    asked for)."""

    def __init__(self, images: list[Entry], jobs: int | None, phash: bool, ahead: int = 0) -> None:
        from provenance.audit.extract import warm_up, worker_context
        from provenance.io.c2pa_reader import trust_anchors

        self.trust, self.phash, self.context = trust_anchors(), phash, worker_context()
        self.workers = min(jobs or os.cpu_count() or 1, len(images))  # one worker too: the budgets hold always
        if self.context.get_start_method() == "fork":
            warm_up(phash)  # forked workers start with the readers' libraries loaded (spawned ones load their own)
        self.todo = deque(images)
        self.chunk = max(1, min(CHUNK, len(images) // (self.workers * IN_FLIGHT)))  # several jobs a worker
        self.pool = self._pool(careful=False)
        self.pending: deque[Job] = deque()
        # `ahead`: about this many images in larger jobs at first, read while the caller is busy elsewhere
        first = max(self.chunk, min(AHEAD_CHUNK, len(images) // (self.workers * IN_FLIGHT))) if ahead else self.chunk
        self._submit(self.todo, max(IN_FLIGHT * self.workers, ahead // first), first)
        self.results = self._all()

    def __iter__(self) -> Iterator[Extracted]:
        return self.results

    def close(self) -> None:
        """Stop the workers. When results were left (the audit failed, or the reading was not taken),
        the workers are ended at once (their jobs are moot) and the pool's thread is waited for, so
        that the process does not exit while that thread closes its pipes (Python 3.11 then prints an
        ignored exception); once every result was taken, the pool is down already."""
        for process in list((getattr(self.pool, "_processes", None) or {}).values()):  # public from 3.14 only
            process.terminate()
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.results.close()

    def _pool(self, careful: bool) -> ProcessPoolExecutor:
        from provenance.audit.extract import start_worker

        return ProcessPoolExecutor(max_workers=1 if careful else self.workers, initializer=start_worker,
                                   initargs=(self.phash,), mp_context=self.context)

    def _all(self) -> Generator[Extracted, None, None]:
        """A file over its budget, or a worker that dies on a file, makes that file a file-error; a new
        pool takes over. Files in flight when a worker died, not yet known to be harmless, are read again
        by one worker, one file at a time, so that a death then names its file."""
        suspects: deque[Entry] = deque()
        while True:
            careful = bool(suspects)
            try:
                suspects.extend((yield from self._pool_results(suspects if careful else self.todo,
                                                               1 if careful else IN_FLIGHT * self.workers,
                                                               1 if careful else self.chunk)))
            finally:
                self.pool.shutdown(wait=False, cancel_futures=True)
            if not (self.todo or suspects):
                return
            self.pool, self.pending = self._pool(careful=bool(suspects)), deque()

    def _submit(self, todo: deque[Entry], in_flight: int, chunk: int) -> bool:
        """Send jobs from `todo` until `in_flight` are pending; False when the pool is broken (a worker
        died since the last result: a pending job will say so) and no job is pending."""
        from provenance.audit.extract import extract_many

        while todo and len(self.pending) < in_flight:
            entries = [todo.popleft() for _ in range(min(chunk, len(todo)))]
            try:
                future = self.pool.submit(extract_many, [(e, self.trust, self.phash) for e in entries])
            except BrokenProcessPool:
                todo.extendleft(reversed(entries))
                return bool(self.pending)
            self.pending.append((entries, future))
        return True

    def _pool_results(self, todo: deque[Entry], in_flight: int, chunk: int) -> Generator[Extracted, None, list[Entry]]:
        """Results from this pool, taking entries off `todo` a few at a time; returns when done, or when a
        worker was interrupted or died (the entries not yet started go back on `todo`, for a new pool).
        A worker that dies while it was the only one at work on one file names that file; when several
        files were in flight, any of them may have killed it (another worker's job fails too), so none is
        blamed: they are returned, to be read again one at a time."""
        from provenance.audit.extract import Extracted

        pending = self.pending
        while todo or pending:
            if not self._submit(todo, in_flight, chunk):
                return []
            entries, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                if len(entries) > 1 or pending:
                    return [*entries, *(e for chunk_, _ in pending for e in chunk_)]
                results = [Extracted(entries[0].path, error=f"{entries[0].path}: the worker reading it died (out "
                                                            "of memory or killed); not read", over_budget=True)]
            yield from results
            if results[-1].over_budget:
                todo.extendleft(reversed([*entries[len(results):], *(e for chunk_, _ in pending for e in chunk_)]))
                return []
        return []


def start_reading(images: list[Entry], jobs: int | None, phash: bool = True, ahead: int = 0) -> Reading | None:
    """The images read on the workers, started now; None when there is none."""
    return Reading(images, jobs, phash, ahead) if images else None


@dataclass
class ReadAhead:
    """What the first audit of a folder into a new SQLite database did before the audit process imported
    the database and the checks (provenance.cli.audit): the walk, each file's kind, and the images being
    read. The audit uses them when they are what it would have done itself (provenance.audit.run)."""

    started: float  # time.perf_counter() at the start
    entries: list[Entry]  # the folder's files, after --exclude
    kinds: dict[str, tuple[str, str | None]]  # kind_of_entry() of each, by path
    images: list[Entry]
    reading: Reading

    def take(self, images: list[Entry]) -> Reading | None:
        """The reading started ahead when it reads these very images in this order; else it is stopped."""
        if [(e.path, e.size, e.mtime_ns) for e in images] == [(e.path, e.size, e.mtime_ns) for e in self.images]:
            return self.reading
        self.reading.close()
        return None

    def close(self) -> None:
        self.reading.close()


def read_ahead(root: str, database: str | None, exclude: tuple[str, ...], jobs: int | None,
               phash: bool) -> ReadAhead | None:
    """Walk a folder, tell its files' kinds and start reading its images, when the audit goes into a
    SQLite `database` file that does not exist yet: then every file is new, so every image is read (a
    database that exists needs its file rows to tell). None otherwise: a zip (its members are read within
    the audit's open archives), another database, a database in no folder, or nothing to read."""
    started = time.perf_counter()
    if database is None or os.path.lexists(database) or not Path(root).is_dir():
        return None
    if not os.path.isdir(os.path.dirname(os.path.abspath(database))):
        return None  # the database cannot be made there: the audit says so at once
    try:
        entries = [e for e in walk_archive(root) if not excluded(e.path, exclude)]
    except InputError:
        return None  # the audit names the problem
    kinds = {e.path: kind_of_entry(e) for e in entries}
    images = [e for e in entries if kinds[e.path][0] == "image"]
    reading = start_reading(images, jobs, phash, ahead=AHEAD)
    return ReadAhead(started, entries, kinds, images, reading) if reading else None
