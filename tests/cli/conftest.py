from __future__ import annotations

import pytest

from tests.localserver import LocalServer


@pytest.fixture
def site(site: LocalServer, monkeypatch: pytest.MonkeyPatch) -> LocalServer:
    """The test website (tests/conftest.py), with no database named: a command caches Commons answers in memory."""
    monkeypatch.delenv("PROVENANCE_DATABASE_URL", raising=False)
    return site
