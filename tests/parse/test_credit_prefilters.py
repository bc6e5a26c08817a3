"""The cheap checks that let the parser skip a scan stay true to the patterns they stand for."""

from __future__ import annotations

import pytest

from provenance.catalog.load import Catalog
from provenance.parse import cjk_credits
from provenance.parse.credits import parse_credit


def test_every_cjk_pattern_needs_a_mark() -> None:
    for pattern in cjk_credits._PATTERNS:
        assert any(mark in pattern.pattern for mark in cjk_credits._MARKS), pattern.pattern


@pytest.mark.parametrize(
    ("text", "creator"),
    [
        ("新华社记者殷博古摄", "殷博古"),  # 摄: agency, reporter, name
        ("宮武祐希撮影", "宮武祐希"),  # 撮影: name, photographed
        ("항구의 아침 [한빛일보 김하늘 기자]", "김하늘"),  # 기자: outlet, name, reporter
        ("Le port au matin. Crédit photo : Ana Ruiz / AFP", "Ana Ruiz"),  # not ASCII, no mark: other rules read it
    ],
)
def test_marks_let_cjk_credits_through(catalog: Catalog, text: str, creator: str) -> None:
    credits = parse_credit(text, catalog)
    assert isinstance(credits, list)
    assert credits[0].creator == creator
