"""How many instructions does one caption line cost in check_text? Counted by cachegrind, not timed.

Timings on a shared machine move by more than a round of rules costs; instruction counts do not. This runs the
same process twice under valgrind's cachegrind (`--cache-sim=no`): once warmed (the catalog loaded, the patterns
compiled, a few lines checked) and stopped there, once warmed and then given the varied block of
`bench_captions.py` (`--lines` lines of its shapes, names from `--seed`) as one text; the difference divided by
the lines is what a line costs. Run it on two checkouts to compare their code.

    .venv/bin/python benchmarks/count_instructions.py [--lines 600] [--seed 5]

Needs valgrind (Debian's `valgrind` package).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def _inner(mode: str, lines: int, seed: int) -> None:
    """The measured process: warm, then (mode 'run') check the block."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_captions  # noqa: PLC0415

    from provenance import check_text  # noqa: PLC0415

    catalog = bench_captions.forget()
    check_text(bench_captions.caption_block(len(bench_captions.SHAPES), seed=1000), catalog)
    block = bench_captions.caption_block(lines, seed=seed)
    if mode == "run":
        check_text(block, catalog)


def _count(mode: str, lines: int, seed: int) -> int:
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
               sys.executable, __file__, "--inner", mode, "--lines", str(lines), "--seed", str(seed)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    found = _REFS.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"count_instructions.py: valgrind failed ({mode}): {done.stderr.strip()[-400:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=600)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--inner", choices=("warm", "run"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inner:
        _inner(args.inner, args.lines, args.seed)
        return 0
    if shutil.which("valgrind") is None:
        print("count_instructions.py: valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    warm = _count("warm", args.lines, args.seed)
    run = _count("run", args.lines, args.seed)
    per_line = (run - warm) / args.lines
    print(f"check_text, varied block of {args.lines} lines as one text (seed {args.seed}): "
          f"{run - warm:,} instructions, {per_line / 1e6:.3f} million a line (warmed process {warm:,})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
