"""The audit's article workers start as its image workers do: forked from the main thread (the command
line), spawned from any other thread (an audit the dashboard's API started beside the server's threads,
where a fork would copy locks those threads may hold)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from provenance.audit.articles import checker_pool
from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.store.repository import open_store


def how_started() -> str:
    """In a worker: how it was started (a spawned process runs multiprocessing's entry point; a forked
    one keeps the command line of the process it was forked from)."""
    return "spawn" if b"multiprocessing" in Path("/proc/self/cmdline").read_bytes() else "fork"


@pytest.mark.parametrize(("in_thread", "started"), [
    pytest.param(False, "fork", id="the main thread (the command line): forked"),
    pytest.param(True, "spawn", id="another thread (POST /api/audits in a server thread): spawned"),
])
def test_article_workers_are_spawned_from_a_thread(in_thread: bool, started: str, tmp_path: Path,
                                                    catalog: Catalog) -> None:
    url = f"sqlite:///{tmp_path / 'articles.db'}"
    open_store(url)[0].dispose()
    answers: list[str] = []

    def ask() -> None:
        pool = checker_pool(1, url, str(tmp_path), catalog, UsageProfile())
        try:
            answers.append(pool.submit(how_started).result(timeout=120))
        finally:
            pool.shutdown()

    if in_thread:
        thread = threading.Thread(target=ask)
        thread.start()
        thread.join()
    else:
        ask()
    assert answers == [started]
