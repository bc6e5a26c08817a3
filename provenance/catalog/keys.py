"""The keys each kind of catalog entry may have: any other key (a typo such as `plsu`) is
refused, naming the file, the entry and the key, instead of being silently ignored."""

from __future__ import annotations

from typing import Any

from provenance.errors import CatalogError
from provenance.model import TERM_FLAGS

TERM_FLAGS_OF_SOURCES = ("rights_reserved", "per_file", "site_license", "subscribable")
ENTRY_KEYS = {
    "license": frozenset({"id", "name", "short_name", "url", "family", "terms", "aliases", "url_patterns",
                          "attribution_statement", "url_ports", "share_alike_compatible", "versions"}),
    "license.terms": frozenset({*TERM_FLAGS, "attribution_requires"}),
    "source": frozenset({"id", "name", "kind", "terms", "aliases", "domains", "homepage", "license", "category",
                         "note", "staff_initials"}),
    "category": frozenset({"id", "name", "description", "keywords", "needs_agreement", "editorial_only",
                           "needs_verification", "credit_role"}),
    "change": frozenset({"id", "label", "adaptation", "plus", "dashboard"}),
    "digital_source_type": frozenset({"id", "kind", "label", "noun"}),
    "source_terms": frozenset({"id", "label", *TERM_FLAGS_OF_SOURCES}),
}


def refuse_unknown_keys(file: str, data: dict[str, Any]) -> None:
    """Raise CatalogError at the first key an entry of this file may not have."""
    for table, known in ENTRY_KEYS.items():
        entries = data.get(table, [])
        if table == "license.terms":
            entries = [e.get("terms") if isinstance(e, dict) else None for e in data.get("license", [])]
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            extra = sorted(set(entry) - known) if isinstance(entry, dict) else []
            if extra:
                owner = data["license"][index] if table == "license.terms" else entry
                raise CatalogError(file, _name(owner, index), f"unknown key {extra[0]!r} in [[{table}]] "
                                   f"(known: {', '.join(sorted(known))})")


def _name(entry: Any, index: int) -> str:
    if isinstance(entry, dict) and isinstance(entry.get("id"), str):
        return str(entry["id"])
    return f"#{index + 1}"
