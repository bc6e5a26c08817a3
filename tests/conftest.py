from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from provenance.catalog.load import Catalog, load_catalog

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"


def load_cases(name: str) -> list[Any]:
    """Rows of a case table, each wrapped in pytest.param with its `why` as id."""
    with (CASES / name).open("rb") as handle:
        rows = tomllib.load(handle)["case"]
    return [pytest.param(row, id=row["why"]) for row in rows]


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()
