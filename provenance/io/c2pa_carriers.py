"""[edge] Whether an image file may hold an embedded C2PA manifest, told by the file's structure.

An embedded manifest store is a JUMBF box labelled "c2pa", and the C2PA specification
("Embedding manifests into assets") gives each format one place for it, the only place the
c2pa library reads it from:

- JPEG: APP11 segments, before the picture's data. Pillow keeps every APPn segment it passed.
- PNG: a chunk of type `caBX`, recommended before IDAT; the library takes it anywhere before
  IEND. Pillow keeps the private chunks before IDAT (`private_chunks`); the chunks after IDAT
  are walked with Pillow's own chunk reader, headers only (a few per file).
- TIFF: tag 52545 (0xCD41). The library writes it in IFD0 of a one-page file and in an IFD of its
  own at the end of the chain of a file of several pages. Pillow has read IFD0; the IFDs after
  it, if any, are read with Pillow's ImageFileDirectory_v2 (none for a one-page file).

For the other formats (WebP's RIFF chunk `C2PA`, HEIF's top-level `uuid` box, GIF's application
extension, the later pictures of an MPO) neither Pillow nor pillow-heif exposes the place:
`c2pa_in_structure` returns None and the whole file is scanned for the label instead.
"""

from __future__ import annotations

import os
import struct
from typing import IO, cast

from PIL import Image, PngImagePlugin, TiffImagePlugin

C2PA_LABEL = b"c2pa"
PNG_CHUNK = b"caBX"
TIFF_TAG = 52545
MAX_IFDS = 1024  # a chain of more IFDs than this is left to the whole-file scan
DAMAGED = (OSError, SyntaxError, ValueError, EOFError, KeyError, IndexError, struct.error)


def c2pa_in_structure(im: Image.Image) -> bool | None:
    """True when the place the format gives a manifest store carries the label; False when it
    does not; None when the format's structure does not tell (or is damaged there)."""
    try:
        if isinstance(im, PngImagePlugin.PngImageFile):
            return _png(im)
        if isinstance(im, TiffImagePlugin.TiffImageFile):
            return _tiff(im)
        if im.format == "JPEG":  # not an MPO: its later pictures have segments of their own
            return _jpeg(im)
    except DAMAGED:
        return None
    return None


def _jpeg(im: Image.Image) -> bool:
    return any(marker == "APP11" and C2PA_LABEL in data for marker, data in getattr(im, "applist", ()))


def _png(im: PngImagePlugin.PngImageFile) -> bool:
    before = [data for cid, data in getattr(im, "private_chunks", ()) if cid == PNG_CHUNK]
    return any(C2PA_LABEL in data for data in before) or _png_after_idat(im)


def _png_after_idat(im: PngImagePlugin.PngImageFile) -> bool:
    """Walk the chunk headers from the first IDAT to IEND; read the data of a caBX chunk only."""
    assert im.fp is not None
    fp = _headers_reader(im.fp, im.tile[0].offset - 8)  # the first IDAT's header, where Pillow stopped
    stream = PngImagePlugin.ChunkStream(cast("IO[bytes]", fp))  # it reads, seeks and tells only
    while True:
        cid, pos, length = stream.read()
        if cid == PNG_CHUNK and C2PA_LABEL in fp.read(length):
            return True
        if cid == b"IEND":
            return False
        fp.seek(pos + length + 4)  # past the data and the CRC


def _headers_reader(fp: IO[bytes], start: int) -> IO[bytes] | PositionalReader:
    """`fp` at `start`, or for a file on disk a reader of its descriptor from there: a chunk's header
    is then one read of 8 bytes, where the buffered file fills its 8 KiB buffer after each seek
    (a PNG's walk about twice as fast; Pillow writes an IDAT every 64 KiB)."""
    try:
        return PositionalReader(fp.fileno(), start)
    except (AttributeError, OSError):  # in memory (io.UnsupportedOperation is an OSError)
        fp.seek(start)
        return fp


class PositionalReader:
    """read / seek / tell over a file descriptor with os.pread: no buffer, the position kept here."""

    def __init__(self, fd: int, position: int) -> None:
        self.fd, self.position = fd, position

    def read(self, size: int) -> bytes:
        data = os.pread(self.fd, size, self.position)
        self.position += len(data)
        return data

    def seek(self, position: int, whence: int = os.SEEK_SET) -> int:
        if whence != os.SEEK_SET:
            raise ValueError("only absolute positions")
        self.position = position
        return position

    def tell(self) -> int:
        return self.position


def _tiff(im: TiffImagePlugin.TiffImageFile) -> bool | None:
    ifd, seen = im.tag_v2, set[int]()
    while not _tiff_tag_has_label(ifd):
        if not ifd.next or ifd.next in seen:  # the end of the chain, or a loop back into it
            return False
        if len(seen) >= MAX_IFDS:
            return None
        seen.add(ifd.next)
        ifd = tiff_directory(im, ifd.next)
    return True


def _tiff_tag_has_label(ifd: TiffImagePlugin.ImageFileDirectory_v2) -> bool:
    if TIFF_TAG not in ifd:
        return False
    value = ifd[TIFF_TAG]
    return C2PA_LABEL in value if isinstance(value, bytes) else True  # another type: the reader decides


def tiff_directory(im: TiffImagePlugin.TiffImageFile, offset: int,
                   group: int | None = None) -> TiffImagePlugin.ImageFileDirectory_v2:
    """The TIFF directory (IFD) at `offset`, read with Pillow's reader (`group`: the IFD that points to it,
    for Pillow's tag types, as Pillow's getexif() passes it)."""
    assert im.fp is not None
    im.fp.seek(0)
    header = im.fp.read(8)
    if header[2:3] == b"\x2b":  # BigTIFF: a 16-byte header
        header += im.fp.read(8)
    ifd = TiffImagePlugin.ImageFileDirectory_v2(header, group=group)
    im.fp.seek(offset)
    ifd.load(im.fp)
    return ifd
