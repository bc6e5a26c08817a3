"""A credit written as a citation, as archives, libraries and museums write it: the maker, the work's title, its
date and medium, then the institution that holds it with its units, its place, its reference numbers and how it
came by the work ('Johannes Vermeer. The Kitchen Maid, c. 1658. Oil on canvas. Rijksmuseum, Amsterdam'; 'C. Roe,
ca. 1922. Wellcome Library no. 727758i'; 'Library of Congress, Prints and Photographs Division, Bain Collection,
LC-B2-2189-6'; 'Lee, Russell, Photographer, 1939, March. LC-USF33-012103-M1').

Read piece by piece (a comma, semicolon or middle dot, or a sentence's stop between two pieces):
  holder    the first piece that names a holding institution: one the catalog knows as an institution or public
            body, or a name holding a heritage word (Archives, Library, Museum, Gallery, Historical Society,
            Bibliothèque, Stadtarchiv …); a named collection ('Bain Collection') only when no other holder is named
  units     the pieces right after the holder that name its units ('Prints and Photographs Division', 'département
            Monnaies, médailles et antiques'): kept with it, as a joint credit is (the corpus README)
  maker     a name before the holder: before a role word ('photographer'; 'Lee, Russell, Photographer' in a
            catalogue's order), after 'by' ('etching by Jane Roe'), before life dates, or the first piece
  the rest  titles, dates, media, sizes, places, reference numbers, collections, donors and funds: no name
A title is never a maker, a donor ('Gift of …') never a creator, and a date, a reference number or a place never
part of a name. Only the holder's pieces and what may follow them (place, reference, date, donor, terms) may come
after the holder: prose there ('…, Rijksmuseum, where it hangs') makes no citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from provenance.catalog.load import Catalog
from provenance.catalog.names import has_digit, looks_like_person
from provenance.catalog.sources import match_domain, match_source, remembered
from provenance.model import Source
from provenance.parse.credit_words import (
    ACQUISITION_WORDS,
    ARTICLES,
    CAPITALISED_ORGANISATION_WORDS,
    CITATION_CONNECTORS,
    COLLECTION_WORDS,
    HERITAGE_ENDINGS,
    HERITAGE_PHRASES,
    HERITAGE_WORDS,
    MAKER_ROLES,
    NAME_SUFFIXES,
    NOT_AFTER_ABBREVIATION,
    ORGANISATION_WORDS,
    PORTRAIT_WORDS,
    POST_WORDS,
    PUBLICATION_WORDS,
    REFERENCE_WORDS,
    ROLES,
    UNIT_WORDS,
)
from provenance.parse.scan import by_first_letter, with_first_chars

# Between two pieces: a comma, semicolon or middle dot (a cut too), or a sentence's stop after a word of two letters
# or more (never after an initial or a rank: 'J. M. W. Turner', 'St. Paul') or after a year or bracket, before a
# capital or an opening quote or bracket.
_SEPARATOR = re.compile(
    r"[ \t]*[,;·\x1f][ \t]*|(?:(?<=[^\W\d_]{2}\.)" + NOT_AFTER_ABBREVIATION + r"|(?<=[\d)\]\"”’]\.))[ \t]+"
    r"(?=[A-ZÀ-ÞĀ-Ž\"“'‘(\[])"
)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(?:1\d\d\d|20\d\d|\d{3,4}[ \t]*(?:BC|BCE|AD|CE))s?\??"
# A date as catalogues write it: 'c. 1658-1660', '1818-19', 'about 1660–1662', 'early 1650s', '1942 June', 'March',
# '24 March 1939', '[ca. 1908]', 'mid-14th century', '4/13/2004', '09.12.1970', 'c. 650 BC'
_DATE = re.compile(
    r"(?i)^[\[(]?(?:(?:c|ca|circa|about|around|before|after|early|mid|late|probably|dated|undated)\.?[ \t-]*)?"
    r"(?:(?:\d{1,2}[ \t]+)?" + _MONTH + r"(?:[ \t]+\d{1,2},?)?[ \t]+)?(?:" + _YEAR
    + r"(?:[ \t]*[-–/][ \t]*(?:" + _YEAR + r"|\d{2}))?(?:[ \t]+" + _MONTH + r")?|" + _MONTH
    + r"|\d{1,2}(?:st|nd|rd|th)[ \t-]+centur(?:y|ies)|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})[\])]?$"
)
# A maker's years of life after the name ('Dorothea Lange, American, 1895-1965'; 'Paré, Ambroise, 1510?-1590')
_LIFE = re.compile(r"^[\[(]?(?:born[ \t]+|b\.[ \t]*)?1\d{3}\??[ \t]*[-–][ \t]*(?:1\d\d\d|20\d\d)?\??[\])]?$")
_LOWER_WORD = re.compile(r"\b[a-zß-ÿ]{4,}\b")
_WORD = re.compile(r"\b[^\W\d_]{3,}\b")
# 'by Jane Roe', 'hand coloured etching by Jane Roe', 'Photolithograph by Roe after J. Doe', '… by Jane Roe from
# 1907': the name after 'by' (a capital next: 'by 16"' is a size), without the original's maker or the date after it
_BY = re.compile(r"(?<!(?i:written))(?<!(?i:edited))(?<!(?i:translated))(?<!(?i:reported))(?<!(?i:compiled))"
                 r"(?:^|[ \t])by[ \t]+(?P<name>[A-ZÀ-ÞĀ-Ž][^,;()]*?)(?:[ \t]*\([^()]*\))?"
                 r"(?:[ \t]+(?:after|from|in)[ \t]+\S.*)?$")
# How a holder is written before or after its name: 'Courtesy of the …', 'Collection of …', 'Records of the …',
# 'Image courtesy …', 'From the …'; '… image', a reference number in brackets or after 'no.'
_HOLDER_LEAD = re.compile(
    r"(?i)(?:(?:image|photo(?:graph)?s?|digital\s+images?)\s+)?(?:courtesy(?:\s+of)?|collection\s+of|records\s+of|"
    r"from|(?:source|quelle|fonte|fuente|bron|kilde|källa|lähde)\s*:?|"
    r"(?:photo(?:graph)?|foto|kuva|bild|image|credit|crédit|beeld)\s*:)\s*(?:the\s+(?=\S+\s))?"
)
_HOLDER_TAIL = re.compile(
    r"(?i)(?:[ \t]*\([^()]*\d[^()]*\)|[ \t]+(?:no|nr|inv|ref|neg)\.?[ \t]*\S*\d\S*|[ \t]+(?:image|photo(?:graph)?))+"
    r"[ \t.]*\)?[ \t.]*$"  # '(Library of Congress image.)': the bracket around it
)
_ADDRESS = re.compile(r"<[^<>\s]{1,500}>|https?://\S+")  # a link's address, whose commas are no separators
_AUTHORED = re.compile(r"(?i)(?:written|edited|translated|compiled|reported)[ \t]+by\b")  # a text's byline
_YEAR_IN = re.compile(r"\b1\d\d\d\b")  # 'The Harvesters (1565)': a work dated in its title's piece
_DATED = re.compile(r"[ \t]+from[ \t]+1\d\d\d$")  # '… by Jane Roe from 1907'
_QUOTED_TITLE = re.compile(r"[\x1f\"“”]")  # a quoted title, or the cut where one stood ('Berryman, Clifford, “…”')
# The stems of the heritage words and phrases, and a maker's role after a comma: a citation holds one (may_cite). The
# stems grouped by their first letter (scan.by_first_letter): searched in every caption line, the same matches sooner.
_STEM_WORDS = (
    "archiv", "arkiv", "arkisto", "archief", "archiwum", "arhiv", "arquivo", "librar", "biblio", "muse", "muzeum",
    "galler", "galerie", "galería", "memorial", "collection", "colecc", "coleç", "collez", "sammlung", "collectie",
    "kokoelma", "samling", "society", "fototeca", "fototeka", "photothèque", "fotothek", "athenaeum", "kunsthalle",
    "records? office", "history cent",
)
_STEMS = with_first_chars(re.compile(
    by_first_letter(_STEM_WORDS) + "|"
    r",\s*(?:photographer|fotograf|fotógraf|manufacturer|engraver|etcher|lithographer|printmaker|printer|publisher|"
    r"artist|maker|illustrator|draughtsman|draftsman|cartographer|painter|sculptor|designer|architect|studio)\b"
))
# A piece after a maker's role that goes on about the person ('…, publisher, and his wife', '…, painter, with John
# Doe', '…, photographer, who …'): the role is the post of a person shown
_ACCOMPANIED = re.compile(r"(?:and|with|who|whose|his|her|their|at|in|on)\b")
# A name with a year after it, not in brackets ('Miss Harwick 1952', 'Harwick Rovers 1921', 'Class of 1952'): the
# title, team or year of a person shown, where a work's title dates itself in brackets ('The Harvesters (1565)')
_EVENT_YEAR = re.compile(r"\s(?:1\d\d\d|20\d\d)$")
_GLOSS = re.compile(r"^(?P<name>[^()]{3,80}?)[ \t]*\((?P<gloss>[^()\d]{3,80})\)[ \t.]*$")
_HOLDER_KINDS = frozenset({"institution", "government"})
_EDGE = " \t.:\"'“”‘’()[]"


@dataclass(frozen=True)
class Citation:
    """What a citation names: its maker (empty for none) and holder (with its units, as written; empty for none),
    where the holder stands in the text read, the catalog's entry for it, and whether the citation is marked as one
    (a maker named by its role, by 'by' or by life dates, or a date, reference number or donor beside the holder):
    an unmarked 'Holder, Place' is a credit, but a line of prose may end like one."""

    maker: str
    holder: str
    start: int
    end: int
    source: Source | None
    marked: bool
    first: str = ""  # the first piece when a person's full name: the maker after a lead-in that names one ('by')


@dataclass(frozen=True)
class _Piece:
    text: str
    start: int
    end: int


def read_citation(catalog: Catalog, text: str) -> Citation | None:
    """The citation `text` is written as, or None. Only a text that may name a holder or a maker's role is read
    (`may_cite`: one search); the answer is remembered per catalog, a link's text read again for every line that
    repeats it."""
    if not may_cite(catalog, text):
        return None
    return remembered(catalog, "citation-memo", text, _read)


def may_cite(catalog: Catalog, text: str) -> bool:
    """Whether a text holds a word a citation needs: a heritage word's stem, a maker's role ('photographer',
    'manufacturer'), or the name of a holder the catalog knows that holds no such stem ('The Courtauld', 'IWM').
    Substring tests on the folded text and one small pattern built per catalog: no work on a caption without one."""
    return _STEMS.search(text.casefold()) is not None \
        or catalog.cached("citation-names", _names).search(text) is not None


def _names(catalog: Catalog) -> re.Pattern[str]:
    """The catalog's holders' names and aliases that hold no heritage stem, as one pattern."""
    names = {name for source in catalog.sources.values() if source.kind in _HOLDER_KINDS
             and any(map(_heritage_words, (source.name, *source.aliases))) for name in (source.name, *source.aliases)
             if not _STEMS.search(name.casefold())}
    return _whole_names(names)


def _whole_names(names: set[str]) -> re.Pattern[str]:
    """Names as one pattern of whole words, the longest first (no name matches none)."""
    words = sorted(names, key=len, reverse=True) or ["(?!)"]
    return with_first_chars(re.compile(r"(?<!\w)(?:" + "|".join(re.escape(word) for word in words) + r")(?!\w)"))


def is_holder(catalog: Catalog, text: str) -> bool:
    """Whether a name is a holding institution's (an archive, library or museum the catalog knows, or by its shape)."""
    return _holder(catalog, text) is not None


def holder_first(catalog: Catalog, text: str) -> bool:
    """Whether `text` opens with a holder named as its own sentence, the rest of it its place, references and
    terms ('… by Jane Roe. State Library of New South Wales. Wikimedia Commons'): the credit before goes on."""
    if not may_cite(catalog, text):
        return False
    pieces = _pieces(_ADDRESS.sub("", text))
    if not pieces or _holder(catalog, pieces[0].text) is None:
        return False
    return all(_after_holder(catalog, piece.text) or _terms(catalog, piece.text) for piece in pieces[1:])


def _read(catalog: Catalog, text: str) -> Citation | None:
    pieces = _pieces(text)
    if len(pieces) == 1:  # 'Bundesarchiv (101I-317-0015-34A)', 'Wellcome Library no. 3701i': a holder, its number
        return _numbered_holder(catalog, text)
    if not pieces or any(_post(piece.text) or _AUTHORED.match(piece.text) for piece in pieces):
        return None  # 'Jane Roe, Head of Archives, National Library': who is shown; 'Written by …': a text's author
    at = _holder_index(catalog, pieces)
    if at is None:  # no holder: a catalogue record naming its photographer by role ('Lee, Russell, Photographer')
        return _record(catalog, pieces)
    quoted = [bool(_QUOTED_TITLE.search(text, one.end, two.start))
              for one, two in zip(pieces[:2], pieces[1:3], strict=False)]
    maker, marked = _maker(catalog, pieces[:at], quoted)
    last = _units_end(catalog, pieces, at)
    rest = pieces[last + 1 :]
    head = _holder(catalog, pieces[at].text)
    assert head is not None  # _holder_index found it
    lead, source = head
    if not all(_after_holder(catalog, piece.text) or _terms(catalog, piece.text)
               or source is not None and match_source(catalog, piece.text) is source for piece in _until_donor(rest)):
        return None
    marked = marked or last > at or any(_date(p.text) or _reference(p.text) or _YEAR_IN.search(p.text)
                                        for p in pieces[:at]) \
        or any(_reference(p.text) or _donor(p.text) or _date(p.text) for p in rest)
    if len(rest) == 1 and not marked and len(rest[0].text.split()) > 1 and looks_like_person(rest[0].text) \
            and match_source(catalog, pieces[at].text) is not None and not heritage_name(pieces[at].text):
        return None  # 'Smithsonian, Jane Roe' with nothing else: a body and a person, as any chain
    start = pieces[at].start + lead
    end = pieces[last].end if last > at else start + len(_holder_name(pieces[at].text[lead:]))
    return Citation(maker, text[start:end].rstrip(_EDGE), start, end, source, marked, first_name(catalog, pieces[:at]))


def _record(catalog: Catalog, pieces: list[_Piece]) -> Citation | None:
    """'Mexican boy with goat, Crystal City, Texas, Lee, Russell, Photographer, 1939, March. LC-USF33-012103-M1': a
    catalogue record with no holder, its maker named by a role word and followed by a date or reference only."""
    for index in range(1, len(pieces) - 1):
        if pieces[index].text.casefold() in MAKER_ROLES and all(
                _date(p.text) or _reference(p.text) for p in pieces[index + 1 :]):
            maker = _named_by_role(catalog, pieces, index - 1)
            return Citation(maker, "", 0, 0, None, True) if maker else None
    return None


# A web address in a citation ('https://www.flickr.com/photos/…', 'www.flickr.com/…', '<https://…>')
_WEB_ADDRESS = re.compile(r"<[^<>\s]{1,500}>|https?://\S+|\bwww\.\S+")
_SEEN = re.compile(r"(?i)^(?:accessed|retrieved|viewed|consulted|consult[ée]|abgerufen)\b")  # 'accessed January 21'
_ANY_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


@dataclass(frozen=True)
class PlatformCitation:
    """A picture cited as a student's or a course's reference list cites it: its maker, the platform that holds it
    (by the catalog's name), the terms written after it ('Creative Commons License (CC BY-NC-ND 2.0)') and the web
    addresses of the line, in order."""

    maker: str
    platform: str
    terms: tuple[str, ...]
    addresses: tuple[str, ...]


def read_platform_citation(catalog: Catalog, text: str) -> PlatformCitation | None:
    """'Eric Sehr. Scarborough Town Centre (DSC_0387), 2013, colour digital, Flickr, Toronto, accessed January 21,
    2020, https://www.flickr.com/photos/…. Creative Commons License (CC BY-NC-ND 2.0), https://creativecommons.org/…'
    (Chicago's order; 'Jane Roe, Harbour at Dusk, 2019, photograph, Flickr, https://…' too): the maker's full name
    first, then the work's title, a date and the medium, no other party, then a platform the catalog knows, named or
    shown by the address of its page, then only the place, the date it was seen, references and terms. Remembered
    per catalog."""
    if len(text) > 600 or ", " not in text:
        return None
    return remembered(catalog, "platform-citation-memo", text, _read_platform_citation)


def _read_platform_citation(catalog: Catalog, text: str) -> PlatformCitation | None:
    addresses = tuple(m.group(0).strip("<>").rstrip(".,;") for m in _WEB_ADDRESS.finditer(text))
    pieces = _pieces(_WEB_ADDRESS.sub(", ", text))
    if len(pieces) < 3 or len(pieces[0].text.split()) < 2 or first_name(catalog, pieces[:1]) != pieces[0].text \
            or not _titled(pieces[1].text) or _post(pieces[1].text) \
            or match_source(catalog, pieces[1].text) is not None:
        return None  # a name, then a title ('Jane Roe, Reuters, …' names a second party: a chain)
    at = next((n for n, piece in enumerate(pieces[2:], 2) if _platform(catalog, piece.text)), None)
    linked = [source for source in (match_domain(catalog, a if "://" in a else f"https://{a}") for a in addresses)
              if source is not None and source.kind == "platform"]
    platform = match_source(catalog, pieces[at].text) if at is not None else linked[0] if linked else None
    if platform is None:
        return None
    between = pieces[1 : at if at is not None else len(pieces)]
    if not any(_date(piece.text) or _ANY_YEAR.search(piece.text) for piece in between) \
            or any(_organisation(catalog, piece.text) for piece in between[1:]):
        return None  # no date: a list of names; another body between: a chain, read as one
    rest = pieces[at + 1 :] if at is not None else []
    if not all(_after_holder(catalog, p.text) or _terms(catalog, p.text) or _SEEN.match(p.text) for p in rest):
        return None
    terms = tuple(p.text for p in rest if _terms(catalog, p.text))
    return PlatformCitation(pieces[0].text, platform.name, terms, addresses)


def may_cite_platform(catalog: Catalog, line: str) -> bool:
    """Whether a line may be such a citation: a year, and a web address or a platform's name (one pattern of the
    catalog's platforms, built once per catalog)."""
    return _ANY_YEAR.search(line) is not None and ("http" in line or "www." in line or catalog.cached(
        "platform-names", _platform_names).search(line) is not None)


def _platform_names(catalog: Catalog) -> re.Pattern[str]:
    names = {name for source in catalog.sources.values() if source.kind == "platform"
             for name in (source.name, *source.aliases) if len(name) > 2}
    return _whole_names(names)


def _platform(catalog: Catalog, piece: str) -> bool:
    source = match_source(catalog, piece.strip(_EDGE))
    return source is not None and source.kind == "platform"


def _numbered_holder(catalog: Catalog, text: str) -> Citation | None:
    """'Bundesarchiv (101I-317-0015-34A)', 'Wellcome Library no. 3701i': a holder and its number; 'Narodowe Archiwum
    Cyfrowe (Polish National Digital Archive)': a holder and its name in English, a gloss."""
    gloss = _GLOSS.match(text)
    named = _holder(catalog, gloss.group("name").strip(_EDGE)) if gloss is not None else None
    if gloss is not None and named is not None and heritage_name(gloss.group("gloss").strip()):
        name = _holder_name(gloss.group("name").strip(_EDGE)[named[0] :])
        return Citation("", name, named[0], named[0] + len(name), named[1], True)
    head = _holder(catalog, text)
    if head is None:
        return None
    name = _holder_name(text[head[0] :])
    if len(name) == len(text[head[0] :].strip(_EDGE)):
        return None  # nothing cut: a name alone, read as any name
    return Citation("", name, head[0], head[0] + len(name), head[1], True)


def _pieces(text: str) -> list[_Piece]:
    """The pieces of a citation, trimmed; a name's suffix ('Jr.') joins the piece before it."""
    found: list[_Piece] = []
    cursor = 0
    for separator in [*_SEPARATOR.finditer(text), None]:
        stop = separator.start() if separator else len(text)
        raw = text[cursor:stop]
        piece = raw.strip(" \t\n–—*_")  # '“Title” – Jane Roe, photographer': the dash; '*…*' emphasis
        piece = piece.rstrip(".") if not piece.endswith(("Jr.", "Sr.")) and not _initial_end(piece) else piece
        if piece:
            begin = cursor + raw.index(piece[0])
            if found and (piece.casefold() in NAME_SUFFIXES or len(found[-1].text) == 1 and found[-1].text.isupper()):
                # 'John Runk, Jr.': the suffix is the name's; 'J, Paul Getty Museum': an initial's stop typed as a comma
                previous = found.pop()
                found.append(_Piece(text[previous.start : begin + len(piece)], previous.start, begin + len(piece)))
            else:
                found.append(_Piece(piece, begin, begin + len(piece)))
        cursor = separator.end() if separator else len(text)
    return found


def _initial_end(piece: str) -> bool:
    return len(piece) > 2 and piece[-1] == "." and piece[-2].isupper() and piece[-3] in " ."  # 'Howard R.'


def _holder_index(catalog: Catalog, pieces: list[_Piece]) -> int | None:
    """The first piece naming a holding institution; a named collection only when no other holder is named."""
    collection = None
    for at, piece in enumerate(pieces):
        found = _holder(catalog, piece.text)
        if found is None:
            continue
        if not _collection_only(piece.text) or found[1] is not None:
            return at
        collection = at if collection is None else collection
    return collection


def _holder(catalog: Catalog, piece: str) -> tuple[int, Source | None] | None:
    """Where a holder's name starts in a piece (after 'Courtesy of the'), and its catalog entry, or None."""
    if _donor(piece):
        return None  # 'Gift of the Harwick Historical Society': how the holder came by it, a donor
    offset = len(piece) - len(piece.lstrip(_EDGE))  # '(Records of the National Archives)'
    lead = _HOLDER_LEAD.match(piece, offset)
    offset = lead.end() if lead else offset
    name = _holder_name(piece[offset:])
    if not name:
        return None
    source = match_source(catalog, name)
    if source is not None and source.kind in _HOLDER_KINDS and any(map(_heritage_words, (source.name,
                                                                                        *source.aliases))):
        return offset, source  # an archive, library or museum the catalog knows (not NASA, not the UN)
    return (offset, None) if heritage_name(name) else None


def _holder_name(piece: str) -> str:
    return _HOLDER_TAIL.sub("", piece.lstrip(_EDGE).rstrip(" \t.")).strip(_EDGE)


def heritage_name(name: str) -> bool:
    """'Musee du Louvre', 'Stadtarchiv Dortmund', 'Archives municipales de Toulouse', 'Minnesota Historical Society',
    'Royal Collection': a name, capitalised (or, led by the institution's noun, with adjectives in lower case as
    French, Spanish and Italian write them), holding a heritage or collection word."""
    words = name.split()
    if not 1 <= len(words) <= 10 or not name[:1].isupper() or has_digit(name) \
            or not _STEMS.search(name.casefold()):
        return False
    folded = [w.strip(".,()'’\"").casefold() for w in words]
    if not _heritage_words(name) or ":" in name or any(f in PUBLICATION_WORDS for f in folded) or any(
            w[:1].islower() and _heritage_word(f) and before in ARTICLES
            for w, f, before in zip(words[1:], folded[1:], folded[:-1], strict=True)):
        return False  # 'Museum Studies', 'New York: Harwick Library Press': a bibliography's; 'in the archive': prose
    if "at" in folded and not _heritage_words(" ".join(words[: folded.index("at")])):
        return False  # 'Jane Roe and John Doe at the Harwick Museum': who stood where ('The Museum at Eldridge Street')
    lower = [w for w, f in zip(words, folded, strict=True) if w[:1].islower() and f not in CITATION_CONNECTORS
             and not f.startswith(("d'", "d’")) and not _heritage_word(f.removesuffix("s"))]  # 'Nordiska museets arkiv'
    return not lower or (folded[0] in HERITAGE_WORDS and words[-1][:1].isupper() and len(lower) <= 2)


def _heritage_words(name: str) -> bool:
    folded = [w.strip(".,()'’\"").casefold() for w in name.split()]
    return any(_heritage_word(w) or w in COLLECTION_WORDS for w in folded) \
        or any(phrase in name.casefold() for phrase in HERITAGE_PHRASES)


def _heritage_word(word: str) -> bool:
    return word in HERITAGE_WORDS or word.endswith(HERITAGE_ENDINGS)


def _collection_only(piece: str) -> bool:
    folded = [w.strip(".,()'’\"").casefold() for w in piece.split()]
    return any(w in COLLECTION_WORDS for w in folded) and not any(
        w in HERITAGE_WORDS or w.endswith(HERITAGE_ENDINGS) for w in folded) \
        and not any(phrase in piece.casefold() for phrase in HERITAGE_PHRASES)


def _units_end(catalog: Catalog, pieces: list[_Piece], at: int) -> int:
    """The last piece of the holder's name with its units ('Library of Congress, Prints and Photographs Division';
    'Bibliothèque nationale de France, département Monnaies, médailles et antiques')."""
    last = at
    for index in range(at + 1, len(pieces)):
        text = pieces[index].text
        if has_digit(text) or _collection_only(text):
            break
        folded = [w.strip(".,()'’\"").casefold() for w in text.split()]
        unit = any(w in UNIT_WORDS for w in folded) and len(folded) <= 8
        if unit or heritage_name(text) and match_source(catalog, text) is None \
                or text[:1].islower() and last > at and len(folded) <= 4:  # 'médailles et antiques' goes on
            last = index
            continue
        break
    return last


def _maker(catalog: Catalog, pieces: list[_Piece], quoted: list[bool] | None = None) -> tuple[str, bool]:
    """The maker among the pieces before the holder, and whether the citation marks it as one (a role word, 'by',
    life dates); else the first piece, when it is a person's full name."""
    for index, piece in enumerate(pieces):
        by = _BY.search(piece.text)
        if by is not None and looks_like_person(by.group("name")) and not _organisation(catalog, by.group("name")):
            return by.group("name").strip(_EDGE), True
        after = pieces[index + 1].text.casefold() if index + 1 < len(pieces) else ""
        if after in MAKER_ROLES:
            if index + 2 < len(pieces) and _ACCOMPANIED.match(pieces[index + 2].text):
                return "", False  # 'Jane Roe, publisher, and his wife, 1898': the people shown, the role a post
            return _named_by_role(catalog, pieces, index), True
        if index + 1 < len(pieces) and _life_after(pieces, index + 1) and looks_like_person(piece.text):
            return piece.text, True
    quoted = quoted or [False, False]  # a quoted title (or the cut where one stood) after the first, second piece
    first = first_name(catalog, pieces)
    if first and (len(pieces) == 1 or quoted[0] or _titled(pieces[1].text)):
        return first, False  # 'Johannes Vermeer. The Kitchen Maid, c. 1658': the maker, then the work's title
    if len(pieces) > 2 and quoted[1:2] == [True] and _surname_first(catalog, pieces[0].text, pieces[1].text):
        return f"{pieces[0].text}, {pieces[1].text}", False  # 'Berryman, Clifford, “Untitled,” 1932': a bibliography's
    return "", False


def first_name(catalog: Catalog, pieces: list[_Piece]) -> str:
    """The first piece when it is a person's full name ('Jane Roe from 1907': the name); one word opens an object's
    label as often ('Bowl, Iran'), and a name with a number is a sentence ('President Jane Roe in 1912')."""
    first = _DATED.sub("", pieces[0].text) if pieces else ""
    if len(first.split()) > 1 and looks_like_person(first) and not _organisation(catalog, first) \
            and not has_digit(first) and first.casefold() not in ROLES \
            and first.split()[0].casefold() not in ARTICLES:  # 'The Harwick Rovers, 1921 champions': a team
        return first
    return ""


def _titled(piece: str) -> bool:
    """A work's title after its maker ('The Kitchen Maid', "'The Raft of the Medusa' (1818-19)"); a date, a medium
    or the kind of picture after a name is a portrait's ('Abraham Lincoln, 1863. Library of Congress', 'Dred Scott,
    photograph'): the sitter, no maker (after a lead-in that names the maker, credit_fields reads it: 'Photograph by
    Jane Roe, 1917. Imperial War Museums')."""
    return not (_date(piece) or _reference(piece) or piece[:1].islower() or portrait(piece)
                or piece.casefold() in ROLES or _EVENT_YEAR.search(piece))


def portrait(piece: str) -> bool:
    """'Dred Scott, photograph, circa 1857', 'Jane Roe, carte de visite': after a portrait's sitter, the kind of
    picture it is; after a maker come a title, a date or a medium."""
    return piece.strip(_EDGE).casefold() in PORTRAIT_WORDS


def _surname_first(catalog: Catalog, surname: str, given: str) -> bool:
    """A catalogue's or bibliography's order: a surname of one word, then given names or initials ('Berryman,
    Clifford', 'Paré, Ambroise', 'Hollem, Howard R.')."""
    return len(surname.split()) == 1 and surname[:1].isupper() and 1 <= len(given.split()) <= 3 \
        and given[:1].isupper() and looks_like_person(f"{given} {surname}") and not any(
            _organisation(catalog, name) or _date(name) for name in (surname, given))


def _named_by_role(catalog: Catalog, pieces: list[_Piece], index: int) -> str:
    """The name before a role word: 'Dorothea Lange', or a catalogue's 'Lee, Russell' (a surname, then a given name
    or initials, each a piece of its own)."""
    name = pieces[index].text
    before = pieces[index - 1].text if index > 0 else ""
    given = len(name.split()) == 1 or _initial_end(name)
    if given and before and len(before.split()) == 1 and before[:1].isupper() and looks_like_person(before) \
            and not _date(before):
        return f"{before}, {name}"
    return name if looks_like_person(name) or _organisation(catalog, name) else ""


def _life_after(pieces: list[_Piece], at: int) -> bool:
    """Life dates right after a name, or after its nationality ('American, 1895-1965')."""
    if _LIFE.match(pieces[at].text):
        return True
    nationality = pieces[at].text
    return len(nationality.split()) == 1 and nationality[:1].isupper() and at + 1 < len(pieces) \
        and bool(_LIFE.match(pieces[at + 1].text))


def _after_holder(catalog: Catalog, piece: str) -> bool:
    """What may follow a holder: its place (a capitalised name of one to three words), a reference number, a date,
    a named collection, a donor or fund ('Gift of …', 'Rogers Fund')."""
    if _date(piece) or _reference(piece) or _donor(piece) or _collection_only(piece):
        return True
    words = piece.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() or w.casefold() in CITATION_CONNECTORS for w in words) \
        and not _organisation(catalog, piece)


def _until_donor(pieces: list[_Piece]) -> list[_Piece]:
    """The pieces up to a donor's ('Gift of Mr. and Mrs. John L. Loeb, 1962': what follows is the donor's too)."""
    for at, piece in enumerate(pieces):
        if _donor(piece.text):
            return pieces[:at]
    return pieces


def _donor(piece: str) -> bool:
    words = [w.strip(".,()'’\"").casefold() for w in piece.split()]
    return bool(words) and (words[0] in ACQUISITION_WORDS or words[-1] in ("fund", "funds", "bequest", "gift")
                            or len(words) > 1 and words[0] in ("museum", "partial") and words[1] in ACQUISITION_WORDS)


def _terms(catalog: Catalog, piece: str) -> bool:
    """A platform, a license or a link after the holder ('Wikimedia Commons <https://…>', 'Public domain')."""
    folded = piece.casefold()
    if "<" in piece or "via " in folded or "licen" in folded or "public domain" in folded or "cc" in folded.split():
        return True
    source = match_source(catalog, piece.strip(_EDGE))
    return source is not None and source.kind == "platform"


def is_date(piece: str) -> bool:
    """Whether a piece is a date alone, as catalogues and archive captions write one ('1923', 'Circa 1955', '9th July
    1945', 'March 1945')."""
    return _date(piece)


def _date(piece: str) -> bool:
    return bool(_DATE.match(piece.strip(" \t.")))


def _reference(piece: str) -> bool:
    """A reference number: a digit, a few words, and at most one word but the words references use ('Vogüé 227',
    'NAID: 6503275', 'accession number: 500004225'; not a title with its year: 'The Harvesters (1565)')."""
    if not has_digit(piece) or len(piece.split()) > 5:
        return False
    words = [w for w in _WORD.findall(piece) if w.casefold() not in REFERENCE_WORDS]
    return len(words) <= 1 and all(word in REFERENCE_WORDS for word in _LOWER_WORD.findall(piece))


def _post(piece: str) -> bool:
    """A person's post ('Curator', 'Head of Archives', 'President of the United States', 'Chief Archivist'): the line
    names who is shown. A work's title may open with such a word ('Head of a Woman'): such a citation is read as any
    credit."""
    words = [w.strip(".,()'’\"").casefold() for w in piece.split()]
    return bool(words) and (words[0] in POST_WORDS or len(words) <= 3 and len(words) > 1 and words[1] in POST_WORDS)


def _organisation(catalog: Catalog, name: str) -> bool:
    """A body's name: one the catalog knows, or with a body's word ('oil on board' is a painting's support: a word that
    makes a body only with a capital, CAPITALISED_ORGANISATION_WORDS, in lower case makes none)."""
    words = [w.strip(".,()'’\"") for w in name.split()]
    return match_source(catalog, name) is not None or heritage_name(name) or any(
        w.casefold() in ORGANISATION_WORDS and not (w.islower() and w in CAPITALISED_ORGANISATION_WORDS) for w in words)
