"""[edge] Check one image file: its embedded metadata, C2PA manifest and identity."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.check import CheckedItem, ImageEvidence, check_evidence
from provenance.errors import InputError
from provenance.io.archive import kind_of
from provenance.io.c2pa_reader import read_c2pa, trust_anchors
from provenance.io.image_reader import Identity, ImageMetadata, image_identity, may_hold_c2pa, read_metadata
from provenance.metadata.c2pa import c2pa_evidence
from provenance.model import Evidence
from provenance.parse.urls import split_url


@dataclass(frozen=True)
class CheckedImage:
    path: str
    metadata: ImageMetadata
    identity: Identity
    item: CheckedItem


def looks_like_image(path: str | Path) -> bool:
    """By content, not by name: the archive's rule for telling images apart."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return kind_of(str(path), head)[0] == "image"


def read_image(source: str | Path | BinaryIO, name: str, trust: str | None,
               identity: bool = True, phash: bool = True) -> tuple[ImageMetadata, Identity | None]:
    """Embedded metadata and C2PA evidence of one image (a path or a stream), and its identity
    (with a perceptual hash unless `phash` is False). The C2PA reader runs only on files that
    carry the C2PA label (see provenance.io.image_reader)."""
    metadata = read_metadata(source, name=name)
    ident = image_identity(source, name=name, phash=phash) if identity else None
    if ident.c2pa_label if ident else may_hold_c2pa(source):
        manifest, state, failures = read_c2pa(source, trust, metadata.format)
        metadata.evidence.extend(c2pa_evidence(manifest, state, failures))
    return metadata, ident


def image_facts(metadata: ImageMetadata, identity: Identity) -> dict[str, Any]:
    """What reports say about the image file itself."""
    return {"format": metadata.format, "width": metadata.width, "height": metadata.height,
            "sha256": identity.sha256, "size": identity.size, "phash": identity.phash,
            "problems": metadata.problems}


def check_image(path: str | Path, catalog: Catalog, *, profile: UsageProfile | None = None) -> CheckedImage:
    """Read, resolve and check one image; raises InputError for a file that cannot be read."""
    metadata, identity = read_image(path, str(path), trust_anchors())
    assert identity is not None
    item = check_evidence(metadata.evidence, catalog, label=str(path), src=str(path), profile=profile)
    return CheckedImage(str(path), metadata, identity, item)


def local_image_reader(article: str | Path, problems: list[str]) -> ImageEvidence:
    """Evidence embedded in the local image files an article references.

    Only relative paths are followed, only inside the article's folder or the
    folder above it (an archive's articles/ beside images/), and never a URL."""
    base = Path(article).resolve().parent
    roots = (base, base.parent)

    def read(src: str) -> list[Evidence]:
        parts = split_url(src)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return []
        path = (base / parts.path).resolve()
        if not any(path.is_relative_to(root) for root in roots) or not path.is_file():
            return []
        try:
            metadata, _ = read_image(path, str(path), trust_anchors(), identity=False)
        except InputError as exc:
            problems.append(str(exc))
            return []
        problems.extend(f"{path}: {p}" for p in metadata.problems)
        return metadata.evidence

    return read
