"""How fast are captions checked, and does the time grow linearly with the text?

1. `check_text` on a text of typical caption lines (credits of every shape,
   and caption lines with no credit), doubled four times: prints lines per
   second and the ratio of each time to the previous one (about 2 when the
   time is linear in the input).
2. The dashboard's JSON API (`POST /api/check`, through Flask's test client,
   in process) answering a pasted text of about --paste-mb megabytes.

CPU time of this process is printed beside the wall time: on a shared
machine it is the steadier figure.

    .venv/bin/python benchmarks/bench_check_text.py [--lines 500] [--paste-mb 1]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance import check_text, default_catalog  # noqa: E402

LINES = [
    "Rescue workers search the rubble in Antakya on Monday. Photo: Jane Doe/AP",
    "Protesters gather in Berlin. (Reuters/John Smith)",
    "The harbour at dawn. Photo by Ana Ruiz, via Wikimedia Commons. Licensed under CC BY-SA 4.0 "
    "(https://creativecommons.org/licenses/by-sa/4.0/)",
    "A view of the city centre from the cathedral tower, where the market is held every Saturday.",
    "Firefighters at the scene of the blaze. KCNA via Reuters",
    "Vladimir Putin at the meeting. Photo: Kremlin.ru (CC BY 4.0)",
    "The new bridge opened to traffic on Friday. Photo: Handout",
    "Students return to school after the summer break.",
]


def caption_text(lines: int) -> str:
    return "\n\n".join(LINES[n % len(LINES)] for n in range(lines))


def timed(work: object) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    work()  # type: ignore[operator]
    return time.perf_counter() - wall, time.process_time() - cpu


def scaling(base: int) -> None:
    catalog = default_catalog()
    check_text(caption_text(len(LINES)), catalog)  # warm: first use compiles the patterns
    print(f"check_text, caption lines doubled four times from {base} (ratio: this time / the previous)")
    previous = 0.0
    for step in range(5):
        lines = base * 2**step
        text = caption_text(lines)
        wall, cpu = timed(lambda text=text: check_text(text, catalog))
        ratio = f"{cpu / previous:5.2f}" if previous else "    -"
        print(f"  {lines:>6} lines {len(text) / 1024:7.0f} KiB: {wall:6.2f}s wall {cpu:6.2f}s CPU  "
              f"{lines / cpu:8.0f} lines/s (CPU)  ratio {ratio}")
        previous = cpu


def paste(megabytes: float) -> None:
    from web import create_app

    text = caption_text(1)
    while len(text.encode()) < megabytes * 2**20:
        text = caption_text(text.count("\n\n") * 2 + 2)
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"DATABASE_URL": f"sqlite:///{Path(tmp) / 'p.db'}", "TESTING": True,
                          "MAX_CONTENT_LENGTH": 8 * 2**20})
        client = app.test_client()
        client.post("/api/check", json={"text": caption_text(len(LINES))})
        answer: list[object] = []
        wall, cpu = timed(lambda: answer.append(client.post("/api/check", json={"text": text})))
    response = answer[0]
    body = response.get_json() if response.is_json else {}  # type: ignore[attr-defined]
    items = sum(len(f.get("items", [])) for f in body.get("files", []))
    print(f"POST /api/check with a pasted text of {len(text.encode()) / 2**20:.2f} MiB "
          f"({text.count(chr(10)) // 2 + 1} lines): status {response.status_code}, {items} items, "  # type: ignore[attr-defined]
          f"{wall:.2f}s wall, {cpu:.2f}s CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=500, help="lines in the first, smallest text")
    parser.add_argument("--paste-mb", type=float, default=1.0)
    args = parser.parse_args()
    scaling(args.lines)
    paste(args.paste_mb)


if __name__ == "__main__":
    main()
