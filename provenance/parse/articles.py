"""Find the images of an article and the evidence around each one.

`find_images(text, kind)` takes the article as a string (plain, markdown or
html) and returns one `ImageRef` per image reference, with every piece of
evidence found for it, plus page-level evidence (title, byline, publisher,
canonical URL). HTML is read with BeautifulSoup, Markdown with markdown-it-py;
no regular expressions over markup.
"""

from __future__ import annotations

from pathlib import PurePath

from provenance.catalog.load import Catalog
from provenance.errors import OptionError
from provenance.parse.article_types import KINDS, Article
from provenance.parse.suffixes import MARKUP_SUFFIX_KIND


def article_kind(name: str, text: str) -> str:
    """The kind of an article, by file name, else by content."""
    kind = MARKUP_SUFFIX_KIND.get(PurePath(name).suffix.lower())
    if kind:
        return kind
    head = text.lstrip()[:1000].lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head or "<figure" in head:
        return "html"
    return "plain"


def find_images(text: str, kind: str, catalog: Catalog) -> Article:
    """The images of an article and their evidence."""
    if kind == "html":
        from provenance.parse.html import read_html  # BeautifulSoup is imported only when needed

        return read_html(text, catalog)
    if kind == "markdown":
        from provenance.parse.markdown import read_markdown

        return read_markdown(text, catalog)
    if kind == "plain":
        return Article(kind="plain", images=[], text=text)
    raise OptionError("kind", kind, KINDS)
