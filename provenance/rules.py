"""From a parsed credit to a record, and the checks that apply to it.

`record_from_credit` fills each field from the credit, or from the source
catalog where the credit is silent, and notes the origin of each field.
`check_record` returns the findings; each rule is one small function in RULES.
"""

from __future__ import annotations

from collections.abc import Callable

from .catalog import Catalog
from .findings import make_finding
from .licenses import describe, resolve_license
from .model import Credit, Finding, Record, Resolution, Source, Status
from .sources import match_domain, match_source

CAPTION = "caption"
SOURCE_CATALOG = "source-catalog"


def credit_source(catalog: Catalog, credit: Credit) -> Source | None:
    """The catalog source a credit names: its organisation, its platform or its URL."""
    names = [*(credit.organization or "").split("/"), credit.via or ""]
    for name in names:
        found = match_source(catalog, name.strip())
        if found:
            return found
    return match_domain(catalog, credit.source_url) if credit.source_url else None


def record_from_credit(catalog: Catalog, credit: Credit) -> tuple[Record, Resolution, Source | None]:
    """The record of one credited image, the license resolution and the source."""
    resolution = resolve_license(catalog, credit.license, credit.license_url)
    source = credit_source(catalog, credit)
    values = {k: v for k, v in credit.fields().items() if v and k != "license"}
    origins = {k: CAPTION for k in values}
    lic = resolution.license if resolution.status is Status.EXACT else None
    if lic:
        origins["license"] = CAPTION
    elif resolution.status is Status.ABSENT and source and source.license:
        lic = catalog.license(source.license)
        origins["license"] = f"{SOURCE_CATALOG}:{source.id}"
    if "category" not in values and source and source.category:
        values["category"] = source.category
        origins["category"] = f"{SOURCE_CATALOG}:{source.id}"
    return Record(license=lic, port=resolution.port, origins=origins, **values), resolution, source


Rule = Callable[[Record, Resolution, Source | None, str], Finding | None]


def _missing_license(record: Record, res: Resolution, source: Source | None, ev: str) -> Finding | None:
    if res.status is not Status.ABSENT or record.license:
        return None
    hint = f" {source.name}: {source.note}" if source and source.note else ""
    return make_finding("missing-license", ev, hint=hint)


def _unknown_license(record: Record, res: Resolution, source: Source | None, ev: str) -> Finding | None:
    if res.status is not Status.UNKNOWN:
        return None
    return make_finding("unknown-license", ev, value=res.text or res.url)


def _ambiguous_license(record: Record, res: Resolution, source: Source | None, ev: str) -> Finding | None:
    if res.status is not Status.AMBIGUOUS:
        return None
    names = ", ".join(c.short_name for c in res.candidates[:6])
    more = f" and {len(res.candidates) - 6} more" if len(res.candidates) > 6 else ""
    return make_finding("ambiguous-license", ev, value=res.text, candidates=names + more)


def _license_mismatch(record: Record, res: Resolution, source: Source | None, ev: str) -> Finding | None:
    if res.status is not Status.MISMATCH:
        return None
    named = describe(res.by_text) if res.by_text else repr(res.text)
    linked = f"{describe(res.by_url)} ({res.url})" if res.by_url else f"{res.url}, which is no known license"
    return make_finding("license-mismatch", ev, named=named, linked=linked)


RULES: tuple[Rule, ...] = (_missing_license, _unknown_license, _ambiguous_license, _license_mismatch)


def check_record(record: Record, resolution: Resolution, source: Source | None, evidence: str) -> list[Finding]:
    """Every finding the rules raise for one record."""
    found = (rule(record, resolution, source, evidence) for rule in RULES)
    return [f for f in found if f is not None]
