"""Heavy checks run in worker processes of the server (web.workers): the work is done by another
process than the server's; a worker past its budget, or whose client left, is killed and replaced; a
worker that dies is replaced, and the check it was working on is a 503 that the next check never sees."""

from __future__ import annotations

import io
import os
import signal
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from provenance.budget import ClientGone, OverBudget, WorkStopped
from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from tests.web.serving import alive, check_workers, cpu_ticks, slow_article, upload_args, wait_for
from web import create_app
from web.jobs import CheckJob
from web.workers import CheckWorkers


def _article(images: int) -> bytes:
    return "".join(f"![pic {n}](img{n}.jpg)\n\nPhoto: Jane Doe/AP (CC BY 4.0)\n\n" for n in range(images)).encode()


def test_a_heavy_check_is_worked_by_a_worker_process(database: str) -> None:
    app = create_app({"DATABASE_URL": database, "TESTING": True})
    svc = app.extensions["provenance"]
    client = app.test_client()
    assert svc.workers.pids() == []  # started when first needed
    first = client.post("/api/check", data={"files": (io.BytesIO(b"Photo: A/AP"), "caption.txt")})
    assert first.status_code == 200
    [worker] = svc.workers.pids()
    assert worker != os.getpid()
    before, asked = cpu_ticks(worker), time.thread_time()
    response = client.post("/api/check", data={"files": (io.BytesIO(_article(2000)), "story.md")})
    worked, waited = (cpu_ticks(worker) - before) / os.sysconf("SC_CLK_TCK"), time.thread_time() - asked
    assert response.status_code == 200
    assert len(response.json["files"][0]["items"]) == 2000
    assert worked > waited  # the worker did the check; the server's thread mostly waited for it
    assert svc.workers.pids() == [worker]  # kept for the next check


def _never() -> bool:
    return False


def _always() -> bool:
    return True


# one caption of 4 million "a/ " (12 MB): a single unit of work of seconds, with no checkpoint inside it
ENDLESS = ("Photo: " + "a/ " * 4_000_000).encode()

STOPS = [
    pytest.param(0.5, _never, OverBudget, "limit of 0.5 s", id="past its budget and the grace: a 413, killed"),
    pytest.param(30.0, _always, ClientGone, "closed the connection", id="its client left: killed at once"),
]


@pytest.mark.parametrize(("seconds", "gone", "stop", "message"), STOPS)
def test_a_worker_that_must_stop_is_killed_and_the_next_check_gets_a_new_one(
        seconds: float, gone: Callable[[], bool], stop: type[WorkStopped], message: str, catalog: Catalog) -> None:
    workers = CheckWorkers(1, catalog, None, grace=0.2)
    short = CheckJob("", "auto", [("caption.txt", b"Photo: Jane Doe/AP (CC BY 4.0)")], [], UsageProfile())
    workers.run(short, 30, _never)
    [first] = workers.pids()
    with pytest.raises(stop, match=message):
        workers.run(CheckJob("", "auto", [("caption.txt", ENDLESS)], [], UsageProfile()), seconds, gone)
    assert not alive(first)
    outcome = workers.run(short, 30, _never)
    assert outcome.results[0]["items"][0]["license"]["id"] == "CC-BY-4.0"
    assert workers.pids() not in ([], [first])


def _heavy(server: Any) -> tuple[int, dict[str, str], Any]:
    return server.call("POST", "/api/check", *upload_args("caption.txt", "Photo: Jane Doe/AP (CC BY 4.0)"))


def test_a_dead_worker_is_replaced_and_the_check_it_was_working_on_is_a_503(start: Any) -> None:
    server = start()
    assert _heavy(server)[0] == 200
    [idle] = check_workers(server.process.pid)
    os.kill(idle, signal.SIGKILL)  # killed while idle: the next check gets a new worker
    assert wait_for(lambda: not alive(idle))
    assert _heavy(server)[0] == 200
    [busy] = check_workers(server.process.pid)
    assert busy != idle
    answers: list[tuple[int, dict[str, str], Any]] = []
    body, content_type = slow_article()
    slow = threading.Thread(target=lambda: answers.append(
        server.call("POST", "/api/check", body, {"Content-Type": content_type})))
    slow.start()
    ticks = cpu_ticks(busy)
    assert wait_for(lambda: cpu_ticks(busy) > ticks + 10)  # it works on the slow check
    os.kill(busy, signal.SIGKILL)  # killed mid-check (the OOM killer, an operator)
    slow.join()
    [(status, headers, answer)] = answers
    assert (status, headers["Retry-After"]) == (503, "5")
    assert "stopped (killed, or out of memory) before it finished" in answer["error"]
    status, _, answer = _heavy(server)
    assert status == 200
    assert answer["files"][0]["items"][0]["license"]["id"] == "CC-BY-4.0"
    assert check_workers(server.process.pid) not in ([], [busy])
