"""Whether a file may hold a C2PA manifest, told by the place its format gives the manifest store:
real files signed by the c2pa library go to the reader, the word 'c2pa' in their text does not."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from provenance.io.c2pa_carriers import PNG_CHUNK
from provenance.io.image_reader import HEIF, file_digest, read_metadata
from provenance.io.images import read_image
from tests import samples


@pytest.fixture(scope="module")
def signer() -> samples.TestSigner:
    return samples.make_signer()


def _two_page_tiff(path: Path) -> None:
    samples.picture(64, 48).save(path, "TIFF", save_all=True, append_images=[samples.picture(32, 24, seed=3)])


def _heic(path: Path) -> None:
    samples.picture(64, 48).save(path, "HEIF", quality=70)


WRITERS = {
    "jpg": lambda path: path.write_bytes(samples.jpeg(im=samples.picture(64, 48))),
    "png": lambda path: path.write_bytes(samples.png(im=samples.picture(64, 48))),
    "webp": lambda path: path.write_bytes(samples.webp(im=samples.picture(64, 48))),
    "tif": lambda path: path.write_bytes(samples.tiff(im=samples.picture(64, 48))),
    "two-page.tif": _two_page_tiff,
    "heic": _heic,
}


@pytest.mark.parametrize(
    ("suffix", "structure"),
    [
        ("jpg", True),  # APP11 segments, read by Pillow
        ("png", True),  # a caBX chunk right after IHDR, kept by Pillow among the private chunks
        ("tif", True),  # tag 52545 in IFD0
        ("two-page.tif", True),  # tag 52545 in an IFD of its own after the two pages' IFDs
        ("webp", None),  # a RIFF chunk 'C2PA' Pillow does not expose: the whole file is scanned
        pytest.param("heic", None, marks=pytest.mark.skipif(not HEIF, reason="needs pillow-heif")),  # uuid box
    ],
)
def test_a_file_signed_by_the_c2pa_library_goes_to_the_reader(tmp_path: Path, signer: samples.TestSigner,
                                                                suffix: str, structure: bool | None) -> None:
    plain, signed = tmp_path / f"plain.{suffix}", tmp_path / f"signed.{suffix}"
    WRITERS[suffix](plain)
    samples.c2pa_sign(plain, signed, signer)
    before = hashlib.sha256(signed.read_bytes()).hexdigest()
    meta, ident = read_image(signed, signed.name, None, phash=False)
    assert ident is not None
    assert (read_metadata(signed).c2pa_label, ident.c2pa_label) == (structure, True)
    assert "Jane Doe" in {e.value for e in meta.evidence if e.origin == "c2pa"}  # the manifest was read
    assert hashlib.sha256(signed.read_bytes()).hexdigest() == before  # the user's file is left as it was
    meta, ident = read_image(plain, plain.name, None, phash=False)
    assert ident is not None
    assert not ident.c2pa_label
    assert "c2pa" not in {e.origin for e in meta.evidence}


def _tiff_with_text(text: str) -> bytes:
    """A TIFF whose ImageDescription and XMP packet (tag 700) carry the text."""
    from PIL import TiffImagePlugin

    ifd = TiffImagePlugin.ImageFileDirectory_v2()
    ifd[270] = text
    ifd[700] = samples.Xmp(title={"x-default": text}).packet()
    ifd.tagtype[700] = 1
    buf = io.BytesIO()
    samples.picture(64, 48).save(buf, "TIFF", tiffinfo=ifd)
    return buf.getvalue()


DECOY = "Signed with c2pa tools, see c2pa.org"


@pytest.mark.parametrize(
    ("name", "data", "label"),
    [
        # a PNG tEXt chunk and an XMP packet (iTXt) naming C2PA: text, not a caBX chunk
        ("text.png", samples.png(im=samples.picture(64, 48), text={"Comment": DECOY},
                                 itxt={"Description": DECOY}), False),
        ("xmp.png", samples.png(im=samples.picture(64, 48), itxt={
            "XML:com.adobe.xmp": samples.Xmp(title={"x-default": DECOY}).packet().decode()}), False),
        # a TIFF's ImageDescription and XMP tag naming C2PA: not tag 52545
        ("text.tif", _tiff_with_text(DECOY), False),
        # a JPEG's XMP naming C2PA (APP1): not an APP11 segment
        ("xmp.jpg", samples.jpeg(im=samples.picture(64, 48), xmp=samples.Xmp(title={"x-default": DECOY})), False),
        # a WebP's XMP naming C2PA: WebP is still scanned whole, so the reader is started and finds nothing
        ("xmp.webp", samples.webp(im=samples.picture(64, 48), xmp=samples.Xmp(title={"x-default": DECOY})), True),
    ],
)
def test_the_word_c2pa_in_a_files_text_starts_no_reader(tmp_path: Path, name: str, data: bytes,
                                                        label: bool) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert file_digest(path)[2]  # the four bytes are in the file
    meta, ident = read_image(path, name, None, phash=False)
    assert ident is not None
    assert ident.c2pa_label is label
    assert "c2pa" not in {e.origin for e in meta.evidence}


def _png_chunks(data: bytes) -> list[bytes]:
    chunks, pos = [], 8
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        chunks.append(data[pos:pos + length + 12])
        pos += length + 12
    return chunks


def test_a_png_manifest_after_the_picture_data_is_found(tmp_path: Path, signer: samples.TestSigner) -> None:
    """The specification only recommends caBX before IDAT; the c2pa library reads it anywhere
    before IEND, so the chunks after IDAT are walked too."""
    plain, signed = tmp_path / "plain.png", tmp_path / "signed.png"
    plain.write_bytes(samples.png(im=samples.picture(64, 48)))
    samples.c2pa_sign(plain, signed, signer)
    data = signed.read_bytes()
    chunks = _png_chunks(data)
    store = next(c for c in chunks if c[4:8] == PNG_CHUNK)
    rest = [c for c in chunks if c[4:8] != PNG_CHUNK]
    moved = tmp_path / "moved.png"
    moved.write_bytes(data[:8] + b"".join(rest[:-1]) + store + rest[-1])  # caBX just before IEND
    meta, ident = read_image(moved, moved.name, None, phash=False)
    assert ident is not None
    assert (read_metadata(moved).c2pa_label, ident.c2pa_label) == (True, True)
    assert read_metadata(io.BytesIO(moved.read_bytes()), "moved.png").c2pa_label  # in memory: walked alike
    assert "c2pa_validation" in {e.field for e in meta.evidence}  # the reader ran on it


@pytest.mark.parametrize(
    ("cut", "label"),
    [
        (-12, None),  # IEND cut off: the walk after IDAT fails, the whole file is scanned instead
        (-6, None),  # IEND's header cut in half: likewise
    ],
)
def test_a_damaged_png_falls_back_to_the_whole_file_scan(tmp_path: Path, cut: int, label: bool | None) -> None:
    path = tmp_path / "cut.png"
    path.write_bytes(samples.png(im=samples.picture(64, 48))[:cut])
    assert read_metadata(path).c2pa_label is label
