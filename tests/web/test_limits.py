"""Checks under limits, on a real `provenance serve` on 127.0.0.1: a check past its work budget is a
413 naming the limit; when every check slot is taken a heavy check (files, URLs, long texts) is
refused with a 503 and Retry-After while the archive pages and light checks still answer; a check
whose client hangs up stops working."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw

from tests import samples
from tests.conftest import ROOT

HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(self, folder: Path, threads: int, env: dict[str, str]) -> None:
        self.port = _free_port()
        self.log = folder / "server.log"
        command = [sys.executable, "-m", "provenance", "serve", "--db", f"sqlite:///{folder / 'serve.db'}",
                   "--host", HOST, "--port", str(self.port), "--threads", str(threads)]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env}, stdout=log, stderr=log)
        for _ in range(600):  # the server is up once it accepts a connection (at most a minute)
            if self.process.poll() is not None:
                pytest.fail(f"the server stopped: {self.log.read_text()}")
            try:
                socket.create_connection((HOST, self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        pytest.fail("the server did not start")

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(HOST, self.port, timeout=120)

    def call(self, method: str, path: str, body: bytes | None = None,
             headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], Any]:
        connection = self.connection()
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            data = response.read()
            return response.status, dict(response.getheaders()), json.loads(data) if data else None
        finally:
            connection.close()

    def check(self, text: str) -> tuple[int, dict[str, str], Any]:
        return self.call("POST", "/api/check", json.dumps({"text": text}).encode(),
                         {"Content-Type": "application/json"})

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Any]:
    servers: list[Server] = []

    def _start(threads: int = 4, **env: str) -> Server:
        servers.append(Server(tmp_path, threads, env))
        return servers[-1]

    yield _start
    for server in servers:
        server.stop()


def upload(name: str, text: str) -> tuple[bytes, str]:
    """A multipart body uploading one file: a heavy check, however small, that needs a check slot."""
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n"
            f"Content-Type: text/plain\r\n\r\n{text}\r\n--{boundary}--\r\n")
    return body.encode(), f"multipart/form-data; boundary={boundary}"


def slow_article(images: int = 20_000) -> tuple[bytes, str]:
    """A Markdown article of many captioned images, uploaded: a check of many seconds."""
    return upload("story.md", "".join(f"![pic {n}](img{n}.jpg)\n\nPhoto: Jane Doe/AP (CC BY 4.0)\n\n"
                                      for n in range(images)))


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


def _wait_for(predicate: Any, tries: int = 300) -> bool:
    for _ in range(tries):
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_busy_slots_refuse_checks_but_not_pages_and_a_check_stops_when_its_client_leaves(start: Any) -> None:
    server = start(threads=2)  # one check slot, no queue, one thread kept for the pages
    assert server.call("POST", "/api/check", *_upload_args("first.txt", "Photo: A/AP"))[0] == 200  # starts the
    # check worker (it is started when first needed), so the slow check below takes the slot at once
    body, content_type = slow_article()
    slow = server.connection()
    try:
        slow.request("POST", "/api/check", body=body, headers={"Content-Type": content_type})
        refused: list[tuple[int, dict[str, str], Any]] = []

        def busy() -> bool:
            body, content_type = upload("caption.txt", "Photo: Jane Doe/AP")
            answer = server.call("POST", "/api/check", body, {"Content-Type": content_type})
            refused.append(answer)
            return answer[0] == 503

        assert _wait_for(busy), refused[-1]
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
    assert _wait_for(lambda: stopped in server.log.read_text())
    assert _wait_for(lambda: server.call("POST", "/api/check", *_upload_args("caption.txt", "Photo: A/AP"))[0] == 200)


def _upload_args(name: str, text: str) -> tuple[bytes, dict[str, str]]:
    body, content_type = upload(name, text)
    return body, {"Content-Type": content_type}


def test_pasted_text_over_its_limit_is_a_413_naming_the_limit(start: Any) -> None:
    server = start(PROVENANCE_MAX_TEXT_KB="64")
    boundary = uuid.uuid4().hex
    text = "Photo: Jane Doe/AP. " * 4000  # 80 KB, far under the upload limit
    body = f"--{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n{text}\r\n--{boundary}--\r\n"
    status, _, answer = server.call("POST", "/api/check", body.encode(),
                                    {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert status == 413
    assert answer["error"] == "The pasted text is longer than the limit of 64 KB (PROVENANCE_MAX_TEXT_KB)."


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
    status, _, page = server.call("GET", "/api/images?finding=file-error")
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
