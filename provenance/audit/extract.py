"""[edge] The per-image work of an audit, run in worker processes (one at least, so that the
budgets below hold for every audit from the command line): metadata, C2PA and identity of one
archive entry, as plain data that pickles."""

from __future__ import annotations

import io
import multiprocessing
import os
import resource
import signal
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.context import BaseContext
from types import FrameType

from provenance.errors import InputError
from provenance.io.archive import Entry, entry_source, keep_archives_open
from provenance.io.image_reader import fresh_pages_for_large_buffers
from provenance.io.images import read_image

# Per-file budgets in the audit's worker processes (SECURITY.md says how to change them).
FILE_SECONDS = int(os.environ.get("PROVENANCE_FILE_SECONDS", "120"))
WORKER_MEMORY = int(os.environ.get("PROVENANCE_WORKER_MEMORY_MB", "3072")) * 1024 * 1024

EvidenceRow = tuple[str, str, str, str, "str | None", str]

# The worker-death test's hook: with PROVENANCE_TEST_KILL_WORKER_ON=<file name>, a worker kills itself
# (SIGKILL, as the OOM killer would) when it comes to that file.
_KILL_ON = os.environ.get("PROVENANCE_TEST_KILL_WORKER_ON", "")


@dataclass
class Extracted:
    path: str
    sha256: str | None = None
    phash: str | None = None
    format: str = ""
    width: int = 0
    height: int = 0
    size: int = 0
    evidence: list[EvidenceRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    error: str | None = None
    over_budget: bool = False  # the worker was interrupted mid-file: it is replaced


class OverBudget(BaseException):
    """A file took longer than its time budget (a BaseException, so that no `except Exception`
    in a library swallows it)."""


def warm_up(phash: bool = True) -> None:
    """Read a tiny image once, so that the libraries the image readers load on first use are
    loaded before any file's time budget starts (the perceptual hash's only when it is wanted)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "PNG")
    try:
        read_image(io.BytesIO(out.getvalue()), "warm-up.png", None, phash=phash)
    except Exception:  # noqa: BLE001 - warming up is best effort; real files report their own errors
        return


def start_worker(phash: bool = True) -> None:
    """A worker process: it ends when the audit is gone; zips stay open for its life; its readers
    are warmed up; its address space is capped, so a file that needs more memory fails with
    MemoryError (a file-error) instead of exhausting the machine."""
    exit_with_parent(os.getppid())
    keep_archives_open()
    if not phash:  # no picture is decoded: libwebp's untouched canvases are better on fresh pages
        fresh_pages_for_large_buffers()
    warm_up(phash)
    cap_memory()


def cap_memory(limit: int = WORKER_MEMORY) -> None:
    """Cap this process's address space (PROVENANCE_WORKER_MEMORY_MB): past it an allocation raises
    MemoryError here, instead of the machine running out of memory."""
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or hard > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def exit_with_parent(parent: int) -> None:
    """A worker ends when the process that started it is gone (killed with SIGKILL, it cannot tell
    its workers): else an orphan waits forever on its queue, holding the audit's stdout open."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def worker_context() -> BaseContext:
    """How worker processes start: forked from an audit in its process's main thread (the command
    line); spawned afresh for an audit in another thread (started by the dashboard's API, beside the
    server's threads), where a fork would copy locks other threads may hold. Either way the images are
    read in workers, under the per-file time and memory budgets."""
    if threading.current_thread() is not threading.main_thread():
        return multiprocessing.get_context("spawn")
    return multiprocessing.get_context("fork")


def _over_time(_signum: int, _frame: FrameType | None) -> None:
    raise OverBudget


def extract(job: tuple[Entry, str | None] | tuple[Entry, str | None, bool]) -> Extracted:
    """Everything an audit needs from one image file, within the worker's time and memory budget;
    a failure is an error on it, not an exception. For worker processes only: a file over budget
    is interrupted wherever it is, which may leave the process in a bad state (see run._pool_results).
    The job is (entry, C2PA trust anchors[, perceptual hash wanted: default yes])."""
    entry, trust, phash = (*job, True)[:3]
    if _KILL_ON and os.path.basename(entry.path) == _KILL_ON:
        os.kill(os.getpid(), signal.SIGKILL)
    previous = signal.signal(signal.SIGALRM, _over_time)
    signal.alarm(FILE_SECONDS)
    try:
        return _extract(entry, trust, bool(phash))
    except OverBudget:
        return Extracted(entry.path, error=f"{entry.path}: reading it took over {FILE_SECONDS} s; not read",
                         over_budget=True)
    except MemoryError:
        return Extracted(entry.path, error=f"{entry.path}: reading it needed more memory than a worker may use; "
                                           "not read", over_budget=True)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def extract_many(jobs: list[tuple[Entry, str | None, bool]]) -> list[Extracted]:
    """`extract` for several files in one call (one message each way between the processes instead
    of one a file); it stops after a file over budget, whose worker is then replaced, so the result
    may be shorter than `jobs`."""
    results: list[Extracted] = []
    for job in jobs:
        results.append(extract(job))
        if results[-1].over_budget:
            break
    return results


def _extract(entry: Entry, trust: str | None, phash: bool) -> Extracted:
    try:
        with entry_source(entry) as source:
            meta, ident = read_image(source, entry.path, trust, phash=bool(phash))
        assert ident is not None
    except (OverBudget, MemoryError):
        raise
    except InputError as exc:
        return Extracted(entry.path, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad file never stops an audit
        return Extracted(entry.path, error=f"{entry.path}: could not be read ({type(exc).__name__}: {exc})")
    evidence = meta.evidence
    return Extracted(
        entry.path, ident.sha256, ident.phash, meta.format, meta.width, meta.height, ident.size,
        [(e.field, e.value, e.origin, e.name, e.lang, e.location) for e in evidence], meta.problems,
    )
