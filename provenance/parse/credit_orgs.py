"""Whether a name in a credit is an organisation's: the catalog first, then the name's shape.

A name the catalog knows (an alias, or an alias qualified by a unit or a place: 'NASA Goddard') is always the
source's. An unknown name is an organisation when it looks like one: a company form or an organisation word ('Inc',
'GmbH', 'Ministry', 'University', 'Press'), a newspaper's title ('… Free Press', 'Omaha World-Herald'), a domain,
a brand written in camel case, a body in CJK script; a person's name otherwise (credit_parts labels it).
"""

from __future__ import annotations

import re

from provenance.catalog.load import Catalog
from provenance.catalog.names import has_digit
from provenance.catalog.sources import match_source
from provenance.model import Source
from provenance.parse.credit_words import (
    BODY_BEFORE_DE,
    BRAND_WORD_ENDINGS,
    CJK_BODY_ENDINGS,
    COMPANY_FORM,
    FORM_WORDS,
    GIVEN_NAME_ORGANISATION_WORDS,
    ISSUE_WORDS,
    JOB_WORDS,
    KIN_WORDS,
    MOVEMENT_PHRASES,
    NAME_CONNECTORS,
    NEWS_TITLE_ENDS,
    NEWSPAPER_WORDS,
    ORGANISATION_SUFFIX,
    ORGANISATION_WORD_ENDINGS,
    ORGANISATION_WORDS,
    PERSON_JOB_WORDS,
    PLACE_CONNECTORS,
    RANK,
    ROLES,
    SPORT_WORDS,
    SURNAME_ORGANISATION_WORDS,
    TITLE_AFTER_ISSUE,
    TITLE_ARTICLES,
    TITLE_NOUNS_AFTER_ARTICLE,
    names_a_station,
)

PUBLIC_BODY_KINDS = frozenset({"government", "institution"})

# Two surnames joined by '&' (one word each side): a studio or firm ('Harris & Ewing'); 'Jane Roe & John Doe' is two
# people
_FIRM = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?[ \t]+&[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")

# The Movement's name as whole words: 'Fred Cross', 'Mildred Cross' and 'Ana Cruz Rojas' are people
_MOVEMENT = re.compile(r"(?i)(?<!\w)(?:" + "|".join(map(re.escape, MOVEMENT_PHRASES)) + r")(?!\w)")

_NOT_LETTER = re.compile(r"[\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# (country endings that are also words, 'no', 'is', 'at', 'be', 'in', 'id', 'co', are left out: 'Dr.No'). Latin
# America's endings count written in lower case after a label of two characters or more ('c3m.com.ar', 'latercera.cl'),
# since a capital's ('Jose.Mx') or an initial's ('J.Pe', 'M.Cl') is a name run together; Paraguay's '.py' only after
# 'com', 'org', 'gov', 'edu' or 'net' ('abc.com.py'), since a Python file ends so ('setup.py').
_DOMAIN = re.compile(
    r"(?i)^(?:[a-z0-9-]{1,40}\.){1,3}(?:com|org|net|gov|edu|info|ru|ua|de|fr|uk|jp|cn|it|es|pl|br|pt|nl|kr|ca|au|tv|"
    r"hu|cz|sk|ro|bg|hr|rs|si|gr|tr|se|dk|fi|ee|lt|lv|vn|il|su|kz)$|"
    r"^(?:[A-Za-z0-9-]{1,40}\.){0,2}[A-Za-z0-9-]{2,40}\.(?-i:ar|mx|cl|pe|ve|uy|bo|ec|cu)$|"
    r"^(?:[A-Za-z0-9-]{1,40}\.){1,2}(?:com|org|gov|edu|net)\.(?-i:py)$"
)


def qualified_source(catalog: Catalog, text: str) -> Source | None:
    """'UNICEF Afghanistan', 'Reuters TV': a known source and a word or two that qualify it."""
    head, dash, tail = text.partition("-")
    if dash and " " not in text and tail and match_source(catalog, head) is not None:
        return match_source(catalog, head)
    words = text.split()
    if not 2 <= len(words) <= 4 or RANK.match(" ".join(words[1:])) or "," in text or ":" in text:
        return None  # a comma lists names; a colon ends a label, its value no qualifier ('ABC Kids: Bluey')
    for count in (2, 1):
        source = match_source(catalog, " ".join(words[:count])) if count < len(words) else None
        if count == 1 and word_alias(catalog, words[0]) or count == 2 and _article_before_alias(catalog, words):
            continue  # 'Apple Martin', 'Samsung Galaxy', 'Granger Smith': a word that names a source only as an alias
            # is a name's or a product's first word as often, never a source qualified; after 'The' too ('The Apple
            # Watch Ultra.', 'The Huawei Mate XT.': a product's caption)
        rest = words[count:]
        if source is not None and len(rest) <= 2 and all(w[:1].isupper() and w.casefold() not in ROLES for w in rest):
            return source
    return None


def _article_before_alias(catalog: Catalog, words: list[str]) -> bool:
    """'The Apple …': an article, then a word that names a source only as an alias (see word_alias)."""
    return words[0].casefold() == "the" and word_alias(catalog, words[1])


def word_alias(catalog: Catalog, word: str) -> bool:
    """'Apple', 'Magnum', 'Granger', 'Polaris': one word in lower case after its capital that names a source only as an
    alias of a fuller name ('Apple Inc.', 'Magnum Photos', 'Granger Historical Picture Archive'); as often a word, a
    surname or a product's name (licenses/README). A source's own name ('Reuters') or initials ('DBT') are none."""
    if " " in word or not word[:1].isupper() or word[1:] == word[1:].upper():
        return False
    source = match_source(catalog, word)
    return source is not None and word.casefold() != source.name.casefold()


def public_body(catalog: Catalog, text: str) -> bool:
    source = match_source(catalog, text)
    return source is not None and source.kind in PUBLIC_BODY_KINDS


def is_organisation(catalog: Catalog, text: str) -> bool:
    known = match_source(catalog, text) or qualified_source(catalog, text)
    return known is not None or looks_like_organisation(text)


# Organisation words that qualify a person's job when one follows ('Military Photographer Jane Roe', 'Military
# Correspondent Tom Bell', 'Jane Roe, Wildlife Photographer'); elsewhere a body's ('Harwick Front Military Wing',
# 'Israeli Military', 'Harwick Fish and Wildlife')
_JOB_QUALIFIERS = frozenset({"military", "wildlife", "fisheries"})


def _has_organisation_word(text: str, words: list[str]) -> bool:
    """An organisation word anywhere, but a company form ('sa', 'ag', 'inc') not as the first word of the name
    after its rank ('Sgt. 1st Class Sa Fenha': a given name)."""
    if ORGANISATION_WORDS.isdisjoint(words):  # the common case, at one set operation
        return False
    for at, word in enumerate(words):
        if word in SPORT_WORDS and not _sport_of_a_body(text, word):
            continue  # 'Football', 'Jane Roe, Basketball Photographer': a sport, or a job in it, beside no body's name
        if word in _JOB_QUALIFIERS and at + 1 < len(words) and words[at + 1] in PERSON_JOB_WORDS:
            continue  # 'Military Photographer Jane Roe': the word says what the person's job is about, no body
        if word in SURNAME_ORGANISATION_WORDS and _listed_surname(text, word):
            continue  # 'Jane Roe, Tom Board, Ada Brook': a person's surname in a list of names
        if word in ORGANISATION_WORDS and (word not in FORM_WORDS and word not in GIVEN_NAME_ORGANISATION_WORDS
                                           or at > _name_start(text)):
            return True  # ('Summit Sharma': a given name first; 'HT Leadership Summit' a body)
    return False


_LIST_PARTS = re.compile(r"[,;]|\s(?:and|&)\s")


def _listed_surname(text: str, word: str) -> bool:
    """Whether `word` (a surname that is an organisation word too) closes, wherever it stands, a name of two
    capitalised words between a list's commas or an 'and' ('Jane Roe, Tom Board, Ada Brook', 'Jane Board and Tom
    Bell'), the first no body's word ('Jane Roe, Harwick Tourism Board' names a body)."""
    parts = [(part, [w.strip(".()").casefold() for w in part.split()]) for part in _LIST_PARTS.split(text)]
    holding = [(part, words) for part, words in parts if word in words]
    return bool(holding) and all(len(words) == 2 and words[1] == word and words[0] not in ORGANISATION_WORDS
                                 and part.lstrip()[:1].isupper() for part, words in holding)


def _sport_of_a_body(text: str, sport: str) -> bool:
    """Whether a sport's word stands in a body's name: beside another word of its own part of the text (between
    commas) that is neither a sport's nor a job's ('Cricket Ireland', 'Harbor Racing')."""
    for part in text.split(","):
        words = [w.strip(".()").casefold() for w in part.split()]
        if sport in words and any(w not in SPORT_WORDS and w not in JOB_WORDS for w in words):
            return True
    return False


def _name_start(text: str) -> int:
    rank = RANK.match(text)
    return len(text[: rank.end()].split()) if rank else 0


# One word in camel case, two capitalised parts ('LiveMedia'); surnames are written so too ('McDonald', 'DiCaprio'),
# so the second part must be an organisation's word.
_CAMEL_WORD = re.compile(r"^[A-Z][a-z]{2,}(?P<tail>[A-Z][a-z]{2,})$")


def _cjk_body(text: str) -> bool:
    """'한국사진기자협회', '日本写真家協会': a CJK body's name, its last word ending in a body's word glued to the
    name."""
    last = text.rsplit(None, 1)[-1] if text.strip() else ""
    if not last.endswith(CJK_BODY_ENDINGS):  # one test for all the endings: the common case, no ending at all
        return False
    # two characters of the name at least: one before the ending is a Korean surname and the given name's syllables
    # ('송전자', a person whose given name is 전자; 'LG전자', '삼성전자' are makers)
    return any(last.endswith(ending) and len(last) >= len(ending) + 2 for ending in CJK_BODY_ENDINGS)


def looks_like_organisation(text: str) -> bool:
    if "&" in text and _FIRM.match(text):  # 'Harris & Ewing', 'Elliott & Fry': a studio named after its partners
        return True
    if names_a_station(text):  # 'NBC 5', 'NBC Bay Area', 'KARE 11': a TV station by its brand, never a person's name
        return True
    words = [w.strip(".,()").casefold() for w in text.split()]
    if words and words[0] in ORGANISATION_WORDS and len(words) <= 16 and _CYRILLIC.match(text):
        return True  # 'пресс-служба губернатора области': Russian and Ukrainian write a body's name in lower case
    if "." in text and _DOMAIN.match(text):
        return True  # 'mos.ru', 'gov.pl': a site's address, in lower case as addresses are written
    form = COMPANY_FORM.search(text)  # 'Norrbo Studio AB', 'Kvale Media A/S', 'Lasek Foto sp. z o.o.'
    name = text[: form.start()] if form else text
    if len(words) > 16 or text[:1].islower() or len(words) > 1 and not _name_words(name):
        return False
    if not form and len(words) == 2 and words[1] in SURNAME_ORGANISATION_WORDS and words[0] not in ORGANISATION_WORDS:
        return False  # 'Melissa Bank': a given name and a surname
    if form or _has_organisation_word(text, words) or ORGANISATION_SUFFIX.search(text) or _newspaper_title(words):
        return True
    if _MOVEMENT.search(text):
        return True  # 'Paraguayan Red Cross', 'Croix-Rouge française'
    if len(words) > 1 and text.endswith(("Photos", "PHOTOS")) or len(words) == 2 and text.endswith(" Photo"):
        return True  # 'Nordic Photos', 'J.LEAGUE PHOTOS': an agency's or a league's photo service, named with a
        # capital; 'Fab Photo': a studio's name (an agency's 'AA Photo' is its mark, read before)
    if "ال" in text and any(w.startswith("ال") and w[2:] in ORGANISATION_WORDS for w in words):
        return True  # Arabic 'al-': 'المكتب الإعلامي'
    if any(w.endswith(ORGANISATION_WORD_ENDINGS) for w in words):  # 'Stadtarchiv Wernau', 'Riksarkivet'
        return True
    body = text[: text.index("(")].rstrip() if text.endswith(")") and "(" in text and not text.isascii() else text
    if _cjk_body(body):
        return True  # '한국사진기자협회', '한국사진기자협회(KPPA)': a body's name, with its acronym in brackets or not
    pairs = zip(words, words[1:], strict=False)
    if not BODY_BEFORE_DE.isdisjoint(words) \
            and any(w in BODY_BEFORE_DE and (nxt in ("de", "du") or nxt.startswith(("d'", "d’"))) for w, nxt in pairs):
        return True  # 'Ville de Lyon', not 'Ville Korhonen'
    if 2 <= len(words) <= 3 and words[0] in TITLE_ARTICLES and (text[:1].isupper() or not text[:1].isascii()):
        return True  # 'Der Spiegel', 'Die Zeit', '더 프로액터스': an article opens a title, not a person's name
    if len(words) == 2 and words[0] in ("el", "la", "le", "les") and words[1] in TITLE_NOUNS_AFTER_ARTICLE \
            and text[:1].isupper():
        return True  # 'El Tiempo', 'La Nación': a paper's title
    if "'" in text or "’" in text:
        if _POSSESSIVE_INSIDE.search(text) and words[-1] not in KIN_WORDS and words[-1] not in PERSON_JOB_WORDS:
            return True  # "Gavin Brown's Enterprise", "Ma's Kitchen": a thing of someone's ("Tom Bell's Daughter",
            # "… Assistant": a person of someone's)
        if text[:2] in ("L'", "L’") and text[2:3].isupper():  # "L'Osservatore Romano", "L'Équipe": the elided
            return True  # article of a title; no given name opens so ('D'Angelo' is one: only 'L')
    if _brand_compound(text):  # 'Costfoto', 'Asiapress': an agency's one-word brand
        return True
    if len(words) != 1:  # what is left reads one word only
        return False
    camel = _CAMEL_WORD.match(text)
    if camel is not None and (camel.group("tail").casefold() in ORGANISATION_WORDS
                              or text.startswith("Visit") and text[5:6].isupper()):
        return True  # 'LiveMedia', 'ZumaPress': a brand written as one word, an organisation's word closing it;
        # 'VisitScotland', 'VisitCanberra': a tourism board's brand, 'Visit' glued to its place
    letters = _NOT_LETTER.sub("", text)
    if text.startswith("@"):  # '@MYANC', '@NASA': an acronym's account is an institution's
        return 2 <= len(letters) <= 6 and letters.isupper() and text[1:].isalpha()  # as long as a bare acronym
    return 2 <= len(letters) <= 6 and letters.isupper() and not has_digit(text)


# A possessive inside a name, before a capitalised word: what belongs to someone names a firm, a shop or a venue
_POSSESSIVE_INSIDE = re.compile(r"[^\W\d_]['’]s[ \t]+[A-Z]")


def _brand_compound(text: str) -> bool:
    """A capitalised word that a photo agency's or a press's word closes, glued to at least three letters before it
    ('Costfoto', 'Sportsphoto', 'Asiapress'); a handle in lower case ('janephoto') is a person's, and the word alone
    ('Photo') is none."""
    for word in text.split():
        if word[:1].isupper() and not word.isupper():
            folded = word.casefold()
            ending = next((e for e in BRAND_WORD_ENDINGS if folded.endswith(e)), "")
            if ending and len(folded) - len(ending) >= 3 and folded[: -len(ending)].isalpha():
                return True
    return False


_PAPER_PARTS = NEWSPAPER_WORDS | NEWS_TITLE_ENDS


def _newspaper_title(words: list[str]) -> bool:
    """'Omaha World-Herald', 'The Kansas City Star': a paper's title by its last word after a hyphen, or after 'The'
    and at least one more word (NEWS_TITLE_ENDS); 'Star', 'Bee' or 'Sun' alone stay a name's. 'Evening Standard',
    'Sunday Mirror': a word of the issue's day or time, then a paper's word (ISSUE_WORDS, TITLE_AFTER_ISSUE).
    'Post-Gazette', 'Star-Advertiser': one word, two papers' words joined by a hyphen, as a paper shortens its title
    in its own credits ('(Jane Roe/Post-Gazette)'); no surname is made of two of them."""
    if len(words) == 1 and words[0].count("-") == 1:
        head, _, tail = words[0].partition("-")
        return head in _PAPER_PARTS and tail in _PAPER_PARTS
    last = words[-1] if len(words) > 1 else ""
    head, hyphen, tail = last.rpartition("-")
    if len(words) == 2 and words[0] in ISSUE_WORDS and last in TITLE_AFTER_ISSUE:
        return True
    return bool(hyphen and head and (tail in NEWS_TITLE_ENDS or head in _PAPER_PARTS and tail in _PAPER_PARTS)) \
        or len(words) > 2 and words[0] == "the" \
        and last in NEWS_TITLE_ENDS


def news_title(catalog: Catalog, text: str) -> bool:
    """An organisation whose last word names a newspaper ('Detroit Free Press', 'Omaha World-Herald'): the outlet in
    a 'Name, Outlet' credit closing a caption, as Gannett's galleries write it."""
    words = [w.strip(".,()").casefold() for w in text.split()]
    return bool(words) and words[-1].rpartition("-")[2] in NEWS_TITLE_ENDS and is_organisation(catalog, text)


def _name_words(text: str) -> bool:
    """Every word of a multi-word name is capitalised, a connector (of, the, und) or an organisation
    word ('Press service of the President'); a sentence has other lower-case words."""
    words = text.split()
    for at, word in enumerate(words):
        bare = word.strip(".,()'\"“”").casefold()
        if word[:1].islower() and bare not in NAME_CONNECTORS and bare not in ORGANISATION_WORDS:
            return False
        if bare in PLACE_CONNECTORS and (at == 0 or not words[at - 1][:1].isupper() or not any(
                w.strip(".,()").casefold() in ORGANISATION_WORDS for w in words[:at]) or any(
                w.strip(".,()").casefold() in ORGANISATION_WORDS for w in words[at + 1 :])):
            return False  # 'Institute of Physics in Opava': a body, then its town; 'Riot police in Elvel' is a
            # sentence, 'Students at Harwick University' names who is shown
    return True
