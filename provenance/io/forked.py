"""[edge] Run the chunks of a long check at once in forked copies of this process: `forked_map`.

A runner for provenance.check.split_by: the first span is worked on here, each other one in a child forked
from this process (a copy of it as it is: the catalog, its tables and the budget of the check, nothing to
send but the answer), which sends its answer back pickled through a pipe and exits. Only for a process with
no other thread that could hold a lock when it forks: a check worker of the server, the command line's main
thread. A child that fails sends why, and the failure is raised here (a stopped budget as itself); a child
still working when this process stops working on the check is killed.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from collections.abc import Callable
from typing import Any, TypeVar

from provenance.budget import ClientGone, OverBudget

T = TypeVar("T")


def forked_map(work: Callable[[int, int], T], spans: list[tuple[int, int]]) -> list[T]:
    """`[work(start, end) for start, end in spans]`, all but the first span each in a forked child (here, after
    the first, where no process could be made)."""
    children: list[_Child | tuple[int, int]] = []
    try:
        for span in spans[1:]:
            children.append(_fork(work, span))
        first = work(*spans[0])
        return [first, *(_answer(c) if isinstance(c, _Child) else work(*c) for c in children)]
    finally:
        for child in children:
            if isinstance(child, _Child):
                _end(child)


class _Child:
    def __init__(self, pid: int, fd: int) -> None:
        self.pid, self.fd, self.done = pid, fd, False


def _fork(work: Callable[[int, int], Any], span: tuple[int, int]) -> _Child | tuple[int, int]:
    """A child working on `span`, or the span itself when no process could be made (memory, process limit)."""
    parent = os.getpid()
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return span
    if pid == 0:  # the child: work, answer, exit without running this process's exit handlers
        os.close(read)
        try:
            from provenance.audit.extract import exit_with_parent  # loaded already where checks run

            exit_with_parent(parent)
            _send(write, _outcome(work, span))
        finally:
            os._exit(0)
    os.close(write)
    return _Child(pid, read)


def _outcome(work: Callable[[int, int], Any], span: tuple[int, int]) -> tuple[str, Any]:
    try:
        return "done", work(*span)
    except OverBudget as exc:
        return "over", (exc.seconds, exc.setting)
    except ClientGone:
        return "gone", None
    except MemoryError:
        return "memory", None
    except Exception as exc:  # noqa: BLE001 - told to the parent, which raises it
        return "failed", f"{type(exc).__name__}: {exc}"


def _send(fd: int, outcome: tuple[str, Any]) -> None:
    try:
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        data = pickle.dumps(("memory", None))
    with os.fdopen(fd, "wb") as pipe:
        pipe.write(data)


def _answer(child: _Child) -> Any:
    with os.fdopen(child.fd, "rb", closefd=False) as pipe:
        data = pipe.read()
    os.waitpid(child.pid, 0)  # it exits once its answer is written
    child.done = True
    if not data:
        raise RuntimeError(f"a forked check (process {child.pid}) stopped without an answer")
    kind, value = pickle.loads(data)
    if kind == "done":
        return value
    if kind == "over":
        raise OverBudget(*value)
    if kind == "gone":
        raise ClientGone
    if kind == "memory":
        raise MemoryError
    raise RuntimeError(f"a forked check failed: {value}")


def _end(child: _Child) -> None:
    """The child's pipe closed, and the child killed if it was not waited for (this process stopped first)."""
    os.close(child.fd)
    if not child.done:
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(child.pid, signal.SIGKILL)
            os.waitpid(child.pid, 0)
