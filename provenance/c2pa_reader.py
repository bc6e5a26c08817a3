"""[edge] C2PA Content Credentials, read with the maintained c2pa library.

Returns the active manifest and the validation state; provenance.metadata.c2pa
turns them into evidence. No manifest is simply no evidence.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

TRUST_ENV = "PROVENANCE_C2PA_TRUST_ANCHORS"
SUFFIX_FORMATS = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp",
                  ".tif": "image/tiff", ".tiff": "image/tiff", ".heic": "image/heic", ".heif": "image/heif"}


@lru_cache(maxsize=4)
def _context(trust_pem: str | None) -> Any:
    import c2pa

    if not trust_pem:
        return None
    return c2pa.Context.from_dict({"verify": {"verify_trust": True}, "trust": {"trust_anchors": trust_pem}})


def trust_anchors() -> str | None:
    """PEM trust anchors named by PROVENANCE_C2PA_TRUST_ANCHORS, if set."""
    path = os.environ.get(TRUST_ENV)
    return Path(path).read_text(encoding="utf-8") if path else None


def read_c2pa(path: str | Path, trust_pem: str | None = None) -> tuple[dict[str, Any] | None, str, list[str]]:
    """(active manifest, validation state, failure codes); (None, "none", []) without a manifest."""
    import c2pa

    fmt = SUFFIX_FORMATS.get(Path(path).suffix.lower())
    context = _context(trust_pem)
    try:
        with open(path, "rb") as stream:
            reader = c2pa.Reader(fmt or str(path), stream, context=context) if fmt else c2pa.Reader(str(path))
            with reader:
                manifest = reader.get_active_manifest()
                state = reader.get_validation_state() or "Unknown"
                results = reader.get_validation_results() or {}
    except c2pa.C2paError as exc:
        if "ManifestNotFound" in type(exc).__name__ or "ManifestNotFound" in str(exc):
            return None, "none", []
        if "NotSupported" in type(exc).__name__:
            return None, "none", []
        return None, "invalid", [f"{type(exc).__name__}: {exc}"]
    failures = [f.get("code", "") for f in results.get("activeManifest", {}).get("failure", [])]
    return manifest, state, failures
