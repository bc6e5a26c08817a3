"""[edge] Run the chunks of a long check at once in forked copies of this process: `forked_map`.

A runner for provenance.check.split_by: the first span is worked on here, each other one in a child forked
from this process (a copy of it as it is: the catalog, its tables and the budget of the check, nothing to
send but the answer), which sends its answer back pickled through a pipe and exits. Only for a process with
no other thread that could hold a lock when it forks: a check worker of the server, the command line's main
thread. A child that fails sends why, and the failure is raised here (a stopped budget as itself); a child
still working when this process stops working on the check is killed.

With `in_two` (provenance.check_split.IN_TWO), a child sends its answer in two parts: first what the caller
needs at once, then the rest, which this process reads only when it is asked for (`in_two`'s load) or, at
the latest, when `settle()` is called (a check worker calls it once its answer has gone): the child pickles
the rest while this process answers, and this process does not unpickle what nobody asks for. Should the
rest be lost (the child killed, or out of memory while pickling it), the load works on the span here.
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
# How an answer is sent in two parts: (split, attach): in the child, `split(answer)` gives what is sent first and
# the rest; here, `attach(first, load)` gives the answer, where `load()` answers the rest when first called.
InTwo = tuple[Callable[[T], tuple[T, Any]], Callable[[T, Callable[[], Any]], T]]
_HEADER = 8  # the length of the first part, before it


def forked_map(work: Callable[[int, int], T], spans: list[tuple[int, int]], in_two: InTwo[T] | None = None) -> list[T]:
    """`[work(start, end) for start, end in spans]`, all but the first span each in a forked child (here, after
    the first, where no process could be made); with `in_two`, each child's answer sent in two parts (see the
    module's docstring)."""
    children: list[_Child | tuple[int, int]] = []
    try:
        for span in spans[1:]:
            children.append(_fork(work, span, in_two))
        first = work(*spans[0])
        return [first, *(_answer(c, work, in_two) if isinstance(c, _Child) else work(*c) for c in children)]
    finally:
        for child in children:
            if isinstance(child, _Child):
                _end(child)


class _Child:
    def __init__(self, pid: int, fd: int, span: tuple[int, int]) -> None:
        self.pid, self.fd, self.span, self.done = pid, fd, span, False


def _fork(work: Callable[[int, int], Any], span: tuple[int, int],
          in_two: InTwo[Any] | None = None) -> _Child | tuple[int, int]:
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
            if in_two is None:
                _send(write, _outcome(work, span))
            elif (outcome := _outcome(lambda start, end: in_two[0](work(start, end)), span))[0] == "done":
                first, rest = outcome[1]
                _send(write, ("done", first), rest, with_rest=True)
            else:
                _send(write, outcome)  # failed or stopped: no rest follows
        finally:
            os._exit(0)
    os.close(write)
    return _Child(pid, read, span)


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


def _send(fd: int, outcome: tuple[str, Any], rest: Any = None, with_rest: bool = False) -> None:
    """The outcome, after its length; then, `with_rest`, the rest pickled (nothing if it cannot be: the parent
    then works on the span itself)."""
    try:
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        data = pickle.dumps(("memory", None))
    with os.fdopen(fd, "wb") as pipe:
        pipe.write(len(data).to_bytes(_HEADER, "little") + data)
        if with_rest:
            pipe.flush()
            pipe.write(pickle.dumps(rest, protocol=pickle.HIGHEST_PROTOCOL))


def _read(fd: int, size: int | None = None) -> bytes:
    """`size` bytes from the pipe (fewer where it ends first), or all of it; never more."""
    parts: list[bytes] = []
    left = -1 if size is None else size
    while left:
        part = os.read(fd, 1 << 20 if left < 0 else min(left, 1 << 20))
        if not part:
            break
        parts.append(part)
        left -= 0 if left < 0 else len(part)
    return b"".join(parts)


def _answer(child: _Child, work: Callable[[int, int], Any], in_two: InTwo[Any] | None = None) -> Any:
    head = _read(child.fd, _HEADER)
    data = _read(child.fd, int.from_bytes(head, "little")) if len(head) == _HEADER else b""
    if not data:
        os.waitpid(child.pid, 0)
        child.done = True
        raise RuntimeError(f"a forked check (process {child.pid}) stopped without an answer")
    kind, value = pickle.loads(data)
    if kind == "done" and in_two is not None:  # the rest is the child's to send, and its reading the load's
        rest = _Rest(child.pid, os.dup(child.fd), lambda: in_two[0](work(*child.span))[1])
        _pending.append(rest)
        child.done = True
        return in_two[1](value, rest.load)
    _read(child.fd)  # nothing more: the child exits once its answer is written
    os.waitpid(child.pid, 0)
    child.done = True
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


class _Rest:
    """The rest of a child's answer (`in_two`): read from its pipe when loaded or settled, unpickled when loaded;
    worked on here (`redo`) when the child sent none."""

    def __init__(self, pid: int, fd: int, redo: Callable[[], Any]) -> None:
        self.pid, self.fd, self.redo = pid, fd, redo
        self.data = b""
        self.loaded = False
        self.value: Any = None

    def settle(self) -> None:
        """The rest's bytes read, the pipe closed and the child waited for."""
        if self.fd < 0:
            return
        try:
            self.data = _read(self.fd)
        finally:
            os.close(self.fd)
            self.fd = -1
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)

    def load(self) -> Any:
        if not self.loaded:
            self.settle()
            try:
                self.value = pickle.loads(self.data) if self.data else self.redo()
            except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
                self.value = self.redo()  # cut short: the child was killed while sending it
            self.data, self.loaded, self.redo = b"", True, _gone
        return self.value


def _gone() -> Any:
    return None


_pending: list[_Rest] = []


def settle() -> None:
    """Every rest still to come (`in_two`) read and its child waited for: called by a process that forked with
    `in_two` once it is idle (a check worker once its answer has gone), so that no child waits to send."""
    while _pending:
        _pending.pop().settle()
