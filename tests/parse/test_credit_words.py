"""The tables of credit_words.py and the patterns built from them."""

from __future__ import annotations

import re

import pytest

from provenance.parse.credit_words import COMPANY_FORM, ENDS_WITH_ABBREVIATION, NOT_AFTER_ABBREVIATION

_STOP = re.compile(r"(?<=\.)" + NOT_AFTER_ABBREVIATION + r"\s+")


@pytest.mark.parametrize(("name", "is_company"), [
    ("Norrbo Studio AB", True),  # Swedish form as written
    ("Kvale Media A/S", True),  # Danish form with its slash
    ("Albera Immagini S.p.A", True),  # a dotted form whose closing stop was trimmed
    ("Harbor Lane Media, LLC", True),  # a form after a comma
    ("TARRANT IMAGING LLP", True),  # in capitals
    ("Asa Lindqvist", False),  # a given name that is a form's word in another case
    ("AB", False),  # a form alone names no company
    ("Jane Roe as", False),  # a word in lower case, not Norway's 'AS'
])
def test_company_form(name: str, is_company: bool) -> None:
    assert bool(COMPANY_FORM.search(name)) is is_company


@pytest.mark.parametrize(("text", "pieces"), [
    ("photo by Sgt. 1st Class Jane Roe", 1),  # a rank before a name
    ("photo by STAFF SGT. Jane Roe", 1),  # a rank in capitals
    ("photo by lt. Jane Roe", 1),  # a rank in lower case
    ("Photo: Dr. Ada Brook", 1),  # a civil title
    ("It rained. Photo: Ada Brook", 2),  # a sentence's end
    ("We met the tech. Photo: Ada Brook", 2),  # 'tech' in lower case is a word, not the rank 'Tech.'
])
def test_abbreviations_end_no_sentence(text: str, pieces: int) -> None:
    assert len(_STOP.split(text)) == pieces


@pytest.mark.parametrize(("text", "ends"), [
    ("U.S. Air Force photo by Tech. Sgt.", True),  # ends with a rank
    ("… said Mrs.", True),  # ends with a title
    ("… on the river bank.", False),  # an ordinary word
])
def test_ends_with_abbreviation(text: str, ends: bool) -> None:
    assert bool(ENDS_WITH_ABBREVIATION.search(text)) is ends
