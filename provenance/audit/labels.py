"""[edge] What people read instead of ids: a license's short name and family, one canonical
name per source ("AP", never "AP Photo" in one row and "AP" in the next)."""

from __future__ import annotations

from dataclasses import dataclass

from provenance.catalog.load import Catalog
from provenance.catalog.sources import match_source


@dataclass(frozen=True)
class Labels:
    catalog: Catalog

    def license_name(self, license_id: str | None) -> str:
        found = self.catalog.licenses.get(license_id or "")
        return found.short_name if found else (license_id or "")

    def license_family(self, license_id: str | None) -> str:
        found = self.catalog.licenses.get(license_id or "")
        return found.family if found else ("unknown" if license_id else "no licence")

    def source_name(self, source_id: str) -> str:
        found = self.catalog.sources.get(source_id)
        return found.name if found else source_id

    def organization(self, name: str | None, source_id: str | None) -> str:
        """The source's catalog name when the organisation is that source under another of its names."""
        source = self.catalog.sources.get(source_id or "")
        if not name or source is None:
            return name or ""
        matched = match_source(self.catalog, name)
        return source.name if matched is not None and matched.id == source.id else name
