"""How fast are caption credit lines read? Lines per second, and how the time grows with the input.

Builds a block of typical caption lines (the shapes of real wire, stock, Commons, government and
non-English credits, with persons and places made from syllables by a seeded generator, so that
hardly two lines repeat), a digest block (the same, but each photographer's credit written about ten
times, as in a wire digest), and a block of distinct lines (the project's own table of credit lines,
each once), then times for each, in this one process, the median of --repeat runs of:

  check_text   the full pipeline on the block (find credits, resolve, check, attribute), lines/s
  parse        the credit parser alone on the same block, lines/s

each as wall-clock time and as CPU time of this process (which other load on a shared machine does
not inflate). Each run gets a new catalog, warmed on other lines, and the library's caches emptied:
nothing the parser remembers of one run's names can speed up the next;
and a doubling table: the parser on one hostile line (slashes, parentheses, lead-ins, prose) doubled
four times, with the ratio of each time to the one before (about 2 for linear time), and the CPU
time of the parser and of check_text on a few hostile inputs of up to a megabyte.

    .venv/bin/python benchmarks/bench_captions.py [--lines 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance import check_text  # noqa: E402
from provenance.catalog.load import Catalog, default_catalog, load_catalog  # noqa: E402
from provenance.parse.credits import parse_credit  # noqa: E402
from tests.case_tables import table_rows  # noqa: E402

SYLLABLES = "ka lo mi ren sa tor vel an dru el fen gor ha is jun ko la mar nu os pe qui ro sel ta ul vor wen ya".split()
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
    "Flood water covers the road near {place} on Monday. {who}/Bloomberg via Getty Images",
    "Smoke rises over {place}. {WHO}/AFP",
    "A vendor in {place}. EPA/{WHO}",
    "Riot police in {place}. (AFP PHOTO / {WHO})",
    "Delegates arrive in {place}. {who}/EPA-EFE/Shutterstock",
    "The summit in {place}. Photo: {who}/Reuters",
    "Sailors load supplies in {place}. (U.S. Navy photo by Mass Communication Specialist 2nd Class {who})",
    "\u201cDawn at {place}\u201d by {who} is licensed under CC BY 2.0",
    "By {who} - Own work, CC BY-SA 3.0, https://commons.wikimedia.org/w/index.php?curid={num}",
    "Wildflowers near {place}. Photo by {who} from Pexels",
    "\u00a9 2024 {who}. All rights reserved.",
    "Le port de {place} au matin. Cr\u00e9dit photo : {who} / AFP",
    "El mercado de {place}. Foto: {who}/EFE",
    "Widok na {place}. Fot. {who}/PAP",
    "The festival crowd in {place}. Image credit: {who}/Shutterstock",
    "A quiet street in {place} after the storm. (Photo by {who}/Getty Images)",
    "Harvest season near {place}. Handout via REUTERS",
    "A mural in {place}. Photo: {who}/Dreamstime",
    "The new library in {place} opened its doors to readers on Saturday morning.",
)
HOSTILE = "Photo: a/b (c) " + "/" * 40 + "(" * 40 + "Jane Roe/AP. " * 4 + "x " * 40


def _word(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high))).capitalize()


def caption_block(count: int, seed: int = 14) -> str:
    """`count` lines over the shapes, each with a person and a place made from syllables (fixed seed), so that
    almost no two lines are alike and caching repeated lines cannot make the figure."""
    rng, lines = random.Random(seed), []
    for n in range(count):
        who = f"{_word(rng, 1, 2)} {_word(rng, 2, 3)}"
        place = _word(rng, 2, 4) if rng.random() < 0.7 else f"{_word(rng, 1, 2)} {_word(rng, 2, 3)}"
        shape = SHAPES[n % len(SHAPES)]
        lines.append(shape.format(place=place, who=who, WHO=who.upper(), num=rng.randint(10**6, 10**8)))
    return "\n".join(lines)


def digest_block(count: int, seed: int = 14, per_credit: int = 10) -> str:
    """`count` lines as a wire digest has them: every caption (and place) new, but the credits drawn from
    count/per_credit photographers, each always in the credit form of their one agency, so each credit is
    written about `per_credit` times."""
    rng = random.Random(seed)
    staff = [(f"{_word(rng, 1, 2)} {_word(rng, 2, 3)}", rng.choice(SHAPES)) for _ in range(max(1, count // per_credit))]
    lines = []
    for _ in range(count):
        who, shape = rng.choice(staff)
        lines.append(shape.format(place=_word(rng, 2, 4), who=who, WHO=who.upper(), num=rng.randint(10**6, 10**8)))
    return "\n".join(lines)


def distinct_block() -> tuple[str, int]:
    """The project's own table of credit lines (tests/cases/credit_lines/), each line once: distinct shapes
    written after real ones, many of them hard. Returns (text, line count)."""
    texts = [case["text"] for case in table_rows("credit_lines")]
    lines = [" ".join(text.split()) for text in texts if text.strip()]
    return "\n".join(lines), len(lines)


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


def forget() -> Catalog:
    """A new catalog, and every lru_cache of the library emptied: nothing remembered from an earlier run."""
    for name, module in list(sys.modules.items()):
        if name.startswith("provenance"):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
    return load_catalog()


def timed_runs(run: Callable[[Catalog, str], object], blocks: Callable[[int], str], repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds of `run(catalog, blocks(n))`, each run on a new catalog warmed on other
    lines (its patterns compiled) and with nothing remembered of the block it is timed on."""
    walls, cpus = [], []
    for n in range(repeat):
        catalog, block = forget(), blocks(n)
        check_text(caption_block(len(SHAPES), seed=1000 + n), catalog)  # warm: compiled patterns, other names
        wall, cpu = time.perf_counter(), time.process_time()
        run(catalog, block)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def rates(title: str, blocks: Callable[[int], str], lines: int, repeat: int) -> None:
    print(f"{title}: {lines} lines, wall-clock seconds and CPU seconds of this process")
    print(f"  {'run':<11} {'wall s':>7} {'lines/s':>9} {'cpu s':>7} {'lines/s':>9}")
    runs: tuple[tuple[str, Callable[[Catalog, str], object]], ...] = (
        ("check_text", lambda catalog, block: check_text(block, catalog)),
        ("parse", lambda catalog, block: parse_credit(block, catalog)))
    for name, run in runs:
        wall, cpu = timed_runs(run, blocks, repeat)
        print(f"  {name:<11} {wall:7.3f} {lines / wall:9.0f} {cpu:7.3f} {lines / cpu:9.0f}")


def hostile_inputs() -> dict[str, str]:
    """Inputs of about a megabyte (or tens of thousands of separators) meant to find slow paths."""
    return {
        "1 MiB of 'x ' (no credit)": "x " * 2**19,
        "Photo: + 50,000 slashes": "Photo: " + "/" * 50_000,
        "Photo: + 50,000 open brackets": "Photo: " + "(" * 50_000,
        "Photo: + 'a/ ' x 3,000": "Photo: " + "a/ " * 3000,
        "one line of 12,000 captions": caption_block(12_000, seed=3).replace("\n", " "),
        # runs of one character class after a lead-in (hlinear's matrix, 2026-12-06)
        "Photo by + 50,000 tabs + )": "Photo by " + "\t" * 50_000 + ")",
        "Photo by + 50,000 blanks": "Photo by " + " " * 50_000,
        "Mandatory credit: + 50,000 tabs": "Mandatory credit: " + "\t" * 50_000,
        "Photo | + 50,000 capitals": "Photo | " + "A" * 50_000,
        "\"Harbour\" by + 50,000 blanks": '"Harbour" by ' + " " * 50_000,
        "'by ' x 16,667 + via Getty": "by " * 16_667 + " via Getty Images",
        "50,000 line ends": "\n" * 50_000,
    }


def hostile_table() -> None:
    catalog = default_catalog()
    print(f"  {'input':<32} {'chars':>9} {'parse CPU s':>12} {'check_text CPU s':>17}")
    for name, text in hostile_inputs().items():
        parse = median_time(lambda t=text: parse_credit(t, catalog), 1, time.process_time)
        check = median_time(lambda t=text: check_text(t, catalog), 1, time.process_time)
        print(f"  {name:<32} {len(text):>9} {parse:>12.3f} {check:>17.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=2000, help="caption lines in the varied block")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (the median is printed)")
    args = parser.parse_args(argv)
    rates(f"varied block ({len(SHAPES)} shapes, syllable names, new names each run)",
          lambda n: caption_block(args.lines, seed=14 + n), args.lines, args.repeat)
    rates("digest block (the same shapes, each credit written about 10 times, every caption new)",
          lambda n: digest_block(args.lines, seed=14 + n), args.lines, args.repeat)
    distinct, count = distinct_block()
    rates("distinct block (tests/cases/credit_lines/, each line once)", lambda n: distinct, count, args.repeat)
    print("doubling: the parser on one hostile line, doubled four times")
    doubling_table(args.repeat)
    print("hostile inputs, once each")
    hostile_table()
    return 0


if __name__ == "__main__":
    sys.exit(main())
