"""Rules that weigh the record against how the publication uses the image
(the usage profile) and against the terms the image itself carries."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from provenance.model import Finding, Severity
from provenance.resolve.record import Resolved
from provenance.rules.context import (
    Context,
    caption_fields,
    cite,
    evidence_of,
    involved_sources,
    licence_decided,
    vocabulary_code,
)
from provenance.rules.registry import make_finding

PUBLIC_DOMAIN_FAMILY = "public-domain"
CREDIT_NOT_REQUIRED = "CR-NRQ"
NOTICE_WORDS = ("editorial use only", "editorial only", "for editorial use")


def _adaptations(ctx: Context) -> str:
    """The use's adaptations of the image, as a finding names them ('cropped, retouched'); '' for none."""
    changes = [ctx.catalog.changes[c] for c in ctx.profile.modified if c in ctx.catalog.changes]
    return ", ".join(c.label for c in changes if c.adaptation)


def _noncommercial(resolved: Resolved, ctx: Context) -> Finding | None:
    lic = resolved.record.license
    if lic is None or not lic.terms.noncommercial or not ctx.profile.commercial:
        return None
    return make_finding("noncommercial-use", f"license: {lic.id}; profile: {ctx.profile.name}",
                        license=lic.short_name, profile=repr(ctx.profile.name))


def _no_derivatives(resolved: Resolved, ctx: Context) -> Finding | None:
    lic = resolved.record.license
    if lic is None or not lic.terms.no_derivatives or not (changes := _adaptations(ctx)):
        return None
    return make_finding("no-derivatives-modified", f"license: {lic.id}; changes: {changes}", license=lic.short_name,
                        changes=changes)


def _share_alike(resolved: Resolved, ctx: Context) -> Finding | None:
    lic = resolved.record.license
    if lic is None or not lic.terms.share_alike or not (changes := _adaptations(ctx)):
        return None
    names = [ctx.catalog.licenses[i].short_name for i in lic.share_alike_compatible] or [lic.short_name]
    return make_finding("share-alike-obligation", f"license: {lic.id}; changes: {changes}", license=lic.short_name,
                        changes=changes, compatible=" or ".join(names))


def _editorial_only(resolved: Resolved, ctx: Context) -> Finding | None:
    reasons = []
    lic = resolved.record.license
    if lic and lic.terms.editorial_only:
        reasons.append(f"the terms ({lic.short_name})")
    category = ctx.catalog.categories.get(resolved.record.category or "")
    if category and category.editorial_only:
        reasons.append(f"the usage-rights category ({category.name})")
    notes = [e for e in evidence_of(resolved, "instructions") if any(w in e.value.casefold() for w in NOTICE_WORDS)]
    reasons.extend(f"the image's own instructions ({e.name}: {e.value!r})" for e in notes[:1])
    if not reasons:
        return None
    severity = Severity.INFO if ctx.profile.editorial else Severity.ERROR
    reason = "Editorial use only, by " + " and ".join(reasons)
    return make_finding("editorial-only", cite(notes) or reason, severity=severity, reason=reason)


def _agency(resolved: Resolved, ctx: Context) -> Finding | None:
    lic = resolved.record.license
    if lic is not None and lic.terms.open:
        return None
    agencies = [s for s in involved_sources(resolved, ctx.catalog) if ctx.catalog.terms_of(s).rights_reserved]
    if not agencies:
        return None
    names = ", ".join(s.name for s in agencies)
    subscribed = [s.name for s in agencies if s.id in ctx.profile.subscriptions]
    if subscribed:
        return make_finding("agency-license-required", f"sources: {names}", severity=Severity.INFO,
                            agencies=names, status=f"Covered by the subscription to {', '.join(subscribed)}.")
    return make_finding("agency-license-required", f"sources: {names}", agencies=names,
                        status="The usage profile subscribes to none of them.")


def _needs_verification(resolved: Resolved, ctx: Context) -> Finding | None:
    reasons = _unverified_sources(resolved, ctx)
    lic = resolved.record.license
    if lic is not None and lic.versions:
        reasons.append(f"the credit names {lic.short_name} without its version, and the versions differ in wording, "
                       "link and terms: find the version (on the file page, or the license link)")
    category = ctx.catalog.categories.get(resolved.record.category or "")
    if category and category.needs_verification:
        reasons.append(f"{category.name.lower()}: {category.description}")
    for item in evidence_of(resolved, "c2pa_validation"):
        if item.value == "invalid":
            reasons.append(f"the C2PA manifest is invalid ({item.raw})")
    if not licence_decided(resolved):
        reasons.extend(dict.fromkeys(item.value for item in evidence_of(resolved, "unverified")))
    if not reasons:
        return None
    return make_finding("needs-verification", "; ".join(reasons), reasons="; ".join(reasons))


def _unverified_sources(resolved: Resolved, ctx: Context) -> list[str]:
    """Per-file sources (Commons, Flickr…) whose license nothing but the caption vouches for."""
    lic = resolved.record.license
    involved = involved_sources(resolved, ctx.catalog)
    per_file = [s for s in involved if ctx.catalog.terms_of(s).per_file]
    if not per_file or licence_decided(resolved):
        return []
    if lic is not None:
        embedded = any(c.origin not in ("caption", "html", "source-catalog") and c.resolution.license == lic
                       for c in resolved.claims)
        by_site = any(s.license == lic.id and ctx.catalog.terms_of(s).site_license for s in involved)
        if embedded or by_site:
            return []
    return [f"{s.name} gives each file its own terms; look this file up ({s.note or 'per-file terms'})"
            for s in per_file]


def _public_domain(resolved: Resolved, ctx: Context) -> Finding | None:
    lic = resolved.record.license
    if lic is None or lic.family != PUBLIC_DOMAIN_FAMILY:
        return None
    return make_finding("public-domain", f"license: {lic.id} ({resolved.record.origins.get('license')})",
                        license=lic.short_name)


def _license_expired(resolved: Resolved, ctx: Context) -> Finding | None:
    for item in evidence_of(resolved, "license_end_date"):
        try:
            end = datetime.date.fromisoformat(item.value.strip()[:10])
        except ValueError:
            continue
        if end < ctx.today:
            return make_finding("license-expired", cite([item]), date=end.isoformat(), name=item.name)
    return None


def _alteration_constraint(resolved: Resolved, ctx: Context) -> Finding | None:
    made = [ctx.catalog.changes[c] for c in ctx.profile.modified if c in ctx.catalog.changes]
    if not made:  # the publication changes nothing: no constraint to read
        return None
    constraints = {vocabulary_code(e.value): e for e in evidence_of(resolved, "alteration_constraints")}
    broken = [c for c in made if c.plus and c.plus in constraints]
    if not broken:
        return None
    forbidden = ", ".join(f"{c.label} ({c.plus})" for c in broken)
    return make_finding("alteration-constraint", cite([constraints[c.plus or ""] for c in broken]),
                        forbidden=forbidden)


def _credit_line_required(resolved: Resolved, ctx: Context) -> Finding | None:
    required = [e for e in evidence_of(resolved, "credit_line_required")
                if vocabulary_code(e.value) != CREDIT_NOT_REQUIRED]
    if not required or not ctx.in_article:
        return None
    caption = caption_fields(resolved)
    if caption.get("creator") or caption.get("organization"):
        return None
    return make_finding("credit-line-required", cite(required), value=vocabulary_code(required[0].value))


def _synthetic_media(resolved: Resolved, ctx: Context) -> Finding | None:
    for item in evidence_of(resolved, "digital_source_type"):
        kind = ctx.catalog.digital_source_types.get(vocabulary_code(item.value))
        if kind and kind.kind != "capture":
            what = f"The image is declared {kind.label}"
            return make_finding("synthetic-media", cite([item]), what=what, origin=f"{item.origin} {item.name}")
    return None


USAGE_RULES: tuple[Callable[[Resolved, Context], Finding | None], ...] = (
    _noncommercial, _no_derivatives, _share_alike, _editorial_only, _agency, _needs_verification,
    _public_domain, _license_expired, _alteration_constraint, _credit_line_required, _synthetic_media,
)
