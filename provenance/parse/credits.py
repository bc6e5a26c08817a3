"""Find image credits in text and parse them: `parse_credit(text)`.

A credit is recognised by its shape, never by position alone:
- a lead-in ("Photo:", "Photo by", "Credit:", "Foto:", "Фото:", "Courtesy of",
  "©") at the start of a line, a bracket or a sentence;
- a bracketed agency credit: "(Reuters/John Smith)", "(AP Photo/Jane Doe)";
- a credit ending a caption line: "… on Monday. Jane Doe/AP",
  "Handout via Reuters", with a source the catalog knows.
A byline ("By Jane Doe", "This article is written by …") is not a lead-in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from provenance.catalog.load import Catalog, default_catalog
from provenance.catalog.sources import match_source
from provenance.model import Credit, NoCredit
from provenance.parse.credit_fields import mentions_license, split_credit

# Lead-ins, strong first. The text after a lead-in is the credit.
_LEAD_WORDS = (
    r"photo\s+credits?|image\s+credits?|picture\s+credits?|photo(?:graph)?s?|pictures?|pics?|"
    r"images?|illustrations?|fotos?|фото|снимок|credits?|video\s+grab|copyright"
)
LEAD_IN = re.compile(
    rf"(?i)(?P<lead>(?:(?:{_LEAD_WORDS})\s*(?::|\bby\b)|(?:photographed|shot)\s+by\b|"
    r"(?:(?:photo|image)\s+)?courtesy(?:\s+of)?\b|©)\s*)"
)
WEAK_LEAD_IN = re.compile(
    r"(?i)(?P<lead>(?:left|right|top|bottom|above|below|inset|main|from\s+left)"
    r"(?:\s+(?:photo|image))?\s*:\s*)"
)
_CREDIT_POSITION = re.compile(r"(?:^|[\[(|—–]|[.!?:]\s|\s[-–—]\s|\n)\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
_CONTINUES = re.compile(r"(?i)^(?:licen[sc]|under\b|some rights|all rights|via\b|from\b|on\b)")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:St|Dr|Mr|Mrs|Ms|Jr|Sr|Inc|Co|Corp|Ltd|Prof|Rev|Sgt|Staff Sgt|Lt|Col|Gen|Cpl|Pvt|"
    r"Capt|Maj|Adm|Cmdr|Spc|Pfc|Pte|PO|U\.S|U\.K))\.$"
)
_SLASH_CREDIT = re.compile(r"^[^\s/][^/]{0,60}/[^/]{1,60}(?:/[^/]{1,60})?$")
_VIA_CREDIT = re.compile(r"(?i)^(?P<who>[^/]{1,60}?)\s+via\s+(?P<via>[^/]{1,60})$")
_CLOSE = {"[": "]", "(": ")"}


def parse_credit(text: str, catalog: Catalog | None = None) -> list[Credit] | NoCredit:
    """Every image credit in `text`, in order, or `NoCredit()` when there is none."""
    catalog = catalog or default_catalog()
    credits: list[Credit] = []
    taken: list[tuple[int, int]] = []
    for start, end, body, weak in _segments(text, catalog):
        if any(s <= start < e for s, e in taken):
            continue
        found = list(_credits_in(catalog, text, start, end, body, weak))
        if found:
            taken.append((start, end))
            credits.extend(found)
    credits.sort(key=lambda c: c.start)
    return credits or NoCredit()


def _segments(text: str, catalog: Catalog) -> Iterator[tuple[int, int, int, bool]]:
    """(start, end, body_start, weak) of every candidate credit segment."""
    for pattern, weak in ((LEAD_IN, False), (WEAK_LEAD_IN, True)):
        for match in pattern.finditer(text):
            if _CREDIT_POSITION.search(text[: match.start()]):
                end = _segment_end(catalog, text, match.start(), match.end())
                yield match.start(), end, match.end(), weak
    yield from _bracketed(text, catalog)
    yield from _line_tails(text, catalog)


def _segment_end(catalog: Catalog, text: str, start: int, body: int) -> int:
    """Where a lead-in credit stops: its bracket, the line, or a new sentence."""
    opener = text[:start].rstrip()[-1:]
    if opener in _CLOSE:
        close = _matching_close(text, len(text[:start].rstrip()) - 1)
        if close is not None:
            return close
    line_end = text.find("\n", body)
    line_end = len(text) if line_end < 0 else line_end
    for other in LEAD_IN.finditer(text, body, line_end):
        if _CREDIT_POSITION.search(text[body : other.start()]) and other.start() > body:
            line_end = other.start()
            break
    for gap in _SENTENCE_END.finditer(text, body, line_end):
        before = text[body : gap.start()]
        after = text[gap.end() : line_end]
        if _ABBREVIATION.search(before) or _CONTINUES.match(after):
            continue
        if not mentions_license(catalog, after):
            return gap.start()
    return line_end


def _matching_close(text: str, open_at: int) -> int | None:
    """Index of the bracket closing the one at `open_at`, nesting allowed."""
    opener, depth = text[open_at], 0
    for index in range(open_at, len(text)):
        if text[index] == opener:
            depth += 1
        elif text[index] == _CLOSE[opener]:
            depth -= 1
            if depth == 0:
                return index
    return None


def _bracketed(text: str, catalog: Catalog) -> Iterator[tuple[int, int, int, bool]]:
    """'(Reuters/John Smith)', '(AP Photo/Jane Doe)': agency credits in brackets."""
    for match in re.finditer(r"[(\[]", text):
        close = _matching_close(text, match.start())
        if close is None:
            continue
        inner = text[match.start() + 1 : close].strip()
        if _is_bare_credit(catalog, inner):
            yield match.start() + 1, close, match.start() + 1, False


def _line_tails(text: str, catalog: Catalog) -> Iterator[tuple[int, int, int, bool]]:
    """'… on Monday. Jane Doe/AP': a short credit closing a caption line."""
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip()
        pieces = list(_SENTENCE_END.finditer(stripped))
        start = pieces[-1].end() if pieces else len(stripped) - len(stripped.lstrip())
        tail = stripped[start:].strip()
        if tail and (_is_bare_credit(catalog, tail) or (pieces and _is_source_name(catalog, tail))):
            yield offset + start, offset + len(stripped), offset + start, False
        offset += len(line)


def _is_source_name(catalog: Catalog, text: str) -> bool:
    """'… on Monday. Getty Images': an agency, stock site or platform closing a caption."""
    source = match_source(catalog, text.strip().rstrip("."))
    return source is not None and source.kind in ("agency", "stock", "platform")


def _is_bare_credit(catalog: Catalog, text: str) -> bool:
    """A credit without a lead-in: 'Jane Doe/AP' or 'Handout via Reuters'."""
    text = text.strip().rstrip(".")
    if len(text.split()) > 12 or "http" in text:
        return False
    if _SLASH_CREDIT.match(text):
        return any(match_source(catalog, p.strip()) for p in re.split(r"\s+via\s+|/", text))
    match = _VIA_CREDIT.match(text)
    return bool(match and match_source(catalog, match.group("via").strip()))


def _credits_in(
    catalog: Catalog, text: str, start: int, end: int, body: int, weak: bool
) -> Iterator[Credit]:
    """One credit per ';'-separated part of a segment (several credits in one caption)."""
    for part_start, part_end in _parts(text, body, end):
        fields = split_credit(catalog, text[part_start:part_end], lead=text[start:body])
        if not _is_credit(catalog, fields, weak):
            continue
        span_start = start if part_start == body else part_start
        yield Credit(text=text[span_start:part_end].strip(), start=span_start, end=part_end, **fields)


def _parts(text: str, body: int, end: int) -> Iterator[tuple[int, int]]:
    segment = text[body:end]
    pieces = re.split(r";|,\s+(?=[^,]*/)", segment) if ";" in segment or _all_slashed(segment) else [segment]
    cursor = body
    for piece in pieces:
        at = text.index(piece, cursor)
        cursor = at + len(piece)
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip(" \t.,"))
        if right > left:
            yield at + left, at + right


def _all_slashed(segment: str) -> bool:
    """'Jane Doe/AP, John Smith/Reuters': a list of credits separated by commas."""
    pieces = segment.split(", ")
    return len(pieces) > 1 and all("/" in p and "http" not in p for p in pieces)


def _is_credit(catalog: Catalog, fields: dict[str, str], weak: bool) -> bool:
    names = ("creator", "organization", "via", "license", "license_url", "category")
    if not any(fields.get(k) for k in names):
        return False
    if weak:
        return bool(fields.get("organization") or fields.get("via") or fields.get("license"))
    return True
