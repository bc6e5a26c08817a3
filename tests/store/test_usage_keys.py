"""A usage's stable key: what keeps it, what changes it."""

from __future__ import annotations

import pytest

from provenance.store.usage_keys import article_keys, usage_key

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


def test_article_keys_follow_each_credit_when_others_come_and_go() -> None:
    before = article_keys("a.txt", [(None, "Photo: A"), (None, "Photo: B"), (None, "Photo: A")])
    assert len(set(before)) == 3  # the same credit twice: one key per occurrence
    after = article_keys("a.txt", [(None, "Photo: New"), (None, "Photo: A"), (None, "Photo:  B"), (None, "Photo: A")])
    assert after[1:] == before  # a credit added before them, whitespace changed: the same keys
