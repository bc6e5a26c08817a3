"""The per-catalog answer tables remember answers about short texts only, so that the long texts a
server's checks bring (up to 20,000 characters each) never pile up in them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from provenance.catalog.licenses import resolve_license
from provenance.catalog.load import MEMO_KEY_CHARS, Catalog, load_catalog
from provenance.catalog.sources import match_source
from provenance.model import Credit, Evidence
from provenance.parse.credit_spans import is_bare_credit
from provenance.parse.credits import parse_credit
from provenance.resolve.evidence import derive_evidence

LONG = "Photo: Jane Doe/AP " * 40  # 760 characters
SHORT = "Jane Doe/AP"

# (the table, how to ask it about a text, how the text is found in the table)
TABLES = [
    pytest.param("resolve-license-memo", lambda c, t: resolve_license(c, t), lambda t: (t, None), id="licenses"),
    pytest.param("match-source-memo", match_source, lambda t: t, id="sources"),
    pytest.param("bare-credit-memo", is_bare_credit, lambda t: t, id="bare credits"),
    pytest.param("parse-credit-memo", lambda c, t: parse_credit(t, c), lambda t: t, id="parsed credits"),
    pytest.param("derived-evidence-memo",
                 lambda c, t: derive_evidence([Evidence("credit_line", t, "iptc", "IPTC 2:110 Credit")], c),
                 lambda t: ("credit_line", t, "iptc", "IPTC 2:110 Credit"), id="derived evidence"),
]


@pytest.mark.parametrize(("table", "ask", "key"), TABLES)
def test_only_short_texts_are_remembered(table: str, ask: Callable[[Catalog, str], Any],
                                         key: Callable[[str], Any]) -> None:
    catalog = load_catalog()
    assert len(LONG) > MEMO_KEY_CHARS >= len(SHORT)
    first, again = ask(catalog, LONG), ask(catalog, LONG)
    assert first == again  # the same answer, worked out each time
    ask(catalog, SHORT)
    memo = catalog.cached(table, lambda _: {})
    assert key(SHORT) in memo
    assert key(LONG) not in memo


def test_each_caller_gets_its_own_list_of_remembered_credits() -> None:
    catalog = load_catalog()
    first = parse_credit("Photo: Jane Doe/AP", catalog)
    assert isinstance(first, list)
    assert [c.creator for c in first] == ["Jane Doe"]
    first.append(Credit(text="added by the caller", start=0, end=0, creator="Someone Else"))
    again = parse_credit("Photo: Jane Doe/AP", catalog)
    assert isinstance(again, list)
    assert [c.creator for c in again] == ["Jane Doe"]
    assert again is not first


def test_remembered_derived_evidence_names_the_field_it_was_read_from() -> None:
    catalog = load_catalog()
    credit = Evidence("credit_line", "Jane Doe/AP", "iptc", "IPTC 2:110 Credit")
    notice = Evidence("credit_line", "Jane Doe/AP", "xmp", "XMP photoshop:Credit")  # the same words, another field
    first = derive_evidence([credit], catalog)
    derived = derive_evidence([credit, notice], catalog)[2:]
    assert derived[: len(first) - 1] == first[1:]  # asked again: the same items
    assert {e.name for e in derived} == {"IPTC 2:110 Credit → credit", "XMP photoshop:Credit → credit"}
    assert all(e.derived for e in derived)
    assert ("creator", "Jane Doe") in {(e.field, e.value) for e in derived}
