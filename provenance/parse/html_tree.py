"""One pass over a parsed page that answers what an element holds and what holds it without a walk of its
subtree or of its ancestors: every node's place in document order and where its subtree ends (what an element
holds is a range of that order, found by binary search), the nearest ancestor of a few names, the page's
strings in order. A reader that asked BeautifulSoup instead (find, find_all, find_parent) walked the whole
subtree or the whole chain of parents each time: n figures nested n deep, each with its picture, took n² time
(10 s at 2,000)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator

from bs4 import BeautifulSoup, CData, Tag
from bs4.element import NavigableString, PageElement

from provenance.parse.credit_words import blank_ui_labels
from provenance.parse.urls import is_link_address

TEXT_TYPES = (NavigableString, CData)  # the strings get_text reads (exact types: no comments, scripts)
ANCESTORS = ("figure", "figcaption", "a", "button")  # the names whose nearest ancestor the readers ask for
UNREAD = ("button", "script", "style", "noscript", "template")  # a string right inside one is no figure text


class Tree:
    def __init__(self, soup: BeautifulSoup) -> None:
        self.start: dict[int, int] = {}  # each element's place in document order (strings count too)
        self.end: dict[int, int] = {}  # just after the last node the element holds
        self._elements: dict[int, Tag] = {}  # place -> element
        # the non-blank strings get_text reads, and those not right inside an element no reader sees as text (a
        # button's label, a script): their places and the strings, in document order
        self._string_at: list[int] = []
        self._string_nodes: list[PageElement] = []
        self._read_at: list[int] = []
        self._read_nodes: list[PageElement] = []
        self._sizes: list[int] = [0]  # the length of the non-blank strings (stripped) before each, and of all
        self._buttoned: list[bool] = []  # whether each non-blank string stands in a button
        # every string get_text reads, blank ones too, outside any button: a text with a button's strings left out
        self._unbuttoned_at: list[int] = []
        self._unbuttoned_nodes: list[PageElement] = []
        open_elements: list[Tag] = []  # the element being read and those around it
        buttons = 0  # how many of them are buttons
        index = -1
        for index, node in enumerate(soup.descendants):
            while open_elements and open_elements[-1] is not node.parent:
                closed = open_elements.pop()
                self.end[id(closed)] = index  # the first node after its subtree
                buttons -= closed.name == "button"
            if isinstance(node, Tag):
                self.start[id(node)] = index
                self._elements[index] = node
                open_elements.append(node)
                buttons += node.name == "button"
            elif isinstance(node, NavigableString) and type(node) in TEXT_TYPES:
                if not buttons:
                    self._unbuttoned_at.append(index)
                    self._unbuttoned_nodes.append(node)
                stripped = node.strip()
                if not stripped:
                    continue
                self._string_at.append(index)
                self._string_nodes.append(node)
                self._sizes.append(self._sizes[-1] + len(stripped))
                self._buttoned.append(buttons > 0)
                if not (isinstance(node.parent, Tag) and node.parent.name in UNREAD):
                    self._read_at.append(index)
                    self._read_nodes.append(node)
        self._size = index + 1
        for element in open_elements:
            self.end[id(element)] = self._size
        self._nearest: dict[str, dict[int, Tag | None]] = {name: {} for name in ANCESTORS}
        self._lists: dict[str, list[int]] = {}
        self._texts: dict[int, str] = {}
        self._link_ends: dict[int, tuple[int, str]] | None = None

    def ancestor(self, node: PageElement, name: str) -> Tag | None:
        """node.find_parent(name), for a name of ANCESTORS. Each element's answer is kept as its chain is
        climbed: the elements above are climbed once for all the nodes below, not once a node."""
        known = self._nearest[name]
        chain: list[Tag] = []
        element = node.parent
        found: Tag | None = None
        while element is not None:
            if id(element) in known:
                found = known[id(element)]
                break
            if element.name == name:
                found = element
                break
            chain.append(element)
            element = element.parent
        for climbed in chain:
            known[id(climbed)] = found
        if element is not None and element.name == name:
            known[id(element)] = element
        return found

    def _span(self, element: Tag) -> tuple[int, int]:
        return self.start.get(id(element), -1) + 1, self.end.get(id(element), self._size)

    def holds(self, element: Tag, other: Tag) -> bool:
        """Whether `other` stands inside `element` (itself left out): a comparison of places, no walk."""
        start, end = self._span(element)
        return start <= self.start.get(id(other), -1) < end

    def _outside(self, element: Tag, skip: Iterable[Tag]) -> list[tuple[int, int]]:
        """The ranges of places inside the element and outside the elements of `skip` (each skipped range jumped
        over), in document order."""
        start, end = self._span(element)
        ranges, at = [], start
        for gap_start, gap_end in sorted((self.start[id(s)], self.end[id(s)]) for s in skip):
            if gap_start > at:
                ranges.append((at, min(gap_start, end)))
            at = max(at, gap_end)
            if at >= end:
                break
        if at < end:
            ranges.append((at, end))
        return ranges

    def size(self, element: Tag) -> int:
        """The length of the non-blank strings the element holds, each stripped (no more than its text's length
        before UI labels are blanked and white space folded, less the spaces between strings): found by two
        binary searches, no reading."""
        start, end = self._span(element)
        return self._sizes[bisect_left(self._string_at, end)] - self._sizes[bisect_left(self._string_at, start)]

    def _places(self, key: str, wanted: Callable[[Tag], bool]) -> list[int]:
        if key not in self._lists:
            self._lists[key] = [index for index, element in self._elements.items() if wanted(element)]
        return self._lists[key]

    def held(self, element: Tag, key: str, wanted: Callable[[Tag], bool], skip: Iterable[Tag] = ()) -> list[Tag]:
        """The elements inside `element` (itself left out) for which `wanted` is true, in document order
        (element.find_all), less those inside the elements of `skip` (each skipped range jumped over, not read);
        `key` names the question, whose answer for the whole page is found once."""
        places = self._places(key, wanted)
        return [self._elements[places[i]] for start, end in self._outside(element, skip)
                for i in range(bisect_left(places, start), bisect_left(places, end))]

    def first(self, element: Tag, key: str, wanted: Callable[[Tag], bool], skip: Iterable[Tag] = ()) -> Tag | None:
        """The first element inside `element` for which `wanted` is true (element.find), less those inside the
        elements of `skip`."""
        places = self._places(key, wanted)
        for start, end in self._outside(element, skip):
            at = bisect_left(places, start)
            if at < len(places) and places[at] < end:
                return self._elements[places[at]]
        return None

    def strings(self, element: Tag, skip: Iterable[Tag] = (), unread: bool = True
                ) -> Iterator[tuple[str, PageElement]]:
        """The non-blank strings get_text reads in the element, stripped, in document order, less those inside
        the elements of `skip` (each skipped range jumped over, not read) and, with `unread` false, less those
        right inside a button, a script, a style, a noscript or a template."""
        places, nodes = (self._string_at, self._string_nodes) if unread else (self._read_at, self._read_nodes)
        for start, end in self._outside(element, skip):
            for index in range(bisect_left(places, start), bisect_left(places, end)):
                yield str(nodes[index]).strip(), nodes[index]

    def linked_strings(self, element: Tag) -> Iterator[tuple[str, str | None, bool]]:
        """The non-blank strings of the element, stripped, in document order, each with the address of the
        innermost link inside the element whose last string it is, among the links to a web address (None for a
        string that ends no such link), and whether it stands in a button."""
        ends = self._ends()
        start, end = self._span(element)
        for index in range(bisect_left(self._string_at, start), bisect_left(self._string_at, end)):
            link = ends.get(index)
            yield (str(self._string_nodes[index]).strip(), link[1] if link is not None and link[0] >= start else None,
                   self._buttoned[index])

    def _ends(self) -> dict[int, tuple[int, str]]:
        """The page's strings that end a link to a web address: each string's index -> the place and address of
        the innermost such link (it ends every link around it that ends there too), found once a page (reading
        each link's strings to find its last one was n² for n nested links)."""
        if self._link_ends is None:
            self._link_ends = {}
            for place in self._places("a href", _is_link):
                link = self._elements[place]
                href = str(link["href"]).strip()
                last = bisect_left(self._string_at, self.end[id(link)]) - 1
                if last >= 0 and self._string_at[last] > place and is_link_address(href):
                    self._link_ends[last] = (place, href)  # an inner link comes later: it wins
        return self._link_ends

    def text(self, element: Tag) -> str:
        """What a reader takes for the element's text: no button labels, no UI labels ('hide caption'); found
        once an element."""
        if id(element) not in self._texts:
            self._texts[id(element)] = " ".join(blank_ui_labels(self._raw_text(element), " ").split())
        return self._texts[id(element)]

    def has_text(self, element: Tag) -> bool:
        """bool(self.text(element)), reading its strings only until a part of its text lies far enough from the
        end of what was read (LABEL_ROOM) that no UI label the next strings complete could blank it: n links nested
        n deep, each asked whether it has a text, were n² text."""
        if id(element) in self._texts or element.interesting_string_types != Tag.MAIN_CONTENT_STRING_TYPES:
            return bool(self.text(element))
        if self.first(element, "button", _is_button) is not None:
            start, end = self._span(element)
            places, nodes = self._unbuttoned_at, self._unbuttoned_nodes
            pieces: Iterable[str] = (str(nodes[i]) for i in range(bisect_left(places, start), bisect_left(places, end)))
        else:
            pieces = (text for text, _ in self.strings(element))
        parts: list[str] = []
        size, check = 0, 2 * LABEL_ROOM
        for piece in pieces:
            parts.append(piece)
            size += len(piece) + 1
            if size > check:  # measured as the length doubles: linear in what is read
                read = " ".join(parts)
                if check >= TEXT_READ or blank_ui_labels(read, _spaces)[:len(read) - LABEL_ROOM].strip():
                    return True  # (past TEXT_READ characters, a text even if every word of it is a UI label)
                check *= 2
        return bool(blank_ui_labels(" ".join(parts), " ").split())

    def _raw_text(self, element: Tag) -> str:
        if self.first(element, "button", _is_button) is not None:
            # the strings get_text reads (exact types: no comments, scripts), blank ones too, less the buttons'
            start, end = self._span(element)
            places, nodes = self._unbuttoned_at, self._unbuttoned_nodes
            return " ".join(str(nodes[i]) for i in range(bisect_left(places, start), bisect_left(places, end)))
        if element.interesting_string_types != Tag.MAIN_CONTENT_STRING_TYPES:  # a script's, a style's text
            return element.get_text(" ", strip=True)
        return " ".join(text for text, _ in self.strings(element))


def _spaces(match: re.Match[str]) -> str:
    return " " * len(match.group(0))  # a blanked label keeps its length: the places after it stay where they were


def _is_button(element: Tag) -> bool:
    return element.name == "button"


def _is_link(element: Tag) -> bool:
    return element.name == "a" and element.get("href") is not None


LABEL_ROOM = 200  # more than the UI labels a text's next words could still blank (hide caption, 더보기, …)
TEXT_READ = 3200  # the most of an element's strings has_text reads: n nested links of UI labels alone were n²


def text_outside(container: Tag, read: list[Tag], tree: Tree, limit: int) -> str:
    """The container's text outside the elements already read (its figcaption, its credit elements) and the
    strings right inside its buttons, scripts, styles, noscripts and templates, as Tree.text reads it. Read up
    to a little past `limit` characters: a longer text, UI labels blanked, is read no further (the reader takes
    it for prose, and a container holding n nested containers would otherwise read n texts)."""
    if container.name in UNREAD:  # its own strings count, its descendants' of those names not
        return _text_outside_walk(container, read)
    parts: list[str] = []
    size, check = 0, 2 * limit
    for text, _ in tree.strings(container, skip=read, unread=False):
        parts.append(text)
        size += len(text) + 1
        if size > check:  # measured as the length doubles: linear in what is read
            if len(labels_blanked(parts)) > limit + LABEL_ROOM:
                break
            check *= 2
    return labels_blanked(parts)


def labels_blanked(parts: list[str]) -> str:
    return " ".join(blank_ui_labels(" ".join(parts), " ").split())


def _text_outside_walk(container: Tag, read: list[Tag]) -> str:
    """text_outside by a walk of the container, for a container that is itself a button, a script…"""
    skipped: set[int] = set()
    for element in read:
        if id(element) not in skipped:
            skipped.add(id(element))
            skipped.update(id(d) for d in element.find_all(True))
    skipped.update(id(e) for e in container.find_all(UNREAD))
    parts = [str(d).strip() for d in container.descendants
             if type(d) in TEXT_TYPES and id(d.parent) not in skipped]
    return labels_blanked([p for p in parts if p])
