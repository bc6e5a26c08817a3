from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from provenance.catalog.load import Catalog, load_catalog
from tests.case_tables import table_rows
from tests.localserver import ConnectLog, LocalServer
from tests.website import serve_site

ROOT = Path(__file__).resolve().parent.parent


def load_cases(name: str) -> list[Any]:
    """Rows of a case table, each wrapped in pytest.param with its `why` as id."""
    return [pytest.param(row, id=row["why"]) for row in table_rows(name)]


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:
    """A compiled pattern's test id: its first characters (the parser's patterns run to thousands, which made ids
    pages long in every report)."""
    if isinstance(val, re.Pattern):
        text = val.pattern
        return text if len(text) <= 40 else f"{text[:40]}…"
    return None


@pytest.fixture
def phash_decodes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry for each picture decoded for its perceptual hash during the test (the real decode runs): how a
    test tells that a check decoded an image once, or not at all."""
    import provenance.io.image_reader as image_reader  # noqa: PLC0415  (Pillow, only for the tests that ask)

    decodes: list[int] = []
    real = image_reader.perceptual_hash

    def counted(im: Any) -> str:
        decodes.append(1)
        return real(im)

    monkeypatch.setattr(image_reader, "perceptual_hash", counted)
    return decodes


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


# A house catalog folder's one source: the agency "Acme Wire" ('Acme'), which the bundled catalog does not know.
ACME_WIRE = """
[[source]]
id = "acme-wire"
name = "Acme Wire"
aliases = ["Acme"]
kind = "agency"
terms = "agency"
"""


@pytest.fixture
def acme_catalog(tmp_path: Path) -> Catalog:
    """The bundled catalog with a house folder that adds the agency Acme Wire (ACME_WIRE)."""
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "house.toml").write_text(ACME_WIRE, encoding="utf-8")
    return load_catalog(folder)


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests make no request by default (PROVENANCE_OFFLINE); the fetch tests lift it for 127.0.0.1."""
    monkeypatch.setenv("PROVENANCE_OFFLINE", "1")
    monkeypatch.delenv("PROVENANCE_FETCH_ALLOW", raising=False)


@pytest.fixture
def local_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalServer]:
    """A real HTTP server on 127.0.0.1, allow-listed, with offline mode lifted."""
    monkeypatch.setenv("PROVENANCE_OFFLINE", "0")
    monkeypatch.setenv("PROVENANCE_FETCH_ALLOW", "127.0.0.1")
    server = LocalServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def site(local_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> LocalServer:
    """The local server serving the test website (tests.website: pages, images, a Commons API), with Commons asked
    there."""
    serve_site(local_server)
    monkeypatch.setenv("PROVENANCE_COMMONS_API", local_server.url("/w/api.php"))
    return local_server


@pytest.fixture
def connects() -> Iterator[list[str]]:
    """Every address the test process connects a socket to while the test runs."""
    with ConnectLog.get().record() as addresses:
        yield addresses
