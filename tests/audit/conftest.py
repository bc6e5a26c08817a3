"""The audit tests' database: one per test on each backend, every engine the test opened closed before it is dropped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest_db import BACKENDS, dispose_opened, new_database


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    for url in new_database(request.param, tmp_path):
        try:
            yield url
        finally:
            dispose_opened()  # PostgreSQL drops no database a connection still holds


@pytest.fixture(autouse=True)
def _dispose_opened() -> Iterator[None]:
    """Engines of tests that open stores on their own files (no db_url) are closed too."""
    yield
    dispose_opened()
