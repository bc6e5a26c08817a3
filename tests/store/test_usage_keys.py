"""A usage's stable key: what keeps it, what changes it."""

from __future__ import annotations

import pytest

from provenance.store.usage_keys import usage_key

# the key of a usage: (article path, src, credit, keys taken before it) -> same key as the first row, or not
KEYS = [
    pytest.param("a.txt", None, "Photo: Ana  Ruiz\n/AP", (), True, id="whitespace in the credit is folded"),
    pytest.param("b.txt", None, "Photo: Ana Ruiz /AP", (), False, id="another article"),
    pytest.param("a.txt", "x.jpg", "Photo: Ana Ruiz /AP", (), False, id="another image reference"),
    pytest.param("a.txt", None, "Photo: Ana Ruíz /AP", (), False, id="another credit text"),
    pytest.param("a.txt", None, "Photo: Ana Ruiz /AP", ("first",), False, id="the same credit again"),
]


@pytest.mark.parametrize(("path", "src", "credit", "taken", "same"), KEYS)
def test_usage_keys(path: str, src: str | None, credit: str, taken: tuple[str, ...], same: bool) -> None:
    first = usage_key("a.txt", None, "Photo: Ana Ruiz /AP")
    assert (usage_key(path, src, credit, {first} if taken else set()) == first) is same
