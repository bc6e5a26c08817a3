"""What a figure says about its picture: its credit elements, its figcaption and the rest of its own text, each an
element's text as evidence, with its links' addresses in a linked twin (provenance.parse.html reads the page)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bs4 import Tag

from provenance.catalog.load import Catalog
from provenance.model import LINKED_FIELDS, Evidence
from provenance.parse.credits import parse_credit
from provenance.parse.html_pictures import IMAGE_TAGS
from provenance.parse.html_tree import Tree, labels_blanked, text_outside

CREDIT_CLASS = re.compile(
    r"(?i)credit|byline-photo|photo-byline|copyright|caption|photographer|image-source|photo-source|attribution"
)


def caption_evidence(container: Tag, inner: list[Tag], tree: Tree, catalog: Catalog,
                     cache: dict[tuple[str, int, str, str], list[Evidence]]) -> list[Evidence]:
    """A credit in its own element (.credit, <cite>, <small>, a span in the figcaption) first: it wins
    over what the caption's last words say; the figcaption after it; then a credit in the rest of the
    figure's text (the BBC prints 'Image source, Getty Images' over the picture, in no credit element).
    All of it the figure's own: what a figure inside it holding a picture of its own holds is that picture's
    (a gallery's figure of each image), passed over, not read and left out."""
    found = []
    caption = tree.first(container, "figcaption", _is_figcaption, skip=inner)
    read: list[Tag] = [*inner, caption] if caption is not None else [*inner]
    for element in _credit_elements(container, tree, inner):
        read.append(element)
        found.extend(with_links("credit_text", element, describe(element), tree, cache=cache))
    if caption is not None and tree.text(caption):
        found.extend(with_links("caption", caption, "figcaption", tree, cache=cache))
    rest = text_outside(container, read, tree, FIGURE_TEXT)
    if rest and len(rest) <= FIGURE_TEXT and parse_credit(rest, catalog):
        found.append(Evidence("credit_text", rest, "html", "figure text"))
    return found


def _is_figcaption(element: Tag) -> bool:
    return element.name == "figcaption"


FIGURE_TEXT = 300  # the most of a figure's own text (outside its caption) read for a credit: a label, not prose


def with_links(field: str, element: Tag, name: str, tree: Tree, location: str = "",
                cache: dict[tuple[str, int, str, str], list[Evidence]] | None = None) -> list[Evidence]:
    """The element's text as evidence of `field`, and, when the element links to web addresses, the same
    text with each link's address after the link's text as evidence of its linked twin (LINKED_FIELDS), which
    the credit is then read from: a license's address or a file page is read as a pasted fragment's is
    (provenance.parse.markup). Both are kept, so that the caption shown and stored stays the text a reader
    sees. With a `cache`, an element read for several figures (nested ones) is read once."""
    key = (field, id(element), name, location)
    if cache is not None and key in cache:
        return cache[key]
    text = tree.text(element)
    found = [Evidence(field, text, "html", name, location=location)]
    linked = _linked_text(element, tree)
    if linked and linked != text:
        found.append(Evidence(LINKED_FIELDS[field], linked, "html", name, location=location))
    # RDFa of Creative Commons' license chooser: the first dct:title with a text (those of the page found once)
    titled = tree.first(element, "dct:title", lambda e: _is_title(e) and tree.has_text(e))
    if titled is not None:
        found.append(Evidence("title", tree.text(titled), "html", "RDFa dct:title", location=location))
    if cache is not None:
        cache[key] = found
    return found


def _is_title(element: Tag) -> bool:
    return element.get("property") is not None and "dct:title" in str(element.get("property")).split()


def _linked_text(element: Tag, tree: Tree) -> str | None:
    """_text with '<address>' after the text of each link to an http(s) address ('by Tom Reed
    <https://www.flickr.com/people/…>'); None when no link has one. Each string and the link it ends come from the
    page's index (Tree.linked_strings): no link's strings are read again for each element around it."""
    buttons = tree.first(element, "button", _is_button) is not None
    parts: list[str] = []
    linked = False
    for text, href, buttoned in tree.linked_strings(element):
        linked = linked or href is not None
        if buttons and buttoned:
            continue
        parts.append(text)
        if href is not None:
            parts.append(f"<{href}>")
    return labels_blanked(parts) if linked else None


def _is_button(element: Tag) -> bool:
    return element.name == "button"


HOLDER_TEXT = 600  # the most text (its strings' length) of a credit element holding another that is read too


def _credit_elements(root: Tag, tree: Tree, skip: list[Tag]) -> Iterator[Tag]:
    """The credit elements in root (less those inside the elements of `skip`) with a text and no picture. One
    holding another credit element is read too ('<span class="credit">Photo: <cite>Ann Lee</cite></span>') when
    its text is short: a longer one is prose around the credits it holds, which are read themselves (and credit
    elements nested n deep, each read whole, were n² text)."""
    for element in tree.held(root, "credit", _is_credit_part, skip=skip):
        if tree.size(element) > HOLDER_TEXT and tree.first(element, "credit", _is_credit_part) is not None:
            continue
        if tree.text(element) and tree.first(element, "image", _is_image) is None:
            yield element


def _is_credit_part(element: Tag) -> bool:
    return is_credit_element(element) and element.name != "figcaption"


def _is_image(element: Tag) -> bool:
    return element.name in IMAGE_TAGS


def is_credit_element(element: Tag) -> bool:
    classes = " ".join(element.get("class") or []) + " " + str(element.get("itemprop") or "")
    return element.name in ("small", "cite") or bool(CREDIT_CLASS.search(classes))


def describe(element: Tag) -> str:
    classes = ".".join(element.get("class") or [])
    return f"{element.name}.{classes}" if classes else element.name
