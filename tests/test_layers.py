"""The purity rule of provenance/__init__.py: the core does no I/O beyond the
catalog's TOML and imports none of the edge libraries."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "provenance"
FORBIDDEN = ("flask", "sqlalchemy", "requests", "PIL", "exifread", "c2pa", "imagehash", "socket", "sqlite3",
             "subprocess", "urllib.request", "http.client", "click")


def _is_edge(path: Path) -> bool:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return doc.startswith("[edge]")


def _imports(path: Path) -> set[str]:
    """Absolute module names imported by a file; relative imports resolved within provenance."""
    package = ".".join(("provenance", *path.relative_to(PACKAGE).parent.parts))
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            names.add(f"{base}.{node.module}" if node.module else base)
            names.update(f"{base}.{alias.name}" for alias in node.names if not node.module)
    return names


EDGE = {f"provenance.{p.stem}" for p in PACKAGE.glob("*.py") if _is_edge(p)}


PURE = sorted(p for p in PACKAGE.rglob("*.py") if not _is_edge(p))


def test_the_edge_is_small() -> None:
    edge = sorted(p.name for p in PACKAGE.glob("*.py") if _is_edge(p))
    assert edge == ["__main__.py", "archive.py", "audit.py", "audit_extract.py", "audit_store.py", "c2pa_reader.py",
                    "cli.py", "cli_audit.py", "decisions.py", "files.py", "images.py", "reader.py", "report_rows.py",
                    "uploads.py"]
    store = sorted(str(p.relative_to(PACKAGE)) for p in (PACKAGE / "store").rglob("*.py") if not _is_edge(p))
    assert store == []  # storage is all edge


@pytest.mark.parametrize("module", PURE, ids=[str(p.relative_to(PACKAGE)) for p in PURE])
def test_pure_module_imports_no_edge_library(module: Path) -> None:
    for name in _imports(module):
        assert not any(name == f or name.startswith(f + ".") for f in FORBIDDEN), f"{module.name}: {name}"
        assert name not in EDGE, f"{module.name} imports the edge module {name}"


def test_importing_the_library_loads_no_edge_library() -> None:
    code = ("import sys, provenance; provenance.check_text('Photo: Jane Doe/AP');"
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {list(FORBIDDEN)!r}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=PACKAGE.parent)
    assert done.stdout.strip() == "[]"
