"""The names of a credit: split into the links of a chain, label each, assign fields by position.

A chain is written with '/' ('|', '·' too): "Jane Roe/APA/AFP via Getty Images". Each link is
labelled (credit_labels; organisations' shapes in credit_orgs), from the catalog first and then by the shape of
the name:
  role          Pool, Handout, Staff, Stringer, STR, File: how the image came, never a name
  source        a name the catalog knows (its kind: agency, platform, government, …)
  organisation  an unknown name that looks like one (Inc, Agency, Ministry, a domain, an acronym)
  person        a name that looks like a person's, or a handle
Anything else (a sentence, a date) is left out: an empty field costs less than an invented one.

Fields by position: the first person is the creator; the first organisation the organisation;
with no "via", a chain of two or more organisations gives its last link as the via, except a
joint credit of public bodies ("NASA/ESA/CSA/STScI"), which stays whole.
"""

from __future__ import annotations

import re
from dataclasses import replace

from provenance.catalog.load import Catalog
from provenance.catalog.names import fold_source_name, has_digit, looks_like_person, title_case_capitals
from provenance.catalog.sources import match_source, remembered
from provenance.parse.credit_labels import (
    DISTRIBUTOR_KINDS,
    PHOTO_SUFFIX,
    UNIT_WORD,
    Link,
    label_text,
    outlet_before_photo,
)
from provenance.parse.credit_orgs import (
    PUBLIC_BODY_KINDS,
    is_organisation,
    looks_like_organisation,
    public_body,
)
from provenance.parse.credit_words import (
    ADDRESS_ACCOUNT_WORDS,
    ADDRESS_POST_WORDS,
    AGENCY_KINDS,
    CHAIN_SLASH,
    COMPANY_FORMS,
    COUNTRIES,
    HANDOUT_MARKS,
    LIST_ARTICLES,
    MAKER_ROLES,
    NEWS_SOURCE_KINDS,
    ORGANISATION_SUFFIX,
    RANK,
    RESEARCH_WORDS,
    RESHOT_FROM,
    RESHOT_PLATFORM,
    TITLE,
    capitals_name_by_words,
    without_lead_in_text,
)
from provenance.parse.scan import may_hold, with_first_chars

# '\': TASS, '／': CJK; a middle dot inside a word is no link's end where a lone letter stands on one side ('DALL·E',
# 'L·Oréal') or it is Catalan's 'l·l' ('col·lecció'); between two words it is ('Jane Roe·Getty')
_CHAIN = re.compile(r"\s*(?:(?<!<)" + CHAIN_SLASH + r"|／|\\|\||(?<![A-Za-z])·|·(?![A-Za-z])|"
                    r"(?<=[A-Za-z]{2})·(?=[A-Za-z]{2})(?!(?<=l·)l)|\x1f|;|\s—\s|\s-\s)\s*")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
# A year (from 1500: an etching's 'by Jane Roe, 1790' too), or a month and its year as archives date a picture after
# a comma ('Photo by Jane Roe, June 1940', never 'Ida May 1999'), or '…, 1940 July': a month after the year only
# where nothing but punctuation follows, never a name's first word ('© 2024 Jun Roe'); 'circa 1938' as a date too.
# A school's class year after a student's name ('Ava Roe ’22', "Ben Lee '19"): an apostrophe after a space, two digits.
_NOISE = (r"(?:(?:,[ \t]*(?:" + _MONTH + r"|circa|ca\.?|c\.)[ \t]+)?\b(?:1[5-9]|20)\d\d\b"
          r"(?:[ \t]+" + _MONTH + r"(?=[^\w]*$))?|"
          r"(?<=\s['’])\d\d\b|"
          r"[\s,;:.\-–—()\[\]{}'\"“”‘’«»*=>`\x1f（）【】「」])")  # '`': a Markdown code span's; '{}': JSX's
_EDGE_NOISE = re.compile(rf"(?i)^{_NOISE}+|{_NOISE}+$")
# A date closing a link, as archives of UN agencies and NGOs write after the photographer ('UNHCR / E. Roe / August
# 2009', '©UNICEF/NYHQ2010-1862/Roe 20 July 2015'): a month named in English with a year, a day on either side; the
# whole link, or after a comma, or a day first. A name's last word may be a month before a year ('Ida May 1999'):
# with no day before it and no comma, it stays the name's.
# (German months after 'im', as a concert photographer dates his own credit: '© Jane Roe im Juli 2019')
_GERMAN_MONTH = r"(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\b"
_DATE_END = re.compile(rf"(?i)(?:^(?:\d{{1,2}}\s+)?|,\s*(?:\d{{1,2}}\s+)?|\s+\d{{1,2}}\s+|\s+in\s+){_MONTH}\s+"
                       r"(?:\d{1,2},?\s+)?(?:19|20)\d\d[\s.,;)]*$|"
                       rf"(?i:,\s*|\s+im\s+){_GERMAN_MONTH}\s+(?:19|20)\d\d[\s.,;)]*$|"
                       # a day before a German month ('3. Juni 2021'), the whole link or after a comma
                       rf"(?i:^|,\s*)\d{{1,2}}\.\s*{_GERMAN_MONTH}\s+(?:19|20)\d\d[\s.,;)]*$")

# A year glued to a link written in initials ('Image: Jane Roe/WPY2015', a photo contest's edition): the initials are
# the link; with a space between ('WPY 2015') the year is edge noise. A handle ('@JR2015') or a name in mixed case
# ('Harwick2015') keeps its digits.
_GLUED_YEAR = re.compile(r"^([A-Z]{2,6})(?:19|20)\d\d$")


def is_a_date(name: str) -> bool:
    """Whether a link is a date alone ('Jan 2019', '12 March 2020', 'June 3, 2021'), as a photographer's or an
    archive's credit may close with one: never a name."""
    return _DATE_END.match(name.strip()) is not None


ORG_PHOTO_BY = re.compile(
    r"(?<=\S)\s+(?:(?i:(?:photo(?:graph(?:y|s)?|s)?(?:\s+illustration)?|images?)\s*\bby\b:?)|photo\s*/)\s*"
)
ORG_PHOTO_WORDS = ("photo", "image")  # one of them, lowered, is in every match of ORG_PHOTO_BY (scan.may_hold)
# 'ST PHOTO: Jane Roe', 'NYT photo: Jane Roe', 'ST FILE PHOTO: Jane Roe': an outlet's staff credit with a colon, before
# a name (outlet_photo)
PHOTO_COLON = r"(?-i:(?:FILE[ \t]+|File[ \t]+)?(?:PHOTOS?|Photos?|photos?))\s?:"  # credit_segments._PHOTO_BY too
_PHOTO_COLON = re.compile(r"(?<!\s)\s+" + PHOTO_COLON + r"\s*(?=[^\W\d_a-z]|@)")
KEEP_DOT = re.compile(  # the full stop of an abbreviation that ends a name ('Jr.', 'S.p.A.') stays with it
    r"\b(?:Jr|Sr|Inc|Ltd|Corp|Co|Bros|al|St|"
    + "|".join(re.escape(form[:-1]) for form in COMPANY_FORMS if form.endswith(".")) + r")$")
# a job title, or the mark of the photographer that ends a name (撮影, 摄, 攝: photographed): '山田太郎撮影'
# a job title after a CJK name, or the person's own social media ('사진=홍나현 SNS'): no part of the name
# ('김하늘 연구원': a researcher, the word written apart from the name; glued it closes a body's name, '…통신연구원')
_REPORTER = re.compile(
    r"\s*(?:기자|특파원|통신원|记者|記者|特派員|通信員|撮影|摄|攝|SNS|인스타그램|유튜브)$|\s+연구원$")
# One capitalised word in Latin script: 'Freepick', 'Résone', 'SmugMug'
_BRAND_WORD = re.compile(r"^[A-Z\u00c0-\u00de][a-z\u00df-\u024f]+(?:[A-Z][a-z\u00df-\u024f]+)*$")
# Where a name was broken: a line break or tab, or the blanks left by a UI marker ('… [+]'); any other space, a
# no-break space too, stays as written (a value is never re-spelled).
_NAME_BREAK = re.compile(r"[ \u00a0]*[\r\n\t][\s]*| {3,}")
_BROKEN = re.compile(r"[\r\n\t]|   ")  # what every match of _NAME_BREAK holds: the substitution runs only then
# 'Jane Roe @janeroe', and in brackets: 'Jane Roe (@janeroe)' (an Indonesian magazine's 'Foto oleh Name (@handle).')
_HANDLE_AFTER_NAME = re.compile(r"[ \t]+(?:@(?P<handle>[\w.]{2,60})|\(@(?P<bracketed>[\w.]{2,60})\))[ \t]*$")
_LISTED_TITLE = re.compile(r"(?i),[ \t]+(?:dr|prof|professor|mr|mrs|ms|mme|dra)\.?[ \t]")  # a title after a comma
# A government named as a whole ('Government of India', 'Gobierno de Chile', 'Australian Government'): no office that
# makes a picture, the body itself (_office_of_a_body).
_GOVERNMENT_ITSELF = re.compile(r"(?i)^(?:the[ \t]+)?(?:government|gobierno|governo|gouvernement|regierung)\b|"
                                r"^[\w.-]+(?:[ \t]+[\w.-]+)?[ \t]+government$")
_BRACKET_END = re.compile(r"\s*\([^()]*\)?$")  # a remark in brackets closing a name ('Jane Roe (left)')
_EDITOR_CODE = re.compile(r"[a-z]{2,4}$")  # an editor's initials in lower case


# Led by a look-ahead for the characters their matches start with (scan.py): the same matches, fewer positions tried.
_CHAIN, _EDGE_NOISE, KEEP_DOT, _REPORTER, ORG_PHOTO_BY = (
    with_first_chars(p) for p in (_CHAIN, _EDGE_NOISE, KEEP_DOT, _REPORTER, ORG_PHOTO_BY))


# A picture label with nothing after it closing a chain written with no lead-in ('LEHTIKUVA/AFP Kuva:', a Finnish
# caption's empty label run on after its credit) is no part of the last link (the via had been 'AFP Kuva').
_EMPTY_LABEL_END = re.compile(r"[ \t]+(?:Kuvat?|Foto|FOTO|Photos?|PHOTOS?|Bild|BILD|Image|Credits?|Fotó|Фото|Ảnh|"
                              r"Crédit)[ \t]*[:：][ \t]*$")


def assign_names(catalog: Catalog, rest: str, fields: dict[str, str]) -> None:
    """Fill creator, organization and via from what is left of the segment."""
    if ":" in rest or "：" in rest:
        rest = _EMPTY_LABEL_END.sub("", rest)
    if "@" in rest:
        rest = _own_handle(rest)
    if "기자" in rest:
        rest = _outlet_reporter(catalog, rest)
    if "_" in rest:
        rest = _underscore_links(catalog, rest)
    if rest.count(",") > 1:
        rest = _contest_entry(catalog, rest)
    rest = outlet_photo(catalog, ORG_PHOTO_BY.sub(" / ", rest) if may_hold(rest, ORG_PHOTO_WORDS) else rest)
    if ":" in rest:
        rest = outlet_colon(catalog, rest)
    if "," in rest and "/" in rest:
        rest = _names_then_agency(catalog, _relayed_by_wire(catalog, rest, fields), fields)
    if " (" in rest and "\x1f" in rest:
        rest = _author_in_platform_brackets(catalog, rest)
    rest = em_dash_chain(catalog, _EM_DASH_REMARK.sub("", rest)) if "—" in rest else rest
    rest = en_dash_chain(catalog, rest) if " – " in rest else rest
    dashed = stock_dash(catalog, rest) if "–" in rest or "—" in rest else None
    rest = f"{rest[: dashed[2]]}/{rest[dashed[2] + 1 :]}" if dashed else rest  # 'Jane Roe – stock.adobe.com': 2 links
    parts = list(_links(rest))
    if len(parts) > 1 and "." in rest:
        parts = _platform_address(catalog, rest, parts)
    if len(parts) > 1:  # 'Foto: (c) Jane Roe / Agerpres': a rights sign opening a chain's link is no part of a name
        parts = [_without_rights_sign(part) for part in parts]
    links = _merge_known_pairs(catalog, rest, [_quoted_outlet(_label(catalog, part), rest) for part in parts])
    if len(links) > 2 and _editor_code(links):
        links = links[:-1]  # '(ANTARA FOTO/Jane Roe/foc.)': the photo editor's initials close the chain, no name
    links = _split_agency_pairs(catalog, links)  # 'AP 연합뉴스', 'AP TT': two agencies side by side
    links = _repeated_source(_repeated_name(links))
    links = _agency_before_a_full_name(links)
    links = _initials_before_outlet(links)
    links = _later_people_are_organisations(links)
    links = _one_word_between_agencies(links)
    links = _handout_supplier(links)
    links = _release_wire_supplier(links)
    links = _brand_alone(links, fields)
    links = _units_of_a_body(catalog, links)
    people = [link for link in links if link.label == "person" or link.creator]
    links, people = _office_of_a_body(links, people)
    if people:
        initials = people[0].creator if _STAFF_INITIALS.fullmatch(people[0].creator) else ""
        fields["creator"] = initials or _person(people[0].creator or people[0].text)  # 'MG' stays in capitals
    orgs = [link for link in links if link.label in ("source", "organisation")]
    platforms = [link for link in orgs if link.source is not None and link.source.kind == "platform"]
    if len(platforms) == 1 == len(links) and "via" in fields and not people:
        fields["creator"] = platforms[0].text  # 'Photo by Pixabay from Pexels': an account on the platform
        return
    if platforms:
        fields.setdefault("via", _name(platforms[-1]))
        orgs = [link for link in orgs if link not in platforms]
    if orgs:
        _assign_orgs(catalog, rest, orgs, fields, people)


# An underscore for the chain's slash, as a picture's file name writes its credit and a page copies it ('(c) Jane
# Roe_WWF-Harwick', 'naturepl.com_Jane Roe_WWF'): a lower-case letter or a domain's dot before it, a capital after,
# in a credit with a space in it; a handle ('@jane_Roe'), an address or a file name ('Harwick_Lake_2019') keeps it.
_UNDERSCORE_LINK = re.compile(r"(?<=[a-z])_(?=[A-Z])")


def _underscore_links(catalog: Catalog, rest: str) -> str:
    """The credit with an underscore between two links written as a slash (the same length: offsets stay), where
    one of the links is a source the catalog knows ('Jane Roe_Smith' may be one odd name)."""
    if " " not in rest.strip() or "@" in rest or "://" in rest or "/" in rest or not _UNDERSCORE_LINK.search(rest):
        return rest
    joined = _UNDERSCORE_LINK.sub("/", rest)
    known = any(match_source(catalog, piece.strip(" \t.,;()")) for piece in joined.split("/"))
    return joined if known else rest


# A photo contest's credit of an entry ('© Jane Roe, Harwickland, Shortlist, Open competition, Wildlife', '(Photo:
# Jane Roe, Harwickland, entry, Open Competition, Landscape, Harwick Photography Awards 2025)'): the name, the
# entrant's country, the entry's standing and category; the contest closing it, where the catalog knows it, is the
# organisation. The country must be one, and the piece right after it the entry's standing, in a contest's word
# ('Photos by Jane Roe, Canada, Tom Poe, Mexico, …, competition finalists' names each entrant with a country: a list).
_CONTEST_WORDS = frozenset({"place", "shortlist", "shortlisted", "entry", "winner", "finalist", "commended",
                            "competition", "category", "runner-up", "mention"})


def _contest_entry(catalog: Catalog, rest: str) -> str:
    """The entrant's name alone (and a known contest after a slash), the same length: offsets stay."""
    pieces = rest.split(",")
    if len(pieces) < 3 or pieces[1].strip().casefold() not in COUNTRIES \
            or _CONTEST_WORDS.isdisjoint(pieces[2].casefold().split()):
        return rest
    name_end, last_start = len(pieces[0]), len(rest) - len(pieces[-1])
    contest = _without_edge_noise(pieces[-1])
    known = contest and match_source(catalog, contest) is not None
    middle = " " * (last_start - name_end - 1) + "/" if known else " " * (len(rest) - name_end)
    return rest[:name_end] + middle + (rest[last_start:] if known else "")


# 'NIST — external scientific reference …' cut at the line's end: a lower-case word after a spaced em dash closing the
# credit opens a remark, no person's name
_EM_DASH_REMARK = re.compile(r"(?<=\S)[ \t]+—[ \t]+[a-z]+[ \t]*$")


# '조선일보 일본어판 이대덕 기자': an outlet of a word or two, a Korean name, 기자 (reporter)
_OUTLET_REPORTER = re.compile(r"^\s*(?P<org>[^\s/]{2,20}(?:[ \t]+[^\s/]{2,10})?)[ \t]+(?P<name>[가-힣]{2,4})[ \t]*기자"
                              r"(?:[ \t]+[\w.+-]+@[\w.-]+)?\s*$")  # and the reporter's e-mail


# A platform, then in brackets the author and the license: 'Wikimedia Commons (Jane Roe, CC BY 4.0)', the license
# taken out (its cut, \x1f, left in the bracket; a link's address cut after it, Markdown's emphasis closing it)
_PLATFORM_BRACKET = re.compile(r"^\s*(?P<platform>[^()/\x1f]{2,40}?)\s*\((?P<name>[^()/\x1f]{2,80}?)"
                               r"[\s,;]*\x1f[\s,;]*\)?[\s\x1f*_]*$")


def _author_in_platform_brackets(catalog: Catalog, rest: str) -> str:
    """'Wikimedia Commons (Jane Roe, CC BY 4.0)' without its license: the author, then the platform, as a chain."""
    match = _PLATFORM_BRACKET.match(rest)
    source = match_source(catalog, match.group("platform")) if match is not None else None
    if match is None or source is None or source.kind != "platform":
        return rest
    return f"{match.group('name')}/{match.group('platform')}"


def _outlet_reporter(catalog: Catalog, rest: str) -> str:
    """'사진 : 조선일보 이대덕 기자': the outlet before the reporter's name, as the chain 'name/outlet' when its first
    word reads as an outlet (a paper's, a broadcaster's or an agency's ending) or the catalog knows it."""
    match = _OUTLET_REPORTER.match(rest)
    if match is None:
        return rest
    org = match.group("org")
    if ORGANISATION_SUFFIX.search(org.split()[0]) or match_source(catalog, org):
        return f"{match.group('name')}/{org}"
    return rest


def _own_handle(rest: str) -> str:
    """'Jane Roe @janeroe': a handle after a name that spells the same name (its letters, case aside), or shares a run
    of five letters with it that makes up half the handle or more ('@chilloughby' after Dustin Willoughby), is the
    person's own account, no second party: the name alone ('@smithsonianmuseum' after Ann Smith is a museum's)."""
    handle = _HANDLE_AFTER_NAME.search(rest)
    if handle is None:
        return rest
    name = rest[: handle.start()]
    letters = "".join(ch for ch in name.casefold() if ch.isalpha())
    own = "".join(ch for ch in (handle.group("handle") or handle.group("bracketed")).casefold() if ch.isalpha())
    return name if letters and (own == letters or _shares_run(letters, own)) else rest


_OWN_HANDLE_RUN = 5  # letters a nickname handle shares with the name: 'Dustin Willoughby @chilloughby'


def _shares_run(name: str, handle: str) -> bool:
    """Whether the handle and the name have a run of letters in common of _OWN_HANDLE_RUN or more that makes up half
    the handle or more ('illoughby' of 'chilloughby'; only 'smith' of 'smithvalemuseum', a museum's): each run of that
    length in the handle looked up in the name (difflib's longest match had cost some 3 ms on a long name)."""
    run = max(_OWN_HANDLE_RUN, (len(handle) + 1) // 2)
    return any(handle[at : at + run] in name for at in range(len(handle) - run + 1))


def _editor_code(links: list[Link]) -> bool:
    """'ANTARA FOTO/Jane Roe/foc.': after an agency the catalog knows and its photographer, a last link of two to
    four lower-case letters that the catalog does not know (or knows only as a paper's initials: 'wsj') is the initials
    of the agency's photo editor."""
    last, before = links[-1], links[-2]
    unknown = last.source is None or last.source.kind == "publisher"
    return bool(_EDITOR_CODE.match(last.text)) and unknown and before.label == "person" \
        and any(link.source is not None for link in links[:-2])


def _brand_alone(links: list[Link], fields: dict[str, str]) -> list[Link]:
    """'© 2026 Résone · Crédit photo : Résone': one capitalised word, the only name of a credit that names no
    open license, platform or link, written twice as the credit and the © holder, is a studio's or brand's name
    crediting its own image. Written once ('Foto: Hartmann', '© Mossberg') it stays a person's surname."""
    if any(fields.get(k) for k in ("via", "license_url", "source_url")) or fields.get("license", "").casefold() \
            not in ("", "all rights reserved") or any(link.creator or link.label == "source" for link in links):
        return links
    named = [link for link in links if link.label in ("person", "organisation")]
    if len(named) < 2 or not fields.get("copyright") or len({fold_source_name(link.text) for link in named}) != 1 \
            or not _BRAND_WORD.match(named[0].text):
        return links  # 'Foto: Hartmann', '© Mossberg': a surname alone is a person's, as any unknown single name
    brand = Link(named[0].text, named[0].start, named[0].end, "organisation")
    return [brand if link is named[0] else link for link in links if link is named[0] or link not in named]


def lone_brand(catalog: Catalog, name: str) -> bool:
    """Whether a name is one that `_brand_alone` made an organisation: with a license or a platform found on
    another line, it is a username again."""
    return bool(_BRAND_WORD.match(name)) and match_source(catalog, name) is None and not looks_like_organisation(name)


def _office_of_a_body(links: list[Link], people: list[Link]) -> tuple[list[Link], list[Link]]:
    """'Office of the President / Kremlin.ru': an office credited before the government body the
    catalog knows is the maker, the body its organisation."""
    named = [link for link in links if link.label in ("source", "organisation")]
    if people or len(named) < 2 or named[0].source is not None or _GOVERNMENT_ITSELF.match(named[0].text):
        return links, people  # 'Government of India / PIB': the government itself, no office of it
    if named[1].source is None or named[1].source.kind not in PUBLIC_BODY_KINDS:
        return links, people
    maker = Link(named[0].text, named[0].start, named[0].end, "person")
    return [maker if link is named[0] else link for link in links], [maker]


def _agency_before_a_full_name(links: list[Link]) -> list[Link]:
    """'Eibner/Sven Kettner', 'Photoshot/Jane Roe': a chain of two unknown names, one word and then a full name,
    is written agency first (as 'Reuters/Jane Roe'); a photographer's surname alone never comes before the name of
    the agency. Handles ('@kettner') stay people."""
    named = [link for link in links if link.label != "role"]
    if len(named) != 2 or any(link.label != "person" or link.creator for link in named):
        return links
    first, second = named
    if " " in first.text or first.text.startswith("@") or len(second.text.split()) < 2:
        return links
    agency = Link(first.text, first.start, first.end, "organisation")
    return [agency if link is first else link for link in links]


# A staff member's initials before the outlet they work for ('Photo : MG/Rue89Lyon', French regional papers' and sites'
# house style); not a rights mark's letters ('DR', droits réservés; 'RR'), a licence's ('CC', 'ND') or a medium's
_STAFF_INITIALS = re.compile(r"[A-Z]{2,3}")
_NOT_INITIALS = frozenset({"DR", "RR", "CC", "ND", "NC", "SA", "PD", "PR", "TV", "DPA", "TT"})


def _initials_before_outlet(links: list[Link]) -> list[Link]:
    """Two to three capitals the catalog does not know, then an outlet that signs its staff's pictures so
    (a source with `staff_initials` in the catalog): the person who took the picture for the outlet, by initials;
    before other papers the
    letters stay an organisation ('PS/Libération', 'AP/Le Monde')."""
    if len(links) != 2 or links[0].source is not None or links[0].label != "organisation":
        return links
    first, outlet = links
    if not _STAFF_INITIALS.fullmatch(first.text.strip()) or first.text.strip() in _NOT_INITIALS \
            or outlet.source is None or not outlet.source.staff_initials:
        return links
    return [Link(first.text, first.start, first.end, "person", creator=first.text.strip()), outlet]


def _one_word_between_agencies(links: list[Link]) -> list[Link]:
    """'Sopa Images/LightRocket/Getty Images': one word between two agencies or organisations is a middle link of
    the chain (a brand of the agency or the distributor), never a photographer, whose name the agency writes in full."""
    out = list(links)
    for at in range(1, len(links) - 1):
        link, before, after = links[at], links[at - 1], links[at + 1]
        if link.label == "person" and not link.creator and " " not in link.text and not link.text.startswith("@") \
                and before.label in ("source", "organisation") and after.label in ("source", "organisation"):
            out[at] = Link(link.text, link.start, link.end, "organisation")
    return out


def _handout_supplier(links: list[Link]) -> list[Link]:
    """'Foto: Divulgação/Tesla', 'divulgação/FPF': a single word beside a handout mark is the company or body that
    handed the picture out (a photographer is named in full: 'Divulgação/Jane Roe' stays a person)."""
    if len(links) != 2 or not any(link.label == "role" and link.text.casefold() in HANDOUT_MARKS for link in links):
        return links
    return [Link(link.text, link.start, link.end, "organisation")
            if link.label == "person" and not link.creator and " " not in link.text.strip()
            and not link.text.startswith("@") else link for link in links]


def _release_wire_supplier(links: list[Link]) -> list[Link]:
    """'(PRNewsfoto/Jacksons Car Wash)', '(CNW Group/Harwick Foods)': a press-release wire (a platform that hands out
    its clients' pictures) names the company that issued the release after it, never a photographer; a name after
    it is that company's, whatever its shape ('PRNewsfoto/Harwick Foods' is no Mr Foods)."""
    if len(links) != 2 or links[0].source is None or links[1].label != "person" or links[1].creator:
        return links
    if links[0].source.kind != "platform" or links[0].source.terms != "handout":
        return links
    supplier = links[1]
    return [links[0], Link(supplier.text, supplier.start, supplier.end, "organisation")]


def _later_people_are_organisations(links: list[Link]) -> list[Link]:
    """'Jane Roe/Variety/REX/Shutterstock': after the creator, a name in the chain is an outlet or agency. After a
    public body, a word shaped as a unit's ('NASA/JPL-Caltech/SwRI/MSSS/Jane Roe': _units_of_a_body) is no creator
    yet: the person after the units is."""
    out: list[Link] = []
    seen_person = False
    body_first = bool(links) and links[0].source is not None and links[0].source.kind in PUBLIC_BODY_KINDS
    for link in links:
        if link.label == "person" and seen_person:
            link = Link(link.text, link.start, link.end, "organisation")
        unit = body_first and link.label == "person" and not link.creator and bool(UNIT_WORD.match(link.text))
        seen_person = seen_person or link.label == "person" and not unit or bool(link.creator)
        out.append(link)
    return out


def _assign_orgs(catalog: Catalog, rest: str, orgs: list[Link], fields: dict[str, str], people: list[Link]) -> None:
    # 'DoD photo by U.S. Army Sgt. Jane Roe': a later body before a rank and name is the person's unit, not a link;
    # 'ESA/Hubble & NASA, F. Pacaud': a joint body's last part, before the names of its scientists, stays a link
    orgs = orgs[:1] + [o for o in orgs[1:] if not o.creator or o.source is None and _unit_link(catalog, o)
                       and rest[max(0, o.start - 2) : o.start] != " ("]  # 'ESO/Jane Roe (Harwick University)'
    # (the body a scientist works for, in brackets after the name, joins no joint credit)
    # 'ESO/J. Emerson/VISTA': a body, its photographer, then the survey: no joint credit across a person
    across = any(orgs[0].end <= p.start < orgs[-1].start for p in people if p not in orgs)
    # a platform or 'via' named apart leaves the joint credit whole ('Gemini Observatory/NOIRLab/NSF/AURA/Name /
    # Wikimedia Commons')
    if len(orgs) > 1 and not across and _joint_credit(catalog, orgs):
        fields["organization"] = rest[orgs[0].start : orgs[-1].end]
        return
    last = orgs[-1].source
    if len(orgs) > 2 and "via" not in fields and not across and last is not None and last.kind in DISTRIBUTOR_KINDS \
            and _joint_credit(catalog, orgs[:-1]):  # 'NASA/JPL-Caltech/MSSS/Getty Images': the joint credit, then
        fields["organization"] = rest[orgs[0].start : orgs[-2].end]  # the agency that distributes it
        fields["via"] = _name(orgs[-1])
        return
    fields["organization"] = _name(orgs[0])
    if len(orgs) > 1 and "via" not in fields:
        fields["via"] = _name(orgs[-1])


def _joint_credit(catalog: Catalog, orgs: list[Link]) -> bool:
    """'NASA/ESA/CSA/STScI', 'NASA/JPL-Caltech/MSSS', 'NASA/JPL-Caltech/University of Arizona': public bodies, and
    after the first one units, missions and research bodies the catalog does not know, credited together: one
    organisation, no via."""
    first = orgs[0].source
    led = first.kind in PUBLIC_BODY_KINDS if first is not None else _research_body(orgs[0].text)
    return led and all(o.source.kind in PUBLIC_BODY_KINDS if o.source is not None else _unit_link(catalog, o)
                       for o in orgs[1:])


def _research_body(name: str) -> bool:
    """'University of Colorado Boulder', 'Edwards Lab': a research body the catalog does not know, which leads a joint
    credit with its departments and parent ('…/ATOC', 'Edwards Lab/Brown University') as a public body does."""
    return " " in name and any(w.strip(",()").casefold() in RESEARCH_WORDS for w in name.split())


def _unit_link(catalog: Catalog, link: Link) -> bool:
    """A link a public body credits with it: one word ('JPL-Caltech', 'MSSS'), a research body ('University of
    Arizona', 'CMS Collaboration', 'Hayabusa2 ONC team'), or a part joined by '&' to a public body ('Hubble &
    NASA')."""
    if " " not in link.text:
        return True
    if any(w.strip(",()").casefold() in RESEARCH_WORDS for w in link.text.split()):
        return True
    unit, comma, bodies = link.text.partition(", ")  # 'Webb, NASA, CSA' (_unit_bodies_people)
    if comma and " " not in unit and all(_bodies(catalog, piece) for piece in bodies.split(", ")):
        return True
    return " & " in link.text and any(public_body(catalog, p) for p in link.text.split(" & "))


def _units_of_a_body(catalog: Catalog, links: list[Link]) -> list[Link]:
    """'NASA/JPL/UArizona', 'ESA/TGO/CaSSIS', 'ESA/Hubble & NASA': in a chain led by a public body the catalog knows,
    a later name shaped as a unit's ('UArizona': two capitals in a row, or a digit) or joined by '&' to a public body
    is a unit or partner credited with it, not a person's surname. 'ESA/Hubble & NASA, F. Pacaud, D. Coe': the
    names after the joint body are its scientists."""
    named = [link for link in links if link.label != "role"]
    first = named[0].source if named else None
    if first is None or first.kind not in PUBLIC_BODY_KINDS or len(named) < 2:
        return links
    out: list[Link] = []
    for link in links:
        if link.label == "person" and not link.creator and link is not named[0]:
            head, comma, tail = link.text.partition(",")
            bare = _BRACKET_END.sub("", link.text)  # 'SwRI (New Horizons)': the mission in brackets is a remark
            if UNIT_WORD.match(bare):
                link = Link(bare, link.start, link.start + len(bare), "organisation")
            elif " & " in head and any(public_body(catalog, p.strip()) for p in head.split(" & ")):
                people = tail.strip()
                link = Link(head.rstrip(), link.start, link.start + len(head.rstrip()), "organisation",
                            creator=people if comma and all(looks_like_person(p.strip()) for p in
                                                            people.split(",")) else "")
            else:
                link = _unit_bodies_people(catalog, named[0].text, link) or link
        elif link.label == "organisation" and " " not in link.creator.strip() and link.creator[:1].isupper() \
                and link is not named[0]:  # 'Webb, NASA, CSA, J. Roe' read as a person then bodies: the unit's
            whole = f"{link.creator}, {link.text}"  # one word before the bodies, the scientists after them
            link = _unit_bodies_people(catalog, named[0].text,
                                       Link(whole, link.start - len(link.creator) - 2, link.end, "person")) or link
        out.append(link)
        if link.creator and link.creator.endswith("\x1e"):  # '…, M. Zamani (ESA/Webb)': the slash in the bracket
            out[-1] = Link(link.text, link.start, link.end, link.label, link.source, link.creator[:-1])
            break  # after the last scientist's name is the body they work for, no further link of the chain
    return out


# The programme's team closing the list of a joint credit's scientists ('… A. Adamo (Stockholm University) and the
# FEAST JWST team'): no person, and the names before it are the creators
_AND_TEAM = re.compile(r"(?i)\s+and\s+the\s+[^,()]{2,60}?\b(?:team|collaboration)$")


def _unit_bodies_people(catalog: Catalog, body: str, link: Link) -> Link | None:
    """'ESA/Webb, NASA & CSA, J. Roe', 'ESA/Webb, NASA, CSA, J. Roe, T. Bell': after a public body and a slash, a
    unit in one word (its office the catalog knows, 'ESA/Webb', or shaped as a unit's, 'SwRI'), then public bodies
    (alone or joined by '&'), then the scientists: the unit and the bodies are the joint credit's last part and the
    names its creators. A last name cut by a slash in its bracket ('M. Zamani (ESA/Webb)') is marked (\x1e) for the
    caller to end the chain there."""
    pieces = link.text.split(", ")
    unit = pieces[0].strip()
    if len(pieces) < 3 or " " in unit or not unit[:1].isupper() \
            or not (UNIT_WORD.match(unit) or match_source(catalog, f"{body}/{unit}") is not None):
        return None
    count = 1
    while count < len(pieces) and _bodies(catalog, pieces[count]):
        count += 1
    people = [_BRACKET_END.sub("", _AND_TEAM.sub("", p.strip())) for p in pieces[count:]]
    if count == 1 or not people or not all(looks_like_person(p) and not is_organisation(catalog, p) for p in people):
        return None
    head = ", ".join(pieces[:count])
    cut = "\x1e" if pieces[-1].count("(") > pieces[-1].count(")") else ""
    return Link(head, link.start, link.start + len(head), "organisation", creator=", ".join(people) + cut)


def _bodies(catalog: Catalog, piece: str) -> bool:
    """'NASA', 'NASA & CSA': one public body the catalog knows, or several joined by '&'."""
    return all(public_body(catalog, part.strip()) for part in piece.split(" & "))


def _name(link: Link) -> str:
    """A link's name as written; a platform written as its domain ('Pexels.com') by its catalog name."""
    if link.source is not None and link.source.kind == "platform" and "." in link.text and " " not in link.text:
        return link.source.name
    return link.text


def _person(name: str) -> str:
    """A creator as the conventions write it: no rank, no lead-in, capitals in title case."""
    name = without_lead_in_text(name).strip()
    name = RANK.sub("", name).strip()
    if name[:1] in "DdPpMmIi":  # what every title starts with: the substitution runs only then
        name = TITLE.sub("", name)
    if ", " in name and name.rpartition(", ")[2].strip(" .").casefold() in COUNTRIES:
        name = name.rpartition(", ")[0]  # 'Ada Brook, Philippines': where the entrant is from, no second person
    if ", " in name and _LISTED_TITLE.search(name):  # 'Ada Brook, Dr. Bo Lee': each name of a list without its title
        name = ", ".join(TITLE.sub("", part) for part in name.split(", "))
    if "(" in name:
        name = _BRACKET_END.sub("", name) or name
    if not name.isascii():
        name = _REPORTER.sub("", name) or name  # '김하늘 기자' -> '김하늘': the job title is dropped
    if _BROKEN.search(name):  # a name broken over lines or around a marker: one space
        name = _NAME_BREAK.sub(" ", name)
    return title_case_capitals(name)


def _links(rest: str) -> list[tuple[str, int, int]]:
    """The pieces between chain separators, trimmed of noise at their edges only."""
    found, cursor = [], 0
    for separator in [*_CHAIN.finditer(rest), None]:
        stop = separator.start() if separator else len(rest)
        piece = rest[cursor:stop]
        dated = _DATE_END.search(piece) if piece[-2:].isdigit() or piece[-3:-1].isdigit() else None
        if dated is not None:
            piece = piece[: dated.start()]  # 'E. Roe / August 2009': the date is no link, nor part of the name
        lead = _EDGE_NOISE.match(piece) if not piece[:1].isalpha() else None  # noise never starts with a letter
        begin = cursor + (lead.end() if lead else 0)
        trimmed = _without_edge_noise(piece)
        if trimmed.endswith("_") and not trimmed.startswith("@") and "_" not in trimmed[:-1]:
            trimmed = trimmed[:-1]  # the close of Markdown emphasis ('_Photo: Mara Quell/AP_'), not a handle's '_'
        if trimmed[-4:].isdigit():
            edition = _GLUED_YEAR.match(trimmed)
            trimmed = edition.group(1) if edition else trimmed  # 'WPY2015': a contest's year glued to its initials
        initial = initial_end(trimmed)  # 'Carvalho S.': an initial after the surname keeps its full stop too
        if trimmed and ("(" in trimmed or initial or KEEP_DOT.search(trimmed)):  # 'Ltd.', 'African News Agency
            after = piece[piece.find(trimmed) + len(trimmed) :][:1]  # (ANA)': the stop or the bracket's close is the
            if after == "." and (initial or KEEP_DOT.search(trimmed)) \
                    or after == ")" and trimmed.count("(") > trimmed.count(")"):  # name's
                trimmed += after
        if trimmed and not trimmed.isascii() and RESHOT_FROM.match(trimmed):
            found.extend(_reshot_links(trimmed, begin))  # '翻攝自林曉薇臉書': the holder and the platform
        elif trimmed:
            found.append((trimmed, begin, begin + len(trimmed)))
        cursor = separator.end() if separator else len(rest)
    return found


def _platform_address(catalog: Catalog, rest: str, parts: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A platform's address written with no scheme ('instagram.com/p/Cx12abc', 'tiktok.com/@janeroe/video/7234'):
    the pieces of its path are no links of a chain; the account it names (the first piece no address word, unless a
    post's word comes first) stays, the path's words and the post's key go."""
    for at, (text, _start, end) in enumerate(parts):
        if "." not in text or rest[end : end + 1] != "/":
            continue
        source = match_source(catalog, text)
        if source is None or source.kind != "platform":
            continue
        stop = at + 1
        while stop < len(parts) and rest[parts[stop - 1][2] : parts[stop][1]] == "/":
            stop += 1
        account = _address_account([piece for piece, _, _ in parts[at + 1 : stop]])
        return [*parts[: at + 1], *([parts[at + 1 + account]] if account is not None else []), *parts[stop:]]
    return parts


def _address_account(path: list[str]) -> int | None:
    """Which piece of a platform address's path names an account, if any."""
    for number, piece in enumerate(path):
        word = piece.casefold()
        if word in ADDRESS_POST_WORDS:
            return None
        if word not in ADDRESS_ACCOUNT_WORDS:
            return number
    return None


def _reshot_links(text: str, start: int) -> list[tuple[str, int, int]]:
    """'翻攝自林曉薇臉書' (re-shot from Lin's Facebook page): the account's holder and the platform, without the words
    before them ('翻攝自微博': the platform alone; '翻攝自林曉薇的IG': the possessive is no part of the name)."""
    opened = RESHOT_FROM.match(text)
    begin = opened.end() if opened else 0
    rest = text[begin:]
    platform = RESHOT_PLATFORM.search(rest)
    if platform is None or platform.start() == 0:
        return [(rest, start + begin, start + len(text))] if rest else []
    holder = rest[: platform.start()].rstrip().removesuffix("的").rstrip()
    found = [(holder, start + begin, start + begin + len(holder))] if holder else []
    return [*found, (platform.group(0), start + begin + platform.start(), start + len(text))]


def _without_edge_noise(text: str) -> str:
    """The text with _EDGE_NOISE cut from both ends. A run of noise starts with a mark, a space or a digit, and ends
    with one or with a month after a year: a text that starts and ends with a letter and holds no digit has none
    (the common case, told without the pattern's search through the text)."""
    if text[:1].isalpha() and text[-1:].isalpha() and not has_digit(text):
        return text
    return _EDGE_NOISE.sub("", text)


def initial_end(text: str) -> bool:
    """Whether a link ends in a capital standing alone after a word: a surname's initial ('Carvalho S')."""
    return len(text) > 2 and text[-2] == " " and "A" <= text[-1] <= "Z" and text[-3].isalpha()


# A rights sign opening a link of a chain, and the blanks after it (its bracket may have been cut: 'c) Jane Roe')
_RIGHTS_FIRST = re.compile(r"(?:\(?[cC]\)[ \t]*|©[ \t]+)(?=\S)")


def _without_rights_sign(part: tuple[str, int, int]) -> tuple[str, int, int]:
    """A chain's link without the rights sign before its name (the statement is read from the credit's text)."""
    text, start, end = part
    signed = _RIGHTS_FIRST.match(text) if text[:1] in "(©cC" else None
    return (text[signed.end() :], start + signed.end(), end) if signed is not None else part


def _label(catalog: Catalog, part: tuple[str, int, int]) -> Link:
    """What a link is; the answer depends on its text only, so it is remembered per catalog and
    placed at the link's position."""
    text, start, end = part
    found = remembered(catalog, "credit-link-labels", text, label_text)
    if start == 0:  # already where it stands (a Link is frozen: shared as it is; a chain's links start apart)
        return found
    return Link(found.text, start + found.start, start + found.end, found.label, found.source, found.creator)


def _quoted_outlet(link: Link, rest: str) -> Link:
    """A link written in guillemets or low-high quotes closing a chain ('«Коммерсантъ»', '„Українська правда“') is a
    title: an outlet or a brand, named even where its words are no organisation's, without its quote; a single word
    there is no person's name (two may be: «Анна Петрова» stays as the names' rules read it)."""
    if "«" in link.text[1:] and "»" not in link.text:  # 'пресс-служба «Газпрома»': its closing quote was edge noise
        close = " »" if "« " in link.text else "»"  # French spacing: 'пресс-служба « Газпрома »'
        if not rest.startswith(close, link.end):  # a quote left open ('… «Газпрома' cut off): as written
            return link
        return replace(link, text=f"{link.text}{close}", end=link.end + len(close),
                       label="organisation" if link.label in ("unknown", "person") else link.label)
    opened = link.text.startswith("„")  # (the low quote is no edge noise: it stays in the link's text)
    closed = rest[link.end : link.end + 1] in ("»", "“", "”") or not rest[link.end :].strip()  # (a span may end before
    if not closed or not opened and rest[link.start - 1 : link.start] != "«":  # its closing quote)
        return link
    one_word = link.label == "person" and " " not in link.text.strip()
    label = "organisation" if link.label == "unknown" or one_word else link.label
    return replace(link, text=link.text.removeprefix("„"), start=link.start + opened, label=label)


def _code_or_script(word: str) -> bool:
    return word.isupper() or not word.isascii()


def _repeated_source(links: list[Link]) -> list[Link]:
    """'Jane Roe/TT / TT': a source written again right after itself (Swedish papers add the agency of the template
    to the credit that names it) is one link."""
    if len(links) < 3 or links[-1].source is None or links[-1].source is not links[-2].source:
        return links
    return links[:-1]


def _repeated_name(links: list[Link]) -> list[Link]:
    """'BULENT KILIC/Bulent Kilic/AFP/Getty Images': a link written again right after itself, once in capitals and
    once as the name is cased (a picture desk's field copied beside the agency's), is one link: the cased one."""
    kept: list[Link] = []
    for link in links:
        last = kept[-1] if kept else None
        if last is not None and last.text != link.text and " ".join(last.text.split()).casefold() == \
                " ".join(link.text.split()).casefold():
            kept[-1] = link if last.text.isupper() else last
            continue
        kept.append(link)
    return kept


def _split_agency_pairs(catalog: Catalog, links: list[Link]) -> list[Link]:
    """'AP 연합뉴스', 'EPA 연합뉴스', 'AP TT': an agency and the agency that distributes it, side by side without a
    slash (as Korean and Swedish papers write them): two links."""
    out: list[Link] = []
    for link in links:
        first, _, second = link.text.partition(" ")
        shaped = second and " " not in second and _code_or_script(first) and _code_or_script(second) \
            and (link.label != "source" or match_source(catalog, link.text) is None)  # 'AP TT': not AP qualified
        one = match_source(catalog, first) if shaped else None
        other = match_source(catalog, second) if one is not None and one.kind in DISTRIBUTOR_KINDS else None
        if one is None or other is None or other.kind not in DISTRIBUTOR_KINDS:
            out.append(link)
            continue
        out.append(Link(first, link.start, link.start + len(first), "source", one))
        out.append(Link(second, link.end - len(second), link.end, "source", other))
    return out


_STOCK_DASH = re.compile(r"^(?P<who>[^\-–—]{2,60}?)[ \t]+(?P<dash>[\-–—])[ \t]+"
                         r"(?P<stock>[^\s\-–—]{3,40}(?:[ \t][^\s\-–—]{1,20})?)$")


def stock_dash(catalog: Catalog, text: str) -> tuple[str, str, int] | None:
    """'Jane Roe - stock.adobe.com', 'Jane Roe – Fotolia.com' -> (who, site, where the dash is): the credit a stock
    site asks for, a name, a dash, the site. Only a stock site: 'Joe Biden - Reuters' is a headline and its
    source."""
    dashed = _STOCK_DASH.match(text) if " " in text else None
    stock = match_source(catalog, dashed.group("stock")) if dashed else None
    if dashed is None or stock is None or stock.kind != "stock":
        return None
    return dashed.group("who"), dashed.group("stock"), dashed.start("dash")


# TIME's chain: a name, an em dash with no space around it, then the agency or outlet ('Jane Roe—Getty Images', 'Jane
# Roe—AFP/Getty Images', 'Jane Roe—The Washington Post/Getty Images')
_EM_DASH_LINK = re.compile(r"(?<=[^\W\d_])—(?=[A-Z])")
_FIRST_LINK_END = re.compile(r"[ \t]*(?:/|[ \t]via[ \t]|$)")


def em_dash_chain(catalog: Catalog, text: str) -> str:
    """'Jane Roe—Getty Images' -> 'Jane Roe/Getty Images': the em dash is a chain's slash where a person's name of two
    to four words (no article first, no colon) stands before it and a source the catalog knows after it; other text as
    it is ('Jean—Paul', 'Rock—Paper—Scissors', 'The Crown: Season Two—Netflix')."""
    match = _EM_DASH_LINK.search(text)
    if match is None:
        return text
    who = text[: match.start()].strip()
    after = text[match.end() :]
    first = after[: _FIRST_LINK_END.search(after).start()]  # type: ignore[union-attr]  # '$' always matches
    if not 2 <= len(who.split()) <= 4 or ":" in who or who.split()[0].casefold() in LIST_ARTICLES \
            or match_source(catalog, first) is None or _label(catalog, (who, 0, len(who))).label != "person":
        return text  # 'The Crown: Season Two—Netflix': a title and its publisher
    return f"{text[: match.start()]}/{after}"


# 'The Canadian Press – Jane Roe': an agency, a spaced en dash, its photographer (the chain's only en dash, the name
# closing it)
_EN_DASH_LINK = re.compile(r"^(?P<agency>[^–/]{2,40}?)[ \t]+–[ \t]+(?P<who>[A-Z][^–/,;()]{2,60})$")


def en_dash_chain(catalog: Catalog, text: str, capitals: bool = False) -> str:
    """'The Canadian Press – Jane Roe' -> 'The Canadian Press/Jane Roe': a spaced en dash is a chain's slash where an
    agency, stock library or state agency the catalog knows stands before it and a person's name of two to four words
    after it; other text as it is ('Paris – Roubaix', 'Harwick Herald – Jane Roe', 'AP – The Week in Pictures').
    `capitals`: with no lead-in, the name in capitals only, as the agency writes it ('AFP – JANE ROE'), as with a
    hyphen (credit_spans._is_dash_chain): a name as a sentence writes it after an agency and a dash is a story's author
    or a team ('Talks resume. Reuters – Tom Varga', 'AP – Harwick Rovers')."""
    match = _EN_DASH_LINK.match(text.strip())
    if match is None:
        return text
    agency, who = match_source(catalog, match.group("agency")), match.group("who").strip(" .")
    if agency is None or agency.kind not in DISTRIBUTOR_KINDS or not 2 <= len(who.split()) <= 4 \
            or _label(catalog, (who, 0, len(who))).label != "person" or capitals and not who.isupper():
        return text
    return f"{match.group('agency')}/{who}"


# A wire's relay of another source's photo: 'CNS photo/Jane Roe, Reuters', 'OSV News photo/Jane Roe, The Harwick
# Herald' (a Catholic wire's house style: the wire, its word photo, the photographer, the outlet that made it).
_WIRE_RELAY = re.compile(r"^(?P<wire>[^/,]{2,40}?)[ \t]*/[ \t]*(?P<who>[^/,]{3,60}?),[ \t]*"
                         r"(?P<source>[^/,]{2,60}?)[ \t.]*$")


def _relayed_by_wire(catalog: Catalog, rest: str, fields: dict[str, str]) -> str:
    """'CNS / Jane Roe, Reuters' -> 'Jane Roe / Reuters', the wire the via: where the first link is a news agency the
    catalog knows, the second a person's name and the third a source the catalog knows or an outlet by its shape ('The
    Harwick Herald'). An archive mark or a pool after the name ('AP Photo/Jane Roe, File', '…, POOL') is none."""
    found = _WIRE_RELAY.match(rest.strip())
    if found is None:
        return rest
    wire = match_source(catalog, found.group("wire").strip())
    if wire is None or wire.kind != "agency":
        return rest
    source_text = found.group("source").strip()
    source = match_source(catalog, source_text)
    maker = label_link(catalog, source_text)
    if source is None and not (maker.label in ("source", "organisation")
                               or source_text.startswith("The ") and maker.label != "role"):
        return rest
    if source is not None and source.kind not in NEWS_SOURCE_KINDS \
            or label_link(catalog, found.group("who")).label != "person":
        return rest
    fields.setdefault("via", found.group("wire").strip())
    return f"{found.group('who').strip()} / {source_text}"


# Two photographers of one picture joined by a slash, then after a comma the agency that sends it ('Jane Roe / Ann
# Lee, Keystone', as Swiss papers print a joint credit): the comma sets the agency after the whole list
_NAMES_THEN_AGENCY = re.compile(r"^(?P<who>[^/,]{3,60}?(?:[ \t]*/[ \t]*[^/,]{3,60}?){1,3}),[ \t]*"
                                r"(?P<source>[^/,]{2,60}?)[ \t.]*$")


def _names_then_agency(catalog: Catalog, rest: str, fields: dict[str, str]) -> str:
    """'Jane Roe / Ann Lee, Keystone' -> 'Keystone', the two photographers the creator as written: where each link
    before the comma is a person's name and the source after it an agency the catalog knows."""
    found = _NAMES_THEN_AGENCY.match(rest.strip())
    source = match_source(catalog, found.group("source").strip()) if found is not None else None
    if found is None or source is None or source.kind not in AGENCY_KINDS:
        return rest
    names = [name.strip() for name in found.group("who").split("/")]
    if any(not _photographer_name(catalog, name) for name in names):
        return rest
    fields.setdefault("creator", " / ".join(names))
    return found.group("source").strip()


def _photographer_name(catalog: Catalog, name: str) -> bool:
    """'Ann Lee' in 'Jane Roe / Ann Lee, Keystone': a person's name of two words or more, no place's ('New York',
    'Kuala Lumpur', 'Bad Ragaz'), desk's or job's ('Photo Desk', 'Staff Photographer', 'Freier Fotograf')."""
    return len(name.split()) >= 2 and capitals_name_by_words(name) \
        and MAKER_ROLES.isdisjoint(word.casefold() for word in name.split()) \
        and label_link(catalog, name).label == "person"


def outlet_photo(catalog: Catalog, text: str) -> str:
    """'ST PHOTO: Jane Roe' -> 'ST / Jane Roe': the outlet and its photographer as two links, where the words before
    'PHOTO:' name an outlet by their shape (outlet_before_photo); other text as it is ('Crédit photo : Résone')."""
    if ":" not in text:
        return text
    for match in _PHOTO_COLON.finditer(text):
        words = text[max(0, match.start() - 80) : match.start()].split()[-2:]  # bounded: linear on many colons
        if any(len(words) >= count and outlet_before_photo(catalog, " ".join(words[-count:])) for count in (1, 2)):
            return text[: match.start()] + " / " + text[match.end() :]
    return text


# 'Foto de El Faro: Jane Roe' (the lead-in's 'de' names the outlet, its photographer after the colon): the outlet, a
# colon, a capitalised name up to the end; one colon only, no comma on either side ('CC BY-SA 4.0, Urheber: Jane Roe'
# is a list of fields)
_OUTLET_COLON = re.compile(r"^(?P<outlet>[^\W\d_a-z][^:/,;()\n\d]{1,39}?)[ \t]*:[ \t]+"
                           r"(?P<name>[^\W\d_a-z][^:/,;\n]{1,60})$")


def outlet_colon(catalog: Catalog, text: str) -> str:
    """'El Faro: Jane Roe' -> 'El Faro / Jane Roe': an outlet by its shape or a source the catalog knows, then its
    photographer after a colon (El Faro's 'Foto de El Faro: Name'); other text as it is ('Location: Harwick')."""
    found = _OUTLET_COLON.match(text.strip())
    if found is None:
        return text
    outlet = found.group("outlet").strip()
    if match_source(catalog, outlet) is None and not (len(outlet.split()) > 1 and outlet_before_photo(catalog, outlet)):
        return text
    return f"{outlet} / {found.group('name')}"


def photo_of_outlet(catalog: Catalog, text: str) -> bool:
    """'Harbor City Police Department photo', 'INQUIRER PHOTO': an outlet or body by its shape, then the word
    photo: a credit of its own, as the catalog's sources are ('AP Photo')."""
    suffix = PHOTO_SUFFIX.search(text) if text[-1:] in "oO" else None
    if suffix is None or suffix.start() == 0 or suffix.group().casefold().endswith(("by", "s")):
        return False
    head = text[: suffix.start()]
    return outlet_before_photo(catalog, head) and label_link(catalog, head).label in ("organisation", "source")


def _merge_known_pairs(catalog: Catalog, rest: str, links: list[Link]) -> list[Link]:
    """'REX/Shutterstock', 'Rex Features/Shutterstock': two links the catalog knows as one name."""
    merged: list[Link] = []
    for link in links:
        if merged:
            joined = rest[merged[-1].start : link.end]
            source = match_source(catalog, joined) if "/" in joined and len(joined) < 80 else None
            if source is not None:
                merged[-1] = Link(joined, merged[-1].start, link.end, "source", source)
                continue
        merged.append(link)
    return merged


def label_link(catalog: Catalog, text: str) -> Link:
    """What one name of a chain is (role, source, organisation, person or unknown)."""
    trimmed = _without_edge_noise(text)
    return _label(catalog, (trimmed, 0, len(trimmed)))
