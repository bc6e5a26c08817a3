from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from provenance.audit.run import run_audit
from provenance.catalog.load import load_catalog
from provenance.catalog.profile import UsageProfile
from provenance.store.repository import open_store
from tests.conftest import ROOT
from tests.web.serving import Server
from web import create_app


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database holding an audit of the bundled sample archive."""
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    engine, sessions = open_store(url)
    run_audit(str(ROOT / "data"), sessions, load_catalog(), UsageProfile(), jobs=1)
    engine.dispose()
    return url


@pytest.fixture
def app(database: str, tmp_path: Path) -> Flask:
    return create_app({"DATABASE_URL": database, "TESTING": True, "WTF_CSRF_ENABLED": False,
                      "AUDIT_ROOTS": str(ROOT / "data"), "MAX_UPLOAD_MB": 2,
                      "MAX_CONTENT_LENGTH": 2 * 1024 * 1024})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Any]:
    """Starts real `provenance serve` processes on 127.0.0.1 (threads, environment); stops them after."""
    servers: list[Server] = []

    def _start(threads: int = 4, **env: str) -> Server:
        servers.append(Server(tmp_path, threads, env))
        return servers[-1]

    yield _start
    for server in servers:
        server.stop()
