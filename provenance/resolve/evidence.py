"""Derived evidence: the credit fields hidden in caption-like evidence.

A figcaption, an IPTC Caption-Abstract or an EXIF UserComment may carry a
whole credit line; an IPTC Credit or schema.org creditText is one; a copyright
notice or XMP UsageTerms may name a license. `derive_evidence` adds what they
say as separate evidence that names the field it was read from.
"""

from __future__ import annotations

import re
from dataclasses import replace

from provenance.catalog.licenses import is_license_url, resolve_license
from provenance.catalog.load import Catalog
from provenance.catalog.sources import remembered
from provenance.model import LINKED_FIELDS, Credit, Evidence, Status
from provenance.parse.credit_fields import find_license_text, split_credit
from provenance.parse.credits import parse_credit

CAPTION_FIELDS = frozenset({"caption", "description"})
CREDIT_LINE_FIELDS = frozenset({"credit_line", "credit_text"})
_TITLE_QUOTE_FIX = re.compile(r"^(?=[^\"“„«「『']+[\"”“»」』']\s*,?\s+\w+\s)")  # the parser may drop the opening quote
CREDIT_FIELDS = ("creator", "organization", "via", "license", "license_url", "source_url", "category")


# '"Sunset" by Jane Doe', '„Abend“ von Jane Doe': the recommended title-author form (TASL)
_TITLED = re.compile(r"^[\"“„«「『']\s*(?P<title>[^\"“”„«»「」『』]{1,200}?)\s*[\"”“»」』']\s*,?\s+"
                     r"(?:by|von|de|par|di|por|przez|от)\s+(?P<name>\S.*)$", re.IGNORECASE)


def credit_location(credit: Credit) -> str:
    """Where a credit stands in its text, as its evidence says: 'chars 40-57'."""
    return f"chars {credit.start}-{credit.end}"


def credit_to_evidence(credit: Credit, origin: str, name: str, location: str = "") -> list[Evidence]:
    """One piece of evidence per field of a parsed credit, all sharing a location. A creator written
    '"Title" by Name' gives the title and the name as two pieces of evidence."""
    where = location or credit_location(credit)
    fields = {k: v for k, v in credit.fields().items() if v}
    titled = _TITLED.match(_TITLE_QUOTE_FIX.sub('"', fields.get("creator", "")))
    if titled:
        fields = {"title": titled.group("title"), **fields, "creator": titled.group("name").strip()}
    return [Evidence(field=key, value=value, origin=origin, name=name, raw=credit.text, location=where)
            for key, value in _client_apart(fields).items()]


def _client_apart(fields: dict[str, str]) -> dict[str, str]:
    """The fields the parser read, the client last and only where it is not the organisation: 'Jane Roe/Getty
    Images for Netflix' names the agency and its client Netflix; in 'Jane Roe for The Daily Ledger' nothing else is
    named and the client is the organisation (credit_fields._take_client), no client of its own."""
    client = fields.pop("client", None)
    if client and fields.get("organization") and fields["organization"] != client:
        fields["client"] = client
    return fields


# The form Creative Commons recommends: '“Sunset” by Jane Doe is licensed under CC BY 2.0.' (title, author,
# license, with or without a lead-in); read here when the credit grammar finds no credit in the text.
# Linear: each run of blanks is taken whole by one possessive quantifier, and the creator and the license start and
# end with a character that is no blank (the blanks around them are the pattern's, and both are stripped), so no run
# is split between two quantifiers; a creator or license of blanks alone is none. The optional rests of the creator
# and the license are lazy ('??'), so the shortest is tried first as the lazy runs did ('CC BY 2.0' before 'CC BY 2.0.'
# or 'CC BY 2.0. Taken in 2019', 'J' before 'J is'); a line's end closes the form after blanks that hold line breaks
# too: where the blanks taken whole end in no stop or line end, the form ends before the run's last line break.
_TASL = re.compile(
    r"[“\"„«]\s*+(?P<title>[^”“\"„«»\n]{1,200}?)\s*[”\"“»]\s++(?:by|von|par|de|di|por)\s++"
    r"(?P<creator>[^,.;()\[\]\s](?:[^,.;()\[\]\n]{0,98}?[^,.;()\[\]\s])??)(?:\s*+,\s++|\s++)(?:is\s++)?"
    r"licen[sc]ed\s++under\s++(?:the\s++|a\s++)?"
    r"(?P<license>[^;()\[\]\s](?:[^;()\[\]\n]*?[^;()\[\]\s])??(?:\.\d(?:[^;()\[\]\n]*?[^;()\[\]\s])??)?)"
    r"(?:\s*+\(\s*+(?P<url>https?://[^\s)]+)\s*+\))?"
    r"(?:\s*+(?:[.;]\s|[.;]?$)|(?:[^\S\n]*+\n(?=[^\S\n]*+\n))*+[^\S\n]*+(?=\n))",
    re.IGNORECASE | re.MULTILINE)
# The words every match of _TASL holds, looked for first (the same flags: no text without them can match).
_LICENSED_UNDER = re.compile(r"licen[sc]ed\s++under", re.IGNORECASE)


def tasl_credits(text: str, catalog: Catalog) -> list[tuple[Credit, str]]:
    """Every '“Title” by Author is licensed under License' in a text whose license the catalog knows,
    as (credit, title)."""
    found: list[tuple[Credit, str]] = []
    if _LICENSED_UNDER.search(text) is None:
        return found
    for match in _TASL.finditer(text):
        if resolve_license(catalog, match.group("license"), match.group("url")).status is Status.UNKNOWN:
            continue
        credit = Credit(text=match.group(0).strip(), start=match.start(), end=match.end(),
                        creator=match.group("creator").strip(), license=match.group("license").strip(),
                        license_url=match.group("url"))
        found.append((credit, match.group("title").strip()))
    return found


def tasl_evidence(credit: Credit, title: str, origin: str, name: str, location: str = "") -> list[Evidence]:
    """The evidence of a TASL credit: its fields and its title."""
    items = credit_to_evidence(credit, origin, name, location)
    where = items[0].location if items else location
    return [Evidence("title", title, origin, name, raw=credit.text, location=where), *items]


def derive_evidence(evidence: list[Evidence], catalog: Catalog) -> list[Evidence]:
    """The evidence plus what its caption-like and rights-text fields say (marked derived). What one item
    says depends on its field, value, origin and name only, and an archive repeats its items (an agency's
    Credit and Copyright Notice on every image it sent): remembered per catalog for short values."""
    out = list(evidence)
    # a caption or credit element with a linked twin is read from the twin (model.LINKED_FIELDS); the twin is
    # its element's by its text too: two credit elements of one figure may share their name and location
    twins = {(_UNLINKED[e.field], e.name, e.location, _unlinked(e.value)) for e in evidence if e.field in _UNLINKED}
    for item in evidence:
        if not item.derived and item.field in _DERIVING_FIELDS:  # a name or a license derives nothing
            if twins and (item.field, item.name, item.location, _unlinked(item.value)) in twins:
                continue
            key = (_UNLINKED.get(item.field, item.field), item.value, item.origin, item.name)
            out.extend(remembered(catalog, "derived-evidence-memo", key, _derived_items, limit=_DERIVED_MEMO_LIMIT))
    return out


_DERIVED_MEMO_LIMIT = 10_000
_LINK_ADDRESS = re.compile(r"<[^<>\s]+>")  # a link's address in a linked twin ('Anna Berg <https://…>')


def _unlinked(value: str) -> str:
    """A linked twin's text without its links' addresses: the text of the element it is the twin of."""
    return " ".join(_LINK_ADDRESS.sub(" ", value).split())


def _derived_items(catalog: Catalog, key: tuple[str, str, str, str]) -> tuple[Evidence, ...]:
    field, value, origin, name = key
    return tuple(replace(e, derived=True) for e in _derived(Evidence(field, value, origin, name), catalog))


# The fields _derived reads anything from.
_UNLINKED = {twin: field for field, twin in LINKED_FIELDS.items()}
_DERIVING_FIELDS = CAPTION_FIELDS | CREDIT_LINE_FIELDS | set(_UNLINKED) | {"copyright", "usage_terms", "web_statement",
                                                                           "acquire_license_page", "marked"}


def _derived(item: Evidence, catalog: Catalog) -> list[Evidence]:
    origin = "caption" if item.origin == "html" else item.origin
    name = f"{item.name} → credit"
    if item.field in CAPTION_FIELDS:
        credits = parse_credit(item.value, catalog)
        found: list[Evidence] = []
        for index, credit in enumerate(credits if isinstance(credits, list) else []):
            found.extend(credit_to_evidence(credit, origin, name, f"{item.name}#{index}"))
        for index, (credit, title) in enumerate([] if found else tasl_credits(item.value, catalog)):
            found.extend(tasl_evidence(credit, title, origin, name, f"{item.name}#{index}"))
        return found
    if item.field in CREDIT_LINE_FIELDS:
        return _credit_line(item, catalog, origin, name)
    if item.field in ("copyright", "usage_terms"):
        text = find_license_text(catalog, item.value)
        return [Evidence("license", text, item.origin, f"{item.name} → license", raw=item.value,
                         location=item.name)] if text else []
    if item.field in ("web_statement", "acquire_license_page") and is_license_url(catalog, item.value):
        return [Evidence("license_url", item.value, item.origin, item.name, raw=item.value, location=item.name)]
    if item.field == "marked" and item.value.strip().casefold() == "false":
        return [Evidence("license", "Public domain", item.origin, f"{item.name}=False", raw=item.value)]
    return []


def _credit_line(item: Evidence, catalog: Catalog, origin: str, name: str) -> list[Evidence]:
    """An IPTC Credit, schema.org creditText or a credit element: a credit line, with or
    without a lead-in."""
    credits = parse_credit(item.value, catalog)
    if isinstance(credits, list) and credits:
        return [e for i, c in enumerate(credits) for e in credit_to_evidence(c, origin, name, f"{item.name}#{i}")]
    fields = _client_apart(split_credit(catalog, item.value))
    return [Evidence(k, v, origin, name, raw=item.value, location=item.name) for k, v in fields.items() if v]
