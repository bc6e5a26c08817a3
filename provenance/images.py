"""[edge] Check one image file: its embedded metadata, C2PA manifest and identity."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .c2pa_reader import read_c2pa, trust_anchors
from .catalog import Catalog
from .check import CheckedItem, ImageEvidence, check_evidence
from .errors import InputError
from .metadata.c2pa import c2pa_evidence
from .model import Evidence
from .profile import UsageProfile
from .reader import Identity, ImageMetadata, image_identity, read_metadata
from .urls import split_url

IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*", b"RIFF", b"GIF8")


@dataclass(frozen=True)
class CheckedImage:
    path: str
    metadata: ImageMetadata
    identity: Identity
    item: CheckedItem


def looks_like_image(path: str | Path) -> bool:
    """By content, not by name: the file starts with an image signature."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError:
        return False
    return head.startswith(IMAGE_MAGIC) or head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif")


def check_image(path: str | Path, catalog: Catalog, *, profile: UsageProfile | None = None) -> CheckedImage:
    """Read, resolve and check one image; raises InputError for a file that cannot be read."""
    metadata = read_metadata(path)
    manifest, state, failures = read_c2pa(path, trust_anchors())
    metadata.evidence.extend(c2pa_evidence(manifest, state, failures))
    identity = image_identity(path)
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
            metadata = read_metadata(path)
            manifest, state, failures = read_c2pa(path, trust_anchors())
        except InputError as exc:
            problems.append(str(exc))
            return []
        problems.extend(f"{path}: {p}" for p in metadata.problems)
        return metadata.evidence + c2pa_evidence(manifest, state, failures)

    return read
