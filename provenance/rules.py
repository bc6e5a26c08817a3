"""The checks that apply to a resolved record: one small function per rule,
registered in RULES. Each returns a Finding (with the evidence it rests on) or None.
"""

from __future__ import annotations

from collections.abc import Callable

from .findings import make_finding
from .licenses import describe
from .model import Evidence, Finding, Status
from .resolve import Resolved

CREDIT_FIELDS = frozenset({"creator", "organization", "via", "license", "license_url"})


def cite(items: tuple[Evidence, ...] | list[Evidence]) -> str:
    """'caption: CC BY 4.0 (figcaption → credit); xmp: … ' — the evidence a finding rests on."""
    return "; ".join(f"{i.origin}: {i.value} ({i.name})" for i in items)


def has_credit(resolved: Resolved) -> bool:
    return any(e.field in CREDIT_FIELDS and e.origin != "source-catalog" for e in resolved.evidence)


def _missing_credit(resolved: Resolved, where: str) -> Finding | None:
    if has_credit(resolved):
        return None
    return make_finding("missing-credit", "", where=where)


def _missing_license(resolved: Resolved, where: str) -> Finding | None:
    if resolved.resolution.status is not Status.ABSENT or resolved.record.license or not has_credit(resolved):
        return None
    source = resolved.source
    hint = f" {source.name}: {source.note}" if source and source.note else ""
    credit = [e for e in resolved.evidence if e.field in CREDIT_FIELDS]
    return make_finding("missing-license", cite(credit[:3]), hint=hint)


def _unknown_license(resolved: Resolved, where: str) -> Finding | None:
    unknown = [c for c in resolved.claims if c.resolution.status is Status.UNKNOWN]
    if not unknown or resolved.record.license:
        return None
    res = unknown[0].resolution
    return make_finding("unknown-license", cite(unknown[0].evidence), value=res.text or res.url)


def _ambiguous_license(resolved: Resolved, where: str) -> Finding | None:
    vague = [c for c in resolved.claims if c.resolution.status is Status.AMBIGUOUS]
    if not vague or resolved.record.license:
        return None
    res = vague[0].resolution
    names = ", ".join(c.short_name for c in res.candidates[:6])
    more = f" and {len(res.candidates) - 6} more" if len(res.candidates) > 6 else ""
    return make_finding("ambiguous-license", cite(vague[0].evidence), value=res.text, candidates=names + more)


def _license_mismatch(resolved: Resolved, where: str) -> Finding | None:
    bad = [c for c in resolved.claims if c.resolution.status is Status.MISMATCH]
    if not bad:
        return None
    res = bad[0].resolution
    named = describe(res.by_text) if res.by_text else repr(res.text)
    linked = f"{describe(res.by_url)} ({res.url})" if res.by_url else f"{res.url}, which is no known license"
    return make_finding("license-mismatch", cite(bad[0].evidence), named=named, linked=linked)


def _conflicting_evidence(resolved: Resolved, where: str) -> Finding | None:
    if not resolved.conflicts:
        return None
    parts = []
    for conflict in resolved.conflicts:
        said = "; ".join(f"{c.origin} ({c.name}) says {c.value!r}" for c in conflict.claims)
        parts.append(f"{conflict.field}: {said}")
    evidence = [c for conflict in resolved.conflicts for c in conflict.claims]
    return make_finding("conflicting-evidence", cite(evidence), details=". ".join(parts))


Rule = Callable[[Resolved, str], Finding | None]
RULES: tuple[Rule, ...] = (
    _missing_credit, _missing_license, _unknown_license, _ambiguous_license, _license_mismatch,
    _conflicting_evidence,
)


def check_record(resolved: Resolved, where: str = "") -> list[Finding]:
    """Every finding the rules raise for one resolved record."""
    found = (rule(resolved, where) for rule in RULES)
    return [f for f in found if f is not None]
