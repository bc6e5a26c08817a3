"""A WebP's size and metadata chunks read from the container (provenance.io.webp) are what Pillow's
WebP opener finds, and anything unusual is left to Pillow."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from PIL import Image

from provenance.io.image_reader import read_metadata
from provenance.io.webp import WebpHead, read_webp
from tests import samples

EXIF = samples.exif_bytes(artist="Jöhn Dœ", copyright="© Jöhn Dœ", description="Harbour", xp_author="Ана",
                          user_comment="Фото", encoding="utf-8")
XMP = samples.Xmp(creators=["Ana Ruiz"], rights={"x-default": "© Ana Ruiz"})


def _chunk(name: bytes, payload: bytes) -> bytes:
    return name + len(payload).to_bytes(4, "little") + payload + b"\0" * (len(payload) & 1)


def _appended(data: bytes, chunk: bytes) -> bytes:
    """The file with one more chunk at its end, and the RIFF size to match."""
    body = data[8:] + chunk
    return b"RIFF" + len(body).to_bytes(4, "little") + body


def _saved(mode: str = "RGB", size: tuple[int, int] = (64, 48), **options: object) -> bytes:
    buf = io.BytesIO()
    Image.new(mode, size, "teal").save(buf, "WEBP", **options)
    return buf.getvalue()


def _animated() -> bytes:
    buf = io.BytesIO()
    first, second = Image.new("RGB", (32, 32), "red"), Image.new("RGB", (32, 32), "blue")
    first.save(buf, "WEBP", save_all=True, append_images=[second], xmp=XMP.packet())
    return buf.getvalue()


def _canvas_not_picture() -> bytes:
    data = bytearray(samples.webp(exif=EXIF))
    data[24:27] = (999).to_bytes(3, "little")  # the canvas is 1000 wide, the picture is not
    return bytes(data)


READ_HERE: list[tuple[str, Callable[[], bytes]]] = [
    ("lossy, EXIF and XMP", lambda: samples.webp(exif=EXIF, xmp=XMP)),  # VP8X, VP8, EXIF, XMP
    ("lossless with XMP", lambda: _saved(lossless=True, xmp=XMP.packet())),  # VP8X, VP8L, XMP
    ("alpha and EXIF", lambda: _saved("RGBA", exif=EXIF)),  # VP8X, ALPH, VP8, EXIF
    ("an odd size", lambda: _saved(size=(33, 17), exif=EXIF)),  # odd-length chunks are padded
    ("simple lossy", lambda: _saved()),  # one VP8 chunk: no room for metadata
    ("simple lossless", lambda: _saved(lossless=True)),  # one VP8L chunk
    ("a second EXIF chunk", lambda: _appended(samples.webp(exif=EXIF), _chunk(b"EXIF", b"Exif\0\0II"))),  # first
    ("an unknown chunk", lambda: _appended(samples.webp(xmp=XMP), _chunk(b"ABCD", b"x"))),  # kept aside
]
LEFT_TO_PILLOW: list[tuple[str, Callable[[], bytes]]] = [
    ("animated", _animated),  # frames: Pillow's
    ("truncated", lambda: samples.webp(exif=EXIF)[:-7]),  # the last chunk runs past the file
    ("trailing bytes", lambda: samples.webp(exif=EXIF) + b"\0\0\0\0"),  # the file is longer than its RIFF
    ("canvas and picture differ", _canvas_not_picture),  # libwebp refuses it
    ("a PNG", lambda: samples.png()),  # not a WebP at all
]


@pytest.mark.parametrize(("why", "make"), READ_HERE, ids=[why for why, _ in READ_HERE])
def test_the_container_gives_what_pillow_gives(why: str, make: Callable[[], bytes]) -> None:
    data = make()
    with Image.open(io.BytesIO(data)) as im:
        expected = WebpHead(im.width, im.height, im.info.get("exif"), im.info.get("xmp"))
    assert read_webp(io.BytesIO(data), len(data)) == expected


@pytest.mark.parametrize(("why", "make"), LEFT_TO_PILLOW, ids=[why for why, _ in LEFT_TO_PILLOW])
def test_anything_unusual_is_left_to_pillow(why: str, make: Callable[[], bytes]) -> None:
    data = make()
    assert read_webp(io.BytesIO(data), len(data)) is None


def test_the_evidence_is_pillows() -> None:
    """The evidence and size from the container equal those of the same file with the fast read
    made impossible (one byte more than its RIFF size says, which Pillow still opens)."""
    data = samples.webp(exif=EXIF, xmp=XMP)
    fast, slow = read_metadata(io.BytesIO(data), "x.webp"), read_metadata(io.BytesIO(data + b"\0"), "x.webp")
    assert (fast.format, fast.width, fast.height, fast.problems) == ("WEBP", slow.width, slow.height, [])
    assert fast.evidence == slow.evidence
    assert {e.name for e in fast.evidence} >= {"EXIF Artist", "EXIF XPAuthor", "XMP dc:creator", "XMP dc:rights"}
