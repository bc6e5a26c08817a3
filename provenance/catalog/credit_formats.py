"""Credit lines as the sources ask for them (licenses/credit-formats.toml):
"AP Photo/{creator}", "REUTERS/{creator}", "{creator} / AFP"…

Pure: parses the catalog's [[credit_format]] entries and fills them in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from provenance.catalog.languages import placeholders
from provenance.errors import CatalogError

FORMS = ("credit", "anonymous", "pool", "pool_anonymous", "handout")
_NEEDS_CREATOR = frozenset({"credit", "pool"})


@dataclass(frozen=True)
class CreditFormat:
    """The forms of credit one source requires; a form it does not set is None."""

    source: str
    forms: dict[str, str]
    file: str = ""

    def form(self, kind: str, creator: str) -> str | None:
        """The credit of `kind` ('credit', 'pool', 'handout'), filled in; None when the source sets none."""
        key = kind if creator or kind == "handout" else f"{kind}_anonymous" if kind == "pool" else "anonymous"
        template = self.forms.get(key)
        return template.replace("{creator}", creator) if template else None


def build_credit_formats(raw: list[tuple[str, dict[str, Any]]], sources: dict[str, Any]) -> dict[str, CreditFormat]:
    """Every [[credit_format]] of the catalog's files, one per source."""
    formats: dict[str, CreditFormat] = {}
    for file, data in raw:
        for index, entry in enumerate(data.get("credit_format", [])):
            found = credit_format(file, index, entry, sources)
            if found.source in formats:
                first = formats[found.source].file
                raise CatalogError(file, found.source, f"duplicate credit format (first in {first})")
            formats[found.source] = found
    return formats


def credit_format(file: str, index: int, entry: Any, sources: dict[str, Any]) -> CreditFormat:
    """One [[credit_format]] entry, checked: a known source and known forms with the right placeholders."""
    name = entry.get("source") if isinstance(entry, dict) else None
    label = name if isinstance(name, str) else f"#{index + 1}"
    if not isinstance(entry, dict) or not isinstance(name, str):
        raise CatalogError(file, label, "a [[credit_format]] entry must be a table with 'source'")
    if name not in sources:
        raise CatalogError(file, label, f"source {name!r} is not in the catalog")
    forms = {k: v for k, v in entry.items() if k != "source"}
    for key, text in forms.items():
        if key not in FORMS or not isinstance(text, str) or not text.strip():
            raise CatalogError(file, label, f"{key!r} must be one of {list(FORMS)} with a non-empty string")
        wanted = {"creator"} if key in _NEEDS_CREATOR else set()
        if placeholders(text) != wanted:
            raise CatalogError(file, label, f"{key!r} must use exactly the placeholders {sorted(wanted)}")
    return CreditFormat(source=name, forms=forms, file=file)
