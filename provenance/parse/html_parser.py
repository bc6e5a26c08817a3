"""BeautifulSoup's html.parser tree builder with one list made a count: the names of the empty elements
('<img>', '<br>') written without their end tag. The builder kept them in a list and looked each end tag up in
it, so a page of n images and n end tags took n² time (8,000 images in nested figures: 1.2 s of 2.2 s, and a
20 MiB page of '<img></b>' would have taken hours). Counted by name, the same end tags are skipped."""

from __future__ import annotations

import inspect
from collections import Counter
from typing import Any

from bs4 import BeautifulSoup
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


class _Parser(BeautifulSoupHTMLParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.already_closed_empty_element = _ClosedNames()


class _Builder(HTMLParserTreeBuilder):
    def feed(self, markup: Any, *args: Any, **kwargs: Any) -> None:
        super().feed(markup, _parser_class=_Parser)


# the builder takes its parser's class since BeautifulSoup 4.13; before, its own (and the quadratic list)
_HOOK = "_parser_class" in inspect.signature(HTMLParserTreeBuilder.feed).parameters


def parse_html(text: str) -> BeautifulSoup:
    """The page's tree, as BeautifulSoup(text, "html.parser") builds it."""
    return BeautifulSoup(text, builder=_Builder()) if _HOOK else BeautifulSoup(text, "html.parser")
