"""Credits without a lead-in: in brackets, or closing a caption line (credit_tails reads those with the shapes here).

Such a span is a credit only when its shape says so (`is_bare_credit`): a chain of names
joined by '/' naming a source the catalog knows or a role (Handout, Pool); "X via <source>";
"X for <organisation>"; "Person, <source>"; or a source alone ("(Getty Images)", "… EFE").
A bracket followed by a dash is a dateline ("WASHINGTON (AP) —", "(EFE).-"), not a credit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from provenance.catalog.load import Catalog
from provenance.catalog.names import fold_source_name
from provenance.catalog.sources import match_source, remembered, source_first_words
from provenance.parse.credit_citations import (
    is_holder,
    may_cite,
    may_cite_platform,
    read_citation,
    read_platform_citation,
)
from provenance.parse.credit_fields import (
    ACQUISITION,
    CLIENT_WORD,
    PLACE_IN_LAYOUT,
    SPECIAL_TO,
    clean_segment,
    strip_license,
)
from provenance.parse.credit_labels import Link
from provenance.parse.credit_orgs import news_title, word_alias
from provenance.parse.credit_parts import (
    ORG_PHOTO_BY,
    ORG_PHOTO_WORDS,
    em_dash_chain,
    en_dash_chain,
    is_a_date,
    label_link,
    outlet_photo,
    photo_of_outlet,
    stock_dash,
)
from provenance.parse.credit_words import (
    ACQUISITION_CLAUSE_WORDS,
    AGENCY_KINDS,
    CALL_LETTER_WORDS,
    CHANNEL_WORDS,
    COMMON_WORDS,
    GIVEN_NAMES,
    HEADING_WORDS,
    NEWS_SOURCE_KINDS,
    NEWS_TITLE_ENDS,
    NEWSPAPER_WORDS,
    NOT_A_PHOTOGRAPHER,
    NOT_AFTER_ABBREVIATION,
    NOT_BEFORE_NUMBER,
    PERSON_JOB_WORDS,
    PLACE_OPENINGS,
    PLACE_OR_EVENT_OPENINGS,
    POST_WORDS,
    RESHOT_FROM,
    RESHOT_PLATFORM,
    SENTENCE_OPENERS,
    SPELLED_OUT_CONNECTIVES,
    capitals_name_by_words,
    names_a_station,
)
from provenance.parse.scan import may_hold, with_first_chars

_BRACKETS = re.compile(r"[()\[\]（）\n]")
_CLOSE = {"[": "]", "(": ")", "（": "）"}  # full width too: '首相官邸（共同）'
_DATELINE = re.compile(r"^\s*(?:[-–—]|\.\s*[-–—])")
# A wire's dateline with no dash, the story on the next lines ('CHILE, 12 Mar (EUROPA PRESS)', 'LIMA, 6 Dic.
# (ANDINA)'): from the line's start, a place of one to three words in capitals (a comma part after it), a comma, the day
# and its month's name or abbreviation (Spanish, Portuguese, English, French, Italian, Catalan), then the agency's
# bracket closing the line; another word after the number is a headline's count ('MESSI, 8 Balones (AFP)', 'PERÚ, 3
# Goles (EFE)': the bracket credits the picture)
_DATELINE_MONTH = (
    r"(?i:jan(?:uary|eiro|vier|v)?|ene(?:ro)?|gen(?:naio|er|n)?|feb(?:rero|ruary|braio|rer)?|fev(?:ereiro)?|"
    r"f[ée]v(?:rier|r)?|mar(?:zo|ch|s|ço)?|març|abr(?:il)?|apr(?:il|ile)?|avr(?:il)?|mayo?|mai[og]?|mag(?:gio)?|"
    r"jun(?:io|ho|e)?|juin|juny|giu(?:gno)?|jul(?:io|ho|y|iol)?|juil(?:let)?|lug(?:lio)?|ago(?:sto)?|agost|"
    r"aug(?:ust)?|août|sept?(?:iembre|tember|embre)?|set(?:iembre|embro|tembre|embre)?|sett(?:embre)?|"
    r"oct(?:ubre|ober|obre)?|out(?:ubro)?|ott(?:obre)?|nov(?:iembre|ember|embro|embre)?|dic(?:iembre|embre)?|"
    r"d[ée]c(?:ember|embre)?|dez(?:embro)?|des(?:embre)?)"
)
DATED_PLACE = re.compile(r"[ \t]*[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+(?:[ \t]+[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+){0,2}"
                          r"(?:,[ \t]*[\w'’.]+(?:[ \t]+[\w'’.]+){0,2})?,[ \t]*\d{1,2}[ \t]+" + _DATELINE_MONTH
                          + r"\.?[ \t]*")
# What a dateline's bracket holds: the agency's name alone ('EUROPA PRESS', 'ANDINA', 'Efe'); a chain, a label or a
# photo word in it is a picture's credit after a place and a day ('KYIV, 12 March (AP Photo/Jane Roe)')
DATELINE_AGENCY = re.compile(r"(?i)(?![^\n]*\b(?:photos?|fotos?|pics?|pictures?|images?|imagen|imagem)\b)"
                             r"[^/:|\n]{1,40}")
_LEADING_YEAR = re.compile(r"^(?:©\s*)?(?:\d{4}年?|\(c\))\s+")
# Formiche's gallery bracket closing a caption: the day, the place, then the picture's source, an agency, a platform or
# the photographer ('(03/10/2023, Roma, Imagoeconomica)', '(17/10/2025, Paestum, X)', '(03/10/2023, Roma, Umberto
# Pizzi)'); the date in figures first, so a bracket of places and names ('(Roma, Milano, Napoli)') is no such credit
_DATED_PLACE_OPENING = re.compile(r"(?:\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})|\d{4}-\d\d-\d\d),[ \t]*"
                                  r"[^\W\d_][^,()/\n]{1,40},[ \t]*(?=\S)")
# MGR Online's '(วันที่ 5 พ.ค ภาพรอยเตอร์)': the day, then 'ภาพ' (picture) written with no space before the source
# (Thai writes words unspaced), closing a gallery's caption; a source only where the catalog knows the rest
_THAI_DATED_PICTURE = re.compile(r"^(?:วันที่[ \t]*\d{1,2}[ \t]*[^\s)]{1,12}[ \t]+)?ภาพ[ \t]*(?=[^\s)])")
# A sentence's end: a stop (or a stop inside a closing quote: '… in "Jurassic Park." Amblin/Universal/Kobal/…') and a
# space (before a capital, or a brand's camel case: 'iStock'), or a stop glued to the
# next word ('2021.Reliance'), but not after an initial ('U.S.') or an abbreviation that stands before a name
# ('Sgt.', 'Dr.': credit_words); a comma may follow the stop where a caption and its credit were joined ('… his
# first goal., Jane Roe/NHLI via Getty Images'). A Japanese caption sets its credit off with a full-width equals
# sign ('記者会見する首相＝共同'): a tail may start there too.
# 'photo no. 69-N-13604', '…Archives, ref. 1204/33': a number's abbreviation before its number ends no sentence;
# 'Jane Roe, et al., CC BY-SA 3.0': the authors' 'et al.' and a comma go on with the credit.
# (the one-character test first: most positions fail it at once, and only a stop or a quote tries the two exact ones)
_GLUED_LINK = r"(?![a-z][\w.-]*/[a-z])[^\W\d_]"  # a chain's first link after the slash, not a path's
_SENTENCE = re.compile(r"(?<=[.!?。\"”’»])(?:(?<=[.!?。])|(?<=[.!?][\"”’»]))(?<!\b[A-Z]\.)" + NOT_AFTER_ABBREVIATION +
                       NOT_BEFORE_NUMBER + r"(?:(?<!\bet al\.),)?\s+(?=[^\s a-z]|[a-z][A-Z]|"
                       # an outlet's domain in lower case opening a chain ('… í dag. mbl.is/Jóna Lind'): a name of
                       # two to four words after its slash, ending the line (a space in it, so no web address's path:
                       # '… im Netz. zeit.de/Kultur', '… online. github.com/Harwick/tools')
                       r"[a-z][a-z\d-]{1,30}\.[a-z]{2,4}/[A-ZÀ-ÖØ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]*){1,3}"
                       r"[ \t]*(?:\r?\n|$))|(?<=[a-zß-öø-ÿ\d)\]])\." +
                       NOT_AFTER_ABBREVIATION + r"(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])|＝(?![^（）\n]{0,30}）)|"
                       # a word's stop glued to an agency's or outlet's name in capitals and its slash ('… sich in
                       # Position.APA/SCHLAGER'); an initial's or abbreviation's stop ('U.S.A./…') is none
                       r"(?<=[a-zß-öø-ÿ]{2})\." + NOT_AFTER_ABBREVIATION + r"(?=[A-ZÀ-ÖØ-Þ]{2,}/[^\W\d_])|"
                       # a year glued to a wire's name in capitals ('… Oct. 11, 2020.THE CANADIAN PRESS/Jane Roe')
                       r"(?<=\b(?:19|20)\d\d)\.(?=[A-Z]{2,}[ \t/])|"  # (a year, not a file's number: '…_0998.JPG/')
                       # a credit chain glued to the stop by its slash ('… NORTH OF BOSTON./JANE ROE/WBUR', '…
                       # choice.”/Jane Roe for KHN', '…제품./로이터 연합뉴스'): the slash opens the credit
                       # (credit_tails._PIPE_BEFORE); 'U.S./Mexico' is an abbreviation's stop, and a path of lower-case
                       # parts ('… your home folder./home/jane/Pictures') no chain
                       r"(?<=[a-z\u3131-\ud7a3)])[.!?]" + NOT_AFTER_ABBREVIATION + r"(?=/" + _GLUED_LINK + r")|"
                       r"(?<=[A-Z]{2})[.!?](?=/" + _GLUED_LINK + r")|(?<=[.!?])[\"”’](?=/" + _GLUED_LINK + r")|"
                       # a place's initials after its comma closing the caption, then the chain ('… in Harwick,
                       # U.S./REUTERS', '… Washington, D.C. /AP'): the place is the caption's, the chain the credit
                       r"(?:(?<=,[ \t][A-Z]\.[A-Z])|(?<=,[ \t][A-Z]\.[A-Z]\.[A-Z]))\.(?=[ \t]?/[A-Z])")
# (in those three the stop or quote is matched: a first character for with_first_chars to look for)
_VIA = re.compile(r"(?i)^(?P<who>.{1,120}?)(?:\s+|\s*/\s*)(?:via|über)\s+(?P<via>[^/]{1,60})$")  # '…/TT/via REUTERS',
# German 'über Wikimedia Commons'
# '…via REUTERS/File Photo', 'Jane Roe / Daily Texan file photos': an archive mark, no link
_FILE_PHOTO = re.compile(r"(?i)(?:\s*/\s*file(?:\s+photo)?|(?<=\w)[ \t]+file[ \t]+photos?)$")
# A person or agency a client commissioned ('Ada Brook for The Daily Ledger', 'AP for Netflix', 'Shutterstock for The
# Harwick Festival')
_FOR = re.compile(r"(?i)^(?P<who>[^/,]{2,60}?)(?:\s+" + CLIENT_WORD + "|" + SPECIAL_TO + r")\s+"
                  r"(?P<client>[^/,]{2,60})$")
_OWN_PHOTO = re.compile(r"(?i)\s(?:photo|image|file)$")  # '(PTI Photo)', '(PTI image)': a source's own picture
# '… on Tuesday. [PARK YONG-SEOK]': a person's name in capitals alone in square brackets closing a caption (Korea
# JoongAng Daily's photographers and cartoonists)
_BRACKETED_CAPITALS = re.compile(r"^[A-Z][A-Z'’.-]*(?:[ \t]+[A-Z][A-Z'’.-]*){1,3}$")
# A romanised Korean given name is hyphenated and comes last ('PARK YONG-SEOK'): what sets such a name apart from a
# transcript's stage direction in capitals ('[COMMERCIAL BREAK]', '[PHONE RINGING]', '[VOICE-OVER NARRATION]'),
# which a person's shape admits
_HYPHENED_WORD = re.compile(r"^[^-]*[ \t][A-Z][A-Z'’]*-[A-Z][A-Z'’]*$")
# A quotation speaks in the first or second person ('Our children deserve clean air. —ANNA REYES', an epigraph's
# '… we have to fear … —FRANKLIN D. ROOSEVELT'); a caption describes in the third. Case kept: 'US' is a country,
# 'Me.' the wires' abbreviation of Maine ('Portland, Me., on Monday').
SPOKEN = re.compile(r"\b(?:I|me|Me(?!\.)|[Mm]y|[Ww]e|[Uu]s|[Oo]urs?|[Yy]ou|[Yy]ours?)\b")
_UNIT_LABELS = frozenset({"organisation", "source"})  # after a named source: its units or partners
_NAMED_SOURCES = frozenset({"agency", "stock", "state-media", "platform", "government", "institution", "publisher"})
MAX_WORDS = 18
_BARE_MEMO_LIMIT = 10_000
_VIA_WORD = re.compile(r"(?i)\bvia\s+")
_RELAYED = re.compile(r"^\s*([^\s＝=]{1,20})\s*＝\s*([^\s＝=]{1,20})\s*$")  # 'AP＝共同': agency＝distributor
# 'By Harriet Collins, Reuters'; 'Reporter : Choi Won-suk' (a Korean paper's byline: the story's writer, whatever
# source the label's word happens to spell)
_BYLINE = re.compile(r"(?i)^(?:by\s|(?:reporter|writer|correspondent|columnist)\s*:)")
# What a licence line says is licensed, not who made it ('This project is licensed under the MIT License', 'The software
# is licensed under …'): a demonstrative or possessive, or the name of a kind of work, before the licence.
_LICENSED_THING = re.compile(r"(?i)[ \t]*(?:(?:this|that|these|those|our|my|your|its|their)[ \t]|the[ \t]+(?:software|"
                             r"code|project|repository|repo|dataset|data|work|content|website|site|app|library|"
                             r"package|documentation|docs|text|font|template|theme)\b)")
_ET_AL = re.compile(r",?[ \t]+et[ \t]+al\.?(?=[\s,\x1f]*$)")
_LINE_REST = re.compile(r"[\s.,;:)）。\]\"'”»*_=-]{0,12}(?:\n|$)|[\s.,;:)）。\]\"'”»*_]*\Z")
_MARKERS = re.compile(
    r"(?i)[/,(\[<:]|\svia\s|\s" + CLIENT_WORD + r"\s|\sphoto(?:graph(?:y|s)?|s)?\s+by\s|\d|\bcc|licen|public\s+domain|"
    r"https?:|www\.")
_LICENSE_LEFTOVERS = re.compile(r"[\[\]()<>]|\x1f|\s,")
# The story's text run on after a chain's outlet with no stop, as Postmedia's pages give a caption's credit ('Photo by
# Jane Roe /Harwick Herald The mayor said …', '… /The Canadian Press HARWICK — The centre …', '… /Harwick Gazette files
# Police are …'): the outlet's capitalised words end before the paper's 'files' mark and a capital, a dateline in
# capitals before a dash, or a capitalised word followed by two lower-case ones (a sentence's start; 'of', 'and', 'the'
# join a name's words, 'via' goes on with the chain, 'Harwick ONC team, processed by …' is a body's name before a
# comma; an article opens the outlet's name or the next sentence, never the middle of a name: '/Instagram The …')
_JOINING = r"(?:of|and|the|for|de|du|des|la|le)\b"
STORY_AFTER_OUTLET = re.compile(
    r"/[ \t]*[A-Z][\w&'’.-]*(?:[ \t]+(?:" + _JOINING + r"|&|(?!(?:The|An?)\b)[A-Z][\w&'’.-]*)){0,4}?"
    r"(?=[ \t]+(?:files?[ \t]+[A-Z]|[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,2}[ \t]+[—–][ \t]|"
    r"(?!" + _JOINING + r")[A-Z][\w'’-]*[ \t]+(?!" + _JOINING + r"|files?\b|via\b)[a-z]+[ \t]+[a-z]))"
)


# A credit glued to what follows it with no space: the story's first word ('Jane Roe/Getty ImagesThe mayor said …',
# '…/AAP PHOTOSThe forward has …') or the same credit written again ('Jane Roe/PostmediaJane Roe/Postmedia'): a capital
# and a lower-case letter after a lower-case letter or two capitals, where a source the catalog knows ends the chain's
# last link of words alone ('Saskatoon StarPhoenix', 'McTear' name none; '…via Wikimedia Commons" JaneRoe' is markup)
_SOURCE_WORDS = re.compile(r"[A-Za-z][\w&'’.-]*(?:[ \t][\w&'’.-]+){0,4}")  # a link of words alone, no quote or colon
_GLUED_AFTER = re.compile(r"(?:[a-z]|[A-Z][A-Z])(?=[A-Z][a-z])")  # the glue is where the match ends


def glued_after_source(catalog: Catalog, text: str, start: int, end: int) -> int | None:
    """Where a chain between `start` and `end` ends glued to the text after it (see _GLUED_AFTER), or None: the link
    before the glue read from the slash before it."""
    slash = text.find("/", start, end)
    if slash < 0:
        return None
    for glue in _GLUED_AFTER.finditer(text, slash + 1, end):
        before = text.rfind("/", slash, glue.end())
        if glue.end() - before > 80:
            continue  # longer than a source's name: prose
        link = _VIA_WORD.split(text[before + 1 : glue.end()])[-1].strip()
        if not _SOURCE_WORDS.fullmatch(link):
            continue
        label = label_link(catalog, link)  # the source's name as written, with no word of the glued text in it
        if label.source is not None and match_source(catalog, label.text) is not None:  # ('…/Reuters JavaScript is
            return glue.end()  # …' is no 'Reuters Java', a known source qualified by a word)
    return None


# A sentence opening right after a source's name: a capitalised word (at most two more, or a number), then two words in
# lower case ('Getty Images If you are …', 'Nintendo Life Nintendo’s 2022 holiday lineup …', 'Česká televize Ivan
# Trojan a jeho …'); 'Reuters Jane Roe, file' has no two lower-case words and stays one credit
# (or a title, then the name it goes with: 'Congress president Mallikarjun Kharge on Monday …')
_STORY_OPENS = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|\d[\d,.]*)){0,2}[ \t]+[a-z][\w'’-]*[ \t]+[a-z]|"
                          r"[A-Z][\w'’.-]*[ \t]+[a-z][\w'’-]*[ \t]+[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}"
                          r"[ \t]+[a-z]")
_LINK_WORDS = re.compile(r"\S+")
_TERMS_AFTER = re.compile(r"(?i)(?:all|some|no)[ \t]+rights|licen[cs]|used[ \t]+with|creative[ \t]+commons|"
                          r"public[ \t]+domain")
_CASE_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")  # 'PreventionAn Anopheles …': the name glued to the next word


def _opener_then_lower(text: str, at: int, end: int) -> bool:
    """A word of SENTENCE_OPENERS at `at`, then a word in lower case or a number ('If you', 'In 2019')."""
    words = text[at:min(end, at + 60)].split(None, 2)
    return len(words) > 1 and words[0].casefold() in SENTENCE_OPENERS and not words[1][:1].isupper()


def source_then_story(catalog: Catalog, text: str, at: int, end: int,
                      kinds: frozenset[str] | None = None) -> int | None:
    """Where a source the catalog knows, opening the link at `at`, ends with a sentence run on after it, by a space or
    glued ('Getty Images If you are tired …', 'Image: Nintendo Life Nintendo’s 2022 …', 'Jane Roe//Getty Images
    Jay-Z was …', 'Photo: Centers for Disease Control and PreventionAn Anopheles mosquito …'), or None. The longest
    name of at most six words that the catalog knows wins; `kinds` limits it to sources of those kinds, and then the
    sentence must open with a word of SENTENCE_OPENERS. A few short
    look-ups per credit, no scan of the text."""
    if text.count(" ", at, min(end, at + 120)) < 3:
        return None  # a source and a sentence's three words are three spaces at least: a credit alone has fewer
    words = list(_LINK_WORDS.finditer(text, at, min(end, at + 120)))[:7]
    firsts = source_first_words(catalog)
    first = fold_source_name(words[0].group()).partition(" ")[0] if words else ""
    if not words or firsts is not None and first not in firsts and first != "the":
        return None  # the link's first word opens no name the catalog knows (match_source's own screen)
    if kinds is not None and not any(w.group()[:1].isupper() and w.group().casefold() in SENTENCE_OPENERS
                                     for w in words[1:]):
        return None  # an agency alone: a capitalised word of SENTENCE_OPENERS must follow it
    if _STORY_OPENS.search(text, at, min(end, at + 160)) is None:
        return None  # no sentence opens after the link: a credit alone ('Jane Roe/AP'), the common case
    for count in range(min(len(words), 6), 0, -1):
        last = words[count - 1]
        cuts = [last.end()] + [g.start() for g in _CASE_GLUE.finditer(text, last.start(), last.end())]
        for cut in reversed(cuts):
            opens = cut if cut < last.end() else cut + 1
            if opens >= end or text[cut : cut + 1] not in (" ", "\t") and cut == last.end() \
                    or text[cut - 1] in ".,;:!?" or not _STORY_OPENS.match(text, opens, end) \
                    or _TERMS_AFTER.match(text, opens, end):
                continue  # '© Oxfam. All rights reserved.': a stop ends the credit, and its terms go on with it
            if kinds is not None and not _opener_then_lower(text, opens, end):
                continue  # an agency alone: only a word that never goes on with a name opens the story, and a word in
                # lower case follows it ('If you …', 'In a statement …'); 'In Focus is …', 'And Shutterstock agree
                # …', 'The Associated Press is …' are a headline's or a sentence's words about the agency
            source = match_source(catalog, text[at:cut])
            if source is not None and (kinds is None or source.kind in kinds):
                return cut
    return None


# The last word of an outlet's name that the catalog does not know: a paper's ('Harwick Herald', 'Harwick
# StarGazette', 'Harwick Herald-Tribune') or a wire's
_OUTLET_ENDS = tuple(sorted(NEWSPAPER_WORDS | NEWS_TITLE_ENDS | {"wire", "newswire", "media", "images", "photos"}))


_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


def story_run_on(catalog: Catalog, text: str, start: int, end: int) -> int | None:
    """Where a chain's outlet ends with the story run on after it (STORY_AFTER_OUTLET), or None: only when the outlet
    so cut is a source the catalog knows, or ends with a paper's word or a title written as one word ('StarPhoenix');
    a cut that leaves another name is none ('…/Harwick Herald Harwick Police are …', '…/Harwick Herald Sports Editor
    Ida Marrow writes …', '…/Harwick Herald photo illustration' would give 'Harwick Herald Harwick', '… Editor Ida',
    'Harwick')."""
    run_on = STORY_AFTER_OUTLET.search(text, start, end)
    if run_on is None:
        return _capitals_run_on(text, start, end)
    outlet = run_on.group()[1:].strip()
    last = outlet.split()[-1]
    if match_source(catalog, outlet) is not None or last.casefold().endswith(_OUTLET_ENDS) \
            or _INNER_CAPITAL.search(last) is not None:  # 'Saskatoon StarPhoenix': a title written as one word
        return run_on.end()
    before = text[start : run_on.start()].rpartition("/")[2].strip()  # 'UNICEF/Jane Roe In a remote …': the agency
    # first, its photographer's full name last
    if before and label_link(catalog, before).source is not None and len(outlet.split()) >= 2 \
            and _is_person(catalog, outlet):
        return run_on.end()
    return _capitals_run_on(text, start, end)


# A chain written all in capitals whose outlet runs on into the story in mixed case ('PHOTO: JANE ROE/EXPRESS With
# the holiday near, the railway …', as an aggregator flattens a caption and its story): the outlet ends where the
# capitals do, before a capitalised word, at most two more, and two words in lower case
_CAPITALS_THEN_STORY = re.compile(
    r"/[ \t]*[A-Z][A-Z&'’.-]+(?:[ \t]+[A-Z][A-Z&'’.-]+){0,3}"
    r"(?=[ \t]+[A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}[ \t]+[a-z]+[ \t]+[a-z])"
)


def _capitals_run_on(text: str, start: int, end: int) -> int | None:
    """Where a chain in capitals ends with the story run on after it (_CAPITALS_THEN_STORY), or None: only when all
    of the chain before its outlet is in capitals too ('JANE ROE/EXPRESS With …'; 'Jane Roe/AFP With …' is no
    chain in capitals, and its run-on is STORY_AFTER_OUTLET's to find)."""
    caps = _CAPITALS_THEN_STORY.search(text, start, end)
    if caps is None:
        return None
    before = text[start : caps.start()]
    return caps.end() if before.strip() and before.upper() == before else None


_SENTENCE, _MARKERS, _VIA_WORD = (with_first_chars(p) for p in (_SENTENCE, _MARKERS, _VIA_WORD))  # the same
# matches, fewer positions tried (scan.py)


@dataclass(frozen=True)
class Segment:
    """A candidate credit: where it starts and ends, where its body starts after the lead-in,
    whether it is weak (needs an organisation or via to count), and, for a credit written in
    another order (新华社记者X摄), the same credit rewritten as 'X/新华社'."""

    start: int
    end: int
    body: int
    weak: bool = False
    rewrite: str | None = None
    strict: bool = False  # a bare 'by X' credit: only with a license the catalog or CC codes know, or a via


# Instagram's embed, when its script does not run, shows the post's account as 'A post shared by Jane Roe (@janeroe)'
# (then ' on <date>', or nothing), or the handle alone, a link to the post around it: the account is the credit; a post
# shared by someone in prose has no handle, or goes on ('… (@citymuseum) shows the altar'). Until 2017 the embed said
# 'A photo posted by Jane Roe (@janeroe)' ('A video posted by …'), which pages of those years still hold.
_SHARED_POST = re.compile(r"\bA (?:post shared|photo posted|video posted) by[ \t]+"
                          r"(?:(?P<who>[^\s()@][^\n()@]{0,79}?)[ \t]*"
                          r"\(@(?P<handle>[\w.]{1,60})\)|@(?P<alone>[\w.]{1,60})(?![\w.]))"
                          r"(?:[ \t]*<(?P<url>https?://[^<>\s]{1,300})>)?(?=[ \t]*(?:on\b|\r?\n|$))")


def shared_posts(text: str) -> Iterator[Segment]:
    """The accounts of Instagram embeds left as text ('A post shared by Jane Roe (@janeroe) on …'), each a credit
    rewritten as the account's name (or its handle, when it has no name)."""
    if "A post shared by" not in text and "A photo posted by" not in text and "A video posted by" not in text:
        return
    for match in _SHARED_POST.finditer(text):
        who = (match.group("who") or "").strip() or f"@{match.group('handle') or match.group('alone')}"
        url = match.group("url")  # the link of the embed's text (reduced markup), to the post's page
        yield Segment(match.start(), match.end(), match.start(), rewrite=f"{who} <{url}>" if url else who)


# A still of a video and who put the video out, as news captions credit social posts and handout footage ('Screengrab
# from a video posted on X by @janeroe', 'A screenshot of a video released by the Defence Ministry', 'Screengrab from a
# video posted by Jane Roe on Facebook'): the poster is the credit, the platform (before or after) its via.
_VIDEO_STILL = re.compile(
    r"(?i)\b(?:screen[ -]?grabs?|screen[ -]?shots?|screen[ -]?captures?|stills?|frames?|grabs?)[ \t]+(?:taken[ \t]+)?"
    r"(?:from|of)[ \t]+(?:an?[ \t]+|the[ \t]+)?(?:social[ \t]+media[ \t]+)?video[ \t]+(?:that[ \t]+was[ \t]+)?"
    r"(?:posted|shared|released|published|uploaded|distributed)"
    r"(?:[ \t]+(?:on|to)[ \t]+(?P<before>(?-i:[A-Z])[\w.-]{0,30}))?[ \t]+by[ \t]+"
    r"(?P<who>(?:the[ \t]+)?(?-i:[A-Z@\u0400-\u04ff])[^,;()\n]{0,80}?)"
    r"(?:[ \t]+(?:on|to)[ \t]+(?P<after>(?-i:[A-Z])[\w.-]{0,30}))?(?=[ \t]*(?:[,.;)\]]|\r?\n|$))"
)


def video_stills(text: str, catalog: Catalog, lowered: str) -> Iterator[Segment]:
    """The credits of stills from a video someone posted or released (_VIDEO_STILL), each rewritten as the poster
    and, where the text names one the catalog knows, 'via' the platform ('… on Monday' names none)."""
    if "video" not in lowered or " by " not in lowered:
        return
    for match in _VIDEO_STILL.finditer(text):
        platform = next((name for name in (match.group("before"), match.group("after")) if name
                         and (source := match_source(catalog, name)) is not None and source.kind == "platform"), None)
        who = match.group("who").strip()
        yield Segment(match.start(), match.end(), match.start("who"),
                      rewrite=f"{who} via {platform}" if platform else who)


def bracket_pairs(text: str) -> dict[int, int]:
    """Where each bracket closes, for brackets opened and closed on one line: one pass, a stack."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for match in _BRACKETS.finditer(text):
        char, at = match.group(0), match.start()
        if char == "\n":
            stack.clear()
        elif char in _CLOSE:
            stack.append(at)
        elif stack and _CLOSE[text[stack[-1]]] == char:
            pairs[stack.pop()] = at
        else:
            stack.clear()
    return pairs


Taken = Callable[[int, int], bool]


def _dated_place_before(text: str, opened: int, close: int) -> bool:
    """Whether the bracket closes its line after a dateline's place and day ('CHILE, 12 Mar (EUROPA PRESS)')."""
    line_start = text.rfind("\n", max(0, opened - 80), opened) + 1
    if opened - line_start > 60 or text[close + 1 : close + 2] not in ("", "\n", "\r") and text[close + 1 :].split(
            "\n", 1)[0].strip():
        return False
    return DATED_PLACE.fullmatch(text, line_start, opened) is not None and DATELINE_AGENCY.fullmatch(
        text, opened + 1, close) is not None


def bracketed(text: str, catalog: Catalog, pairs: dict[int, int], taken: Taken) -> Iterator[Segment]:
    """'(Reuters/John Smith)', '(AP Photo)', '[NBC-1TV …]': credits in brackets."""
    for opened in sorted(pairs):
        close = pairs[opened]
        if close - opened > 300 or _DATELINE.match(text[close + 1 : close + 4]) or _in_table_row(text, opened):
            continue
        if _dated_place_before(text, opened, close):
            continue
        inner = text[opened + 1 : close]
        lead = _LEADING_YEAR.match(inner.strip())
        body = opened + 1 + (len(inner) - len(inner.lstrip())) + (lead.end() if lead else 0)
        inner = text[body:close]
        glued = _glued_agency(catalog, text, opened, close, inner)
        if glued and not taken(body, close):
            yield Segment(body, close, body)  # '… on Wednesday. (Yonhap)The group received …': run on into the story
            continue
        if RESHOT_FROM.match(inner) and RESHOT_PLATFORM.search(inner) and not taken(body, close):
            yield Segment(body, close, body)  # '(翻攝自微博)': re-shot from a platform (credit_parts._reshot_links)
            continue
        dated = _DATED_PLACE_OPENING.match(inner) if inner[:1].isdigit() else None
        if dated is not None:
            if _closes_line(text, close) and _dated_source(catalog, inner[dated.end() :].strip()) \
                    and not taken(body + dated.end(), close):
                yield Segment(body + dated.end(), close, body + dated.end())
            continue
        if taken(body, close) or not (_is_chain_or_via(inner) or _closes_line(text, close)):
            continue
        if "／" in inner and "/" not in inner and not inner.isascii():
            slashed = inner.replace("／", "/")  # '(圖／達志影像)': Chinese papers' full-width slash, a chain's slash
            if is_bare_credit(catalog, slashed):
                yield Segment(body, close, body, rewrite=slashed)
            continue
        dated = _THAI_DATED_PICTURE.match(inner) if "ภาพ" in inner else None
        if dated is not None and match_source(catalog, inner[dated.end() :].strip()) is not None:
            yield Segment(body + dated.end(), close, body + dated.end())
            continue
        relay = relayed(catalog, inner) if "＝" in inner else None
        relay = _source_colon_name(catalog, inner) if relay is None and (": " in inner or ":@" in inner) else relay
        if relay is not None:
            yield Segment(body, close, body, rewrite=relay)
        elif _spelled_out_before(catalog, text, opened, inner):
            continue  # 'the International Olympic Committee (IOC)': a short form defined, no credit
        elif is_bare_credit(catalog, _RIGHTS_NOTE.sub("", inner)) \
                or _HERITAGE_BODY.match(inner) and _after_stop(text, opened):
            named = _name_before(catalog, text, opened, inner)
            terms = _LICENSE_BEFORE.search(text, max(0, opened - 40), opened) if named is None else None
            if terms is not None:  # 'public domain (Library of Congress, via Wikimedia Commons)': the terms, then whose
                yield Segment(terms.start(), close + 1, terms.start())
            else:
                yield Segment(named, close + 1, named) if named is not None else Segment(body, close, body)
        elif _after_stop(text, opened) and _closes_line(text, close) and _station_alone(inner):
            yield Segment(body, close, body)  # '… from a crash on Feb. 1. (WKMG)': a TV station's own picture
        elif text[opened] == "[" and text[opened - 1 : opened] in (" ", "\t") and _closes_line(text, close) \
                and _agency_dash_name(catalog, inner):
            yield Segment(body, close, body)  # '… à Berne. [Keystone - Jane Roe]' (RTS): the agency, its photographer
        elif text[opened] == "[" and _BRACKETED_CAPITALS.match(inner) and _HYPHENED_WORD.match(inner) and \
                _after_stop(text, opened) and _closes_line(text, close) and name_in_capitals(catalog, inner):
            yield Segment(body, close, body)  # '… on Tuesday. [PARK YONG-SEOK]' (Korea JoongAng Daily)


# A rights note after a spaced dash closing a bracket's credit (Formiche's galleries: '(Foto Imagoeconomica –
# riproduzione riservata)'): no link of the chain; the credit is judged without it and read with it (its rights)
_RIGHTS_NOTE = re.compile(r"(?i)[ \t]+[-–—][ \t]+(?:riproduzione[ \t]+riservata|all[ \t]+rights[ \t]+reserved)[ \t.]*$")


def _agency_dash_name(catalog: Catalog, inner: str) -> bool:
    """RTS's square brackets closing a caption after a space: an agency the catalog knows, a spaced dash, then its
    photographer's full name as written ('Keystone - Jane Roe'; in capitals _is_dash_chain reads it anywhere), no
    body's or place's words in it ('Keystone - Conseil national'). A diagram's node ('[Keystone - Identity]'), a
    Markdown link's text (a bracket the line goes on after) or a word glued to the bracket is none."""
    links = _SPACED_DASH.split(inner)
    return len(links) == 2 and 2 <= len(links[1].split()) <= 4 and _is_agency(catalog, links[0].strip()) \
        and _is_person(catalog, links[1].strip()) and capitals_name_by_words(links[1].strip())


def _dated_source(catalog: Catalog, text: str) -> bool:
    """The last item of a dated bracket: a credit by its shape, a platform the catalog knows ('X', 'Instagram'), or a
    person's full name (two to four capitalised words). A source the catalog knows counts only as a maker or seller
    of news pictures or a platform: an institution there ('United Nations') is where the picture was taken."""
    source = match_source(catalog, text)
    if source is not None and source.kind not in NEWS_SOURCE_KINDS:
        return source.kind == "platform"
    return is_bare_credit(catalog, text) or _FULL_NAME.fullmatch(text) is not None and _is_person(catalog, text) \
        and _given_name_first(text) and not _venue(text)


def _given_name_first(text: str) -> bool:
    """A full name in the dated seat opens with a given name (GIVEN_NAMES): the places, bodies and events written there
    as often ('Porta Pia', 'Stadio Olimpico', 'Forza Italia', 'Premio Strega', 'Quai Orsay') are two capitalised
    words too, and no list of their words is ever whole."""
    first = text.split(maxsplit=1)[0].casefold()
    return first in GIVEN_NAMES or first.partition("-")[0] in GIVEN_NAMES  # 'Jean-Christophe Roe'


_FULL_NAME = re.compile(r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,3}")
# Italian and French venues' first words, besides the places' of PLACE_OPENINGS ('Palazzo Reale', 'Sala Zuccari')
_VENUE_OPENINGS = frozenset({"piazza", "via", "viale", "corso", "sala", "aula", "auditorium", "chiesa", "duomo",
                             "basilica", "castello", "stazione", "centro", "fiera", "hotel", "camera", "senato",
                             "place", "rue", "salle", "hôtel", "musée", "théâtre", "château", "gare", "parc"})


def _venue(text: str) -> bool:
    """A place's or a building's name in the credit's seat of a dated bracket ('Palazzo Reale', 'Teatro Regio')."""
    words = text.casefold().split()
    return words[0] in PLACE_OPENINGS or words[0] in PLACE_OR_EVENT_OPENINGS or words[0] in _VENUE_OPENINGS \
        or any(word in NOT_A_PHOTOGRAPHER for word in words)


# Call letters alone: four capitals in K or W ('WKMG'), or three with the service ('WGN-TV'); three bare capitals are
# more often a body's initials ('(WWF)', '(WFP)') than a station
_CALL_LETTERS = re.compile(r"^[KW](?:[A-Z]{3}|[A-Z]{2,3}-(?:TV|DT|CD|LD))$")


def _station_alone(inner: str) -> bool:
    """'WKMG', 'KARE 11', 'NBC 5', 'WCCO-TV': a US TV station's call letters or brand alone in brackets. Four capitals
    that spell a word ('(WHAT)', '(KING)' alone) are no call letters."""
    if _CALL_LETTERS.match(inner):
        word = inner.partition("-")[0].casefold()
        return word not in COMMON_WORDS and word not in CALL_LETTER_WORDS
    return names_a_station(inner)


def _spelled_out_before(catalog: Catalog, text: str, opened: int, inner: str) -> bool:
    """'… of the International Olympic Committee (IOC).', 'the Brazilian Football Confederation (CBF)', 'Agence
    France-Presse (AFP)': a short name in brackets right after the name written out defines it (the catalog's
    alias of the same source, or the initials of the capitalised words before it, in any order, as a translated
    name gives them); it names the body the sentence talks about, not the picture's source."""
    short = inner.strip()
    if not 2 <= len(short) <= 10 or not short.isupper() or not short.replace("-", "").isalpha() \
            or text[opened - 1 : opened] not in (" ", "\t"):
        return False
    words = text[max(text.rfind("\n", 0, opened) + 1, opened - 120) : opened].split()[-10:]
    if not words or words[-1][-1:] in (".", "!", "?", ":", ";"):
        return False  # '… of the Olympic Committee. (IOC)': a sentence closed, then its credit
    source = match_source(catalog, short)
    if source is not None and any(match_source(catalog, " ".join(words[-count:]).strip(",;:")) is source
                                  for count in range(2, len(words) + 1)):
        return True
    initials: list[str] = []
    for word in reversed(words):
        if word.casefold() in SPELLED_OUT_CONNECTIVES and initials:
            continue
        if not word[:1].isupper():
            break
        initials.extend(part[:1] for part in reversed(word.split("-")) if part[:1].isupper())
        if len(initials) >= len(short):
            break
    letters = short.replace("-", "")
    return len(initials) == len(letters) and sorted(initials) == sorted(letters) and \
        label_link(catalog, " ".join(words[-len(initials) :])).label != "person"


def name_in_capitals(catalog: Catalog, name: str) -> bool:
    """A person's name written in capitals with nothing to say it is a credit ('RICHARD A. REYES', 'PARK YONG-SEOK'):
    a person by its shape, and no word of a page's headings or sign-offs in it ('READ MORE', 'STAFF REPORT')."""
    words = [word.strip(",'’").casefold() for word in name.split()]  # 'A.' an initial, 'A' an article
    return not any(word in HEADING_WORDS for word in words) and _is_person(catalog, name)


def _glued_agency(catalog: Catalog, text: str, opened: int, close: int, inner: str) -> bool:
    """'… at the Tokyo Dome on Tuesday and Wednesday. (Yonhap)The group received …': a news agency alone in brackets
    after a caption's stop, the next sentence glued to its bracket (a page's text run together): the caption's
    credit, though the line goes on."""
    after = text[close + 1 : close + 3]
    if len(after) < 2 or not after[0].isupper() or not after[1].islower() or not _after_stop(text, opened):
        return False
    source = match_source(catalog, inner.strip())
    return source is not None and source.kind in _GLUED_AGENCY_KINDS


# Sources that credit a caption alone in brackets after its stop whatever follows: wires and state news agencies
_GLUED_AGENCY_KINDS = frozenset(("agency", "state-media"))


def _after_stop(text: str, at: int) -> bool:
    """Whether a sentence's stop comes right before `at` (spaces between)."""
    return text[max(0, at - 6) : at].rstrip(" \t")[-1:] in (".", "!", "?")


def _name_before(catalog: Catalog, text: str, opened: int, inner: str) -> int | None:
    """'Manifestantes en Sol, este martes. Marta Luján (EFE)': where the photographer's name starts, when it is the
    whole last sentence of a caption before an agency or publisher alone in brackets (split_credit reads the two as
    one chain). A name alone on its line before the bracket is the subject's ('Elon Musk (Reuters)'): no credit's."""
    if "/" in inner or "," in inner or text[opened - 1 : opened] not in (" ", "\t") or _OWN_PHOTO.search(inner):
        return None  # 'Bhupesh Baghel (PTI image)': the agency's own picture of the man named before it
    source = label_link(catalog, inner).source
    if source is None or source.kind not in NEWS_SOURCE_KINDS:
        return None
    line_start = text.rfind("\n", 0, opened) + 1
    before = text[max(line_start, opened - 80) : opened]
    ends = list(_SENTENCE.finditer(before))
    if not ends:
        return None
    tail = before[ends[-1].end() :]
    name = tail.strip()
    if not 2 <= len(name.split()) <= 4 or label_link(catalog, name).label != "person":
        return None
    return opened - len(tail.lstrip())


def _source_colon_name(catalog: Catalog, inner: str) -> str | None:
    """'(ABC News: Jane Roe)', '(AAP: Dean Lowry)', '(Reuters: Jane Roe)': the ABC's (Australia) order, a source the
    catalog knows, a colon and the photographer, as the chain 'ABC News/Jane Roe'."""
    source, _, who = inner.partition(": " if ": " in inner else ":")  # '(Twitter:@jroe)': a handle, no space
    if "/" in inner or len(who.split()) > 5 or not CHANNEL_WORDS.isdisjoint(source.casefold().split()):
        return None
    if not _is_named_source(catalog, source) and not (_desk_of(catalog, source) and len(who.split()) > 1):
        return None  # a desk's photographer in full: '(ABC Kids: Bluey)' names a programme
    return f"{source}/{who}" if label_link(catalog, who).label == "person" else None


def _desk_of(catalog: Catalog, name: str) -> bool:
    """'ABC Gippsland', 'ABC Rural', 'ABC Radio Sydney': a source the catalog knows, then one to three capitalised
    words naming its regional station or desk, as the ABC (Australia) writes before a colon and the photographer."""
    words = name.split()
    return any(_is_named_source(catalog, " ".join(words[:cut])) and all(
        w[:1].isupper() and w.casefold() not in POST_WORDS for w in words[cut:])  # not 'Reuters Chief'
        for cut in range(1, len(words)) if len(words) - cut <= 3)


def relayed(catalog: Catalog, inner: str) -> str | None:
    """'（AP＝共同）', '（ロイター＝共同）': an agency's photo that a Japanese agency distributes, as 'AP via 共同';
    both must be sources the catalog knows ('（ワシントン＝共同）' names a place)."""
    match = _RELAYED.match(inner)
    if match is None or any(label_link(catalog, name).source is None for name in match.groups()):
        return None
    return f"{match.group(1)} via {match.group(2)}"


def _museum_line(text: str) -> bool:
    """'Harwick Art Museum, Purchase, Lindqvist Fund, 2001': a name in capitals (after 'The'), then how the museum
    came by the work in a clause of names, years and the few lower-case words such a clause holds."""
    clause = ACQUISITION.search(text)
    if clause is None:
        return False
    head = text[: clause.start()].split()
    if not head or any(w[:1].islower() and w not in ACQUISITION_CLAUSE_WORDS for w in head):
        return False  # 'The school, Gift of …': a common noun opens a sentence, not a body's name
    words = (w.strip(".,;:()'’").removesuffix("'s").removesuffix("’s") for w in clause.group(0).split())
    return all(not w[:1].islower() or w in ACQUISITION_CLAUSE_WORDS for w in words)


def _is_chain_or_via(inner: str) -> bool:
    return "/" in inner or " via " in inner.casefold() or "," in inner or "／" in inner


def _closes_line(text: str, close: int) -> bool:
    """'… on Monday. (Reuters)': a source alone in brackets is a credit only where the line ends; in the
    middle of a sentence ('the UN refugee agency (UNHCR) lands') it names a subject."""
    return bool(_LINE_REST.match(text, close + 1))


def _in_table_row(text: str, at: int) -> bool:
    window = max(0, at - 300)
    line_start = text.rfind("\n", window, at) + 1 or window
    return (line_start > window or window == 0) and text[line_start:at].lstrip().startswith("|")


# A lead-in with a colon or 'Photo by' in the line ('… de 1934. Foto: Arquivo Nacional', 'Dock workers, 1937. Photo
# by Jane Roe. Library of Congress'): its credit is read from there (with its noun), not as a citation of the line
_COLON_LEAD = re.compile(r"(?i)\b(?:(?:photo(?:graph)?s?|fotos?|kuva|bild|image|credit|crédit|source|quelle|fonte|"
                         r"fuente|bron|kilde|källa|lähde|beeld|photographer|fotograf|artwork)[ \t]*[:：]|"
                         r"(?:photo(?:graph)?s?|images?|pictures?)[ \t]+by\b)")


def citation_lines(text: str, catalog: Catalog) -> Iterator[Segment]:
    """'Johannes Vermeer. The Kitchen Maid, c. 1658. Oil on canvas. Rijksmuseum, Amsterdam', 'Berryman, Clifford,
    “Untitled,” 1932. Courtesy of National Archives': a line written as a citation that names its maker is read whole,
    before the lead-ins inside it ('Courtesy of') are read alone (credit_citations); without a maker the holder is
    read where it stands (a tail, a bracket, a lead-in), the caption's prose no part of the credit. Only lines that
    name a holder or a maker's role or hold a year, and hold a comma or a sentence's stop, are tried."""
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip()
        if ("," in stripped or ". " in stripped) and may_cite(catalog, stripped) \
                and not stripped.lstrip().startswith("|") and not _COLON_LEAD.search(stripped):
            begin = _citation_start(catalog, stripped)
            if begin is not None:
                yield Segment(offset + begin, offset + len(stripped), offset + begin)
        offset += len(line)


# 'From the Library of Congress.', '… 1947. Unknown photographer. From the Smithsonian Institution.', 'From the
# collection of the Imperial War Museums.': a holder after 'From the', closing its line as a sentence of its own. A
# stop inside the name only after an initial, or after 'St' before a capital ('From the U.S. National Archives',
# 'From the St. Louis Public Library')
_FROM_HOLDER = re.compile(r"(?:^|(?<=[.”\"])[ \t]+)From[ \t]+the[ \t]+(?:collections?[ \t]+of[ \t]+(?:the[ \t]+)?)?"
                          r"(?P<name>[A-Z](?:[^.!?\n]|(?<=\b[A-Z])\.|(?<=\bSt)\.(?=[ \t]*[A-Z])){2,80}?)"
                          r"[ \t]*\.?[ \t]*$")


def holder_from_lines(text: str, catalog: Catalog) -> Iterator[Segment]:
    """'From the National Archives.' closing a line, alone or after the caption's last stop: the holder the picture
    came from, when it is an archive, library, museum or public body the catalog knows or its name's shape shows
    ('From the White House', 'From the event' name none: prose)."""
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip()
        found = _FROM_HOLDER.search(stripped) if "From the " in stripped else None
        if found is not None and is_holder(catalog, found.group("name")) and not _signed_off(stripped, found):
            begin = found.start() + len(found.group()) - len(found.group().lstrip())
            yield Segment(offset + begin, offset + len(stripped), offset + found.start("name"))
        offset += len(line)


# A notice's words before its sign-off ('Season's greetings to all our members. From the Harwick Historical Society.',
# 'Our doors close at noon. From the Harwick Library.'): a caption describes a picture, a notice speaks to its reader
_NOTICE_WORDS = re.compile(r"(?i)\b(?:we|us|our|you|your|dear|greetings|wishes|thanks?|congratulations|welcome|join|"
                           r"merry|happy|please|donate)\b")


def _signed_off(line: str, found: re.Match[str]) -> bool:
    """Whether 'From the …' signs a notice off (_NOTICE_WORDS before it) or names a person's post ('From the Museum
    Director.', 'From the Desk of the Library Director.'), not a holder."""
    words = found.group("name").rstrip(" .").casefold().split()
    return bool(_NOTICE_WORDS.search(line, 0, found.start())) or bool(words) and (
        words[-1] in PERSON_JOB_WORDS or words[0] in ("desk", "staff", "board", "members"))


# A picture's title and the day it was taken, then its photographer, as a line alone ('Harwick Pier Fire May 5th, 1959
# by Jane Roe', 'Harwick Rail Crash, 8th October 1952 by Tom Bell'): a day's date before 'by' dates a picture, where 'A
# novel by Jane Roe', 'Words by Tom Bell' or a book's year ('Harwick Tales, 1997 by Jane Roe') name an author.
# An archive's picture, so a year before 2000: a post's title and its day then 'by' its author ('Garden Tips March 3,
# 2021 by Jane Roe', as a blog's list of posts writes it) is the same shape; and no text's genre or authoring in the
# title ('Sermon for Easter, 17 April 1932 by …', 'Letter to the Gazette, May 3, 1945 by …', 'Last modified …'). A
# month's name whole or short ('Sept.'), never a word that opens like one ('Marching', 'Mayor', 'Novel')
_DATED_BY = re.compile(r"^(?![^\n]*\b(?i:published|posted|written|edited|updated|released|printed|issued|founded|"
                       r"established|signed|passed|sent|filed|submitted|reported|modified|created|compiled|translated|"
                       r"copyright|uploaded|sermon|lecture|minutes|review|interview|comment|podcast|episode|newsletter|"
                       r"poem|chapter|letter|blog|opinion|recipe|recap|article|essay|column|speech|diary|notes)\b)"
                       r"[ \t]*[A-Z][^\n]{2,120}?[ \t,]+"
                       r"(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+)?(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|"
                       r"June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?[ \t]+"
                       r"(?:\d{1,2}(?:st|nd|rd|th)?,?[ \t]+)?"
                       r"1[89]\d\d[ \t]+(?P<lead>by)[ \t]+"
                       r"(?P<name>[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3})[ \t]*$")


def dated_title_lines(text: str, catalog: Catalog) -> Iterator[Segment]:
    """A line that is a picture's title, its date and 'by' a person's name (_DATED_BY): the person is its
    photographer."""
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip()
        found = _DATED_BY.match(stripped) if " by " in stripped and len(stripped) <= 200 \
            and ("18" in stripped or "19" in stripped) else None  # its year's digits first: the pattern is slow
        if found is not None and _is_person(catalog, found.group("name")):
            yield Segment(offset + found.start("lead"), offset + len(stripped), offset + found.start("name"))
        offset += len(line)


def platform_citation_lines(text: str, catalog: Catalog) -> Iterator[Segment]:
    """'Eric Sehr. Scarborough Town Centre (DSC_0387), 2013, colour digital, Flickr, Toronto, accessed …, https://…':
    a line that cites a picture on a platform (credit_citations.read_platform_citation) is one credit, read as its
    maker via the platform with the terms and addresses the line gives; the title, date, medium and place name no
    one (they had been read as an organisation)."""
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip()
        begin = len(stripped) - len(stripped.lstrip())
        cited = read_platform_citation(catalog, stripped[begin:]) if ", " in stripped and len(stripped) <= 600 \
            and _opens_with_full_name(stripped, begin) and may_cite_platform(catalog, stripped) else None
        if cited is not None:
            rewrite = " ".join((f"{cited.maker} via {cited.platform},", *cited.terms, *cited.addresses))
            yield Segment(offset + begin, offset + len(stripped), offset + begin, rewrite=rewrite)
        offset += len(line)


def _opens_with_full_name(line: str, begin: int) -> bool:
    """Whether a line opens with two to four capitalised words before its first comma or stop: the only lines a
    platform citation may be (a test of the string alone, before any pattern)."""
    head = line[begin : begin + 80]
    cuts = [at for at in (head.find(", "), head.find(". ")) if at > 0]
    words = head[: min(cuts)].split() if cuts else []
    return 2 <= len(words) <= 4 and all(word[:1].isupper() for word in words)


def _citation_start(catalog: Catalog, line: str, maker: bool = True) -> int | None:
    return remembered(catalog, "citation-start-memo", (line, "maker" if maker else ""), _citation_start_of)


def _citation_start_of(catalog: Catalog, key: tuple[str, str]) -> int | None:
    """Where a line written as a citation starts ('Johannes Vermeer. The Kitchen Maid, c. 1658. Oil on canvas.
    Rijksmuseum, Amsterdam'; 'At left: …, 1944, Harwick Tinplate Company, manufacturer; H98.105/2634'): a maker,
    a title or a date, then a holder, marked as a citation (credit_citations), read from the line's start after a
    layout word. With `maker` False, a citation that names no maker ('Winslow Homer, "Title," 1865. Oil on canvas.
    The Metropolitan Museum of Art, New York. Public domain.'): where its holder starts (the prose before it no
    part of the credit)."""
    line, maker = key[0], bool(key[1])
    begin = len(line) - len(line.lstrip())
    layout = PLACE_IN_LAYOUT.match(line, begin) if ":" in line[:40] else None
    begin = layout.end() if layout else begin
    if len(line) - begin > 600:
        return None
    text, _ = strip_license(catalog, line[begin:])
    cited = read_citation(catalog, clean_segment(text))  # a maker, with a holder or named by role in a record
    if cited is None or not cited.marked or bool(cited.maker) != maker or not (cited.maker or cited.holder):
        return None
    if maker:
        return begin
    at = line.find(cited.holder, begin)
    return at if at >= 0 else None


# An archive, library, museum or historical society named alone in brackets closing a caption ('(Seattle Municipal
# Archives)', '(Harwick County Historical Society)'): the holder's credit, even unknown to the catalog; and so is a
# college's athletics department ('(Stanford Athletics)', its sports information office's pictures).
_HERITAGE_BODY = re.compile(r"(?:[A-Z][\w'’.-]*[ \t]+(?:(?:of|and|for|the|&)[ \t]+){0,2}){1,5}"
                            r"(?:Archives?|Library|Libraries|Museum|Historical[ \t]+Society|Athletics)$")
# A licence or public-domain statement right before a bracketed credit ('… public domain (National Archives, via …)')
_LICENSE_BEFORE = re.compile(r"(?i)(?<![\w-])(?:public\s+domain|domaine\s+public|cc0(?:\s+1\.0)?|"
                             r"cc[\s-]by(?:[\s-](?:sa|nc|nd)){0,2}(?:[\s-]\d\.\d)?)[ \t]*$")
# An archive's item number alone ('PA-043221', 'MIKAN 3265334', 'e011176012'): a reference, never a name.
_ITEM_NUMBER = re.compile(r"(?:[A-Z]{1,5}[ -]?\d{4,10}|e\d{9})$")


def is_bare_credit(catalog: Catalog, text: str) -> bool:
    """A credit without a lead-in, by its shape (see the module's docstring). The answer reads nothing but the
    text and the catalog, and a digest closes many lines with the same credit: it is remembered per catalog, in
    a table of at most _BARE_MEMO_LIMIT texts (a line's last sentence, up to a few hundred characters each)."""
    return remembered(catalog, "bare-credit-memo", text, _is_bare_credit, limit=_BARE_MEMO_LIMIT)


def _is_bare_credit(catalog: Catalog, text: str) -> bool:
    text = text.strip().rstrip(".")
    text = em_dash_chain(catalog, text) if "—" in text else text
    text = en_dash_chain(catalog, text, capitals=True) if " – " in text else text
    if not text or len(text) > 600 or _ITEM_NUMBER.match(text):
        return False
    if " | " in text:
        return _is_pipe_chain(catalog, text)
    if "; " in text and _is_credit_list(catalog, text):
        return True  # else read as before the lists were: 'Jane Roe/AP; Ann Lee' is a credit and a name after it
    if _short_alias_alone(catalog, text):  # alone, or alone in brackets
        return False
    if not _MARKERS.search(text):  # no separator, via, for, comma or license: only a source alone
        return _is_source_credit(catalog, text) or _is_stock_dash(catalog, text) or _is_dash_chain(catalog, text)
    acquired = _museum_line(text) if "," in text else False
    text, licensed = strip_license(catalog, text)
    text = _LICENSE_LEFTOVERS.sub(" ", clean_segment(text, catalog)).strip(" ,;.-–—\x1f")
    text = outlet_photo(catalog, ORG_PHOTO_BY.sub("/", text) if may_hold(text, ORG_PHOTO_WORDS) else text)
    if licensed:
        return _is_licensed_credit(catalog, text)
    if _BYLINE.match(text):  # 'By Harriet Collins, Reuters': the story's author and outlet, no image credit
        return False
    if len(text.split()) > MAX_WORDS or "http" in text:
        return False
    text = _FILE_PHOTO.sub("", text)
    via = _VIA.match(text)
    if via:
        return match_source(catalog, via.group("via").strip(" .")) is not None and _names(catalog, via.group("who"))
    if "/" in text:
        return _is_chain(catalog, text)
    commissioned = _FOR.match(text)
    if commissioned:  # 'Ada Brook for The Daily Ledger'; 'Getty Images for Netflix': an agency a client commissioned
        client = label_link(catalog, commissioned.group("client").strip(" «»“”"))
        who = commissioned.group("who")
        return (_is_person(catalog, who) and len(who) > 2 or _is_agency(catalog, who)) \
            and client.label in ("source", "organisation")
    if acquired:  # 'Vellmar Museum of Art, Purchase, Harold Fund, 1994': a museum's credit line
        return label_link(catalog, text).label in ("source", "organisation")
    return _is_source_credit(catalog, text)


# The dashes a chain's links are split on (credit_parts._CHAIN): an en dash is not one, so an agency and a distributor
# joined by it would be read as one name ('AP – Getty Images')
_SPACED_DASH = re.compile(r"[ \t][-—][ \t]")


def _short_alias_alone(catalog: Catalog, text: str) -> bool:
    """'Magnum', 'Polaris', 'Bundestag', 'Liberation': one word in lower case after its capital that names a source
    only as an alias, short or unaccented, of its name ('Magnum Photos', 'Deutscher Bundestag', 'Libération'). Alone
    on a line it is as often a word, a heading or a product ('Magnum' ice cream, the 'Polaris' star), so it is a
    credit in a chain or after a lead-in only ('Jane Roe/Magnum'); a source's own name ('Reuters', 'Shutterstock') or
    initials ('DBT') stay."""
    word = text.strip()
    if word[:1] in "([" and word[-1:] in ")]":
        word = word[1:-1].strip()  # '… fruit at the market. (Apple)': the same word in brackets
    return word_alias(catalog, word) or _name_as_a_word(catalog, word)


def _name_as_a_word(catalog: Catalog, word: str) -> bool:
    """'x', 'dawn', 'X': a source's name alone but written as no credit writes it: one letter (a list's mark, a
    variable, a heading's letter; the platform X is credited in a chain or after a lead-in: 'Image: X'), or in lower
    case where every name the catalog gives the source has a capital (a word of a sentence cut at a line break)."""
    if " " in word or not (len(word) == 1 or word.islower()):
        return False
    source = match_source(catalog, word)
    return source is not None and (len(word) == 1 or not any(
        name.islower() for name in (source.name, *source.aliases)))


def _is_dash_chain(catalog: Catalog, text: str) -> bool:
    """'Agence France-Presse — Getty Images', 'Reuters - Getty Images': The New York Times's way of writing an
    agency and its distributor, a spaced dash for the slash; 'AFP - LUDOVIC MARIN' (France 24): an agency, then its
    photographer's name in capitals, as the agency writes it (a name as written in a sentence is a story's author or
    subject: 'Talks resume. AP - Tom Bell', 'Reuters - Harwick United'). Else every link must be a source the catalog
    knows, so that a sentence signed with a dash ('… — Harwick Daily') is not read; and two links only ('AP - Reuters
    - AFP' lists wires)."""
    links = _SPACED_DASH.split(text)
    if len(links) == 2 and _is_agency(catalog, links[0].strip()) and 2 <= len(links[1].split()) <= 4 \
            and links[1].isupper() and _is_person(catalog, links[1].strip()):
        return True  # 'AFP - LUDOVIC MARIN' (France 24): the agency, then its photographer
    return len(links) == 2 and all(_is_named_source(catalog, link.strip()) for link in links)


def _is_agency(catalog: Catalog, text: str) -> bool:
    source = label_link(catalog, text).source
    return source is not None and source.kind in AGENCY_KINDS


def _is_credit_list(catalog: Catalog, text: str) -> bool:
    """'Jane Roe for The Harwick Post; Ann Lee/Reuters': one credit a picture of a composite, each a credit of
    its own shape, each read as a credit. Prose with a ';' has a clause that is no credit."""
    parts = text.split("; ")
    return len(parts) <= 4 and all(part.strip() and _is_bare_credit(catalog, part) for part in parts)


def _is_stock_dash(catalog: Catalog, text: str) -> bool:
    """'Jane Roe - stock.adobe.com': a person, a dash, a stock site (stock_dash)."""
    dashed = stock_dash(catalog, text)
    return dashed is not None and _is_person(catalog, dashed[0])


_COURTESY_TITLE = re.compile(r"(?:Mr|Mrs|Ms|Mme|Mx)\.?[ \t]")  # how prose names a person, never a photo credit


def _is_pipe_chain(catalog: Catalog, text: str) -> bool:
    """'Jane Roe | Bloomberg | Getty Images', 'Jane Roe | CNBC': CNBC's and Fortune's credits separate their links
    by pipes as others do by slashes. A table's cells ('| a | b |', 'Name | Role') and a site's menu are pipes
    too: such a chain counts only with at most four links, none empty, and one a source the catalog knows."""
    if text.startswith("|") or text.endswith("|") or text.count("|") > 3:
        return False
    links = [label_link(catalog, part) for part in text.split("|")]
    if not all(link.text and link.label != "unknown" for link in links):
        return False
    if not any(link.source is not None and link.source.kind in _NAMED_SOURCES for link in links):
        return False
    # The photographer, if named, comes first and is a full name ('Home | News | Reuters', 'Jane Roe, Editor |
    # Reuters': a menu's words and a staff list read as one-word 'people'); every later link is a body.
    first, rest = links[0], links[1:]
    if first.label == "person" \
            and (len(first.text.split()) < 2 or "," in first.text or _COURTESY_TITLE.match(first.text)):
        return False  # 'Mr. Scorsese | Apple TV': a guide's heading, the title of a show and where it streams
    return all(link.label in ("source", "organisation") for link in rest)


def _is_licensed_credit(catalog: Catalog, text: str) -> bool:
    """'Author, CC BY-SA 4.0, via Wikimedia Commons' with the license and URLs taken out: what is
    left must be names, or nothing but a via."""
    via = _VIA.match(text) or re.match(r"(?i)^(?P<who>)via\s+(?P<via>.{1,60})$", text)
    who = via.group("who") if via else text
    if len(who.split()) > MAX_WORDS or _LICENSED_THING.match(who):
        return False
    if "et al" in who:  # 'Jane Roe, et al.': the authors' first name stands for them
        who = _ET_AL.sub("", who)
    parts = [p for p in re.split(r"[/,]|\s[-–—]\s", who) if p.strip(" \x1f-–—")]
    if not parts:
        return bool(via)
    return label_link(catalog, parts[-1]).label != "unknown"  # the credited party stands last, before the license


def _is_chain(catalog: Catalog, text: str) -> bool:
    parts = text.split("/")
    links = [_chain_link(catalog, part) for part in parts]
    if len(parts) > 2 and is_a_date(parts[-1]) and _photographer_then_source(links[:-1]):
        links = links[:-1]  # 'Jane Roe/Getty Images/June 3, 2021': the day the picture was taken closes the chain;
        # a page's sections before its date ('News / Politics / June 3, 2021') are judged with it, as they were
    if len(links) == 2 and links[0].label == "unknown" and 0 < len(links[0].text.split()) <= 8 \
            and "." not in links[0].text and is_holder(catalog, links[1].text):
        return True  # 'Krajobraz przemysłowy Górnego Śląska / Narodowe Archiwum Cyfrowe': a title, then its holder
    if any(link.label == "unknown" for link in links) or any(not link.text for link in links):
        return False
    if any(link.label in ("source", "role") for link in links):
        return True
    labels = {link.label for link in links}
    return labels == {"person", "organisation"}


def _photographer_then_source(links: list[Link]) -> bool:
    """A dated chain's links before the date: a person's full name first, a source or a body after it ('Jane
    Roe/AFP', 'Jane Roe/Getty Images for Client'); a breadcrumb's sections ('Reuters/World', 'Politics/Reuters', 'News
    / Politics') are none."""
    return links[0].label == "person" and len(links[0].text.split()) >= 2 \
        and any(link.label in ("source", "organisation") for link in links[1:])


def _chain_link(catalog: Catalog, part: str) -> Link:
    """One link of a bare chain: 'Shutterstock for Netflix', 'Invision for Netflix' (in 'Jane Roe/Invision for
    Netflix/AP Images') is the agency that a client commissioned, labelled as the agency is; the client is cut out
    of the names later (credit_fields). A link that names no agency or stock library before 'for' is read whole
    ('Centre for Ecology' is a body's name, 'Roe for now' prose, 'YouTube for Artists' a platform's service)."""
    link = label_link(catalog, part)
    commissioned = _FOR.match(part.strip()) if link.label == "unknown" and " " in part.strip() else None
    if commissioned is None:
        return link
    agency = label_link(catalog, commissioned.group("who"))
    client = label_link(catalog, commissioned.group("client").strip(" «»“”"))
    if agency.source is None or agency.source.kind not in AGENCY_KINDS \
            or client.label not in ("source", "organisation"):
        return link
    return agency


def _names(catalog: Catalog, text: str) -> bool:
    return all(label_link(catalog, part).label != "unknown" for part in text.split("/"))


def _is_person(catalog: Catalog, text: str) -> bool:
    return label_link(catalog, text).label == "person"


def _is_source_credit(catalog: Catalog, text: str) -> bool:
    """'Getty Images', '(AP Photo)', 'Jon Avery, USFWS' with the source known to the catalog; 'Library of Congress,
    Prints & Photographs Division': an institution the catalog knows and its units; 'NASA, ESA, CSA, STScI': a
    joint credit of bodies, led by one the catalog knows (prose such as 'talks between the EU, NATO' leads with
    words that name no source)."""
    head, _, last = text.rpartition(",")
    if head and _is_person(catalog, head):  # 'Mary Roe, Harwick Free Press': a paper's title as good as a source
        link: Link = label_link(catalog, last.strip())
        return link.source is not None or news_title(catalog, last.strip())
    first, _, units = text.partition(",")
    if units and _is_named_source(catalog, first) and all(
            label_link(catalog, unit).label in _UNIT_LABELS for unit in units.split(",")):
        return True
    return _is_named_source(catalog, text) or photo_of_outlet(catalog, text)


def _is_named_source(catalog: Catalog, text: str) -> bool:
    link = label_link(catalog, text)
    return link.source is not None and link.source.kind in _NAMED_SOURCES
