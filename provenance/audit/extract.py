"""[edge] The per-image work of an audit, run in worker processes: metadata,
C2PA and identity of one archive entry, as plain data that pickles."""

from __future__ import annotations

from dataclasses import dataclass, field

from provenance.errors import InputError
from provenance.io.archive import Entry, entry_source
from provenance.io.images import read_image

EvidenceRow = tuple[str, str, str, str, "str | None", str]


@dataclass
class Extracted:
    path: str
    sha256: str | None = None
    phash: str | None = None
    format: str = ""
    width: int = 0
    height: int = 0
    size: int = 0
    evidence: list[EvidenceRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    error: str | None = None


def extract(job: tuple[Entry, str | None] | tuple[Entry, str | None, bool]) -> Extracted:
    """Everything an audit needs from one image file; a failure is an error on it, not an exception.
    The job is (entry, C2PA trust anchors[, perceptual hash wanted: default yes])."""
    entry, trust, phash = (*job, True)[:3]
    try:
        meta, ident = read_image(entry_source(entry), entry.path, trust, phash=bool(phash))
        assert ident is not None
    except InputError as exc:
        return Extracted(entry.path, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad file never stops an audit
        return Extracted(entry.path, error=f"{entry.path}: could not be read ({type(exc).__name__}: {exc})")
    evidence = meta.evidence
    return Extracted(
        entry.path, ident.sha256, ident.phash, meta.format, meta.width, meta.height, ident.size,
        [(e.field, e.value, e.origin, e.name, e.lang, e.location) for e in evidence], meta.problems,
    )
