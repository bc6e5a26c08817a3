"""Wire credits in the middle of a line: 'AGENCY/Name' after a caption's last stop, the story run on after it.

The Canadian Press writes its credit after the caption in capitals ('… on Monday. THE CANADIAN PRESS/Jane Roe'),
and news feeds and copied pages glue the story's text after it: a desk code ('THE CANADIAN PRESS/Jane Roe. JRO
Health officials will …'), a dateline ('THE CANADIAN PRESS/Jane RoeCALGARY — Natural gas …') or the story's first
sentence with no stop at all ('THE CANADIAN PRESS/Jane Roe Telecommunications giant TELUS is moving …'). A line's
tail (credit_tails.line_tails) reads only what closes the line; this reads such a credit where it stands. The agency
must be one the catalog knows, written in capitals after a sentence's stop, and the name a person's of two or three
capitalised words: prose with a slash ('… polls. AP/Ipsos Poll shows …') names no person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from provenance.catalog.load import Catalog
from provenance.catalog.sources import match_source
from provenance.parse.credit_parts import label_link
from provenance.parse.credit_spans import Segment
from provenance.parse.credit_words import AGENCY_KINDS

_PARTICLE = r"(?:van|de|der|von|da|di|del|la|le)(?=[ \t])"  # 'Jane van Roe'
_WIRE_CAPITALS = re.compile(
    r"(?<=[.!?])[ \t]?(?P<agency>[A-Z][A-Z&'’-]+(?:[ \t][A-Z][A-Z&'’-]+){0,3})/"
    # (the straight apostrophe inside a name as the typographic one: 'Nila Fu'adi', 'Jane O'Neil')
    r"(?P<name>[A-Z][a-z][\w'’-]*(?:[ \t](?:[A-Z]\.|[A-Z][a-z][\w'’-]*|" + _PARTICLE + r")){1,3})"
)
_GLUED_CAPITALS = re.compile(r"(?<=[a-z])[A-Z]{2,}")  # 'Jane RoeCALGARY': a dateline glued to the surname
_NEXT_WORD = re.compile(r"[ \t]+([^\s]+)")


def midline_wire_credits(text: str, catalog: Catalog, taken: Callable[[int, int], bool]) -> Iterator[Segment]:
    """'… Sept. 17, 2022. THE CANADIAN PRESS/Jane RoeCALGARY — …': the agency and its photographer, up to where the
    name ends."""
    if "/" not in text:
        return
    for match in _WIRE_CAPITALS.finditer(text):
        agency = match_source(catalog, match.group("agency"))
        if agency is None or agency.kind not in AGENCY_KINDS:
            continue
        end = _name_end(text, match.start("name"), match.end("name"))
        name = text[match.start("name") : end]
        if end < 0 or len(name.split()) < 2 or label_link(catalog, name).label != "person":
            continue
        start = match.start("agency")
        if not taken(start, end):
            yield Segment(start, end, start)


def _name_end(text: str, start: int, end: int) -> int:
    """Where the photographer's name ends: before capitals glued to its last word (a dateline), or before a
    capitalised word that opens the story ('Jane Roe Telecommunications giant …': a lower-case word after it).
    -1 when the name runs into lower-case prose of its own ('Jane Roe said …' is a sentence about her)."""
    glued = _GLUED_CAPITALS.search(text, start, end)
    if glued is not None:
        return glued.start()
    word_ends = [m.end() for m in re.finditer(r"\S+", text[start:end])]
    for at, word_end in enumerate(word_ends):
        following = _NEXT_WORD.match(text, start + word_end)
        if at >= 2 and following is not None and following.group(1)[:1].islower():
            return start + word_ends[at - 1]
    following = _NEXT_WORD.match(text, end)
    if following is not None and following.group(1)[:1].islower() and text[end : end + 1] in " \t":
        return -1
    return end
