"""Wikimedia Commons, the pure part: which file a link or caption names, the API's answer
as evidence of origin "commons", and how that evidence weighs against the caption."""

from __future__ import annotations

import pytest

from provenance.catalog.load import Catalog
from provenance.check import check_evidence
from provenance.errors import InputError
from provenance.metadata.commons import (
    CommonsRef,
    api_params,
    commons_evidence,
    mentions_commons,
    not_found_evidence,
    parse_imageinfo,
    ref_from_text,
    refs_in_evidence,
    titles_by_sha1,
)
from provenance.model import Evidence, Severity
from provenance.parse.credits import parse_credit
from provenance.resolve.evidence import credit_to_evidence
from tests import commons_api

SHA1 = "3c1a4c5fa1b8e9ef4a7ae1b1ec6b3e1f0cbbe0f2"

# (text, expected reference or None)
REFS = [
    ("https://commons.wikimedia.org/wiki/File:Bridge_at_dusk.jpg", CommonsRef("title", "File:Bridge at dusk.jpg")),
    # the file page, underscores read as spaces
    ("https://commons.wikimedia.org/wiki/File:Caf%C3%A9_Paris.jpg", CommonsRef("title", "File:Café Paris.jpg")),
    # percent-encoded UTF-8 in the path
    ("https://commons.m.wikimedia.org/wiki/Image:Bridge.jpg", CommonsRef("title", "File:Bridge.jpg")),
    # the mobile site and the old Image: prefix
    ("https://commons.wikimedia.org/w/index.php?curid=12345", CommonsRef("pageid", "12345")),
    # a curid= short link
    ("https://commons.wikimedia.org/w/index.php?title=File:Bridge.jpg&oldid=1", CommonsRef("title", "File:Bridge.jpg")),
    # title= in the query
    ("https://upload.wikimedia.org/wikipedia/commons/a/ab/Bridge_at_dusk.jpg",
     CommonsRef("title", "File:Bridge at dusk.jpg")),  # the original upload
    ("https://upload.wikimedia.org/wikipedia/commons/thumb/a/ab/Bridge.jpg/800px-Bridge.jpg",
     CommonsRef("title", "File:Bridge.jpg")),  # a thumbnail names its original
    ("https://en.wikipedia.org/wiki/File:Bridge.jpg", CommonsRef("title", "File:Bridge.jpg")),
    # a Wikipedia file page shows a Commons file
    ("Photo by Jane Doe, via Wikimedia Commons (File:Bridge at dusk.jpg), CC BY-SA 4.0",
     CommonsRef("title", "File:Bridge at dusk.jpg")),  # a caption naming the file
    (SHA1.upper(), CommonsRef("sha1", SHA1)),  # a SHA-1 in hex, any case
    ("https://commons.wikimedia.org/wiki/Main_Page", None),  # not a file page
    ("https://upload.wikimedia.org/wikipedia/en/a/ab/Local.jpg", None),  # a local Wikipedia upload, not Commons
    ("https://example.org/wiki/File:Bridge.jpg", None),  # another wiki
    ("javascript:alert(1)", None),  # not a web URL
    ("Photo by Jane Doe, via Wikimedia Commons", None),  # nothing to find the file by
]


@pytest.mark.parametrize(("text", "expected"), REFS)
def test_recognises_commons_references(text: str, expected: CommonsRef | None) -> None:
    assert ref_from_text(text) == expected


def test_refs_in_evidence_finds_urls_inside_text_once() -> None:
    page = "https://commons.wikimedia.org/wiki/File:Bridge.jpg"
    evidence = [Evidence("caption", f"A bridge ({page}).", "html", "figcaption"),
                Evidence("image_src", "https://upload.wikimedia.org/wikipedia/commons/a/ab/Bridge.jpg", "html", "img"),
                Evidence("source_url", page, "commons", "Commons descriptionurl")]
    assert refs_in_evidence(evidence) == [CommonsRef("title", "File:Bridge.jpg")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Photo: Jane Doe, via Wikimedia Commons", True),  # the platform named in the caption
    ("Licensed under Creative Commons BY 4.0", False),  # Creative Commons is not Wikimedia Commons
])
def test_mentions_commons(text: str, expected: bool) -> None:
    assert mentions_commons([Evidence("caption", text, "caption", "caption")]) is expected


def test_api_params_ask_for_extmetadata_url_and_sha1() -> None:
    params = api_params(CommonsRef("title", "File:Bridge.jpg"))
    assert (params["prop"], params["iiprop"], params["titles"]) == ("imageinfo", "extmetadata|url|sha1",
                                                                    "File:Bridge.jpg")
    assert api_params(CommonsRef("sha1", SHA1))["aisha1"] == SHA1


def answer(**kwargs: str) -> dict[str, object]:
    options = {"artist": '<a href="//commons.wikimedia.org/wiki/User:Jdoe" title="User:Jdoe">Jane Doe</a>',
               "license_short": "CC BY-SA 4.0", "license_url": "https://creativecommons.org/licenses/by-sa/4.0"}
    return commons_api.imageinfo("File:Bridge at dusk.jpg", commons_api.extmetadata(**{**options, **kwargs}))


@pytest.mark.parametrize("formatversion", [1, 2])  # pages as an object keyed by id (1) or a list (2)
def test_imageinfo_becomes_commons_evidence(formatversion: int) -> None:
    ref = CommonsRef("title", "File:Bridge at dusk.jpg")
    meta = commons_api.extmetadata("Jane Doe", "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0")
    found = parse_imageinfo(commons_api.imageinfo(ref.value, meta, formatversion=formatversion), ref)
    assert found is not None
    values = {(e.field, e.value) for e in commons_evidence(found)}
    assert {("creator", "Jane Doe"), ("license", "CC BY-SA 4.0"), ("source", "Own work"),
            ("license_url", "https://creativecommons.org/licenses/by-sa/4.0"), ("attribution_required", "true"),
            ("source_url", "https://commons.wikimedia.org/wiki/File:Bridge_at_dusk.jpg")} <= values
    assert all(e.origin == "commons" and e.location == ref.value for e in commons_evidence(found))


def test_html_fields_are_reduced_to_text() -> None:
    hostile = '<b onmouseover="x()">Jane</b> <script>alert(1)</script><img src=x onerror=alert(2)> Doe &amp; Co'
    found = parse_imageinfo(answer(artist=hostile), CommonsRef("title", "File:Bridge at dusk.jpg"))
    assert found is not None
    creator = next(e.value for e in commons_evidence(found) if e.field == "creator")
    assert creator == "Jane Doe & Co"


def test_an_unknown_author_is_no_creator_claim() -> None:
    found = parse_imageinfo(answer(artist="Unknown author<br />"), CommonsRef("title", "File:Bridge at dusk.jpg"))
    assert found is not None
    assert "creator" not in {e.field for e in commons_evidence(found)}


def test_a_missing_file_is_none_and_an_api_error_names_the_file() -> None:
    ref = CommonsRef("title", "File:Nope.jpg")
    assert parse_imageinfo(commons_api.missing("File:Nope.jpg"), ref) is None
    with pytest.raises(InputError, match=r"Nope\.jpg.*error badvalue"):
        parse_imageinfo({"error": {"code": "badvalue", "info": "bad"}}, ref)


def test_allimages_by_sha1_gives_titles() -> None:
    ref = CommonsRef("sha1", SHA1)
    assert titles_by_sha1(commons_api.allimages(["File:Bridge.jpg"], SHA1), ref) == ["File:Bridge.jpg"]


def caption(text: str, catalog: Catalog) -> list[Evidence]:
    return [e for c in parse_credit(text, catalog) or [] for e in credit_to_evidence(c, "caption", "caption credit")]


def commons(catalog: Catalog, **kwargs: str) -> list[Evidence]:
    found = parse_imageinfo(answer(**kwargs), CommonsRef("title", "File:Bridge at dusk.jpg"))
    assert found is not None
    return commons_evidence(found)


CAPTION = "Photo by Jane Doe, via Wikimedia Commons. Licensed under CC BY-SA 4.0"
# (Commons answer, finding expected, finding not expected)
WEIGHING = [
    ({}, None, {"needs-verification", "conflicting-evidence"}),
    # Commons agrees with the caption: verified, nothing to check by hand
    ({"license_short": "CC BY-NC 2.0", "license_url": "https://creativecommons.org/licenses/by-nc/2.0/"},
     "conflicting-evidence", set()),  # Commons states another license
    ({"artist": "John Smith"}, "conflicting-evidence", set()),  # Commons names another creator
]


@pytest.mark.parametrize(("commons_answer", "expected", "absent"), WEIGHING)
def test_commons_weighs_against_the_caption(catalog: Catalog, commons_answer: dict[str, str], expected: str | None,
                                            absent: set[str]) -> None:
    item = check_evidence(caption(CAPTION, catalog) + commons(catalog, **commons_answer), catalog, label="x",
                          in_article=True)
    codes = {f.code: f.severity for f in item.findings}
    if expected:
        assert codes[expected] is Severity.ERROR
    assert not absent & set(codes)


def test_caption_alone_needs_verification(catalog: Catalog) -> None:
    item = check_evidence(caption(CAPTION, catalog), catalog, label="x", in_article=True)
    assert "needs-verification" in {f.code for f in item.findings}


def test_a_file_commons_does_not_have_needs_verification_saying_so(catalog: Catalog) -> None:
    evidence = caption(CAPTION, catalog) + not_found_evidence(CommonsRef("title", "File:Nope.jpg"))
    item = check_evidence(evidence, catalog, label="x", in_article=True)
    message = next(f.message for f in item.findings if f.code == "needs-verification")
    assert "Wikimedia Commons has no file for File:Nope.jpg" in message


def test_commons_alone_resolves_the_license_and_links_the_file_page(catalog: Catalog) -> None:
    item = check_evidence(commons(catalog), catalog, label="x")
    assert item.record.license is not None
    assert item.record.license.id == "CC-BY-SA-4.0"
    assert item.record.origins["license"] == "commons"
    assert item.record.source_url == "https://commons.wikimedia.org/wiki/File:Bridge_at_dusk.jpg"


def test_a_file_page_url_that_is_not_a_web_url_is_dropped() -> None:
    hostile = answer()
    hostile["query"]["pages"][0]["imageinfo"][0]["descriptionurl"] = "javascript:alert(1)"  # type: ignore[index]
    found = parse_imageinfo(hostile, CommonsRef("title", "File:Bridge at dusk.jpg"))
    assert found is not None
    assert "source_url" not in {e.field for e in commons_evidence(found)}
