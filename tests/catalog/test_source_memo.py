"""match_source remembers names per catalog: a house catalog never sees another catalog's answer; category
keywords are indexed per catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.catalog.load import Catalog, default_catalog, load_catalog
from provenance.catalog.sources import find_category, match_source

HOUSE_CATEGORY = """
[[category]]
id = "acme-stringer"
name = "Acme stringer"
keywords = ["acme stringer"]
needs_agreement = true
editorial_only = false
needs_verification = false
description = "A freelance working for Acme."
"""


def test_answers_are_per_catalog(acme_catalog: Catalog) -> None:
    bundled, house = default_catalog(), acme_catalog
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


@pytest.mark.parametrize(
    ("credit", "category"),
    [
        ("Jane Roe/Staff", "staff"),  # a one-word keyword, looked up by word
        ("STAFF PHOTO by Jane Roe", "staff"),  # a phrase, whatever the case
        ("Pool photo by Jane Roe via AP", "pool"),  # the longest keyword is tried first ('pool photo', then 'pool')
        ("Pool via handout", "handout"),  # 'via handout' is longer than 'pool via': it wins, wherever it stands
        ("Screen grab from video", "screengrab"),  # a phrase of two words
        ("© Crown copyright 2024", "crown-copyright"),  # the rights sign is part of the keyword
        ("Photo-illustration: Jane Roe", "composite"),  # 'photo illustration' after the hyphen is folded
        ("Jane Roe/Staffordshire Police", None),  # a keyword inside a longer word is no keyword
        ("Jane Roe/AP", None),  # no keyword at all
    ],
)
def test_category_keywords(credit: str, category: str | None) -> None:
    found = find_category(default_catalog(), credit)
    assert (found.id if found else None) == category


def test_category_keywords_are_per_catalog(tmp_path: Path) -> None:
    (tmp_path / "house.toml").write_text(HOUSE_CATEGORY, encoding="utf-8")
    bundled, house = default_catalog(), load_catalog(tmp_path)
    found = find_category(house, "Jane Roe/Acme Stringer")
    assert found is not None
    assert found.id == "acme-stringer"  # the house catalog's keyword
    assert find_category(bundled, "Jane Roe/Acme Stringer") is None


@pytest.mark.parametrize(
    ("name", "source_id"),
    [
        ("Reuters", "reuters"),  # a catalog name
        ("The Reuters", "reuters"),  # 'the' before a name: the second word is screened
        ("Reuters Pictures", "reuters"),  # a suffix the spellings allow: the first word is the name's
        ("  REUTERS.  ", "reuters"),  # case, spaces and a trailing stop folded
        ("Tor Renquila", None),  # a first word that starts no catalog name
        ("The Renquila Family", None),  # nor after 'the'
    ],
)
def test_names_screened_by_their_first_word(name: str, source_id: str | None) -> None:
    found = match_source(load_catalog(), name)  # a new catalog: nothing remembered
    assert (found.id if found else None) == source_id
