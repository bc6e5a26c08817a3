"""What every rule sees besides the record: the catalog, the usage profile,
where the image is published, and today's date. Plus small shared helpers."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.catalog.sources import sources_named
from provenance.model import Evidence, Source
from provenance.resolve.record import Resolved, decided, naming_sources

CREDIT_FIELDS = frozenset({"creator", "organization", "via", "license", "license_url"})


@dataclass(frozen=True)
class Context:
    catalog: Catalog
    profile: UsageProfile = field(default_factory=UsageProfile)
    where: str = ""
    in_article: bool = False  # the image as published with a caption (not an image file on its own)

    @property
    def today(self) -> datetime.date:
        """Today's date, read when a rule asks (one rule, on an image's license end date: a caption has none, and
        reading the clock for each of a long text's credits cost about 3 µs each)."""
        return datetime.date.today()


def cite(items: tuple[Evidence, ...] | list[Evidence]) -> str:
    """'caption: CC BY 4.0 (figcaption → credit); xmp: …' — the evidence a finding rests on."""
    return "; ".join(f"{i.origin}: {i.value} ({i.name})" for i in items)


def has_credit(resolved: Resolved) -> bool:
    for item in resolved.evidence:  # a loop: the first item is mostly a credit's field
        if item.field in CREDIT_FIELDS and item.origin != "source-catalog":
            return True
    return False


def caption_fields(resolved: Resolved) -> dict[str, list[Evidence]]:
    """The credit as published: evidence parsed from the caption, by field."""
    found: dict[str, list[Evidence]] = {}
    for item in resolved.evidence:
        if item.origin == "caption":
            found.setdefault(item.field, []).append(item)
    return found


def involved_sources(resolved: Resolved, catalog: Catalog) -> list[Source]:
    """Every catalog source the evidence names (organisations and platforms), in order, once; where a person
    decided the organisation, the other origins' organisations are not named (resolve.record.naming_sources)."""
    found: dict[str, Source] = {}
    if resolved.source:
        found[resolved.source.id] = resolved.source
    for item in naming_sources(resolved.evidence):  # a decided organisation replaces the others (not a via)
        for source in sources_named(catalog, item.value):
            found.setdefault(source.id, source)
    return list(found.values())


def licence_decided(resolved: Resolved) -> bool:
    """Whether a person recorded a licence for the image or use (a decision about its creator or organisation
    alone says nothing of the terms: it neither grants a use nor verifies per-file terms)."""
    return decided(resolved.evidence, "license")


def evidence_of(resolved: Resolved, field_name: str) -> list[Evidence]:
    return [e for e in resolved.evidence if e.field == field_name]


def vocabulary_code(value: str) -> str:
    """'http://ns.useplus.org/ldf/vocab/AL-CRP' -> 'AL-CRP'; a bare code stays as it is."""
    return value.strip().rstrip("/").rsplit("/", 1)[-1]
