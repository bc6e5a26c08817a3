"""Text meant to deceive a reader, caught before any rule reads it.

Every value of the evidence loses its hidden characters (controls, zero-width
characters, direction overrides and isolates), with a `hidden-characters`
finding. A license written with look-alike characters ('CC BY 4.O', Cyrillic
'СС BY') gets a `lookalike-license` finding, and the license read from that
credit is dropped, so that it can never pass as the license it imitates.
"""

from __future__ import annotations

from dataclasses import replace

from provenance.catalog.names import HIDDEN, lookalike_reason, strip_hidden
from provenance.model import Evidence, Finding
from provenance.rules.registry import make_finding

# Fields where a license name may be written (the raw credit is judged for the fields read from it).
LICENSE_FIELDS = frozenset({"license", "caption", "credit_line", "usage_terms", "copyright", "web_statement"})


def screen_evidence(evidence: list[Evidence]) -> tuple[list[Evidence], list[Finding]]:
    """The evidence cleaned of hidden characters and deceptive licenses, and the findings saying so."""
    findings: list[Finding] = []
    spoofed: set[tuple[str, str]] = set()
    judged: dict[str, str | None] = {}  # the fields of one credit share its text: judge it once
    for item in evidence:
        reason, text = _lookalike(item, judged)
        if reason and (item.origin, item.name) not in spoofed:
            spoofed.add((item.origin, item.name))
            findings.append(make_finding("lookalike-license", _shown(item), value=strip_hidden(text)[0],
                                         name=item.name, reason=reason))
    if not spoofed and _all_visible(evidence):  # the common case: nothing to drop or clean
        return list(evidence), findings
    cleaned = [c for c in (_clean(item, findings) for item in evidence if not _dropped(item, spoofed)) if c]
    if not any(f.code == "hidden-characters" for f in findings):
        findings.extend(_hidden_in_credit(evidence))
    return cleaned, findings


def _all_visible(evidence: list[Evidence]) -> bool:
    """No value and no credit text read holds a hidden character (one scan of them all; a line break is none)."""
    return not HIDDEN.search("\n".join(f"{item.value}\n{item.raw}" for item in evidence))


def _hidden_in_credit(evidence: list[Evidence]) -> list[Finding]:
    """Hidden characters in the credit a value was read from, where the value itself came out clean
    (an escape sequence that made the parser leave a name out)."""
    seen: set[str] = set()
    for item in evidence:
        if not item.raw or item.raw == item.value or item.raw in seen:
            continue
        seen.add(item.raw)
        removed = strip_hidden(item.raw)[1]
        if removed:
            return [make_finding("hidden-characters", _shown(item), field="credit", name=item.name,
                                 chars=", ".join(removed))]
    return []


def _lookalike(item: Evidence, judged: dict[str, str | None]) -> tuple[str | None, str]:
    """Why this value (or the credit it was read from) spells a license deceptively, and that text."""
    if item.field in LICENSE_FIELDS and (reason := lookalike_reason(item.value)):
        return reason, item.value
    if not item.raw or item.raw == item.value:
        return None, ""
    if item.raw not in judged:
        judged[item.raw] = lookalike_reason(item.raw)
    return judged[item.raw], item.raw


def _dropped(item: Evidence, spoofed: set[tuple[str, str]]) -> bool:
    """The license of a deceptive credit, and the stray 'O' a credit parser splits off '4.O'."""
    if (item.origin, item.name) not in spoofed:
        return False
    return item.field == "license" or (item.field == "organization" and len(strip_hidden(item.value)[0]) <= 1)


def _clean(item: Evidence, findings: list[Finding]) -> Evidence | None:
    value, removed = strip_hidden(item.value)
    if not removed:
        return item
    findings.append(make_finding("hidden-characters", _shown(item), field=item.field, name=item.name,
                                 chars=", ".join(removed)))
    return replace(item, value=value) if value.strip() else None


def _shown(item: Evidence) -> str:
    return f"{item.origin}: {strip_hidden(item.value)[0]} ({item.name})"
