"""Which elements of an HTML article are its pictures, and the address each shows.

A picture is an `<img>` (or AMP's `<amp-img>`, `<amp-anim>`), or an element that shows one as its CSS
background and is named as a picture by its class (a hero, a cover, a banner). Not pictures: a noscript
fallback beside the image it stands for, a carousel's clone of a slide, a tracking pixel, the site's logo
outside any figure, an icon inside a caption or a license link (`is_badge` in provenance.parse.html).
The address is the one a browser ends up showing: a lazy loader's `data-src` over the placeholder in `src`,
then `src`, then the first candidate of a `srcset` (or a `<source>`'s), read as the HTML standard reads it
(a Cloudinary address holds commas).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

# an <image> start tag outside SVG is an <img> to a browser (the HTML standard says so; an MDX <Image> component
# is read that way too); inside SVG it is a drawing's part
IMAGE_TAGS = ("img", "amp-img", "amp-anim", "image")
# lazy loaders (lazysizes, WordPress plugins, jQuery lazyload, slick, Flickity): the picture, where src holds
# a placeholder
LAZY_SRC = ("data-src", "data-lazy-src", "data-original", "data-lazy", "data-flickity-lazyload", "data-echo")
SRCSETS = ("srcset", "data-srcset", "data-lazy-srcset")
# a slide a carousel copies for its endless scroll (slick's 'slick-cloned', Owl's 'cloned', Swiper's
# 'swiper-slide-duplicate'): the picture is shown once
CLONE_CLASS = re.compile(r"(?i)(?:^|[-_\s])(?:cloned|duplicate)(?:$|[-_\s])")
LOGO = re.compile(r"(?i)(?:^|[-_\s./])logo(?:$|[-_\s.])")
# an element that shows a picture as its background: a hero or cover image by its class
BACKGROUND_CLASS = re.compile(
    r"(?i)(?:^|[-_ ])(?:hero|cover|banner|masthead|splash|lead|figure|photo|image|picture|media)(?:$|[-_ ])"
)
BACKGROUND_URL = re.compile(r"""(?i)background(?:-image)?\s*:[^;]{0,200}?url\(\s*(['"]?)([^'"()\s]{1,2000})\1\s*\)""")
BACKGROUND_DATA = ("data-bg", "data-background-image", "data-bg-src")
# a photograph's file name: an editor names it for what it shows ('new-logo-unveiled.jpg', a story about a logo);
# a site's logo is drawn (SVG, PNG, GIF, WebP), and its template's class or id still tells it
PHOTO_NAME = re.compile(r"(?i)\.jpe?g$")
PIXEL = 2  # width and height at most this: a tracking pixel


def pictures(soup: BeautifulSoup) -> list[Tag]:
    """The picture elements of the page, in document order. Linear: what each element stands in (a clone, a
    noscript, a figure, a link) is learnt from its parent in one pass, never by a search up the tree."""
    found: list[Tag] = []
    elements = soup.find_all(True)
    within: dict[int, _Within] = {}
    for element in elements:
        within[id(element)] = within.get(id(element.parent), _NOWHERE).inside(element)
    # the images outside any noscript each element holds: a noscript image beside one of them is its copy
    shown = held(soup, {id(e) for e in elements if e.name in IMAGE_TAGS and within[id(e)].noscript is None})
    for element in elements:
        around, here = within.get(id(element.parent), _NOWHERE), within[id(element)]
        if here.cloned:
            continue
        if element.name in IMAGE_TAGS and not (element.name == "image" and here.svg):
            if not (here.noscript is not None and _beside_its_picture(here, shown)) and not _chrome(element, around):
                found.append(element)
        elif background_src(element):
            found.append(element)
    # a background over another picture (an <img>, a nested hero) is not one: the picture inside is
    inside = held(soup, {id(e) for e in soup.find_all(IMAGE_TAGS)} | {id(e) for e in found})
    return [e for e in found if e.name in IMAGE_TAGS or inside.get(id(e)) == 1]


def held(soup: BeautifulSoup, chosen: set[int]) -> dict[int, int]:
    """How many of the chosen elements each element holds, itself included: one pass from the last element to
    the first, each adding to its parent."""
    counts: dict[int, int] = {}
    for element in reversed(soup.find_all(True)):
        mine = counts.get(id(element), 0) + (id(element) in chosen)
        counts[id(element)] = mine
        if element.parent is not None:
            counts[id(element.parent)] = counts.get(id(element.parent), 0) + mine
    return counts


@dataclass(frozen=True)
class _Within:
    """What an element stands in."""

    cloned: bool = False  # a carousel's copy of a slide
    noscript: Tag | None = None  # the nearest noscript around it
    figure: bool = False
    svg: bool = False
    link: Tag | None = None  # the nearest link around it

    def inside(self, element: Tag) -> _Within:
        classes = " ".join(element.get("class") or [])
        return _Within(cloned=self.cloned or bool(classes and CLONE_CLASS.search(classes)),
                       noscript=element if element.name == "noscript" else self.noscript,
                       figure=self.figure or element.name == "figure",
                       svg=self.svg or element.name == "svg",
                       link=element if element.name == "a" else self.link)


_NOWHERE = _Within()


def is_picture(element: Tag) -> bool:
    return element.name in IMAGE_TAGS


class Siblings:
    """For each element, its nearest earlier sibling <source> and its nearest later sibling <noscript>, and the first
    <img> of each noscript: found once for all the children of a parent, when one of them first asks (a search
    of the siblings for each image of a row of n was n²)."""

    def __init__(self) -> None:
        self._source: dict[int, Tag | None] = {}
        self._noscript: dict[int, Tag | None] = {}
        self._inner: dict[int, Tag | None] = {}

    def _learn(self, parent: Tag) -> None:
        children = [child for child in parent.children if isinstance(child, Tag)]
        source: Tag | None = None
        for child in children:
            self._source[id(child)] = source
            source = child if child.name == "source" else source
        noscript: Tag | None = None
        for child in reversed(children):
            self._noscript[id(child)] = noscript
            noscript = child if child.name == "noscript" else noscript

    def source(self, element: Tag) -> Tag | None:
        """element.find_previous_sibling("source")"""
        if id(element) not in self._source and element.parent is not None:
            self._learn(element.parent)
        return self._source.get(id(element))

    def noscript_image(self, element: Tag) -> Tag | None:
        """The first <img> in element.find_next_sibling("noscript")"""
        if id(element) not in self._noscript and element.parent is not None:
            self._learn(element.parent)
        fallback = self._noscript.get(id(element))
        if fallback is None:
            return None
        if id(fallback) not in self._inner:
            inner = fallback.find("img")
            self._inner[id(fallback)] = inner if isinstance(inner, Tag) else None
        return self._inner[id(fallback)]


def image_src(img: Tag, siblings: Siblings | None = None) -> str | None:
    """The address the element shows: lazy attributes first, then src, srcset, a <source>'s srcset, and for an
    image drawn by script only its noscript fallback's. `siblings`: what the page's images have learnt of their
    siblings (a new one: none)."""
    for attr in (*LAZY_SRC, "src"):
        value = _attr(img, attr)
        if value and not value.startswith("data:"):
            return value
    for attr in SRCSETS:
        candidate = first_candidate(_attr(img, attr))
        if candidate:
            return candidate
    siblings = siblings or Siblings()
    source = siblings.source(img)
    if source is not None:
        candidate = first_candidate(_attr(source, "srcset") or _attr(source, "data-srcset"))
        if candidate:
            return candidate
    inner = siblings.noscript_image(img)
    return _attr(inner, "src") if inner is not None else background_src(img)


def background_src(element: Tag) -> str | None:
    """The picture an element shows as its background, when its class names it a picture (a hero, a cover):
    from its style's background url(…), or a lazy background attribute."""
    classes = " ".join(element.get("class") or [])
    if not classes or not BACKGROUND_CLASS.search(classes):
        return None
    for attr in BACKGROUND_DATA:
        value = _attr(element, attr)
        if value:
            return value
    match = BACKGROUND_URL.search(_attr(element, "style") or "")
    return match.group(2) if match and not match.group(2).startswith("data:") else None


def first_candidate(srcset: str | None) -> str | None:
    """The first address of a srcset, as the HTML standard splits one: an address runs to white space (commas
    inside it are its own, as in 'w_640,c_fill'), a comma at its end ends the candidate."""
    if not srcset:
        return None
    text = srcset.lstrip(" \t\n\r\f,")
    url = text.split(None, 1)[0] if text.strip() else ""
    url = url.rstrip(",")
    return url or None


def _attr(element: Tag | None, name: str) -> str | None:
    value = element.get(name) if element is not None else None
    return value.strip() or None if isinstance(value, str) else None


def _beside_its_picture(here: _Within, shown: dict[int, int]) -> bool:
    """Whether a noscript image is the copy of a picture shown beside it (lazy loaders, AMP), counted once, by
    the picture; a noscript image with no picture beside it (a script draws it) is the picture itself. `shown`:
    how many images outside any noscript each element holds (linear: no search of the noscript's neighbours)."""
    holder = here.noscript.parent if here.noscript is not None else None
    if holder is None or holder.name in IMAGE_TAGS:
        return True
    return shown.get(id(holder), 0) > 0


def _chrome(img: Tag, around: _Within) -> bool:
    """A tracking pixel (at most 2 by 2 pixels, with no lazy loader's address), or the site's logo: outside any
    figure, an image whose class, id or file name (but a JPEG's: a photograph's), or whose link's class or id,
    says logo."""
    if _small(img.get("width")) and _small(img.get("height")) and not any(_attr(img, name) for name in LAZY_SRC):
        return True  # (a lazy loader's placeholder may say 1 by 1 until the picture in data-src comes)
    if around.figure:
        return False
    named = [img, around.link] if around.link is not None else [img]
    words = [" ".join(e.get("class") or []) + " " + str(e.get("id") or "") for e in named]
    src = (_attr(img, "src") or "").split("?")[0].rsplit("/", 1)[-1]
    return any(LOGO.search(w) for w in [*words, "" if PHOTO_NAME.search(src) else src])


def _small(value: object) -> bool:
    text = str(value).strip().removesuffix("px") if value is not None else ""
    return text.isdigit() and int(text) <= PIXEL
