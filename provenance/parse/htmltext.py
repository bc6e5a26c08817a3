"""Reduce a field that arrives as HTML (Wikimedia's Artist field often does)
to clean text, with the standard library's HTML parser."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import TypeVar

R = TypeVar("R")
_Parser = TypeVar("_Parser", bound=HTMLParser)
_SKIP = frozenset({"script", "style", "template"})
_SPACES = re.compile(r"\s+")
# '<![' opens a marked section ('<![CDATA[…]]>', '<![if IE]>'); the standard library's parser stops
# with an error on any other ('<![a](b.jpg)', a Markdown image written after a '<'), where a browser
# shows the text: such a '<![' is text, escaped when the parser has stopped on it
_UNKNOWN_MARKED_SECTION = re.compile(
    r"<!\[(?!(?:cdata|if|else|endif|temp|ignore|include|rcdata)(?![-_.a-z0-9]))", re.IGNORECASE)


def read_tolerantly(read: Callable[[str], R], text: str) -> R:
    """`read(text)` with the standard library's HTML parser; if the parser stopped on a stray '<![', `read`
    again with those escaped (only then: inside a script, where no entity is read, '&lt;' would stay)."""
    try:
        return read(text)
    except AssertionError:
        return read(escape_stray_sections(text))


def escape_stray_sections(text: str) -> str:
    """'x <![a](b.jpg)' -> 'x &lt;![a](b.jpg)'; a marked section the parser knows is left as it is."""
    return _UNKNOWN_MARKED_SECTION.sub("&lt;![", text) if "<![" in text else text


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in ("br", "p", "div", "li"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(value: str) -> str:
    """'<a href="…">Jane &amp; John</a>' -> 'Jane & John'. Plain text passes through."""
    if "<" not in value and "&" not in value:
        return " ".join(value.split())  # runs of white space as one space, as r"\s+" reads them
    collector = read_tolerantly(lambda text: _feed(_TextCollector(), text), value)
    return _SPACES.sub(" ", "".join(collector.parts)).strip()



def _feed(parser: _Parser, text: str) -> _Parser:
    parser.feed(text)
    parser.close()
    return parser
