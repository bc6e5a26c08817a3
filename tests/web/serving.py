"""A real `provenance serve` on 127.0.0.1 for the tests of the server's limits and workers, and the
requests they send it."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(self, folder: Path, threads: int, env: dict[str, str]) -> None:
        self.port = free_port()
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


def wait_for(predicate: Any, tries: int = 300) -> bool:
    for _ in range(tries):
        if predicate():
            return True
        time.sleep(0.1)
    return False


def upload_args(name: str, text: str) -> tuple[bytes, dict[str, str]]:
    body, content_type = upload(name, text)
    return body, {"Content-Type": content_type}


def children(pid: int) -> list[int]:
    """The processes `pid` started (Linux: /proc/<pid>/task/<tid>/children)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def check_workers(pid: int) -> list[int]:
    """A server's check workers (web.workers): the processes of the fork server it started."""
    forkservers = [c for c in children(pid) if b"forkserver" in _cmdline(c)]
    return [worker for forkserver in forkservers for worker in children(forkserver)]


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def cpu_ticks(pid: int) -> int:
    """User and system CPU time a process has used, in clock ticks (0 once it has ended)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])  # utime and stime, the 14th and 15th fields


def alive(pid: int) -> bool:
    """Whether any thread of a process still runs (a killed process's files, its pipes among them, are
    closed only once its last thread has ended, maybe after its main thread shows as a zombie)."""
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            state = (task / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state not in ("Z", "X"):
            return True
    return False
