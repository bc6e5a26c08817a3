"""The purity rule of provenance/__init__.py: the core does no I/O beyond the
catalog's TOML and imports none of the edge libraries."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "provenance"
FORBIDDEN = ("flask", "sqlalchemy", "requests", "PIL", "exifread", "socket", "sqlite3",
             "subprocess", "urllib.request", "http.client", "click")


def _is_edge(path: Path) -> bool:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return doc.startswith("[edge]")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


PURE = sorted(p for p in PACKAGE.glob("*.py") if not _is_edge(p))


def test_the_edge_is_small() -> None:
    edge = sorted(p.name for p in PACKAGE.glob("*.py") if _is_edge(p))
    assert edge == ["__main__.py", "cli.py", "files.py"]


@pytest.mark.parametrize("module", PURE, ids=[p.name for p in PURE])
def test_pure_module_imports_no_edge_library(module: Path) -> None:
    for name in _imports(module):
        assert not any(name == f or name.startswith(f + ".") for f in FORBIDDEN), f"{module.name}: {name}"


def test_importing_the_library_loads_no_edge_library() -> None:
    code = ("import sys, provenance; provenance.check_text('Photo: Jane Doe/AP');"
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {list(FORBIDDEN)!r}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=PACKAGE.parent)
    assert done.stdout.strip() == "[]"
