"""C2PA manifests signed by the c2pa library with a CA made in the test, read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.io.c2pa_reader import TRUST_ENV, read_c2pa
from provenance.metadata.c2pa import c2pa_evidence
from tests import samples


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
