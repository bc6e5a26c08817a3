"""Identity of an image file (SHA-256, perceptual hash) and the C2PA label scan done in the same read."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from provenance.io.image_reader import CHUNK, PHASH_SIDE, file_digest, image_identity, may_hold_c2pa, open_image
from provenance.io.images import read_image
from tests import samples


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("offset", "label"),
    [
        (None, False),  # a plain JPEG: no manifest can be there, the C2PA reader is skipped
        (10, True),  # the label inside the first chunk
        (CHUNK - 2, True),  # the label split over two chunks: found across the boundary
        (CHUNK * 2 + 5, True),  # the label in a later chunk
    ],
)
def test_digest_finds_the_c2pa_label_anywhere(tmp_path: Path, offset: int | None, label: bool) -> None:
    data = bytearray(b"\x00" * (CHUNK * 3))
    if offset is not None:
        data[offset:offset + 4] = b"c2pa"
    path = _write(tmp_path, "x.bin", bytes(data))
    sha, size, found = file_digest(path)
    assert (sha, size, found) == (hashlib.sha256(data).hexdigest(), len(data), label)
    assert may_hold_c2pa(io.BytesIO(bytes(data))) is label


def test_signed_file_carries_the_label_and_its_manifest_is_read(tmp_path: Path) -> None:
    plain = _write(tmp_path, "plain.jpg", samples.jpeg(exif=samples.exif_bytes(artist="Jane Doe")))
    samples.c2pa_sign(plain, tmp_path / "signed.jpg", samples.make_signer(), author="Jane Doe")
    meta, ident = read_image(tmp_path / "signed.jpg", "signed.jpg", None)
    assert ident is not None
    assert ident.c2pa_label
    assert "c2pa" in {e.origin for e in meta.evidence}
    meta, ident = read_image(plain, "plain.jpg", None)
    assert ident is not None
    assert not ident.c2pa_label
    assert "c2pa" not in {e.origin for e in meta.evidence}


def test_identity_without_perceptual_hash_decodes_nothing(tmp_path: Path) -> None:
    """The scan data is cut: a perceptual hash fails, SHA-256 alone does not."""
    whole = samples.jpeg(im=samples.picture(640, 480))
    path = _write(tmp_path, "cut.jpg", whole[: len(whole) // 2])
    ident = image_identity(path, phash=False)
    assert (ident.sha256, ident.phash) == (hashlib.sha256(path.read_bytes()).hexdigest(), None)


@pytest.mark.parametrize(
    ("size", "fmt"),
    [
        ((2400, 1800), "JPEG"),  # camera size: decoded at 1/8 scale by the JPEG decoder
        ((1600, 1200), "PNG"),  # decoded whole, then box-reduced before the resample
        ((1600, 1200), "WEBP"),  # likewise
    ],
)
def test_reduced_decoding_keeps_copies_together(tmp_path: Path, size: tuple[int, int], fmt: str) -> None:
    picture = samples.picture(*size, seed=5)
    big, small, other = io.BytesIO(), io.BytesIO(), io.BytesIO()
    picture.save(big, fmt)
    picture.resize((400, 300)).save(small, "JPEG", quality=70)
    samples.picture(*size, seed=6).save(other, fmt)
    distance = lambda a, b: bin(int(a, 16) ^ int(b, 16)).count("1")  # noqa: E731
    first = image_identity(big).phash
    assert distance(first, image_identity(small).phash) <= 6  # the same photo, smaller and recompressed
    assert distance(first, image_identity(other).phash) > 12  # another photo


@pytest.mark.skipif(shutil.which("heif-enc") is None or shutil.which("heif-info") is None,
                    reason="needs libheif's heif-enc and heif-info (Debian: libheif-examples)")
def test_perceptual_hash_of_a_heic_reads_the_picture_not_its_thumbnail(tmp_path: Path) -> None:
    """An iPhone's HEIC carries a small thumbnail: the hash decodes the picture itself, as for every format
    (a thumbnail cannot be proven to show the picture)."""
    source = tmp_path / "source.png"
    samples.picture(1024, 768, seed=7).save(source)
    heic = tmp_path / "with-thumbnail.heic"
    subprocess.run(["heif-enc", "-q", "60", "-t", "256", "-o", str(heic), str(source)], check=True,
                   capture_output=True)
    described = subprocess.run(["heif-info", str(heic)], check=True, capture_output=True, text=True).stdout
    assert "thumbnail: 256x192" in described  # the file has one
    with open_image(heic, heic.name) as im:
        im.draft("L", (PHASH_SIDE, PHASH_SIDE))  # as perceptual_hash asks
        assert im.size == (1024, 768)
    assert image_identity(heic).phash is not None


def _with_segment(jpeg: bytes, marker: int, payload: bytes) -> bytes:
    """The JPEG with one more segment right after its SOI marker."""
    return jpeg[:2] + bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload + jpeg[2:]


@pytest.mark.parametrize(
    ("marker", "payload", "label"),
    [
        (0xEB, b"JP\x00\x01\x00\x00\x00\x01\x00\x00\x00\x20jumbjumd c2pa", True),  # APP11 JUMBF labelled c2pa
        (0xEB, b"JP\x00\x01 some other JUMBF store", False),  # APP11 without the label: not a C2PA store
        (0xFE, b"made with c2pa tools", False),  # the label in a comment: C2PA never embeds there
        (0xE1, b"http://ns.adobe.com/xap/1.0/\x00<x>c2pa</x>", False),  # the label in XMP text (APP1)
    ],
)
def test_a_jpeg_may_hold_c2pa_only_in_its_app11_segments(tmp_path: Path, marker: int, payload: bytes,
                                                         label: bool) -> None:
    data = _with_segment(samples.jpeg(im=samples.picture(64, 48)), marker, payload)
    path = _write(tmp_path, "x.jpg", data)
    meta, ident = read_image(path, "x.jpg", None, phash=False)
    assert ident is not None
    assert (meta.c2pa_label, ident.c2pa_label) == (label, label)
    assert ident.sha256 == hashlib.sha256(data).hexdigest()  # the whole file is still hashed
    # where the bytes occur outside APP11, only the JPEG's structure tells that no manifest is there
    assert file_digest(path)[2] is (b"c2pa" in payload)
