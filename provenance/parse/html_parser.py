"""BeautifulSoup's html.parser tree builder, kept linear on hostile pages with the same trees:

- the names of the empty elements ('<img>', '<br>') written without their end tag are counted, not listed: the
  builder looked each end tag up in that list, so a page of n images and n end tags took n² time (50,000 of
  each: 66 s);
- a comment, an end tag, a marked section ('<![CDATA['), a declaration or a processing instruction that
  nothing closes is known unclosed from where the last closer in the text stands: the standard library's
  parser searched the rest of the text for its closer at each one, so n '<!--' that never close took n² time
  (40,000: 10.6 s). The answer (-1, unclosed) is the one its search gave; and where no '>' is left after it
  (the parser then searched the whole rest of the text for one, each time), what the parser does with an unclosed
  construct is done at once: the text up to the next '<' is data (CPython 3.11's fallback, which its source is
  checked to hold before this is done);
- a string added to an element that already holds something had BeautifulSoup climb every element around it for
  one with a next sibling, to link the string's next element to it (its `_linkage_fixer`, for a builder that
  inserts into a tree already built): while this builder reads, the element being filled and every element around
  it are still open, and an open element is the last its parent holds, so the climb never found one. It is left
  out there (only there: any other element is linked as BeautifulSoup links it), so a string after a child at
  depth d no longer costs d: n nested '<div><br>x' took n² time (8,000: 3.3 s).
"""

from __future__ import annotations

import inspect
import re
import warnings
from collections import Counter
from html import unescape
from html.parser import HTMLParser
from typing import Any

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag
from bs4.builder._htmlparser import BeautifulSoupHTMLParser, HTMLParserTreeBuilder


class _ClosedNames(list[str]):
    """The list's three uses (append, in, remove) answered from a count of each name: the same answers."""

    def __init__(self) -> None:
        super().__init__()
        self._count: Counter[str] = Counter()

    def append(self, name: str) -> None:
        self._count[name] += 1

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._count[name] > 0

    def remove(self, name: str) -> None:
        if self._count[name] <= 0:
            raise ValueError(name)
        self._count[name] -= 1


# the closers the standard library's parser searches for (_markupbase, html.parser); both marked-section closers
# (']]>' and ']>') end with a match of the second
_COMMENT_CLOSE = re.compile(r"--\s*>")
_SECTION_CLOSE = re.compile(r"]\s*>")
_SECTIONS = frozenset({"temp", "cdata", "ignore", "include", "rcdata", "if", "else", "endif"})


def _has_fallback() -> bool:
    """Does the standard library's parser read an unclosed construct with no '>' after it as the text up to the
    next '<' (Python 3.11)?"""
    try:
        source = inspect.getsource(HTMLParser.goahead)
    except (OSError, TypeError):
        return False
    return "k = rawdata.find('>', i + 1)" in source and "k = rawdata.find('<', i + 1)" in source


_FALLBACK = _has_fallback()


class _Parser(BeautifulSoupHTMLParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.already_closed_empty_element = _ClosedNames()
        self._buffer: str | None = None
        self._lasts: dict[str, int] = {}
        self._closing = False  # the parser's last pass (close), where an unclosed construct is read as text

    def close(self) -> None:
        self._closing = True
        super().close()

    def _last(self, closer: str) -> int:
        """Where the last closer of this kind starts in the text being parsed (-1: none); found once a text."""
        raw = self.rawdata
        if self._buffer is not raw:
            self._buffer, self._lasts = raw, {}
        if closer not in self._lasts:
            last = raw.rfind(">")
            if closer != ">":
                pattern = _COMMENT_CLOSE if closer == "--" else _SECTION_CLOSE
                last = -1
                for match in pattern.finditer(raw):
                    last = match.start()
            self._lasts[closer] = last
        return self._lasts[closer]

    def _unclosed(self, i: int) -> int:
        """The construct at i is unclosed: -1, as the parser's own search answers; with no '>' after it, its
        fallback done here (the text up to the next '<' is data) instead of after a search of the whole rest."""
        if not _FALLBACK or not self._closing or self._last(">") >= i + 1:
            return -1
        end = self.rawdata.find("<", i + 1)
        end = end if end >= 0 else i + 1
        piece = self.rawdata[i:end]
        self.handle_data(unescape(piece) if self.convert_charrefs and not self.cdata_elem else piece)
        return end

    def parse_comment(self, i: int, report: bool = True) -> int:
        return self._unclosed(i) if self._last("--") < i + 4 else int(super().parse_comment(i, report))

    def parse_endtag(self, i: int) -> int:
        return self._unclosed(i) if self._last(">") < i + 1 else int(super().parse_endtag(i))

    def parse_bogus_comment(self, i: int, report: bool = True) -> int:
        return self._unclosed(i) if self._last(">") < i + 2 else int(super().parse_bogus_comment(i, report))

    def parse_pi(self, i: int) -> int:
        return self._unclosed(i) if self._last(">") < i + 2 else int(super().parse_pi(i))

    def parse_html_declaration(self, i: int) -> int:
        if self.rawdata[i:i + 9].lower() == "<!doctype" and self._last(">") < i + 9:
            return self._unclosed(i)
        return int(super().parse_html_declaration(i))

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        scan = getattr(self, "_scan_name", None)  # _markupbase's
        if self._last("]") < i + 3 and scan is not None:  # unclosed, once its name is one it knows (else it raises)
            name, end = scan(i + 3, i)
            if end >= 0 and name in _SECTIONS:
                return self._unclosed(i)
        return int(super().parse_marked_section(i, report))


def _fixer_climbs() -> bool:
    """Is BeautifulSoup's _linkage_fixer the one _Soup knows (its last step the climb for an ancestor's next
    sibling, called only for an object added to an element that already held something)?"""
    try:
        fixer = inspect.getsource(BeautifulSoup._linkage_fixer)
        parsed = inspect.getsource(BeautifulSoup.object_was_parsed)
    except (AttributeError, OSError, TypeError):
        return False
    return ("target = target.parent" in fixer and "descendant.next_element = target.next_sibling" in fixer
            and "if fix:" in parsed and "self._linkage_fixer(parent)" in parsed)


_FIXER = _fixer_climbs()


class _Soup(BeautifulSoup):
    def _linkage_fixer(self, el: Tag) -> None:
        """BeautifulSoup's, less its last step where `el` is the element being filled: the climb from it for the
        first element with a next sibling finds none (it and the elements around it are open, each the last its
        parent holds), so the string's next element stays None, as the climb leaves it."""
        if not _FIXER or el is not self.currentTag:
            super()._linkage_fixer(el)
            return
        first, child = el.contents[0], el.contents[-1]
        if child is first and el.parent is not None:
            el.next_element = child
            before = child.previous_element
            if before is not None and before is not el:
                before.next_element = None
            child.previous_element = el
            child.previous_sibling = None
        child.next_sibling = None
        last = child._last_descendant(False) if isinstance(child, Tag) and child.contents else child
        if last is not None:
            last.next_element = None
            last.next_sibling = None


class _Builder(HTMLParserTreeBuilder):
    def feed(self, markup: Any, *args: Any, **kwargs: Any) -> None:
        super().feed(markup, _parser_class=_Parser)


# the builder takes its parser's class since BeautifulSoup 4.13; before, its own (and the quadratic list)
_HOOK = "_parser_class" in inspect.signature(HTMLParserTreeBuilder.feed).parameters


def parse_html(text: str) -> BeautifulSoup:
    """The page's tree, as BeautifulSoup(text, "html.parser") builds it. Beautiful Soup warns when a short text with
    no tag looks like a file name or an address ('.HTM', 'https://…'); here it is always a page's own text."""
    if len(text) <= 256 and "<" not in text:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            return _parse(text)
    return _parse(text)


def _parse(text: str) -> BeautifulSoup:
    return _Soup(text, builder=_Builder()) if _HOOK else BeautifulSoup(text, "html.parser")
