"""A bounded load test of `provenance serve` on 127.0.0.1: 8 clients at once, mixing archive
pages, checks, decisions and hostile requests; prints p50/p95 per kind, the 5xx count and the
server's memory (before, peak, after). With --rounds N the same server takes the load N times, and
its memory after each round shows whether it levels off. Talks only to the server it starts on the
loopback address, and stops.

    .venv/bin/python benchmarks/load_serve.py [--clients 8] [--requests 40] [--rounds 1] [--threads 12]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
TOKEN = "load-test-token"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start_server(folder: Path, port: int, threads: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PROVENANCE_TOKEN": TOKEN}
    command = [sys.executable, "-m", "provenance", "serve", "--demo", "--db", f"sqlite:///{folder / 'load.db'}",
               "--host", HOST, "--port", str(port), "--threads", str(threads)]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("the server did not start within 180 s")


def call(port: int, method: str, path: str, body: bytes | None = None,
         content_type: str = "application/json") -> tuple[int, float]:
    request = urllib.request.Request(f"http://{HOST}:{port}{path}", data=body, method=method)
    request.add_header("Authorization", f"Bearer {TOKEN}")
    if body is not None:
        request.add_header("Content-Type", content_type)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        exc.read()
        status = exc.code
    except OSError:
        status = 599  # the connection failed: counted with the 5xx
    return status, time.perf_counter() - started


def normal(port: int, rng: random.Random, image_ids: list[int]) -> tuple[str, tuple[int, float]]:
    kind = rng.choice(["archive", "archive", "check", "decision"])
    if kind == "archive":
        return kind, call(port, "GET", f"/api/images?page={rng.randint(1, 3)}&sort=article")
    if kind == "check":
        text = f"Protest on day {rng.randint(1, 99)}. Photo: Jane Doe/AP (CC BY 4.0)"
        return kind, call(port, "POST", "/api/check", json.dumps({"text": text}).encode())
    body = json.dumps({"creator": f"Editor {rng.randint(1, 9)}", "who": "load", "note": "load test"}).encode()
    return kind, call(port, "POST", f"/api/images/{rng.choice(image_ids)}/decisions", body)


HOSTILE = [
    ("GET", "/api/images/99999999999999999999", None),
    ("POST", "/api/check", b"[" * 50_000 + b"]" * 50_000),
    ("POST", "/api/check", b'{"text": "' + b"a" * 300_000 + b'"}'),
    ("POST", "/api/check", json.dumps({"text": "Photo: " + "a/ " * 3_000}).encode()),
    ("POST", "/api/check", json.dumps({"text": "x", "subscriptions": 5}).encode()),
    ("POST", "/api/check", b"not json at all"),
    ("GET", "/api/images?page=-1&per_page=100000", None),
    ("POST", "/api/check", json.dumps({"text": "Photo: " + "a/ " * 50_000}).encode()),
    ("POST", "/api/check", json.dumps({"text": "(" * 50_000}).encode()),
    ("POST", "/api/check", json.dumps({"kind": "html", "text": "<div>" * 20_000 + '<img src="a.jpg"><p>Photo: A/AP</p>'
                                       + "</div>" * 20_000}).encode()),
    ("POST", "/api/check", json.dumps({"kind": "markdown", "text": "".join(
        f"![pic {n}](img{n}.jpg)\n*Photo: Jane Doe/AP (CC BY 4.0)*\n" for n in range(500))}).encode()),
]
HOSTILE_NAMES = ["id past the integer range", "JSON nested 50,000 deep", "300 KB JSON body",
                 "'Photo: ' + 3,000 'a/ '", "subscriptions: 5", "not JSON", "page -1, per_page 100000",
                 "'Photo: ' + 50,000 'a/ '", "50,000 '('", "HTML nested 20,000 deep",
                 "Markdown: 500 captioned images, no blank lines"]


def hostile(port: int, rng: random.Random) -> tuple[str, tuple[int, float]]:
    number = rng.randrange(len(HOSTILE))
    method, path, body = HOSTILE[number]
    return f"hostile{number}", call(port, method, path, body)


def client(port: int, seed: int, count: int, image_ids: list[int], out: list[tuple[str, int, float]]) -> None:
    rng = random.Random(seed)
    for _ in range(count):
        kind, (status, seconds) = hostile(port, rng) if rng.random() < 0.25 else normal(port, rng, image_ids)
        out.append((kind, status, seconds))
        if status >= 500:
            print(f"  5xx: {kind} -> {status}", file=sys.stderr)


def image_ids(port: int) -> list[int]:
    request = urllib.request.Request(f"http://{HOST}:{port}/api/images?per_page=50")
    request.add_header("Authorization", f"Bearer {TOKEN}")
    with urllib.request.urlopen(request, timeout=60) as response:
        return [item["image_id"] for item in json.load(response)["items"] if item.get("image_id")] or [1]


def peak_memory_mb(pid: int) -> float:
    return memory_mb(pid, "VmHWM")


def memory_mb(pid: int, field: str) -> float:
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:  # the process has ended
        return 0.0
    for line in lines:
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def descendants(pid: int) -> list[int]:
    """The processes under `pid` (the check workers' fork server and workers, the resource tracker)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
        for child in children:
            found += [child, *descendants(child)]
    return found


def pss_mb(pid: int) -> float:
    """Proportional set size: the pages a process shares with others (forked) counted in shares."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def workers_memory(server: subprocess.Popen[bytes]) -> str:
    pids = descendants(server.pid)
    rss = sum(memory_mb(pid, "VmRSS") for pid in pids)
    peak = sum(memory_mb(pid, "VmHWM") for pid in pids)
    pss = sum(pss_mb(pid) for pid in pids)
    return (f"{len(pids)} processes under the server: now {rss:.0f} MB resident ({pss:.0f} MB proportional, "
            f"shared pages split), peaks summed {peak:.0f} MB; server proportional {pss_mb(server.pid):.0f} MB")


def report(results: list[tuple[str, int, float]], wall: float, server: subprocess.Popen[bytes]) -> int:
    print(f"{len(results)} requests in {wall:.1f} s")
    for kind in ("archive", "check", "decision", "hostile"):
        times = sorted(s for k, _, s in results if k.startswith(kind))
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        print(f"  {kind:<9} n={len(times):<4} p50={statistics.median(times) * 1000:7.0f} ms  p95={p95 * 1000:7.0f} ms")
    for kind in sorted({k for k, _, _ in results if k.startswith("hostile")}):
        times = [s for k, _, s in results if k == kind]
        statuses = sorted({status for k, status, _ in results if k == kind})
        print(f"    {kind:<10} {HOSTILE_NAMES[int(kind[7:])]:<46} {statuses} max={max(times) * 1000:7.0f} ms")
    # a 503 is the check slots' designed refusal when busy (with Retry-After): counted apart for the
    # hostile checks, an error for a normal request; any other 5xx is an error
    busy = sum(1 for kind, status, _ in results if status == 503 and kind.startswith("hostile"))
    errors = sum(1 for _, status, _ in results if status >= 500) - busy
    print(f"  hostile checks refused as busy (503, Retry-After): {busy}; normal requests refused: "
          f"{sum(1 for kind, status, _ in results if status == 503 and not kind.startswith('hostile'))}")
    statuses = sorted({status for _, status, _ in results})
    print(f"  statuses: {statuses}; other 5xx: {errors}; server memory: peak {peak_memory_mb(server.pid):.0f} MB, "
          f"now {memory_mb(server.pid, 'VmRSS'):.0f} MB; load average {os.getloadavg()[0]:.1f}")
    print(f"  {workers_memory(server)}")
    return errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=40, help="requests per client")
    parser.add_argument("--rounds", type=int, default=1, help="times the same server takes the load")
    parser.add_argument("--threads", type=int, default=12,
                        help="the server's threads: sized for the clients, since every client may wait for a "
                             "check slot at once (2 slots, the rest queue, one thread kept for the pages); with "
                             "fewer, a heavy check past the queue is refused (503, Retry-After)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        server = start_server(Path(folder), port, args.threads)
        try:
            ids = image_ids(port)
            print(f"server memory before the load: {memory_mb(server.pid, 'VmRSS'):.0f} MB; "
                  f"load average {os.getloadavg()[0]:.1f}")
            errors = 0
            for round_number in range(args.rounds):
                if args.rounds > 1:
                    print(f"round {round_number + 1} of {args.rounds}:")
                results: list[tuple[str, int, float]] = []
                started = time.perf_counter()
                threads = [threading.Thread(target=client, args=(port, round_number * args.clients + n,
                                                                 args.requests, ids, results))
                           for n in range(args.clients)]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
                errors += report(results, time.perf_counter() - started, server)
        finally:
            server.terminate()
            server.wait(timeout=30)
    raise SystemExit(1 if errors else 0)


if __name__ == "__main__":
    main()
