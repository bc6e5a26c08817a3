"""HTML and Markdown articles in the shapes news sites use, down to records."""

from __future__ import annotations

import pytest

from provenance.catalog.load import Catalog
from provenance.check import CheckedArticle, check_article
from provenance.parse.articles import article_kind, find_images

HTML = """<!doctype html>
<html><head>
<title>Harbour town braces for storm | The Sample Times</title>
<meta name="author" content="Maria Berg">
<meta property="og:site_name" content="The Sample Times">
<link rel="canonical" href="https://news.example/2024/storm">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Harbour town braces for storm",
 "image": [{"@type": "ImageObject", "contentUrl": "https://news.example/img/harbour.jpg",
            "creator": {"@type": "Person", "name": "Jane Doe"}, "creditText": "Jane Doe/AP",
            "copyrightNotice": "© 2024 AP",
            "acquireLicensePage": "https://www.apimages.com/buy/123"},
           {"@type": "ImageObject", "contentUrl": "https://news.example/img/social.jpg",
            "creditText": "Photo: KCNA via Reuters"}],
 "publisher": {"@type": "Organization", "name": "The Sample Times"}}
</script>
</head><body><article>
<p class="byline">By Maria Berg</p>
<figure class="lead">
  <picture><source srcset="/img/harbour.webp 1x">
    <img src="/img/harbour.jpg" alt="Boats moored in the harbour"></picture>
  <figcaption><span class="caption-text">Boats moored in the harbour on Monday.</span>
    <span class="credit">Photograph: Jane Doe/AP</span></figcaption>
</figure>
<p>The storm is expected to reach the coast overnight.</p>
<div class="wp-caption alignnone"><img src="/wp-content/uploads/march.jpg" alt="">
  <p class="wp-caption-text">Protesters march to the town hall. (Reuters/John Smith)</p></div>
<figure><img src="/img/fans.jpg"><p class="image-copyright">Getty Images</p>
  <figcaption>Fans celebrate</figcaption></figure>
<div itemscope itemtype="https://schema.org/ImageObject">
  <img itemprop="contentUrl" src="/img/bridge.jpg" alt="Bridge">
  <span itemprop="creditText">Photo: Ana Ruiz/AFP</span>
  <a itemprop="license" href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>
</div>
<p><img class="lazy" data-src="/img/smoke.jpg" alt="Smoke"></p>
<noscript><img src="/img/smoke.jpg"></noscript>
<p class="caption">Smoke rises over the port. Photo: Petr Horak/Reuters</p>
<p>Officials urged residents to stay indoors.</p>
<img src="/img/chart.png" alt="Rainfall chart">
<figure><img src="/img/kim.jpg" alt="Kim Jong-un and Vladimir Putin">
<figcaption>North Korea people are welcoming Kim Jong-un and Vladimir Putin at Kim Il-sung square, January 2024.
[Photo by Office of the President of the Russian Federation / Kremlin.ru, via Wikimedia Commons. Licensed under
CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.en)]</figcaption></figure>
</article></body></html>"""

MARKDOWN = """# Flooding forces thousands from homes

By the sample desk

![Residents wade through a flooded street](images/flood.jpg "Flooded street")
*Residents wade through a flooded street. (AP Photo/Jana Novak)*

Rivers burst their banks across three countries over the weekend.

![Sandbags by the river](images/sandbags.jpg)

Volunteers fill sandbags. Photo: Petr Horak/Reuters

Authorities said water levels would peak on Tuesday.

![Map of the affected region](images/map.png)
"""


@pytest.fixture(scope="module")
def html_article(catalog: Catalog) -> CheckedArticle:
    return check_article(HTML, catalog, name="storm.html")


def _item(article: CheckedArticle, suffix: str):  # type: ignore[no-untyped-def]
    [item] = [i for i in article.items if i.src and i.src.endswith(suffix)]
    return item


def test_every_image_is_one_item(html_article: CheckedArticle) -> None:
    srcs = [i.src for i in html_article.items]
    assert srcs == [
        "/img/harbour.jpg", "/wp-content/uploads/march.jpg", "/img/fans.jpg", "/img/bridge.jpg",
        "/img/smoke.jpg", "/img/chart.png", "/img/kim.jpg", "https://news.example/img/social.jpg",
    ]  # as written; noscript duplicate dropped; the JSON-LD-only image is an item of its own, last


def test_figure_with_credit_span_and_jsonld(html_article: CheckedArticle) -> None:
    item = _item(html_article, "harbour.jpg")
    assert item.record.creator == "Jane Doe"
    assert item.record.organization == "AP"
    assert item.record.origins["creator"] == "caption"
    names = {(e.origin, e.name) for e in item.evidence}
    assert ("html", "figcaption") in names
    assert ("html", "span.credit") in names
    assert ("jsonld", "JSON-LD ImageObject.creator") in names
    assert ("jsonld", "JSON-LD ImageObject.copyrightNotice") in names
    assert ("jsonld", "JSON-LD ImageObject.acquireLicensePage") in names
    assert item.record.license is not None
    assert item.record.license.id == "LicenseRef-Agency"


def test_wordpress_caption(html_article: CheckedArticle) -> None:
    item = _item(html_article, "march.jpg")
    assert (item.record.creator, item.record.organization) == ("John Smith", "Reuters")


def test_copyright_paragraph_in_a_figure(html_article: CheckedArticle) -> None:
    item = _item(html_article, "fans.jpg")
    assert item.record.organization == "Getty Images"
    assert any(e.name == "p.image-copyright" for e in item.evidence)


def test_microdata_image_object(html_article: CheckedArticle) -> None:
    item = _item(html_article, "bridge.jpg")
    assert (item.record.creator, item.record.organization) == ("Ana Ruiz", "AFP")
    assert item.record.license is not None
    assert item.record.license.id == "CC-BY-SA-4.0"
    assert any(e.name == "microdata ImageObject.license" for e in item.evidence)


def test_caption_without_an_image_goes_to_the_nearest_image(html_article: CheckedArticle) -> None:
    item = _item(html_article, "smoke.jpg")  # lazy image, data-src
    assert (item.record.creator, item.record.organization) == ("Petr Horak", "Reuters")


def test_image_without_credit_is_flagged(html_article: CheckedArticle) -> None:
    item = _item(html_article, "chart.png")
    assert [f.code for f in item.findings] == ["missing-credit", "missing-license"]  # nothing names a license
    assert item.attribution is None


def test_seed_caption_in_a_figure(html_article: CheckedArticle) -> None:
    item = _item(html_article, "kim.jpg")
    assert item.record.creator == "Office of the President of the Russian Federation"
    assert item.record.organization == "Kremlin.ru"
    assert item.record.via == "Wikimedia Commons"
    assert item.record.license is not None
    assert item.record.license.id == "CC-BY-4.0"
    assert item.findings == ()


def test_jsonld_only_image(html_article: CheckedArticle) -> None:
    item = _item(html_article, "social.jpg")
    assert (item.record.organization, item.record.via) == ("KCNA", "Reuters")
    assert item.record.origins["organization"] == "jsonld"


def test_page_evidence_and_byline_is_not_a_credit(html_article: CheckedArticle) -> None:
    page = {e.field: e.value for e in html_article.page}
    assert page == {"page_title": "Harbour town braces for storm | The Sample Times", "byline": "Maria Berg",
                    "publisher": "The Sample Times", "canonical_url": "https://news.example/2024/storm"}
    creators = {i.record.creator for i in html_article.items}
    assert "Maria Berg" not in creators


def test_markdown_images_and_caption_lines(catalog: Catalog) -> None:
    article = check_article(MARKDOWN, catalog, name="flood.md")
    assert article.kind == "markdown"
    assert [i.src for i in article.items] == ["images/flood.jpg", "images/sandbags.jpg", "images/map.png"]
    flood, sandbags, chart = article.items
    assert (flood.record.creator, flood.record.organization) == ("Jana Novak", "AP")  # "AP Photo" is AP
    assert (sandbags.record.creator, sandbags.record.organization) == ("Petr Horak", "Reuters")
    assert [f.code for f in chart.findings] == ["missing-credit", "missing-license"]
    assert any(e.name == "markdown image title" and e.value == "Flooded street" for e in flood.evidence)
    assert {e.field: e.value for e in article.page} == {"page_title": "Flooding forces thousands from homes"}


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        ("a.html", "plain words", "html"),  # by suffix
        ("a.md", "plain words", "markdown"),  # by suffix
        ("a.mdx", "plain words", "markdown"),  # MDX is Markdown with components
        ("a.txt", "<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),  # by content
        ("upload", "<figure><img src=x></figure>", "html"),  # fragment by content
        ("a.txt", "Photo: Jane Doe/AP", "plain"),  # plain text
    ],
)
def test_article_kind(name: str, text: str, kind: str) -> None:
    assert article_kind(name, text) == kind


def test_html_without_images_falls_back_to_text_credits(catalog: Catalog) -> None:
    article = check_article("<html><body><p>Storm hits. Photo: Jane Doe/AP</p></body></html>", catalog,
                            name="x.html")
    [item] = article.items
    assert item.record.organization == "AP"


def test_unknown_jsonld_license_url_is_reported_not_used(catalog: Catalog) -> None:
    html = ('<figure><img src="/a.jpg"><figcaption>Photo: Jane Doe/AP</figcaption></figure>'
            '<script type="application/ld+json">{"@type": "ImageObject", "contentUrl": "/a.jpg",'
            ' "license": "https://licensing.example/terms/42"}</script>')
    [item] = check_article(html, catalog, name="x.html").items
    assert item.record.license is None
    assert item.record.license_url is None
    [finding] = [f for f in item.findings if f.code == "unknown-license"]
    assert "https://licensing.example/terms/42" in finding.message


def test_find_images_refuses_unknown_kind(catalog: Catalog) -> None:
    with pytest.raises(ValueError, match="kind"):
        find_images("x", "docx", catalog)


def test_jsonld_nested_past_the_json_readers_depth_is_skipped_not_a_crash(catalog: Catalog) -> None:
    """A JSON-LD block nested 100,000 deep made json.loads raise RecursionError, which lost the whole article
    (the check said only 'RecursionError'); now that block is skipped like one that is not JSON, and the
    rest of the page is read."""
    html = ('<figure><img src="/a.jpg"><figcaption>Photo: Jane Doe/AP</figcaption></figure>'
            '<script type="application/ld+json">' + '{"a": ' * 100_000 + "1" + "}" * 100_000 + "</script>"
            '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>")
    [item] = check_article(html, catalog, name="x.html").items
    assert item.record.creator == "Jane Doe"


def test_an_image_object_deep_in_jsonld_is_found(catalog: Catalog) -> None:
    """Whatever depth the JSON reader takes, the walk for ImageObjects takes too (its own stack, no recursion)."""
    depth = 400
    html = ('<img src="/a.jpg"><script type="application/ld+json">' + '{"x": [' * depth
            + '{"@type": "ImageObject", "contentUrl": "/a.jpg", "creditText": "Photo: Jane Doe/AP"}'
            + "]}" * depth + "</script>")
    [item] = check_article(html, catalog, name="x.html").items
    assert item.record.creator == "Jane Doe"


def test_microdata_items_nested_in_each_other_keep_their_own_properties(catalog: Catalog) -> None:
    """A property belongs to the nearest item around it: the outer ImageObject's creator is not the inner's."""
    html = ('<div itemscope itemtype="https://schema.org/ImageObject"><img src="/a.jpg" itemprop="contentUrl">'
            '<span itemprop="creator">Ann Lee</span>'
            '<div itemscope itemtype="https://schema.org/ImageObject"><img src="/b.jpg" itemprop="contentUrl">'
            '<span itemprop="creator">Bo Chan</span></div></div>')
    items = {item.src: item for item in check_article(html, catalog, name="x.html").items}
    assert items["/a.jpg"].record.creator == "Ann Lee"
    assert items["/b.jpg"].record.creator == "Bo Chan"
