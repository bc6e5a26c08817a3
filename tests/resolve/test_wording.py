"""The words of a credit read with every language's word lists: lead-in nouns, roles, rights phrases."""

from __future__ import annotations

import pytest

from provenance.catalog.load import Catalog
from provenance.resolve.wording import caption_noun, lead_in_noun, rights_phrase, split_role, strip_lead_in


@pytest.mark.parametrize(("text", "noun"), [
    ("Illustration: Jane Doe", "illustration"),  # English lead-in
    ("Photo illustration by Jane Doe", "illustration"),  # the longest lead-in wins over "photo"
    ("(Grafik: dpa)", "graphic"),  # German, inside a bracket
    ("写真：共同", "photo"),  # Japanese: no space after the word
    ("Satellite image ©2024 Maxar Technologies", "satellite_image"),  # two-word lead-in
    ("Video grab: Reuters TV", "video_still"),  # a still from video
    ("(AP Photo/Evan Vucci)", None),  # an agency's name, not a lead-in
    ("Photographer Jane Doe", None),  # a longer word that starts like one
])
def test_lead_in_noun(catalog: Catalog, text: str, noun: str | None) -> None:
    assert lead_in_noun(text, catalog.languages) == noun


@pytest.mark.parametrize(("caption", "noun"), [
    ("Floods in the north. Map: OpenStreetMap contributors", "map"),  # a credit after a sentence
    ("The map shows the route.", None),  # the word in a sentence, not a lead-in
    ("A chart of prices (Graphic: Jane Doe/AP)", "graphic"),  # in brackets
])
def test_caption_noun(catalog: Catalog, caption: str, noun: str | None) -> None:
    assert caption_noun(caption, catalog.languages) == noun


@pytest.mark.parametrize(("name", "expected"), [
    ("Courtesy of the family", ("courtesy", "the family")),  # a courtesy line
    ("Pool photo by Evan Vucci", ("pool", "Evan Vucci")),  # a pool photographer
    ("Handout", ("handout", "")),  # a bare handout
    ("Mit freundlicher Genehmigung von Familie Weber", ("courtesy", "Familie Weber")),  # German courtesy
    ("Poolside Studios", (None, "Poolside Studios")),  # a name that starts like a role word
    ("Jane Doe", (None, "Jane Doe")),  # no role
])
def test_split_role(catalog: Catalog, name: str, expected: tuple[str | None, str]) -> None:
    assert split_role(name, catalog.languages) == expected


@pytest.mark.parametrize(("text", "phrase"), [
    ("© 2024 Olga Petrova", "©"),  # the sign
    ("Copyright Olga Petrova", "Copyright"),  # the word
    ("ALL RIGHTS RESERVED", "ALL RIGHTS RESERVED"),  # any case
    ("Bildrechte: Olga Petrova", "Bildrechte"),  # German
    ("Tous droits réservés", "Tous droits réservés"),  # French
    ("版权所有", "版权所有"),  # Chinese
    ("copyrighted by nobody", None),  # a longer word
    ("Licensed under CC BY 4.0", None),  # a public license
])
def test_rights_phrase(catalog: Catalog, text: str, phrase: str | None) -> None:
    assert rights_phrase(text, catalog.languages) == phrase


def test_strip_lead_in(catalog: Catalog) -> None:
    assert strip_lead_in("Map: OpenStreetMap contributors", catalog.languages) == "OpenStreetMap contributors"
    assert strip_lead_in("Mapbox", catalog.languages) == "Mapbox"  # a name, not a lead-in
