"""The case tables of tests/cases/, read the same way by the tests and the benchmarks.

A table is one TOML file (`license_strings.toml`) or a folder of them (`credit_lines/`), whose files are read in
name order, so that each round of work can add its rows in a file of its own and existing rows keep their places.
"""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

CASES = Path(__file__).resolve().parent / "cases"


def table_rows(name: str) -> list[dict[str, Any]]:
    """The `[[case]]` rows of a table: `name` is a file of tests/cases/ or a folder of .toml files there."""
    place = CASES / name
    files = sorted(place.glob("*.toml")) if place.is_dir() else [place]
    return [row for path in files for row in tomllib.loads(path.read_text("utf-8"))["case"]]
