"""Images and their evidence in an HTML article, read with BeautifulSoup."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag
from bs4.exceptions import ParserRejectedMarkup

from provenance.catalog.licenses import is_license_url
from provenance.catalog.load import Catalog
from provenance.errors import InputError
from provenance.model import LINKED_FIELDS, Evidence
from provenance.parse.article_types import Article, ImageRef, nearest
from provenance.parse.credit_fields import find_license_text
from provenance.parse.credits import parse_credit
from provenance.parse.html_figures import FIGURE_TEXT, caption_evidence, describe, is_credit_element, with_links
from provenance.parse.html_parser import parse_html
from provenance.parse.html_pictures import (
    IMAGE_TAGS,
    Siblings,
    background_src,
    held,
    image_src,
    is_picture,
    pictures,
)
from provenance.parse.html_schema import attach_schema
from provenance.parse.html_tree import Tree, text_outside
from provenance.parse.htmltext import escape_stray_sections
from provenance.parse.shortcodes import expand_captions
from provenance.parse.urls import is_link_address

FIGURE_LIKE = re.compile(r"(?i)(?:^|[-_ ])(?:wp-caption|caption|figure|photo|image|media)(?:$|[-_ ])")
BLOCKS = ("p", "div", "small", "cite", "span", "li", "em", "figcaption")


def read_soup(text: str) -> BeautifulSoup:
    """The page's tree (html.parser). A '<![' that opens no marked section the parser knows stops it;
    such a page is read again with those escaped as text (only then: inside a script, where the
    parser reads no entities, an escaped '<![' would read as '&lt;![')."""
    try:
        return parse_html(text)
    except ParserRejectedMarkup:
        pass
    try:
        return parse_html(escape_stray_sections(text))
    except ParserRejectedMarkup as exc:
        raise InputError("the HTML", f"the HTML parser refused it ({str(exc).splitlines()[-1].strip()})") from None


@dataclass
class _Page:
    """A page being read: its tree, the pictures each element holds, and what was read once for all the
    images that share it (by element)."""

    tree: Tree
    counts: dict[int, int]  # the pictures each element holds
    catalog: Catalog
    captions: dict[int, list[Evidence]] = field(default_factory=dict)  # a figure's caption evidence
    attributes: dict[int, list[Evidence]] = field(default_factory=dict)  # an element's data-attribute captions
    linked: dict[tuple[str, int, str, str], list[Evidence]] = field(default_factory=dict)  # _with_links's answers
    boxes: dict[int, Tag | None] = field(default_factory=dict)  # the outermost caption box from an element up
    galleries: dict[int, Tag | None] = field(default_factory=dict)  # a figure's own figcaption
    # the figures a figure holds right inside it (no figure between) that hold pictures of their own
    inner: dict[int, list[Tag]] = field(default_factory=dict)
    holders: dict[int, Tag | None] = field(default_factory=dict)  # the nearest data-captioned element from one up
    siblings: Siblings = field(default_factory=Siblings)  # each image's <source> and <noscript> beside it


def read_html(text: str, catalog: Catalog) -> Article:
    soup = read_soup(expand_captions(text))
    everything = soup.find_all(True)
    order = {id(tag): index for index, tag in enumerate(everything)}
    base = _canonical(soup)
    shown = pictures(soup)
    page = _Page(Tree(soup), held(soup, {id(p) for p in shown}), catalog)
    kept = [img for img in shown if not _is_badge(img, page)]
    page.inner = _inner_figures([e for e in everything if e.name == "figure"], held(soup, {id(i) for i in kept}),
                                page.tree)
    images = [_image(img, order[id(img)], base, page) for img in kept]
    _attach_orphan_credits(soup, images, order, page)
    attach_schema(soup, images, base, order, page.tree)
    about = _page_evidence(soup, base, page.tree)
    return Article(kind="html", images=images, page=about, text=soup.get_text("\n") if images else _markup_only(soup))


def _markup_only(soup: BeautifulSoup) -> str:
    """A page with no image, for its credits to be read as a pasted fragment's are (provenance.parse.markup):
    its markup, so that a link's address follows its text and inline elements stay in their line ('Photo by
    <a …>Anna Berg</a> on <a …>Unsplash</a>'), without what no reader sees (scripts, styles, the head) and
    without embedded content (a video's iframe, an object, an SVG): a fragment keeps it as literal text, and an
    embedded YouTube player was read as a credit ('src', via YouTube)."""
    for hidden in soup.find_all(("head", "script", "style", "noscript", "template", "iframe", "object", "embed",
                                 "svg", "video", "audio", "canvas")):
        hidden.decompose()
    return str(soup)


def _inner_figures(figures: list[Tag], pictured: dict[int, int], tree: Tree) -> dict[int, list[Tag]]:
    """For each figure, the figures right inside it (no figure between) that hold a picture of the article: what
    they hold is their pictures' (a gallery's figure of each image, a figure nested in another), which the figure
    around them does not read as its own caption, credit or text. One pass: each figure is listed once, under the
    nearest figure around it."""
    inner: dict[int, list[Tag]] = {}
    for figure in figures:
        outer = tree.ancestor(figure, "figure")
        if outer is not None and pictured.get(id(figure), 0) > 0:
            inner.setdefault(id(outer), []).append(figure)
    return inner


def _is_badge(img: Tag, page: _Page) -> bool:
    """An icon of a caption, not a picture of the article: an image inside a figcaption (Openverse's
    snippet ends with the license's icons), or the badge of a link to a license ('<a rel="license"
    href="https://creativecommons.org/licenses/by/4.0/"><img src="…/88x31.png"></a>')."""
    if page.tree.ancestor(img, "figcaption") is not None:
        return True
    link = page.tree.ancestor(img, "a")
    if link is None:
        return False
    href, rel = link.get("href"), link.get("rel")
    if (isinstance(rel, list) and "license" in rel) or rel == "license":
        return True
    return isinstance(href, str) and is_license_url(page.catalog, href.strip())


def _image(img: Tag, position: int, base: str, page: _Page) -> ImageRef:
    src = image_src(img, page.siblings) if is_picture(img) else background_src(img)
    ref = ImageRef(src=src, position=position, alt=str(img.get("alt") or "").strip() or None,
                   url=urljoin(base, src) if src and base else src)
    ref.evidence.append(Evidence("image_src", src or "", "html", "img src", raw=str(img)[:500]))
    if ref.alt:
        ref.evidence.append(Evidence("alt", ref.alt, "html", "img alt"))
    title = str(img.get("title") or "").strip()
    if title:
        ref.evidence.append(Evidence("caption", title, "html", "img title"))
    ref.evidence.extend(_link_title(img, page))
    container = _figure(img, page)
    if container is not None:
        if id(container) not in page.captions:  # a gallery's figure is read once, not once an image
            page.captions[id(container)] = caption_evidence(container, page.inner.get(id(container), []), page.tree,
                                                            page.catalog, page.linked)
        ref.evidence.extend(page.captions[id(container)])
    ref.evidence.extend(e for e in _attribute_captions(img, container, page)
                        if not _already_has(ref, e.value))
    if container is None:
        ref.evidence.extend(e for e in _block_text(img, page) if not _already_has(ref, e.value))
    if not _has_caption(ref):
        ref.evidence.extend(_gallery_caption(container or img, page))
    return ref


# data attributes a lightbox, a gallery plugin or a server-rendered image component keeps the caption and the
# credit in (on the image, the link around it or its figure): attribute -> field
DATA_CAPTIONS = {"data-caption": "caption", "data-title": "caption", "data-sub-html": "caption",
                 "data-credit": "credit_text", "data-image-credit": "credit_text", "data-photo-credit": "credit_text",
                 "data-copyright": "credit_text", "data-photographer": "credit_text", "data-attribution": "credit_text"}


def _attribute_captions(img: Tag, container: Tag | None, page: _Page) -> list[Evidence]:
    """The caption and credit kept in data attributes of the image, of the link around it, or of the elements
    up to its figure (never above it: another picture's attributes). A value may hold markup (a lightbox's
    caption links its credit): it is read as a caption element is, once an element (page.attributes), not once
    for each image of a gallery."""
    found: list[Evidence] = []
    for element in _up_to(img, container, page):
        if id(element) not in page.attributes:
            page.attributes[id(element)] = _data_captions(element)
        found.extend(page.attributes[id(element)])
    return found


def _data_captions(element: Tag) -> list[Evidence]:
    found: list[Evidence] = []
    for attr, claim in DATA_CAPTIONS.items():
        value = element.get(attr)
        if isinstance(value, str) and value.strip():
            soup = _value_soup(value)
            found.extend(with_links(claim, soup, f"{element.name} {attr}", Tree(soup)))
    return found


def _has_data_caption(element: Tag) -> bool:
    return any(isinstance(value, str) and value.strip() for value in map(element.get, DATA_CAPTIONS))


def _value_soup(value: str) -> BeautifulSoup:
    """An attribute's value read as markup; one the parser refuses, as text."""
    try:
        return read_soup(value)
    except InputError:
        return read_soup(html.escape(value))


def _up_to(img: Tag, container: Tag | None, page: _Page) -> list[Tag]:
    """Of the image and its ancestors up to its figure (without a figure, the image and a link around it), those
    with a data attribute of DATA_CAPTIONS. Each element knows the nearest such element from it up (_holder): the
    elements between are not climbed again for each image (a figure of n images n deep was n²)."""
    if container is None:
        link = img.parent
        chain = [img, link] if isinstance(link, Tag) and link.name == "a" else [img]
        return [element for element in chain if _has_data_caption(element)]
    found = []
    element = _holder(img, page)
    while element is not None and (element is container or page.tree.holds(container, element)):
        found.append(element)
        if element is container or element.name == "figure" or element.parent is None:
            break
        element = _holder(element.parent, page)
    return found


def _holder(start: Tag, page: _Page) -> Tag | None:
    """The nearest element at or above `start` with a data caption, going up no further than a figure (its
    pictures' attributes are no picture's above it). Each element's answer is kept as the chain is climbed."""
    chain: list[Tag] = []
    element: Tag | None = start
    found: Tag | None = None
    while element is not None:
        if id(element) in page.holders:
            found = page.holders[id(element)]
            break
        chain.append(element)
        if _has_data_caption(element):
            found = element
            break
        if element.name == "figure":
            break
        element = element.parent
    for climbed in chain:
        page.holders[id(climbed)] = found
    return found


OWN_BLOCKS = ("p", "div", "td", "li", "center")  # the block an image outside any figure stands in


def _block_text(img: Tag, page: _Page) -> list[Evidence]:
    """A credit written beside an image in its own block, outside any figure ('<div><img …><br><i>Photo:
    Ann Lee/AP</i></div>', as older pages and blog editors write it): the block's short text (a label, as a
    figure's own text is read) when the block holds this picture alone and the text reads as a credit."""
    block = img.parent
    if not isinstance(block, Tag) or block.name not in OWN_BLOCKS or page.counts.get(id(block), 0) != 1:
        return []
    text = text_outside(block, [], page.tree, FIGURE_TEXT)
    if not text or len(text) > FIGURE_TEXT or not parse_credit(text, page.catalog):
        return []
    return [Evidence("credit_text", text, "html", f"{block.name} text")]


def _has_caption(ref: ImageRef) -> bool:
    return any(e.field in ("caption", "credit_text") and e.name != "img title" for e in ref.evidence)


def _gallery_caption(inner: Tag, page: _Page) -> list[Evidence]:
    """A gallery's own caption (the figcaption of a figure around the image's figure, as WordPress's and
    Ghost's galleries write it: 'Photos: Ann Lee/AP'), for an image with no caption of its own."""
    gallery = page.tree.ancestor(inner, "figure")
    if gallery is None:
        return []
    if id(gallery) not in page.galleries:  # its children looked through once for the gallery's images
        page.galleries[id(gallery)] = gallery.find("figcaption", recursive=False)
    caption = page.galleries[id(gallery)]
    if caption is None or not page.tree.text(caption):
        return []
    return with_links("caption", caption, "gallery figcaption", page.tree, cache=page.linked)


def _link_title(img: Tag, page: _Page) -> list[Evidence]:
    """The title of a link around the image and nothing else, where Wikimedia Commons' embed snippet puts the
    credit ('<a title="Author, CC BY-SA 4.0 <…>, via Wikimedia Commons" href="…/wiki/File:…"><img …></a>'): a
    credit line, and with the link's address after it its linked twin, which the credit is read from. Only a
    title that reads as a credit or names a license: a lightbox's link title is the picture's title ('Kyiv',
    'Mayor Jane Roe'), which a credit line's reading would take for its creator."""
    link = img.parent
    if not isinstance(link, Tag) or link.name != "a" or page.tree.has_text(link):
        return []
    title = " ".join(str(link.get("title") or "").split())
    if not title or not (parse_credit(title, page.catalog) or find_license_text(page.catalog, title)):
        return []
    found = [Evidence("credit_text", title, "html", "a title")]
    href = str(link.get("href") or "").strip()
    if is_link_address(href):
        found.append(Evidence(LINKED_FIELDS["credit_text"], f"{title} <{href}>", "html", "a title"))
    return found


def _figure(img: Tag, page: _Page) -> Tag | None:
    """The figure around an image, else the outermost caption box (a wp-caption box, a container classed as
    a picture or media item, as Drupal's media entity holds the image, caption and credit fields apart) that
    holds this image alone."""
    figure = page.tree.ancestor(img, "figure")
    return figure if figure is not None else _outer_box(img.parent, page)


def _outer_box(start: Tag | None, page: _Page) -> Tag | None:
    """The outermost caption box holding one picture at or above `start`, going up no further than a box
    holding more, an article, a section or the body. Each element's answer is kept: the elements above it
    are climbed once for all the images below, not once an image."""
    chain: list[Tag] = []
    element = start
    while element is not None and id(element) not in page.boxes:
        chain.append(element)
        box = _is_box(element)
        if element.name in ("body", "main", "[document]") or (box and page.counts.get(id(element), 0) > 1) or (
                not box and element.name in ("article", "section")):
            break
        element = element.parent
    found = page.boxes.get(id(element)) if element is not None else None
    for element in reversed(chain):
        if element.name in ("body", "main", "[document]"):
            found = None
        elif _is_box(element):
            found = None if page.counts.get(id(element), 0) > 1 else (found or element)
        elif element.name in ("article", "section"):
            found = None
        page.boxes[id(element)] = found
    return found


def _is_box(element: Tag) -> bool:
    return bool(FIGURE_LIKE.search(" ".join(element.get("class") or [])))


def _attach_orphan_credits(soup: BeautifulSoup, images: list[ImageRef], order: dict[int, int], page: _Page) -> None:
    """A caption or credit outside any figure counts for the nearest image."""
    for element in _stray_blocks(soup, soup.body or soup, page.counts):
        text = page.tree.text(element)
        if not text or len(text) > 600:
            continue
        if not is_credit_element(element) and not parse_credit(text, page.catalog):
            continue
        target = nearest(images, order[id(element)])
        if target is not None and not _already_has(target, text):
            target.evidence.extend(with_links("credit_text", element, describe(element), page.tree,
                                               location="near"))


def _stray_blocks(soup: BeautifulSoup, root: Tag, counts: dict[int, int]) -> list[Tag]:
    """The block elements under root that hold no other block and no image and stand in no figure,
    in document order. Two passes, linear in the document: from the last element to the first each
    tells its parent what it holds (blocks, images); from the first to the last each learns from its
    parent whether a figure is around it (a search under or above every block would be quadratic in
    the nesting depth)."""
    everything = soup.find_all(True)
    holds: set[int] = set()
    for element in reversed(everything):
        if element.name in BLOCKS or element.name in IMAGE_TAGS or id(element) in holds:
            holds.add(id(element.parent))
    framed: set[int] = set()
    for element in everything:
        parent = element.parent
        if parent is not None and (id(parent) in framed or _is_figure(parent, counts.get(id(parent), 0))):
            framed.add(id(element))
    under = {id(e) for e in root.find_all(BLOCKS)}
    return [e for e in everything if id(e) in under and id(e) not in holds and id(e) not in framed]


def _is_figure(element: Tag, images: int) -> bool:
    """A figure, or a caption box (by its class) around exactly one image."""
    return element.name == "figure" or (images == 1 and bool(FIGURE_LIKE.search(" ".join(element.get("class") or []))))


def _already_has(image: ImageRef, text: str) -> bool:
    return any(text in e.value or e.value in text for e in image.evidence if e.field in ("caption", "credit_text"))


def _canonical(soup: BeautifulSoup) -> str:
    link = soup.find("link", rel="canonical")
    if link is not None and link.get("href"):
        return str(link["href"]).strip()
    meta = soup.find("meta", property="og:url")
    return str(meta.get("content", "")).strip() if meta is not None else ""


def _page_evidence(soup: BeautifulSoup, base: str, tree: Tree) -> list[Evidence]:
    found = []
    title = soup.find("meta", property="og:title")
    title_text = str(title.get("content", "")) if title is not None else ""
    if not title_text and soup.title is not None:
        title_text = soup.title.get_text(strip=True)
    if title_text:
        found.append(Evidence("page_title", title_text.strip(), "html", "title"))
    author = soup.find("meta", attrs={"name": "author"})
    byline = soup.find(class_=re.compile(r"(?i)\bbyline\b")) or soup.find(rel="author")
    if author is not None and author.get("content"):
        found.append(Evidence("byline", str(author["content"]).strip(), "html", "meta author"))
    elif byline is not None and tree.text(byline):
        found.append(Evidence("byline", tree.text(byline), "html", describe(byline)))
    site = soup.find("meta", property="og:site_name")
    if site is not None and site.get("content"):
        found.append(Evidence("publisher", str(site["content"]).strip(), "html", "og:site_name"))
    if base:
        found.append(Evidence("canonical_url", base, "html", "link canonical"))
    return found
