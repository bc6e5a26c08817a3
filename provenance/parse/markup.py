"""Inline markup in a credit line, reduced to the text a reader sees: `flatten(text)`.

Credit lines pasted as plain text often carry a fragment of HTML or Markdown: an
Unsplash or Pixabay snippet (`Photo by <a href="…">Name</a> on <a …>Unsplash</a>`),
a Commons embed (`<a title="Author, CC BY-SA 4.0, via Wikimedia Commons">` around an
image), a Markdown link whose title holds the credit. The reduction keeps:

- the text of every element, with entities decoded;
- a link's href after its text, in angle brackets, so a license URL or a file page
  is read as one (`Name <https://…>`); a link with no text (an image inside) gives its
  title instead, which is where Commons puts the credit;
- a Markdown image's alt text (a caption), never its src;
- block tags (`<br>`, `<p>`, `<li>`, `<figcaption>`) as line breaks;
- active content (`<script>`, `<style>`, `<iframe>` …) as the literal text it is, so a hostile
  caption stays visible (and is escaped wherever it is shown), never silently dropped.

Other tags, attributes and comments are dropped. Each piece of
output remembers where it came from, so a credit found in the flat text points back
into the original. Linear: one pass of the standard library's HTML parser, and
Markdown patterns without nested quantifiers over the same characters.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from provenance.parse.htmltext import read_tolerantly

_HAS_HTML = re.compile(
    r"<(?:a|p|br|span|img|figcaption|small|sub|sup|i|em|b|strong|li|ul|div|cite|footer)\b|</(?!script)[\w:]+>|&[#\w]+;"
)
_HAS_MARKDOWN = re.compile(r"\]\(")
_MD_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>[^\[\]\n]*(?:\[[^\[\]\n]*\][^\[\]\n]*)*)\]"
    r"\((?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"(?P<title>[^\"\n]*)\")?\)"
)
_STRAY_OPEN = re.compile(r"<(?![a-zA-Z/!][^<>]{0,500}>)")  # a tag may break its attributes over lines
_AUTOLINK = re.compile(r"<(https?://[^<>\s\"']+)>")
_BLOCKS = frozenset({"br", "p", "li", "ul", "div", "figcaption", "tr", "td", "h1", "h2", "h3", "h4", "footer"})
_LITERAL = frozenset({"script", "style", "iframe", "object", "embed", "svg", "template"})
# Inline elements: a line break inside one is a space where a browser shows it ('<a>Leo\nReynolds</a>').
_INLINE = frozenset({"a", "small", "span", "em", "i", "b", "strong", "cite", "sub", "sup", "u", "q", "abbr", "mark"})


@dataclass
class Flat:
    """The flat text and, for each piece of it, where the piece starts in the original."""

    text: str
    starts: list[int] = field(default_factory=list)  # flat offsets where pieces begin
    origins: list[int] = field(default_factory=list)  # the original offset of each piece

    def origin(self, index: int) -> int:
        """The original offset of a flat offset (exact inside plain stretches)."""
        if not self.starts:
            return index
        piece = max(bisect.bisect_right(self.starts, index) - 1, 0)
        return self.origins[piece] + (index - self.starts[piece])


def has_markup(text: str) -> bool:
    """Whether `flatten` reads the text as markup (else it returns the text as it is)."""
    return bool(_HAS_MARKDOWN.search(text) or _HAS_HTML.search(text))


def flatten(text: str) -> Flat:
    """The text with inline HTML and Markdown reduced; unchanged when it has none."""
    if _HAS_MARKDOWN.search(text):
        text = _markdown_links(text)
    if not _HAS_HTML.search(text):
        return Flat(text)
    text = _AUTOLINK.sub(lambda m: f"&lt;{m.group(1)}&gt;", text)
    text = _STRAY_OPEN.sub("&lt;", text)  # a '<' that opens no tag: text (and no rescans in the parser)
    return read_tolerantly(_collect, text)


def _collect(text: str) -> Flat:
    collector = _Collector(text)
    collector.feed(text)
    collector.close()
    return collector.flat()


def _markdown_links(text: str) -> str:
    """'[Name](url "title")' -> 'Name <url> title'; '![alt](src)' -> 'alt'. Lengths change, so a
    Markdown fragment's credit points at the reduced text."""
    def replace(match: re.Match[str]) -> str:
        inner = _markdown_links(match.group("text")) if "](" in match.group("text") else match.group("text")
        if match.group("bang"):
            return inner
        if not re.match(r"(?i)(?:https?:)?//", match.group("url")):
            return inner
        title = match.group("title") or ""
        if not inner.strip() or inner.strip().startswith("!"):
            return f" {title} <{match.group('url')}> "
        return f"{inner} <{match.group('url')}>" + (f" ({title})" if title else "")
    return _MD_LINK.sub(replace, text)


class _Collector(HTMLParser):
    """Collects visible text, link hrefs and the titles of text-less links."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", source)]
        self.pieces: list[tuple[str, int]] = []
        self.links: list[tuple[str, str, int]] = []  # href, title, number of pieces when opened
        self.inline = 0  # inline elements open here

    def _here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.inline += tag in _INLINE
        if tag in _LITERAL:
            self.pieces.append((self.get_starttag_text() or f"<{tag}>", self._here()))
        elif tag in _BLOCKS:
            self.pieces.append(("\n", self._here()))
        elif tag == "a":
            self.links.append((values.get("href", ""), values.get("title", ""), len(self.pieces)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.pieces.append(("\n", self._here()))

    def handle_endtag(self, tag: str) -> None:
        if tag in _INLINE and self.inline:
            self.inline -= 1
        if tag in _LITERAL:
            self.pieces.append((f"</{tag}>", self._here()))
        elif tag == "a" and self.links:
            self._close_link(*self.links.pop())

    def _close_link(self, href: str, title: str, opened: int) -> None:
        here = self._here()
        inside = "".join(text for text, _ in self.pieces[opened:]).strip()
        if not inside and title:
            self.pieces.append((f" {title} ", here))
        if href and not href.startswith(("#", "javascript:", "mailto:")):
            url = "https:" + href if href.startswith("//") else href
            self.pieces.append((f" <{url}> ", here))

    def handle_data(self, data: str) -> None:
        data = data.replace("\u00a0", " ")
        if self.inline:
            data = data.replace("\r", " ").replace("\n", " ")
        self.pieces.append((data, self._here()))

    def flat(self) -> Flat:
        result = Flat("")
        parts, cursor = [], 0
        for text, origin in self.pieces:
            result.starts.append(cursor)
            result.origins.append(origin)
            parts.append(text)
            cursor += len(text)
        result.text = "".join(parts)
        return result
