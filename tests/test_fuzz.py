"""Property tests over hostile input (hypothesis, bounded for CI): the license resolver, each
metadata decoder, the article readers and the zip walker raise only the project's own errors
(ProvenanceError), never another exception, whatever bytes or text they are given."""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance.catalog.licenses import resolve_license
from provenance.catalog.load import Catalog, load_catalog
from provenance.check import check_article
from provenance.errors import ProvenanceError
from provenance.io.archive import classify, open_archives, read_entry, walk_archive
from provenance.metadata.c2pa import c2pa_evidence
from provenance.metadata.exif import exif_evidence
from provenance.metadata.iptc import iptc_evidence
from provenance.metadata.png import png_text_evidence
from provenance.metadata.text import decode_bytes, decode_iptc, decode_user_comment, decode_utf16_tag
from provenance.metadata.xmp import xmp_evidence
from provenance.model import Status
from provenance.parse.articles import find_images
from provenance.parse.htmltext import html_to_text
from provenance.parse.markup import flatten

EXAMPLES = int(os.environ.get("PROVENANCE_FUZZ_EXAMPLES", "150"))  # more with PROVENANCE_FUZZ_EXAMPLES
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CATALOG: Catalog = load_catalog()

# Text with the characters hostile input favours: controls, direction marks, look-alikes, markup.
HOSTILE_ALPHABET = st.sampled_from(list("CcBbYySsAa04.O-/ ()<>[]!*_\"'&;:=#\n\t") +
                                   ["\u202e", "\u2066", "\u200b", "\ufeff", "\x1b", "\x00", "С", "О", "４", "\ud7ff"])
HOSTILE_TEXT = st.one_of(st.text(max_size=300), st.text(HOSTILE_ALPHABET, max_size=300))


def only_our_errors(call: Callable[[], object]) -> None:
    try:
        call()
    except ProvenanceError:
        pass


@FUZZ
@given(text=HOSTILE_TEXT, url=st.one_of(st.none(), HOSTILE_TEXT, st.just("https://creativecommons.org/x/4.0/")))
def test_license_resolver(text: str, url: str | None) -> None:
    resolution = resolve_license(CATALOG, text, url)
    assert resolution.status in Status


@FUZZ
@given(alias=st.sampled_from(sorted(CATALOG.license_keys)), at=st.integers(0, 40),
       spoiler=st.sampled_from(["\u200b", "\u200d", "\ufeff"]))
def test_a_zero_width_character_inside_a_license_name_never_resolves(alias: str, at: int, spoiler: str) -> None:
    if not any(c.isalnum() for c in alias) or " " not in alias:
        return
    spoiled = alias[:at % len(alias)] + spoiler + alias[at % len(alias):]
    assert resolve_license(CATALOG, spoiled).status is not Status.EXACT


TAG_VALUES = st.one_of(st.binary(max_size=200), st.text(max_size=200), st.integers(), st.none(),
                       st.tuples(st.integers(0, 255), st.integers(0, 255)), st.floats())
EXIF_TAGS = st.sampled_from([0x010E, 0x013B, 0x8298, 0x9286, 0x9C9D, 0x9C9B, 0x9C9C, 0x0131, 0x1234])


@FUZZ
@given(ifd0=st.dictionaries(EXIF_TAGS, TAG_VALUES, max_size=6), exif=st.dictionaries(EXIF_TAGS, TAG_VALUES, max_size=3),
       big=st.booleans())
def test_exif_decoder(ifd0: dict[int, Any], exif: dict[int, Any], big: bool) -> None:
    only_our_errors(lambda: exif_evidence(ifd0, exif, big))


IPTC_KEYS = st.tuples(st.sampled_from([1, 2]), st.sampled_from([0, 5, 80, 90, 105, 110, 115, 116, 120]))


@FUZZ
@given(datasets=st.dictionaries(IPTC_KEYS, st.one_of(st.binary(max_size=100), st.lists(st.binary(max_size=50),
                                                                                          max_size=3)), max_size=8))
def test_iptc_decoder(datasets: dict[tuple[int, int], Any]) -> None:
    only_our_errors(lambda: iptc_evidence(datasets))


@FUZZ
@given(info=st.dictionaries(st.sampled_from(["Author", "Copyright", "Title", "Comment", "Source", "x", "dpi"]),
                            TAG_VALUES, max_size=5))
def test_png_text_decoder(info: dict[str, Any]) -> None:
    only_our_errors(lambda: png_text_evidence(info))


XML_PIECES = st.sampled_from(['<x:xmpmeta xmlns:x="adobe:ns:meta/">', "</x:xmpmeta>",
                              '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', "</rdf:RDF>",
                              '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">', "</rdf:Description>",
                              "<dc:creator><rdf:Seq><rdf:li>", "</rdf:li></rdf:Seq></dc:creator>", "<!DOCTYPE x [",
                              '<!ENTITY a "aaaa">', "&a;", "]>", "Jane \u202e", "<rdf:li xml:lang='x-default'>",
                              "</rdf:li>", "<", ">", "&", "\x00"])


@FUZZ
@given(packet=st.one_of(st.binary(max_size=300), st.lists(XML_PIECES, max_size=20).map("".join)))
def test_xmp_decoder(packet: bytes | str) -> None:
    only_our_errors(lambda: xmp_evidence(packet))


JSON = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=30)),
                    lambda inner: st.one_of(st.lists(inner, max_size=4),
                                            st.dictionaries(st.sampled_from(
                                                ["title", "assertions", "ingredients", "label", "data", "author",
                                                 "name", "actions", "action", "signature_info", "issuer",
                                                 "claim_generator", "digitalSourceType", "relationship"]),
                                                inner, max_size=5)), max_leaves=20)


@FUZZ
@given(manifest=st.one_of(st.none(), st.dictionaries(st.sampled_from(["title", "assertions", "ingredients",
                                                                       "signature_info", "claim_generator"]),
                                                      JSON, max_size=5)),
       state=st.sampled_from(["Trusted", "Valid", "Invalid", "none", "", "weird"]),
       failures=st.lists(st.text(max_size=20), max_size=3))
def test_c2pa_decoder(manifest: dict[str, Any] | None, state: str, failures: list[str]) -> None:
    only_our_errors(lambda: c2pa_evidence(manifest, state, failures))


@FUZZ
@given(data=st.binary(max_size=300), charset=st.one_of(st.none(), st.binary(max_size=8)), big=st.booleans())
def test_text_decoders(data: bytes, charset: bytes | None, big: bool) -> None:
    for call in (lambda: decode_bytes(data), lambda: decode_iptc(data, charset),
                 lambda: decode_user_comment(data, big), lambda: decode_utf16_tag(data)):
        only_our_errors(call)


MARKUP = st.sampled_from(["<figure>", "</figure>", "<img src='a.jpg' alt='x'>", "<figcaption>", "</figcaption>",
                          "<p>", "</p>", "<div>", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "]]>",
                          "Photo: Jane Doe/AP", " (CC BY 4.0) ", "![a](b.jpg)", "\n\n", "*Credit: X*", "&amp;",
                          "&#x202e;", "<meta property='og:title' content='t'>", "<a href='https://x'>", "</a>",
                          '<script type="application/ld+json">{"creator": [', "]}", "\u202e", "\x00",
                          # links, icons and titles around pictures (provenance.parse.html, .markdown)
                          '<a title="X, CC BY 4.0" href="https://commons.wikimedia.org/wiki/File:a.jpg">',
                          '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">',
                          '<span property="dct:title">', "</span>", '<span class="credit">', "Image source, ",
                          '{{< figure src="a.jpg" attr="X" attrlink="https://x" caption="Photo: Y/AP" >}}',
                          "{{% figure ", ' attr=`Z` %}}', '[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)',
                          '"Title" <https://www.flickr.com/photos/x/1> by '])


@FUZZ
@given(pieces=st.lists(st.one_of(MARKUP, st.text(max_size=20)), max_size=40),
       kind=st.sampled_from(["html", "markdown", "plain"]))
def test_article_readers(pieces: list[str], kind: str) -> None:
    only_our_errors(lambda: find_images("".join(pieces), kind, CATALOG))
    only_our_errors(lambda: check_article("".join(pieces), CATALOG, kind=kind))  # derived evidence too


@FUZZ
@given(pieces=st.lists(st.one_of(MARKUP, st.text(max_size=20)), max_size=40))
def test_inline_markup_and_html_fields(pieces: list[str]) -> None:
    """A caption's inline HTML and Markdown (flatten) and an HTML field reduced to text (Commons)."""
    text = "".join(pieces)
    only_our_errors(lambda: flatten(text))
    only_our_errors(lambda: html_to_text(text))


def _valid_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a/story.txt", "Photo: Jane Doe/AP " * 20)
        archive.writestr("a/b/photo.jpg", b"\xff\xd8\xff" + bytes(range(256)) * 4)
        archive.writestr("c.md", "![x](a/b/photo.jpg)\n*Photo: X*")
    return out.getvalue()


VALID_ZIP = _valid_zip()


@FUZZ
@given(flips=st.lists(st.tuples(st.integers(0, len(VALID_ZIP) - 1), st.integers(0, 255)), min_size=1, max_size=8),
       cut=st.one_of(st.none(), st.integers(0, len(VALID_ZIP))))
def test_zip_walker(flips: list[tuple[int, int]], cut: int | None) -> None:
    data = bytearray(VALID_ZIP)
    for at, value in flips:
        data[at] = value
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed.zip"
        path.write_bytes(bytes(data[:cut]))
        only_our_errors(lambda: _walk_everything(path))


def _walk_everything(path: Path) -> None:
    with open_archives():
        for entry in walk_archive(path):
            for call in (lambda: classify(entry), lambda: read_entry(entry)):  # noqa: B023 - used at once
                only_our_errors(call)


@pytest.mark.parametrize("data", [b"", b"PK\x05\x06" + b"\x00" * 18, b"PK\x03\x04" * 10],
                         ids=["empty", "an empty central directory", "local headers and nothing else"])
def test_zip_walker_on_degenerate_files(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "odd.zip"
    path.write_bytes(data)
    only_our_errors(lambda: _walk_everything(path))
