"""Embedded metadata read from real files written in code (see tests/samples.py)."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import exifread
import pytest
from PIL import Image

from provenance.errors import InputError
from provenance.io.image_reader import HEIF, image_identity, read_metadata
from provenance.model import Evidence
from tests import samples

ALL_XMP = samples.Xmp(
    creators=["Jöhn Dœ", "Ana Ruiz"],
    rights={"x-default": "© 2024 Jöhn Dœ", "de": "© 2024 Jöhn Dœ (Deutsch)"},
    title={"en-US": "Hafen im Morgengrauen"},
    description={"x-default": "Fishing boats leave the harbour. Photo: Jöhn Dœ/AP"},
    credit="AP", source="Acme Wire", web_statement="https://creativecommons.org/licenses/by/4.0/",
    usage_terms={"x-default": "Licensed under CC BY 4.0"}, marked="True",
    cc_license="https://creativecommons.org/licenses/by/4.0/", attribution_name="Jöhn Dœ",
    attribution_url="https://example.org/photos/1", licensor=("Acme Licensing", "https://acme.example/licence"),
    copyright_owner="Acme Owner Ltd", image_supplier="Acme Supply", credit_line_required=
    "http://ns.useplus.org/ldf/vocab/CR-COI", alteration_constraints=["http://ns.useplus.org/ldf/vocab/AL-CRP"],
    digital_source_type="http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture",
    license_end_date="2023-12-31",
)


def _values(evidence: list[Evidence], name: str) -> list[str]:
    return [e.value for e in evidence if e.name == name]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# (exact field name, expected values) for the XMP packet above, in every container that carries XMP.
XMP_EXPECTED = [
    ("XMP dc:creator", ["Jöhn Dœ", "Ana Ruiz"]),  # several creators, in order
    ("XMP dc:rights", ["© 2024 Jöhn Dœ", "© 2024 Jöhn Dœ (Deutsch)"]),  # x-default first, then de
    ("XMP dc:title", ["Hafen im Morgengrauen"]),  # only en-US, no x-default: still kept
    ("XMP dc:description", ["Fishing boats leave the harbour. Photo: Jöhn Dœ/AP"]),
    ("XMP photoshop:Credit", ["AP"]),
    ("XMP photoshop:Source", ["Acme Wire"]),
    ("XMP xmpRights:WebStatement", ["https://creativecommons.org/licenses/by/4.0/"]),
    ("XMP xmpRights:UsageTerms", ["Licensed under CC BY 4.0"]),
    ("XMP xmpRights:Marked", ["True"]),
    ("XMP cc:license", ["https://creativecommons.org/licenses/by/4.0/"]),  # rdf:resource attribute
    ("XMP cc:attributionName", ["Jöhn Dœ"]),
    ("XMP cc:attributionURL", ["https://example.org/photos/1"]),
    ("XMP plus:Licensor/plus:LicensorName", ["Acme Licensing"]),  # struct, parseType=Resource
    ("XMP plus:Licensor/plus:LicensorURL", ["https://acme.example/licence"]),
    ("XMP plus:CopyrightOwner/plus:CopyrightOwnerName", ["Acme Owner Ltd"]),
    ("XMP plus:ImageSupplier/plus:ImageSupplierName", ["Acme Supply"]),  # struct as nested Description
    ("XMP plus:CreditLineRequired", ["http://ns.useplus.org/ldf/vocab/CR-COI"]),
    ("XMP plus:ImageAlterationConstraints", ["http://ns.useplus.org/ldf/vocab/AL-CRP"]),
    ("XMP Iptc4xmpExt:DigitalSourceType", ["http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"]),
    ("XMP plus:LicenseEndDate", ["2023-12-31"]),
]
CONTAINERS = {
    "jpg": lambda: samples.jpeg(xmp=ALL_XMP),  # APP1 XMP
    "png": lambda: samples.png(xmp=ALL_XMP),  # compressed iTXt XML:com.adobe.xmp
    "webp": lambda: samples.webp(xmp=ALL_XMP),  # RIFF XMP chunk
    "tif": lambda: samples.tiff(xmp=ALL_XMP),  # TIFF tag 700
}


@pytest.mark.parametrize("suffix", sorted(CONTAINERS))
def test_every_xmp_field_in_every_container(tmp_path: Path, suffix: str) -> None:
    meta = read_metadata(_write(tmp_path, f"x.{suffix}", CONTAINERS[suffix]()))
    assert meta.problems == []
    for name, expected in XMP_EXPECTED:
        assert _values(meta.evidence, name) == expected, name
    langs = [e.lang for e in meta.evidence if e.name == "XMP dc:rights"]
    assert langs == ["x-default", "de"]


EXIF_CASES = [
    # (writer encoding, field values) — Pillow hands both back as Latin-1; we recover the text
    ("utf-8", "Jöhn Dœ — Łódź"),  # UTF-8 bytes in an ASCII tag
    ("cp1252", "José Müller"),  # Windows-1252 bytes in an ASCII tag
]


@pytest.mark.parametrize(("encoding", "name"), EXIF_CASES)
@pytest.mark.parametrize("suffix", ["jpg", "webp", "tif"])
def test_exif_text_fields(tmp_path: Path, encoding: str, name: str, suffix: str) -> None:
    exif = samples.exif_bytes(artist=name, copyright=f"© {name}", description=f"Harbour. Photo: {name}",
                              xp_author="Ана Руис", user_comment="Фото: Иван Петров / ТАСС", encoding=encoding)
    writer = {"jpg": samples.jpeg, "webp": samples.webp, "tif": samples.tiff}[suffix]
    meta = read_metadata(_write(tmp_path, f"x.{suffix}", writer(exif=exif)))
    assert _values(meta.evidence, "EXIF Artist") == [name]
    assert _values(meta.evidence, "EXIF Copyright") == [f"© {name}"]
    assert _values(meta.evidence, "EXIF ImageDescription") == [f"Harbour. Photo: {name}"]
    assert _values(meta.evidence, "EXIF XPAuthor") == ["Ана Руис"]
    # Pillow's TIFF writer leaves out the Exif sub-IFD (exifread finds no UserComment in the file
    # either), so only JPEG and WebP carry a UserComment to read.
    expected = [] if suffix == "tif" else ["Фото: Иван Петров / ТАСС"]
    assert _values(meta.evidence, "EXIF UserComment") == expected


def test_exif_agrees_with_exifread(tmp_path: Path) -> None:
    """An independent reader (exifread) sees the same bytes our reader decodes."""
    path = _write(tmp_path, "x.jpg", samples.jpeg(exif=samples.exif_bytes(artist="Jane Doe", copyright="© AP")))
    with path.open("rb") as handle:
        tags = exifread.process_file(handle, details=False)
    ours = read_metadata(path).evidence
    assert str(tags["Image Artist"]) == _values(ours, "EXIF Artist")[0]
    assert str(tags["Image Copyright"]) == _values(ours, "EXIF Copyright")[0]


IPTC = {(2, 80): "Jöhn Dœ", (2, 85): "Staff Photographer", (2, 110): "AP", (2, 115): "Acme Wire",
        (2, 116): "© 2024 AP", (2, 120): "Boats in the harbour. Photo: Jöhn Dœ/AP", (2, 5): "Hafen",
        (2, 40): "Editorial use only"}
IPTC_NAMES = {(2, 80): "IPTC 2:80 By-line", (2, 85): "IPTC 2:85 By-line Title", (2, 110): "IPTC 2:110 Credit",
              (2, 115): "IPTC 2:115 Source", (2, 116): "IPTC 2:116 Copyright Notice",
              (2, 120): "IPTC 2:120 Caption-Abstract", (2, 5): "IPTC 2:05 Object Name",
              (2, 40): "IPTC 2:40 Special Instructions"}


@pytest.mark.parametrize(
    ("marker", "encoding"),
    [
        (True, "utf-8"),  # 1:90 says UTF-8
        (False, "utf-8"),  # UTF-8 without the marker: decoded as UTF-8 all the same
        (False, "cp1252"),  # legacy Windows-1252 without the marker
    ],
)
def test_iptc_fields_and_charset(tmp_path: Path, marker: bool, encoding: str) -> None:
    fields = dict(IPTC)
    if encoding == "cp1252":
        fields = {k: v.replace("œ", "oe").replace("Dœ", "Doe") for k, v in fields.items()}
    app13 = samples.iptc_app13(fields, utf8_marker=marker, encoding=encoding)
    meta = read_metadata(_write(tmp_path, "x.jpg", samples.jpeg(iptc=app13)))
    for key, name in IPTC_NAMES.items():
        assert _values(meta.evidence, name) == [fields[key]], name


def test_iptc_repeated_bylines_are_all_kept(tmp_path: Path) -> None:
    app13 = samples.iptc_app13({(2, 80): ["Jane Doe", "John Smith"]})
    meta = read_metadata(_write(tmp_path, "x.jpg", samples.jpeg(iptc=app13)))
    assert _values(meta.evidence, "IPTC 2:80 By-line") == ["Jane Doe", "John Smith"]


def test_iptc_in_tiff(tmp_path: Path) -> None:
    meta = read_metadata(_write(tmp_path, "x.tif", samples.tiff(iptc_fields={(2, 80): "Jöhn Dœ"})))
    assert _values(meta.evidence, "IPTC 2:80 By-line") == ["Jöhn Dœ"]


def test_png_text_chunks(tmp_path: Path) -> None:
    data = samples.png(text={"Author": "Jane Doe"}, ztxt={"Description": "Harbour at dawn"},
                       itxt={"Copyright": "© Jöhn Dœ", "Title": "Hafen"}, exif=samples.exif_bytes(artist="Jane"))
    meta = read_metadata(_write(tmp_path, "x.png", data))
    assert _values(meta.evidence, "PNG Author") == ["Jane Doe"]  # tEXt
    assert _values(meta.evidence, "PNG Description") == ["Harbour at dawn"]  # zTXt
    assert _values(meta.evidence, "PNG Copyright") == ["© Jöhn Dœ"]  # iTXt, UTF-8
    assert _values(meta.evidence, "PNG Title") == ["Hafen"]
    assert _values(meta.evidence, "EXIF Artist") == ["Jane"]  # eXIf chunk


@pytest.mark.skipif(not HEIF, reason="pillow-heif has no wheel for this platform")
def test_heic(tmp_path: Path) -> None:
    buf = io.BytesIO()
    samples.picture().save(buf, "HEIF", exif=samples.exif_bytes(artist="Jöhn Dœ"), xmp=ALL_XMP.packet())
    meta = read_metadata(_write(tmp_path, "x.heic", buf.getvalue()))
    assert _values(meta.evidence, "EXIF Artist") == ["Jöhn Dœ"]
    assert _values(meta.evidence, "XMP dc:creator") == ["Jöhn Dœ", "Ana Ruiz"]


def test_metadata_is_read_without_decoding_pixels(tmp_path: Path) -> None:
    """Half the scan data is gone: decoding would fail, reading metadata must not."""
    whole = samples.jpeg(im=samples.picture(640, 480), exif=samples.exif_bytes(artist="Jane Doe"), xmp=ALL_XMP)
    path = _write(tmp_path, "cut.jpg", whole[: len(whole) * 2 // 3])
    meta = read_metadata(path)
    assert _values(meta.evidence, "EXIF Artist") == ["Jane Doe"]
    assert meta.width == 640
    with pytest.raises(InputError, match="damaged or truncated"):
        image_identity(path)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "is empty (0 bytes)"),  # empty file: said so, as provenance.io.archive.kind_of says it
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "damaged or truncated"),  # header only
        (b"GIF89a" + b"\x00" * 4, "not an image"),  # broken GIF header: Pillow cannot identify it
        (b"not an image at all", "not an image"),  # text
    ],
)
def test_unreadable_images_name_the_file(tmp_path: Path, data: bytes, problem: str) -> None:
    path = _write(tmp_path, "bad.jpg", data)
    with pytest.raises(InputError) as info:
        read_metadata(path)
    assert str(path) in str(info.value)
    assert problem in str(info.value)


def test_broken_xmp_is_a_problem_and_other_blocks_still_read(tmp_path: Path) -> None:
    buf = io.BytesIO()
    samples.picture().save(buf, "JPEG", exif=samples.exif_bytes(artist="Jane Doe"),
                           xmp=b"<x:xmpmeta><rdf:RDF><unclosed></x:xmpmeta>")
    meta = read_metadata(_write(tmp_path, "x.jpg", buf.getvalue()))
    assert _values(meta.evidence, "EXIF Artist") == ["Jane Doe"]
    assert len(meta.problems) == 1
    assert meta.problems[0].startswith("XMP: XMP packet is not valid XML")


def test_xmp_entities_are_refused(tmp_path: Path) -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
            b"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">&b;</x:xmpmeta>")
    buf = io.BytesIO()
    samples.picture().save(buf, "JPEG", xmp=bomb)
    meta = read_metadata(_write(tmp_path, "x.jpg", buf.getvalue()))
    assert meta.evidence == []
    assert "DTDForbidden" in meta.problems[0] or "Entities" in meta.problems[0]


def test_reading_never_modifies_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "x.jpg", samples.jpeg(xmp=ALL_XMP))
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    read_metadata(path)
    image_identity(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_identity_sha256_and_perceptual_hash(tmp_path: Path) -> None:
    original = samples.picture(640, 480, seed=7)
    path = _write(tmp_path, "a.jpg", samples.jpeg(im=original, quality=92))
    small = _write(tmp_path, "b.jpg", samples.jpeg(im=original.resize((320, 240)), quality=60))
    other = _write(tmp_path, "c.jpg", samples.jpeg(im=samples.picture(640, 480, seed=99).transpose(
        Image.Transpose.FLIP_TOP_BOTTOM)))
    first = image_identity(path)
    assert first.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert first.size == path.stat().st_size
    distance = lambda a, b: bin(int(a, 16) ^ int(b, 16)).count("1")  # noqa: E731
    assert distance(first.phash, image_identity(small).phash) <= 6  # resized and recompressed: same photo
    assert distance(first.phash, image_identity(other).phash) > 12  # a different photo


# (picture size, what reading it gives) around Pillow's pixel limits: 89.5 million warns, twice that refuses
PIXEL_RULE = [
    pytest.param((10_000, 10_000), None, id="100 million pixels: read as any other, no warning"),
    pytest.param((20_000, 10_000), "exceeds limit of 178956970 pixels", id="200 million pixels: refused unread"),
]


@pytest.mark.parametrize(("size", "refusal"), PIXEL_RULE)
def test_very_large_pictures_follow_our_pixel_rule(tmp_path: Path, size: tuple[int, int],
                                                   refusal: str | None) -> None:
    """Pytest turns every warning into an error here: a DecompressionBombWarning would fail the read."""
    path = tmp_path / "huge.png"
    Image.new("1", size).save(path)  # a few KB on disk
    if refusal:
        with pytest.raises(InputError, match=refusal):
            read_metadata(path)
        with pytest.raises(InputError, match=refusal):
            image_identity(path)
        return
    assert (read_metadata(path).width, read_metadata(path).height) == size
    assert image_identity(path).phash is not None


def test_an_audit_of_a_very_large_picture_prints_no_pillow_warning(tmp_path: Path) -> None:
    import subprocess
    import sys

    Image.new("1", (10_000, 10_000)).save(tmp_path / "huge.png")
    done = subprocess.run([sys.executable, "-m", "provenance", "audit", str(tmp_path), "--db",
                           f"sqlite:///{tmp_path / 'audit.db'}"], capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    assert "Warning" not in done.stderr
    assert "audited" in done.stdout


# A child process, so that the allocator setting stays out of the test process: it reads one
# WebP's metadata twice, the second time after a larger picture was freed (when glibc would have
# raised its mmap threshold), and prints the bytes held in mmapped blocks while the file is open.
FRESH_PAGES_CHILD = """
import ctypes, sys
from PIL import Image
from provenance.io.image_reader import fresh_pages_for_large_buffers, open_image, read_metadata

class Info(ctypes.Structure):
    names = "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost"
    _fields_ = [(n, ctypes.c_size_t) for n in names.split()]

libc = ctypes.CDLL(None)
libc.mallinfo2.restype = Info
print(fresh_pages_for_large_buffers())
big, small = sys.argv[1:3]
read_metadata(big)
with open_image(small, small):
    print(libc.mallinfo2().hblkhd)
print([e.value for e in read_metadata(small).evidence])
"""


def test_fresh_pages_keep_the_webp_canvas_off_the_heap(tmp_path: Path) -> None:
    """The unused canvas of libwebp's decoder comes from fresh pages, which calloc need not zero,
    and the metadata read is the same."""
    import ctypes
    import subprocess
    import sys

    if not hasattr(ctypes.CDLL(None), "mallinfo2"):
        pytest.skip("needs glibc 2.33 or newer")
    xmp = samples.Xmp(creators=["Jöhn Dœ"])
    big = _write(tmp_path, "big.webp", samples.webp(Image.new("RGB", (1600, 1200)), xmp=xmp))
    small = _write(tmp_path, "small.webp", samples.webp(Image.new("RGB", (800, 600)), xmp=xmp))
    out = subprocess.run([sys.executable, "-c", FRESH_PAGES_CHILD, str(big), str(small)], check=True,
                         capture_output=True, text=True).stdout.splitlines()
    assert out[0] == "True"
    assert int(out[1]) >= 2 * 800 * 600 * 4  # both canvases of the open file are mmapped
    assert out[2] == str(_values(read_metadata(small).evidence, "XMP dc:creator"))


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])  # with Pillow's byte order mark, and big-endian without one
def test_an_xmp_packet_in_utf_16_is_read(tmp_path: Path, codec: str) -> None:
    """XMP may be written in UTF-16: its padding is trimmed by whole characters (a strip of bytes cut the last
    one, and the packet was a problem instead of evidence)."""
    body = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq>'
            '<rdf:li>José Roe</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>')
    path = tmp_path / "utf16.jpg"
    Image.new("RGB", (64, 48), (90, 120, 30)).save(path, xmp=body.encode(codec) + "  ".encode(codec))
    meta = read_metadata(path)
    assert meta.problems == []
    assert [(e.field, e.value) for e in meta.evidence if e.origin == "xmp"] == [("creator", "José Roe")]


def test_an_xmp_packet_nested_thousands_deep_is_a_problem_of_its_block_only(tmp_path: Path) -> None:
    """The XMP walk recurses by level: a packet nested past the interpreter's limit is a problem noted on the file,
    and the file's other blocks are still read (it had stopped the whole file's reading)."""
    from PIL import PngImagePlugin

    inner = '<rdf:Description rdf:parseType="Resource"><dc:x>' * 5000 + "v" + "</dc:x></rdf:Description>" * 5000
    packet = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
              'xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Description rdf:about=""><dc:creator>' + inner
              + "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>")
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", packet)
    info.add_text("Author", "Ida Marrow")
    path = tmp_path / "deep.png"
    Image.new("RGB", (32, 24)).save(path, pnginfo=info)
    meta = read_metadata(path)
    assert meta.problems == ["XMP: XMP packet nests its properties too deeply to be read"]
    assert ("creator", "Ida Marrow") in [(e.field, e.value) for e in meta.evidence]
