"""How fast are captions checked, and does the time grow linearly with the text?

1. `check_text` on a text of typical caption lines (bench_captions' generator: the shapes of
   wire, stock, Commons, government and non-English credits and caption lines with no credit,
   persons and places made from syllables, new ones at every size), doubled four times: prints
   lines per second and the ratio of each time to the previous one (about 2 when the time is
   linear in the input).
2. The dashboard answering a pasted text of about --paste-mb megabytes (lines of the same kind),
   in process through Flask's test client: the page (POST /check, then the result page it
   redirects to), its next page of items (?page=2), and the JSON API (POST /api/check, the text sent
   as a form field: a JSON body is capped at MAX_JSON_KB, 256 KB by default). No request leaves the
   machine (PROVENANCE_OFFLINE=1): Commons and Flickr lookups would time the network, not the reading.

CPU time is printed beside the wall time: on a shared machine it is the steadier figure. For the
dashboard it is the server's (this process) plus its check workers' (a heavy check runs in a worker
process of the server, web.workers), read from /proc.

    .venv/bin/python benchmarks/bench_check_text.py [--lines 500] [--paste-mb 1]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ["PROVENANCE_OFFLINE"] = "1"

from bench_captions import SHAPES, caption_block  # noqa: E402

from provenance import check_text, default_catalog  # noqa: E402
from web.limits import LIGHT_CHARS  # noqa: E402


def timed(work: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def process_cpu(pid: int) -> float:
    """CPU seconds (user and system) a live process and the children it has waited for have used, from /proc
    (0 where it cannot be read): a worker checks a long text's chunks in forked copies of itself."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def served(app: Any, work: Callable[[], object]) -> tuple[float, float, float]:
    """Wall time, this process's CPU and the check workers' CPU of `work` (a worker replaced meanwhile,
    after a check that left it too large, is counted up to its last reading: a little is missed)."""
    workers = app.extensions["provenance"].workers
    pids = set(workers.pids()) if workers else set()
    before = {pid: process_cpu(pid) for pid in pids}
    wall, cpu = timed(work)
    after = {pid: process_cpu(pid) for pid in (set(workers.pids()) if workers else set())}
    return wall, cpu, sum(after[pid] - before.get(pid, 0.0) for pid in after)


def scaling(base: int) -> None:
    catalog = default_catalog()
    check_text(caption_block(len(SHAPES), seed=1), catalog)  # warm: first use compiles the patterns
    print(f"check_text, caption lines doubled four times from {base} (ratio: this time / the previous)")
    previous = 0.0
    for step in range(5):
        lines = base * 2**step
        text = caption_block(lines, seed=100 + step)
        wall, cpu = timed(lambda text=text: check_text(text, catalog))
        ratio = f"{cpu / previous:5.2f}" if previous else "    -"
        print(f"  {lines:>6} lines {len(text.encode()) / 1024:7.0f} KiB: {wall:6.2f}s wall {cpu:6.2f}s CPU  "
              f"{lines / cpu:8.0f} lines/s (CPU)  ratio {ratio}")
        previous = cpu


def paste_text(megabytes: float, seed: int) -> tuple[str, int]:
    """Caption lines adding up to about `megabytes` MiB of UTF-8, and how many lines (each seed its own
    names: no run reads names another has read)."""
    target = megabytes * 2**20
    lines = max(1, int(target / 64))  # a generated caption line is about 64 bytes
    text = caption_block(lines, seed=seed)
    while len(text.encode()) < target:
        lines = int(lines * target / len(text.encode())) + 1
        text = caption_block(lines, seed=seed)
    return text, lines


def paste(megabytes: float) -> None:
    from web import create_app

    text, lines = paste_text(megabytes, seed=7)
    size = f"{len(text.encode()) / 2**20:.2f} MiB ({lines} lines)"
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"DATABASE_URL": f"sqlite:///{Path(tmp) / 'p.db'}", "TESTING": True,
                          "WTF_CSRF_ENABLED": False})  # the form as a browser posts it, minus the token
        client = app.test_client()
        client.post("/api/check", data={"text": caption_block(len(SHAPES), seed=2)})  # warm: this process
        client.post("/api/check", data={"text": caption_block(LIGHT_CHARS // 40, seed=3)})  # and a check worker
        answers: list[object] = []

        where: list[str] = []

        def page() -> None:
            posted = client.post("/check", data={"text": text})
            where.append(posted.headers["Location"])
            answers.append(client.get(where[-1]))

        wall, cpu, workers = served(app, page)
        shown = answers[-1]
        print(f"dashboard page, pasted text of {size}: POST /check and its result page: status "
              f"{shown.status_code}, {len(shown.data) / 2**20:.1f} MiB of HTML, "  # type: ignore[attr-defined]
              f"{wall:.2f}s wall, {cpu + workers:.2f}s CPU (server {cpu:.2f}s, worker {workers:.2f}s)")
        wall, cpu, workers = served(app, lambda: answers.append(client.get(f"{where[-1]}?page=2")))
        print(f"  its next page of items (?page=2): status {answers[-1].status_code}, "  # type: ignore[attr-defined]
              f"{wall:.2f}s wall, {cpu + workers:.2f}s CPU (server {cpu:.2f}s, worker {workers:.2f}s)")
        text, _ = paste_text(megabytes, seed=8)
        wall, cpu, workers = served(app, lambda: answers.append(client.post("/api/check", data={"text": text})))
        response = answers[-1]
        body = response.get_json() if response.is_json else {}  # type: ignore[attr-defined]
        items = sum(len(f.get("items", [])) for f in body.get("files", []))
        print(f"POST /api/check, a text of the same size as a form field: status {response.status_code}, "  # type: ignore[attr-defined]
              f"{items} items, {len(response.data) / 2**20:.1f} MiB of JSON, {wall:.2f}s wall, "  # type: ignore[attr-defined]
              f"{cpu + workers:.2f}s CPU (server {cpu:.2f}s, worker {workers:.2f}s)")
    catalog = default_catalog()
    text, _ = paste_text(megabytes, seed=9)
    wall, cpu = timed(lambda: check_text(text, catalog))
    print(f"check_text alone on a text of the same size: {wall:.2f}s wall, {cpu:.2f}s CPU, "
          f"{lines / cpu:.0f} lines/s (CPU)")
    split(megabytes, catalog)


def split(megabytes: float, catalog: Any) -> None:
    """check_text on a text of the same size in chunks, each in a forked process (provenance.check_split), where
    the code has it; the CPU counts the forked children."""
    try:
        from provenance.check_split import split_by
        from provenance.io.forked import forked_map
    except ImportError:
        print("check_text in chunks: not in this version")
        return
    parts = os.cpu_count() or 1
    text, lines = paste_text(megabytes, seed=10)
    before = os.times()
    with split_by(forked_map, parts):
        wall, _ = timed(lambda: check_text(text, catalog))
    after = os.times()
    cpu = sum(after[:4]) - sum(before[:4])  # this process's and its waited-for children's user and system time
    print(f"check_text in {parts} chunks at once (forked): {wall:.2f}s wall, {cpu:.2f}s CPU (all processes), "
          f"{lines / wall:.0f} lines/s (wall)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=500, help="lines in the first, smallest text (0: paste only)")
    parser.add_argument("--paste-mb", type=float, default=1.0)
    args = parser.parse_args()
    if args.lines:
        scaling(args.lines)
    paste(args.paste_mb)


if __name__ == "__main__":
    main()
