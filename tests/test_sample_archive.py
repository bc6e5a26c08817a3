"""data/images is what scripts/make_sample_archive.py writes, down to the evidence."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from provenance.errors import InputError
from provenance.io.image_reader import read_metadata
from tests.conftest import ROOT

IMAGES = ROOT / "data" / "images"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_sample_archive", ROOT / "scripts" / "make_sample_archive.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _evidence(path: Path) -> list[tuple[str, str, str | None]]:
    try:
        return [(e.name, e.value, e.lang) for e in read_metadata(path).evidence]
    except InputError as exc:
        return [("error", exc.reason.split(" (")[0], None)]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("archive")
    _script().main(out)
    return out / "images"


def test_same_files(regenerated: Path) -> None:
    assert sorted(p.name for p in regenerated.iterdir()) == sorted(p.name for p in IMAGES.iterdir())


def test_same_embedded_evidence(regenerated: Path) -> None:
    for committed in sorted(IMAGES.iterdir()):
        assert _evidence(regenerated / committed.name) == _evidence(committed), committed.name


def test_archive_stays_small() -> None:
    assert sum(p.stat().st_size for p in IMAGES.iterdir()) < 3 * 1024 * 1024
