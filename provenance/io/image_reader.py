"""[edge] Image files -> rights metadata evidence and identity.

Metadata is read with Pillow's lazy open and never decodes pixels: EXIF with
getexif() (on PNG only when an eXIf chunk is there: otherwise Pillow decodes
the image), IPTC with IptcImagePlugin, XMP from the raw packet, PNG text from
the chunks before the image data. Identity (SHA-256, perceptual hash) is
separate: the hash decodes the image, at reduced size (JPEG at 1/8 scale,
other formats box-reduced before the resample to 32x32).

Whether a file can hold a C2PA manifest (the C2PA reader costs more than
everything else here together) is told by the place its format gives the
manifest store, for JPEG, PNG and TIFF (provenance.io.c2pa_carriers); for the
other formats, by the label "c2pa" of every embedded store (a JUMBF box)
occurring anywhere in the file, looked for in the read for SHA-256.

A process that reads metadata only should call `fresh_pages_for_large_buffers()` once: libwebp's
decoder, which Pillow's WebP opener sets up, allocates the picture's canvas zeroed, and glibc's
allocator zeroes it byte by byte unless it comes from fresh pages (see there).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from PIL import (  # the plugins of the formats we read (GIF's, rare, on first use), imported before workers fork
    Image,
    ImageFile,
    IptcImagePlugin,
    JpegImagePlugin,  # noqa: F401
    PngImagePlugin,  # noqa: F401
    TiffImagePlugin,
    UnidentifiedImageError,
    WebPImagePlugin,  # noqa: F401
)

from provenance.errors import EMPTY_FILE, InputError, ProvenanceError
from provenance.evidence import Evidence
from provenance.io.c2pa_carriers import C2PA_LABEL, c2pa_in_structure, tiff_directory
from provenance.metadata.exif import EXIF_IFD_TAGS, IFD0_TAGS, exif_evidence
from provenance.metadata.iptc import iptc_evidence
from provenance.metadata.png import XMP_KEY, png_text_evidence
from provenance.metadata.xmp import xmp_evidence

try:  # HEIC/HEIF where the wheel installs
    from pillow_heif import register_heif_opener

    # thumbnails=False: draft() would otherwise decode a HEIC's embedded thumbnail (128 px or more) in place
    # of the picture, and a thumbnail cannot be proven to show the picture (an edit may leave it stale)
    register_heif_opener(thumbnails=False)
    HEIF = True
except ImportError:  # pragma: no cover - depends on the platform
    HEIF = False

IMAGE_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "TIFF", "HEIF", "GIF", "MPO"})
# Pillow's openers tried first, in this order, those loaded (an MPO is opened by JPEG's): Pillow's own
# order starts with IPTC's, which has no test of the file's first bytes and so is set up and fails for
# every file.
OPEN_FIRST = ("JPEG", "PNG", "WEBP", "TIFF", "HEIF", "GIF")
CHUNK = 128 * 1024
# the same four bytes, looked for by the regular-expression engine: its literal search is about 40%
# cheaper here than `bytes in bytes` (1.3 GiB of images: 0.48 s of CPU against 0.77 s)
_LABEL = re.compile(re.escape(C2PA_LABEL))
PHASH_SIDE = 128  # images are box-reduced to about this size before the perceptual hash's resample
EXIF_IFD = 0x8769
TIFF_XMP, TIFF_IPTC = 700, 33723
M_MMAP_THRESHOLD = -3  # glibc's mallopt() parameter
FRESH_PAGES_FROM = 512 * 1024


@dataclass
class ImageMetadata:
    path: str
    format: str
    width: int
    height: int
    evidence: list[Evidence] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # whether the file may hold a C2PA manifest, where its structure tells (JPEG, PNG, TIFF: see
    # provenance.io.c2pa_carriers); None: only the scan of the whole file for the label tells (image_identity)
    c2pa_label: bool | None = None


@dataclass(frozen=True)
class Identity:
    sha256: str
    size: int
    phash: str | None
    c2pa_label: bool = True  # the bytes "c2pa" occur in the file: it may hold a C2PA manifest


def open_image(path: str | Path | BinaryIO, name: str) -> Image.Image:
    """Pillow's lazy open under our own pixel rule, to be used in a `with` block (which closes it). A
    picture over Pillow's warning limit (Image.MAX_IMAGE_PIXELS, 89.5 million) is read like any other
    and no warning is printed: medium-format cameras make 100-megapixel photos, and the perceptual hash
    decodes it reduced. One over twice that is refused unread, an InputError naming the limit."""
    with warnings.catch_warnings():  # Pillow warns in open() only
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            try:
                return Image.open(path, formats=[f for f in OPEN_FIRST if f in Image.OPEN])
            except UnidentifiedImageError:  # all of Pillow's openers, so that the error can name the format
                return Image.open(path)
        except Image.DecompressionBombError as exc:
            raise InputError(name, f"is over the pixel limit for one image, twice Pillow's ({exc})") from None


def fresh_pages_for_large_buffers(threshold: int = FRESH_PAGES_FROM) -> bool:
    """Have glibc's allocator serve every allocation of `threshold` bytes or more from fresh pages
    (mmap), for the life of the process and the processes it forks; False where the C library has
    no mallopt() (not glibc) or refuses.

    For a process that reads metadata and decodes no pixels. Pillow's WebP opener sets up
    libwebp's decoder, which callocs two canvases of the picture's size (8 MiB for 1024x1024) that
    a metadata read never touches. glibc raises its mmap threshold each time such a buffer is
    freed, so from the second file on the canvases come from the heap and calloc zeroes them: about
    1 ms of CPU for a 3-megapixel WebP. Fresh pages are zero already and cost nothing until
    touched. A process that decodes pictures (the perceptual hash) is better off without it: its
    buffers are touched, and reusing heap memory saves the page faults (about 5% of the decode)."""
    import ctypes  # here: most processes never need it

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # pragma: no cover - not glibc
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    return bool(mallopt(M_MMAP_THRESHOLD, threshold))


def read_metadata(path: str | Path | BinaryIO, name: str | None = None) -> ImageMetadata:
    """Rights metadata of one image file (a path or an open binary stream), without decoding pixels."""
    name = name or str(path)
    try:
        with open_image(path, name) as im:
            if im.format not in IMAGE_FORMATS:
                raise InputError(name, f"is a {im.format} image; supported: JPEG, PNG, WebP, TIFF, HEIC")
            meta = ImageMetadata(name, im.format or "", im.width, im.height)
            _collect(im, meta)
            meta.c2pa_label = c2pa_in_structure(im)
            return meta
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except UnidentifiedImageError:
        raise InputError(name, EMPTY_FILE if _empty(path) else
                         "is not an image this tool can read (unknown or damaged format)") from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise InputError(name, f"is damaged or truncated ({exc})") from None


def _empty(source: str | Path | BinaryIO) -> bool:
    """Whether an image that could not be told is empty (as provenance.io.archive.kind_of says of a file: an
    article's image is read here without being told first); a file that cannot be asked: not said."""
    try:
        if isinstance(source, (str, Path)):
            return Path(source).stat().st_size == 0
        return source.seek(0, 2) == 0
    except (OSError, ValueError):
        return False


def _collect(im: Image.Image, meta: ImageMetadata) -> None:
    info = im.info
    if im.format != "PNG" or "exif" in info:
        _guard(meta, "EXIF", lambda: _exif(im))
    _guard(meta, "IPTC", lambda: _iptc(im))
    packet = _xmp_packet(im)
    if packet:
        _guard(meta, "XMP", lambda: xmp_evidence(packet))
    if im.format == "PNG":
        _guard(meta, "PNG text", lambda: png_text_evidence({k: v for k, v in info.items() if isinstance(k, str)}))


def _guard(meta: ImageMetadata, block: str, read: Any) -> None:
    """One damaged block is a problem noted on the file; the other blocks are still read."""
    try:
        meta.evidence.extend(read())
    except (ProvenanceError, OSError, SyntaxError, ValueError, KeyError, TypeError, IndexError) as exc:
        meta.problems.append(f"{block}: {exc}")


def _exif(im: Image.Image) -> list[Evidence]:
    if isinstance(im, TiffImagePlugin.TiffImageFile):
        return _tiff_exif(im)
    exif = im.getexif()
    if not exif:
        return []
    big_endian = getattr(exif, "endian", "<") == ">"
    # the mapping itself, not a dict of it: Pillow decodes a tag's value when it is asked for
    # (a TIFF's IFD0 holds the offsets of every strip)
    return exif_evidence(exif, exif.get_ifd(EXIF_IFD), big_endian)


def _tiff_exif(im: TiffImagePlugin.TiffImageFile) -> list[Evidence]:
    """A TIFF's IFD0 is its first directory, read when the file was opened (getexif() would read it
    again, every strip's offset and size included); the Exif IFD is read with Pillow's directory reader
    as getexif() reads it. Values as getexif() gives them: a one-item tuple is its item."""
    ifd0 = im.tag_v2
    tags = {tag: _one(ifd0[tag]) for tag in IFD0_TAGS if tag in ifd0}
    exif_ifd: dict[int, Any] = {}
    offset = ifd0.get(EXIF_IFD)
    if isinstance(offset, int):
        sub = tiff_directory(im, offset, EXIF_IFD)
        exif_ifd = {tag: _one(sub[tag]) for tag in EXIF_IFD_TAGS if tag in sub}
    return exif_evidence(tags, exif_ifd, ifd0.prefix == b"MM")


def _one(value: Any) -> Any:
    return value[0] if isinstance(value, tuple) and len(value) == 1 else value


def _iptc(im: Image.Image) -> list[Evidence]:
    if im.format == "PNG":
        return []
    if not isinstance(im, ImageFile.ImageFile):
        return []
    datasets = IptcImagePlugin.getiptcinfo(im)
    return iptc_evidence(datasets) if datasets else []


def _xmp_packet(im: Image.Image) -> bytes | str | None:
    if im.format == "TIFF":
        tags = getattr(im, "tag_v2", {})
        value = tags.get(TIFF_XMP)
        return bytes(value) if isinstance(value, bytes | tuple) else value
    return im.info.get("xmp") or im.info.get(XMP_KEY)


def file_sha256(path: str | Path | BinaryIO) -> tuple[str, int]:
    """SHA-256 and size, read in 128 KiB chunks."""
    sha, size, _ = file_digest(path)
    return sha, size


def file_digest(path: str | Path | BinaryIO, scan: bool = True) -> tuple[str, int, bool]:
    """SHA-256, size, and whether the C2PA label occurs in the file (False unless `scan`), in one
    read of 128 KiB chunks."""
    import hashlib  # here: reading metadata alone never needs it
    digest, size, label, tail = hashlib.sha256(), 0, False, b""
    handle = open(path, "rb") if isinstance(path, str | Path) else path  # noqa: SIM115
    try:
        handle.seek(0)
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            if scan:
                label = label or _LABEL.search(tail + chunk[:3]) is not None or _LABEL.search(chunk) is not None
                tail = chunk[-3:]
    finally:
        if isinstance(path, str | Path):
            handle.close()
    return digest.hexdigest(), size, label


def may_hold_c2pa(path: str | Path | BinaryIO) -> bool:
    """False when the file cannot hold an embedded C2PA manifest (the label never occurs)."""
    return file_digest(path)[2]


def image_identity(path: str | Path | BinaryIO, name: str | None = None, phash: bool = True,
                   c2pa_label: bool | None = None) -> Identity:
    """SHA-256 of the file and a perceptual hash of the picture (decoded at reduced size);
    `phash=False` skips the decode (copies are then found by SHA-256 alone). `c2pa_label`, when the
    file's structure already told (ImageMetadata.c2pa_label), spares the scan of every byte for it."""
    name = name or str(path)
    sha, size, label = file_digest(path, scan=c2pa_label is None)
    label = label if c2pa_label is None else c2pa_label
    if not phash:
        return Identity(sha, size, None, label)
    if not isinstance(path, str | Path):
        path.seek(0)
    try:
        with warnings.catch_warnings(), open_image(path, name) as im:  # decoding warns too (a TIFF's tiles)
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            value = perceptual_hash(im)
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputError(name, f"image data is damaged or truncated ({exc})") from None
    return Identity(sha, size, value, label)


# the most pixels a check (the CLI's, an upload's, a URL's) decodes of a picture it must decode whole: Pillow's
# warning limit (89.5 million); a JPEG is decoded at 1/8 scale, so at most 1/64 of its pixels
CHECK_DECODE_PIXELS = int(Image.MAX_IMAGE_PIXELS or 89_478_485)


def too_large_to_decode(image_format: str, width: int, height: int, limit: int) -> bool:
    """Whether the perceptual hash would decode more than `limit` pixels of a picture: every pixel but a
    JPEG's, which the decoder reduces to 1/8 of its sides."""
    pixels = width * height // 64 if image_format == "JPEG" else width * height
    return pixels > limit


def undecoded(image_format: str, width: int, height: int, limit: int) -> str:
    """The problem of a picture too_large_to_decode: its pixels and the limit, and what is not known."""
    return (f"{width}x{height}, {width * height:,} pixels: over the limit of {limit:,} a check decodes of a "
            f"{image_format} picture; its metadata is read, but its picture is not decoded (no perceptual hash, "
            f"and damage to its pixels is not seen)")


def perceptual_hash(im: Image.Image) -> str:
    """imagehash's pHash (DCT of a 32x32 grey picture) of a picture decoded small: JPEG at up to
    1/8 scale by the decoder itself, the others box-reduced after decoding."""
    import imagehash

    im.draft("L", (PHASH_SIDE, PHASH_SIDE))
    grey = im.convert("L")
    factor = min(grey.size) // PHASH_SIDE
    if factor > 1:
        grey = grey.reduce(factor)
    return str(imagehash.phash(grey))
