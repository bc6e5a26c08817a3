"""Checks under limits, on a real `provenance serve` on 127.0.0.1: a check past its work budget is a
413 naming the limit; when every check slot is taken a heavy check (files, URLs, long texts) is
refused with a 503 and Retry-After while the archive pages and light checks still answer; a check
whose client hangs up stops working."""

from __future__ import annotations

import json
import threading
import uuid
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw

from provenance.check_split import split_spans
from tests import samples
from tests.web.serving import check_workers, cpu_ticks, slow_article, upload, upload_args, wait_for
from web.limits import CheckGate


def test_a_check_past_its_work_budget_is_a_413_naming_the_limit(start: Any) -> None:
    server = start(PROVENANCE_CHECK_SECONDS="1")
    body, content_type = slow_article(10_000)
    status, _, answer = server.call("POST", "/api/check", body, {"Content-Type": content_type})
    assert status == 413
    assert "limit of 1 s" in answer["error"]
    assert "PROVENANCE_CHECK_SECONDS" in answer["error"]
    status, _, answer = server.check("Photo: Jane Doe/AP (CC BY 4.0)")  # a short check fits the budget
    assert status == 200
    assert answer["files"][0]["items"][0]["license"]["id"] == "CC-BY-4.0"


def test_busy_slots_refuse_checks_but_not_pages_and_a_check_stops_when_its_client_leaves(start: Any) -> None:
    server = start(threads=2)  # one check slot, no queue, one thread kept for the pages
    assert server.call("POST", "/api/check", *upload_args("first.txt", "Photo: A/AP"))[0] == 200  # starts the
    # check worker (it is started when first needed)
    [worker] = check_workers(server.process.pid)
    body, content_type = slow_article()
    slow = server.connection()
    try:
        ticks = cpu_ticks(worker)
        slow.request("POST", "/api/check", body=body, headers={"Content-Type": content_type})
        assert wait_for(lambda: cpu_ticks(worker) > ticks + 10)  # the slow check holds the slot: a probe sent
        # before it reached the server would take the slot itself and have the slow check refused
        refused: list[tuple[int, dict[str, str], Any]] = []

        def busy() -> bool:
            body, content_type = upload("caption.txt", "Photo: Jane Doe/AP")
            answer = server.call("POST", "/api/check", body, {"Content-Type": content_type})
            refused.append(answer)
            return answer[0] == 503

        assert wait_for(busy), refused[-1]
        status, headers, answer = refused[-1]
        assert headers["Retry-After"] == "5"
        assert "PROVENANCE_CHECK_SLOTS" in answer["error"]
        status, _, answer = server.call("GET", "/api/images")  # the archive pages still answer
        assert status == 200
        assert answer["ok"] is True
        status, _, answer = server.check("Photo: Jane Doe/AP (CC BY 4.0)")  # so does a light check (a short text)
        assert status == 200
        assert answer["files"][0]["items"][0]["license"]["id"] == "CC-BY-4.0"
    finally:
        slow.close()  # the client hangs up: the check stops, and the slot is free again
    stopped = "POST /api/check stopped: The check stopped: the client closed the connection."
    assert wait_for(lambda: stopped in server.log.read_text())
    assert wait_for(lambda: server.call("POST", "/api/check", *upload_args("caption.txt", "Photo: A/AP"))[0] == 200)


def test_pasted_text_over_its_limit_is_a_413_naming_the_limit(start: Any) -> None:
    server = start(PROVENANCE_MAX_TEXT_KB="64")
    boundary = uuid.uuid4().hex
    text = "Photo: Jane Doe/AP. " * 4000  # 80 KB, far under the upload limit
    body = f"--{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n{text}\r\n--{boundary}--\r\n"
    status, _, answer = server.call("POST", "/api/check", body.encode(),
                                    {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert status == 413
    assert answer["error"] == "The pasted text is longer than the limit of 64 KB (PROVENANCE_MAX_TEXT_KB)."


def test_a_pasted_megabyte_is_taken_by_default(start: Any) -> None:
    """A browser posts the check form as multipart: a megabyte of captions (a long wire digest) fits the
    default text limit and is checked, in a worker, under the work budget."""
    server = start()
    boundary = uuid.uuid4().hex
    line = "The harbour at dawn, seen from the old lighthouse on the north pier of the town. Jane Doe/AP\n"
    text = line * (2**20 // len(line) + 1)  # just over 1 MiB, ASCII
    body = f"--{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n{text}\r\n--{boundary}--\r\n"
    status, _, answer = server.call("POST", "/api/check", body.encode(),
                                    {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert status == 200, answer
    items = answer["files"][0]["items"]
    assert len(items) == text.count("\n")  # one credit a line, each checked
    assert {(item["credit"]["creator"], item["credit"]["organization"]) for item in items} == {("Jane Doe", "AP")}


def test_a_long_paste_checked_in_chunks_on_spare_slots_answers_as_one_check(start: Any) -> None:
    """A long plain text is checked in chunks at once when check slots are free (provenance.check_split, in
    forked copies of the worker): the answer is the one a single check gives (a server with one slot)."""
    lines = ["Crews clear debris in the harbour on Tuesday. (AP Photo/Jane Roe)", "Fans wave flags. REUTERS/John Smith",
             "Residents gather in the square for the annual festival.", "Smoke rises. Photo: Ada Brook/AFP",
             "The new library opened its doors this morning.", "Autor: Max Muster", "Lizenz: CC BY-SA 4.0"]
    text = "\n".join(f"{line} {n}" if n % 7 == 0 else line for n, line in enumerate(lines * 300)) + "\n"
    assert len(split_spans(text, 2)) == 2  # long enough, and with places to cut
    answers = []
    for slots in ("2", "1"):  # a spare slot: in chunks; none: in one call
        server = start(PROVENANCE_CHECK_SLOTS=slots)
        boundary = uuid.uuid4().hex
        body = f"--{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n{text}\r\n--{boundary}--\r\n"
        status, _, answer = server.call("POST", "/api/check", body.encode(),
                                        {"Content-Type": f"multipart/form-data; boundary={boundary}"})
        assert status == 200, answer
        answers.append(answer)
    assert answers[0] == answers[1]
    assert len(answers[0]["files"][0]["items"]) > 1000


def test_the_check_page_shows_the_work_limit(database: str) -> None:
    """The check page runs under the same budget as the API: past it, the error page names the limit."""
    from web import create_app

    app = create_app({"DATABASE_URL": database, "TESTING": True, "WTF_CSRF_ENABLED": False,
                      "CHECK_SECONDS": 0.001})
    client = app.test_client()
    text = "".join(f"![pic {n}](img{n}.jpg)\n\nPhoto: Jane Doe/AP\n\n" for n in range(2000))
    response = client.post("/check", data={"text": text, "kind": "markdown"})
    assert response.status_code == 302
    page = client.get(response.headers["Location"])
    assert page.status_code == 413
    assert "PROVENANCE_CHECK_SECONDS" in page.get_data(as_text=True)


def test_an_audit_started_by_the_api_reads_its_images_under_the_budget(start: Any, tmp_path: Path) -> None:
    """POST /api/audits runs in one of the server's threads: its images are still read in a worker
    process (spawned, not forked beside the server's threads), so a file over the time budget is a
    file-error and the server goes on answering."""
    folder = tmp_path / "archive"
    folder.mkdir()
    for n in range(2):
        (folder / f"photo-{n}.jpg").write_bytes(samples.jpeg(samples.picture(100, 80, seed=n)))
    huge = Image.new("RGBA", (11_000, 11_000), (255, 255, 255, 255))  # 121 million pixels: seconds to decode
    ImageDraw.Draw(huge).rectangle((100, 100, 5_000, 5_000), fill=(0, 0, 0, 255))
    huge.save(folder / "huge.png")
    server = start(PROVENANCE_FILE_SECONDS="1", PROVENANCE_AUDIT_ROOTS=str(folder))
    status, _, answer = server.call("POST", "/api/audits", json.dumps({"path": str(folder)}).encode(),
                                    {"Content-Type": "application/json"})
    assert status == 200, answer
    assert (answer["audit"]["images_read"], answer["audit"]["unreadable"]) == (3, 1)  # read: tried
    status, _, page = server.call("GET", "/api/images?code=file-error")
    assert status == 200
    messages = [f["message"] for row in page["items"] for f in row["findings"] if f["code"] == "file-error"]
    assert messages == ["huge.png: reading it took over 1 s; not read"]


def test_decisions_sent_at_once_are_all_stored(start: Any, tmp_path: Path) -> None:
    """Many editors deciding at the same moment: every decision is stored and answered 201, none is
    lost to the database's single writer (the server writes one at a time)."""
    folder = tmp_path / "desk"
    folder.mkdir()
    for n in range(4):
        (folder / f"photo-{n}.jpg").write_bytes(samples.jpeg(samples.picture(120, 90, seed=10 + n)))
    server = start(threads=8, PROVENANCE_AUDIT_ROOTS=str(folder))
    status, _, _ = server.call("POST", "/api/audits", json.dumps({"path": str(folder)}).encode(),
                               {"Content-Type": "application/json"})
    assert status == 200
    _, _, page = server.call("GET", "/api/images")
    ids = [row["image_id"] for row in page["items"]]
    assert len(ids) == 4
    results: list[int] = []

    def decide(n: int) -> None:
        body = json.dumps({"license": "CC0-1.0", "creator": f"Editor {n}", "who": f"desk {n}"}).encode()
        status, _, _ = server.call("POST", f"/api/images/{ids[n % 4]}/decisions", body,
                                   {"Content-Type": "application/json"})
        results.append(status)

    threads = [threading.Thread(target=decide, args=(n,)) for n in range(24)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [201] * 24
    for image_id in ids:
        _, _, detail = server.call("GET", f"/api/images/{image_id}")
        assert len(detail["image"]["decisions"]) == 6 * 2  # six decisions, each a license and a creator


# (slots, taken by running checks, waiting checks, spare slots wanted, spare slots given)
SPARE_CASES = [
    (2, 1, 0, 1, 1),  # one slot free: a long check gets it
    (2, 2, 0, 1, 0),  # none free
    (4, 1, 0, 2, 2),  # no more than wanted
    (4, 3, 0, 3, 1),  # no more than are free
    (3, 1, 1, 2, 0),  # a check waits for a slot: it is not taken from it
]


@pytest.mark.parametrize(("slots", "busy", "waiting", "wanted", "given"), SPARE_CASES)
def test_a_long_check_takes_only_the_slots_free_now(slots: int, busy: int, waiting: int, wanted: int,
                                                    given: int) -> None:
    gate = CheckGate(slots, 2, 1.0)
    for _ in range(busy):
        gate._free.acquire()
    gate._waiting = waiting
    with gate.spare(wanted) as spare:
        assert spare == given
        assert gate._free._value == slots - busy - given
    assert gate._free._value == slots - busy  # given back
