"""Does the dashboard answer quickly under load with 100,000 images?

Fills a fresh database with N images (as bench_archive.py does), starts
`provenance serve` on 127.0.0.1 on it, and runs 8 concurrent clients that
cycle through the archive page and /api/images with each filter, sort and
search (one of them with other words each time), deep pages and the image
pages. The load is bounded: at most
--requests requests in all and --seconds of wall time, then it stops. It
prints the median and the 95th percentile latency, overall and per kind of
request; on SQLite (a file in a temporary folder) and, when a server
answers on 127.0.0.1:5432 (user postgres, trust), on PostgreSQL in a
database it creates and drops.

    .venv/bin/python benchmarks/bench_dashboard.py [--images 100000] [--clients 8] [--requests 1600]
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_archive import fill  # noqa: E402
from sqlalchemy import Engine, select  # noqa: E402

from provenance.store import tables as t  # noqa: E402
from provenance.store.repository import open_store  # noqa: E402

HOST = "127.0.0.1"
POSTGRES = "postgresql://postgres@127.0.0.1:5432/"


def requests_to_make(images: int) -> list[tuple[str, str]]:
    """(kind, path) of the requests each client cycles through."""
    step = max(images // 97, 1)
    return [
        ("archive page", "/archive"),
        ("archive page 500", "/archive?page=500"),
        ("api first page", "/api/images"),
        ("api status", "/api/images?status=error"),
        ("api code", "/api/images?code=agency-license-required"),
        ("api license", "/api/images?license=CC0-1.0"),
        ("api source", "/api/images?source=ap"),
        ("api search", "/api/images?q=photographer+4242"),
        ("api new search", "/api/images?q=photographer+{n}"),  # other words each time: nothing kept helps
        ("api sort creator", "/api/images?sort=creator"),
        ("api sort license", "/api/images?sort=license&page=20"),
        ("api sort status", "/api/images?sort=status&status=warning"),
        ("archive filters", "/archive?status=error&code=agency-license-required&license=CC-BY-SA-4.0&q=photo"),
        *[("image page", f"/images/{1 + (n * step) % images}") for n in range(3)],
        ("api image", f"/api/images/{images // 2}"),
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(url: str, port: int, threads: int) -> subprocess.Popen[bytes]:
    argv = [sys.executable, "-m", "provenance", "serve", "--db", url, "--host", HOST, "--port", str(port),
            "--threads", str(threads)]
    server = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return server
        except OSError:
            if server.poll() is not None:
                sys.exit(f"the server did not start: {server.stderr.read().decode() if server.stderr else ''}")
            time.sleep(0.2)
    server.kill()
    sys.exit("the server did not answer within 60 s")


def client(port: int, plan: list[tuple[str, str]], offset: int, budget: dict[str, float],
           lock: threading.Lock, found: list[tuple[str, float, int]]) -> None:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    n = offset
    while True:
        with lock:
            if budget["left"] <= 0 or time.monotonic() > budget["until"]:
                break
            budget["left"] -= 1
            serial = int(budget["left"])  # unique per request
        kind, path = plan[n % len(plan)]
        n += 1
        start = time.perf_counter()
        connection.request("GET", path.format(n=serial % 5000))
        response = connection.getresponse()
        response.read()
        with lock:
            found.append((kind, time.perf_counter() - start, response.status))
    connection.close()


def load(port: int, images: int, clients: int, total: int, seconds: float) -> list[tuple[str, float, int]]:
    plan = requests_to_make(images)
    budget = {"left": float(total), "until": time.monotonic() + seconds}
    lock = threading.Lock()
    found: list[tuple[str, float, int]] = []
    workers = [threading.Thread(target=client, args=(port, plan, i * 3, budget, lock, found))
               for i in range(clients)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(name: str, found: list[tuple[str, float, int]], seconds: float) -> None:
    bad = [f for f in found if f[2] != 200]
    every = [f[1] * 1000 for f in found]
    print(f"{name}: {len(found)} requests in {seconds:.1f}s ({len(found) / seconds:.0f}/s), {len(bad)} not 200; "
          f"p50 {statistics.median(every):.1f} ms, p95 {percentile(every, 0.95):.1f} ms")
    for kind in dict.fromkeys(k for k, _, _ in found):
        mine = [f[1] * 1000 for f in found if f[0] == kind]
        print(f"  {kind:<18} n={len(mine):<4} p50 {statistics.median(mine):7.1f} ms  "
              f"p95 {percentile(mine, 0.95):7.1f} ms")


def copy_tables(source: Engine, target: Engine) -> None:
    """Every row of the filled SQLite database into another one, in bulk (Core inserts)."""
    for table in (t.Image.__table__, t.File.__table__, t.Record.__table__, t.Finding.__table__,
                  t.RecordCode.__table__):
        with source.connect() as reading, target.begin() as writing:
            rows = [dict(r) for r in reading.execute(select(table)).mappings()]
            for start in range(0, len(rows), 5000):
                writing.execute(table.insert(), rows[start:start + 5000])


def run(name: str, url: str, args: argparse.Namespace) -> None:
    port = free_port()
    server = start_server(url, port, args.threads)
    try:
        load(port, args.images, 2, 2 * len(requests_to_make(args.images)), 60)  # warm the caches once
        start = time.perf_counter()
        found = load(port, args.images, args.clients, args.requests, args.seconds)
        report(name, found, time.perf_counter() - start)
    finally:
        server.terminate()
        server.wait(timeout=30)


def postgres_database(name: str, create: bool) -> str | None:
    """A fresh database on the local server (None when no server answers), or drop it."""
    import psycopg

    try:
        with psycopg.connect(POSTGRES + "postgres", autocommit=True, connect_timeout=3) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            if create:
                connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError:
        return None
    return POSTGRES + name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--threads", type=int, default=8, help="server threads")
    parser.add_argument("--requests", type=int, default=1600, help="at most this many requests in all")
    parser.add_argument("--seconds", type=float, default=120, help="and at most this long")
    parser.add_argument("--only", choices=["sqlite", "postgresql"], default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        sqlite_url = f"sqlite:///{Path(tmp) / 'dashboard.db'}"
        filled, sessions = open_store(sqlite_url)
        fill(sessions, args.images)
        print(f"{args.images} images filled in {time.perf_counter() - start:.0f}s", flush=True)
        if args.only != "postgresql":
            run("SQLite", sqlite_url, args)
        if args.only != "sqlite":
            postgresql(filled, args)
        filled.dispose()


def postgresql(filled: Engine, args: argparse.Namespace) -> None:
    name = f"provenance_bench_{os.getpid()}"
    url = postgres_database(name, create=True)
    if url is None:
        print("PostgreSQL: no server on 127.0.0.1:5432; skipped")
        return
    try:
        engine, _ = open_store(url)
        copy_tables(filled, engine)
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
        engine.dispose()
        run("PostgreSQL", url, args)
    finally:
        postgres_database(name, create=False)


if __name__ == "__main__":
    main()
