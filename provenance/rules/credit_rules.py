"""The checks that apply to a resolved record: one small function per rule,
registered in RULES. Each returns a Finding (with the evidence it rests on) or None.
Credit and license rules live here; usage-profile rules in usage_rules.
"""

from __future__ import annotations

from collections.abc import Callable

from provenance.catalog.licenses import describe
from provenance.model import Evidence, Finding, Status
from provenance.resolve.record import Resolved
from provenance.rules.context import CREDIT_FIELDS, Context, caption_fields, cite, has_credit
from provenance.rules.registry import make_finding
from provenance.rules.rights_rules import RIGHTS_RULES
from provenance.rules.usage_rules import USAGE_RULES

Rule = Callable[[Resolved, Context], Finding | None]


def _missing_credit(resolved: Resolved, ctx: Context) -> Finding | None:
    if has_credit(resolved) or not ctx.profile.credit_required:
        return None
    return make_finding("missing-credit", "", where=ctx.where)


def _missing_license(resolved: Resolved, ctx: Context) -> Finding | None:
    """Every image without a resolved license, whatever else it lacks: the archive's main question."""
    if resolved.record.license:
        return None
    source = resolved.source
    hint = f" {source.name}: {source.note}" if source and source.note else ""
    credit = [e for e in resolved.evidence if e.field in CREDIT_FIELDS]
    return make_finding("missing-license", cite(credit[:3]) or "no credit, license or rights metadata",
                        what=_why_no_license(resolved), hint=hint)


def _why_no_license(resolved: Resolved) -> str:
    status = resolved.resolution.status
    if resolved.conflicts and any(c.field == "license" for c in resolved.conflicts):
        return "The evidence names different licenses, so none applies yet."
    if status is Status.UNKNOWN or status is Status.AMBIGUOUS or status is Status.MISMATCH:
        return "The license named cannot be resolved to one catalog entry."
    if has_credit(resolved):
        return "The credit names no license and the source catalog gives no default for it."
    return "Nothing names a license: no credit, no rights metadata, no known source."


def _unknown_license(resolved: Resolved, ctx: Context) -> Finding | None:
    unknown = [c for c in resolved.claims if c.resolution.status is Status.UNKNOWN]
    if not unknown or resolved.record.license:
        return None
    res = unknown[0].resolution
    return make_finding("unknown-license", cite(unknown[0].evidence), value=res.text or res.url)


def _ambiguous_license(resolved: Resolved, ctx: Context) -> Finding | None:
    vague = [c for c in resolved.claims if c.resolution.status is Status.AMBIGUOUS]
    if not vague or resolved.record.license:
        return None
    res = vague[0].resolution
    names = ", ".join(c.short_name for c in res.candidates[:6])
    more = f" and {len(res.candidates) - 6} more" if len(res.candidates) > 6 else ""
    return make_finding("ambiguous-license", cite(vague[0].evidence), value=res.text, candidates=names + more)


def _license_mismatch(resolved: Resolved, ctx: Context) -> Finding | None:
    bad = [c for c in resolved.claims if c.resolution.status is Status.MISMATCH]
    if not bad:
        return None
    res = bad[0].resolution
    named = describe(res.by_text) if res.by_text else repr(res.text)
    linked = f"{describe(res.by_url)} ({res.url})" if res.by_url else f"{res.url}, which is no known license"
    return make_finding("license-mismatch", cite(bad[0].evidence), named=named, linked=linked)


def _conflicting_evidence(resolved: Resolved, ctx: Context) -> Finding | None:
    if not resolved.conflicts:
        return None
    parts = [f"{conflict.field}: {_claims_said(conflict.claims)}" for conflict in resolved.conflicts]
    evidence = [c for conflict in resolved.conflicts for c in conflict.claims]
    return make_finding("conflicting-evidence", cite(evidence), details=". ".join(parts))


def _claims_said(claims: tuple[Evidence, ...]) -> str:
    """Each origin's value once, with every field that gave it ("caption (span.credit → credit; figcaption →
    credit) says 'Anna Berg'"), in the order the claims came."""
    names: dict[tuple[str, str], list[str]] = {}
    for claim in claims:
        said = names.setdefault((claim.origin, claim.value), [])
        if claim.name not in said:
            said.append(claim.name)
    return "; ".join(f"{origin} ({'; '.join(fields)}) says {value!r}" for (origin, value), fields in names.items())


# element of attribution_requires -> the caption fields that satisfy it
ELEMENTS = {
    "creator": (("creator", "organization"), "the creator"),
    "organization": (("organization",), "the agency or organisation"),
    "license": (("license",), "the license name"),
    "license_url": (("license_url",), "the license link"),
    "source": (("via", "organization", "source_url"), "the source"),
    "title": (("title",), "the title"),
}


def _attribution_incomplete(resolved: Resolved, ctx: Context) -> Finding | None:
    lic = resolved.record.license
    if not ctx.in_article or lic is None or not lic.terms.attribution or not has_credit(resolved):
        return None
    required = [e for e in lic.terms.attribution_requires if e in ELEMENTS]
    if lic.family in ctx.profile.license_url_required_for and "license_url" not in required:
        required.append("license_url")
    # a license the caption names or links that is not the record's (a decision outranked it) is no license name
    # or link of this license: the published caption has to be changed
    stale = [e for c in resolved.claims if c.origin == "caption" and c.resolution.license != lic for e in c.evidence]
    written = {e.field for e in resolved.evidence if e.origin == "caption" and e not in stale}
    missing = [e for e in required if written.isdisjoint(ELEMENTS[e][0])]
    if not missing:
        return None
    shown = [e for fields in caption_fields(resolved).values() for e in fields]
    known = [ELEMENTS[e][1] for e in missing if _known(resolved, e)]
    unknown = [ELEMENTS[e][1] for e in missing if not _known(resolved, e)]
    names = [ELEMENTS[e][1] for e in missing]
    named = next((e.value for e in stale if e.field == "license"), None)
    if named and "license" in missing:
        names[missing.index("license")] += f" (it names {named})"
    return make_finding("attribution-incomplete", cite(shown) or "no credit in the caption",
                        license=lic.short_name, missing=", ".join(names),
                        supplied=f" The attribution below supplies {', '.join(known)}." if known else "",
                        unknown=f" Nothing on record gives {', '.join(unknown)}: find it before publishing."
                        if unknown else "")


def _known(resolved: Resolved, element: str) -> bool:
    """Whether the record holds an element, so the attribution can supply it."""
    record = resolved.record
    if element == "license_url":
        return bool(record.license and record.license.url)
    if element == "license":
        return record.license is not None
    return any(getattr(record, f, None) for f in ELEMENTS[element][0])


CREDIT_RULES: tuple[Rule, ...] = (
    _missing_credit, _unknown_license, _ambiguous_license, _license_mismatch, _conflicting_evidence,
    _missing_license, _attribution_incomplete,
)
RULES: tuple[Rule, ...] = CREDIT_RULES + RIGHTS_RULES + USAGE_RULES

# The rules whose finding for a caption credit depends on nothing but its organisation, platform, license, license
# link, source, category, title, client and copyright, whether it names a creator, the noun of its lead-in, the
# catalog and the profile: check._split_check remembers their findings for credits alike in all of these.
# conflicting-evidence reads a creator conflict's names, but a caption credit has one origin, so none (a check
# that has one is never remembered); license-expired reads today's date, but only for an image's license end date,
# which no caption credit has; credit-line-required reads whether the caption names a creator, not who.
ORGANISATION_RULES: frozenset[Rule] = frozenset({
    _unknown_license, _ambiguous_license, _license_mismatch, _conflicting_evidence, *USAGE_RULES})
# The rules that decide whether to raise on the same reads, but whose finding names the credit's creator or the
# item's label: run again for each credit only where the remembered check raised them. missing-credit names the
# label (ctx.where) and raises only where nothing names a creator, organisation, platform or license;
# missing-license cites the credit's first three fields (the creator's value among them) and raises only where no
# license was resolved; attribution-incomplete cites every field of the caption and raises only where the license
# asks for an element no field of the caption gives (which fields, not their values; a caption's license that is not
# the record's counts as none, which only a decision brings about, and a caption credit has none).
# Every other rule reads a credit's names in deciding (permission-required searches each field's credit text,
# `raw`, the whole credit as written, for a rights phrase) and is run for each credit, as is a new rule until it
# is listed here (with what it reads, and cases in tests/test_check_shared.py).
RAISED_NAMES_RULES: frozenset[Rule] = frozenset({_missing_credit, _missing_license, _attribution_incomplete})


def check_record(resolved: Resolved, ctx: Context) -> list[Finding]:
    """Every finding the rules raise for one resolved record."""
    findings = []
    for rule in RULES:  # a plain loop: 19 rules a record, most of them raising nothing
        finding = rule(resolved, ctx)
        if finding is not None:
            findings.append(finding)
    return findings
