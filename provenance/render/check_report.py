"""Checked items as JSON-ready dicts and as text for a terminal."""

from __future__ import annotations

from typing import Any

from provenance.catalog.licenses import describe
from provenance.catalog.profile import UsageProfile
from provenance.check import CheckedFile, CheckedItem, ImageFacts
from provenance.model import Evidence, License
from provenance.rules.registry import FINDINGS

_CREDIT_FIELDS = ("creator", "organization", "client", "via", "license", "license_url", "source_url", "category")
_RECORD_FIELDS = ("creator", "organization", "client", "via", "title", "source_url", "copyright", "category",
                  "license_url")
_TERM_LABELS = {
    "open": "public license",
    "attribution": "attribution",
    "license_link": "license link",
    "share_alike": "share-alike",
    "noncommercial": "noncommercial",
    "no_derivatives": "no derivatives",
    "indicate_changes": "indicate changes",
    "editorial_only": "editorial use only",
}


def license_dict(lic: License | None, port: str | None = None) -> dict[str, Any] | None:
    if lic is None:
        return None
    terms: dict[str, Any] = {name: getattr(lic.terms, name) for name in _TERM_LABELS}
    terms["attribution_requires"] = list(lic.terms.attribution_requires)
    return {"id": lic.id, "name": lic.name, "short_name": lic.short_name, "url": lic.url,
            "port": port, "terms": terms}


def profile_dict(profile: UsageProfile) -> dict[str, Any]:
    return {"name": profile.name, "file": profile.file, "commercial": profile.commercial,
            "editorial": profile.editorial, "medium": profile.medium, "lang": profile.lang,
            "subscriptions": sorted(profile.subscriptions), "modified": list(profile.modified)}


def evidence_dict(item: Evidence) -> dict[str, Any]:
    return {"field": item.field, "value": item.value, "origin": item.origin, "name": item.name,
            "lang": item.lang, "location": item.location}


def item_dict(item: CheckedItem) -> dict[str, Any]:
    credit = item.credit
    record = item.record
    return {
        "label": item.label,
        "src": item.src,
        "credit": _credit_dict(item) if credit or item.evidence else None,
        "record": {
            **{k: getattr(record, k) for k in _RECORD_FIELDS},
            "license": record.license.id if record.license else None,
            "noun": record.noun,  # what the attribution calls the image (licenses/lang/*.toml [nouns])
            "origins": dict(record.origins),
        },
        "license": license_dict(record.license, record.port),
        "license_status": license_status(item),
        "license_candidates": [c.id for c in item.resolution.candidates],
        "source": None if item.source is None else {
            "id": item.source.id, "name": item.source.name, "kind": item.source.kind, "terms": item.source.terms,
        },
        "origins": dict(record.origins),
        "conflicts": [{"field": c.field, "claims": [evidence_dict(e) for e in c.claims]}
                      for c in item.resolved.conflicts],
        "evidence": [evidence_dict(e) for e in item.evidence],
        "findings": [
            {"code": f.code, "severity": f.severity.value, "message": f.message, "evidence": f.evidence,
             "why": FINDINGS[f.code].why}
            for f in item.findings
        ],
        "attribution": None if item.attribution is None else {
            "text": item.attribution.text, "html": item.attribution.html, "markdown": item.attribution.markdown,
        },
    }


def _credit_dict(item: CheckedItem) -> dict[str, Any] | None:
    """The credit as written: the parsed credit of a plain text, else the first caption-derived values."""
    if item.credit is not None:
        credit = item.credit
        return {"text": credit.text, "start": credit.start, "end": credit.end,
                **{k: getattr(credit, k) for k in _CREDIT_FIELDS}}
    found = {k: next((e.value for e in item.evidence if e.field == k and e.origin == "caption"), None)
             for k in _CREDIT_FIELDS}
    return {"text": None, **found} if any(found.values()) else None


def file_dict(checked: CheckedFile) -> dict[str, Any]:
    """A checked file as JSON: what `check --json`, uploads and the API return."""
    if checked.error:
        return {"file": checked.name, "ok": False, "error": checked.error, "items": []}
    extra: dict[str, Any] = {"image": image_dict(checked.image)} if checked.image else {"problems": checked.problems}
    return {"file": checked.name, "kind": checked.kind, "ok": not checked.has_error,
            "page": [evidence_dict(e) for e in checked.page], **extra,
            "items": [item_dict(i) for i in checked.items]}


def image_dict(image: ImageFacts) -> dict[str, Any]:
    return {"format": image.format, "width": image.width, "height": image.height, "sha256": image.sha256,
            "size": image.size, "phash": image.phash, "problems": list(image.problems)}


def terms_text(lic: License) -> str:
    return ", ".join(_TERM_LABELS[name] for name in lic.terms.flags()) or "no conditions"


def item_lines(item: CheckedItem, number: int, total: int, show_evidence: bool = False,
               explain: bool = False) -> list[str]:
    if item.credit is not None:
        lines = [f"  image credit {number} of {total}: {item.credit.text}"]
    elif item.src:
        lines = [f"  image {number} of {total}: {item.src}"]
    else:
        lines = ["  no image credit" if not item.evidence else f"  image {number} of {total}"]
    for key in _RECORD_FIELDS:
        value = getattr(item.record, key)
        if value:
            lines.append(f"    {key.replace('_', ' '):<13} {value}  [{item.record.origins.get(key, '?')}]")
    if item.evidence or item.credit is not None:
        lines.extend(_license_lines(item))
    if show_evidence:
        lines.extend(_evidence_lines(item))
    lines.extend(_finding_lines(item, explain))
    if item.attribution:
        lines.append("    attribution")
        lines.append(f"      text      {item.attribution.text}")
        lines.append(f"      html      {item.attribution.html}")
        lines.append(f"      markdown  {item.attribution.markdown}")
    return lines


def _evidence_lines(item: CheckedItem) -> list[str]:
    lines = ["    evidence"]
    for e in item.evidence:
        lang = f" [{e.lang}]" if e.lang else ""
        lines.append(f"      {e.origin:<14} {e.name}{lang}: {e.field} = {e.value[:120]}")
    return lines


def license_status(item: CheckedItem) -> str:
    """How the licence was found: the resolution's status ('exact', 'mismatch', …), or 'conflicting' where no licence
    was taken because the evidence claims different ones (the caption's own name may still have matched exactly)."""
    if item.record.license is None and _claims_conflict(item):
        return "conflicting"
    return item.resolution.status.value


def _claims_conflict(item: CheckedItem) -> bool:
    """Whether the evidence claims different licences."""
    return any(c.field == "license" for c in item.resolved.conflicts)


def _license_lines(item: CheckedItem) -> list[str]:
    lic = item.record.license
    status = "conflicting claims" if _claims_conflict(item) else item.resolution.status.value
    if lic is None:
        return [f"    resolved      none ({status})"]
    origin = item.record.origins.get("license", "caption")
    how = f"default of {item.source.name} in the source catalog" if item.source and \
        origin.startswith("source-catalog") else f"{status} match, from {origin}"
    return [
        f"    resolved      {lic.id}: {describe(lic, item.record.port)} ({how})",
        f"    terms         {terms_text(lic)}",
    ]


def _finding_lines(item: CheckedItem, explain: bool = False) -> list[str]:
    if not item.findings:
        return ["    findings      none"]
    lines = ["    findings"]
    for f in item.findings:
        lines.append(f"      {f.severity.value.upper():<8} {f.code}: {f.message}")
        if explain:
            lines.append(f"               rule: {FINDINGS[f.code].why}")
            lines.append(f"               evidence: {f.evidence or 'none: raised by the absence of evidence'}")
    return lines


def file_text(checked: CheckedFile, show_evidence: bool = False, explain: bool = False) -> str:
    """A checked file as text for a terminal."""
    items = checked.items
    if checked.image:
        image = checked.image
        header = (f"{checked.name}: {image.format} {image.width}x{image.height}, "
                  f"sha256 {image.sha256[:16]}…, phash {image.phash}")
        header += "".join(f"\n  problem: {p}" for p in image.problems)
    else:
        credited = [i for i in items if i.attribution is not None]
        header = f"{checked.name}: {len(items)} item(s), {len(credited)} with a credit"
    lines = [header]
    for number, item in enumerate(items, 1):
        lines.extend(item_lines(item, number, len(items), show_evidence, explain))
    if not checked.image:
        lines.extend(f"  problem: {p}" for p in checked.problems)
    return "\n".join(lines)
