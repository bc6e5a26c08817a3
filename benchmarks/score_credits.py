"""How well does the full pipeline read real credit lines? Scores `check_text` on the corpus.

Reads `credit_lines_dev.jsonl` from `../shared/corpus/` beside the repository (or `--corpus PATH`),
runs every line through `provenance.check_text` (the path the CLI and the dashboard use) and prints
per-field accuracy for creator, organization, via, license and has_credit, the count of invented
values (a field filled where the label is empty) and every miss as `id field got want`.

Comparison, as the corpus README suggests: case-folded, whitespace collapsed, the README's agency
aliases applied, a creator that still carries a rank accepted. Lines whose notes say "Ambiguous"
have a second defensible reading: they are scored apart and their misses listed as soft.
License ids are mapped onto the labels: agency, all-rights-reserved and editorial-only terms are
`all-rights-reserved`, public-domain statements are `PDM`, and a rights statement with no license
named (the record's copyright, "© Jane Roe") is `all-rights-reserved`. A license the source catalog supplies
where the label is empty (Kremlin.ru's CC BY 4.0, a US federal body's public domain, a platform's
own license) counts as right; a reserved-rights license the line does not support counts as wrong.
A jurisdiction port the record carries is written after the id as the corpus README spells ports
(`CC-BY-SA-2.5` with port `nl` is `CC-BY-SA-2.5-NL`, with port `igo` is `CC-BY-SA-3.0-IGO`).

    .venv/bin/python benchmarks/score_credits.py [--corpus PATH] [--quiet]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance import check_text  # noqa: E402
from provenance.check import CheckedItem  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "credit_lines_dev.jsonl"
FIELDS = ("creator", "organization", "via", "license", "has_credit")
NAME_FIELDS = ("creator", "organization", "via")
# The README's agency aliases: each spelling -> the label's name.
ALIASES = {
    "ap photo": "ap", "associated press": "ap", "the associated press": "ap",
    "ロイター": "reuters", "로이터": "reuters", "رويترز": "reuters",
    "afp photo": "afp", "agence france-presse": "afp",
    "getty": "getty images",
    "тасс": "tass",  # keys are case-folded, as fold() folds the value first
    "kyodo": "kyodo news", "共同": "kyodo news",
    "新华社": "xinhua", "新華社": "xinhua",
    "中新社": "china news service",
}
RESERVED = {"LicenseRef-Agency", "LicenseRef-All-Rights-Reserved", "LicenseRef-Editorial-Only"}
PUBLIC_DOMAIN = {"PDM-1.0", "LicenseRef-PD", "LicenseRef-PD-USGov"}
RANK_WORDS = 6  # at most this many words of rank or title before the name


@dataclass
class Tally:
    """Right answers per field, invented values and misses, for one group of lines."""

    lines: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    invented: int = 0
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)


def fold(value: str | None) -> str:
    text = re.sub(r"\s+", " ", (value or "").replace("\u00a0", " ")).strip().casefold()
    return ALIASES.get(text, text)


def license_label(item: CheckedItem | None) -> tuple[str, bool]:
    """The label a resolved license maps to, and whether it came from the source catalog."""
    if item is not None and item.record.license is None and item.record.copyright:
        return "all-rights-reserved", False  # a rights statement ("© Jane Roe") and no license named
    if item is None or item.record.license is None:
        return "", False
    lic = item.record.license.id
    from_catalog = item.record.origins.get("license", "").startswith("source-catalog")
    if lic in RESERVED:
        return "all-rights-reserved", from_catalog
    if lic in PUBLIC_DOMAIN:
        return "PDM", from_catalog
    if item.record.port:
        return f"{lic}-{item.record.port.upper()}", from_catalog
    return lic, from_catalog


def name_right(name: str, got: str, want: str) -> bool:
    if fold(got) == fold(want):
        return True
    if name != "creator" or not want or not fold(got).endswith(" " + fold(want)):
        return False
    return len(fold(got)[: -len(fold(want))].split()) <= RANK_WORDS


def license_right(got: str, from_catalog: bool, want: str | None) -> bool:
    if fold(got) == fold(want):
        return True
    return not want and from_catalog and got != "all-rights-reserved"


def chosen(items: list[CheckedItem]) -> CheckedItem | None:
    """The first item that carries a credit: the one the labels describe."""
    return next((item for item in items if item.credit is not None), None)


def got_values(item: CheckedItem | None) -> dict[str, str]:
    record = item.record if item else None
    values = {name: (getattr(record, name) or "") if record else "" for name in NAME_FIELDS}
    values["has_credit"] = str(any(values[name] for name in NAME_FIELDS))
    return values


def score_line(row: dict[str, object], tally: Tally) -> None:
    item = chosen(check_text(str(row["text"])))
    got = got_values(item)
    lic, from_catalog = license_label(item)
    tally.lines += 1
    for name in NAME_FIELDS:
        want = str(row[name] or "")
        _count(tally, row, name, got[name], want, name_right(name, got[name], want))
    want_license = str(row["license"] or "")
    _count(tally, row, "license", lic, want_license, license_right(lic, from_catalog, want_license))
    want_credit = str(bool(row["has_credit"]))
    _count(tally, row, "has_credit", got["has_credit"], want_credit, got["has_credit"] == want_credit)


def _count(tally: Tally, row: dict[str, object], name: str, got: str, want: str, right: bool) -> None:
    if right:
        tally.right[name] += 1
        return
    if got and not want and name != "has_credit":
        tally.invented += 1
    tally.misses.append((str(row["id"]), name, got, want))


def report(title: str, tally: Tally, quiet: bool) -> None:
    print(f"{title}: {tally.lines} lines")
    for name in FIELDS:
        share = 100 * tally.right[name] / tally.lines if tally.lines else 0.0
        print(f"  {name:<13} {tally.right[name]:>4}/{tally.lines}  {share:5.1f}%")
    print(f"  {'invented':<13} {tally.invented:>4}")
    if not quiet and tally.misses:
        print("  misses (id, field, got, want):")
        for line_id, name, got, want in tally.misses:
            print(f"    {line_id}  {name:<12} got {got!r}  want {want!r}")


def combined(*tallies: Tally) -> Tally:
    total = Tally()
    for tally in tallies:
        total.lines += tally.lines
        total.invented += tally.invented
        for name in FIELDS:
            total.right[name] += tally.right[name]
    return total


def load(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the labelled JSONL file")
    parser.add_argument("--quiet", action="store_true", help="figures only, no list of misses")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"No corpus at {args.corpus}: pass --corpus PATH to the labelled JSONL file.", file=sys.stderr)
        return 2
    clear, soft = Tally(), Tally()
    for row in load(args.corpus):
        score_line(row, soft if "Ambiguous" in str(row.get("notes") or "") else clear)
    report("clear lines", clear, args.quiet)
    report("ambiguous lines (a second reading is defensible; misses are soft)", soft, args.quiet)
    report("all lines", combined(clear, soft), quiet=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
