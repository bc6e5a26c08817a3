"""Merge the evidence for one image into one record, by a documented precedence.

Precedence (highest first), by origin:
  1. manual           a person's recorded decision
  2. caption, jsonld, html, xmp, iptc, exif, png-text, c2pa, commons, flickr
                      what the image's own caption and embedded metadata say, and
                      what the file's page on Wikimedia Commons or Flickr states
  3. source-catalog   the default terms of the source the credit names

Within a rank the listed order decides which value is shown, but when two
origins of the same rank disagree on the creator or the license, the record
keeps every claim as a Conflict instead of silently picking one.
A value that no evidence holds is never filled in.

The source whose default terms apply is the most specific one named: the
organisation (or platform) fields are read in the order above, and within one
field the last source of a '/'-joined run wins ("NASA/JPL-Caltech" is
JPL-Caltech's, whose terms are per file, not NASA's public domain), and in
"Getty Images for X" the agency wins over its client X (sources.sources_named).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from provenance.catalog.licenses import resolve_license
from provenance.catalog.load import Catalog
from provenance.catalog.sources import match_domain, most_specific_source, remembered
from provenance.model import Evidence, License, Record, Resolution, Source, Status
from provenance.resolve.evidence import derive_evidence
from provenance.resolve.wording import image_noun

ORDER = ("manual", "caption", "jsonld", "html", "xmp", "iptc", "exif", "png-text", "c2pa", "commons", "flickr",
         "source-catalog")
RANK = {"manual": 0, "source-catalog": 2}
RECORD_FIELDS = ("creator", "organization", "via", "title", "source_url", "copyright", "category", "client")
PAGE_FIELDS = ("web_statement", "acquire_license_page")  # a page about the image: the source, unless a license
_NON_WORD = re.compile(r"[^\w]+")
_NAME_NOISE = frozenset({"and", "by", "photo", "photos", "the", "&", "©", "copyright", "via"})


@dataclass(frozen=True)
class Conflict:
    field: str
    claims: tuple[Evidence, ...]


@dataclass(frozen=True)
class LicenseClaim:
    """What one origin says about the license: its text and/or URL, resolved."""

    origin: str
    resolution: Resolution
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Resolved:
    record: Record
    resolution: Resolution
    source: Source | None
    claims: tuple[LicenseClaim, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)


def rank(origin: str) -> int:
    return RANK.get(origin, 1)


_ORDER_KEYS = {origin: (rank(origin), n) for n, origin in enumerate(ORDER)}
_UNLISTED = (rank(""), len(ORDER))  # an origin ORDER does not list: the middle rank, after every listed one


def _order(item: Evidence) -> tuple[int, int]:
    return _ORDER_KEYS.get(item.origin, _UNLISTED)


def resolve_record(evidence: list[Evidence], catalog: Catalog) -> Resolved:
    """One record from all the evidence for an image, with its conflicts."""
    return resolve_found(found_evidence(evidence, catalog), catalog)


def found_evidence(evidence: list[Evidence], catalog: Catalog) -> list[Evidence]:
    """The evidence and what its caption-like fields say (derive_evidence), in the order of precedence: what
    `resolve_found` reads."""
    return sorted(derive_evidence(evidence, catalog), key=_order)


def resolve_found(found: list[Evidence], catalog: Catalog) -> Resolved:
    """One record from `found_evidence`'s answer (the list is extended with a source's default license)."""
    source = _source(found, catalog)
    claims = _license_claims(found, catalog)
    lic, resolution, license_conflict = _choose_license(claims)
    licensing = source if source is None or source.license else _distributor(found, catalog)
    if resolution.status is Status.ABSENT and licensing and licensing.license \
            and not _rights_against_public_domain(found, catalog, licensing.license):
        default = remembered(catalog, "source-default-memo", licensing.id, _source_default)
        found.append(default.evidence[0])
        lic, resolution, claims = default.resolution.license, default.resolution, (default,)
    values, origins = _fields(found, source)
    conflicts = [c for c in (_creator_conflict(found), license_conflict) if c]
    if lic:
        origins["license"] = next(_label(c.evidence[0]) for c in claims if c.resolution.license == lic)
    noun = image_noun(found, catalog)
    if noun:
        values["noun"], origins["noun"] = noun[0], noun[1]
    link = _license_url(claims, lic)
    record = Record(license=lic, license_url=link.value if link else None, port=resolution.port,
                    source_id=source.id if source else None, origins=origins, **values)
    if link and "license_url" not in origins:  # the origin that gave the link (a caption naming the license
        # without one may be linked by the XMP's cc:license)
        origins["license_url"] = _label(link)
    return Resolved(record, resolution, source, tuple(claims), tuple(conflicts), tuple(found))


def _rights_against_public_domain(found: list[Evidence], catalog: Catalog, default: str) -> bool:
    """'© Jane Roe / NOAA': a rights sign the credit states keeps a public body's public-domain default from it (the
    photographer claims the rights; the picture may be a contractor's or a volunteer's, not the body's own work)."""
    lic = catalog.license(default)
    return lic is not None and lic.family == "public-domain" and any(e.field == "copyright" and e.value for e in found)


def _source_default(catalog: Catalog, source_id: str) -> LicenseClaim:
    """The license a source's catalog entry gives its credits, as the claim of the source catalog: the same
    for every credit naming the source (built once per catalog; frozen, so every record may hold it)."""
    source = catalog.sources[source_id]
    default = Evidence("license", source.license or "", "source-catalog", f"source catalog: {source.name}",
                       location=source.id, derived=True)
    resolution = Resolution(status=Status.EXACT, license=catalog.license(default.value))
    return LicenseClaim("source-catalog", resolution, (default,))


def _label(item: Evidence) -> str:
    return f"source-catalog:{item.location}" if item.origin == "source-catalog" else item.origin


_ORGANISATION_FIELDS = ("organization", "credit_line", "source", "image_supplier")


def decided(found: Iterable[Evidence], field_name: str) -> bool:
    """Whether a person decided this field of the image or use (a decision's evidence: origin 'manual')."""
    return any(item.origin == "manual" and item.field == field_name for item in found)


def naming_sources(found: Sequence[Evidence]) -> Iterator[Evidence]:
    """The evidence that may name the image's source, in order: its organisation and platform fields. An
    organisation a person decided replaces every other origin's (a caption's 'Reuters', an IPTC Credit); the
    platform the picture came via stays."""
    chosen = decided(found, "organization")
    for item in found:
        if item.field == "via" or item.field in _ORGANISATION_FIELDS and (item.origin == "manual" or not chosen):
            yield item


def _source(found: list[Evidence], catalog: Catalog) -> Source | None:
    # an organisation a person decided replaces every other origin's (a caption's 'Reuters', IPTC Credit, a link's
    # domain): the source is the one it names, or the platform the picture came via, or none
    for item in naming_sources(found):
        match = most_specific_source(catalog, item.value)
        if match:
            return match
    if decided(found, "organization"):
        return None
    for item in found:
        if item.field in ("source_url", "image_src") and item.value.startswith(("http://", "https://")):
            match = match_domain(catalog, item.value)
            if match:
                return match
    return None


def _distributor(found: list[Evidence], catalog: Catalog) -> Source | None:
    """'ESA/Getty Images', 'NASA/JPL-Caltech/MSSS/Getty Images': when the body a credit names first gives no terms
    of its own (per file), the agency it came through does (the via's); a state news agency's terms too ('Russian
    Defence Ministry/TASS': a ministry's handout the agency distributed)."""
    for item in found:
        if item.field == "via":
            match = most_specific_source(catalog, item.value)
            if match is not None and match.license and match.kind in ("agency", "stock", "state-media"):
                return match
    return None


def _license_claims(found: list[Evidence], catalog: Catalog) -> tuple[LicenseClaim, ...]:
    groups: dict[tuple[str, str], list[Evidence]] = {}
    for item in found:
        if item.field in ("license", "license_url") and item.origin != "source-catalog":
            groups.setdefault((item.origin, item.location if item.origin == "caption" else ""), []).append(item)
    claims = []
    for (origin, _), items in groups.items():
        texts = [i for i in items if i.field == "license"]
        urls = [i for i in items if i.field == "license_url"]
        first = resolve_license(catalog, texts[0].value if texts else None, urls[0].value if urls else None)
        claims.append(LicenseClaim(origin, first, tuple(texts[:1] + urls[:1])))
        for extra in texts[1:] + urls[1:]:
            one = resolve_license(catalog, extra.value) if extra.field == "license" else \
                resolve_license(catalog, url=extra.value)
            claims.append(LicenseClaim(origin, one, (extra,)))
    return tuple(claims)


def _choose_license(claims: tuple[LicenseClaim, ...]) -> tuple[License | None, Resolution, Conflict | None]:
    if not claims:
        return None, _ABSENT, None
    top = min(rank(c.origin) for c in claims)
    ranked = [c for c in claims if rank(c.origin) == top]
    exact = [c for c in ranked if c.resolution.status is Status.EXACT and c.resolution.license]
    distinct = {c.resolution.license.id for c in exact if c.resolution.license}
    conflict = None
    if len(distinct) > 1:
        conflict = Conflict("license", tuple(e for c in exact for e in c.evidence))
        return None, exact[0].resolution, conflict
    if exact:
        return exact[0].resolution.license, exact[0].resolution, None
    return None, ranked[0].resolution, None


_ABSENT = Resolution(status=Status.ABSENT)  # nothing names a license (frozen: one serves every record)


def _license_url(claims: tuple[LicenseClaim, ...], lic: License | None) -> Evidence | None:
    """The first license URL a claim for the record's license gives."""
    if lic is None:
        return None
    for claim in claims:
        if claim.resolution.license == lic:
            for item in claim.evidence:
                if item.field == "license_url":
                    return item
    return None


def _fields(found: list[Evidence], source: Source | None) -> tuple[dict[str, str], dict[str, str]]:
    values: dict[str, str] = {}
    origins: dict[str, str] = {}
    firsts: dict[str, Evidence] = {}  # the first evidence with a value, per field (one pass)
    for item in found:
        if item.field not in firsts and item.field in RECORD_FIELDS and item.value.strip():
            firsts[item.field] = item
    for name in RECORD_FIELDS:
        first = firsts.get(name)
        if first:
            values[name], origins[name] = first.value.strip(), _label(first)
    page = next((i for i in found if i.field in PAGE_FIELDS and i.value.startswith(("http://", "https://"))
                 and not any(e.field == "license_url" and e.value == i.value for e in found)), None)
    if "source_url" not in values and page:
        values["source_url"], origins["source_url"] = page.value.strip(), f"{page.origin} ({page.name})"
    if "category" not in values and source and source.category:
        values["category"], origins["category"] = source.category, f"source-catalog:{source.id}"
    return values, origins


@lru_cache(maxsize=4096)  # resolve, rules and attribution ask about the same few names of a credit
def name_tokens(value: str) -> frozenset[str]:
    """'Jane Doe/AP' -> {'jane', 'doe', 'ap'}: accents, case and punctuation folded."""
    plain = value.casefold()
    if not plain.isascii():
        plain = unicodedata.normalize("NFKD", plain)
        plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return frozenset(t for t in _NON_WORD.split(plain) if t and t not in _NAME_NOISE)


def _creator_conflict(found: list[Evidence]) -> Conflict | None:
    """Two origins of the top rank whose creator names share no reading."""
    creators = [i for i in found if i.field == "creator" and rank(i.origin) < 2]
    if not creators:
        return None
    top = min(rank(i.origin) for i in creators)
    if len({i.origin for i in creators if rank(i.origin) == top}) < 2:  # one origin cannot disagree with itself
        return None
    by_origin: dict[str, frozenset[str]] = {}
    for item in creators:
        if rank(item.origin) == top:
            by_origin[item.origin] = by_origin.get(item.origin, frozenset()) | name_tokens(item.value)
    sets = [s for s in by_origin.values() if s]
    clash = any(not (a <= b or b <= a) for i, a in enumerate(sets) for b in sets[i + 1:])
    if not clash:
        return None
    return Conflict("creator", tuple(i for i in creators if rank(i.origin) == top))
