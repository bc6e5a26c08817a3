"""Checking by URL through the one check flow: an article page and its images, an image,
a Commons file page, against a real server on 127.0.0.1."""

from __future__ import annotations

from typing import Any

import pytest

from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.check import CheckedFile
from provenance.io.commons import CommonsClient
from provenance.io.fetch import Fetcher, FetchPolicy
from provenance.io.fetch_rules import parse_allow
from provenance.io.url_check import check_url
from provenance.io.verify import Verifier
from tests.localserver import LocalServer, Reply
from tests.website import BRIDGE_SHA1, serve_site


@pytest.fixture
def site(local_server: LocalServer) -> LocalServer:
    serve_site(local_server)
    return local_server


def verifier(server: LocalServer, offline: bool = False) -> Verifier:
    fetcher = Fetcher(FetchPolicy(allow=parse_allow("127.0.0.1"), offline=offline, read_timeout=2.0))
    return Verifier(fetcher, CommonsClient(fetcher, api=server.url("/w/api.php")))


@pytest.fixture
def check(site: LocalServer, catalog: Catalog):  # type: ignore[no-untyped-def]
    def run(url: str, offline: bool = False, max_images: int = 12) -> CheckedFile:
        return check_url(url, catalog, UsageProfile(), verifier(site, offline), max_images)

    return run


def origins(checked: CheckedFile, number: int = 0) -> set[str]:
    return {e.origin for e in checked.items[number].evidence}


def codes(checked: CheckedFile, number: int = 0) -> set[str]:
    return {f.code for f in checked.items[number].findings}


def test_an_article_page_its_image_and_commons_by_sha1(check: Any, site: LocalServer) -> None:
    checked = check(site.url("/news/bridge.html"))
    assert (checked.error, checked.kind, len(checked.items)) == (None, "html", 1)
    assert {"caption", "xmp", "commons"} <= origins(checked)  # the caption, the image's XMP, Commons' answer
    assert not {"needs-verification", "conflicting-evidence"} & codes(checked)
    assert site.log[2].query["aisha1"] == [BRIDGE_SHA1]
    assert checked.matches["/img/bridge.jpg"].rule == "url"


def test_refused_and_wrong_images_are_problems_never_contacted(check: Any, site: LocalServer,
                                                              connects: list[str]) -> None:
    checked = check(site.url("/news/mixed.html"))
    assert len(checked.items) == 3
    assert any("169.254.169.254" in p and "link-local" in p for p in checked.problems)
    assert any("fake.jpg" in p and "declared image/jpeg but the bytes are html" in p for p in checked.problems)
    assert "169.254.169.254" not in connects
    assert "xmp" in origins(checked, 0)


def test_images_of_a_page_are_bounded_in_number(check: Any, site: LocalServer) -> None:
    checked = check(site.url("/news/gallery.html"), max_images=2)
    fetched = [p for p in site.paths() if p.startswith("/img/")]
    assert fetched == ["/img/0.jpg", "/img/1.jpg"]
    assert sum("only the first 2 images" in p for p in checked.problems) == 3


def test_an_image_url(check: Any, site: LocalServer) -> None:
    checked = check(site.url("/img/bridge.jpg"))
    assert (checked.kind, checked.image.format if checked.image else None) == ("image", "JPEG")
    assert ("image_src", site.url("/img/bridge.jpg")) in {(e.field, e.value) for e in checked.items[0].evidence}


def test_a_commons_file_page_is_checked_from_the_api(check: Any, site: LocalServer) -> None:
    checked = check("https://commons.wikimedia.org/wiki/File:Bridge_at_dusk.jpg")
    assert checked.kind == "commons"
    [item] = checked.items
    assert item.record.license is not None
    assert (item.record.license.id, item.record.creator) == ("CC-BY-SA-4.0", "Jane Doe")
    assert site.paths() == ["/w/api.php"]


@pytest.mark.parametrize("url", [
    "http://10.0.0.1/news.html",  # a private address
    "file:///etc/passwd",  # not http
])
def test_a_refused_url_is_an_error_result(check: Any, site: LocalServer, connects: list[str], url: str) -> None:
    checked = check(url)
    assert checked.error is not None
    assert checked.error.startswith(url)
    assert (connects, site.log) == ([], [])


def test_offline_fetches_nothing(check: Any, site: LocalServer) -> None:
    checked = check(site.url("/news/bridge.html"), offline=True)
    assert checked.error is not None
    assert "offline" in checked.error
    assert site.log == []


def test_a_page_image_cut_short_is_a_problem_not_a_source_of_rights(check: Any, site: LocalServer) -> None:
    """A page's JPEG that the server cuts short after its XMP: the page's check names the damage, as a file's
    check and an audit do, and takes none of the half file's rights."""
    from tests import samples
    from tests.localserver import Reply
    from tests.website import article, figure

    whole = samples.jpeg(samples.picture(640, 480, seed=23), xmp=samples.Xmp(
        creators=["Ines Fairweather"], rights={"x-default": "© Ines Fairweather. All rights reserved."}))
    site.routes["/img/cut.jpg"] = Reply(whole[: len(whole) // 2], content_type="image/jpeg")
    site.routes["/news/cut.html"] = Reply(article(figure("/img/cut.jpg", "The quay. Photo: Ines Fairweather")))
    checked = check(site.url("/news/cut.html"))
    assert any("cut.jpg" in p and "damaged or truncated" in p for p in checked.problems)
    assert "xmp" not in origins(checked)
    assert "permission-required" not in codes(checked)


def _legacy_page(caption: str, codec: str, meta: str = "") -> bytes:
    return (f"<html><head>{meta}<title>x</title></head><body><figure><img src='/img/none.jpg'>"
            f"<figcaption>{caption}</figcaption></figure></body></html>").encode(codec)


@pytest.mark.parametrize(("codec", "content_type", "meta", "caption", "creator"), [
    pytest.param("iso8859-2", "text/html; charset=ISO-8859-2", "", "Fot. Łukasz Żółwiński/PAP", "Łukasz Żółwiński",
                 id="ISO-8859-2 in the HTTP header alone"),
    pytest.param("cp1251", 'text/html;charset="windows-1251"', "", "Фото: Иван Петров/ТАСС", "Иван Петров",
                 id="windows-1251 quoted in the HTTP header alone"),
    # the HTTP charset comes before the page's own <meta>, as a browser reads it (the WHATWG order)
    pytest.param("cp1251", "text/html; charset=windows-1251", "<meta charset='iso-8859-2'>",
                 "Фото: Иван Петров/ТАСС", "Иван Петров", id="the HTTP charset before a meta that disagrees"),
    pytest.param("iso8859-2", "text/plain; charset=iso-8859-2", "", "Fot. Łukasz Żółwiński/PAP",
                 "Łukasz Żółwiński", id="a plain text page"),
])
def test_a_page_is_read_in_the_charset_its_http_header_names(check: Any, site: LocalServer, codec: str,
                                                             content_type: str, meta: str, caption: str,
                                                             creator: str) -> None:
    body = _legacy_page(caption, codec, meta) if content_type.startswith("text/html") else caption.encode(codec)
    site.routes["/cms/legacy"] = Reply(body=body, content_type=content_type)
    checked = check(site.url("/cms/legacy"))
    assert checked.error is None
    assert checked.items[0].record.creator == creator
    assert not any("guess" in p for p in checked.problems)


@pytest.fixture(scope="module")
def huge_png() -> bytes:
    """A PNG of 9,500 x 9,500 (90.25 million pixels, over Pillow's warning limit) of 90 KB: about 5 s of CPU
    and 90 MB to decode whole, which PNG needs even for a small picture."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (9_500, 9_500), 200).save(out, "PNG")
    return out.getvalue()


def test_a_huge_picture_of_a_page_or_an_upload_is_read_without_its_decode(check: Any, site: LocalServer,
                                                                          catalog: Catalog, huge_png: bytes,
                                                                          phash_decodes: list[int]) -> None:
    """A picture a check would decode whole past Pillow's warning limit is not decoded: its metadata is read, and
    a problem names it and its pixels; an URL check of a page of twelve such pictures took a minute of CPU."""
    from web.uploads import check_uploads

    site.routes["/img/huge.png"] = Reply(body=huge_png, content_type="image/png")
    site.routes["/news/huge.html"] = Reply(body=_legacy_page("Photo: Ines Fairweather", "utf-8").replace(
        b"/img/none.jpg", b"/img/huge.png"))
    said = "9500x9500, 90,250,000 pixels: over the limit of 89,478,485 a check decodes"
    page = check(site.url("/news/huge.html"))
    assert page.items[0].record.creator == "Ines Fairweather"
    assert any(p.startswith(site.url("/img/huge.png") + ": ") and said in p for p in page.problems)
    image = check(site.url("/img/huge.png"))
    assert image.error is None
    assert image.image is not None
    assert image.image.phash is None
    assert any(said in p for p in image.problems)
    [upload] = check_uploads([("huge.png", huge_png)], catalog, UsageProfile())
    assert any(said in p for p in upload.result()["image"]["problems"])
    assert phash_decodes == []
