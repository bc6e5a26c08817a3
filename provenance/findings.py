"""The finding codes: a table of code -> severity and message template.

Codes are stable: reports, the API and pipelines (--fail-on) key on them.
`error` blocks publication, `warning` needs a look, `info` is for the record.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Finding, Severity


@dataclass(frozen=True)
class FindingKind:
    severity: Severity
    title: str
    template: str


FINDINGS: dict[str, FindingKind] = {
    "missing-credit": FindingKind(
        Severity.ERROR,
        "No image credit",
        "No image credit was found{where}. Every published image needs a credit line "
        "naming who made it and under what terms it is used.",
    ),
    "missing-license": FindingKind(
        Severity.WARNING,
        "No license",
        "The credit names no license and the source catalog gives no default for it. "
        "Find out under what terms the image may be used.{hint}",
    ),
    "unknown-license": FindingKind(
        Severity.WARNING,
        "Unknown license",
        "The license {value!r} is not in the catalog. Check its terms by hand, or add it "
        "to licenses/ if it is a real license.",
    ),
    "ambiguous-license": FindingKind(
        Severity.WARNING,
        "Ambiguous license",
        "{value!r} fits several licenses ({candidates}). Name the exact license and "
        "version, or give its URL.",
    ),
    "conflicting-evidence": FindingKind(
        Severity.ERROR,
        "Sources disagree",
        "The evidence disagrees — {details}. Find out which is right and record a decision.",
    ),
    "license-mismatch": FindingKind(
        Severity.ERROR,
        "License name and URL disagree",
        "The credit names {named} but links {linked}. Find out which one is right "
        "before publishing.",
    ),
}


def make_finding(code: str, evidence: str = "", **values: object) -> Finding:
    """A finding from the table, its message filled in with `values`."""
    kind = FINDINGS[code]
    return Finding(
        code=code,
        severity=kind.severity,
        message=kind.template.format(**values),
        evidence=evidence,
    )
