"""The html.parser tree builder the readers use (provenance.parse.html_parser): the same tree as
BeautifulSoup's own, in linear time where the standard one is quadratic. Ratios of an input and ten times it,
never a wall-clock threshold (CPU time of this process, the best of three runs)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup

from provenance.parse.html import read_soup
from provenance.parse.html_parser import parse_html

LINEAR = 10
SLACK = 3.0  # linear time gives a ratio near 10; quadratic near 100

# unclosed and stray constructs where the standard parser's fallbacks differ, text inside script and style,
# entities cut off at the end, an empty element closed again
TRICKY = [
    "<!--", "<!-- a", "<!-- a --", "<!-- a -- >b", "<!--<!--x-->", "a<!b", "<!x", "<!doctype", "<!DOCTYPE html",
    "</", "</a", "</ a>", "</>", "<?", "<?php x", "<![CDATA[x", "<![CDATA[x]]>y", "<![if x]>y", "<![endif]",
    "<!&lt&#&amp;", "<p>a &amp b &#", "x &# y;", "<script><!--</script>", "<style></</style>", "<script>x",
    "<img src=a></img></img>", '<img src="a.jpg"></b></img><br></br>', "<textarea><!--</textarea>",
    "<a href='x' <b>c", "<b</b>", "<p>x<!-- y", "<title><![CDATA[x</title>",
]


@pytest.mark.parametrize("text", TRICKY)
def test_the_same_tree_as_beautifulsoups_own_builder(text: str) -> None:
    def shape(soup: BeautifulSoup) -> list[tuple[str, str]]:
        return [(type(node).__name__, str(node)) for node in soup.descendants]

    assert shape(parse_html(text)) == shape(BeautifulSoup(text, "html.parser"))


def _best(text: str) -> float:
    times = []
    for _ in range(3):
        started = time.process_time()
        read_soup(text)
        times.append(time.process_time() - started)
    return min(times)


# each made the standard parser search the rest of the text for its closer, then for a '>' (n '<!--' at 40,000:
# 10.6 s), or made BeautifulSoup's builder look each end tag up in a list of the images (50,000 of each: 66 s)
PAGES = [
    pytest.param(lambda n: '<img src="a.jpg">' + "<!--" * n, 2000, id="n comments never closed"),
    pytest.param(lambda n: '<img src="a.jpg">' + "<!--x>" * n, 2000, id="n comments never closed, a '>' after each"),
    pytest.param(lambda n: '<img src="a.jpg">' + "</" * n, 2000, id="n end tags never closed"),
    pytest.param(lambda n: '<img src="a.jpg">' + "<![CDATA[" * n, 2000, id="n CDATA sections never closed"),
    pytest.param(lambda n: '<img src="a.jpg">' + "<?x" * n, 2000, id="n processing instructions never closed"),
    pytest.param(lambda n: '<img src="a.jpg">' * n + "</b>" * n, 1000, id="n images, then n end tags"),
    # each string after a child made BeautifulSoup climb every element around it (8,000 nested: 3.3 s)
    pytest.param(lambda n: "<div><br>x" * n, 500, id="n blocks nested n deep, each a line break then its text"),
]


@pytest.mark.parametrize(("page", "n"), PAGES)
def test_hostile_markup_parses_in_linear_time(page: Callable[[int], str], n: int) -> None:
    small, large = page(n), page(n * LINEAR)
    ratio = _best(large) / max(_best(small), 1e-3)
    assert ratio < LINEAR * SLACK, f"{ratio:.1f} times slower for {LINEAR} times the input"


@pytest.mark.parametrize("text", [
    ".HTM",  # a page whose whole text looks like a file name (found by the fuzz test)
    "notes.txt",  # another file-like text
    "https://example.com/page.html",  # a text that is an address
])
def test_a_short_text_without_tags_is_read_without_a_warning(text: str) -> None:
    # the suite turns warnings into errors: Beautiful Soup's 'looks like a filename' would fail here
    assert parse_html(text).get_text() == text
