"""The first audit of a folder into a new SQLite database starts reading its images before the audit
process imports the database and the checks (provenance.audit.reading.read_ahead): it stores what the
audit without it stores, and its reading is used only for the very images the audit reads."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from contextlib import closing
from pathlib import Path

import pytest

from provenance.audit.reading import read_ahead
from provenance.audit.run import DEFAULT_EXCLUDE, run_audit
from provenance.catalog.load import Catalog
from provenance.catalog.profile import load_profile
from provenance.store.repository import open_store
from tests.archives import make_archive
from tests.conftest import ROOT

STAMP = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}")  # an audit run's start and end


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    found = tmp_path_factory.mktemp("reading") / "newsroom"
    make_archive(found, images=6)
    return found


def _rows(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, the audit runs' times apart."""
    with closing(sqlite3.connect(database)) as connection:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: sorted((tuple(STAMP.sub("(time)", v) if isinstance(v, str) else v for v in row)
                              for row in connection.execute(f'SELECT * FROM "{name}"')), key=repr)
                for name in tables}


def _audit(folder: Path, database: Path, catalog: Catalog, phash: bool, ahead: bool) -> None:
    found = read_ahead(str(folder), str(database), DEFAULT_EXCLUDE, 2, phash) if ahead else None
    assert (found is not None) == ahead
    engine, sessions = open_store(f"sqlite:///{database}")
    try:
        run_audit(str(folder), sessions, catalog, load_profile(None, catalog), jobs=2, phash=phash, ahead=found)
        assert found is None or not found.reading.pending  # the audit took every result read ahead
    finally:
        if found:
            found.close()
        engine.dispose()


@pytest.mark.parametrize("phash", [True, False])  # with perceptual hashes (the default) and without
def test_an_audit_read_ahead_stores_the_same_rows(folder: Path, tmp_path: Path, catalog: Catalog,
                                                  phash: bool) -> None:
    _audit(folder, tmp_path / "ahead.db", catalog, phash, ahead=True)
    _audit(folder, tmp_path / "plain.db", catalog, phash, ahead=False)
    assert _rows(tmp_path / "ahead.db") == _rows(tmp_path / "plain.db")


def test_the_reading_is_taken_only_for_the_same_images(folder: Path, tmp_path: Path) -> None:
    ahead = read_ahead(str(folder), str(tmp_path / "new.db"), DEFAULT_EXCLUDE, 1, False)
    assert ahead is not None
    try:
        assert [e.path for e in ahead.images] == sorted(e.path for e in ahead.entries if ahead.kinds[e.path][0] ==
                                                        "image")
        assert "images/screenshot.txt" in {e.path for e in ahead.images}  # told by its content, not its name
        assert ahead.take(list(ahead.images)) is ahead.reading
        assert ahead.take(ahead.images[1:]) is None  # another audit registered some of them first
    finally:
        ahead.close()


def _zip(folder: Path, tmp_path: Path) -> str:
    target = tmp_path / "newsroom.zip"
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.rglob("*")):
            archive.write(path, path.relative_to(folder).as_posix())
    return str(target)


def _no_images(folder: Path, tmp_path: Path) -> str:
    target = tmp_path / "text-only"
    shutil.copytree(folder / "articles", target)
    return str(target)


# (what is audited, into which database: nothing is read ahead but for a folder into a new SQLite file)
NOT_AHEAD = [
    pytest.param(lambda folder, tmp: str(folder), lambda tmp: str(tmp / "old.db"), id="the database file exists"),
    pytest.param(lambda folder, tmp: str(folder), lambda tmp: None, id="another database (PostgreSQL, memory)"),
    pytest.param(_zip, lambda tmp: str(tmp / "new.db"), id="a zip: its members are read in the audit's open zips"),
    pytest.param(_no_images, lambda tmp: str(tmp / "new.db"), id="no image to read"),
    pytest.param(lambda folder, tmp: str(tmp / "missing"), lambda tmp: str(tmp / "new.db"), id="no such folder"),
    pytest.param(lambda folder, tmp: str(folder), lambda tmp: str(tmp / "nowhere" / "new.db"),
                 id="a database in no folder: the audit's error comes at once"),
]


@pytest.mark.parametrize(("root", "database"), NOT_AHEAD)
def test_nothing_is_read_ahead_where_the_audit_must_tell(folder: Path, tmp_path: Path, root: object,
                                                         database: object) -> None:
    (tmp_path / "old.db").write_bytes(b"")
    assert callable(root)
    assert callable(database)
    assert read_ahead(root(folder, tmp_path), database(tmp_path), DEFAULT_EXCLUDE, 1, False) is None


def test_an_audit_that_fails_after_reading_ahead_says_only_why(folder: Path, tmp_path: Path) -> None:
    """A bad profile is found after the workers started: they are stopped, and the process ends
    with the one-line error (no ignored exception of the pool's thread as the interpreter exits)."""
    command = [sys.executable, "-m", "provenance", "audit", str(folder), "--db", f"sqlite:///{tmp_path / 'a.db'}",
               "--profile", str(tmp_path / "missing.toml"), "--jobs", "2"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert (done.returncode, done.stderr) == (2, f"Error: {tmp_path / 'missing.toml'}: no such file\n")
