"""HTML fields reduced to text, and a '<![' the standard library's parser would stop on."""

from __future__ import annotations

import pytest

from provenance.catalog.load import Catalog
from provenance.check import check_article
from provenance.parse.htmltext import escape_stray_sections, html_to_text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ('<a href="https://x.example/u/jd">Jane &amp; John</a>', "Jane & John"),  # a Commons Artist link
        ("Jane <![a](b.jpg) Doe", "Jane <![a](b.jpg) Doe"),  # a Markdown image after '<': text, not an error
        ("x <![CDATA[y]]> z", "x z"),  # a marked section the parser knows is still one
        ("<![if !IE]>Jane<![endif]>", "Jane"),  # conditional comments too
        ("<![cdatax y", "<![cdatax y"),  # a keyword's look-alike is text
        ("<![ 5", "<![ 5"),  # no name at all
        ("<![", "<!["),  # at the very end
    ],
)
def test_html_to_text(value: str, text: str) -> None:
    assert html_to_text(value) == text


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ("<![a](b.jpg)", "&lt;![a](b.jpg)"),  # unknown keyword
        ("<![CDATA[x]]>", "<![CDATA[x]]>"),  # known, any case
        ("<![Include[x]]>", "<![Include[x]]>"),  # known, mixed case
        ("plain text", "plain text"),  # nothing to do
    ],
)
def test_escape_stray_sections(value: str, escaped: str) -> None:
    assert escape_stray_sections(value) == escaped


def test_an_html_article_with_a_stray_section_is_read(catalog: Catalog) -> None:
    """The fuzzer's case: '<' then a Markdown image in an HTML page stopped the whole page with an error."""
    html = ('<p>See <![map](map.png) below.</p><figure><img src="/a.jpg">'
            "<figcaption>Photo: Jane Doe/AP</figcaption></figure>")
    [item] = check_article(html, catalog, name="x.html").items
    assert (item.record.creator, item.record.organization) == ("Jane Doe", "AP")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Photo: <b>Jane Doe</b> <![ x]> / AP (CC BY 4.0)", "plain"),  # inline HTML in a plain-text caption
        ("Photo: <b>Jane Doe</b> <![if-> / AP (CC BY 4.0)", "markdown"),  # a keyword's look-alike
        ("<![doctype > Photo: Jane Doe/AP", "plain"),  # a declaration written as a section
    ],
)
def test_a_caption_with_a_stray_section_is_read(catalog: Catalog, text: str, kind: str) -> None:
    """Inline markup in a caption goes through the same parser: a stray '<![' is text there too."""
    items = check_article(text, catalog, name="x.txt", kind=kind).items
    assert [item.record.organization for item in items] == ["AP"]


def test_a_page_that_parses_keeps_its_scripts_as_written(catalog: Catalog) -> None:
    """Escaping happens only when the parser stops: JSON-LD in a script reads no entities, so an escaped
    '<![' there would be read as '&lt;!['."""
    html = ('<script type="application/ld+json">{"@type": "ImageObject", "contentUrl": "/a.jpg",'
            ' "creditText": "Jane <![x] Doe/AP"}</script><img src="/a.jpg">')
    [item] = check_article(html, catalog, name="x.html").items
    assert any(e.value == "Jane <![x] Doe/AP" for e in item.evidence)
