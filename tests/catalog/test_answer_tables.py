"""The per-catalog answer tables remember answers about short texts only, so that the long texts a
server's checks bring (up to 20,000 characters each) never pile up in them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from provenance.catalog.licenses import resolve_license
from provenance.catalog.load import MEMO_KEY_CHARS, Catalog, load_catalog
from provenance.catalog.sources import match_source
from provenance.parse.credit_spans import is_bare_credit

LONG = "Photo: Jane Doe/AP " * 40  # 760 characters
SHORT = "Jane Doe/AP"

# (the table, how to ask it about a text, how the text is found in the table)
TABLES = [
    pytest.param("resolve-license-memo", lambda c, t: resolve_license(c, t), lambda t: (t, None), id="licenses"),
    pytest.param("match-source-memo", match_source, lambda t: t, id="sources"),
    pytest.param("bare-credit-memo", is_bare_credit, lambda t: t, id="bare credits"),
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
