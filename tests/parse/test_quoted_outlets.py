"""A name in guillemets closing a Cyrillic credit is kept (not cut as a quoted title) where a body's word opens its
link ('пресс-служба «Газпрома»'): a film's, a book's or a show's title after a phrase ('на съемках фильма «Брат»',
'из книги «Москва»') names no organisation, and a photographer's name before such a phrase is no part of one."""

from __future__ import annotations

import pytest

from provenance.catalog.load import Catalog
from provenance.parse.credits import parse_credit


@pytest.mark.parametrize("text", [
    pytest.param("Фото: Ирина Волкова на съемках фильма «Брат»", id="on the set of a film"),
    pytest.param("Фото: Ирина Волкова из книги «Москва»", id="from a book"),
    pytest.param("Фото: Ирина Волкова в рамках выставки «Лето»", id="within an exhibition"),
    pytest.param("Фото: кадр из фильма «Брат»", id="a still from a film"),
    pytest.param("Фото: Ирина Волкова / кадр из фильма «Брат»", id="a still from a film after a slash"),
])
def test_a_title_after_a_phrase_names_no_organisation(catalog: Catalog, text: str) -> None:
    credits = parse_credit(text, catalog)
    organisations = [c.organization or "" for c in credits] if isinstance(credits, list) else []
    assert not [name for name in organisations if "«" in name or "Волкова" in name]


@pytest.mark.parametrize(("text", "organisation"), [
    pytest.param("Фото: пресс-служба «Северной нефти»", "пресс-служба «Северной нефти»", id="a press service"),
    pytest.param("Фото: Анна Петрова — телеканал «Звезда»", "телеканал «Звезда»", id="a channel after a dash"),
    pytest.param("Фото: Анна Петрова / пресс-служба компании «Северный порт»",
                 "пресс-служба компании «Северный порт»", id="two body words"),
])
def test_a_body_word_before_the_quote_keeps_it(catalog: Catalog, text: str, organisation: str) -> None:
    credits = parse_credit(text, catalog)
    assert isinstance(credits, list)
    assert [c.organization for c in credits] == [organisation]
