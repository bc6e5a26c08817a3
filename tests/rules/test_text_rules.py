"""Text meant to deceive: hidden characters are removed and flagged, look-alike license names never
resolve to the license they imitate and are flagged."""

from __future__ import annotations

import pytest

from provenance.catalog.licenses import resolve_license
from provenance.catalog.load import Catalog
from provenance.catalog.names import lookalike_reason, terminal_safe
from provenance.check import check_text
from provenance.model import Status

LOOKALIKES = [
    pytest.param("CC BY 4.O", "the letter O where a zero belongs", id="letter O for the zero of 4.0"),
    pytest.param("CC BY-SA 2.o", "the letter O where a zero belongs", id="lower-case o for the zero"),
    pytest.param("СС BY 4.0", "Cyrillic or Greek letters that look Latin", id="Cyrillic Es for CC"),
    pytest.param("CC ΒY 4.0", "Cyrillic or Greek letters that look Latin", id="Greek Beta for B"),
    pytest.param("CC BY 4.0\u200b", "zero-width characters", id="a zero-width space after the version"),
    pytest.param("CC\u200bBY 4.0", "zero-width characters", id="a zero-width space inside"),
    pytest.param("ＣＣ ＢＹ ４.０", "full-width characters", id="full-width letters and digits"),
]


@pytest.mark.parametrize(("name", "reason"), LOOKALIKES)
def test_lookalike_license_never_resolves(catalog: Catalog, name: str, reason: str) -> None:
    assert lookalike_reason(name) == reason
    resolution = resolve_license(catalog, name)
    assert resolution.status is Status.UNKNOWN
    assert resolution.license is None


REAL = [
    pytest.param("CC BY 4.0", "CC-BY-4.0", id="the real name"),
    pytest.param("Фото: Иван Петров, CC BY 4.0", None, id="a Cyrillic name beside a real license is not judged"),
    pytest.param("CC BY 4.0（写真）", None, id="full-width punctuation of a Japanese caption"),
]


@pytest.mark.parametrize(("text", "license_id"), REAL)
def test_real_names_are_not_taken_for_lookalikes(catalog: Catalog, text: str, license_id: str | None) -> None:
    assert lookalike_reason(text) is None
    if license_id:
        assert resolve_license(catalog, text).license.id == license_id  # type: ignore[union-attr]


CAPTIONS = [
    pytest.param("Photo: Jane Doe (CC BY 4.O)", "Jane Doe", None, "lookalike-license",
                 id="4.O: no license, no organisation 'O'"),
    pytest.param("Photo: Jane Doe (CC BY 4.0\u200b)", "Jane Doe", None, "lookalike-license",
                 id="zero-width space: no license, no empty organisation"),
    pytest.param("Photo: Jane \u202eeoD/AP", "Jane eoD", "AP", "hidden-characters",
                 id="right-to-left override removed from the creator"),
    pytest.param("Photo: Jane\u2066 Doe\u2069/AP", "Jane Doe", "AP", "hidden-characters", id="isolates removed"),
    pytest.param("Photo: Jane\x1b[31m Doe/AP", None, "AP", "hidden-characters",
                 id="an ANSI escape: no name is read through it, and the credit is flagged"),
]


@pytest.mark.parametrize(("caption", "creator", "organization", "code"), CAPTIONS)
def test_hostile_caption(catalog: Catalog, caption: str, creator: str, organization: str | None,
                         code: str) -> None:
    [item] = check_text(caption, catalog)
    assert (item.record.creator, item.record.organization) == (creator, organization)
    assert item.record.license is None or code == "hidden-characters"
    assert code in [f.code for f in item.findings]
    assert item.attribution is None or "\u202e" not in item.attribution.text


def test_terminal_safe_keeps_text_and_drops_escapes() -> None:
    assert terminal_safe("a\x1b]8;;http://x\x07b\tc\nd\u202ee\x9b") == "a]8;;http://xb\tc\nde"
