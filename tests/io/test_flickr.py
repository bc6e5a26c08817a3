"""Flickr photo pages, served by a local server under the name www.flickr.com (the
resolver points it at 127.0.0.1): the license from the page's structured data."""

from __future__ import annotations

import pytest

from provenance.catalog.load import Catalog
from provenance.check import check_evidence
from provenance.io.fetch import Fetcher, FetchPolicy
from provenance.io.fetch_rules import parse_allow
from provenance.io.flickr import flickr_pages_evidence
from provenance.metadata.flickr import flickr_evidence, is_photo_page
from provenance.model import Evidence, Severity
from provenance.parse.credits import parse_credit
from provenance.resolve.evidence import credit_to_evidence
from tests.localserver import LocalServer, Reply

BY = "https://creativecommons.org/licenses/by/2.0/"
NC = "https://creativecommons.org/licenses/by-nc/2.0/"


def page(license_url: str | None = BY, jsonld: bool = True) -> bytes:
    link = f'<a rel="license cc:license" href="{license_url}">Some rights reserved</a>' if license_url else ""
    data = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "ImageObject", '
            '"author": {"@type": "Person", "name": "Tomasz Wrobel"}}</script>') if jsonld else ""
    return f"<!DOCTYPE html><html><head><title>Harbour</title>{data}</head><body>{link}</body></html>".encode()


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.flickr.com/photos/tomwrobel/53012345678/", True),  # a photo page
    ("https://flickr.com/photos/tomwrobel/53012345678/in/album-1/", True),  # in an album
    ("https://www.flickr.com/photos/tomwrobel/", False),  # the photographer's stream, not a photo
    ("https://www.flickr.com.evil.example/photos/a/1/", False),  # a look-alike host
])
def test_is_photo_page(url: str, expected: bool) -> None:
    assert is_photo_page(url) is expected


def test_reads_the_license_and_creator_from_structured_data() -> None:
    found = {(e.field, e.value) for e in flickr_evidence(page().decode(), "https://www.flickr.com/photos/t/1/")}
    assert {("license_url", BY), ("creator", "Tomasz Wrobel")} <= found


def fetcher(server: LocalServer, offline: bool = False) -> Fetcher:
    policy = FetchPolicy(allow=parse_allow("127.0.0.1"), offline=offline, read_timeout=2.0)
    return Fetcher(policy, resolver=lambda host, port: ["127.0.0.1"] if host == "www.flickr.com" else [])


def caption(text: str, server: LocalServer, catalog: Catalog) -> list[Evidence]:
    credits = parse_credit(text, catalog) or []
    link = Evidence("source_url", f"http://www.flickr.com:{server.port}/photos/tomwrobel/53012345678/", "html",
                    "figure link")
    return [e for c in credits for e in credit_to_evidence(c, "caption", "caption credit")] + [link]


# (the page's license link, finding expected, findings not expected)
PAGES = [
    (BY, None, {"needs-verification", "conflicting-evidence"}),  # the page confirms the caption's CC BY 2.0
    (NC, "conflicting-evidence", set()),  # the page says CC BY-NC 2.0
    (None, "needs-verification", {"conflicting-evidence"}),  # the page states no license
]


@pytest.mark.parametrize(("license_url", "expected", "absent"), PAGES)
def test_a_flickr_page_weighs_against_the_caption(local_server: LocalServer, catalog: Catalog,
                                                  license_url: str | None, expected: str | None,
                                                  absent: set[str]) -> None:
    local_server.routes["/photos/tomwrobel/53012345678/"] = Reply(page(license_url))
    evidence = caption("Photo by Tomasz Wrobel, via Flickr. Licensed under CC BY 2.0", local_server, catalog)
    evidence += flickr_pages_evidence(fetcher(local_server), evidence)
    item = check_evidence(evidence, catalog, label="x", in_article=True)
    codes = {f.code: f for f in item.findings}
    assert local_server.log[0].headers["host"] == f"www.flickr.com:{local_server.port}"
    if expected:
        assert codes[expected].severity in (Severity.ERROR, Severity.WARNING)
    if license_url is None:
        assert "states no license in its structured data" in codes["needs-verification"].message
    assert not absent & set(codes)


def test_offline_fetches_no_flickr_page(local_server: LocalServer, catalog: Catalog) -> None:
    evidence = caption("Photo by Tomasz Wrobel, via Flickr. Licensed under CC BY 2.0", local_server, catalog)
    assert flickr_pages_evidence(fetcher(local_server, offline=True), evidence) == []
    assert local_server.log == []
