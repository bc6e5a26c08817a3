"""Find the images of an article and the evidence around each one.

`find_images(text, kind)` takes the article as a string (plain, markdown or
html) and returns one `ImageRef` per image reference, with every piece of
evidence found for it, plus page-level evidence (title, byline, publisher,
canonical URL). HTML is read with BeautifulSoup, Markdown with markdown-it-py;
no regular expressions over markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from .catalog import Catalog
from .model import Evidence

KINDS = ("plain", "markdown", "html")
_SUFFIX_KIND = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}


@dataclass
class ImageRef:
    """One image an article shows (src may be None for a credit with no image)."""

    src: str | None
    position: int
    evidence: list[Evidence] = field(default_factory=list)
    alt: str | None = None
    url: str | None = None  # src made absolute against the page's canonical URL


@dataclass
class Article:
    kind: str
    images: list[ImageRef]
    page: list[Evidence] = field(default_factory=list)
    text: str = ""  # the visible text, where credits are looked for when there is no image


def article_kind(name: str, text: str) -> str:
    """The kind of an article, by file name, else by content."""
    kind = _SUFFIX_KIND.get(PurePath(name).suffix.lower())
    if kind:
        return kind
    head = text.lstrip()[:1000].lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head or "<figure" in head:
        return "html"
    return "plain"


def find_images(text: str, kind: str, catalog: Catalog) -> Article:
    """The images of an article and their evidence."""
    if kind == "html":
        from .html_article import read_html

        return read_html(text, catalog)
    if kind == "markdown":
        from .markdown_article import read_markdown

        return read_markdown(text, catalog)
    if kind == "plain":
        return Article(kind="plain", images=[], text=text)
    raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")


def nearest(images: list[ImageRef], position: int) -> ImageRef | None:
    """The image a stray caption belongs to: the closest one before it (captions follow
    their images), else the closest one after it."""
    if not images:
        return None
    return min(images, key=lambda image: (image.position > position, abs(image.position - position)))
