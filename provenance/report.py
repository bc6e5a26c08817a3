"""Checked items as JSON-ready dicts and as text for a terminal."""

from __future__ import annotations

from typing import Any

from .check import CheckedItem
from .licenses import describe
from .model import License

_CREDIT_FIELDS = ("creator", "organization", "via", "license", "license_url", "source_url", "category")
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
    terms = {name: getattr(lic.terms, name) for name in _TERM_LABELS}
    terms["attribution_requires"] = list(lic.terms.attribution_requires)
    return {"id": lic.id, "name": lic.name, "short_name": lic.short_name, "url": lic.url,
            "port": port, "terms": terms}


def item_dict(item: CheckedItem) -> dict[str, Any]:
    credit = item.credit
    return {
        "credit": None if credit is None else {
            "text": credit.text, "start": credit.start, "end": credit.end,
            **{k: getattr(credit, k) for k in _CREDIT_FIELDS},
        },
        "license": license_dict(item.record.license, item.record.port),
        "license_status": item.resolution.status.value,
        "license_candidates": [c.id for c in item.resolution.candidates],
        "source": None if item.source is None else {
            "id": item.source.id, "name": item.source.name, "kind": item.source.kind,
            "terms": item.source.terms,
        },
        "origins": dict(item.record.origins),
        "findings": [
            {"code": f.code, "severity": f.severity.value, "message": f.message, "evidence": f.evidence}
            for f in item.findings
        ],
        "attribution": None if item.attribution is None else {
            "text": item.attribution.text, "html": item.attribution.html,
            "markdown": item.attribution.markdown,
        },
    }


def file_dict(path: str, items: list[CheckedItem]) -> dict[str, Any]:
    return {"file": path, "ok": not any(i.has_error for i in items),
            "items": [item_dict(i) for i in items]}


def terms_text(lic: License) -> str:
    return ", ".join(_TERM_LABELS[name] for name in lic.terms.flags()) or "no conditions"


def item_lines(item: CheckedItem, number: int, total: int) -> list[str]:
    if item.credit is None:
        lines = ["  no image credit"]
    else:
        lines = [f"  image credit {number} of {total}: {item.credit.text}"]
        for key in _CREDIT_FIELDS:
            value = getattr(item.credit, key)
            if value:
                origin = item.record.origins.get(key, "caption")
                lines.append(f"    {key.replace('_', ' '):<13} {value}  [{origin}]")
        lines.extend(_license_lines(item))
    lines.extend(_finding_lines(item))
    if item.attribution:
        lines.append("    attribution")
        lines.append(f"      text      {item.attribution.text}")
        lines.append(f"      html      {item.attribution.html}")
        lines.append(f"      markdown  {item.attribution.markdown}")
    return lines


def _license_lines(item: CheckedItem) -> list[str]:
    lic = item.record.license
    status = item.resolution.status.value
    if lic is None:
        return [f"    resolved      none ({status})"]
    origin = item.record.origins.get("license", "caption")
    how = f"default of {item.source.name} in the source catalog" if item.source and origin != "caption" \
        else f"{status} match"
    return [
        f"    resolved      {lic.id}: {describe(lic, item.record.port)} ({how})",
        f"    terms         {terms_text(lic)}",
    ]


def _finding_lines(item: CheckedItem) -> list[str]:
    if not item.findings:
        return ["    findings      none"]
    lines = ["    findings"]
    for f in item.findings:
        lines.append(f"      {f.severity.value.upper():<8} {f.code}: {f.message}")
    return lines


def file_text(path: str, items: list[CheckedItem]) -> str:
    credited = [i for i in items if i.credit is not None]
    lines = [f"{path}: {len(credited)} image credit(s)"]
    for number, item in enumerate(items, 1):
        lines.extend(item_lines(item, number, len(items)))
    return "\n".join(lines)
