"""The heavy checks run in worker processes owned by the server, so that a check never holds the
interpreter lock that the server's threads (pages, listings, decisions) wait for.

One worker per check slot (web.limits.CheckGate), started when first needed, forked from a fork
server that has already imported the check's modules (a new worker is ready in a fraction of a
second), and warmed once with the catalog. A request's thread sends its worker a CheckJob and waits
for the Outcome without holding the interpreter lock. The worker works under the check's budget
(provenance.budget: it stops between units of work) and under the memory cap of the audit's
workers (provenance.audit.extract). The thread stops waiting, and the worker is killed and
replaced, when the client goes away or the worker overruns its budget by GRACE_SECONDS (a unit of
work that never reaches a checkpoint); a worker that dies is replaced too. A worker that grew past
RECYCLE_MB is replaced after its check, so the memory a huge check took is given back.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
import traceback
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from provenance.audit.extract import WORKER_MEMORY, cap_memory, exit_with_parent, warm_up
from provenance.budget import ClientGone, OverBudget, work_budget
from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.check import gc_paused
from provenance.check_split import FIRST_SHARE, IN_TWO, IN_TWO_SHARE, split_by
from provenance.io.commons import AnswerCache
from provenance.io.forked import forked_map, settle
from provenance.store.commons_cache import StoreCache
from web.jobs import CheckJob, Outcome, run_job, use_settings
from web.limits import OverMemory, WorkerLost

SETTING = "PROVENANCE_CHECK_SECONDS"
GRACE_SECONDS = 2.0  # past its budget, a worker that has not stopped by itself is killed
POLL_SECONDS = 0.2  # how often a waiting thread asks whether its client has gone
START_SECONDS = 120.0  # a new worker is ready within this (the fork server's first start imports the app)
RECYCLE_MB = 512  # a worker holding more memory than this after a check is replaced


@dataclass(eq=False)
class Worker:
    process: BaseProcess
    conn: Connection


class CheckWorkers:
    """At most `size` idle workers are kept; `run` takes one (or starts one) for a check."""

    def __init__(self, size: int, catalog: Catalog, database_url: str | None, grace: float = GRACE_SECONDS) -> None:
        self.size, self.catalog, self.database_url, self.grace = size, catalog, database_url, grace
        self._idle: list[Worker] = []
        self._live: set[Worker] = set()
        self._lock = threading.Lock()
        weakref.finalize(self, _stop_all, self._live)

    def pids(self) -> list[int]:
        """The live workers' process ids."""
        with self._lock:
            return [w.process.pid for w in self._live if w.process.pid is not None]

    def run(self, job: CheckJob, seconds: float, gone: Callable[[], bool], prefer: int | None = None) -> Outcome:
        """The job's Outcome from a worker (the one of process id `prefer` when it is idle); OverBudget
        past `seconds` of work, ClientGone when `gone()` says the client left, OverMemory past the
        memory cap, WorkerLost if the worker died."""
        worker = self._handed((job, seconds), prefer)
        try:
            kind, value = _answer_of(worker, seconds, seconds + self.grace, gone)
        except BaseException:
            self._stop(worker)
            raise
        if kind == "memory" or _rss_mb(worker.process.pid) > RECYCLE_MB:
            self._stop(worker)
        else:
            self._give_back(worker)
        outcome = _outcome(kind, value, seconds)
        outcome.worker = worker.process.pid
        return outcome

    def _handed(self, message: tuple[CheckJob, float], prefer: int | None = None) -> Worker:
        """A worker that has been sent the message: an idle one, or a new one when the idle one turns
        out to have died (the job never reached it, so another worker may take it)."""
        worker = self._take(prefer)
        try:
            worker.conn.send(message)
            return worker
        except OSError:
            self._stop(worker)
        except BaseException:  # the message itself could not be sent (pickling, memory): no worker is kept busy
            self._stop(worker)
            raise
        worker = self._take()
        try:
            worker.conn.send(message)
        except BaseException:
            self._stop(worker)
            raise
        return worker

    def _take(self, prefer: int | None = None) -> Worker:
        dead: list[Worker] = []
        with self._lock:
            worker = None
            while self._idle and worker is None:
                worker = self._idle.pop(next((n for n, w in enumerate(self._idle) if w.process.pid == prefer), -1))
                if worker.conn.poll(0):  # an idle worker says nothing: what there is to read is its end
                    dead.append(worker)
                    worker = None
        for gone in dead:
            self._stop(gone)  # died while idle: another takes its place
        if worker is None:
            worker = _start(self.catalog, self.database_url)
            with self._lock:
                self._live.add(worker)
        return worker

    def _give_back(self, worker: Worker) -> None:
        with self._lock:
            if len(self._idle) < self.size:
                self._idle.append(worker)
                return
        self._stop(worker)

    def _stop(self, worker: Worker) -> None:
        with self._lock:
            self._live.discard(worker)
        _kill(worker)


def _start(catalog: Catalog, database_url: str | None) -> Worker:
    """A new worker, forked from the fork server (which imports this module once), once it is warm."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])  # read when the fork server starts, the first time only
    ours, theirs = context.Pipe()
    process = context.Process(target=serve_checks, args=(theirs, catalog, database_url), daemon=True,
                              name="provenance-check")
    try:
        process.start()
    except OSError as exc:  # no process could be made (memory, process limit): the check is a 503
        ours.close()
        theirs.close()
        raise WorkerLost(f"A check worker could not be started ({exc.strerror or exc}); try again shortly.") from None
    theirs.close()
    worker = Worker(process, ours)
    try:
        if not ours.poll(START_SECONDS) or ours.recv() != ("ready", None):
            raise WorkerLost("A check worker did not start in time; try again shortly.")
    except (EOFError, OSError):
        _kill(worker)
        raise WorkerLost("A check worker stopped while starting; try again shortly.") from None
    except BaseException:
        _kill(worker)
        raise
    return worker


def _answer_of(worker: Worker, seconds: float, limit: float, gone: Callable[[], bool]) -> tuple[str, Any]:
    """The worker's answer, waited for without the interpreter lock, asking every POLL_SECONDS whether
    the client has gone and whether the worker is past `limit` seconds (its budget and the grace)."""
    deadline = time.monotonic() + limit
    try:
        while not worker.conn.poll(POLL_SECONDS):
            if gone():
                raise ClientGone
            if time.monotonic() > deadline:
                raise OverBudget(seconds, SETTING)
        answer: tuple[str, Any] = worker.conn.recv()
    except (EOFError, OSError):
        raise WorkerLost("The process checking this stopped (killed, or out of memory) before it finished; "
                         "try again shortly.") from None
    return answer


def _outcome(kind: str, value: Any, seconds: float) -> Outcome:
    if kind == "done":
        return value  # type: ignore[no-any-return]
    if kind == "over":
        raise OverBudget(seconds, SETTING)
    if kind == "memory":
        raise OverMemory(WORKER_MEMORY // (1024 * 1024))
    raise RuntimeError(f"the check failed in its worker: {value}")


def _kill(worker: Worker) -> None:
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join(timeout=5)
    worker.conn.close()


def _stop_all(workers: set[Worker]) -> None:
    """When the server's Services go away (a test's app), their workers go too."""
    for worker in list(workers):
        _kill(worker)


def _rss_mb(pid: int | None) -> float:
    """A process's resident memory in MB (0 where /proc cannot tell)."""
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
    except (OSError, ValueError, IndexError):
        return 0.0


# --- in the worker process ---

def serve_checks(conn: Connection, catalog: Catalog, database_url: str | None) -> None:
    """A worker's life: warm up, say it is ready, then answer jobs until the server closes the pipe.
    It ends with the server (its fork server ends with the server), and ignores the terminal's
    Ctrl-C (the server's to handle)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent(os.getppid())
    warm_up()
    run_job(CheckJob("Photo: Jane Doe/AP (CC BY 4.0)", "auto", [], [], UsageProfile()), catalog)
    cap_memory()
    store = _store(database_url)
    conn.send(("ready", None))
    while True:
        try:
            job, seconds = conn.recv()
        except (EOFError, OSError):
            return
        # The cycle collector stays paused for the job and the sending of its answer (pickling the answer
        # with it on walked every object the job made: 0.05 to 0.09 s for a pasted megabyte's items);
        # it collects once the answer has gone, before the next job can come.
        with gc_paused():
            answer = _answer(job, seconds, catalog, store)
            try:
                conn.send(answer)
            except MemoryError:  # the answer did not fit in memory once pickled: nothing was sent yet
                answer = ("memory", None)
                conn.send(answer)
        if answer[0] == "memory":
            return  # a MemoryError may have left anything half done: the server starts a new worker
        settle()  # the items of a long text's other chunks, read (not unpickled) once the answer has gone
        if gc.isenabled():
            gc.collect(0)


def _answer(job: CheckJob, seconds: float, catalog: Catalog, store: AnswerCache | None) -> tuple[str, Any]:
    use_settings(job.settings)
    # This process's main thread: all of the job; a long text's chunks each in a copy of this worker (the slots
    # it got). For a page of results, each copy sends its items' facts first and its items after, read when a
    # later page needs them (provenance.check_split.IN_TWO); the API's answer holds every item.
    runner, share = (forked_map, FIRST_SHARE) if job.encoded else (partial(forked_map, in_two=IN_TWO), IN_TWO_SHARE)
    try:
        with work_budget(seconds, setting=SETTING), split_by(runner, job.parts, share):
            return "done", run_job(job, catalog, store)
    except OverBudget:
        return "over", None
    except MemoryError:
        return "memory", None
    except Exception as exc:  # noqa: BLE001 - told to the server, which answers a 500 and logs it
        traceback.print_exc()
        return "failed", f"{type(exc).__name__}: {exc}"


def _store(database_url: str | None) -> AnswerCache | None:
    """The Commons answers already stored (read only: the server writes the new ones)."""
    return StoreCache.at(database_url) if database_url else None
