"""Do two versions of the caption reader give the same answers? A digest of every answer, to compare.

Runs `parse_credit` and `check_text` of the checkout this script is in on many texts (the varied,
digest and distinct blocks of bench_captions.py, every line of the credit table and of the corpus
alone and all joined, the corpus and the table shuffled among caption lines, the hostile inputs,
and each license string of tests/cases/license_strings.toml behind a credit) and prints one SHA-256
per text of both answers' full `repr` (the checkout's path written as ROOT), then one digest of them
all. A change meant to make reading faster must leave every line the same: run it on both versions
and compare the outputs with diff.

    .venv/bin/python benchmarks/answer_digest.py [--corpus PATH] > after.txt
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_captions import HOSTILE, caption_block, digest_block, distinct_block  # noqa: E402

from provenance import check_text  # noqa: E402
from provenance.catalog.load import load_catalog  # noqa: E402
from provenance.parse.credits import parse_credit  # noqa: E402
from tests.case_tables import table_rows  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "credit_lines_dev.jsonl"
CASES = ROOT / "tests" / "cases"


def texts(corpus: Path) -> dict[str, str]:
    """Every text to read, by name."""
    found = {f"varied {seed}": caption_block(3000, seed=seed) for seed in (14, 15, 16)}
    found["digest"] = digest_block(3000)
    found["distinct"] = distinct_block()[0]
    cases = [case["text"] for case in table_rows("credit_lines")]
    found |= {f"case {n}": text for n, text in enumerate(cases)}
    lines = [json.loads(line)["text"] for line in corpus.read_text("utf-8").splitlines() if line.strip()] \
        if corpus.exists() else []
    found |= {f"corpus {n}": text for n, text in enumerate(lines)}
    found["corpus, joined"] = "\n".join(lines)
    found["cases, joined"] = "\n".join(cases)
    pool = lines + cases + caption_block(500, seed=99).split("\n")
    random.Random(5).shuffle(pool)
    found["mixed, one a line"] = "\n".join(pool)
    found["mixed, one line"] = " ".join(pool[:300])
    found |= {"hostile": HOSTILE * 20, "slashes": "Photo: " + "/" * 3000, "brackets": "Photo: " + "(" * 3000,
              "a/ ": "Photo: " + "a/ " * 500}
    licenses = tomllib.loads((CASES / "license_strings.toml").read_text("utf-8"))
    for table, rows in licenses.items():
        for n, row in enumerate(rows if isinstance(rows, list) else []):
            found |= {f"license {table} {n} {key}": f"Photo: Jane Roe, {value}"
                      for key, value in row.items() if isinstance(value, str) and len(value) > 3}
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the labelled JSONL file (skipped if absent)")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"No corpus at {args.corpus}: its lines are left out (pass --corpus PATH).", file=sys.stderr)
    catalog = load_catalog()
    digests = []
    for name, text in texts(args.corpus).items():
        answers = f"{parse_credit(text, catalog)!r}\0{check_text(text, catalog)!r}".replace(str(ROOT), "ROOT")
        digests.append(hashlib.sha256(answers.encode()).hexdigest())
        print(f"{name}\t{digests[-1]}")
    print(f"all {len(digests)} texts\t{hashlib.sha256(''.join(digests).encode()).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
