"""Check an article's text: every image credit, resolved, checked and attributed.

Pure: takes a string, returns dataclasses. Reading files is the caller's job.
"""

from __future__ import annotations

from dataclasses import dataclass

from .attribution import render_attribution
from .catalog import Catalog, default_catalog
from .credits import parse_credit
from .findings import make_finding
from .model import Attribution, Credit, Finding, Record, Resolution, Severity, Source, Status
from .rules import check_record, record_from_credit


@dataclass(frozen=True)
class CheckedItem:
    """One image credit of an article (or the absence of any), checked."""

    credit: Credit | None
    record: Record
    resolution: Resolution
    source: Source | None
    findings: tuple[Finding, ...]
    attribution: Attribution | None

    @property
    def has_error(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)


def check_text(
    text: str,
    catalog: Catalog | None = None,
    *,
    name: str = "the text",
    medium: str = "online",
    modified: str | None = None,
) -> list[CheckedItem]:
    """Check every image credit in an article; one item saying so when there is none."""
    catalog = catalog or default_catalog()
    credits = parse_credit(text, catalog)
    if not credits:
        finding = make_finding("missing-credit", where=f" in {name}")
        empty = Resolution(status=Status.ABSENT)
        return [CheckedItem(None, Record(), empty, None, (finding,), None)]
    return [check_credit(catalog, credit, medium=medium, modified=modified) for credit in credits]


def check_credit(
    catalog: Catalog, credit: Credit, *, medium: str = "online", modified: str | None = None
) -> CheckedItem:
    record, resolution, source = record_from_credit(catalog, credit)
    findings = tuple(check_record(record, resolution, source, credit.text))
    attribution = render_attribution(record, medium=medium, modified=modified)
    return CheckedItem(credit, record, resolution, source, findings, attribution)
