"""[edge] Read one image: its embedded metadata, C2PA manifest and identity."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from provenance.io.c2pa_reader import read_c2pa
from provenance.io.image_reader import (
    CHECK_DECODE_PIXELS,
    Identity,
    ImageMetadata,
    image_identity,
    may_hold_c2pa,
    read_metadata,
    too_large_to_decode,
    undecoded,
)
from provenance.metadata.c2pa import c2pa_evidence


def read_image(source: str | Path | BinaryIO, name: str, trust: str | None,
               identity: bool = True, phash: bool = True, decode_limit: int | None = None,
               ) -> tuple[ImageMetadata, Identity | None]:
    """Embedded metadata and C2PA evidence of one image (a path or a stream), and its identity
    (with a perceptual hash unless `phash` is False). The C2PA reader runs only on files that may
    hold a manifest: where their format gives it a place (JPEG, PNG, TIFF), that place carries the
    C2PA label (provenance.io.c2pa_carriers); in the other formats, the label occurs anywhere. With a
    `decode_limit` (a check's: CHECK_DECODE_PIXELS), a picture whose hash would decode more pixels is not
    decoded, a problem of the image that names its pixels."""
    metadata = read_metadata(source, name=name)
    shape = (metadata.format, metadata.width, metadata.height)
    too_large = decode_limit is not None and too_large_to_decode(*shape, decode_limit)
    ident = image_identity(source, name=name, phash=phash and not too_large,
                           c2pa_label=metadata.c2pa_label) if identity else None
    if ident and phash and too_large and decode_limit is not None:
        metadata.problems.append(undecoded(*shape, decode_limit))
    if ident:
        label = ident.c2pa_label
    else:
        label = may_hold_c2pa(source) if metadata.c2pa_label is None else metadata.c2pa_label
    if label:
        manifest, state, failures = read_c2pa(source, trust, metadata.format)
        metadata.evidence.extend(c2pa_evidence(manifest, state, failures))
    return metadata, ident


def read_shown_image(source: str | Path | BinaryIO, name: str, trust: str | None,
                     ) -> tuple[ImageMetadata, Identity | None]:
    """read_image of an image an article shows (decoded small, as an audit decodes it): a failure the reader does
    not expect is an InputError naming the image, as an audit says it (provenance.audit.extract), so that one
    bad image is a problem of its article and never stops the article's check nor a batch. A picture over a
    check's decode limit is read without its decode (read_image)."""
    from provenance.budget import WorkStopped
    from provenance.errors import InputError

    try:
        return read_image(source, name, trust, decode_limit=CHECK_DECODE_PIXELS)
    except (InputError, WorkStopped, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - one bad image never stops its article's check
        raise InputError(name, f"could not be read ({type(exc).__name__}: {exc})") from None
