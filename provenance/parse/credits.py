"""Find image credits in text and parse them: `parse_credit(text)`.

A credit is recognised by its shape, never by position alone. Candidate spans, in order:
- a lead-in ("Photo:", "Photo by", "Credit:", "Foto:", "Фото:", "Crédit photo :", "写真:",
  "Courtesy of", "©", a `credit: "…"` field) at the start of a line, a bracket, a quote or a
  sentence;
- a bracketed credit: "(Reuters/John Smith)", "(AP Photo/Jane Doe)", "(Getty Images)" (but not
  a dateline: "WASHINGTON (AP) —");
- a credit closing a caption line: "… on Monday. Jane Doe/AP", "…2021.Handout via Reuters",
  "Ada Brook for The Daily Ledger" (credit_spans);
- the photographer marks of Chinese, Japanese and Korean captions (cjk_credits).
Each span is split into fields by credit_fields. Inline HTML and Markdown are reduced to their
text first (markup), and wire boilerplate ("THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY") is
blanked. A byline ("By Jane Doe", "This article is written by …") is not a lead-in.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from provenance.catalog.load import Catalog, default_catalog
from provenance.catalog.sources import match_source, remembered
from provenance.model import Credit, NoCredit
from provenance.parse.credit_fields import mentions_license, split_credit, without_rights_sign
from provenance.parse.credit_leads import (
    ANYWHERE_LEAD_IN,
    BOILERPLATE,
    CAPTION_END_LEAD,
    LEAD_IN,
    LINE_BRACKET_LEAD,
    WEAK_LEAD_IN,
)
from provenance.parse.credit_links import platform_of_the_line
from provenance.parse.credit_merge import (
    complete_each_other,
    fill_from,
    footer_credit,
    merge_repeats,
    read_rights_footer,
)
from provenance.parse.credit_parts import (
    KEEP_DOT,
    initial_end,
    label_link,
)
from provenance.parse.credit_segments import (
    LIST_GOES_ON,
    MAX_CREDIT,
    NO_COLON_LEAD,
    TextIndex,
    candidate_segments,
    overlaps,
)
from provenance.parse.credit_spans import (
    Segment,
)
from provenance.parse.credit_words import (
    AGENCY_KINDS,
    AI_PLAIN_LEAD,
    AI_TOOL_LEAD,
    COMMON_WORDS,
    HEADING_WORDS,
    LEAD_IN_TEXT,
    MEDIA_LABEL_WORDS,
    NOT_NAMES_AFTER_BARE_LEAD,
    PHOTO_FAMILY_BARE_LEADS,
    SHOOT_CREW_CREDIT,
    STYLIST_CREDIT,
    TITLE_FUNCTION_WORDS,
    TYPO_LEAD_WORDS,
    UI_LABELS,
    WORD_SURNAMES,
    blank_ui_labels,
    lead_in_text_match,
)
from provenance.parse.markup import Flat, flatten
from provenance.parse.scan import gated_sub, lowered_for_gates

# A wire's restriction after the credit ('… SWEDEN OUT', 'NEW ZEALAND OUT'), scanned only in a text that holds ' OUT'
# (in the scan above its capitals let every capitalised word in)
_WIRE_OUT = re.compile(r"(?<=[A-Z] )(?:(?:NEW|SOUTH|NORTH|UNITED)[ \t])?[A-Z]{3,}[ \t]OUT\b")
# Reuters' desk tags after the credit ('REUTERS/Jane Roe TPX IMAGES OF THE DAY', 'SEARCH "X" FOR THIS STORY'), blanked
# as the boilerplate is; in capitals as Reuters writes them ('Livepic' as written), scanned only in a text that holds
# one of their words.
_DESK_TAGS = re.compile(
    r"\bTPX\s+IMAGES\s+OF\s+THE\s+DAY\b|"
    r"\bSEARCH\s+[\"“][^\"”\n]{1,80}[\"”]\s+FOR\s+(?:THIS\s+STORY|ALL\s+STORIES)\.?|"
    r"(?<=\S )Livepic\b|"  # Reuters' mark of a live sports picture after the photographer's name
    # the transmission field of a wire picture's caption kept after the credit ('THE CANADIAN PRESS/Jane Roe ORG XMIT:
    # EDM101'): the sending desk's code, no link of the chain
    r"\bORG[ \t]+XMIT\b:?(?:[ \t]*[A-Z]{1,6}[ \t]?\d{1,6}[A-Z]?\b)?"
)
# and the tag under a picture a stringer or a handout sent in low resolution ('REUTERS/Stringer BEST QUALITY
# AVAILABLE'), a scan of its own (in the one above each branch is tried at every position of a text that holds 'TPX')
_LOW_QUALITY_TAG = re.compile(r"\bBEST[ \t]+QUALITY[ \t]+AVAILABLE\b")
_TYPO_CANDIDATE = re.compile(r"\b[A-Za-z]{5,10}(?=\s+by\b|\s?:)")
_PUBLIC_DOMAIN = re.compile(r"(?i)public\s+domain")
# A dash, a name, a comma and an outlet, and nothing else: the signature under a report or a quotation ('- Jane Roe,
# Harwick Post'); a chain with a slash ('- Jane Roe/Reuters', a list's item), a photo word, a pool or a via stays a
# credit
_DASHES = frozenset("-–—")
_SIGNATURE = re.compile(r"[-–—]{1,2}[ \t]+(?!(?i:photo|foto|image|credit))[^\W\d_][^/|,\n()]{1,50},[ \t]+"
                        r"(?![^\n]*(?i:\bphoto|\bfoto|\bimage|\bpool\b|\bhandout\b|\bvia\b))"
                        r"[^\W\d_][^/|,\n()]{1,60}?[ \t.]*")
# A value that is a file path alone ('coverImage: /images/cover.jpg', 'Photo: ./img/team.png', 'images/2024/a.jpg'),
# after the key of front matter or code if any: names no one (a URL alone is left to the link steps).
_KEY = re.compile(r"^[^\W\d][\w-]{0,40}[ \t]*[:=][ \t]*")
_PATH_ALONE = re.compile(  # rooted with two parts or more ('/images/cover'), or ending in an image file's extension
    r"(?i)^[\"']?(?:(?:\.{1,2}|~)?/[^\s/]+/[^\s\"']*|(?:(?:\.{1,2}|~)?/)?[^\s/:]+(?:/[^\s/]+)*\."
    r"(?:jpe?g|png|gif|webp|svg|avif|tiff?|heic|bmp))[\"']?$"
)
_LIST_SEPARATOR = re.compile(r";|,\s+|\s+(?:and|&)\s+")  # between the credits of a list (_all_slashed)
_AND_IN_NAME = re.compile(r"\s(?:and|&)\s")
_CIRCLED_C = str.maketrans("Ⓒⓒ", "©©")  # one character for one: every offset stays
# Spanish writes 'via' with an accent ('Foto: Europa Press vía SCMP'): read as 'via' where a name or handle follows,
# three characters for three; not the noun before a lower-case word ('la vía pública', 'en vías de')
# ('Foto: Jane Roe en la vía Apia', 'cortes en la vía Ronda Sur': a road's name after the article, no via)
_SPANISH_VIA = re.compile(r"(?<=[\s(/,])(?<!\b[Ll]a )(?<!\b[Uu]na )(?<!\b[Ee]sta )(?<!\b[Ee]sa )(?<!\b[Ss]u )"
                          r"vía(?=[ \t]+[@A-ZÁÉÍÓÚÑ])")
_PARSE_MEMO_LIMIT = 10_000
# the caption-end lead-ins (credit_leads._AT_CAPTION_END) before the name's capital: 'Photo ' before 'via Flickr' is
# another reading
_CAPTION_END_WORD = re.compile(r"(?:" + CAPTION_END_LEAD + "|" + LINE_BRACKET_LEAD + r")[ \t]+(?=[^\W\d_a-z])")
# (and a report's 'Texto y foto:' before a sentence, not its author: 'Testo e foto: Roma, la città eterna …')
_CAPTION_LEAD = re.compile(r"(?i)\W*(?:fotografija|fotografia|fotografía|photograph|"
                           r"(?:text(?:o|e)?|testo|tekst)\s+(?:y|e|et|und|en|i)\s+(?:fotos?|photos?))\s*:")
_LOWER_WORD = re.compile(r"(?<![\w'’.@/-])[^\W\d_A-ZÀ-ÞА-ЯЁЂЃЄЅІЇЈЉЊЋЌЎЏ]{3,}(?![\w'’@/-])")  # 'drži', 'portret'
# The whole-text scans gated in a long text (scan.gated_finditer; their gates stored in scan_gates.py), and
# LEAD_IN_TEXT, whose gate is asked at the start of every text it is tried on (credit_words.lead_in_text_match)
GATED_SCANS = (LEAD_IN, ANYWHERE_LEAD_IN, WEAK_LEAD_IN, BOILERPLATE, UI_LABELS, LEAD_IN_TEXT)


def parse_credit(text: str, catalog: Catalog | None = None) -> list[Credit] | NoCredit:
    """Every image credit in `text`, in order, or `NoCredit()` when there is none.

    The answer reads nothing but the text and the catalog, and an archive repeats its short credit texts (an
    agency's IPTC Credit and Copyright Notice on every image it sent): it is remembered per catalog for texts of
    up to MEMO_KEY_CHARS characters, in a table of at most _PARSE_MEMO_LIMIT texts; each caller gets its own
    list (the credits in it are frozen)."""
    catalog = catalog or default_catalog()
    found = remembered(catalog, "parse-credit-memo", text, _parse_credit, limit=_PARSE_MEMO_LIMIT)
    return list(found) if isinstance(found, list) else found


def _parse_credit(catalog: Catalog, text: str) -> list[Credit] | NoCredit:
    return read_credits(text, catalog).credits or NoCredit()


@dataclass(frozen=True)
class CreditsRead:
    """`parse_credit`'s credits (an empty list for none) and what a text checked in chunks (check_split) needs
    to join them: `body`, the text they were read in (wire boilerplate and UI labels blanked and lead-in typos
    mended, every offset kept: what the merge of credits on nearby lines reads between them, `may_merge`);
    whether that changed the text (`retyped`: every credit then quotes the text as written); if not, the
    credits whose quote would then differ (merged ones), by index, with that quote; and, for a chunk, whether its
    last credit could be a rights footer closing the text (`footer_credit`), which only the whole text can tell."""

    credits: list[Credit]
    body: str
    retyped: bool
    retexts: dict[int, str]
    footer: bool = False


def read_credits(text: str, catalog: Catalog, whole: bool = True) -> CreditsRead:
    """`parse_credit`'s answer, not remembered, with what joining chunks needs (`CreditsRead`); `whole=False`
    for a chunk of a longer text, which leaves the rule of a text's only credit (credit_links) to the join."""
    flat = flatten(text)
    lowered = lowered_for_gates(flat.text)  # the whole-text scans of a long text, gated (scan.py): the same matches
    body = gated_sub(BOILERPLATE, _blank, flat.text, lowered)
    if " OUT" in body:
        body = _WIRE_OUT.sub(_blank, body)
    if "TPX" in body or "SEARCH" in body or "Livepic" in body or "XMIT" in body:
        body = _DESK_TAGS.sub(_blank, body)
    if "QUALITY" in body:
        body = _LOW_QUALITY_TAG.sub(_blank, body)
    if "tyl" in body or "TYL" in body:  # a stylist's credit after the photographer's ('… Food Stylist: Jane Roe.')
        body = STYLIST_CREDIT.sub(_blank_stylist, body)
    if ": @" in body:  # a shoot's crew after the photographer's handle ('Photography: @jane Fashion: @ida')
        body = SHOOT_CREW_CREDIT.sub(_blank, body)
    typed = body
    body = _TYPO_CANDIDATE.sub(_lead_typo, body)
    if "//" in body:  # 'Kevin Mazur//Getty Images Jay-Z was …' (Hearst's galleries): a doubled slash between a name
        body = _DOUBLED_SLASH.sub("/ ", body)  # and the agency is one link's slash (an address's '://' is not one)
    if "Ⓒ" in body or "ⓒ" in body:  # the circled letter some papers print for the rights sign ('Ⓒ Anko Stoffels')
        body = body.translate(_CIRCLED_C)
    if "vía" in body:
        body = _SPANISH_VIA.sub("via", body)
    # UI labels ('hide caption', 'INDRANIL ... [+] MUKHERJEE') blanked in place: a name around a marker stays one
    lowered = lowered if not lowered or body == flat.text else lowered_for_gates(body)
    labelled = body
    body = blank_ui_labels(body, _blank_label, lowered)
    lowered = lowered if not lowered or body == labelled else lowered_for_gates(body)  # always the body's
    credits: list[Credit] = []
    taken: list[tuple[int, int]] = []
    index = TextIndex.of(body, lowered)
    split = _split_once(catalog)
    # a wire's '… image obtained by Reuters' (_obtained_by_via), asked once per text; the lead reads 'Obtained' too
    obtained = "btained" in body or "BTAINED" in body
    for segment in candidate_segments(body, catalog, index, taken, lowered):
        if segment.end - segment.body > MAX_CREDIT or overlaps(taken, segment.start, segment.end):
            continue
        if segment.body == segment.start and body[segment.body : segment.body + 1] in _DASHES \
                and _signature(body, segment):
            continue  # '- Jane Roe, The Harwick Times': who signed a report or a quotation, no image credit
        found = list(_credits_in(catalog, body, segment, split))
        if found and obtained:
            found = [kept for credit in found if (kept := _obtained_by_via(body, credit)) is not None]
        if found:
            bisect.insort(taken, (segment.start, segment.end))
            credits.extend(found)
    credits = merge_repeats(catalog, body, sorted(credits, key=lambda c: c.start))
    # a chunk of a longer text (check_split) leaves the rules of the text's last credit and of its only credit to
    # the join: a chunk's last credit closes the chunk, not the text
    footer = not whole and footer_credit(credits) is not None
    if whole:
        credits = platform_of_the_line(catalog, body, read_rights_footer(credits))
    retyped = body != typed
    if retyped:  # a lead-in read through a typo: the credit quotes the text as written
        credits = [replace(c, text=typed[c.start : c.end].strip() or c.text) for c in credits]
        retexts = {}
    else:
        quotes = ((n, c.text, typed[c.start : c.end].strip() or c.text) for n, c in enumerate(credits))
        retexts = {n: quote for n, text_, quote in quotes if quote != text_}
    if flat.starts:
        credits = [_point_back(c, text, flat) for c in credits]
    return CreditsRead(credits, body, retyped, retexts, footer)


def _signature(text: str, segment: Segment) -> bool:
    """A dash-led 'Name, Outlet' opening its line or after a quotation's closing mark: a signature (_SIGNATURE)."""
    before = text[max(0, segment.start - 40) : segment.start].rstrip(" \t")
    return (not before or before.endswith(("\n", "\"", "”", "»", "'"))) \
        and _SIGNATURE.fullmatch(text, segment.body, segment.end) is not None


def list_goes_on(text: str, at: int) -> bool:
    """Whether the line at `at` continues a name list broken after a comma on the line before
    (credit_segments._line_end)."""
    return bool(LIST_GOES_ON.match(text, at))


_DOUBLED_SLASH = re.compile(r"//(?<=[^\W_]//)(?=[^\W\d_])")  # led by its literal: the engine skips to each '//'


# '… in this still image taken from a video obtained by REUTERS' (credit_leads.ANYWHERE_LEAD_IN): the words before the
# name the credit's span ends with
_OBTAINED_BY = re.compile(r"(?i)\bobtained\s+by\s+(?:the\s+)?")
# the caption's own picture ('in this handout picture', 'in this still image taken from a video') in the sentence before
# 'obtained by'; prose names pictures it only reports ('identified in photos obtained by Haaretz', 'according to video
# footage obtained by The Times', 'More photos obtained by Reuters.')
_THIS_PICTURE = re.compile(r"(?i)\bthis\b")
_SENTENCE_END = re.compile(r"[.!?][ \t]|\n")


def _obtained_by_via(body: str, credit: Credit) -> Credit | None:
    """A wire that obtained a picture from someone it does not name ('… in this image obtained by Reuters.') brought
    it: the via, not its maker's organisation. A credit the 'obtained by' lead read in a sentence that does not show
    its own picture ('this') is prose about other pictures: none."""
    lead = _OBTAINED_BY.match(body, credit.start)
    if lead is None:
        return credit
    sentence = max((end.end() for end in _SENTENCE_END.finditer(body, max(0, credit.start - 300), credit.start)),
                   default=max(0, credit.start - 300))
    if _THIS_PICTURE.search(body, sentence, credit.start) is None:
        return None
    if credit.organization is None or credit.via is not None or credit.creator is not None:
        return credit
    named = body[lead.end() : credit.end].strip(" \t.;").casefold()
    if named != credit.organization.casefold().removeprefix("the "):
        return credit
    return replace(credit, organization=None, via=credit.organization)


def _blank(match: re.Match[str]) -> str:
    """Boilerplate blanked in place: a line break (it ends the credit before it) and spaces (offsets stay)."""
    return "\n" + " " * (len(match.group(0)) - 1)


# The photographer's role just before a stylist's credit, a separator between ('Photography/Food Styling: Jane Roe'):
# one person both, so nothing is blanked
_PHOTO_ROLE_BEFORE = re.compile(r"(?i)\bphoto(?:graph)?(?:s|y)?[ \t]*[,/|][ \t]*$")


def _blank_stylist(match: re.Match[str]) -> str:
    """A stylist's credit blanked (_blank), unless the photographer's role is written just before it."""
    start = match.start()
    if _PHOTO_ROLE_BEFORE.search(match.string, max(0, start - 16), start):
        return match.group(0)
    return _blank(match)


def _blank_label(match: re.Match[str]) -> str:
    """A UI label blanked in place: a fold marker inside a name ('INDRANIL ... [+] MUKHERJEE') as spaces, so the name
    stays one; a control's label ('Jane Roe/NPR hide caption toggle caption Jane Roe/NPR', a page flattened to one
    line) as a line break and spaces, so the credits on either side stay two."""
    label = match.group(0)
    return " " * len(label) if label.rstrip().endswith("]") else _blank(match)


def _lead_typo(match: re.Match[str]) -> str:
    """'Phoot' -> 'Photo' before 'by' or ':': the lead-in word one swap or one letter away, same length (so
    every offset into the text stays right); any other word as it is."""
    word = match.group(0)
    folded = word.casefold()
    for lead in TYPO_LEAD_WORDS:
        if len(lead) == len(word) and folded != lead and _one_edit(folded, lead):
            return "".join(c.upper() if w.isupper() else c for c, w in zip(lead, word, strict=True))
    return word


def _one_edit(word: str, lead: str) -> bool:
    """One letter changed, or two neighbours swapped (both strings of one length)."""
    diff = [i for i, (a, b) in enumerate(zip(word, lead, strict=True)) if a != b]
    if len(diff) == 1:
        return True
    if len(diff) != 2 or diff[1] != diff[0] + 1:
        return False
    return word[diff[0]] == lead[diff[1]] and word[diff[1]] == lead[diff[0]]


def _point_back(credit: Credit, text: str, flat: Flat) -> Credit:
    """A credit found in reduced markup, pointing at (and quoting) the original text; its blanks at the end (the
    '\r' of a CRLF line end) left out, so that its end never reaches into the markup after its last character."""
    last = len(flat.text[credit.start : credit.end].rstrip()) + credit.start
    start, end = _original_span(text, flat, credit.start, last)
    quoted = text[start:end]
    part = flat.text.find(credit.text, credit.start, last) if credit.text else -1
    if part >= 0 and part + len(credit.text) < last:  # completed from the lines near it: it quotes its first part
        first, stop = _original_span(text, flat, part, part + len(credit.text))
        quoted = text[first:stop]
    return replace(credit, start=start, end=end, text=quoted.strip() or credit.text)


def _original_span(text: str, flat: Flat, start: int, end: int) -> tuple[int, int]:
    """Where the flat text's span is in the original: from its first character to just after its last one."""
    first, stop = flat.origin(start), flat.end(end)
    if first and text[first - 1] == "[" and _closes_link(text, first, stop):
        first -= 1  # a span that opens with a Markdown link's name (or a reference link's) takes its bracket too
    return first, max(stop, first)


def _closes_link(text: str, start: int, end: int) -> bool:
    """Whether a Markdown link's name that opens at `start` closes ('](', or '][' for a reference link) before `end`,
    no other bracket first."""
    closes = text.find("]", start, end)
    return 0 <= closes < end - 1 and text[closes + 1] in "([" and text.find("[", start, closes) < 0


_AI_PLAIN = re.compile(r"(?i)" + AI_PLAIN_LEAD)
_AI_TOOL = re.compile(r"(?i)(?:" + AI_TOOL_LEAD + r")")
_TOOL_NAME_WORDS = 4  # words of a generator's name the catalog may know ('Adobe Firefly Image 3')


def _tool_lead_named(catalog: Catalog, text: str, start: int) -> bool:
    """Whether a credit at `start` may be read: any credit but one opened by a lead-in that names a tool as readily as
    a generator ('Logo made with', '(created with', 'generated via', 'This image is generated by'), whose name after
    it must be a generator the catalog knows ('Hero image created with DALL-E.'; 'Logo made with Canva', 'The chart
    (created with Excel) shows sales.' credit no one)."""
    while text[start : start + 1] in _BEFORE_LEAD:  # (past the end: '' is in no set)
        start += 1
    if text[start : start + 1].casefold() not in _AI_TOOL_FIRST or _AI_PLAIN.match(text, start) is not None:
        return True
    tool = _AI_TOOL.match(text, start)
    if tool is None:
        return True
    words = text[tool.end() : tool.end() + 80].split()[:_TOOL_NAME_WORDS]
    for count in range(len(words), 0, -1):
        source = match_source(catalog, " ".join(words[:count]).strip(" .,;:!?)(\"'*_"))
        if source is not None and source.kind == "generator":
            return True
    return False


_BEFORE_LEAD = frozenset(" \t([{*_")
_AI_TOOL_FIRST = frozenset("itpalhcfgm")  # the first letters of AI_TOOL_LEAD's forms


    # 'credit: "12.50 USD"' are an account's)


Split = Callable[[str, str], dict[str, str]]


def _split_once(catalog: Catalog) -> Split:
    """`split_credit` answered once per (segment, lead-in) of one text (a wire digest writes each credit many
    times): it reads nothing but its arguments and the catalog, and each caller gets its own copy."""
    done: dict[tuple[str, str], dict[str, str]] = {}

    def split(segment: str, lead: str) -> dict[str, str]:
        fields = done.get((segment, lead))
        if fields is None:
            fields = done[segment, lead] = split_credit(catalog, segment, lead=lead)
        return dict(fields)

    return split


def _credits_in(catalog: Catalog, text: str, segment: Segment, split: Split) -> Iterator[Credit]:
    """One credit per ';'-separated part of a segment (several credits in one caption)."""
    if segment.rewrite is not None:
        fields = split(segment.rewrite, "")
        if set(fields) == {"via"} and fields["via"].casefold() == segment.rewrite.strip().casefold():
            fields = {"organization": fields.pop("via")}  # 'A post shared by Instagram (@instagram)': its own account
        if _is_credit(fields, segment.weak):
            yield Credit(text=text[segment.start:segment.end].strip(), start=segment.start, end=segment.end, **fields)
        return
    lead = text[segment.start:segment.body]
    if not _tool_lead_named(catalog, text, segment.start):
        return  # 'Logo made with Canva', '(created with Inkscape)': a tool's name, no generator's
    last: Credit | None = None
    for part_start, part_end in _parts(catalog, text, segment.body, segment.end):
        if _is_path(text[part_start:part_end]) or _tool_list(catalog, text[part_start:part_end]):
            continue
        # a rights sign in the lead-in ('© Jane Roe; John Smith') is the statement of the part it stands
        # before, kept as written; a later part's own text holds no statement the sign could make
        part_lead = lead if part_start == segment.body else without_rights_sign(lead)
        fields = split(text[part_start:part_end], part_lead)
        if _DROITS_RESERVES.fullmatch(text[part_start:part_end]) and _FRENCH_LEAD.fullmatch(lead):
            fields = {"copyright": text[part_start:part_end].strip()}  # 'Crédit photo : DR': rights reserved, no one
        caption_end = _caption_end_lead(text, segment)
        if (NO_COLON_LEAD.fullmatch(lead) or caption_end) \
                and not _named_after_bare_lead(catalog, lead, text[part_start:part_end], fields) \
                or (caption_end or lead.strip() in _CAPITALS_LEADS) \
                and not _named_after_end_lead(catalog, text, segment, text[part_start:part_end], fields):
            continue
        if not _is_credit(fields, segment.weak) or segment.strict and not _named_license(catalog, fields) \
                or _CAPTION_LEAD.match(lead) and _caption_sentence(text[part_start:part_end], fields):
            continue
        span_start = segment.start if part_start == segment.body else part_start
        credit = Credit(text=text[span_start:part_end].strip(), start=span_start, end=part_end, **fields)
        if last is not None and _adds_terms(last, credit) and complete_each_other(catalog, last, credit):
            last = fill_from(catalog, last, credit)  # 'Photo: Jane Roe; CC BY-SA 4.0; Wikimedia Commons': one credit
            continue
        if last is not None:
            yield last
        last = credit
    if last is not None:
        yield last


# A list of tools in three links or more ('Image: Midjourney / DALL·E 3 / FLUX / Stable Diffusion', 'Image: Midjourney,
# Flux, Ideogram, Imagen'): a README's or a course's list of the generators one may use, no credit of a picture, once
# the first link and another are generators the catalog knows (one picture is made by one generator; a credit's
# chain names one)
_LIST_LINK = re.compile(r"\s*[/,|]\s*")
_VERSION_END = re.compile(r"\s+(?:[vV]?\d[\w.]*|XL|Pro|Ultra)$")


def _tool_list(catalog: Catalog, part: str) -> bool:
    if part.count("/") + part.count(",") + part.count("|") < 2:
        return False  # fewer than three links: the cheap test first
    part = part.strip().lstrip("-*•").strip()  # a list's item: '- Image: …'
    lead = lead_in_text_match(part)
    links = _LIST_LINK.split(part[lead.end() if lead else 0 :].rstrip("."))
    if len(links) < 3:
        return False
    kinds = []
    for link in links:
        source = match_source(catalog, link) or match_source(catalog, _VERSION_END.sub("", link))
        kinds.append(source is not None and source.kind == "generator")
    return kinds[0] and sum(kinds) >= 2  # 'Illustration: Jane Roe/Midjourney/DALL-E' opens with its maker: a credit


# French 'DR' (droits réservés: rights reserved, holder unknown) as a whole credit after a French lead-in or a rights
# sign ('Crédit photo : DR', 'Photo : DR', '© DR'); after 'Foto:' it stays Denmark's broadcaster DR
_DROITS_RESERVES = re.compile(r"\s*(?:DR|D\.[ \t]?R\.?)\s*\.?\s*")  # 'D.R.' reaches here as 'D.R' (its last stop cut)
_FRENCH_LEAD = re.compile(
    r"(?i)\s*(?:©|\(c\)|cr[ée]dits?(?:\s+photos?)?|photos?|illustrations?|images?|visuels?)\s*[:：]?\s*")


# A part that is a via alone ('…, Royal Collection; via Wikimedia Commons'): the way the credit before it came
_VIA_PART = re.compile(r"(?i)^(?:(?:file|image|photo)\s+)?via\s")


def _adds_terms(one: Credit, other: Credit) -> bool:
    """A part after a ';' that names no party of its own, only a license or a platform, after a part that named
    one: the terms of the same credit, not another image's. A platform alone joins only a credit that states a
    license already ('Photo: Jane Roe; CC BY-SA 4.0; Wikimedia Commons'); after a bare name it is the credit of
    another picture of a list ('Photos: Jane Roe (top); Flickr (bottom)', 'Images: Reuters; Pexels')."""
    return bool((one.creator or one.organization) and not (other.creator or other.organization)
                and (other.license or other.via and (one.license or _VIA_PART.match(other.text))))


def _caption_end_lead(text: str, segment: Segment) -> bool:
    """Whether a segment's lead-in is a caption-end word alone before a name's capital ('Picture Jane Roe'), as
    credit_leads._AT_CAPTION_END reads it; 'Photo ' before 'via Flickr' leads another reading."""
    found = _CAPTION_END_WORD.match(text, segment.start)
    return found is not None and found.end() == segment.body


_CAPITALS_LEADS = ("PIC", "PICTURE")  # alone on a line before a name in capitals ('PIC JANE ROE')


def _named_after_end_lead(catalog: Catalog, text: str, segment: Segment, part: str, fields: dict[str, str]) -> bool:
    """After a caption-end lead-in or 'PIC'/'PICTURE' alone on a line, a name and not a heading's, a product's or a
    menu's title-case words: no function word a title capitalises ('Photos From Our Readers', 'Picture In Picture');
    one word alone only as a source the catalog knows ('PICTURE SPECIAL' heads a feature, 'Photo AFP' credits); after
    the photo family at a sentence's end or in a bracket ('… . Photo Mechanic Plus', '(Photos Below Show More)') only
    a chain or a source the catalog knows (credit_words.PHOTO_FAMILY_BARE_LEADS), or a full name of no common or
    heading's word in a bracket that is its line ('(photo Jane Roe)' between paragraphs, not '(Photo Upper Right)')."""
    name = part.partition("/")[0]
    words = [word.strip(".,;:()'’") for word in name.split()]
    if any(word.casefold() in TITLE_FUNCTION_WORDS for word in words):
        return False
    known = any(match_source(catalog, fields.get(key)) is not None for key in ("organization", "via"))
    if len(words) < 2 and "/" not in part:
        return known
    lead = text[segment.start:segment.body].strip()
    if lead.casefold() in PHOTO_FAMILY_BARE_LEADS and lead != "Foto" and _AFTER_STOP_OR_BRACKET.search(
            text, max(0, segment.start - 3), segment.start) is not None:
        # ('Foto Jana Roth' is the older no-colon rule's and Italian papers' '(Foto Ida Vell)', kept); a bracket that is
        # its line holding the word and a full name alone is a credit set between paragraphs ('(photo Jane Roe)'), not
        # a pointer's common words ('(Photos Below Show More)')
        return "/" in part or known or len(words) > 1 and not _pointer_words(words) and _LINE_BRACKET.fullmatch(
            text, text.rfind("\n", 0, segment.start) + 1, text.find(")", segment.start) + 1) is not None
    return True


def _pointer_words(words: list[str]) -> bool:
    """'(Photo Upper Right)', '(Photos Attached Here)', '(Photos Page Twelve)': a pointer's or heading's common word
    anywhere in the run, not a name (a surname that is also a word stays a name's: '(photo Tom Bell)')."""
    folded = [word.casefold() for word in words]
    return any((word in COMMON_WORDS or word in HEADING_WORDS or word.removesuffix("s") in COMMON_WORDS)
               and not (at and word in WORD_SURNAMES) for at, word in enumerate(folded))


_LINE_BRACKET = re.compile(r"[ \t]*\([^()\n]+\)")


_AFTER_STOP_OR_BRACKET = re.compile(r"(?:\(|[.!?…][\"”’]?[ \t])$")


def _named_after_bare_lead(catalog: Catalog, lead: str, part: str, fields: dict[str, str]) -> bool:
    """After a lead-in written with no colon, a name and not a headline's label: no media word ('FOTO VIDEO', 'Foto
    Galerija Zagreb', 'Picha na Video') nor a job's or heading's word ('Picture Editor Jane Roe'); after a lone word
    ('Beeld', 'FOTO'), an organisation alone only if the catalog knows it ('Beeld ANP', not 'FOTO PRIČA'), and so
    before a chain's slash."""
    words = [word.strip(".,;:()'’").casefold() for word in part.split()]
    if any(word in MEDIA_LABEL_WORDS or word in NOT_NAMES_AFTER_BARE_LEAD for word in words):
        return False  # 'Picture Editor Jane Roe', 'Photo Contest Winners': a job's or a heading's words
    if "/" in part and " " not in lead.strip():  # 'Фото Олени Коваль / POOL / УНІАН': the chain names a source the
        # catalog knows ('Beeld Amsterdam Centrum / Noord', 'Foto Tour Berlin / Potsdam' are a page's headings)
        return any(match_source(catalog, fields.get(key)) is not None for key in ("organization", "via"))
    if fields.get("creator") or " " in lead.strip():  # 'Picha na Ofisi ya Waziri Mkuu': 'photo by', a body's name
        return True
    return any(match_source(catalog, fields.get(key)) is not None for key in ("organization", "via"))


def _caption_sentence(part: str, fields: dict[str, str]) -> bool:
    """'Fotografija: Soledad Ruiz, mati …, drži portret svojega sina v …': the noun 'photograph' opening the caption
    itself (as Slovene and Croatian papers label it), its body a sentence (five words in lower case or more) of which
    only a name could be read (a credit with a body, platform, licence or link stays one)."""
    return not set(fields) - {"creator", "title", "category"} and len(_LOWER_WORD.findall(part, 0, 400)) >= 5


def _is_path(part: str) -> bool:
    """Whether a part is a file path alone, after a key if any ('coverImage: /images/cover.jpg')."""
    if "/" not in part and "." not in part:  # a path holds a slash or an extension's dot
        return False
    part = part.strip()
    key = _KEY.match(part)
    return bool(_PATH_ALONE.match(part[key.end() :] if key else part))


def _parts(catalog: Catalog, text: str, body: int, end: int) -> Iterator[tuple[int, int]]:
    segment = text[body:end]
    if _all_slashed(catalog, segment):
        pieces = _LIST_SEPARATOR.split(segment)
    else:
        # a list of chains ('Jane Roe/AP; John Doe, Bo Lee/Reuters'); a via after a comma is the way the credit before
        # it came ('…, via DPLA / Wikimedia Commons')
        pieces = re.split(r";|,\s+(?!via\s)(?=[^,]*/)", segment) if ";" in segment else \
            _agency_and_other(catalog, segment) or [segment]
    cursor = body
    for piece in pieces:
        at = text.index(piece, cursor)
        cursor = at + len(piece)
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip(" \t.,"))
        if piece[right : right + 1] == "." and (initial_end(piece[:right]) or KEEP_DOT.search(piece, 0, right)):
            right += 1  # 'Credit: Skylark Orbital Ltd.', '© Carvalho S.': the abbreviation's full stop is the name's
        if right > left:
            yield at + left, at + right


# 'Lusa e Jane Roe', 'EFE y Jane Roe', 'AFP and Jane Roe': two parties joined by a conjunction of any of the
# languages, one of them an agency or stock library the catalog knows, each a name's capital first ('AP and local
# reports', 'Shutterstock and its contributors' name one party)
_TWO_PARTIES = re.compile(r"^([A-Z@][^,/;\n]{1,59}?)\s+(?:and|&|e|y|et|und|en|i|og|och|ve)\s+"
                          r"([A-Z@][^,/;\n]{1,59})$")
_PARTY_LABELS = ("person", "source", "organisation")


def _agency_and_other(catalog: Catalog, segment: str) -> list[str] | None:
    """'[Imagens: Lusa e Jane Roe]', '(Fotos: EFE y Jane Roe)': an agency's and a photographer's pictures, two credits,
    when one side of the one conjunction is an agency or stock library the catalog knows and the whole is no source's
    name ('Library and Archives Canada'); 'Jane Roe and Tom Bell' stays one credit of two people."""
    match = _TWO_PARTIES.match(segment.strip(" \t.,"))
    if match is None or match_source(catalog, segment.strip(" \t.,")) is not None:
        return None
    if not any((source := match_source(catalog, side.strip())) is not None and source.kind in AGENCY_KINDS
               for side in match.groups()) \
            or any(label_link(catalog, side.strip()).label not in _PARTY_LABELS for side in match.groups()) \
            or any(" " not in side.strip() and match_source(catalog, side.strip()) is None for side in match.groups()):
        return None  # 'Source: Reuters and Harwick Police said', 'Image: Alamy and More': no two parties; nor a word
        # alone the catalog does not know ('Reuters en Español': Spanish 'en' is 'in', the agency's service)
    return [match.group(1), match.group(2)]


def _all_slashed(catalog: Catalog, segment: str) -> bool:
    """'Jane Doe/AP, John Smith/Reuters', 'Jane Doe/AFP via Getty Images and John Smith/Getty Images': a list of
    credits separated by commas, semicolons or 'and', each a chain of its own ('Jane Doe and John Smith/AP' is one).
    An 'and' inside a link the catalog knows ('Jane Roe / Library and Archives Canada / PA-034064') joins no two."""
    if "/" not in segment:
        return False
    pieces = _LIST_SEPARATOR.split(segment)
    if len(pieces) < 2 or not all("/" in p and "http" not in p for p in pieces):
        return False
    return not any(_AND_IN_NAME.search(link) and match_source(catalog, link.strip()) is not None
                   for link in segment.split("/"))


def _named_license(catalog: Catalog, fields: dict[str, str]) -> bool:
    """A license the catalog or the Creative Commons codes know, a license URL, or a via."""
    found = fields.get("license", "")
    return bool(fields.get("via") or fields.get("license_url") or found and mentions_license(catalog, found)
                or _PUBLIC_DOMAIN.search(found))


def _is_credit(fields: dict[str, str], weak: bool) -> bool:
    if weak:
        return bool(fields.get("organization") or fields.get("via"))
    names = ("creator", "organization", "via", "license", "license_url", "category", "copyright")
    return any(fields.get(k) for k in names)


