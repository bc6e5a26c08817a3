"""Figures inside figures: each picture is credited by its own figure. A figure reads its own figcaption, credit
elements and text; what a figure nested in it holds is the nested figure's picture's when that figure holds a
picture of its own (a gallery's figure of each image, a figure nested in another), and is passed over. A gallery's
own caption still credits its images that have none of their own. Also: a credit element inside a long one is
read, and the HTML reader's answers stay the same where only its speed changed (the tree builder's linking)."""

from __future__ import annotations

import random
import warnings

import pytest
from bs4 import BeautifulSoup
from bs4.element import PageElement

from provenance.catalog.load import Catalog
from provenance.check import check_article
from provenance.parse.articles import find_images
from provenance.parse.html_parser import parse_html

INNER = '<figure><img src="/u/bay.jpg"><figcaption>Photo: Bo Lind/AP</figcaption></figure>'
OUTER_CAPTION = "<figcaption>Photo: Ann Lee/Reuters</figcaption>"

# (article, the creator and organization of each picture by its address)
NESTED = [
    # the outer figure's picture first, the nested figure, then the outer figure's own caption
    (f'<figure><img src="/u/dam.jpg">{INNER}{OUTER_CAPTION}</figure>',
     {"/u/dam.jpg": ("Ann Lee", "Reuters"), "/u/bay.jpg": ("Bo Lind", "AP")}),
    # the nested figure first: its caption was the first figcaption of the outer figure, taken for the outer
    # picture's (and the outer's own read as 'figure text' behind it)
    (f'<figure>{INNER}<img src="/u/dam.jpg">{OUTER_CAPTION}</figure>',
     {"/u/dam.jpg": ("Ann Lee", "Reuters"), "/u/bay.jpg": ("Bo Lind", "AP")}),
    # the outer caption before the nested figure
    (f'<figure><img src="/u/dam.jpg">{OUTER_CAPTION}{INNER}</figure>',
     {"/u/dam.jpg": ("Ann Lee", "Reuters"), "/u/bay.jpg": ("Bo Lind", "AP")}),
    # the nested figure's credit element is its picture's, not the outer picture's, which has none
    ('<figure><img src="/u/dam.jpg"><figure><img src="/u/bay.jpg"><small>Bo Lind/AP</small></figure></figure>',
     {"/u/dam.jpg": (None, None), "/u/bay.jpg": ("Bo Lind", "AP")}),
    # … nor its text outside a caption
    ('<figure><img src="/u/dam.jpg"><figure><img src="/u/bay.jpg"><p>Photo: Bo Lind/AP</p></figure></figure>',
     {"/u/dam.jpg": (None, None), "/u/bay.jpg": ("Bo Lind", "AP")}),
    # a gallery's caption still credits its images with no caption of their own, and not the one with its own
    ('<figure class="wp-block-gallery"><figure><img src="/u/dam.jpg"></figure>' + INNER
     + "<figcaption>Photos: Ann Lee/Reuters</figcaption></figure>",
     {"/u/dam.jpg": ("Ann Lee", "Reuters"), "/u/bay.jpg": ("Bo Lind", "AP")}),
    # a figure nested with no picture of its own (a wrapper of the caption) is still read as the outer figure's
    ('<figure><img src="/u/dam.jpg"><figure class="caption-box"><figcaption>Photo: Ann Lee/Reuters</figcaption>'
     "</figure></figure>", {"/u/dam.jpg": ("Ann Lee", "Reuters")}),
    # three deep, each with its caption after the figure it holds
    ('<figure><img src="/u/a.jpg"><figure><img src="/u/b.jpg"><figure><img src="/u/c.jpg">'
     "<figcaption>Photo: Cy Ray/EPA</figcaption></figure><figcaption>Photo: Bo Lind/AP</figcaption></figure>"
     f"{OUTER_CAPTION}</figure>",
     {"/u/a.jpg": ("Ann Lee", "Reuters"), "/u/b.jpg": ("Bo Lind", "AP"), "/u/c.jpg": ("Cy Ray", "EPA")}),
]


@pytest.mark.parametrize(("article", "credits"), NESTED)
def test_each_picture_of_nested_figures_has_its_own_figures_credit(catalog: Catalog, article: str,
                                                                    credits: dict[str, tuple[str | None, str | None]]
                                                                    ) -> None:
    items = check_article(f"<html><body>{article}</body></html>", catalog, name="story.html").items
    assert {item.src: (item.record.creator, item.record.organization) for item in items} == credits


def test_an_outer_picture_gets_no_evidence_of_a_nested_figure(catalog: Catalog) -> None:
    """The evidence itself, not only the credit read from it: nothing of the nested figure's caption."""
    article = find_images(f'<figure>{INNER}<img src="/u/dam.jpg">{OUTER_CAPTION}</figure>', "html", catalog)
    evidence = {image.src: [(e.field, e.value) for e in image.evidence if e.field != "image_src"]
                for image in article.images}
    assert evidence == {"/u/bay.jpg": [("caption", "Photo: Bo Lind/AP")],
                        "/u/dam.jpg": [("caption", "Photo: Ann Lee/Reuters")]}


@pytest.mark.parametrize("depth", [3, 40])
def test_nested_figures_each_with_its_caption_give_each_picture_its_own(catalog: Catalog, depth: int) -> None:
    """n figures nested n deep, each with its picture and its caption after the figures it holds."""
    article = "".join(f'<figure><img src="/u/{i}.jpg">' for i in range(depth)) + "".join(
        f"<figcaption>Photo: Ann Lee{i}/AP</figcaption></figure>" for i in reversed(range(depth)))
    images = find_images(article, "html", catalog).images
    assert [[e.value for e in image.evidence if e.field == "caption"] for image in images] == \
        [[f"Photo: Ann Lee{i}/AP"] for i in range(depth)]


# (a figure's caption holding credit elements, what is read as credit_text from them)
HOLDERS = [
    # a short credit element holding another: both read, as before
    ('<span class="credit">Photo: <cite>Ann Lee</cite>/AP</span>', ["Photo: Ann Lee /AP", "Ann Lee"]),
    # a long caption element (prose) holding the credit element: the credit element is read, the prose is not
    ('<div class="caption">' + "The dam at Orrin rose again this spring. " * 20
     + '<span class="credit">Photo: Ann Lee/AP</span></div>', ["Photo: Ann Lee/AP"]),
    # a long credit element holding none: read whole, as before
    ('<div class="caption">' + "The dam at Orrin rose again this spring. " * 20 + "</div>",
     ["The dam at Orrin rose again this spring. " * 19 + "The dam at Orrin rose again this spring."]),
]


@pytest.mark.parametrize(("inside", "read"), HOLDERS)
def test_a_credit_element_holding_another_is_read_when_short(catalog: Catalog, inside: str, read: list[str]) -> None:
    [image] = find_images(f'<figure><img src="/u/dam.jpg"><figcaption>{inside}</figcaption></figure>', "html",
                          catalog).images
    assert [e.value for e in image.evidence if e.field == "credit_text"] == read


def test_a_microdata_property_holding_a_long_item_is_not_read_as_text(catalog: Catalog) -> None:
    """A property whose text holds another item is read when short ('The dam, by <Person>Ann Lee</Person>');
    a long one is no caption (items nested in each other's captions were n² text)."""
    item = '<div itemscope itemtype="https://schema.org/ImageObject"><meta itemprop="contentUrl" content="/u/{0}.jpg">'
    person = '<span itemprop="author" itemscope itemtype="https://schema.org/Person">Ann Lee</span>'
    short = item.format("dam") + f'<span itemprop="caption">The dam, by {person}</span></div><img src="/u/dam.jpg">'
    long = item.format("bay") + '<span itemprop="caption">' + "The bay. " * 300 + f"{person}</span></div>" \
        + '<img src="/u/bay.jpg">'
    for article, caption in ((short, ["The dam, by Ann Lee"]), (long, [])):
        [image] = find_images(article, "html", catalog).images
        assert [e.value for e in image.evidence if e.field == "description"] == caption


# the pieces of random pages: the tree builder's linking of every node is compared with BeautifulSoup's own
PIECES = ["<div>", "</div>", "<p>", "</p>", "<br>", "<img src=a>", "</img>", "<a href=x>", "</a>", "x", " ", "<b>",
          "</b>", "<figure>", "</figure>", "<figcaption>", "<!-- c -->", "<script>", "</script>", "<table>", "<td>",
          "<li>", "<ul>", "</ul>", "&amp;", "<br/>", "<span>", "</span>", "<![CDATA[x]]>", "<!doctype html>", "<body>",
          "</body>", "<?pi x?>", "<textarea>", "</textarea>", "<", ">", "\n"]


def _links(soup: BeautifulSoup) -> list[tuple[object, ...]]:
    nodes: list[PageElement] = [soup, *soup.descendants]
    at = {id(node): index for index, node in enumerate(nodes)}

    def place(node: PageElement | None) -> int | None:
        return None if node is None else at.get(id(node), -1)

    return [(type(node).__name__ if node is not soup else "soup", str(getattr(node, "name", None) or node)[:20],
             place(node.next_element), place(node.previous_element), place(node.next_sibling),
             place(node.previous_sibling), place(node.parent)) for node in nodes]


def test_the_tree_builder_links_every_node_as_beautifulsoups_own() -> None:
    """html_parser leaves out BeautifulSoup's climb for an ancestor's next sibling where it finds none: every
    node's next and previous element, siblings and parent are the same on random pages."""
    rng = random.Random(11)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(400):
            text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 60)))
            assert _links(parse_html(text)) == _links(BeautifulSoup(text, "html.parser")), text
