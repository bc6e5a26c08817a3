"""Split one credit segment ("Photo: Jane Doe/AP via Getty Images") into fields.

Pure string work over the catalog: URLs, the license phrase, "via …", the
usage-rights category, then the remaining names split on "/".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from provenance.catalog.licenses import is_license_url
from provenance.catalog.load import Catalog, license_names
from provenance.catalog.sources import find_category, match_source

URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"'\[\]]+")
_LICENSED_UNDER = re.compile(
    r"(?i)\b(?:licen[sc]ed\s+(?:under|as)|released\s+under|available\s+under|"
    r"under\s+(?:a|the)\s+licen[sc]e|licen[sc]e\s*:)\s+(?:the\s+|a\s+)?"
    r"(?P<lic>(?:[^.;()\[\],]|\.(?=\d))+?)\s*(?=$|[;()\[\],]|\.(?!\d))"
)
_PORT = r"(?:\s+(?-i:[A-Z]{2}|IGO|[a-z]{2}(?=\s*(?:$|[),;.\]]))))?"
_CC_CODE = re.compile(
    r"(?i)\bCC[\s-]?(?:BY(?:[\s-]+(?:NC|ND|SA)){0,3}|0|zero)(?:[\s-]+v?\d(?:\.\d)?)?" + _PORT + r"\b"
)
_CC_LONG = re.compile(
    r"(?i)\bcreative\s+commons(?:[\s-]+(?:attribution|by|share[\s-]?alike|non[\s-]?commercial|"
    r"no[\s-]?deriv(?:ative)?s|sa|nc|nd|zero|0))*(?:[\s-]+v?\d\.\d)?"
    r"(?:\s+(?:international|unported|generic))?(?:\s+(?:public\s+)?licen[sc]e)?"
)
_VIA = re.compile(r"(?i)(?:^|(?<=[\s,(]))via\s+(?P<via>[^,;()\[\]]+?)\s*(?=$|[,;()\[\]]|\.(?:\s|$))")
_ON_PLATFORM = re.compile(r"(?i)\s(?:on|from)\s+(?P<p>[^,;/()]+?)\s*[.,]?\s*$")
_NOISE = r"(?:©|\(c\)|\bcopyright\b|\b(?:19|20)\d\d\b|\ball rights reserved\b|[\s,;:.\-–—()\[\]'\"])"
_EDGE_NOISE = re.compile(rf"(?i)^{_NOISE}+|{_NOISE}+$")
CUT = " \x1f "  # what is left where a piece was cut out: names never run across it
_SPLIT = re.compile(r"\s*(?:/|\||\x1f)\s*|\s+for\s+")
_STRIP = " \t\n,;:.-–—()[]'\""


@dataclass
class _Work:
    """The fields found so far, and what is left of the segment."""

    rest: str
    fields: dict[str, str] = field(default_factory=dict)


def split_credit(catalog: Catalog, segment: str, lead: str = "") -> dict[str, str]:
    """Fields of one credit segment; `lead` is its lead-in ("Courtesy of"), if any."""
    work = _Work(rest=segment)
    _take_urls(catalog, work)
    _take_license(catalog, work)
    _take_via(catalog, work)
    category = find_category(catalog, f"{lead} {segment}")
    if category:
        work.fields["category"] = category.id
    _take_names(catalog, work)
    return work.fields


def _cut(work: _Work, match: re.Match[str]) -> None:
    work.rest = (work.rest[: match.start()] + CUT + work.rest[match.end() :]).strip()


def _take_urls(catalog: Catalog, work: _Work) -> None:
    for match in list(URL.finditer(work.rest))[::-1]:
        url = match.group(0).rstrip(".,;:)]}>")
        key = "license_url" if is_license_url(catalog, url) else "source_url"
        work.fields.setdefault(key, url)
        work.rest = work.rest[: match.start()] + CUT + work.rest[match.start() + len(url) :]
    work.rest = re.sub(r"\(\s*\x1f?\s*\)|\[\s*\x1f?\s*\]|\(\s*\)|\[\s*\]", CUT, work.rest)


def _take_license(catalog: Catalog, work: _Work) -> None:
    for pattern in (_LICENSED_UNDER, _catalog_names(catalog), _CC_CODE, _CC_LONG):
        match = pattern.search(work.rest)
        if match:
            text = match.groupdict().get("lic") or match.group(0)
            work.fields["license"] = text.strip(_STRIP)
            _cut(work, match)
            return


def find_license_text(catalog: Catalog, text: str) -> str | None:
    """The license named in a free text (a copyright notice, usage terms), if any."""
    work = _Work(rest=text)
    _take_license(catalog, work)
    if "license" in work.fields:
        return work.fields["license"]
    if re.search(r"(?i)\ball rights reserved\b", text):
        return "All rights reserved"
    return None


def _catalog_names(catalog: Catalog) -> re.Pattern[str]:
    """Every multi-word or versioned license name in the catalog, as a regex."""
    names = {
        name
        for lic in catalog.licenses.values()
        for name in license_names(lic)
        if " " in name.strip() or re.search(r"\d", name)
    }
    parts = [
        r"[\s_-]+".join(re.escape(word) for word in re.split(r"[\s_-]+", name.strip()))
        for name in sorted(names, key=len, reverse=True)
    ]
    return re.compile(r"(?i)(?<!\w)(?:" + "|".join(parts) + r")" + _PORT + r"(?!\w)")


def mentions_license(catalog: Catalog, text: str) -> bool:
    """True when a text names a license or carries a URL: a credit's continuation."""
    patterns = (URL, _LICENSED_UNDER, _catalog_names(catalog), _CC_CODE, _CC_LONG)
    return any(p.match(text.lstrip("( ")) for p in patterns)


def _take_via(catalog: Catalog, work: _Work) -> None:
    match = _VIA.search(work.rest)
    if match:
        work.fields["via"] = match.group("via").strip(_STRIP)
        _cut(work, match)
        return
    match = _ON_PLATFORM.search(work.rest)
    source = match and match_source(catalog, match.group("p"))
    if match and source and source.kind in ("platform", "stock"):
        work.fields["via"] = match.group("p").strip(_STRIP)
        _cut(work, match)


@dataclass(frozen=True)
class _Part:
    """A name as it stands in the credit: its text and where it starts and ends."""

    text: str
    start: int
    end: int


def _parts(rest: str) -> list[_Part]:
    """The pieces between separators, trimmed of copyright signs and years at their edges only."""
    found, cursor = [], 0
    for separator in [*_SPLIT.finditer(rest), None]:
        stop = separator.start() if separator else len(rest)
        piece = rest[cursor:stop]
        lead = _EDGE_NOISE.match(piece)
        begin = cursor + (lead.end() if lead and lead.start() == 0 else 0)
        trimmed = _EDGE_NOISE.sub("", piece)
        if trimmed:
            found.append(_Part(trimmed, begin, begin + len(trimmed)))
        cursor = separator.end() if separator else len(rest)
    return found


def _take_names(catalog: Catalog, work: _Work) -> None:
    """Names on either side of '/': a known source is the organisation, the first other name the
    creator. Every value is a piece of the credit exactly as written, never a re-join."""
    parts = [p for p in _parts(work.rest) if not _is_category_word(catalog, p.text)]
    if len(parts) == 1 and "," in parts[0].text:
        parts = _split_trailing_source(catalog, parts[0])
    people = [p for p in parts if not _is_organization(catalog, p.text)]
    orgs = [p for p in parts if p not in people]
    if people:
        work.fields["creator"] = people[0].text
        orgs = sorted(orgs + people[1:], key=lambda p: p.start)
    platforms = [p for p in orgs if _is_platform(catalog, p.text)]
    if platforms and "via" not in work.fields and len(orgs) == len(platforms):
        work.fields["via"] = platforms[0].text
        orgs = [p for p in orgs if p != platforms[0]]
    if orgs:
        work.fields["organization"] = _first_run(work.rest, orgs)


def _first_run(rest: str, orgs: list[_Part]) -> str:
    """'NASA/JPL-Caltech' stays joint: the slice of the text over adjacent names joined by '/'."""
    last = orgs[0]
    for part in orgs[1:]:
        between = _EDGE_NOISE.sub("", rest[last.end:part.start]) or rest[last.end:part.start].strip()
        if between != "/":
            break
        last = part
    return rest[orgs[0].start:last.end]


def _split_trailing_source(catalog: Catalog, part: _Part) -> list[_Part]:
    """'Jane Doe, AP' -> ['Jane Doe', 'AP'] when the last part is a known source."""
    head, _, tail = part.text.rpartition(",")
    name, who = tail.strip(_STRIP), head.strip(_STRIP)
    if not match_source(catalog, name) or not who:
        return [part]
    first = part.start + part.text.index(who)
    last = part.start + len(head) + 1 + tail.index(name)
    return [_Part(who, first, first + len(who)), _Part(name, last, last + len(name))]


def _is_category_word(catalog: Catalog, part: str) -> bool:
    folded = re.sub(r"\s+", " ", part.casefold())
    return any(folded in cat.keywords for cat in catalog.categories.values())


def _is_organization(catalog: Catalog, part: str) -> bool:
    if match_source(catalog, part):
        return True
    letters = re.sub(r"[^\w]", "", part)
    return len(letters) >= 2 and letters.isupper() and len(part.split()) <= 3


def _is_platform(catalog: Catalog, part: str) -> bool:
    source = match_source(catalog, part)
    return source is not None and source.kind == "platform"
