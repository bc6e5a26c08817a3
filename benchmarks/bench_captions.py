"""How fast are caption credit lines read? Lines per second, and how the time grows with the input.

Builds a block of typical caption lines (invented names and places, the shapes of real wire, stock,
Commons and government credits), then times, in this one process, the median of --repeat runs of:

  check_text   the full pipeline on the block (find credits, resolve, check, attribute), lines/s
  parse        the credit parser alone on the same block, lines/s

each as wall-clock time and as CPU time of this process (which other load on a shared machine does
not inflate),
and a doubling table: the parser on one hostile line (slashes, parentheses, lead-ins, prose) doubled
four times, with the ratio of each time to the one before (about 2 for linear time).

    .venv/bin/python benchmarks/bench_captions.py [--lines 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance import check_text  # noqa: E402
from provenance.catalog.load import default_catalog  # noqa: E402
from provenance.parse.credits import parse_credit  # noqa: E402

PEOPLE = ("Mara Quell", "Tobias Renn", "Ilse Varga", "Joon Seo-ha", "Amaru Tupa", "Colm Farrity", "Nadia Okoro")
PLACES = ("Port Ellery", "Vashti Falls", "Old Kettering", "Lake Osvald", "Marrowby", "San Telmo de Aria")
SHAPES = (
    "Crews clear debris in {place} on Tuesday. (AP Photo/{who})",
    "Fans wave flags outside the stadium in {place}. REUTERS/{who}",
    "A heron lands on the pier at {place}. (Photo by {WHO}/AFP via Getty Images)",
    "Morning fog over {place}. Photo: {who} / Flickr, CC BY-SA 2.0",
    "Volunteers sort donations in {place}. {who} for The Daily Ledger",
    "Cadets march in {place}. (U.S. Army photo by Sgt. 1st Class {who})",
    "The old mill at {place}. {who}, CC BY-SA 4.0, via Wikimedia Commons",
    "Commuters wait for the ferry at {place}. Photo by {who} on Unsplash",
    "Market day in {place}. © {who}",
    "Der Hafen von {place} am Morgen. Foto: {who}/dpa",
    "Residents gather in the square of {place} for the annual festival.",
)
HOSTILE = "Photo: a/b (c) " + "/" * 40 + "(" * 40 + "Jane Roe/AP. " * 4 + "x " * 40


def caption_block(count: int) -> str:
    lines = []
    for n in range(count):
        who = PEOPLE[n % len(PEOPLE)]
        shape = SHAPES[n % len(SHAPES)]
        lines.append(shape.format(place=PLACES[n % len(PLACES)], who=who, WHO=who.upper()))
    return "\n".join(lines)


def median_time(run: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter) -> float:
    times = []
    for _ in range(repeat):
        started = clock()
        run()
        times.append(clock() - started)
    return statistics.median(times)


def doubling_table(repeat: int) -> None:
    catalog = default_catalog()
    text, previous = HOSTILE * 50, None
    print(f"{'chars':>10} {'seconds':>9} {'ratio':>6}")
    for _ in range(5):
        seconds = median_time(lambda t=text: parse_credit(t, catalog), repeat)
        ratio = f"{seconds / previous:6.2f}" if previous else "      "
        print(f"{len(text):>10} {seconds:>9.4f} {ratio}")
        text, previous = text + text, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=2000, help="caption lines in the block")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (the median is printed)")
    args = parser.parse_args(argv)
    block, catalog = caption_block(args.lines), default_catalog()
    check_text(block, catalog)  # warm: the catalog's compiled patterns are built once
    print(f"{args.lines} caption lines in one block: wall-clock seconds, and CPU seconds of this process")
    print(f"  {'run':<11} {'wall s':>7} {'lines/s':>9} {'cpu s':>7} {'lines/s':>9}")
    runs = (("check_text", lambda: check_text(block, catalog)), ("parse", lambda: parse_credit(block, catalog)))
    for name, run in runs:
        wall = median_time(run, args.repeat)
        cpu = median_time(run, args.repeat, time.process_time)
        print(f"  {name:<11} {wall:7.3f} {args.lines / wall:9.0f} {cpu:7.3f} {args.lines / cpu:9.0f}")
    print("doubling: the parser on one hostile line, doubled four times")
    doubling_table(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
