"""[edge] C2PA Content Credentials, read with the maintained c2pa library.

Returns the active manifest and the validation state; provenance.metadata.c2pa
turns them into evidence. No manifest is simply no evidence.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

TRUST_ENV = "PROVENANCE_C2PA_TRUST_ANCHORS"
SUFFIX_FORMATS = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp",
                  ".tif": "image/tiff", ".tiff": "image/tiff", ".heic": "image/heic", ".heif": "image/heif"}


# The c2pa library fetches, by default, a manifest that a file's XMP places at a URL (dcterms:provenance)
# with its own HTTP client: any address a file names, past provenance.io.fetch's guard. It is never asked to
# here (nor to ask a signer's OCSP responder): only a manifest embedded in the file is read.
_OFFLINE = {"remote_manifest_fetch": False, "ocsp_fetch": False}


@lru_cache(maxsize=4)
def _context(trust_pem: str | None) -> Any:
    import c2pa

    if not trust_pem:
        return c2pa.Context.from_dict({"verify": dict(_OFFLINE)})
    return c2pa.Context.from_dict({"verify": {"verify_trust": True, **_OFFLINE}, "trust": {"trust_anchors": trust_pem}})


def trust_anchors() -> str | None:
    """PEM trust anchors named by PROVENANCE_C2PA_TRUST_ANCHORS, if set."""
    path = os.environ.get(TRUST_ENV)
    return Path(path).read_text(encoding="utf-8") if path else None


FORMAT_MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "TIFF": "image/tiff",
               "HEIF": "image/heic"}


def read_c2pa(path: str | Path | BinaryIO, trust_pem: str | None = None, image_format: str | None = None,
              ) -> tuple[dict[str, Any] | None, str, list[str]]:
    """(active manifest, validation state, failure codes); (None, "none", []) without a manifest.
    `path` may be an open binary stream (left open); `image_format` (Pillow's name) gives its type."""
    fmt = FORMAT_MIME.get(image_format or "") or (
        SUFFIX_FORMATS.get(Path(path).suffix.lower()) if isinstance(path, str | Path) else None)
    if fmt is None:
        return None, "none", []
    if isinstance(path, str | Path):
        with open(path, "rb") as stream:
            return _read(stream, fmt, trust_pem)
    path.seek(0)
    return _read(path, fmt, trust_pem)


def _read(stream: BinaryIO, fmt: str, trust_pem: str | None) -> tuple[dict[str, Any] | None, str, list[str]]:
    import c2pa

    try:
        with c2pa.Reader(fmt, stream, context=_context(trust_pem)) as reader:
            manifest = reader.get_active_manifest()
            state = reader.get_validation_state() or "Unknown"
            results = reader.get_validation_results() or {}
    except c2pa.C2paError as exc:
        if "ManifestNotFound" in type(exc).__name__ or "ManifestNotFound" in str(exc):
            return None, "none", []
        if "NotSupported" in type(exc).__name__:
            return None, "none", []
        if "Remote" in type(exc).__name__ or str(exc).startswith("Remote:"):
            # only a reference to a manifest elsewhere, which is not fetched: no embedded manifest
            return None, "none", []
        return None, "invalid", [f"{type(exc).__name__}: {exc}"]
    failures = [f.get("code", "") for f in results.get("activeManifest", {}).get("failure", [])]
    return manifest, state, failures
