"""A photographer's name in capitals closing a caption, with no lead-in: '… in Ludhiana on Wednesday. JANE ROE'.

Local and regional papers set their photographer's name in capitals after the caption, on the same line after its
last full stop (Indian e-papers) or alone on the line under it (The Times's Scottish edition, Irish papers), at times
after the job ('TIMES PHOTOGRAPHER JANE ROE') or before the word 'PHOTOS' ('JANE ROE PHOTOS'). Nothing but the shape
says it is a credit, and a run of capitals closing a caption is as often a place ('… in downtown. NEW YORK'), a
company or body ('SCOTTISH BALLET'), a heading ('READ MORE') or a shouted phrase ('HAPPY BIRTHDAY'). So the run is read
only where everything around it says 'credit':

- the run is two or three words of capitals (initials allowed), a person by its shape (credit_spans.name_in_capitals:
  no heading or sign-off word, not an organisation's or a known source's name), with no word of a place, a body or a
  greeting (below), no country, and no initials in place of a word ('KFC', 'BBC');
- it is the last thing of its line, and the caption before it is prose in mixed case, in the third person (a
  quotation's 'we', 'you' or 'I' makes the run its speaker), that names none of the run's words (a caption's subject
  or the company it is about, repeated in capitals as a label, is no photographer);
- on the caption's line, a full stop after a lower-case word or a number closes the prose right before it, or, in a
  caption with no full stop, a spaced slash after such a word (The Star, Kenya: '… yesterday / JANE ROE', at times
  with the front page's teaser after the name: '… / JANE ROE PAGE 6'); on a line
  of its own, it is the text's last line, under a caption of five words or more that ends with a full stop or opens
  with a kicker and a colon ('Local legend: A mural …'), as The Times writes it without a stop; 'JANE ROE PHOTOS'
  may stand alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from provenance.catalog.load import Catalog
from provenance.parse.credit_spans import SPOKEN, Segment, name_in_capitals
from provenance.parse.credit_words import HEADING_WORDS, capitals_name_by_words

_WORD = r"(?:[A-Z]\.|(?!PHOTOS?\b)[A-Z][A-Z'’-]+)"
# the run: an optional job before the name ('TIMES PHOTOGRAPHER', 'STAFF PHOTOGRAPHER'), the name, an optional
# 'PHOTO(S)' after it, or a slash and the body that supplied it ('JANE ROE/ROYAL MAIL': _named_body)
_RUN = re.compile(r"(?:(?:[A-Z]{2,}[ \t]+)?PHOTOGRAPHER[ \t]+)?(?P<name>[A-Z][A-Z'’-]+(?:[ \t]+" + _WORD + r"){1,2})"
                  r"(?:[ \t]+(?P<photos>PHOTOS?)|"
                  r"[ \t]*/[ \t]*(?P<body>[A-Z][A-Z'’&.-]*(?:[ \t]+[A-Z][A-Z'’&.-]*){0,3}))?")
# on the caption's line: a full stop after a lower-case word, a number or a closing bracket or quote, then the run
# (the stop first, then the character before it: the engine skips to each stop)
_AFTER_STOP = re.compile(r"\.(?<=[a-z\d)”\"’']\.)[ \t]+(?=[A-Z][A-Z'’-]+[ \t])")
_KICKER = re.compile(r"^[A-Z][\w'’-]*(?:[ \t]+[\w'’-]+){0,3}:[ \t]+[A-Z]")  # 'Local legend: A mural …'
# The Star's (Kenya) print caption, with no full stop: a spaced slash after a lower-case word or a number, then the
# run ('… in Mombasa yesterday / JANE ROE'); the front page's teaser at times glued after the name ('… / JANE ROE
# PAGE 6')
_AFTER_SLASH = re.compile(r"(?<=[a-z\d])[ \t]+/[ \t]+(?=[A-Z][A-Z'’-]+[ \t])")
_TEASER = re.compile(r"(?<![ \t])[ \t]+PAGES?[ \t]+\d{1,3}$")  # tried from a run of blanks' first only: linear
# the gate: no such run, no name to read. Wider than the run's first words (two letters of the run, blanks, a capital)
# and linear: written as the run ('[A-Z][A-Z'’-]+'), each start in a long run of capitals read to its end (quadratic)
_TWO_CAPITALS = re.compile(r"[A-Z'’-]{2}[ \t]+[A-Z]")
_PROSE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def closing_capitals(text: str, catalog: Catalog, taken: Callable[[int, int], bool]) -> Iterator[Segment]:
    """The photographer's name of each caption closed by one in capitals (see the module's docstring): a segment
    over the name alone (the job before it and 'PHOTOS' after it left out)."""
    if _TWO_CAPITALS.search(text) is None:
        return
    lines = text.splitlines(keepends=True)
    last = max((at for at, line in enumerate(lines) if line.strip()), default=-1)
    offset = 0
    for number, line in enumerate(lines):
        found = _on_line(catalog, lines, number, last)
        if found is not None and not taken(offset + found[0], offset + found[1]):
            yield Segment(offset + found[0], offset + found[1], offset + found[0])
        offset += len(line)


def _on_line(catalog: Catalog, lines: list[str], number: int, last: int) -> tuple[int, int] | None:
    """Where the name closing line `number` starts and ends in it, or None."""
    line = lines[number].rstrip()
    stops = list(_AFTER_STOP.finditer(line))  # the line's full stops before a word in capitals: the last one counts
    slashes = list(_AFTER_SLASH.finditer(line)) if not stops and " / " in line else []
    if slashes:
        teaser = _TEASER.search(line) if line[-1:].isdigit() else None
        run = _RUN.fullmatch(line[: teaser.start()] if teaser else line, slashes[-1].end())
        prose = line[: slashes[-1].start()]
        if run is None or run.group("body") is not None or not _caption(prose, 3):
            return None
    elif stops:
        stop = stops[-1]
        run = _RUN.fullmatch(line, stop.end())
        prose = line[: stop.start()]
        if run is None or not _caption(prose, 3):
            return None
    else:
        begin = len(line) - len(line.lstrip())
        run = _RUN.fullmatch(line, begin)
        if run is None or number != last:
            return None
        above = lines[number - 1].strip() if number > 0 else ""
        alone = number == 0 and run.group("photos") is not None  # 'JANE ROE PHOTOS' under a picture, the caption
        # elsewhere
        closed = above.endswith(".") or _KICKER.match(above) is not None
        if not alone and not (closed and len(above.split()) >= 5 and _caption(above, 2)):
            return None
        prose = above
    name, body = run.group("name"), run.group("body")
    if not _a_name(catalog, name, prose):
        return None
    if body is None:
        return run.start("name"), run.end("name")
    return (run.start("name"), run.end("body")) if _named_body(body, prose) else None


def _named_body(body: str, prose: str) -> bool:
    """'Royal Mail has made its first drone delivery …\nJANE ROE/ROYAL MAIL': after the photographer's name and a slash,
    a body in capitals that the catalog need not know, when the caption names it in full (the company or body the
    picture is about, which supplied it); a second name the caption does not give may be a second photographer's."""
    words = body.casefold().split()
    if any(word in HEADING_WORDS for word in words):
        return False
    return re.search(r"(?<!\w)" + r"[ \t]+".join(map(re.escape, words)) + r"(?!\w)", prose.casefold()) is not None


def _caption(prose: str, least: int) -> bool:
    """Prose in mixed case, in the third person: at least `least` words in lower case (a caption is full of names:
    'The comedian Jon Hale in Bray, Co Wicklow.'), no 'I', 'we' or 'you'."""
    return sum(1 for word in prose.split() if word[:1].islower()) >= least and SPOKEN.search(prose) is None


def _a_name(catalog: Catalog, name: str, prose: str) -> bool:
    """Whether a run of capitals is a photographer's name, not a place, a body, a heading or the caption's subject."""
    if not capitals_name_by_words(name):
        return False  # a place, a heading, a slogan, a sign or a group's name ('NEW YORK', 'WEATHER WARNING', 'PINK
        # FLOYD', 'ABBEY ROAD'), the person shown labelled ('JANE ROE MP'), initials ('KFC', 'BBC'): credit_words
    folded = {word.strip(".").casefold() for word in name.split()}
    named = {word.casefold() for word in _PROSE_WORD.findall(prose)}
    if any(len(word) >= 3 and word in named for word in folded):
        return False  # 'The Scottish Ballet has moved … SCOTTISH BALLET': what the caption is about, as a label
    return name_in_capitals(catalog, name)
