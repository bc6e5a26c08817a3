"""A work budget for one check: a deadline, and a way to learn that whoever asked has gone away.

The budget travels in a context variable, so the loops of a check (every image, every credit,
every uploaded file) call `checkpoint()` between units of work without a parameter threaded
through every layer; outside a `work_budget` block `checkpoint()` does nothing. A unit of work
already started runs to its end (the parsers are linear, so each unit is bounded by its input).
Pure: reads the monotonic clock and nothing else.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from provenance.errors import ProvenanceError


class WorkStopped(ProvenanceError):
    """A check stopped before its end: its time budget ran out, or its client went away."""


class OverBudget(WorkStopped):
    def __init__(self, seconds: float, setting: str) -> None:
        self.seconds, self.setting = seconds, setting
        super().__init__(f"The check needed more than the limit of {seconds:g} s of work ({setting}); "
                         "check a shorter text or fewer files at once.")


class ClientGone(WorkStopped):
    def __init__(self) -> None:
        super().__init__("The check stopped: the client closed the connection.")


@dataclass(frozen=True)
class Budget:
    deadline: float  # on time.monotonic()'s clock
    seconds: float
    setting: str
    gone: Callable[[], bool]


_CURRENT: ContextVar[Budget | None] = ContextVar("provenance_work_budget", default=None)


@contextmanager
def work_budget(seconds: float, *, gone: Callable[[], bool] | None = None,
                setting: str = "the work budget") -> Iterator[Budget]:
    """Run the block under a budget of `seconds`; `gone()` says the client has left. `setting`
    names where the limit is configured, for the error."""
    budget = Budget(time.monotonic() + seconds, seconds, setting, gone or _never)
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


def checkpoint() -> None:
    """Raise ClientGone or OverBudget when the current budget says to stop; else nothing."""
    budget = _CURRENT.get()
    if budget is None:
        return
    if budget.gone():
        raise ClientGone
    if time.monotonic() > budget.deadline:
        raise OverBudget(budget.seconds, budget.setting)


def _never() -> bool:
    return False
