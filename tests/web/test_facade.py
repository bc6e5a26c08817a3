"""The web app goes through the library's public API and the audit package: no view imports the
store's tables or builds queries itself (services.py alone opens the store and holds the sessions)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parents[2] / "web"
# services.py opens the store and holds the sessions (and writes the checks' Wikimedia Commons answers,
# provenance.store.commons_cache, which has no audit-package facade yet); workers.py opens a check worker's
# own connection for reading those answers
OPENS_THE_STORE = ("services.py", "workers.py")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted(WEB.glob("*.py")), ids=lambda p: p.name)
def test_views_use_the_audit_package_not_the_store(path: Path) -> None:
    imported = _imports(path)
    assert not {n for n in imported if n.startswith("provenance.store.tables")}, "import the read model instead"
    if path.name not in OPENS_THE_STORE:
        assert not {n for n in imported if n.startswith(("sqlalchemy", "provenance.store"))}
