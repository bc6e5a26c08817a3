"""The rights verdict: an explicit all-rights-reserved statement with nothing on
record that grants the use raises `permission-required`."""

from __future__ import annotations

import re
from collections.abc import Callable

from provenance.catalog.sources import sources_named
from provenance.model import Evidence, Finding
from provenance.resolve.record import Resolved
from provenance.resolve.wording import rights_phrase
from provenance.rules.context import Context, cite, involved_sources, licence_decided
from provenance.rules.registry import make_finding

RESERVED_FAMILY = "rights-reserved"
# what a copyright notice says besides the holder's name: '© 2024 Reuters. All rights reserved.' -> 'Reuters'
_NOTICE_NOISE = re.compile(r"(?i)©|\(c\)|\bcopyright\b|\ball rights reserved\b|\b(?:19|20)\d\d\b")
# markup in a notice (hostile or pasted metadata: '"><b>Bold</b> © evil') is no part of the holder's name
_TAG = re.compile(r"<[^<>]*>")
# what stands around the name: spaces, a stop, an attribute's closing '">', a tag's '/>', a dash
_DEBRIS = " \t\r\n,.;:\"'<>/=|-–—*!?`"
HOLDER_FIELDS = frozenset({"copyright", "creator", "organization"})  # fields whose value names the holder
STATEMENT_FIELDS = frozenset({"copyright", "usage_terms", "caption", "description", "credit_line", "credit_text",
                              "license"})


def _statement(resolved: Resolved, ctx: Context) -> tuple[Evidence, str] | None:
    """The first evidence that reserves all rights, and the phrase by which it does."""
    read: set[str] = set()  # texts that reserve nothing (the fields of one credit share its text)
    for item in resolved.evidence:
        if item.origin == "source-catalog":
            continue
        for text in (item.value if item.field in STATEMENT_FIELDS else "", item.raw):
            if not text or text in read:  # an empty text reserves nothing either
                continue
            phrase = rights_phrase(text, ctx.catalog.languages)
            if phrase:
                return item, phrase
            read.add(text)
    lic = resolved.record.license
    origin = resolved.record.origins.get("license", "")
    if lic and lic.family == RESERVED_FAMILY and not lic.terms.editorial_only and "source-catalog" not in origin:
        return Evidence("license", lic.short_name, origin, "license"), lic.short_name
    return None


def _holder(statement: Evidence) -> str:
    """Who a notice names: '© 2024 Reuters. All rights reserved.' -> 'Reuters' ('' when only the phrase)."""
    name = re.sub(r"\s+", " ", _NOTICE_NOISE.sub(" ", _TAG.sub(" ", statement.value)))
    return name.strip(_DEBRIS)


def _granted(resolved: Resolved, ctx: Context, statement: Evidence) -> bool:
    """A public license, a licence recorded as a decision, a subscription to a source the credit or the notice names,
    or a source whose reserved terms the agency rule (agency-license-required) already weighs."""
    lic = resolved.record.license
    if lic is not None and lic.terms.open:
        return True
    if licence_decided(resolved):
        return True
    credited = involved_sources(resolved, ctx.catalog)
    if any(ctx.catalog.terms_of(s).rights_reserved for s in credited):
        return True
    holders = sources_named(ctx.catalog, _holder(statement))
    return any(s.id in ctx.profile.subscriptions for s in [*credited, *holders])


def _permission_required(resolved: Resolved, ctx: Context) -> Finding | None:
    found = _statement(resolved, ctx)
    if found is None or _granted(resolved, ctx, found[0]):
        return None
    item, phrase = found
    named = _holder(item) if item.field in HOLDER_FIELDS else ""
    holder = named if 0 < len(named) <= 80 else resolved.record.creator or resolved.record.organization or \
        "the rights holder"
    return make_finding("permission-required", cite([item]), statement=f"{item.name} says {phrase!r}",
                        holder=holder)


RIGHTS_RULES: tuple[Callable[[Resolved, Context], Finding | None], ...] = (_permission_required,)
