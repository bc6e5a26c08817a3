"""The layering rule of provenance/__init__.py, checked folder by folder.

The pure core (catalog/, parse/, metadata/, resolve/, rules/, render/ and the
shared check.py, model.py, evidence.py, errors.py) imports no edge package and no edge
library, and opens no files: only the catalog loader reads its own TOML. The
edge (io/, audit/, store/, cli/) may do I/O and is where the libraries that do
it are imported."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "provenance"
CORE_FOLDERS = ("catalog", "parse", "metadata", "resolve", "rules", "render")
CORE_FILES = ("check.py", "check_split.py", "model.py", "evidence.py", "errors.py", "budget.py")
FACADE = ("__init__.py", "__main__.py")  # the public API (edge entry points imported lazily) and `python -m`
EDGE_PACKAGES = ("io", "audit", "store", "cli")
FORBIDDEN = ("flask", "sqlalchemy", "requests", "PIL", "exifread", "c2pa", "imagehash", "socket", "sqlite3",
             "subprocess", "urllib.request", "http.client", "http.server", "click", "alembic", "psycopg",
             "waitress", "shutil", "tempfile", "web")
FILE_CALLS = {"open", "read_text", "read_bytes", "write_text", "write_bytes", "iterdir", "glob", "rglob",
              "unlink", "mkdir", "touch", "stat", "exists", "is_file", "is_dir", "scandir", "walk"}
FILE_MODULES = ("os", "pathlib.Path", "io.open", "io.FileIO", "glob", "fnmatch.filter")
# The catalog loader and the profile loader read the project's own TOML: the one I/O the core does.
READS_TOML = {"catalog/load.py", "catalog/profile.py"}

CORE = sorted([*(p for folder in CORE_FOLDERS for p in (PACKAGE / folder).rglob("*.py")),
               *(PACKAGE / name for name in CORE_FILES)])
ALL = sorted(p for p in PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    return str(path.relative_to(PACKAGE))


def _imports(path: Path) -> set[str]:
    """Absolute module names imported by a file (relative imports resolved)."""
    package = ".".join(("provenance", *path.relative_to(PACKAGE).parent.parts))
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            names.add(f"{base}.{node.module}" if node.module else base)
    return names


def _calls(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            names.add(func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else "")
    return names


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def test_every_module_belongs_to_the_core_or_the_edge() -> None:
    edge = [p for p in ALL if _name(p).split("/")[0] in EDGE_PACKAGES or _name(p) in FACADE]
    assert sorted(CORE + edge) == ALL


@pytest.mark.parametrize("module", CORE, ids=[_name(p) for p in CORE])
def test_core_module_imports_no_edge_package_or_library(module: Path) -> None:
    for name in _imports(module):
        assert not any(_under(name, f) for f in FORBIDDEN), f"{_name(module)} imports {name}"
        assert not any(_under(name, f"provenance.{edge}") for edge in EDGE_PACKAGES), \
            f"{_name(module)} imports the edge module {name}"


@pytest.mark.parametrize("module", CORE, ids=[_name(p) for p in CORE])
def test_core_module_opens_no_files(module: Path) -> None:
    if _name(module) in READS_TOML:
        return
    assert not _calls(module) & FILE_CALLS, f"{_name(module)} calls {sorted(_calls(module) & FILE_CALLS)}"
    used = [name for name in _imports(module) if any(_under(name, f) for f in FILE_MODULES)]
    assert not used, f"{_name(module)} imports a file API: {used}"


def test_the_checker_finds_what_it_forbids(tmp_path: Path) -> None:
    bad = PACKAGE / "parse" / "_layer_probe_tmp.py"
    bad.write_text("from provenance.store import tables\nimport urllib.request\nopen('x')\n", encoding="utf-8")
    try:
        assert {"provenance.store.tables", "urllib.request"} <= _imports(bad)
        assert "open" in _calls(bad)
    finally:
        bad.unlink()


def test_there_are_no_import_loops() -> None:
    graph = {_module(p): {n for n in _imports(p) if n.startswith("provenance")} for p in ALL}
    graph = {m: {_owner(n, graph) for n in deps} - {None, m} for m, deps in graph.items()}
    seen: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        if seen.get(node) == 1:
            pytest.fail("import loop: " + " -> ".join([*trail, node]))
        if seen.get(node) == 2:
            return
        seen[node] = 1
        for dep in sorted(d for d in graph[node] if d is not None):
            visit(dep, [*trail, node])
        seen[node] = 2

    for module in sorted(graph):
        visit(module, [])


def _module(path: Path) -> str:
    parts = ["provenance", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _owner(name: str, graph: dict[str, set[str]]) -> str | None:
    """The module a dotted import name lives in (`provenance.check.Match` -> `provenance.check`)."""
    while name and name not in graph:
        name = name.rpartition(".")[0]
    return name or None


def test_importing_the_library_loads_no_edge_library() -> None:
    code = ("import sys, provenance; provenance.check_text('Photo: Jane Doe/AP');"
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {list(FORBIDDEN)!r}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=PACKAGE.parent)
    assert done.stdout.strip() == "[]"
