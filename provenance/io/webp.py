"""[edge] A still WebP file's size and its EXIF and XMP chunks, read from the RIFF container alone.

Pillow's WebP opener reads the whole file and starts libwebp's animation decoder, which allocates
the picture's canvas (48 MB for 12 megapixels): about 3 ms a file, more than all the rest of reading
a WebP's metadata. Reading the chunk headers finds the same size (the VP8X canvas, else the
bitstream's own) and the same chunks (the first EXIF and the first XMP, as libwebp's demuxer hands
them to Pillow; a file in the simple format, one bitstream and nothing else, has none). Only a
well-formed still file is read here: anything else (an animation, a chunk that runs past the file or
stops short of it, a picture whose size is not the canvas's, a header this does not know) returns
None and is left to Pillow, which reads it or names its damage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

PICTURES = frozenset({b"VP8 ", b"VP8L"})  # the bitstreams: lossy, lossless
ANIMATION = frozenset({b"ANIM", b"ANMF"})
MOST_CHUNKS = 64  # a still photo has a handful (VP8X, ICCP, ALPH, VP8/VP8L, EXIF, XMP)


@dataclass(frozen=True)
class WebpHead:
    width: int
    height: int
    exif: bytes | None
    xmp: bytes | None


def read_webp(handle: BinaryIO, size: int) -> WebpHead | None:
    """The size and metadata chunks of the WebP file in `handle` (`size` bytes long), or None."""
    head = handle.read(30)
    if len(head) < 30 or head[:4] != b"RIFF" or head[8:12] != b"WEBP":
        return None
    if 8 + int.from_bytes(head[4:8], "little") != size:
        return None
    if head[12:16] in PICTURES:
        return _simple(head, size)
    if head[12:16] != b"VP8X":
        return None
    canvas = (int.from_bytes(head[24:27], "little") + 1, int.from_bytes(head[27:30], "little") + 1)
    chunks = _chunks(handle, size, canvas)
    if chunks is None:
        return None
    return WebpHead(*canvas, chunks.get(b"EXIF"), chunks.get(b"XMP "))


def _simple(head: bytes, size: int) -> WebpHead | None:
    """A file in the simple format: one bitstream chunk filling the file, and no room for metadata."""
    length = int.from_bytes(head[16:20], "little")
    picture = _picture_size(head[12:16], head[20:30])
    if picture is None or 20 + length + (length & 1) != size:
        return None
    return WebpHead(*picture, None, None)


def _chunks(handle: BinaryIO, size: int, canvas: tuple[int, int]) -> dict[bytes, bytes] | None:
    """The first EXIF and XMP chunks after VP8X, if the chunks fill the file exactly and hold one
    picture of the canvas's size (libwebp's demuxer refuses a still whose picture is not)."""
    found: dict[bytes, bytes] = {}
    pictures, position = 0, 12
    for _ in range(MOST_CHUNKS):
        if position == size:
            return found if pictures == 1 else None
        handle.seek(position)
        header = handle.read(8)
        name, length = header[:4], int.from_bytes(header[4:8], "little")
        end = position + 8 + length + (length & 1)
        if len(header) < 8 or end > size or name in ANIMATION or (position == 12) != (name == b"VP8X"):
            return None
        if name in PICTURES:
            pictures += 1
            if _picture_size(name, handle.read(min(length, 10))) != canvas:
                return None
        elif name in (b"EXIF", b"XMP ") and name not in found:
            found[name] = handle.read(length)
        position = end
    return None


def _picture_size(name: bytes, start: bytes) -> tuple[int, int] | None:
    """The size a VP8 (lossy) or VP8L (lossless) bitstream states in its first bytes."""
    if name == b"VP8 " and len(start) == 10 and start[3:6] == b"\x9d\x01\x2a":
        return int.from_bytes(start[6:8], "little") & 0x3FFF, int.from_bytes(start[8:10], "little") & 0x3FFF
    if name == b"VP8L" and len(start) >= 5 and start[0] == 0x2F:
        bits = int.from_bytes(start[1:5], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None
