"""C2PA manifests signed by the c2pa library with a CA made in the test, read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import PngImagePlugin

from provenance.io.c2pa_reader import TRUST_ENV, read_c2pa
from provenance.io.images import read_image
from provenance.metadata.c2pa import c2pa_evidence
from tests import samples
from tests.localserver import LocalServer


@pytest.fixture(scope="module")
def signer() -> samples.TestSigner:
    return samples.make_signer()


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory, signer: samples.TestSigner) -> Path:
    folder = tmp_path_factory.mktemp("c2pa")
    plain = folder / "plain.jpg"
    plain.write_bytes(samples.jpeg(exif=samples.exif_bytes(artist="Jane Doe")))
    samples.c2pa_sign(plain, folder / "signed.jpg", signer, author="Jane Doe")
    return folder / "signed.jpg"


def _fields(path: Path, trust: str | None = None) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in c2pa_evidence(*read_c2pa(path, trust)):
        found.setdefault(item.field, []).append(item.value)
    return found


def test_manifest_contents(signed: Path) -> None:
    fields = _fields(signed)
    assert fields["creator"] == ["Jane Doe"]
    assert fields["c2pa_claim_generator"] == ["provenance-tests 0.1"]
    assert fields["c2pa_action"] == ["c2pa.created", "c2pa.edited"]
    assert fields["digital_source_type"] == [samples.AI_SOURCE]
    assert fields["title"] == ["Harbour at dawn"]
    assert fields["c2pa_signer"] == ["Test Signer / provenance tests"]


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("trusted", "valid"),  # signer chains to a configured trust anchor
        ("untrusted", "untrusted-signer"),  # signature verifies, signer unknown
        ("tampered", "invalid"),  # pixels changed after signing
    ],
)
def test_validation_states_stay_distinct(signed: Path, signer: samples.TestSigner, tmp_path: Path,
                                         case: str, expected: str) -> None:
    path, trust = signed, None
    if case == "trusted":
        trust = signer.ca_pem.decode()
    if case == "tampered":
        data = bytearray(signed.read_bytes())
        data[-40] ^= 0xFF
        path = tmp_path / "tampered.jpg"
        path.write_bytes(bytes(data))
    assert _fields(path, trust)["c2pa_validation"] == [expected]


def test_no_manifest_is_no_evidence(tmp_path: Path) -> None:
    plain = tmp_path / "plain.jpg"
    plain.write_bytes(samples.jpeg())
    assert read_c2pa(plain) == (None, "none", [])
    assert c2pa_evidence(None, "none", []) == []


def test_trust_anchors_from_the_environment(signed: Path, signer: samples.TestSigner, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from provenance.io.c2pa_reader import trust_anchors

    anchors = tmp_path / "anchors.pem"
    anchors.write_bytes(signer.ca_pem)
    monkeypatch.setenv(TRUST_ENV, str(anchors))
    assert _fields(signed, trust_anchors())["c2pa_validation"] == ["valid"]


def _remote_reference(url: str) -> bytes:
    """An XMP packet that places the file's manifest at `url` (dcterms:provenance), as the C2PA
    specification lets a file do instead of embedding it."""
    return ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:dcterms="http://purl.org/dc/terms/"'
            f' dcterms:provenance="{url}"/></rdf:RDF></x:xmpmeta>').encode()


@pytest.mark.parametrize(
    "image_format",
    [
        "WEBP",  # its bytes are scanned for the label, which the URL's '.c2pa' carries: the reader starts
        "JPEG",  # read directly: the library would look for the reference in any format
        "PNG",  # the reference in an iTXt XMP chunk
    ],
)
def test_a_remote_manifest_reference_is_never_fetched(local_server: LocalServer, tmp_path: Path,
                                                      image_format: str) -> None:
    url = local_server.url("/manifests/remote.c2pa")
    path = tmp_path / f"referenced.{image_format.lower()}"
    packet = _remote_reference(url)
    if image_format == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_itxt("XML:com.adobe.xmp", packet.decode())
        samples.picture().save(path, "PNG", pnginfo=info)
    else:
        samples.picture().save(path, image_format, xmp=packet)
    before = path.read_bytes()

    assert read_c2pa(path, None, image_format) == (None, "none", [])
    if image_format == "WEBP":
        metadata, _ = read_image(path, path.name, None, phash=False)
        assert not metadata.problems
    assert local_server.paths() == []  # the library's own HTTP client asked nothing of the address
    assert path.read_bytes() == before
