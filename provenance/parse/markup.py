"""Inline markup in a credit line, reduced to the text a reader sees: `flatten(text)`.

Credit lines pasted as plain text often carry a fragment of HTML or Markdown: an
Unsplash or Pixabay snippet (`Photo by <a href="…">Name</a> on <a …>Unsplash</a>`),
a Commons embed (`<a title="Author, CC BY-SA 4.0, via Wikimedia Commons">` around an
image), a Markdown link whose title holds the credit. The reduction keeps:

- the text of every element, with entities decoded;
- a link's href after its text, in angle brackets, so a license URL or a file page
  is read as one (`Name <https://…>`); a link with no text (an image inside) gives its
  title instead, which is where Commons puts the credit;
- a Markdown image's alt text (a caption), never its src, and an HTML image's alt text and title, each a line of
  its own (not inside a link, whose title is read instead);
- block tags (`<br>`, `<p>`, `<li>`, `<figcaption>`) as line breaks;
- active content (`<script>`, `<style>`, `<iframe>` …) as the literal text it is, so a hostile
  caption stays visible (and is escaped wherever it is shown), never silently dropped;
- a run of more than MAX_BLANKS blanks on a line (a layout's gap) as its first MAX_BLANKS: the rules that read a
  name's blanks then scan a bounded run from each position, and stay linear.

Other tags, attributes and comments are dropped. Each piece of output remembers where it
came from and how many of the original's characters it stands for, so a credit found in the
flat text points back into the original, its end just after its last character of the
original's own (never in added text or the markup after it). Linear: one pass of the
standard library's HTML parser, and Markdown patterns without nested quantifiers over the
same characters.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

from provenance.parse.htmltext import read_tolerantly

_HAS_HTML = re.compile(
    r"<(?:a|p|br|span|img|figcaption|small|sub|sup|i|em|b|strong|li|ul|div|cite|footer)\b|</(?!script)[\w:]+>|&[#\w]+;"
)
_HAS_MARKDOWN = re.compile(r"\]\(")
# A run of blanks on a line longer than this is a layout's gap (a PDF's columns, a padded field), no part of a credit's
# wording: the reader sees its first MAX_BLANKS, so no rule scans thousands of blanks from each of them.
MAX_BLANKS = 8
_LONG_BLANKS = re.compile(rf"(?<![^\S\n])[^\S\n]{{{MAX_BLANKS + 1},}}")
_MD_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>[^\[\]\n]*(?:\[[^\[\]\n]*\][^\[\]\n]*)*)\]"
    r"\((?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"(?P<title>[^\"\n]*)\")?\)"
)
_MD_REFERENCE = re.compile(r"(?<!!)\[(?P<text>[^\[\]\n]{1,200})\]\[[^\[\]\n]{0,40}\]")
_STRAY_OPEN = re.compile(r"<(?![a-zA-Z/!][^<>]{0,500}>)")  # a tag may break its attributes over lines
_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")  # as html.unescape reads
_AUTOLINK = re.compile(r"<(https?://[^<>\s\"']+)>")
# What an image's alt or title holds when it carries a credit ('Ida Brandt (Tom Bell/WireImage)', 'Photo: Jane Roe',
# 'Jane Roe, Getty Images', 'Image created with Stable Diffusion'): a credit's punctuation or its word. A bare name
# ('Netflix', 'Steam', 'Nintendo Switch') is a logo's or a badge's alt, the thing shown, never its credit.
_CREDIT_MARK = re.compile(r"(?i)[/()©:,|@]|\b(?:by|via|courtesy|credit|generated|created\s+with)\b")
_BLOCKS = frozenset({"br", "p", "li", "ul", "div", "figcaption", "tr", "td", "h1", "h2", "h3", "h4", "footer"})
_LITERAL = frozenset({"script", "style", "iframe", "object", "embed", "svg", "template"})
# Inline elements: a line break inside one is a space where a browser shows it ('<a>Leo\nReynolds</a>').
_INLINE = frozenset({"a", "small", "span", "em", "i", "b", "strong", "cite", "sub", "sup", "u", "q", "abbr", "mark"})


@dataclass
class Flat:
    """The flat text and, for each piece of it, where the piece starts in the original and how many of the
    original's characters it stands for: as many as it has where it copies them, those of a reference where
    it decodes one ('&amp;' is 5 for '&'), none where it adds text the original does not hold (a link's
    address, a text-less link's title, a block's line break)."""

    text: str
    starts: list[int] = field(default_factory=list)  # flat offsets where pieces begin
    origins: list[int] = field(default_factory=list)  # the original offset of each piece
    lengths: list[int] = field(default_factory=list)  # the original characters each piece stands for

    def origin(self, index: int) -> int:
        """The original offset of a flat offset read as a start: where the first real character at or after
        it is (exact inside plain stretches)."""
        if not self.starts:
            return index
        piece = max(bisect.bisect_right(self.starts, index) - 1, 0)
        if not self.lengths[piece]:  # added text: the next piece of the original's own
            return next((self.origins[n] for n in range(piece + 1, len(self.starts)) if self.lengths[n]),
                        self.origins[piece])
        return self._within(piece, index - self.starts[piece])

    def end(self, index: int) -> int:
        """The original offset of a flat offset read as an end: just after the last real character before
        it, so that a span never ends inside or past added text or the markup around it."""
        if not self.starts or index <= 0:
            return self.origin(index)
        piece = bisect.bisect_right(self.starts, index - 1) - 1  # the piece of the last character
        while piece > 0 and not self.lengths[piece]:
            piece -= 1
        return self._within(piece, min(index - self.starts[piece], self._size(piece)))

    def _within(self, piece: int, offset: int) -> int:
        """The original offset `offset` characters into a piece: exact where the piece copies the original;
        in a decoded reference, its start or (from its first character on) its end."""
        if self._size(piece) != self.lengths[piece] and offset:
            offset = self.lengths[piece]
        return self.origins[piece] + offset

    def _size(self, piece: int) -> int:
        following = self.starts[piece + 1] if piece + 1 < len(self.starts) else len(self.text)
        return following - self.starts[piece]


def has_markup(text: str) -> bool:
    """Whether `flatten` reads the text as markup (else it returns the text as it is): a reference link ('by [Jane
    Roe][2]') too, which it reduces to its text, and a run of more than MAX_BLANKS blanks, which it cuts."""
    return bool(_HAS_MARKDOWN.search(text) or _HAS_HTML.search(text)
                or "][" in text and _MD_REFERENCE.search(text) or _LONG_BLANKS.search(text))


def flatten(text: str) -> Flat:
    """The text with inline HTML and Markdown reduced; unchanged when it has none. Each step (Markdown links,
    reference links, HTML) maps its pieces into the text before it, and the maps are composed: the flat text's
    pieces point into `text` itself, whatever steps it took."""
    flat = Flat(text)
    if _HAS_MARKDOWN.search(text):
        flat = _flat_of(_markdown_pieces(text, 0, len(text)))
    if "][" in flat.text:  # a reference link ('by [Jane Roe][2], Public domain'): its text (its address is elsewhere)
        flat = _compose(_flat_of(_reference_pieces(flat.text)), flat)
    if _HAS_HTML.search(flat.text):
        reduced = flat.text
        escaped = _AUTOLINK.sub(lambda m: f"&lt;{m.group(1)}&gt;", reduced)
        escaped = _STRAY_OPEN.sub("&lt;", escaped)  # a '<' that opens no tag: text (and no rescans in the parser)
        flat = _compose(read_tolerantly(lambda parsed: _collect(parsed, reduced), escaped), flat)
    if _LONG_BLANKS.search(flat.text):
        flat = _compose(_flat_of(_blank_run_pieces(flat.text)), flat)
    return flat


def _blank_run_pieces(text: str) -> list[tuple[str, int, int]]:
    """The text with each run of more than MAX_BLANKS blanks on a line cut to its first MAX_BLANKS, as pieces (see
    _flat_of)."""
    pieces, at = [], 0
    for run in _LONG_BLANKS.finditer(text):
        kept = run.start() + MAX_BLANKS
        pieces.append((text[at:kept], at, kept - at))
        at = run.end()
    pieces.append((text[at:], at, len(text) - at))
    return [piece for piece in pieces if piece[0]]


def _flat_of(pieces: list[tuple[str, int, int]]) -> Flat:
    """A Flat of (text, where it starts in the source, how many source characters it stands for) pieces."""
    result = Flat("")
    parts, cursor = [], 0
    for text, origin, length in pieces:
        result.starts.append(cursor)
        result.origins.append(origin)
        result.lengths.append(length)
        parts.append(text)
        cursor += len(text)
    result.text = "".join(parts)
    return result


def _compose(outer: Flat, inner: Flat) -> Flat:
    """`outer`'s text with pieces that point where `inner` maps them: `outer` points into `inner.text`, and
    `inner` into a source. A piece of `outer` copied from `inner.text` is cut where `inner`'s pieces are."""
    if not inner.starts or not outer.starts:
        return outer if not inner.starts else replace(inner, text=outer.text)
    result = Flat(outer.text)
    for n, (start, origin, length) in enumerate(zip(outer.starts, outer.origins, outer.lengths, strict=True)):
        if not length or outer._size(n) != length:  # added text, or a decoded reference: mapped whole
            first = inner.origin(origin)
            result.starts.append(start)
            result.origins.append(first)
            result.lengths.append(max(inner.end(origin + length) - first, 0) if length else 0)
            continue
        piece, at = max(bisect.bisect_right(inner.starts, origin) - 1, 0), origin
        while at < origin + length:
            stop = min(inner.starts[piece] + inner._size(piece), origin + length)
            if stop > at:
                where, count = inner.origins[piece], inner.lengths[piece]
                if count and inner._size(piece) == count:  # copied: exact within
                    where, count = where + at - inner.starts[piece], stop - at
                elif count and at != inner.starts[piece]:  # inside a decoded reference: after it
                    where, count = where + count, 0
                result.starts.append(start + at - origin)
                result.origins.append(where)
                result.lengths.append(count)
                at = stop
            piece += 1
    return result


def _collect(parsed: str, text: str) -> Flat:
    """The flat text of `parsed`, `text` with some of its '<' and '>' written '&lt;' and '&gt;'; its pieces
    point into `text`."""
    collector = _Collector(parsed)
    collector.feed(parsed)
    collector.close()
    flat = collector.flat()
    if parsed != text:
        unescape = _unescaping(parsed, text)
        ends = [unescape(o + n) for o, n in zip(flat.origins, flat.lengths, strict=True)]
        flat.origins = [unescape(o) for o in flat.origins]
        flat.lengths = [e - o for o, e in zip(flat.origins, ends, strict=True)]
    return flat


def _unescaping(parsed: str, text: str) -> Callable[[int], int]:
    """The offset in `text` of an offset in `parsed`, which writes some of text's '<' and '>' as '&lt;' and
    '&gt;' (an offset inside one of those goes to its end)."""
    escapes: list[int] = []  # where, in parsed, each escape starts
    for match in re.finditer("&[lg]t;", parsed):
        if text[match.start() - 3 * len(escapes)] in "<>":
            escapes.append(match.start())

    def unescape(offset: int) -> int:
        before = bisect.bisect_left(escapes, offset)
        if before and offset < escapes[before - 1] + 4:
            return escapes[before - 1] - 3 * (before - 1) + 1
        return offset - 3 * before
    return unescape


def _markdown_pieces(text: str, low: int, high: int) -> list[tuple[str, int, int]]:
    """text[low:high] with its Markdown links reduced, as pieces (see _flat_of): '[Name](url "title")' -> 'Name
    <url> (title)'; '![alt](src "title")' -> 'alt (title)'; a link to no web address -> its text. The name, the
    address and the title are copied from where they stand; the brackets and spaces around them are added text."""
    pieces, at = [], low
    for match in _MD_LINK.finditer(text, low, high):
        pieces.append((text[at : match.start()], at, match.start() - at))
        pieces.extend(_link_pieces(text, match))
        at = match.end()
    pieces.append((text[at:high], at, high - at))
    return [piece for piece in pieces if piece[0]]


def _link_pieces(text: str, match: re.Match[str]) -> list[tuple[str, int, int]]:
    """One Markdown link or image reduced (see _markdown_pieces); a link inside a name or an image's title too."""
    def copied(group: str, reduce: bool = True) -> list[tuple[str, int, int]]:
        start, end = match.span(group)
        if start < 0:
            return []
        return _markdown_pieces(text, start, end) if reduce and "](" in text[start:end] else \
            [(text[start:end], start, end - start)]

    def added(words: str) -> tuple[str, int, int]:
        return (words, match.end(), 0)

    def standing_for(words: str, start: int, end: int) -> tuple[str, int, int]:
        """Added words in place of the link's own marks between `start` and `end` ('](', ')'): a credit that
        ends with the link ends where the link does."""
        return (words, start, end - start)

    inner = copied("text")
    name = "".join(piece for piece, _, _ in inner)
    if match.group("bang"):  # an image: its alt text, and its title, where Markdown puts a credit too
        title = copied("title")
        if not any(piece for piece, _, _ in title):
            return inner
        return [*inner, standing_for(" (", match.end("text"), match.start("title")), *title,
                standing_for(")", match.end("title"), match.end())]
    if not re.match(r"(?i)(?:https?:)?//", match.group("url")):
        return inner
    title = copied("title", reduce=False)
    if not name.strip() or name.strip().startswith("!"):
        return [added(" "), *title, added(" <"), *copied("url", reduce=False), added("> ")]
    url = [standing_for(" <", match.end("text"), match.start("url")), *copied("url", reduce=False)]
    if not match.group("title"):
        return [*inner, *url, standing_for(">", match.end("url"), match.end())]
    return [*inner, *url, added(">"), standing_for(" (", match.end("url"), match.start("title")), *title,
            standing_for(")", match.end("title"), match.end())]


def _reference_pieces(text: str) -> list[tuple[str, int, int]]:
    """A reference link ('by [Jane Roe][2]') reduced to its text, as pieces (see _flat_of)."""
    pieces, at = [], 0
    for match in _MD_REFERENCE.finditer(text):
        start, end = match.span("text")
        pieces += [(text[at : match.start()], at, match.start() - at), (text[start:end], start, end - start)]
        at = match.end()
    pieces.append((text[at:], at, len(text) - at))
    return [piece for piece in pieces if piece[0]]


class _Collector(HTMLParser):
    """Collects visible text, link hrefs and the titles of text-less links."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", source)]
        self.pieces: list[tuple[str, int, int]] = []  # text, where in the source, how many source characters
        self.links: list[tuple[str, str, int]] = []  # href, title, number of pieces when opened
        self.inline = 0  # inline elements open here

    def _here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.inline += tag in _INLINE
        if tag in _LITERAL:
            literal = self.get_starttag_text() or f"<{tag}>"
            self.pieces.append((literal, self._here(), len(literal)))
        elif tag in _BLOCKS:
            self.pieces.append(("\n", self._here(), 0))
        elif tag == "a":
            self.links.append((values.get("href", ""), values.get("title", ""), len(self.pieces)))
        elif tag == "img":
            self._image_text(values)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.pieces.append(("\n", self._here(), 0))
        elif tag == "img":
            self._image_text({k: v or "" for k, v in attrs})

    def _image_text(self, values: dict[str, str]) -> None:
        """An image's alt text and title, each a line of its own, as a Markdown image's alt is kept: a site
        may write the credit there ('alt="Jane Roe (Ida Brandt/WireImage)"'). Not inside a link: a link
        around an image is read by its title (a Commons embed), which a text inside it would hide. An alt with no
        credit's mark is left out: a logo's ('Netflix') or a store badge's ('Steam') names what it shows."""
        if self.links:
            return
        for text in dict.fromkeys(values.get(name, "").strip() for name in ("alt", "title")):
            if text and _CREDIT_MARK.search(text):
                self.pieces.append((f"\n{text}\n", self._here(), 0))

    def handle_endtag(self, tag: str) -> None:
        if tag in _INLINE and self.inline:
            self.inline -= 1
        if tag in _LITERAL:
            self.pieces.append((f"</{tag}>", self._here(), len(tag) + 3))
        elif tag == "a" and self.links:
            self._close_link(*self.links.pop())

    def _close_link(self, href: str, title: str, opened: int) -> None:
        here = self._here()
        inside = "".join(text for text, _, _ in self.pieces[opened:]).strip()
        if not inside and title:
            self.pieces.append((f" {title} ", here, 0))
        if href and not href.startswith(("#", "javascript:", "mailto:")):
            url = "https:" + href if href.startswith("//") else href
            self.pieces.append((f" <{url}> ", here, 0))

    def handle_data(self, data: str) -> None:
        self.pieces.extend(self._read(self._seen(data), self._here()))

    def _seen(self, data: str) -> str:
        data = data.replace("\u00a0", " ")
        return data.replace("\r", " ").replace("\n", " ") if self.inline else data

    def _read(self, data: str, here: int) -> list[tuple[str, int, int]]:
        """A run of text as pieces: stretches copied from the source, and each reference ('&amp;') on its
        own, so that an offset maps back exactly (one piece as it is where the source reads otherwise)."""
        end = self.source.find("<", here + 1)
        raw = self.source[here : end if end >= 0 else len(self.source)]
        if "&" not in raw:
            return [(data, here, len(data))]
        pieces, at = [], 0
        for match in _REFERENCE.finditer(raw):
            pieces.append((raw[at : match.start()], here + at, match.start() - at))
            pieces.extend(_reference_read(match.group(0), here + match.start()))
            at = match.end()
        pieces = [(self._seen(text), start, n) for text, start, n in [*pieces, (raw[at:], here + at, len(raw) - at)]
                  if text]
        return pieces if "".join(text for text, _, _ in pieces) == data else [(data, here, len(data))]

    def flat(self) -> Flat:
        return _flat_of(self.pieces)


def _reference_read(reference: str, where: int) -> list[tuple[str, int, int]]:
    """A reference ('&amp;') at `where` as pieces: its decoded text standing for it, and where it has no ';' and
    html.unescape decodes the longest name it knows ('&nbspTom' -> '\u00a0Tom'), the rest as the original's own."""
    decoded = html.unescape(reference)
    kept = 0
    if not reference.endswith(";"):
        while kept + 1 < len(decoded) and decoded[-1 - kept] == reference[-1 - kept]:
            kept += 1
    if not kept:
        return [(decoded, where, len(reference))]
    return [(decoded[:-kept], where, len(reference) - kept), (reference[-kept:], where + len(reference) - kept, kept)]
