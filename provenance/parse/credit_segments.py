"""Where the credits of a text can be: every candidate span, strongest first, and where each one ends.

`candidate_segments` yields, in order: lines written as citations (credit_citations), a credit after a lead-in
(credit_leads) from the lead-in to its end, the tails that close a caption line (credit_tails, credit_spans), the
photographer marks of CJK captions (cjk_credits) and the credits inside a line's prose (credit_midline). A span ends
at the first of: its bracket's close, the line's end (unless the name runs on), a sentence's stop that is not an
initial or an abbreviation, a wire's dateline or code, a page's chrome after the credit, the next lead-in.
`TextIndex` holds the positions those ends are looked up in, found once per text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from provenance.catalog.load import Catalog
from provenance.catalog.names import has_digit
from provenance.catalog.sources import match_source
from provenance.parse.cjk_credits import cjk_segments
from provenance.parse.credit_capitals import closing_capitals
from provenance.parse.credit_citations import holder_first
from provenance.parse.credit_fields import mentions_license
from provenance.parse.credit_labels import outlet_before_photo
from provenance.parse.credit_leads import ABBREVIATION, ANYWHERE_LEAD_IN, BY_LICENSE, CREDIT_STOP, LEAD_IN, WEAK_LEAD_IN
from provenance.parse.credit_midline import midline_wire_credits
from provenance.parse.credit_orgs import is_organisation
from provenance.parse.credit_parts import PHOTO_COLON
from provenance.parse.credit_spans import (
    Segment,
    bracket_pairs,
    bracketed,
    citation_lines,
    dated_title_lines,
    glued_after_source,
    holder_from_lines,
    is_bare_credit,
    platform_citation_lines,
    relayed,
    shared_posts,
    source_then_story,
    story_run_on,
    video_stills,
)
from provenance.parse.credit_tails import line_tails, staff_under_name
from provenance.parse.credit_words import (
    ENDS_WITH_ABBREVIATION,
    ENDS_WITH_NUMBER_WORD,
    LIST_ARTICLES,
    NO_COLON_LEAD_WORDS,
    PHOTO_KIND_WORDS,
    TITLE_NOUNS_AFTER_ARTICLE,
)
from provenance.parse.role_marks import role_marked
from provenance.parse.scan import gated_finditer

# 'Photo:' after a middle dot ('Fortune · Photo: Jane Roe/Bloomberg …'), a credit's place (_at_credit_position); not
# 'Credit:', which follows a picture's title there ('Imagem: <title> · Crédito: …': _CREDIT_AFTER_DOT)
# A site's menu or breadcrumb separates its items by the same dot ('Home · Photo: Gallery · About', 'Menu · Photos by
# the sea'): the credit after the dot names a person in two capitalised words at least, or is a chain with a slash,
# or states the picture public domain ('Lester Roe · Photo: public domain': the name before the dot is who is shown).
_PHOTO_AFTER_DOT = re.compile(
    r"(?i)(?:photo|foto)s?\s*(?:[:：]|by\b)[ \t]*(?:(?-i:[A-Z][\w'’.-]*[ \t]+[A-Z])|[^\n·/]{1,80}/|"
    r"public[ \t]+domain\b)")
# Where a lead-in may stand: full-width brackets too ('首相（写真：アフロ）'), after a danda (a Bengali or Hindi
# sentence's end), after a date opening the line ('6/27/03 Staff Photo by'), and after a slash glued to a sentence's
# stop or after it and a space ('… Park Won-soon./ Courtesy of Ewha Womans University', Korean papers' '… 있다.
# /사진=뉴스1') or a doubled one ('… at the Detroit Auto Show. // Photo courtesy of Ford', a business
# paper's separator); an apostrophe after a letter is an elision, no quote
# ("d'Art de …")
# '… on Friday, May 5, 2023.Photo by Jane Roe': a page that dropped the space after the caption's stop (a lower-case
# letter or a number, a stop, then 'Photo by' with its capital; 'U.S.Photo' is an abbreviation's). A colon's lead-in so
# glued is a label's word in a sentence as often ('Rating outlook.Credit: Negative', '2:1.Foto: siehe oben')
# (and USA Today's pool credit so glued, before a name's capital: '… charged with a crime.Pool Photo By Jane Roe')
_GLUED_STOP = re.compile(r"[a-z\d]\.(?=(?:Photo(?:graph)?s?|Pictures?|Images?)[ \t]+by[ \t]|"
                         r"Pool[ \t]+Photo[ \t]+[Bb]y[ \t]+[A-Z])")
_CREDIT_POSITION = re.compile(
    r"(?:^|[\[(|—–\"“«>*_（【「。！？，]|(?<![^\W\d_])'|[।॥]\s|\s/\s|[.!?][ \t]?//?|[.!?:;]\s|\s(?:[-–—]|--)\s|\n|\s\s|"
    r"\x1f|(?<=[다요])\.|"  # a Korean sentence's end glued to the credit ('… 대치하고 있다.사진 제공=…')
    r"(?:^|\n)\s*(?:[-*•#]+|//+)|(?:^|\n)[ \t]*\d{1,2}/\d{1,2}/(?:\d\d){1,2})\s*$"
)
# after a source or an outlet's name: _source_before ('NASA photo by', 'ST PHOTO:')
# ('Express photography by', 'ST FILE PHOTO:' too)
# A lower-case word right before a rights sign ('… first published © 1998 by …'): the sign stands in a sentence, not
# at the head of a credit ('© 2023 by Jane Roe', 'Photo ©2023 by Jane Roe')
_PROSE_WORD_BEFORE = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*,?[ \t]*$")
_PHOTO_BY = re.compile(r"(?i)(?:photo(?:graph(?:y|s)?|s)?|images?|pictures?)\s+by\b|" + PHOTO_COLON)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
_CONTINUES = re.compile(
    # 'From "Cecil & Carl," first place winner': a quoted title after 'From' opens a sentence of its own
    r"(?i)^(?:licen[sc]|under\b|some rights|all rights|via\b|from\b(?![ \t]+[\"“‘])|on\b|public domain|"
    r"(?:adapted|modified)\s+from\b|"
    r"(?:the\s+)?(?:image|photo|picture|this\s+\w+)\s+(?:is\s+)?licen[sc]ed|this\s+\w+\s+is\s+released\s+under\b)"
)
# 'Warner Bros. Entertainment Inc.': 'Bros.' inside a company's name, which goes on to a company or studio word
_BROS = re.compile(r"\bBros\.$")

_NAME_GOES_ON = re.compile(r"^(?:[A-Z][\w&'-]*\s+){0,2}(?:Inc|LLC|Ltd|Corp|Entertainment|Pictures|Discovery|Studios|"
                           r"Television|Animation|Records|Games)\b")
# the closing quote of a quoted credit: before a separator, the line's end, or the end of a tag, shortcode or template
# tag ('caption="Credit: Jane Roe" >}}', 'title="Photo: Jane Roe"/>', '{% set caption = "…" %}')
_QUOTE_STOP = re.compile(r"(?m)[\"”»'](?=\s*(?:[,;\]})]|/?>|%\})|[ \t]*$)")

# A list of names that goes on on the next line ('…, Kevin\n    Soirat, Blanche Clément'): a word or two, a comma.
# The next line is all names and commas to its end: 'Madrid, Spain, March 3 - Crowds …' is a dateline, no list.
_NAME = r"[^\W\d_][\w'.-]{0,40}(?:[ \t]+[^\W\d_][\w'.-]{0,40}){0,3}"
LIST_GOES_ON = re.compile(r"[ \t]*[^\W\d_][\w'.-]{0,40}(?:[ \t]+[^\W\d_][\w'.-]{0,40})?,"
                           r"(?:[ \t]*" + _NAME + r"[ \t]*,)*[ \t]*(?:" + _NAME + r")?[ \t]*\.?[ \t]*\r?(?:\n|$)")

# A lower camel-case key that 'Image:' or 'Photo:' closes ('heroImage:', 'coverImage:', 'profilePhoto:'), alone
# at a line's start or in an object: a key of front matter or code, not a lead-in glued to the word before it.
_KEY_BEFORE = re.compile(r"(?:^|(?<=[\n{,]))[ \t\"']*[a-z][A-Za-z0-9_]*\Z")

_CLOSE = {"[": "]", "(": ")", "（": "）"}
_OPENERS = " \t\"'“«([（"  # between a lead-in and one that opens its body ('credit: "Photo via …"'): one credit
_QUOTED_VALUE = re.compile(r"[\"'“«]")
# A quoted value of code opened before a lead-in on its line and not closed before it (caption='… Photo: X', …)
_OPEN_VALUE = re.compile(r"[=:(]\s*(?P<q>['\"])[^'\"\n]*\Z")

# an opening quote mark glued to the word before it, or a full-width closing bracket (a Latin credit set in Chinese or
# Japanese text: '（eso0932a，Credit: ESO/Jane Roe），由 …')
_GLUED_QUOTE = re.compile(r"(?<=[^\W\d_])[“„]|[）」』】]")
_NAMED_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ©@ÀÁÂÄÅÇÉÈÊËÍÎÑÓÔÖØÚÜŠŽ")
_CREDIT_KEY = re.compile(r"(?i)(?:media:|image_?|photo_?|cover_?)?(?:credit|attribution)\w*[\"']?\s*[:=]")
_FULL_WIDTH_OPEN = {"）": "（", "」": "「", "』": "『", "】": "【"}
# 'Image: <title> · Credit: <credit>': a lead-in of the picture whose span a credit's lead-in closes
_TITLE_THEN_CREDIT = re.compile(r"(?i)(?:image[mn]?|imagen|bild|immagine)\s*:")
_CREDIT_AFTER_DOT = re.compile(r"(?i)[ \t]·[ \t]+(?P<lead>cr[ée]dit(?:o|s)?|credits?)\s*:")
_CC_AT_END = re.compile(r"(?i)\bCC[\s-]?BY(?:[\s/-]+(?:NC|ND|SA))*[ \t]*\r?$")  # a licence code whose version
_VERSION_NEXT = re.compile(r"[ \t]*\d\.\d\b")  # went on to the next line
_URL_BEFORE = re.compile(r"(?:^|\s)https?://[^\s<>\"']+[ \t]+\Z")  # an address ends a caption's text as a stop does
_MEMBER_BEFORE = re.compile(r"[,{][ \t]*\Z")  # an object's member ends, or the object opens, before a key

# A first name alone at the end of a lead-in's line, and its surname opening the next line before a chain's slash
_FIRST_NAME_ALONE = re.compile(r"[ \t]*[A-Z][a-z'’-]{1,20}[ \t]*\r?")
_SURNAME_CHAIN = re.compile(r"[ \t]*[A-Z][a-z'’-]{1,30}[ \t]*/[ \t]*[A-Z]")

MAX_CREDIT = 600  # a span longer than this is prose, not a credit

# A lead-in word written with no colon before a name alone ('Beeld Jane Roe', 'Picha na Jane Roe'); and the words of a
# headline's media label after it ('FOTO VIDEO', 'FOTO GALERIJA', 'Picha na Video'): no name
NO_COLON_LEAD = re.compile(r"(?:" + NO_COLON_LEAD_WORDS + r"|(?i:picha\s+na))[ \t]+")

_AUTHOR_LEAD = re.compile(r"(?i)(?:autor|author|auteur)\s*:")
_DATE_OR_TIME = re.compile(r"\b(?:\d{1,2}:\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\b")


def overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the span from `start` to `end` overlaps one already read (the taken spans are sorted and
    disjoint)."""
    index = bisect.bisect_left(taken, (start, start))
    if index and taken[index - 1][0] < end and start < taken[index - 1][1]:  # the span before, then the one at
        return True
    return index < len(taken) and taken[index][0] < end and start < taken[index][1]


@dataclass(frozen=True)
class TextIndex:
    """Where the text's brackets close, lead-ins, stops and sentence ends are: found once, in one pass
    each, so the work per candidate credit stays bounded whatever the text."""

    pairs: dict[int, int]
    lead_matches: list[re.Match[str]]
    leads: list[int]
    stops: list[int]
    quote_stops: list[int]
    gaps: list[tuple[int, int]]

    @classmethod
    def of(cls, text: str, lowered: str = "") -> TextIndex:
        """`lowered`: lowered_for_gates(text), or "" """
        leads = list(gated_finditer(LEAD_IN, text, lowered))
        return cls(bracket_pairs(text), leads, [m.start() for m in leads],
                   _stops_in_turn(text),
                   [m.start() for m in _QUOTE_STOP.finditer(text)],
                   [m.span() for m in _SENTENCE_END.finditer(text)])


def candidate_segments(text: str, catalog: Catalog, index: TextIndex, taken: list[tuple[int, int]],
              lowered: str = "") -> Iterator[Segment]:
    """Every candidate credit span, strongest first (a lead-in inside a credit already read is skipped);
    `lowered`: lowered_for_gates(text), or "" """
    for cited in citation_lines(text, catalog):  # a line written as a citation, whole (credit_citations)
        if not overlaps(taken, cited.start, cited.end):
            yield cited
    for cited in platform_citation_lines(text, catalog):  # a picture cited with its platform (credit_citations)
        if not overlaps(taken, cited.start, cited.end):
            yield cited
    for cited in holder_from_lines(text, catalog):  # 'From the National Archives.' closing a line
        if not overlaps(taken, cited.start, cited.end):
            yield cited
    for cited in dated_title_lines(text, catalog):  # 'Rail Crash, 8th October 1952 by Jane Roe': its photographer
        if not overlaps(taken, cited.start, cited.end):
            yield cited
    yield from shared_posts(text)
    yield from video_stills(text, catalog, lowered or text.lower())
    after_title: set[int] = set()  # credit lead-ins set off by a middle dot after a picture's title
    for pattern, weak in ((LEAD_IN, False), (ANYWHERE_LEAD_IN, False), (BY_LICENSE, False), (WEAK_LEAD_IN, True)):
        scan = pattern.finditer(text) if pattern is BY_LICENSE else gated_finditer(pattern, text, lowered)
        for match in index.lead_matches if pattern is LEAD_IN else scan:
            start = match.start("lead")
            if overlaps(taken, start, start + 1):
                continue
            if pattern is ANYWHERE_LEAD_IN and _KEY_BEFORE.search(text, max(0, start - 40), start):
                continue  # 'heroImage: ./cover.png', 'coverImage: …': a front-matter or code key, no lead-in
            if pattern is ANYWHERE_LEAD_IN and _RUN_ON_PHOTO_SLASH.match(text, start) \
                    and not _caption_before(text, start):
                continue  # 'Submit your Photo / Story Here', 'Passport Photo / ID Card Service': a menu's or a form's
                # heading, no print caption's last words before the NZ Herald's 'Photo / Jane Roe'
            if pattern is ANYWHERE_LEAD_IN and match.group("lead")[:3] in ("(c)", "(C)") \
                    and not _copyright_chain(catalog, text, start, match.end()):
                continue  # '(a) Adult Females (b) Adult Males (c) Juvenile Birds/Nestlings': a third item, no rights
            if pattern is ANYWHERE_LEAD_IN and match.group("lead")[:1] == "©" \
                    and match.group("lead").rstrip().endswith(" by") \
                    and _PROSE_WORD_BEFORE.search(text, max(0, start - 40), start):
                continue  # 'The novel, first published © 1998 by Jane Roe, …': the rights of a book in a sentence
            if pattern is LEAD_IN and _AUTHOR_LEAD.match(text, start) and _dated_line(text, start):
                continue  # '08/07/2020 | 10:52 | Autor: RTRS': an article's date line and its author, a byline
            if pattern is LEAD_IN and _FIELD_NAME_LEAD.match(text, start) and not _starts_field(text, start):
                continue  # 'Breaking Lines (TV series). Creator: Jane Roe.': a show's maker in a sentence's run
            free = pattern in (WEAK_LEAD_IN, ANYWHERE_LEAD_IN, BY_LICENSE)
            named = _source_before(catalog, text, start, match.end()) if pattern in (LEAD_IN, BY_LICENSE) and \
                _PHOTO_BY.match(text, start, match.end()) else start
            end = _segment_end(catalog, text, named, match.end(), weak, index) if named < start else start
            positioned = free or _at_credit_position(text, start) or _source_after_dot(catalog, text, start)
            kind = -1 if positioned else _kind_before(text, start, match.end())  # 'Press photo: …'
            if named < start and is_bare_credit(catalog, text[named:end]):
                # 'Flickr photo by jroe (CC BY 2.0)', 'NASA photo by Jane Roe': the source is a link of the credit
                yield Segment(named, end, named, weak, strict=pattern is BY_LICENSE)
            elif positioned or kind >= 0 or _object_key(text, start, match.end()) or start in after_title:
                start = kind if kind >= 0 else start  # the credit starts with the words of its kind
                end = _segment_end(catalog, text, start, match.end(), weak, index)
                if pattern is ANYWHERE_LEAD_IN and text[start - 1 : start] in _STOPS and \
                        _lone_unknown_word(catalog, text[match.end() : end]):
                    continue  # 'Rating outlook.Credit: Negative', 'Size chart.Image: Front': a label and its value
                dot = _CREDIT_AFTER_DOT.search(text, match.end(), end) if pattern is LEAD_IN \
                    and _TITLE_THEN_CREDIT.match(text, start) else None
                if dot is not None:  # 'Imagem: Nebulosa do Caranguejo · Crédito: NASA/ESA': the first lead-in names
                    after_title.add(dot.start("lead"))  # what the picture shows, the second its credit
                    continue
                if pattern is WEAK_LEAD_IN and not _known_after_bare_photo(catalog, match, text[match.end() : end]):
                    continue  # 'Photo Booth Rentals / Weddings': a heading's words, no photographer and agency
                if pattern is LEAD_IN and NO_COLON_LEAD.fullmatch(match.group("lead")):  # 'Kuvat Jane Roe | Lööppi'
                    pipe = text.find("|", match.end(), end)
                    end = pipe if pipe > 0 else end
                body = text[match.end() : end]  # '（画像：ＡＦＰ＝時事）': an agency relayed by another, as in brackets
                relay = relayed(catalog, body) if "＝" in body else None
                stop = end - 1 if body.endswith(".") else end
                # 'Foto: Jane Roe. EL TIEMPO': the paper after the stop joins a name; a chain that names its own
                # outlet keeps it ('Photo: Jane Roe/AP. REUTERS': the capitals a credit of their own)
                after_name = text[stop : stop + 1] == "." and "/" not in body
                paper = _paper_after_stop(catalog, text, stop) if after_name else None
                if paper is not None and relay is None:
                    relay = f"{text[match.end() : stop].rstrip()} / {paper.group('outlet')}"
                    end = paper.end("outlet")
                yield Segment(start, end, match.end(), weak, rewrite=relay, strict=pattern is BY_LICENSE)
    yield from cjk_segments(text)
    yield from role_marked(text)
    def is_taken(start: int, end: int) -> bool:
        return overlaps(taken, start, end)

    yield from bracketed(text, catalog, index.pairs, is_taken)
    yield from line_tails(text, catalog, is_taken)
    yield from staff_under_name(text, catalog, is_taken)
    yield from midline_wire_credits(text, catalog, is_taken)
    yield from closing_capitals(text, catalog, is_taken)


# El Tiempo's credit: the photographer, a full stop, then the paper's name in capitals closing the line ('Foto: Jane
# Roe. EL TIEMPO'): one to four words in capitals that name an outlet (the catalog's, or an article and a paper's
# title noun); a title's last word alone makes no paper of the run ('Photo: Jane Roe. BREAKING NEWS', 'THE REVIEW',
# 'LOCAL NEWS' are the page's next heading), nor does a body's name ('Foto: Jane Roe. MINISTERIO DE SALUD')
_PAPER_AFTER_STOP = re.compile(r"\.[ \t]+(?P<outlet>[A-ZÀ-Þ][A-ZÀ-Þ'’&-]+(?:[ \t]+[A-ZÀ-Þ][A-ZÀ-Þ'’&-]+){0,3})"
                               r"[ \t]*(?:\r?\n|$)")


def _paper_after_stop(catalog: Catalog, text: str, end: int) -> re.Match[str] | None:
    """The outlet in capitals alone after the stop that ends a credit's name, up to the line's end."""
    found = _PAPER_AFTER_STOP.match(text, end)
    if found is None:
        return None
    outlet = found.group("outlet")
    words = outlet.casefold().split()
    titled = len(words) == 2 and words[0] in LIST_ARTICLES and words[1] in TITLE_NOUNS_AFTER_ARTICLE  # 'EL TIEMPO'
    known = titled or match_source(catalog, outlet) is not None
    return found if known else None


_RUN_ON_PHOTO_SLASH = re.compile(r"Photos?[ \t]/[ \t]")  # ANYWHERE_LEAD_IN's 'Photo / Jane Roe' after a word
_CAPTION_LOWER_WORDS = 3  # a print caption's words in lower case before it, at least ('… on page 31 Photo / …')


def _caption_before(text: str, start: int) -> bool:
    """Whether the line before `start` runs as a caption: at least _CAPTION_LOWER_WORDS words in lower case (a
    heading, a menu's entry or a form's button is in title case: 'Ask about our Photo / Frame Bundle')."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return sum(1 for word in line.split() if word[:1].islower()) >= _CAPTION_LOWER_WORDS


_FIELD_NAME_LEAD = re.compile(r"(?i)(?:creator|attribution)\s*[:：]")

_LIST_NUMBER = re.compile(r"(\d{1,2})\.")
# a numbered item a line opens ('2. Celtic fans …'), the number before a caption's stop's ('-1' before a '0.')
_NUMBERED_ITEM = re.compile(r"(?m)(?:^|(?<=\s))(-1|\d{1,2})\.[ \t]+[A-Z]")


def _stops_in_turn(text: str) -> list[int]:
    """Where CREDIT_STOP's stops start, but a caption's number that is not the one after an item's number the same
    line opened before it ('2. Celtic fans … Source: Jane Roe 3. Joey …' cuts at '3.'; 'Photo: Studio 54. The band
    …' keeps its name). One pass over the items and the stops (a search of the line before each stop had made a long
    line of numbered days quadratic)."""
    stops = list(CREDIT_STOP.finditer(text))
    if not any(_LIST_NUMBER.match(stop.group()) for stop in stops):
        return [stop.start() for stop in stops]  # most texts: no caption's number, no items to look for
    items = _NUMBERED_ITEM.finditer(text)
    item = next(items, None)
    opened: dict[str, int] = {}  # an item's number as written -> where the last one so far starts
    kept: list[int] = []
    line_start = passed = 0
    for stop in stops:
        while item is not None and item.end() <= stop.start():
            opened[item.group(1)] = item.start()
            item = next(items, None)
        line_start, passed = text.rfind("\n", passed, stop.start()) + 1 or line_start, stop.start()
        number = _LIST_NUMBER.match(stop.group())
        if number is None or opened.get(str(int(number.group(1)) - 1), -1) >= line_start:
            kept.append(stop.start())
    return kept


def _known_after_bare_photo(catalog: Catalog, lead: re.Match[str], body: str) -> bool:
    """Whether a weak lead-in may open this credit: 'Photo' with no colon ('Photo Jeanne Rousseau / AFP') only where
    the link after the slash is a source the catalog knows, since a heading in title case has the same shape ('Photo
    Booth Rentals / Weddings', 'Photo Contest Winners / Gallery'); every other weak lead-in as it is."""
    if lead.group("lead").rstrip().casefold() not in ("photo", "foto", "fot."):
        return True
    after = body.partition("/")[2].partition("/")[0].strip(" \t.,;")
    return match_source(catalog, after) is not None


def _starts_field(text: str, start: int) -> bool:
    """Whether a field's name stands where a metadata field starts: first on its line (after spaces, or a list's
    bullet: '- Attribution: Jane Roe, via Wikimedia Commons'), or after a field separator ('| Creator: …',
    '<br>Creator: …')."""
    before = text[max(text.rfind("\n", 0, start) + 1, start - 200) : start].rstrip()
    return not before or before.endswith(("|", ">", "•", "·")) or before in ("-", "*", "+")


_STOPS = (".", "!", "?", "…")


# An enumeration's earlier item on the line before '(c)' ('(a) …, (b) …', '(i) …'): a list, a figure's
# panels or a quiz's options
_EARLIER_ITEM = re.compile(r"(?m)(?:^|(?<=\s))\((?:a|b|i|ii)\)[ \t]")
# initials opening a link ('WWF', 'WWF-Canada', 'NPS'): an organisation's
_INITIALS_LINK = re.compile(r"[A-Z]{2,}(?:\b|-)")


def _copyright_chain(catalog: Catalog, text: str, start: int, end: int) -> bool:
    """Whether '(c)' before a short chain closing a caption's line is its rights sign ('… (c) Jane Roe_WWF-Canada',
    '… (c) Tom Poe/Harwick Wildlife Trust'): no earlier item of an enumeration on the line, and the chain's last link
    names a source, by its initials, an address, an organisation's word or the catalog (a third item's
    'Grey Seal/Harbour Seal', 'Late Fees/Early Payment' name none). A year after the sign is another lead-in's."""
    if text[end : end + 1].isdigit():
        return True
    line_start = text.rfind("\n", 0, start) + 1
    if _EARLIER_ITEM.search(text, line_start, start):
        return False
    line_end = text.find("\n", end)
    chain = text[end : line_end if line_end >= 0 else len(text)].strip()
    last = re.split(r"[/_]", chain)[-1].strip(" \t.,;")
    return bool(last) and (_INITIALS_LINK.match(last) is not None or "." in last or is_organisation(catalog, last))


def _lone_unknown_word(catalog: Catalog, value: str) -> bool:
    """Whether a lead-in glued to a sentence's stop is followed by one word the catalog does not know as a source,
    neither a handle nor an agency's initials: a page's label and its value run into the text ('… .Foto: ddp',
    '….Image: Keystone' are credits; '….Credit: Negative' is a rating's outlook)."""
    word = value.strip().strip(".,;")
    return bool(word) and " " not in word and "/" not in word and not word.startswith("@") \
        and not (word.isupper() and len(word) <= 6) and match_source(catalog, word) is None


def _object_key(text: str, start: int, body: int) -> bool:
    """'{ url: "…", credit: "ESO/Jane Roe" }': a key whose value opens with a quote, after the comma or brace of an
    object's previous member."""
    value = body + 1 if text[body : body + 1] in ("\"", "'") else body  # the value names someone: a capital, a
    return (text[body : body + 1] in ("\"", "'") or text[body - 1 : body] in ("\"", "'")) \
        and text[value : value + 1] in _NAMED_START and bool(_CREDIT_KEY.match(text, start, body)) \
        and bool(_MEMBER_BEFORE.search(text, max(0, start - 4), start))  # rights sign or a handle ('credit: "none"',


def _dated_line(text: str, start: int) -> bool:
    """Whether the line before `start` holds a clock time or a date (bounded look back), or the line above it is an
    article's written or modified date ('Geschreven: 18 juli 2005', 'Aangepast: 19 maart 2023', a CMS's info block)."""
    before = text[max(0, start - 80) : start]
    line_start = before.rfind("\n") + 1
    if _DATE_OR_TIME.search(before[line_start:]):
        return True
    return line_start > 0 and not before[line_start:].strip() and bool(_ARTICLE_DATE_LINE.search(before[:line_start]))


# An article's own date field on the line above ('Geschreven: 18 juli 2005', 'Published: 3 March 2025'): the author
# after it wrote the text. Not a file page's 'Date:' field, whose 'Author:' made the picture.
_ARTICLE_DATE_LINE = re.compile(
    r"(?im)^[ \t]*(?:geschreven|aangepast|gepubliceerd|written|published|updated|modified|publi[ée](?:\s+le)?|"
    r"mis\s+à\s+jour(?:\s+le)?|veröffentlicht|aktualisiert|geändert|publicado|actualizado|atualizado|pubblicato|"
    r"aggiornato|opublikowano|zaktualizowano)[ \t]*:?[ \t]*[^\n]*\d{4}[^\n]*\n\Z")


def _source_before(catalog: Catalog, text: str, start: int, body: int) -> int:
    """Where a source the catalog knows starts, written right before 'photo by' at a credit's position ('Flickr photo
    by', 'U.S. Navy photo by'), else `start`: a word to four words back, on the same line. Failing one, an outlet
    known by its shape, a word or two ('ST PHOTO: Jane Roe', 'Express photo by Jane Roe'), only before a name: a
    capital or a handle next."""
    before = text[max(0, start - 40) : start]
    if before.rstrip(" \t").endswith(("(", "[")):
        return start  # '… team – START. (Photos by Jane Roe)': the bracket holds the credit, the words before it are
        # the sentence's end, outside the credit (a source is written inside: '(NASA photo by Jane Roe)')
    if not before.endswith((" ", "\t")) or "\n" in before.rstrip():
        before = before[before.rfind("\n") + 1 :]
    words = before.split()
    named = text[body : body + 1]
    shapes = (False, True) if named.isupper() or named == "@" else (False,)
    for by_shape in shapes:
        for count in range(1, min(2 if by_shape else 4, len(words)) + 1):
            name = " ".join(words[-count:])
            if (words[-count].casefold() in ("the", "a", "an") or words[-count].casefold() in PHOTO_KIND_WORDS) \
                    and not (not by_shape and _the_in_name(catalog, name)):
                break  # 'The Reuters photo by …': prose about a photo; 'Press photo: …': what kind of photo (an
                # outlet whose own name opens with 'The' is no article: 'The Hill Times photograph by Jane Roe')
            at = start - len(before) + before.rfind(words[-count])
            known = outlet_before_photo(catalog, name) if by_shape else match_source(catalog, name.strip("([\"'“"))
            if known and _at_credit_position(text, at + len(name) - len(name.lstrip("([\"'“"))):
                return at + len(name) - len(name.lstrip("([\"'“"))
    return start


def _the_in_name(catalog: Catalog, name: str) -> bool:
    """Whether `name` ('The Hill Times') is the name the catalog gives a source, its 'The' included."""
    source = match_source(catalog, name) if name[:4].casefold() == "the " else None
    return source is not None and source.name.casefold() == name.casefold()


def _kind_before(text: str, start: int, body: int) -> int:
    """'Press photo: Jane Roe', 'Q&A photos by Jane Roe': where a word or two saying what kind of picture it is starts,
    right before the lead-in at a credit's position, with a colon or a name in capitals (or a handle) after the lead-in
    ('Live photos by the thousands …' is prose); else -1."""
    before = text[max(0, start - 24) : start]
    words = before.split()
    named = text[body : body + 1]
    if not words or not before.endswith((" ", "\t")) \
            or not (text[start:body].rstrip()[-1:] in ":=：" or named.isupper() or named == "@"):
        return -1
    for count in (2, 1):
        if len(words) >= count and " ".join(words[-count:]).casefold() in PHOTO_KIND_WORDS:
            at = start - len(before) + before.rfind(words[-count])
            return at if _at_credit_position(text, at) else -1
    return -1


_SOURCE_AFTER_DOT = re.compile(r"(?i)(?:photo|foto)s?\s*(?:[:：]|by\b)[ \t]*(?P<name>[^\n·]{2,60}?)[ \t]*(?:·|\r?\n|$)")


def _source_after_dot(catalog: Catalog, text: str, start: int) -> bool:
    """'Fortune · Photo: Reuters': after a middle dot, 'Photo:' before a source the catalog knows alone (a menu's
    'Home · Photo: Gallery · About' names none)."""
    if not text.endswith(" · ", 0, start):
        return False
    named = _SOURCE_AFTER_DOT.match(text, start)
    return named is not None and match_source(catalog, named.group("name")) is not None


def _at_credit_position(text: str, start: int) -> bool:
    """Whether a lead-in stands where a credit can start: the text's or a line's start, after a bracket,
    quote or sentence end (a bounded look back: constant work per lead-in)."""
    return bool(_CREDIT_POSITION.search(text[max(0, start - 12) : start])) or start <= 12 and not text[:start].strip() \
        or text.endswith("<", 0, start) and not text[start].isascii() \
        or _GLUED_STOP.match(text, max(0, start - 2)) is not None \
        or text.endswith(" · ", 0, start) and _PHOTO_AFTER_DOT.match(text, start) is not None \
        or text.rfind("http", max(0, start - 300), start) >= 0 \
        and bool(_URL_BEFORE.search(text, max(0, start - 300), start))  # '…/view.php?id=57752 Crédito: NASA'


# A paper's name in capitals closing the chain, then the caption naming who is shown ('Staff Photo by Jane Roe/HARWICK
# TIMES Tom Bell, left, is sworn in …'): the credit ends with the capitals.
_PAPER_THEN_CAPTION = re.compile(
    r"/[ \t]*[A-Z][A-Z&'’.-]{3,}(?:[ \t]+[A-Z][A-Z&'’.-]+){0,3}(?=[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z]+,)"
)


# A line break written as its escape in a JSON or code string ('Image: Square Enix\\r\\nRevealed in …'): the line
# ends there (a TASS chain's backslash stands before a name, never before 'r' or 'n' and a capital or another escape).
_ESCAPED_BREAK = re.compile(r"\\[rn](?![a-z])")
# Korean 제공 ('provided') closes a credit ('사진=tvN '별똥별' 제공 ‘별똥별’ 이성경이 …'): the caption follows it
_PROVIDED = re.compile(r"제공(?=[ \t)\]]|$)")
_DASH_LEAD = re.compile(r"[ \t]+[–—][ \t]+(?:[A-Z][\w&'’-]*[ \t]+){0,2}$")  # a spaced dash, a word or two, a lead-in
_AND_LEAD = re.compile(r"[ \t]+(?:and|&)[ \t]+$")  # a capitalised lead-in right after it opens a second credit
# A page's label after the credit on its line, in capitals with its colon ('Credit: Marvel Studios Related: …', '…
# Read more: …'): a new field of the page, where the credit stops; so does a generator's prompt ('Midjourney using
# the prompt: "…"'), whose words are no names.
_PAGE_LABEL = re.compile(r"[ \t]+(?:Related|Read(?:[ \t]+(?:more|also|next))?|See[ \t]+also|Also[ \t]+read|Watch|"
                         r"Advertisement|Sponsored|Subscribe|Share|(?:using[ \t]+the[ \t]+)?[Pp]rompt)[ \t]*:")
# What a page puts after a credit that names no one: a site's menu in pipe-separated cells ('© 2016 | Images provided
# by Action Images / Reuters | Privacy Policy | Contact Us' had given the creator 'Privacy Policy'), or the page's
# time stamp after a slash or pipe ('NOAA Fisheries / Updated March 3, 2026'). The credit ends before it.
_PAGE_CHROME = re.compile(
    r"[ \t]*(?:\|[ \t]*(?i:privacy(?:[ \t]+(?:policy|notice|statement))?|contact(?:[ \t]+us)?|terms(?:[ \t]+(?:of[ \t]+"
    r"(?:use|service)|(?:and|&)[ \t]+conditions))?|cookies?(?:[ \t]+(?:policy|settings|preferences))?|"
    r"about(?:[ \t]+us)?|site[ \t]?map|advertise(?:[ \t]+with[ \t]+us)?|careers|accessibility(?:[ \t]+statement)?|"
    r"imprint|impressum|disclaimer|newsletters?|legal(?:[ \t]+notice)?)[ \t]*(?=\||\r?\n|$)|"
    r"[|/][ \t]*(?i:(?:last[ \t]+)?(?:updated|posted|published))[ \t]+(?i:on[ \t]+)?"
    r"(?=\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+\d))"
)


def _repeats_lead(text: str, start: int, body: int, other: int) -> bool:
    """Whether the lead-in at `other` is the credit's own lead-in again, after a blank ('Photo: Jane Roe/AFP Photo:
    Jane Roe/AFP', as some pages print a picture's credit twice): the second copy is no part of the first."""
    lead = text[start:body].strip()
    return len(lead) >= 4 and not lead[-1:].isalnum() and text[other - 1 : other].isspace() \
        and text.startswith(lead, other)


def _segment_end(catalog: Catalog, text: str, start: int, body: int, weak: bool, index: TextIndex) -> int:
    """Where a lead-in credit stops: its bracket or quote, the line, or a new sentence."""
    before = text[max(0, start - 12) : start].rstrip()
    if before[-1:] in _CLOSE:
        close = index.pairs.get(max(0, start - 12) + len(before) - 1)
        if close is not None:
            return close
    if before[-1:] == "<" and not text[start].isascii():
        # a Korean credit in angle brackets ('<사진제공=Pledis> tvN …'), which no tag's name opens: ends at its '>'
        close = text.find(">", body, body + MAX_CREDIT + 1)
        if close > body and text.find("\n", body, close) < 0:
            return close
    line_end = min(_line_end(catalog, text, body), body + MAX_CREDIT + 1)  # longer is prose: bounded work per lead-in
    line_end = min(line_end, _next(index.stops, body, line_end))
    if _QUOTED_VALUE.search(text[max(0, start - 3) : body + 1]) \
            or _OPEN_VALUE.search(text, max(text.rfind("\n", 0, start) + 1, start - 200), start):
        # 'credit: "…"', '"Photo by …"', "caption='Sea lion -- Photo: NOAA', width=…": ends at its quote
        line_end = min(line_end, _next(index.quote_stops, body, line_end))
    if (weak or text[start:body].strip().casefold() == "in this photo by") and text[start:body].strip().casefold() in (
            "von", "by", "par", "por", "in this photo by"):
        comma = text.find(",", body, line_end)
        return comma if comma > 0 else line_end
    glued = _GLUED_QUOTE.search(text, body, line_end)  # 'Image credit: University of Kansas“Generally, …': the
    # credit ends where a quotation glued to it opens, or a full-width bracket opened before it closes
    if glued and _FULL_WIDTH_OPEN.get(glued.group(0), "\0") not in text[body : glued.start()]:
        line_end = glued.start()
    caps = _PAPER_THEN_CAPTION.search(text, body, line_end) if "/" in text[body:line_end] else None
    line_end = caps.end() if caps else line_end
    label = _PAGE_LABEL.search(text, body, line_end) if text.find(":", body, line_end) >= 0 else None
    line_end = label.start() if label else line_end
    chrome = _PAGE_CHROME.search(text, body, line_end) if "|" in text[body:line_end] or "/" in text[body:line_end] \
        else None
    line_end = chrome.start() if chrome else line_end
    line_end = _before_empty_label(text, body, line_end, index)
    escaped = _ESCAPED_BREAK.search(text, body, line_end) if text.find("\\", body, line_end) >= 0 else None
    line_end = escaped.start() if escaped else line_end
    provided = _PROVIDED.search(text, body, line_end) if text.find("제공", body, line_end) >= 0 else None
    line_end = provided.end() if provided else line_end
    other = _next(index.leads, body + 1, line_end)
    if other < line_end and _repeats_lead(text, start, body, other):
        line_end = other  # 'Foto: TASR - Jane Roe Foto: TASR - Jane Roe': a page's credit written twice
    elif other < line_end and text[body:other].strip(_OPENERS) \
            and _CREDIT_POSITION.search(text[max(body, other - 12) : other]):
        line_end = other
    elif other < line_end and text[other : other + 1].isupper() \
            and (joined := _AND_LEAD.search(text, max(body, other - 6), other)) is not None:
        line_end = joined.start()  # 'Illustration: Jane Roe/Vulture and Photos by HBO': a second credit
    elif other < line_end and (dashed := _DASH_LEAD.search(text, max(body, other - 30), other)) is not None:
        line_end = dashed.start()  # 'Q&A photos by Jane Roe – Print courtesy of A24': a second credit after a dash
    if text.find("/", body, line_end) >= 0:
        stuck = glued_after_source(catalog, text, body, line_end)  # '…/Getty ImagesThe mayor said …'
        line_end = stuck if stuck is not None else line_end
        run_on = story_run_on(catalog, text, body, line_end)  # '…/Harwick Herald The mayor said …'
        line_end = run_on if run_on is not None else line_end
        byline = _BYLINE_AFTER.search(text, body, line_end)  # 'IMAGE: CNS photo/Jane Roe By Ida Vell HARWICK (CNS) —':
        if byline is not None and "/" in text[body : byline.start()]:  # a wire's slash chain, then the story's byline
            line_end = byline.start()
    handled = _BYLINE_HANDLE.search(text, body, line_end) if " By " in text[body:line_end] else None
    line_end = handled.start() if handled is not None else line_end  # 'Picture: Social media By Jane Roe @janeroe …':
    # first: the day a picture was taken may then close the credit just before the byline ('… on Monday By …')
    taken_on = _ON_DATE.search(text, body, line_end) if text.find(" on ", body, line_end) >= 0 else None
    cut = taken_on.start() if taken_on is not None and not _names_a_sunday_paper(catalog, text, body, taken_on) \
        else line_end
    if len(text[body:cut].split()) > 1 or "/" in text[body:cut]:  # a full name or a chain before 'on' ('Photo:
        line_end = cut  # Parade on Monday' names no one)
    dated = _DATE_OPENS_STORY.search(text, body, line_end) if has_digit(text[body:line_end]) else None
    line_end = dated.start() if dated is not None else line_end  # 'photos by Jane Roe & Ida Vell August 24 was a …'
    into_cjk = _LATIN_INTO_CJK.search(text, body, min(line_end, body + _LATIN_CREDIT)) \
        if not text[body:line_end].isascii() else None
    if into_cjk is not None and text[body : body + 1].isascii() and _CJK_STOP.search(text, into_cjk.start(), line_end) \
            and _CJK_CHAR.search(text, body, into_cjk.start()) is None:
        line_end = _past_glued_source(catalog, text, into_cjk.start(), line_end)  # '© REUTERS / Yuya Shinoモンゴル出身
        # の…。': a Latin credit glued to the caption
    elif into_cjk is None and not text[body:line_end].isascii():
        line_end = _before_script_sentence(catalog, text, body, line_end) if text[body : body + 1].isascii() \
            else _source_then_script_sentence(catalog, text, body, line_end)
    link = max(body, text.rfind("/", body, line_end) + 1)
    link += len(text[link:line_end]) - len(text[link:line_end].lstrip())
    told = source_then_story(catalog, text, link, line_end) if line_end - link > 12 else None
    line_end = told if told is not None else line_end  # 'Image: Nintendo Life Nintendo’s 2022 holiday …'
    return _sentence_stop(catalog, text, body, line_end, index)


_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
# A month and a day glued after a name, a sentence of the story going on in lower case or the year after a comma: the
# story starts there and the credit ends before it ('photos by Jane Roe & Ida Vell August 24 was a bittersweet day')
_DATE_OPENS_STORY = re.compile(
    r"(?<=[^\W\d_])[ \t]+(?=(?:" + _MONTH_NAMES + r")"
    r"[ \t]+\d{1,2}(?:st|nd|rd|th)?(?:[ \t]+[a-z]|,[ \t]*\d{4}\b))"
)
def _names_a_sunday_paper(catalog: Catalog, text: str, body: int, taken_on: re.Match[str]) -> bool:
    """Whether 'on' and the weekday after it end a paper's name the catalog knows ('Jane Roe/Mail on Sunday', 'Photo:
    The Independent on Sunday'): the name, no date, from the chain's last link."""
    weekday = _WEEKDAY.match(text, taken_on.end())
    if weekday is None:
        return False
    link = max(body, text.rfind("/", body, taken_on.start()) + 1, text.rfind("|", body, taken_on.start()) + 1)
    return match_source(catalog, text[link : weekday.end()].strip()) is not None


_WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
# The day a picture was taken closing its credit ('Photo by Jane Roe/TPS on 14 August, 2016', '… on August 14, 2016',
# '… on Monday'): the date is no part of the name or the agency, the credit ends before 'on' (a platform after 'on',
# 'Photo by Jane Roe on Unsplash', stays: only a date or a weekday follows; a story going on after the date, '… Ida
# Vell on Monday said …', is a run-on the later steps cut)
_ON_DATE = re.compile(
    r"(?<=[^\W\d_])[ \t]+on[ \t]+(?=(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:" + _MONTH_NAMES + r")|"
    r"(?:" + _MONTH_NAMES + r")[ \t]+\d{1,2}(?:st|nd|rd|th)?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
    r"(?:,?[ \t]+\d{4})?[ \t]*(?:[.,;)\]]|\r?\n|$))"
)
# A Latin letter, then Japanese, Chinese or Korean script with no space between: where a credit in Latin script runs
# into a caption in another (a name glued to the sentence after it), when a CJK sentence's stop follows ('TVBS新聞',
# 'MK스포츠' are names, no sentence) and the credit's part before it holds no CJK character (a credit that spans
# several captions of a flattened page meets one's Latin word glued to CJK far from its start: 'W杯')
_CJK_LETTERS = "\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3"  # kana, the common Han block, Hangul syllables
_LATIN_INTO_CJK = re.compile(f"(?<=[A-Za-z])[{_CJK_LETTERS}]")
_CJK_STOP = re.compile(r"[。！？]")
_CJK_CHAR = re.compile(f"[{_CJK_LETTERS}]")
_CJK_RUN = re.compile(f"[{_CJK_LETTERS}]+")
_LATIN_CREDIT = 80  # the credit in Latin script before the caption glued to it: a short chain, all before the junction


# A Latin credit, a blank, then a sentence in an Indic, Arabic, Thai, Burmese or Khmer script closing with its stop on
# the same line: an aggregator's copy of a BBC page runs the credit into the story ('பட மூலாதாரம், ARUN SANKAR/getty
# images தமிழ்நாடு சட்டமன்றத் தேர்தல் … நடக்கவுள்ளது.'); the credit ends at the blank
_CASELESS_LETTERS = "\u0600-\u06ff\u0900-\u0dff\u0e00-\u0e7f\u1000-\u109f\u1780-\u17ff"  # Arabic, Indic, Thai, …
_INTO_OTHER_SCRIPT = re.compile(f"(?<=[A-Za-z.)])[ \t]+(?=[{_CASELESS_LETTERS}])")
_CASELESS_START = re.compile(f"[ \t]*[{_CASELESS_LETTERS}]")
_CHAIN_GOES_ON = re.compile(r"[ \t]*[/|,]")  # 'রয়টার্স / রহিম উদ্দিন। …': the chain goes on past the source
_CHAIN_NAME_WORDS = 5  # the separator and a photographer's name after the source, at the most
_SCRIPT_SENTENCE_STOP = re.compile(r"[.!?।॥۔؟]")
_LINK_WORDS = re.compile(r"\S+")
_SCRIPT_SENTENCE_WORDS = 3  # the words of the sentence after the junction, at the least: a sentence, no agency's name


def _before_script_sentence(catalog: Catalog, text: str, body: int, line_end: int) -> int:
    """Where a Latin credit runs on into a sentence in another (non-CJK) script: before the blank at the junction,
    when the part before it is all Latin (a short chain) and the other script's run goes on for a sentence that closes
    with its stop before the line's end; a name the catalog knows there stays ('Photo: AFP رويترز' is two agencies)."""
    junction = _INTO_OTHER_SCRIPT.search(text, body, min(line_end, body + _LATIN_CREDIT))
    if junction is None or not text[body : junction.start()].isascii():
        return line_end
    sentence = text[junction.end() : line_end]
    stop = _SCRIPT_SENTENCE_STOP.search(sentence)
    if stop is None or len(sentence[: stop.start()].split()) < _SCRIPT_SENTENCE_WORDS \
            or match_source(catalog, sentence.split()[0]) is not None:
        return line_end
    return junction.start()


def _source_then_script_sentence(catalog: Catalog, text: str, body: int, line_end: int) -> int:
    """A source the catalog knows in a script with no capitals, then the caption printed again after it on the same
    line ('ছবি: এএফপি ইংল্যান্ডকে ফাইনালে দেখছেন বেকহাম। ছবি: এএফপি', alt text and caption run together): the credit
    ends after the source's words (one to four) when the rest goes on for a sentence of three words or more that
    closes with its stop; what the case of a Latin story's first word tells (credit_spans.source_then_story) the
    source's known end and the sentence's stop tell here. The source's photographer after a separator ('ছবি: রয়টার্স /
    রহিম উদ্দিন। ঢাকায় …') stays in the credit, which ends at the name's stop; a source written in a script with
    capitals (Cyrillic, Greek, Latin with its marks) is left to the rules for those."""
    if _CASELESS_START.match(text, body) is None:
        return line_end  # a script with capitals ('Фото: РИА Новости / Иван Петров. Президент …'): read as before
    words = list(_LINK_WORDS.finditer(text, body, min(line_end, body + _LATIN_CREDIT)))[:5]
    for count in range(min(len(words) - 1, 4), 0, -1):
        cut = words[count - 1].end()
        if text[cut - 1] in ".,;:!?।" or match_source(catalog, text[body:cut]) is None:
            continue
        if _CHAIN_GOES_ON.match(text, cut) is not None:  # the source's photographer after it, then the caption
            stop = _SCRIPT_SENTENCE_STOP.search(text, cut, line_end)
            return stop.start() if stop is not None and len(text[cut : stop.start()].split()) <= _CHAIN_NAME_WORDS \
                and _caption_after(catalog, text, stop.end(), line_end) else line_end
        return cut if _caption_after(catalog, text, cut, line_end) else line_end
    return line_end


def _caption_after(catalog: Catalog, text: str, start: int, line_end: int) -> bool:
    """Whether a sentence in a script with no capitals starts at `start` (after blanks) and closes with its stop
    before the line's end, three words or more long, its first word no source's name."""
    sentence = text[start:line_end]
    stop = _SCRIPT_SENTENCE_STOP.search(sentence)
    return stop is not None and _CASELESS_START.match(sentence) is not None \
        and len(sentence[: stop.start()].split()) >= _SCRIPT_SENTENCE_WORDS \
        and match_source(catalog, sentence.split()[0]) is None


def _past_glued_source(catalog: Catalog, text: str, junction: int, line_end: int) -> int:
    """Where a Latin credit glued to CJK script ends: at the junction, unless the CJK word glued there is a source the
    catalog knows, its distributor ('写真：AFP時事。首相が…': AFP via Jiji), which the credit keeps."""
    run = _CJK_RUN.match(text, junction, line_end)
    return run.end() if run is not None and match_source(catalog, run.group()) is not None else junction


def _before_empty_label(text: str, body: int, line_end: int, index: TextIndex) -> int:
    """'LEHTIKUVA/AFP Kuva:': a lead-in with nothing after it closing the credit is no part of it (the via had been
    'AFP Kuva'); the credit ends before it. Only where the line or text truly ends there: a credit's window cut
    short mid-text (a long flattened page) leaves a lead-in whose value is beyond the window."""
    if text[line_end : line_end + 1] not in ("", "\n", "\r"):
        return line_end
    at = bisect.bisect_left(index.leads, body + 1)
    while at < len(index.leads) and index.leads[at] < line_end:
        label = index.lead_matches[at]
        if not text[label.end() : line_end].strip() and text[body : label.start()].strip():
            return label.start()
        at += 1
    return line_end


def _next(positions: list[int], start: int, default: int) -> int:
    """The first position at or after `start`, else `default`."""
    at = bisect.bisect_left(positions, start)
    return positions[at] if at < len(positions) else default


def _line_end(catalog: Catalog, text: str, body: int) -> int:
    """The end of the line, or of the next one when a name list breaks after a comma or inside a name."""
    limit = body + MAX_CREDIT + 1
    line_end = text.find("\n", body, limit)
    if line_end < 0:
        return min(len(text), limit)
    line = text[body:line_end]
    if line.rstrip().endswith(",") or line.count(",") >= 2 and LIST_GOES_ON.match(text, line_end + 1) \
            or _VERSION_NEXT.match(text, line_end + 1) and _CC_AT_END.search(line) \
            or _FIRST_NAME_ALONE.fullmatch(line) and _SURNAME_CHAIN.match(text, line_end + 1) \
            and match_source(catalog, line.strip()) is None and _chain_names_source(catalog, text, line_end + 1, limit):
        # 'CC BY-SA\n2.5)': a broken code; 'Photo: Fatemeh\nBahrami/Anadolu via …': a name broken by the line
        following = text.find("\n", line_end + 1, limit)
        return min(len(text), limit) if following < 0 else following
    return line_end


# A story's byline after a credit chain on the same line: 'By' capitalised, then the writer's name (or none) and the
# dateline's place in capitals ('By Jane Roe HARWICK (CNS) —', 'By HARWICK (CNS) —'); a name with 'By' in it goes on
# ('Jane Roe/Stand By Me Films'); tried from a run of blanks' first only (linear on a long run by itself)
_BYLINE_AFTER = re.compile(r"(?<![ \t])[ \t]+By[ \t]+(?=(?:[A-Z][\w'’.-]*[ \t]+){0,4}[A-Z]{3,}\b)")
# The same with the writer's name and handle, chain or none ('Picture: Social media By Jane Roe @janeroe Addis Abeba -
# …', Addis Standard): the handle says a writer's byline
_BYLINE_HANDLE = re.compile(r"(?<![ \t])[ \t]+By[ \t]+(?=(?:[A-Z][\w'’.-]*[ \t]+){1,4}@\w)")
_CHAIN_LINK = re.compile(r"[ \t]*/[ \t]*|[ \t]+via[ \t]+")


def _chain_names_source(catalog: Catalog, text: str, start: int, limit: int) -> bool:
    """Whether the chain that opens the line at `start` names a source the catalog knows after its first link
    ('Bahrami/Anadolu via Getty Images'); a word over a pair of words ('Monday\nTraffic/Roads update', 'Berlin\nMitte/
    Kreuzberg am Abend') is no name broken by the line."""
    end = text.find("\n", start, min(limit, start + 200))
    links = _CHAIN_LINK.split(text[start : end if end >= 0 else min(len(text), start + 200)])[1:]
    return any(match_source(catalog, link.strip(" \t\r.,;)")) is not None for link in links)


def _sentence_stop(catalog: Catalog, text: str, body: int, line_end: int, index: TextIndex) -> int:
    at = bisect.bisect_left(index.gaps, (body, body))
    while at < len(index.gaps) and index.gaps[at][1] <= line_end:
        gap_start, gap_end = index.gaps[at]
        at += 1
        before = text[max(body, gap_start - 40) : gap_start]
        after = text[gap_end : line_end]
        if ABBREVIATION.search(before) or ENDS_WITH_ABBREVIATION.search(before) or _CONTINUES.match(after) \
                or holder_first(catalog, after) \
                or _BROS.search(before) and _NAME_GOES_ON.match(after) \
                or after[:1].isdigit() and ENDS_WITH_NUMBER_WORD.search(before):
            continue
        if not mentions_license(catalog, after):
            return gap_start
    return line_end
