from __future__ import annotations

import pytest

from provenance.rules.copies import Member, group_findings, photo_groups


@pytest.mark.parametrize(
    ("hashes", "groups"),
    [
        ({1: "ffff000000000000", 2: "ffff000000000000"}, {1: 1, 2: 1}),  # identical hashes
        ({1: "ffff000000000000", 2: "ffff00000000003f"}, {1: 1, 2: 1}),  # 6 bits apart: same photo
        ({1: "ffff000000000000", 2: "ffff0000000000ff"}, {1: 1, 2: 2}),  # 8 bits apart: different photos
        ({1: "0f0f0f0f0f0f0f0f", 2: "f0f0f0f0f0f0f0f0"}, {1: 1, 2: 2}),  # every bit apart
        ({3: "0000000000000001", 1: "0000000000000003", 2: "0000000000000007"}, {1: 1, 2: 1, 3: 1}),  # chain
        ({1: None, 2: None}, {1: 1, 2: 2}),  # no hash (unreadable pixels): never grouped
    ],
)
def test_photo_groups(hashes: dict[int, str | None], groups: dict[int, int]) -> None:
    assert photo_groups(hashes.items()) == groups


def _codes(members: list[Member]) -> list[tuple[int | None, str]]:
    return [(m.usage_id, f.code) for m, f in group_findings(members)]


def test_suggestion_for_the_uncredited_copy() -> None:
    members = [Member(1, 10, "a.html", creator="Jane Doe", license_id="CC-BY-4.0", embedded_rights=True),
               Member(1, 11, "b.html")]
    assert _codes(members) == [(11, "credit-suggestion")]  # same file: nothing stripped


def test_stripped_copy_of_an_original() -> None:
    members = [Member(1, 10, "a.html", creator="Jane Doe", embedded_rights=True), Member(2, 11, "b.html")]
    assert sorted(_codes(members)) == [(11, "credit-suggestion"), (11, "metadata-stripped")]


def test_inconsistent_credits() -> None:
    members = [Member(1, 10, "a.html", creator="Jane Doe", license_id="CC-BY-4.0"),
               Member(2, 11, "b.html", creator="Jane Doe", license_id="CC-BY-NC-4.0")]
    assert _codes(members) == [(10, "inconsistent-credits"), (11, "inconsistent-credits")]


def test_agreeing_credits_raise_nothing() -> None:
    members = [Member(1, 10, "a.html", creator="Jane Doe", license_id="CC-BY-4.0", embedded_rights=True),
               Member(2, 11, "b.html", creator="JANE DOE", license_id="CC-BY-4.0", embedded_rights=True)]
    assert _codes(members) == []


def test_stripped_copy_no_article_uses() -> None:
    """An archive's renamed copy that lost the IPTC of the original is flagged although no article shows it:
    the archivist finds the original it was made from."""
    members = [Member(1, 10, "articles/harbour.html (img/harbour.jpg)", creator="Zofia Kowalczyk",
                      embedded_rights=True),
               Member(2, None, "misc/IMG_0001.jpg")]
    found = group_findings(members)
    assert [(m.usage_id, f.code) for m, f in found] == [(None, "metadata-stripped")]
    assert "articles/harbour.html (img/harbour.jpg)" in found[0][1].message


def test_stripped_copy_names_the_same_original_whatever_the_order() -> None:
    """Of several copies carrying the rights, the message names one by its label, not by which record an
    audit wrote first: a re-audit that re-checked an unrelated article must not change the report."""
    carriers = [Member(3, None, "img/flood.webp", embedded_rights=True),
                Member(2, 20, "notes.md (img/flood.png)", creator="Lars Øberg", embedded_rights=True)]
    stripped = Member(1, 21, "story.html (img/flood.jpg)", creator="Lars Øberg")
    messages = {f.message for order in (carriers, carriers[::-1])
                for m, f in group_findings([*order, stripped]) if f.code == "metadata-stripped"}
    assert len(messages) == 1
