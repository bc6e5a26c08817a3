"""Credits closing a caption line, without a lead-in: a line's last sentence read as a credit.

`line_tails` finds each line's tail (after its last sentence's stop, a key, a pipe or a slash), cut where a run-on
story or a dateline starts (`_credit_end`), and reads it as a relay ('AFP-Yonhap'), as a credit whole by its shape
(credit_spans.is_bare_credit), or with the first of `_TAIL_FINDERS` that finds a credit in part of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from provenance.catalog.load import Catalog
from provenance.catalog.names import has_digit
from provenance.catalog.sources import match_source
from provenance.parse.credit_citations import is_date, may_cite
from provenance.parse.credit_fields import mentions_license
from provenance.parse.credit_leads import LEAD_IN
from provenance.parse.credit_orgs import word_alias
from provenance.parse.credit_parts import label_link
from provenance.parse.credit_spans import (
    _SENTENCE,
    _VIA_WORD,
    DATED_PLACE,
    DATELINE_AGENCY,
    SPOKEN,
    Segment,
    Taken,
    _citation_start,
    _is_person,
    glued_after_source,
    is_bare_credit,
    name_in_capitals,
    relayed,
    source_then_story,
    story_run_on,
)
from provenance.parse.credit_words import (
    AGENCY_KINDS,
    COMMON_WORDS,
    HEADING_WORDS,
    IMAGE_DESK_RANKS,
    JOB_WORDS,
    MENU_WORDS,
    NEWSPAPER_WORDS,
    NOT_A_NAME,
    PERSON_JOB_WORDS,
    PLACE_OR_EVENT_OPENINGS,
    SENTENCE_WORDS,
    SLOT_BODY_ENDS,
    SLOT_OPENERS,
    TITLE_FUNCTION_WORDS,
    WORD_SURNAMES,
)

# 'JANE ROE, MARROWBY NATIONAL LABORATORY', 'PETE OXFORD, MINDEN PICTURES': a photographer and the body that holds the
# picture, a comma between, the text's one line (a magazine's credit field, a line set under a picture): a full name of
# two to four capitalised words, one comma, and a body the chain's labels read as an organisation or a known source.
# In mixed case the body must be a source the catalog knows ('Jane Roe, Getty Images') or a picture trade's name ('Tom
# Bell, Harwick Pictures'): 'Jane Roe, Harwick City Council', 'Jane Roe, University of Harwick' or 'Jane Roe, Acme
# Inc' alone is a headshot's caption (the person shown), an author's affiliation or a sign-off far more often.
_NAME_AND_BODY = re.compile(r"^(?P<name>[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){1,3}),[ \t]+"
                            r"(?P<body>[A-Z][^,;:|/()\n.!?]{1,80})$")
# the last word of a body that makes or keeps pictures ('Harwick Pictures', 'Vell Photography', 'Ostland Library')
_PICTURE_TRADE_WORDS = frozenset({"pictures", "picture", "photos", "photo", "photography", "photographs", "images",
                                  "imaging", "fotos", "foto", "studio", "studios", "archive", "archives", "library"})
# the words no name holds (NOT_A_NAME: a greeting's 'Merry Christmas', 'Thank You, Harwick University', a body's
# words), a letter's or a post's greeting and sign-off words, and a byline's 'By' ('By Jane Roe, The Harwick Weekly':
# the writer and the magazine), no photographer's name
_NOT_NAME_WORDS = NOT_A_NAME | frozenset({"hello", "hi", "greetings", "regards", "sincerely", "yours", "cheers",
                                          "dear", "by", "von", "par", "por", "door", "av"})
# '… Friday. | KYODO', '… April 26. / Yonhap', '… 있다. /연합뉴스'
_PIPE_BEFORE = re.compile(r"[ \t]*(?:\|[ \t]+|/[ \t]*)(?=\S)")
# '… Trading in wildlife is illegal.  —RICHARD A. REYES' (Philippine Daily Inquirer): a dash, then a person's name in
# capitals closing a caption that ends with a stop (a quotation's author follows its closing quote mark instead)
_DASH_CAPITALS = re.compile(r"(?<=[.!?])[ \t]*[—–][ \t]*(?P<name>[A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*){1,3})[ \t]*$")
# A bracket and a dash closing a line: a wire's dateline whose story starts on the next line ('(EUROPA PRESS) –')
_BRACKET_DASH = re.compile(r"\([^()\n]{2,40}\)[ \t]*[-–—]")
# Folha de S.Paulo's credit after a caption: ' – Jane Roe – 22.fev.2021/Reuters', a dash, a name of two to five
# words, a dash, the day in its short Portuguese form, a slash and the agency or the paper's own Folhapress
_FOLHA_DATED = re.compile(
    r"[ \t][-–—][ \t]+(?P<name>[A-ZÀ-Ý][\w'’.-]*(?:[ \t]+[\w'’.-]+){1,4})[ \t]+[-–—][ \t]+\d{1,2}\."
    r"(?:jan|fev|mar|abr|mai|jun|jul|ago|set|out|nov|dez)\.\d{4}[ \t]*/[ \t]*(?P<source>[^\s/][^/\n]{0,40})$")
# 'AFP-Yonhap', 'Reuters-Yonhap' (Korea Times), '로이터 연합뉴스' (a space for the hyphen): a foreign agency's photo
# that a national agency distributes
_HYPHEN_RELAY = re.compile(r"^([^\s/-]{2,20})(?:-|[ \t])([^\s/-]{2,20})$")
_OPEN_TERMS = re.compile(r"(?i)\bcc[\s-]|\bcc0\b|licen[sc]|public\s+domain|own\s+work")
_QUOTED_LINE = re.compile(r"^[ \t]*([\"'])(?P<inner>[^\"'\n]{3,300})\1[ \t]*(?:[,;)][ \t]*)?$")
# A wire story's dateline after the credit, glued or not: '… /Andrew KellySept 8 (Reuters) - U.S. stocks …'.
# Cut short by a news feed ('… /Lee SmithAug 30 … [+1395 chars]'), the month and day glued to the name's last letter
# are the dateline's all the same.
_DATELINE_AFTER = re.compile(
    # with its place in capitals, glued to an agency's name in capitals too ('… via REUTERSSEOUL, Aug 4 (Reuters) -')
    # or to Reuters' file mark ('…/Pool via REUTERS/File PhotoSEOUL, Aug 20 (Reuters) -')
    r"(?P<placed>(?:(?<=REUTERS)|(?<=AFP)|(?<=Photo)|(?<=\s))(?!REUTERS|AFP|AP\b)[A-Z][A-Z.'’-]+"
    r"(?:[ \t][A-Z][A-Z.'’-]+){0,2},[ \t]+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2}\s+\([^()\n]{2,30}\))|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2}\s+\([^()\n]{2,30}\)|"
    r"(?<=[a-z])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?[ \t]+\d{1,2}"
    r"(?=[ \t]*(?:…|\.\.\.|\r?\n|$))|"
    # a story's dateline glued after the credit ('…/Reuters/File CNN — The …', '…/AP Photo WASHINGTON (AP) — The …'):
    # a place in capitals and an outlet's initials (in brackets or not), then a dash
    r"(?P<glued>(?<=\w )(?:[A-Z][A-Z.'’-]+[ \t]+){0,3}\(?[A-Z]{2,5}\)?[ \t]+[—–][ \t]+(?=[A-Z\"“]))"
)
# A place in capitals (with or without the outlet's initials) ends a credit only after a chain that names a source the
# catalog knows, as a wire's credit does: 'Oil climbs. OPEC/Russia CNN — The cartel said' is a headline, no chain
_ARCHIVE_MARKS = re.compile(r"(?i)(?:[ \t]*/[ \t]*|[ \t]+)(?:file(?:[ \t]+photo)?|photo)$")
_LINK_BREAK = re.compile(r"/|\svia\s")
_WORDS = re.compile(r"\S+")
_GLUED_START = re.compile(r"(?<=[a-z\d’'”)][ \t])(?=[A-Z])")  # a capitalised word right after a lower-case one
_CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uff00-\uffef"
_CJK_THEN_LATIN = re.compile(f"[{_CJK}](?=[A-Z][a-z])")  # '…更新。Jane Roe…', '…观看Jane Roe…'
_CJK_CHAR = re.compile(f"[{_CJK}]")
# A name in a Japanese sentence: in quotation brackets, or with a particle glued to it (の 'of', は, が, を, に, と, …)
_QUOTE_OPENS = "『「【〈《“"
_NAME_IN_PROSE_AFTER = "』」】〉》”のはがをにとでも"
_SIGN_OFF = re.compile(r"[ \t]*(?:[—–]|--)[ \t]*[^\s/(),]+(?:[ \t][^\s/(),]+){0,2}[ \t]*$")
_BULLET = re.compile(r"[•▪◦‣∙][ \t]+")
# A slideshow's counter opening the line, its picture's number of the set ('2/19 Jane Roe/Getty Images Protesters …',
# NBC's galleries): the credit after it opens the line
_GALLERY_COUNTER = re.compile(r"(?P<at>\d{1,3})/(?P<of>\d{1,3})[ \t]+(?=[^\W\d_])")
_KEY = re.compile(r"\s*[\w:-]{0,29}\w\s*[:=]\s*[\"']")  # title="…", license_label: "…": the value is the text
# A label of people who did other work than the picture ('Judges:', 'Reporting:', 'Editors:', 'Text:'): the names and
# outlets after it credit no image.
_OTHER_WORK = re.compile(r"(?i)(?:judges?|jurors?|jury|editors?|reporters?|(?:additional\s+)?reporting|writers?|words|"
                         r"text|interviews?|moderators?|hosts?|panel(?:ists)?|speakers?|authors?)\s*[:：]")
# A picture's title or subject before a colon, then its credit on the same line ('Reben auf Terrassen: P. Vensaus,
# Wikimedia Commons, Lizenz CC BY-SA 4.0'): a few words with no comma, slash or bracket.
_TITLE_COLON = re.compile(r"[^\W\d_][^:\n/,()\[\]]{0,60}?[ \t]*:[ \t]+(?=\S)")


def _dash_capitals(catalog: Catalog, line: str, end: int) -> int | None:
    """Where the name of a '… illegal.  —RICHARD A. REYES' credit starts: a person's name in capitals (two to four
    words) after a dash that follows a sentence's stop, at the line's end."""
    match = _DASH_CAPITALS.search(line, 0, end)
    if match is None or not name_in_capitals(catalog, match.group("name")) or SPOKEN.search(line, 0, match.start()):
        return None  # a quotation's speaker, not a photographer
    return match.start("name")


def _hyphen_relay(catalog: Catalog, tail: str) -> str | None:
    """'… on March 23. AFP-Yonhap', '…제품./로이터 연합뉴스': two agencies the catalog knows joined by a hyphen, or by
    a space before a distributor in its own script, close the caption, the second distributing the first's photo ('AFP
    via Yonhap'); a hyphenated word or two words that are not two agencies are no relay."""
    match = _HYPHEN_RELAY.match(tail)
    if match is None or " " in tail.strip() and match.group(2).isascii():
        return None  # two Latin names side by side ('… AFP Reuters', '… EPA EFE') are as often a story's sources or
        # one agency's two names: a space joins a relay only before a distributor written in its own script
    for name in match.groups():
        source = label_link(catalog, name).source
        if source is None or source.kind not in AGENCY_KINDS:
            return None
    return f"{match.group(1)} via {match.group(2)}"


def _relayed_tail(catalog: Catalog, line: str, start: int, tail: str) -> tuple[int, str] | None:
    """'…＝ロイター＝共同': a tail after '＝' whose link before it is a source relayed by it, as in brackets."""
    before = line.rfind("＝", max(0, start - 22), start - 1)
    if before < 0:
        return None
    relay = relayed(catalog, line[before + 1 : start] + tail)
    return (before + 1, relay) if relay is not None else None


_STAMP_WORD = re.compile(
    r"(?i)(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|wed|thu|fri|sat|sun)\.?|jan(?:uary)?|feb(?:ruary)?|"
    r"mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"\d{1,2}:\d\d(?:[ap]m)?|[ap]m|gmt|bst|utc|est|edt|ist|hkt|sgt|jst|cet|cest|aest|at|on|\d{1,4}(?:st|nd|rd|th)?|"
    r"updated:?|published:?|posted:?|last|[|•·-])\.?"
)
_STAMP_KEY = re.compile(r"(?i)[a-z]{3}|\d{1,2}:\d\d")  # a month's or day's name, or a clock time


# A story's reading time in its header ('Lesedauer: 1 Min', 'Lesezeit: 3 min.', 'Leestijd 4 minuten', 'Lästid: 2
# min', '5 min read'): the short line under it is the story's author ('Deutsche Presse-Agentur', 'Jane Roe'), a byline
_READING_TIME = re.compile(
    r"(?i)(?:lesedauer|lesezeit|leestijd|lästid|lesetid|læsetid|lukuaika|reading[ \t]+time)[ \t]*:?[ \t]*\d{1,3}"
    r"[ \t]*(?:min(?:\.|uten?|utes?|uter|utter|uuttia)?|m)?\.?|\d{1,3}[ \t]*min(?:\.|utes?)?[ \t]+(?:read|lesezeit)")


# A byline's second line under the outlet's name: its reporter unnamed ('Times Reporter', 'Staff Reporter', 'Our
# Correspondent')
_REPORTER_LINE = re.compile(r"(?:[A-Z][\w'’-]*[ \t]+){0,2}(?:Reporter|Correspondent|Writer)s?")


# A story's first line opening with its dateline: a place in capitals (at most three words, a country or a date after a
# comma) or a place in mixed case with its comma part, then a colon or a dash and the story's first words ('RIYADH: The
# …', 'Abuja, Nigeria - The …', 'Accra, May 4 - The …'); a lead-in's line ('PHOTO: Jane Roe') is none (_opens_story)
_STORY_DATELINE = re.compile(
    r"[ \t]*(?:[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,2}(?:,[ \t]*[\w'’.]+(?:[ \t]+[\w'’.]+){0,2})?"
    r"|[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2},[ \t]*[\w'’.]+(?:[ \t]+[\w'’.]+){0,2})"
    r"[ \t]*(?::|[ \t][-–—])[ \t]+[A-Z\"“]\w*[ \t]+\w")


# A field's label in capitals before a colon is no dateline's place ('CAPTION: Protesters march …', 'NOTE: The …')
_FIELD_LABELS = frozenset({"caption", "captions", "note", "notes", "editor's", "editor’s", "update", "updated",
                           "correction", "source", "description", "title", "location", "date", "summary", "headline",
                           "warning", "alt", "keywords", "subject", "text", "story"})


def _opens_story(line: str) -> bool:
    """Whether a line opens a story with its dateline (_STORY_DATELINE), no credit's lead-in ('PHOTO: Jane Roe') and no
    field's label ('CAPTION: …')."""
    words = line.split(maxsplit=1)
    return _STORY_DATELINE.match(line) is not None and LEAD_IN.match(line.lstrip()) is None \
        and words[0].rstrip(":").casefold() not in _FIELD_LABELS


def _stamp_line(line: str) -> bool:
    """'Friday 22 March 2024 06:13', 'Updated: 7:08pm, 7 May, 2023': a line that is only a date or time stamp."""
    words = line.replace(",", " ").split()
    return 2 <= len(words) <= 8 and all(_STAMP_WORD.fullmatch(word) for word in words) \
        and any(_STAMP_KEY.match(word) and word.casefold() not in ("at", "on") for word in words) \
        and any(has_digit(word) for word in words)


def _signs_a_quote(line: str, start: int, tail: str) -> bool:
    """'"Sport is life." - Ida Vell/Harwick FC': a dash right after a closing quote signs the quotation with its
    speaker (and her club), no credit of a picture."""
    return tail[:1] in "-–—" and line[:start].rstrip().endswith(_QUOTE_CLOSES)


# A date alone as a caption's last sentence, after a stop ('… Associated Press. 1923.', '… Getty Images. Circa 1955'),
# its own abbreviations' stops kept in it ('… Getty Images. c. 1920', '… AP. 9 Sept. 1945'), as citations.is_date reads
_DATE_AFTER = re.compile(r"[.][ \t]+(?P<date>(?:[^.\n]{0,12}?(?i:\b(?:c|ca|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|"
                         r"dec))\.[ \t]*)?[^.\n]{2,30}?)[ \t]*\.?$")


# A day written out before a gallery's credit with no stop after it (Gannett's 'July 27, 2019 Jane Roe/Harwick
# Courier'): a month's name, the day, the year, a blank and a capital
_GALLERY_DATE = re.compile(r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
                           r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?[ \t]+\d{1,2},?[ \t]+"
                           r"(?:19|20)\d\d[ \t]+(?=[A-Z])")
_MONTH_INITIALS = frozenset("JFMASOND")


def _holds_pictures(catalog: Catalog, body: str) -> bool:
    """Whether a body written in mixed case is one that makes or keeps pictures: a source the catalog knows ('Getty
    Images') or a name ending in a picture trade's word ('Harwick Pictures', 'Vell Photography')."""
    words = body.split()
    return bool(words) and words[-1].casefold() in _PICTURE_TRADE_WORDS or match_source(catalog, body) is not None


def _name_and_body(catalog: Catalog, text: str) -> tuple[int, int] | None:
    """Where a text that is one 'Name, Body' line stands ('Jane Roe, University of Harwick'), or None; never a
    salutation ('Dear Jane, Acme Inc'), a name and a job ('Jane Roe, Senior Editor') or a place ('…, Harwick')."""
    line = text.strip()
    found = _NAME_AND_BODY.match(line) if 8 <= len(line) <= 120 and "," in line else None
    if found is None:
        return None
    name = found.group("name")
    words = name.casefold().split()
    if words[0] in COMMON_WORDS or any(word in _NOT_NAME_WORDS for word in words) \
            or any(word in COMMON_WORDS and word not in WORD_SURNAMES for word in words[1:]):
        return None  # 'Welcome Students, …', 'Thank You, …', 'By Jane Roe, …': a greeting or a byline
    if line != line.upper() and not _holds_pictures(catalog, found.group("body")):
        return None  # 'Jane Roe, Harwick City Council': a headshot's caption or a sign-off, the person shown or writing
    link = label_link(catalog, line)
    if link.label not in ("organisation", "source") or link.creator != name:
        return None
    start = text.find(line)
    return start, start + len(line)


def line_tails(text: str, catalog: Catalog, taken: Taken) -> Iterator[Segment]:
    """'… on Monday. Jane Doe/AP', '…2021.Reliance Industries/Handout via REUTERS': the last
    sentence of a line, when it is a credit."""
    alone = _name_and_body(catalog, text)
    if alone is not None:
        if not taken(alone[0], alone[1]):
            yield Segment(alone[0], alone[1], alone[0])
        return
    offset, byline = 0, -1
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        stripped = line.rstrip()
        if number + 1 < len(lines) and len(stripped.split()) <= 4 and not any(mark in stripped for mark in "/.!?") \
                and (_stamp_line(lines[number + 1]) or _REPORTER_LINE.fullmatch(lines[number + 1].strip())
                     or number == 0 and _opens_story(lines[1])):
            offset += len(line)  # 'The Associated Press' over 'Friday 22 March 2024 06:13', 'The New Times' over 'Times
            byline = number + 1  # Reporter': a story's byline block, its second line no credit either; 'Arab News'
            # over 'RIYADH: The ministry said …': the outlet's masthead over its story's dateline
            continue
        if number == byline or number and len(stripped.split()) <= 4 and not any(mark in stripped for mark in "/!?") \
                and _READING_TIME.fullmatch(lines[number - 1].strip()):
            offset += len(line)  # the author's line under a story's reading time: a byline
            continue
        if stripped.lstrip().startswith("|") or _SIGN_OFF.match(stripped):  # a table row: its cells are data, not
            offset += len(line)  # captions; '— BERNAMA', '-- AFP': a story's sign-off, its source on a line alone
            continue
        slot = _credit_slot(catalog, stripped) if stripped.endswith(" /") else None
        if slot is not None:
            if not taken(offset + slot[0], offset + slot[1]):
                yield Segment(offset + slot[0], offset + slot[1], offset + slot[0])
            offset += len(line)
            continue
        dated = _DATE_AFTER.search(stripped[-40:]) if stripped[-1:] in ".0123456789" else None
        if dated is not None and is_date(dated.group("date")):  # '… Ireland. Associated Press. 1923.': the year
            stripped = stripped[: len(stripped) - 40 + dated.start() + 1 if len(stripped) > 40 else dated.start() + 1]
        pieces = list(_SENTENCE.finditer(stripped[-400:]))  # an archive caption closes with, after its credit
        base = max(0, len(stripped) - 400)
        start = base + pieces[-1].end() if pieces \
            else max(len(stripped) - len(stripped.lstrip()), _counted_tail(catalog, stripped))
        key = _KEY.match(stripped, start)
        start = key.end() if key else start
        stop = max(stripped.rfind("。("), stripped.rfind("。（")) if not pieces and not stripped.isascii() else -1
        start = stop + 1 if stop >= start else start  # '颱風過後的街道。(圖/讀者提供)': a CJK stop, no space after it,
        # ends the caption's sentence before the bracket: the sentence is no part of the credit
        bullet = _BULLET.match(stripped, start) if not pieces else None
        start = bullet.end() if bullet else start  # '  • Xinhua / Kyodo News Images': a list's item, its bullet no name
        dated = _GALLERY_DATE.match(stripped, start) if stripped[start : start + 1] in _MONTH_INITIALS else None
        if dated is not None and is_bare_credit(catalog, stripped[dated.end() : _credit_end(catalog, stripped,
                                                                                             dated.end())].strip()):
            start = dated.end()  # '… a week later. July 27, 2019 Jane Roe/Harwick Courier': a gallery's date before it
        piped = _PIPE_BEFORE.match(stripped, start) if pieces else None
        start = piped.end() if piped else start  # '… on Friday. | KYODO': a pipe sets the credit off (Japan Times),
        # and so does a slash ('… on Monday. / Yonhap', The Korea Times)
        if taken(offset + start, offset + start + 1):  # inside a credit already read: so is any tail from here
            offset += len(line)
            continue
        counted = _counted(stripped)
        head = _line_head(catalog, stripped[counted:], pieces[0].start() - counted if base == 0 else None) \
            if pieces and stripped[counted : counted + 1].isupper() else None
        head = _counted_head(catalog, stripped, counted) if head is None and counted else head
        if head is not None and not taken(offset + counted, offset + counted + head):  # 'Jane Roe//Getty Images
            # Jennifer Lopez is …. From the way …': the credit opens a line of several sentences
            yield Segment(offset + counted, offset + counted + head, offset + counted)
        held = _citation_start(catalog, stripped, maker=False) if ("," in stripped or pieces) and may_cite(
            catalog, stripped) else None
        if held is not None and not taken(offset + held, offset + len(stripped)):  # '… Oil on canvas. The Metropolitan
            yield Segment(offset + held, offset + len(stripped), offset + held)  # Museum of Art, New York. Public …'
            offset += len(line)
            continue
        end = _credit_end(catalog, stripped, start)
        if stop >= 0 and start == stop + 1:  # '…一地。(圖/翻攝畫面)消防局初步調查…': the next sentence glued after the
            close = stripped.find(")" if stripped[start] == "(" else "）", start)  # bracket is the story, no credit's
            end = close + 1 if 0 < close < end else end
        while end > start and stripped[end - 1] in " \t":  # a cut before a dateline or story leaves the space before it
            end -= 1
        tail = stripped[start:end].strip()
        if tail[:1] == "(" and (_BRACKET_DASH.fullmatch(tail) or tail.endswith(")") and end - len(tail) <= 60
                                and DATED_PLACE.fullmatch(stripped, 0, end - len(tail))  # (the cheaper test first)
                                and DATELINE_AGENCY.fullmatch(tail, 1, len(tail) - 1)):
            offset += len(line)  # 'VALÈNCIA, 28 Mar. (EUROPA PRESS) –' over the story: a wire's dateline, whose date's
            continue  # stop left its bracket alone as the line's last sentence ('LIMA, 6 Dic. (ANDINA)' with no dash)
        if tail[:1].isalpha() and ":" in tail[:24] and _OTHER_WORK.match(tail):
            offset += len(line)  # 'Judges: Jane Roe/Los Angeles Times': people credited for other work than the
            continue  # picture, with their outlets
        titled = _TITLE_COLON.match(tail) if len(tail) <= 600 and ": " in tail[:80] and _OPEN_TERMS.search(tail) \
            else None
        if titled is not None and is_bare_credit(catalog, tail[titled.end() :]):
            start = end - len(tail) + titled.end()  # 'Reben auf Terrassen: P. Vensaus, Wikimedia Commons, Lizenz CC
            tail = tail[titled.end() :]  # BY-SA 4.0': what the picture shows, a colon, then its open credit
        dashed = _caption_dash(catalog, tail) if " " in tail and "/" in tail and "://" not in tail else None
        if dashed is not None:  # 'Des manifestants à Paris — Jane Roe/AP/SIPA': the caption, a dash, the chain
            start, tail = end - len(tail) + dashed, tail[dashed:]
        relay = _relayed_tail(catalog, stripped, start, tail) if stripped[start - 1 : start] == "＝" else None
        if relay is None and pieces and ("-" in tail or " " in tail) \
                and (hyphen := _hyphen_relay(catalog, tail)) is not None:
            relay = (end - len(tail), hyphen)
        if relay is not None:  # '握手する両首脳＝ロイター＝共同': the relay as in brackets
            yield Segment(offset + relay[0], offset + end, offset + relay[0], rewrite=relay[1])
        elif tail and not taken(offset + start, offset + end) and not _signs_a_quote(stripped, start, tail) \
                and is_bare_credit(catalog, tail):
            yield Segment(offset + start, offset + end, offset + start)
        elif (found := _first_found(catalog, _Tail(stripped, start, end, tail, bool(pieces),
                                                   _in_staff_list(lines, number)))) is not None \
                and not taken(offset + found[0], offset + found[1]):
            yield Segment(offset + found[0], offset + found[1], offset + found[0], rewrite=found[2])
        offset += len(line)


# 20 Minutes's galleries: the caption, a spaced dash, the credit's chain ('Le président à Poissy — JANE ROE/AP/SIPA');
# searched only after the tail's last en or em dash and before its last slash (_chain_dashes)
_CAPTION_DASH = re.compile(r"[ \t][—–-][ \t]+(?=[^\s/—–-])")


def _caption_dash(catalog: Catalog, tail: str) -> int | None:
    """Where the chain starts after the line's last spaced dash, when a slash chain the catalog reads as a credit
    closes the line after it and the words before it hold no slash and name no source: the caption's subject, no
    link of the chain ('Jane Doe — Tom Bell/AP/SIPA' gave the creator 'Jane Doe'): the chain after the dash opens
    with its photographer. A source before the dash ('AFP — Jane Roe/Getty Images') or opening the chain after it
    ('Jane Roe — AFP/Getty Images') keeps the line one chain; so do two dashes or a day after it (Folha's dated
    credit)."""
    dashes = _chain_dashes(tail)
    if len(dashes) != 1 or "/" in tail[: dashes[0].start()] or tail[dashes[0].end() :][:1].isdigit():
        return None  # 'Caption – Jane Roe – 22.fev.2021/Reuters': Folha's dated credit (_dated_by_folha)
    match = dashes[0]
    before, after = tail[: match.start()].strip(), tail[match.end() :].strip()
    if not before or match_source(catalog, before) is not None \
            or match_source(catalog, after.partition("/")[0].strip()) is not None or not is_bare_credit(catalog, after):
        return None  # 'Jane Roe — AFP/Getty Images': the photographer, then the agency's chain (The New York Times)
    if any(word in PERSON_JOB_WORDS or word in JOB_WORDS for word in after.partition("/")[0].casefold().split()):
        return None  # 'Jane Roe – Photographer/Writer': a bio's line, the person before the dash and her jobs after it
    return match.end()


def _chain_dashes(tail: str) -> list[re.Match[str]]:
    """The spaced dashes a slash follows with no en or em dash after them: those after the tail's last en or em dash
    (or that dash itself) and before its last slash. Found in one pass (a look-ahead to the line's end from each
    dash had made a run of spaced hyphens quadratic)."""
    last_long_dash = max(tail.rfind("—"), tail.rfind("–"))
    return list(_CAPTION_DASH.finditer(tail, max(0, last_long_dash - 1), tail.rfind("/")))


# 'UN photograph courtesy of Jane Roe': a body's picture that its photographer lent, closing a caption
_SOURCE_PHOTO_LENT = re.compile(r"(?P<source>[^\s,;:][^,;:]{0,40}?)[ \t]+(?i:photo(?:graph)?s?)[ \t]+courtesy"
                                r"[ \t]+of[ \t]+(?P<who>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3})[ \t.]*")


def _source_photo_lent(catalog: Catalog, tail: str) -> str | None:
    """'UN photograph courtesy of Jane Roe' as the chain 'UN/Jane Roe', when the words before 'photo' name a source the
    catalog knows and the name after 'of' is a person's in full ('School photo courtesy of Jane Roe', 'Family photo
    courtesy of …' name no source: the tail is left to the other readings)."""
    match = _SOURCE_PHOTO_LENT.fullmatch(tail)
    if match is None or match_source(catalog, match.group("source")) is None \
            or not _is_person(catalog, match.group("who")):
        return None
    return f"{match.group('source')}/{match.group('who')}"


def _piped_via(catalog: Catalog, line: str, start: int) -> tuple[int, int] | None:
    """'… cleaner electricity. | Jane Roe/Bloomberg via Getty Images There's hidden potential in …. T…': a feed's
    description, a pipe between the caption and its credit, the story's text run on after it: the credit from the
    last pipe before the line's last sentence to the source its via names, a chain ('Analysts via Reuters said …' is
    prose)."""
    pipe = line.rfind(" | ", 0, start)
    if pipe < 0 or _VIA_WORD.search(line, pipe, start) is None:
        return None
    begin = pipe + 3
    end = _credit_end(catalog, line, begin)
    if not (end < start and "/" in line[begin:end] and is_bare_credit(catalog, line[begin:end])):
        return None
    # before the via, a photographer's full name or a source the catalog knows: a section's words ('Markets | Stocks/
    # Bonds via Reuters Graphics show …', 'Analysts/Traders via Reuters said …') name no one
    who = _VIA_WORD.split(line[begin:end], maxsplit=1)[0]
    links = [label_link(catalog, link.strip(" \t")) for link in who.split("/") if link.strip()]
    return (begin, end) if any(link.source is not None or link.label == "person" and " " in link.text.strip()
                               for link in links) else None


# A credit's slot under a picture, 'Name /' on a line alone: the credit before a slash whose source half the page left
# empty (FanSided's 'Nintendo /', 'Toge Productions /').
_CREDIT_SLOT = re.compile(r"^[ \t]*(?P<name>[A-Z][\w'’.&-]*(?:[ \t]+(?:[A-Z][\w'’.&-]*|of|and|&)){0,4})[ \t]+/$")


def _credit_slot(catalog: Catalog, line: str) -> tuple[int, int] | None:
    """Where the name of a line 'Name /' starts and ends: a source the catalog knows, or a body of two words or more
    that a maker's word ends ('Toge Productions') and no page label or possessive opens ('Home /', 'Read More /', 'Our
    Favorite Films /', 'Movie News /' are a breadcrumb's, a link's and sections'); a person's name alone is a heading's
    as often ('Season Two Recap /')."""
    match = _CREDIT_SLOT.match(line)
    if match is None:
        return None
    name = match.group("name")
    if match_source(catalog, name) is not None:
        return match.start("name"), match.end("name")
    words = name.casefold().split()
    if len(words) < 2 or words[-1] not in SLOT_BODY_ENDS or words[0] in HEADING_WORDS or words[0] in SLOT_OPENERS \
            or label_link(catalog, name).label != "organisation":
        return None
    return match.start("name"), match.end("name")


# A platform's own attribution, with no lead-in or licence: 'Harbour by Jane Roe from Noun Project' (the icon's or
# photo's title, its maker, the platform), 'Designed by Freepik', 'Vectors by Vecteezy'
# Linear on long runs of blanks (written as the plain 'by[ \t]+(?P<who>…{2,60}?)…[ \t]*\.?$', every split of a run
# between the blanks and the name, and every end of the name inside a run, read the run to its end again: 'by' and
# 10,000 tabs before a bracket took about 6 s). The same matches: a run before the name gives it at most two blanks
# (two are enough for its least length; any match with more has one with two tried before it), and a name does not
# end inside a run after two blanks (the shorter name ending a blank earlier, tried first, has the same rest).
_GIVE_TWO = r"(?:[ \t](?=[ \t]{3}))*+[ \t]{1,3}"  # a run of blanks, given back to what follows by two at most
_NOT_IN_RUN = r"(?![ \t](?<=[ \t]{3}))"  # no end after two blanks and before a third
_BY_ON_PLATFORM = re.compile(r"(?i)(?:^|[ \t])by" + _GIVE_TWO + r"(?P<who>[^,;()<>\[\]]{2,60}?)" + _NOT_IN_RUN
                             + r"(?:[ \t]++(?:from|on)" + _GIVE_TWO + r"(?:the" + _GIVE_TWO + r")?"
                             r"(?P<platform>[^,;()<>\[\]]{2,40}?)" + _NOT_IN_RUN + r")?[ \t]*+\.?$")
_PLATFORM_KINDS = frozenset({"platform", "stock"})
# What a library alone after 'by' made ('Designed by Freepik', 'Vectors by Vecteezy'), the word right before 'by'
# (not 'acquired by Shutterstock', 'sponsored by Canva')
_MADE_BEFORE_BY = re.compile(r"(?i)(?:^|[ \t])(?:designed|created|made|drawn|illustrated|vectors?|icons?|"
                             r"illustrations?|images?|photos?|pictures?|graphics?|backgrounds?|templates?|designs?|"
                             r"artwork)[ \t]+$")


def _by_on_platform(catalog: Catalog, tail: str) -> int | None:
    """Where the maker's name starts in a platform's own attribution closing a line: the words before 'by' are the
    work's title (six words at most, no article), the name after it is a person or body, and the platform after
    'from' or 'on' is one the catalog knows as a platform or stock library; with no platform, the name after 'by'
    must be such a library itself, after a word for what was made ('Designed by Freepik'). Prose ('a novel by Jane
    Roe from Harwick', 'Watch the speech by Jane Roe on YouTube', 'Pond5 was acquired by Shutterstock') names
    neither."""
    match = _BY_ON_PLATFORM.search(tail)
    if match is None:
        return None
    who, platform = match.group("who").strip(), match.group("platform")
    title = tail[: match.start()].split()
    if platform is None:
        source = match_source(catalog, who)
        made = _MADE_BEFORE_BY.search(tail, 0, match.start() + 1) is not None
        return match.start("who") if made and source is not None and source.kind in _PLATFORM_KINDS else None
    if len(title) > 6 or not SENTENCE_WORDS.isdisjoint(word.casefold() for word in title):
        return None
    source = match_source(catalog, platform.strip())
    if source is None or source.kind not in _PLATFORM_KINDS or label_link(catalog, who).label == "unknown" \
            or not (who[:1].isupper() or " " not in who and not who.isalpha()):
        return None  # 'a speech by the mayor from YouTube': a name, capitalised or a handle ('pch.vector')
    return match.start("who")


def _chain_after_pipe(catalog: Catalog, tail: str) -> int | None:
    """'Wrestlers spar at an akhaarra in Lahore | Jane Roe/White Star' (Dawn): a caption with no stop before its
    credit, set off by a spaced pipe, where what follows the last pipe is a slash chain whose last link is a source
    the catalog knows (a menu's 'News | Sport' or a table's cells name none). Where the chain starts."""
    at = tail.rfind(" | ") + 3
    chain = tail[at:].strip(" .")
    links = [link.strip() for link in chain.split("/")]
    if len(links) < 2 or match_source(catalog, links[-1]) is None:
        return None
    first = label_link(catalog, links[0])
    if first.label == "person" and len(links[0].split()) < 2:
        return None  # 'News | Sport/Reuters': one word before the slash is a menu's item, no photographer
    return at if is_bare_credit(catalog, chain) else None


# A local paper's credit under its picture: the photographer's full name, a spaced pipe, the job ('Jane Roe | Staff
# Photographer', the Daily Herald's house style) or the paper's staff ('Jane Roe | Daily Texan Staff', a student
# paper's) or the image desk's job alone on the line under the picture ('Jane Roe | Head Illustrator', '… | Photo
# Editor', '… | Illustration Editor': who made it; the title is dropped); a writer's title ('Staff Writer') credits no
# picture.
# Entered at a word's start, its lower-case head passed over: the name starts at the word's first capital, as the
# leftmost match does (a name starting at a later capital of the same word reads the same rest); tried at every
# capital, a run of 10,000 capitals was read to its end from each (3 s).
_PIPE_TITLE = re.compile(r"(?<![\w.'’-])(?:(?![A-Z])[\w.'’-])*+"
                         r"(?P<name>[A-Z][\w.'’-]*+(?:[ \t]+[A-Z][\w.'’-]*+){1,3})[ \t]+\|[ \t]+"
                         r"(?:(?i:(?:" + "|".join(IMAGE_DESK_RANKS) + r")[ \t]+)?(?i:photographer|"
                         # a student paper's image desk: who drew or took the picture, titled by the desk's job
                         r"illustrator|(?P<editor>(?:photo|illustration)[ \t]+editor))"
                         # a student paper's staff by the paper's title: 'Jane Roe | Daily Texan Staff'
                         r"|(?P<paper>[A-Z][\w'’.-]*+(?:[ \t]+[A-Z][\w'’.-]*+){0,3})[ \t]+Staff"
                         r"(?:[ \t]+Photographer)?)[ \t.]*$")


def _name_pipe_title(catalog: Catalog, tail: _Tail) -> _Found | None:
    """'… across from their home. Jane Roe | Staff Photographer': where the name starts, when what stands before the
    pipe is a person's full name (a menu's 'Jobs | Staff Photographer' or a company's 'About Us | …' is none). An
    editor's title only on a line of its own ('Jane Roe | Photo Editor' under the picture): after a caption's credit
    on the same line ('Photo by Tom Bell. Jane Roe | Photo Editor') the editor chose someone else's photo."""
    text = tail.text
    found = _PIPE_TITLE.search(text)
    start = found.start("name") if found is not None else 0
    if found is None or start > 0 and not text[start - 1].isspace() or tail.listed:
        return None
    if found.group("editor") is not None and tail.line[: tail.end - len(text) + start].strip():
        return None
    name = found.group("name")
    if any(word.casefold() in HEADING_WORDS or word.casefold() in MENU_WORDS for word in name.split()):
        return None
    link = label_link(catalog, name)
    paper = found.group("paper")
    if paper is not None and not _names_a_paper(catalog, paper):
        return None  # 'Jane Roe | Editorial Staff', '… | News Staff': a desk's staff, no paper named
    at = tail.end - len(text) + start
    return (at, tail.end, None) if link.label == "person" and link.source is None else None


# A staff list's line ('Jane Roe | Photo Editor' over 'Ida Vell | News Editor'): a full name, a spaced pipe and a
# job in capitalised words, the whole line
_STAFF_LIST_LINE = re.compile(r"[ \t]*[A-Z][\w.'’-]*+(?:[ \t]+[A-Z][\w.'’-]*+){1,3}[ \t]+\|[ \t]+"
                              r"[A-Z][\w.'’-]*+(?:[ \t]+[\w.'’&-]+){0,4}[ \t]*")


def _in_staff_list(lines: list[str], number: int) -> bool:
    """Whether the line and the one before or after it are both a name and a job after a pipe: a masthead or a staff
    page lists people by their jobs, none the credit of a picture ('Jane Roe | Photo Editor' over 'Ida Vell | News
    Editor')."""
    if " | " not in lines[number] or not _STAFF_LIST_LINE.fullmatch(lines[number].rstrip("\r\n")):
        return False
    return any(0 <= other < len(lines) and _STAFF_LIST_LINE.fullmatch(lines[other].rstrip("\r\n")) is not None
               for other in (number - 1, number + 1))


# The same staff credit with no pipe ('Jane Roe Daily Texan Staff'): capitalised words, then 'Staff' closing the tail
_GLUED_STAFF = re.compile(r"(?<![\w.'’-])(?P<run>[A-Z][\w.'’-]*+(?:[ \t]+[A-Z][\w.'’-]*+){2,6})[ \t]+Staff[ \t.]*$")
_GLUED_NAME_WORDS = (2, 3)  # a full name's words before the paper's title
# Words no name before the paper holds: a paper's, a heading's or a menu's ('Meet The Daily Texan Staff', 'Join Our …')
_NOT_IN_GLUED_NAME = NEWSPAPER_WORDS | TITLE_FUNCTION_WORDS | MENU_WORDS | HEADING_WORDS


def _name_paper_staff(catalog: Catalog, tail: _Tail) -> _Found | None:
    """'… on Tuesday. Jane Roe Daily Texan Staff': a person's full name glued to a student paper's title, then 'Staff';
    the name ends where the title starts, a newspaper's word first ('Daily Texan') or a paper the catalog knows (the
    split is otherwise unsure: 'Jane Roe Harwick Herald' could be 'Jane Roe Harwick' of the 'Herald')."""
    found = _GLUED_STAFF.search(tail.text)
    if found is None or found.start() > 0 and not tail.text[found.start() - 1].isspace():
        return None
    words = found.group("run").split()
    for count in _GLUED_NAME_WORDS:
        name, paper = " ".join(words[:count]), " ".join(words[count:])
        if len(words) - count > 1 and (words[count].casefold() in NEWSPAPER_WORDS or match_source(catalog, paper)) \
                and not any(word.casefold() in _NOT_IN_GLUED_NAME for word in words[:count]) \
                and label_link(catalog, name).label == "person" and _names_a_paper(catalog, paper):
            at = tail.end - len(tail.text) + found.start()
            return at, tail.end, f"{name} | {paper} Staff"
    return None


# A student paper's print credit broken over lines: the photographer's name alone on a line, then, after at most two
# blank lines, '/ <paper> staff' alone ('joshua roe\n\n/ the daily texan staff', written in lower case in the page)
_NAME_OVER_STAFF = re.compile(
    r"(?m)^[ \t]*(?P<name>[^\W\d_][\w'’.-]*+(?:[ \t]+[^\W\d_][\w'’.-]*+){1,2})[ \t]*\r?\n(?:[ \t]*\r?\n){0,2}"
    r"[ \t]*/[ \t]*(?P<paper>[^\W\d_][\w'’.-]*+(?:[ \t]+[^\W\d_][\w'’.-]*+){0,4}?)[ \t]+(?i:staff)[ \t]*$"
)
_THE = re.compile(r"(?i)^the[ \t]+")


def staff_under_name(text: str, catalog: Catalog, taken: Taken) -> Iterator[Segment]:
    """'jane roe\n\n/ the daily texan staff': a person's full name on its line, the paper's staff credit on the next
    one set off by its slash; the name is the creator, the paper (a title with a newspaper's word) the organisation."""
    if "/" not in text or "taff" not in text and "TAFF" not in text:
        return
    for found in _NAME_OVER_STAFF.finditer(text):
        name, paper = found.group("name"), found.group("paper")
        if taken(found.start("name"), found.end()) or any(
                word.casefold() in _NOT_IN_GLUED_NAME for word in name.split()) \
                or label_link(catalog, name).label != "person" or not _names_a_paper(catalog, _THE.sub("", paper)):
            continue
        yield Segment(found.start("name"), found.end(), found.start("name"), rewrite=f"{name}/{paper}")


def _names_a_paper(catalog: Catalog, words: str) -> bool:
    """'Daily Texan', 'Harwick Herald': a title with a newspaper's word, or a source the catalog knows."""
    return any(word.casefold() in NEWSPAPER_WORDS for word in words.split()) \
        or match_source(catalog, words) is not None


def _agency_after_slash(catalog: Catalog, tail: str) -> int | None:
    """'… on his first day of school / Getty Images': a caption with no stop before its credit, set off by a spaced
    slash, where what follows the last slash is an agency or stock library the catalog knows (a slash between two
    words of prose, 'and / or', names none). Where the agency's name starts."""
    at = tail.rfind(" / ") + 3
    source = match_source(catalog, tail[at:].strip(" ."))
    return at if source is not None and source.kind in AGENCY_KINDS else None


_QUOTE_CLOSES = ('"', "”", "»", "'", "’", "“")


def _credit_after_dash(catalog: Catalog, tail: str) -> int | None:
    """'Foto oficial da Seleção - Copa do Mundo 2022 - Jane Roe/CBF' (Folha, UOL): a caption with no stop, its credit
    after the last spaced hyphen, a photographer's full name and the body or agency after a slash. Where the credit
    starts, when what follows the dash is such a chain ('Lisbon - Porto/Braga' names no person)."""
    at = tail.rfind(" - ") + 3
    credit = tail[at:].strip(" .")
    who = credit.partition("/")[0]
    if "/" not in credit or len(who.split()) < 2 or tail[: at - 3].rstrip().endswith(_QUOTE_CLOSES) \
            or not _is_person(catalog, who):
        return None  # '"Sport is life." - Ida Vell/Harwick FC': a quotation's speaker and her club
    return at if is_bare_credit(catalog, credit) else None


def _latin_after_cjk(catalog: Catalog, tail: str) -> tuple[int, int] | None:
    """'…更新。Jane Roe-USA TODAY Sports 强制性信用', '…观看Jane Roe/Icon Sportswire': a Latin-script credit set in a
    Chinese or Japanese caption with no space before it, up to where the CJK script comes back ('Jane Roe/AP 照片/文件',
    a translated 'Photo/File'). Where it starts and ends, when it is a credit by its shape."""
    starts = list(_CJK_THEN_LATIN.finditer(tail))
    if not starts:
        return None
    begin = starts[-1].end()
    back = _CJK_CHAR.search(tail, begin)
    if tail[begin - 1] in _QUOTE_OPENS or back is not None and back.start() == len(tail[: back.start()].rstrip()) \
            and tail[back.start()] in _NAME_IN_PROSE_AFTER:
        return None  # '『Getty Images』のカメラマンが撮影した…', 'Getty Imagesのマイク…': a name quoted in a sentence
    end = len(tail[: back.start()].rstrip()) if back else len(tail)
    return (begin, end) if end > begin and is_bare_credit(catalog, tail[begin:end]) else None


def _glued_credit(catalog: Catalog, tail: str) -> int | None:
    """'… celebrates after reaching his century Action Images via Reuters/Jane Roe': a sports desk closes the caption
    with its credit and no full stop before it. Where that credit starts: a capitalised word after a lower-case one,
    at most six words before the slash, opening 'Agency/Full Name' or 'Agency via Agency/Person' with each agency one
    the catalog knows ('… polls run with Reuters/Ipsos' names no person)."""
    slash = tail.find("/")
    person = tail[slash + 1 :]
    name = person.strip(" .")
    if "/" in person or len(name.split()) < 2 or not _is_person(catalog, name):
        return None
    for match in _GLUED_START.finditer(tail, max(0, slash - 80), slash):
        who = tail[match.start() : slash]
        agency, _, relay = who.partition(" via ")
        names = [agency, relay] if relay else [agency]
        if len(who.split()) <= 6 and all(
                (source := match_source(catalog, link)) is not None and source.kind in AGENCY_KINDS for link in names):
            return match.start()
    return None


class _Tail(NamedTuple):
    """A line's last sentence, where a credit closing the line is looked for: the line (its break cut off), where the
    tail starts and ends in it, its text (stripped), and whether a sentence's stop comes before it."""

    line: str
    start: int
    end: int
    text: str
    after_stop: bool
    listed: bool = False  # the line is one of a staff list's 'Name | Title' lines (_in_staff_list)


_Found = tuple[int, int, str | None]  # a credit in a line: where it starts and ends, and its rewrite (or None)
_Finder = Callable[[Catalog, _Tail], _Found | None]


def _first_found(catalog: Catalog, tail: _Tail) -> _Found | None:
    """The credit that the first of _TAIL_FINDERS to find one finds in the tail (a finder runs only on a tail that
    holds its mark)."""
    for mark, find in _TAIL_FINDERS:
        if mark in tail.text and (found := find(catalog, tail)) is not None:
            return found
    return None


def _in_tail(find: Callable[[Catalog, str], int | None]) -> _Finder:
    """A finder of where a credit starts in the tail's text, as a finder of the credit from there to the tail's end."""
    def found(catalog: Catalog, tail: _Tail) -> _Found | None:
        at = find(catalog, tail.text)
        return None if at is None else (tail.end - len(tail.text) + at, tail.end, None)
    return found


def _quoted_line(catalog: Catalog, tail: _Tail) -> _Found | None:
    """'    "Jane Roe - Own work, CC BY-SA 4.0",': a string literal alone on its line that names open terms, the credit
    its text (a list of agencies in code, '"Reuters",', names no image's credit)."""
    quoted = _QUOTED_LINE.match(tail.line)
    if quoted is None or not _OPEN_TERMS.search(quoted.group("inner")) \
            or not is_bare_credit(catalog, quoted.group("inner")):
        return None
    return quoted.start("inner"), quoted.end("inner"), None


def _chain_after_middle_dot(catalog: Catalog, tail: _Tail) -> _Found | None:
    """'[Original](…) · NOIRLab/NSF/AURA/Jane Roe': a middle dot sets a chain off from a link or label before it (a
    menu's last item alone names no one: 'Home · World · Reuters')."""
    dotted = tail.text[tail.text.rindex(" · ") + 3 :]
    if "/" not in dotted or not is_bare_credit(catalog, dotted):
        return None
    return tail.end - len(dotted), tail.end, None


def _capitals_after_dash(catalog: Catalog, tail: _Tail) -> _Found | None:
    """'… illegal.  —RICHARD A. REYES': a name in capitals after a dash after a sentence's stop (_dash_capitals)."""
    if not tail.after_stop or tail.text[:1] not in "—–":
        return None
    dash = _dash_capitals(catalog, tail.line, tail.end)
    return None if dash is None else (dash, tail.end, None)


def _dated_by_folha(catalog: Catalog, tail: _Tail) -> _Found | None:
    """'… em Portugal – Jane Roe – 22.fev.2021/Reuters' (Folha de S.Paulo): a dash, the photographer, a dash and the
    day the picture was taken before its agency, rewritten as the chain 'Jane Roe/Reuters'. A place or an event
    between the dashes ('Protesto – Praça da Sé – 22.fev.2021/Reuters') names no photographer."""
    found = _FOLHA_DATED.search(tail.line, 0, tail.end)
    if found is None or found.group("name").split()[0].casefold() in PLACE_OR_EVENT_OPENINGS \
            or not _is_person(catalog, found.group("name")):
        return None
    return found.start("name"), tail.end, f"{found.group('name')}/{found.group('source').strip()}"


def _latin_in_cjk(catalog: Catalog, tail: _Tail) -> _Found | None:
    """'…更新。Jane Roe-USA TODAY Sports 强制性信用': a Latin-script credit in a CJK caption (_latin_after_cjk)."""
    latin = _latin_after_cjk(catalog, tail.text) if not tail.text.isascii() else None
    at = tail.end - len(tail.text)
    return None if latin is None else (at + latin[0], at + latin[1], None)


def _photo_lent(catalog: Catalog, tail: _Tail) -> _Found | None:
    """'UN photograph courtesy of Jane Roe', rewritten as the chain 'UN/Jane Roe' (_source_photo_lent)."""
    lent = _source_photo_lent(catalog, tail.text)
    return None if lent is None else (tail.end - len(tail.text), tail.end, lent)


def _via_after_pipe(catalog: Catalog, tail: _Tail) -> _Found | None:
    """'… electricity. | Jane Roe/Bloomberg via Getty Images There's …': a chain after a pipe (_piped_via)."""
    piped_via = _piped_via(catalog, tail.line, tail.start)
    return None if piped_via is None else (piped_via[0], piped_via[1], None)


# A credit stuck to the caption's last word with no space: two lower-case letters, then a capital opening the credit
# that runs to the line's end ('… zu leidenAFP' on a German gallery; a scraped card's headline, age, the writer's
# byline and the picture's credit each glued to the next: '… Reed1dIda VellJane Roe/Getty Images').
_GLUE_POINT = re.compile(r"(?<=[a-zß-öø-ÿ]{2})(?=[A-Z])")
_ACRONYM = re.compile(r"[A-Z]{3,6}")  # 'Illustration by ESPN': a body's initials
_MADE_BY = re.compile(r"(?:Photo(?:graph)?|Illustration|Image|Graphic)s?[ \t]+by[ \t]+\S")


def _credit_stuck_to_word(catalog: Catalog, tail: str) -> int | None:
    """Where a credit stuck to the word before it starts, when what follows the glue to the end is an agency or stock
    library the catalog knows written alone ('…leidenAFP'), a photographer's full name and such an agency after a slash
    ('…ReedJane Roe/Icon Sportswire'), or a made-by credit naming a source, a body's initials or a person
    ('…VellIllustration by ESPN'). A brand written in one word names none ('…on YouTube', '…a PlayStation',
    'WordPress'): its second half is no source of pictures. An agency alone closing a sentence with its full stop
    is a brand's name in prose ('… is called SkyEPA.'); a glued credit ends the line bare."""
    for point in reversed(list(_GLUE_POINT.finditer(tail, max(0, len(tail) - 80)))):
        credit = tail[point.start() :].rstrip(" .")
        source = match_source(catalog, credit) if len(credit) >= 3 else None
        if source is not None and source.kind in AGENCY_KINDS and not word_alias(catalog, credit) \
                and not tail.rstrip().endswith("."):
            return point.start()  # a word that is only an alias ('…a DoubleMagnum') is as often the word (a German
            # noun is capitalised, so a capital before the glue is no brand's sign: '…in FeierlauneProfimedia')
        links = credit.split("/")
        if len(links) == 2 and len(links[0].split()) >= 2 and _is_person(catalog, links[0].strip()) \
                and (agency := match_source(catalog, links[1].strip())) is not None and agency.kind in AGENCY_KINDS:
            return point.start()
        made = _MADE_BY.match(credit)
        who = credit[made.end() - 1 :] if made else ""
        if made and (match_source(catalog, who) is not None or _ACRONYM.fullmatch(who) is not None
                     or len(who.split()) >= 2 and _is_person(catalog, who)):
            return point.start()
    return None


# The finders of a credit in part of a line's tail (or in the line), tried in order when the tail is no relay and
# not a credit whole: each row the mark a tail must hold for the finder to run ('' for any: a cheap test before the
# call), and the finder, which tells where the credit starts and ends in the line. The first to find one decides the
# line: its credit is read unless one already read overlaps it.
_TAIL_FINDERS: tuple[tuple[str, _Finder], ...] = (
    ("", _quoted_line),
    (" · ", _chain_after_middle_dot),
    ("", _capitals_after_dash),
    ("/", _dated_by_folha),
    ("/", _in_tail(_glued_credit)),
    ("", _in_tail(_credit_stuck_to_word)),
    (" by ", _in_tail(_by_on_platform)),
    (" / ", _in_tail(_agency_after_slash)),
    (" - ", _in_tail(_credit_after_dash)),
    ("", _latin_in_cjk),
    (" | ", _name_pipe_title),
    (" Staff", _name_paper_staff),
    (" | ", _in_tail(_chain_after_pipe)),
    (" courtesy of ", _photo_lent),
    ("", _via_after_pipe),
)


def _names_a_source(catalog: Catalog, text: str) -> bool:
    """Whether a chain ('REUTERS/Ana Vidal', '…/Reuters/File', '…/AP Photo', 'Jane Roe via REUTERS') names a source the
    catalog knows in one of its links (an archive mark at its end left out)."""
    links = _LINK_BREAK.split(_ARCHIVE_MARKS.sub("", text.rstrip()))
    return len(links) > 1 and any(match_source(catalog, link.strip()) is not None for link in links)


def _may_hold_dateline(text: str) -> bool:
    """Whether _DATELINE_AFTER can match in the text: each of its forms holds a day's digits or a dash (a search
    through a line without either, most caption lines, costs as much as the rest of the line's tail)."""
    return "—" in text or "–" in text or has_digit(text)


def _person_then_source(catalog: Catalog, chain: str) -> bool:
    """'Jane Roe/Postmedia': a photographer's full name first and a source the catalog knows last, as a bare chain
    must be for the story after it to be cut off (prose with a slash, 'AP/Ipsos Poll shows …', 'NASA/Goddard Space
    Flight Center published …', names no person)."""
    links = chain.split("/")
    return len(links[0].split()) >= 2 and _is_person(catalog, links[0].strip()) \
        and match_source(catalog, links[-1].strip()) is not None


def _counted(line: str) -> int:
    """Where a line starts after a slideshow's counter ('2/19 ', a number no larger than the set's), else 0."""
    counter = _GALLERY_COUNTER.match(line)
    return counter.end() if counter is not None and 0 < int(counter.group("at")) <= int(counter.group("of")) else 0


def _counted_tail(catalog: Catalog, line: str) -> int:
    """Where a line of no sentence starts after a slideshow's counter: only before a source the catalog knows alone
    or a chain that opens with a person's name and then, after a slash or 'via', a source it knows ('1/2 Getty
    Images', '5/9 Jane Roe via Getty Images The defendant …'); before other words ('3/5 Reuters/Ipsos Poll Shows Bell
    Ahead', a headline) the counter is a date, kept: 0."""
    counted = _counted(line)
    rest = line[counted:].rstrip()
    if not counted or match_source(catalog, rest) is not None:
        return counted
    first = _FIRST_LINK.match(rest)
    if first is None or not _is_person(catalog, first.group(0).strip()):
        return 0
    for word in list(_HEAD_WORD.finditer(rest))[:8]:
        linked = _LAST_LINK.match(rest, 0, word.end())
        if linked is not None and match_source(catalog, rest[linked.end() : word.end()].strip()) is not None:
            return counted
    return 0


_HEAD_WORD = re.compile(r"\S+")
_LAST_LINK = re.compile(r".*(?:/|\svia\s)", re.DOTALL)
_FIRST_LINK = re.compile(r".*?(?=/|\svia\s)", re.DOTALL)


def _counted_head(catalog: Catalog, line: str, counted: int) -> int | None:
    """After a slideshow's counter, the chain that opens the caption, whatever the caption's first words ('4/19 Jane
    Roe/Getty Images Former U.S. President …'): the longest run of its first eight words that names a person, then
    after a slash or 'via' a source the catalog knows, read as a credit, before a capitalised word ('ABC News/Washington
    Post Poll The survey …' is a headline's); else None (its length from `counted`)."""
    best = None
    for word in list(_HEAD_WORD.finditer(line, counted))[:8]:
        after = line[word.end() : word.end() + 2]
        if len(after) < 2 or after[0] not in " \t" or not after[1].isupper():
            continue
        chain = line[counted : word.end()]
        linked = _LAST_LINK.match(chain)  # a chain: an agency alone opens a headline as often ('3/4 Reuters Polls …')
        if linked is not None and match_source(catalog, chain[linked.end() :].strip()) is not None \
                and is_bare_credit(catalog, chain) and _person_then_source(catalog, chain):
            best = word.end() - counted
    return best


def _line_head(catalog: Catalog, line: str, stop: int | None) -> int | None:
    """Where a credit that opens a line of several sentences ends, glued to the first of them by a space ('Taylor
    Hill//Getty Images Jennifer Lopez is …', 'Getty Images If you are tired, …'): a chain whose last link is a
    source the catalog knows, or an agency alone, then a sentence (source_then_story); else None. Only the first
    sentence is read."""
    if stop is None:  # the first sentence's stop, when the line's sentences were read from its last 400 characters
        first = _SENTENCE.search(line, 0, 400)
        stop = first.start() if first is not None else min(len(line), 400)
    end = stop
    link = line.rfind("/", 0, end) + 1
    link += len(line[link:end]) - len(line[link:end].lstrip())
    told = source_then_story(catalog, line, link, end, None if link else AGENCY_KINDS)
    if told is None or not is_bare_credit(catalog, line[:told]):
        return None
    # a chain must name a person first ('Jane Roe//Getty Images Jane Doe is …'): two bodies joined by a slash open a
    # headline or a sentence about a poll ('ABC News/Washington Post Poll The survey of …')
    return told if not link or _person_then_source(catalog, line[:told]) else None


def _credit_end(catalog: Catalog, line: str, start: int) -> int:
    """Where a tail credit ends: the line's end, or right after 'via <source>' when prose runs on
    without a full stop ('… via Getty Images Warren Buffett said …'), or where a wire dateline starts."""
    dateline = _DATELINE_AFTER.search(line, start) if _may_hold_dateline(line[start:]) else None
    if dateline is not None and (dateline.group("placed") is None and dateline.group("glued") is None
                                 or _names_a_source(catalog, line[start : dateline.start()])):
        line = line[: dateline.start()]
    if line.find("/", start) >= 0:  # the story run on after a chain that names a source, or glued to it
        glued = glued_after_source(catalog, line, start, len(line))
        line = line[:glued] if glued is not None else line
        run_on = story_run_on(catalog, line, start, len(line))
        line = line[:run_on] if run_on and _person_then_source(catalog, line[start:run_on]) else line
    link = max(start, line.rfind("/", start) + 1)
    link += len(line[link:]) - len(line[link:].lstrip())
    # 'Jane Roe/Getty Images Jay-Z was …' and, with no slash, an agency alone opening the line ('Getty Images If you
    # are tired, …'): a source the catalog knows, then the story run on; with no slash only an agency or stock
    # library, as a body's name often opens a sentence ('NASA Administrator Jane Roe said …')
    told = source_then_story(catalog, line, link, len(line), None if link > start else AGENCY_KINDS) \
        if len(line) - link > 12 else None
    if told is not None and (link == start or _person_then_source(catalog, line[start:told])):
        line = line[:told]  # a chain of two bodies is a headline's ('ABC News/Washington Post Poll The survey …')
    via = _VIA_WORD.search(line, start)
    if via is None:
        return len(line)
    words = list(_WORDS.finditer(line, via.end(), min(len(line), via.end() + 80)))[:3]
    for count in range(len(words), 0, -1):
        if match_source(catalog, line[via.end() : words[count - 1].end()]) is not None:
            end = words[count - 1].end()
            after = line[end - 1 :].lstrip(" \t") if line[end - 1] in ",;" else line[end:].lstrip(" \t")
            goes_on = after[:1] in (",", ";", "·", "|", "(") and mentions_license(catalog, after[1:].lstrip())
            return len(line) if goes_on else end  # 'Jane Roe via Flickr, CC BY 2.0', '… via The Met Museum · CC0
            # 1.0', 'Jane Roe, via Wikimedia Commons (CC BY-SA 4.0)': a license after a separator or in brackets goes
            # on (a slash would open a chain link)
    return len(line)
