"""One pass over a parsed page that answers what an element holds and what holds it without a walk of its
subtree or of its ancestors: every node's place in document order and where its subtree ends (what an element
holds is a range of that order, found by binary search), the nearest ancestor of a few names, the page's
strings in order. A reader that asked BeautifulSoup instead (find, find_all, find_parent) walked the whole
subtree or the whole chain of parents each time: n figures nested n deep, each with its picture, took n² time
(10 s at 2,000)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator

from bs4 import BeautifulSoup, CData, Tag
from bs4.element import NavigableString, PageElement

from provenance.parse.credit_words import blank_ui_labels

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
        open_elements: list[Tag] = []  # the element being read and those around it
        index = -1
        for index, node in enumerate(soup.descendants):
            while open_elements and open_elements[-1] is not node.parent:
                self.end[id(open_elements.pop())] = index  # the first node after its subtree
            if isinstance(node, Tag):
                self.start[id(node)] = index
                self._elements[index] = node
                open_elements.append(node)
            elif isinstance(node, NavigableString) and type(node) in TEXT_TYPES and node.strip():
                self._string_at.append(index)
                self._string_nodes.append(node)
                if not (isinstance(node.parent, Tag) and node.parent.name in UNREAD):
                    self._read_at.append(index)
                    self._read_nodes.append(node)
        self._size = index + 1
        for element in open_elements:
            self.end[id(element)] = self._size
        self._nearest: dict[str, dict[int, Tag | None]] = {name: {} for name in ANCESTORS}
        self._lists: dict[str, list[int]] = {}
        self._texts: dict[int, str] = {}

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

    def _places(self, key: str, wanted: Callable[[Tag], bool]) -> list[int]:
        if key not in self._lists:
            self._lists[key] = [index for index, element in self._elements.items() if wanted(element)]
        return self._lists[key]

    def held(self, element: Tag, key: str, wanted: Callable[[Tag], bool]) -> list[Tag]:
        """The elements inside `element` (itself left out) for which `wanted` is true, in document order
        (element.find_all); `key` names the question, whose answer for the whole page is found once."""
        places, (start, end) = self._places(key, wanted), self._span(element)
        return [self._elements[places[i]] for i in range(bisect_left(places, start), bisect_left(places, end))]

    def first(self, element: Tag, key: str, wanted: Callable[[Tag], bool]) -> Tag | None:
        """The first element inside `element` for which `wanted` is true (element.find)."""
        places, (start, end) = self._places(key, wanted), self._span(element)
        at = bisect_left(places, start)
        return self._elements[places[at]] if at < len(places) and places[at] < end else None

    def strings(self, element: Tag, skip: Iterable[Tag] = (), unread: bool = True
                ) -> Iterator[tuple[str, PageElement]]:
        """The non-blank strings get_text reads in the element, stripped, in document order, less those inside
        the elements of `skip` (each skipped range jumped over, not read) and, with `unread` false, less those
        right inside a button, a script, a style, a noscript or a template."""
        places, nodes = (self._string_at, self._string_nodes) if unread else (self._read_at, self._read_nodes)
        start, end = self._span(element)
        gaps = sorted((self.start[id(s)], self.end[id(s)]) for s in skip)
        at = bisect_left(places, start)
        for gap_start, gap_end in [*gaps, (end, end)]:
            stop = bisect_left(places, min(gap_start, end))
            for index in range(at, stop):
                yield str(nodes[index]).strip(), nodes[index]
            at = max(at, bisect_left(places, gap_end))
            if gap_start >= end:
                return

    def text(self, element: Tag) -> str:
        """What a reader takes for the element's text: no button labels, no UI labels ('hide caption'); found
        once an element."""
        if id(element) not in self._texts:
            self._texts[id(element)] = " ".join(blank_ui_labels(self._raw_text(element), " ").split())
        return self._texts[id(element)]

    def _raw_text(self, element: Tag) -> str:
        if self.first(element, "button", lambda e: e.name == "button") is not None:
            # the strings get_text reads (exact types: no comments, scripts), less the buttons'
            return " ".join(str(d) for d in element.descendants
                            if type(d) in TEXT_TYPES and self.ancestor(d, "button") is None)
        if element.interesting_string_types != Tag.MAIN_CONTENT_STRING_TYPES:  # a script's, a style's text
            return element.get_text(" ", strip=True)
        return " ".join(text for text, _ in self.strings(element))


LABEL_ROOM = 200  # more than the UI labels a text's next words could still blank (hide caption, 더보기, …)


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
