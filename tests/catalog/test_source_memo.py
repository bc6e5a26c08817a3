"""match_source remembers names per catalog: a house catalog never sees another catalog's answer."""

from __future__ import annotations

from pathlib import Path

from provenance.catalog.load import default_catalog, load_catalog
from provenance.catalog.sources import match_source

HOUSE = """
[[source]]
id = "acme-wire"
name = "Acme Wire"
aliases = ["Acme"]
kind = "agency"
terms = "agency"
"""


def test_answers_are_per_catalog(tmp_path: Path) -> None:
    (tmp_path / "house.toml").write_text(HOUSE, encoding="utf-8")
    bundled, house = default_catalog(), load_catalog(tmp_path)
    assert match_source(bundled, "Acme") is None  # asked first of the bundled catalog: remembered as unknown
    found = match_source(house, "Acme")
    assert found is not None
    assert found.id == "acme-wire"  # the house catalog has its own answer
    assert match_source(bundled, "Acme") is None  # and the bundled one keeps its own


def test_repeated_names_give_the_same_source() -> None:
    catalog = default_catalog()
    first = match_source(catalog, "Reuters")
    assert first is not None
    assert match_source(catalog, "Reuters") is first
    assert match_source(catalog, "https://www.reuters.com/world/") is first  # a URL goes by its domain
