"""The re-audit of an unchanged folder into SQLite without SQLAlchemy (provenance.audit.unchanged):
it records the run and prints what the normal path would, and anything the normal path would have
to do takes the normal path."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from provenance.audit import state
from provenance.audit.unchanged import KILL_ENV, default_profile_name, reaudit_unchanged
from provenance.catalog.load import Catalog
from provenance.catalog.profile import load_profile
from provenance.cli.audit import DEFAULT_EXCLUDE, audit_and_summarise
from provenance.cli.main import cli
from provenance.store.basics import head_revision, sqlite_file
from tests.archives import make_archive
from tests.conftest import ROOT

STAMP = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}")  # how SQLAlchemy writes a datetime into SQLite
FAST = """
import sys
from provenance.cli.main import cli
try:
    cli({args!r})
except SystemExit as exc:
    print("exit:", exc.code)
print("sqlalchemy loaded:", "sqlalchemy" in sys.modules)
"""


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An archive (with unreadable files, findings, licensed and unlicensed rows) and its database
    after a first audit: each test works on copies of both."""
    where = tmp_path_factory.mktemp("audited")
    folder, database = where / "newsroom", where / "first.db"
    make_archive(folder, images=4)
    result = CliRunner().invoke(cli, ["audit", str(folder), "--db", f"sqlite:///{database}", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return folder, database


@pytest.fixture
def copy(audited: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    folder, database = audited
    shutil.copytree(folder, tmp_path / "newsroom")  # with the same mtimes
    with closing(sqlite3.connect(database)) as source, closing(sqlite3.connect(tmp_path / "a.db")) as target:
        source.backup(target)
        with target:
            target.execute("UPDATE files SET root = ?", (str(tmp_path / "newsroom"),))
            target.execute("UPDATE audit_runs SET root = ?", (str(tmp_path / "newsroom"),))
    return tmp_path / "newsroom", tmp_path / "a.db"


def _fast(folder: Path, database: Path) -> tuple[str, str]:
    """The command in a fresh process: its output, and whether it loaded SQLAlchemy."""
    args = ["audit", str(folder), "--db", f"sqlite:///{database}", "--jobs", "1"]
    done = subprocess.run([sys.executable, "-c", FAST.format(args=args)], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    output, loaded = done.stdout.rsplit("exit:", 1)
    return output, loaded.split("sqlalchemy loaded:")[1].strip()


def _normal(folder: Path, database: Path) -> str:
    """The normal path (what the command runs when the fast path declines), through click."""

    @click.command()
    @click.pass_context
    def normal(ctx: click.Context) -> None:
        audit_and_summarise(ctx, str(folder), f"sqlite:///{database}", 1, None, (), None, (), rows_needed=False)

    result = CliRunner().invoke(normal, [])
    assert result.exit_code == 0, result.output
    return result.stdout


def _rows(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, the audit runs' times apart (checked for their format instead)."""
    with closing(sqlite3.connect(database)) as connection:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        rows = {name: sorted(connection.execute(f'SELECT * FROM "{name}"'), key=repr) for name in tables}
    runs = [(run[:2], run[2:4], run[4:]) for run in rows.pop("audit_runs")]
    for _, (started, finished), _ in runs:
        assert STAMP.fullmatch(started)
        assert STAMP.fullmatch(finished)
        assert finished >= started
    return {**rows, "audit_runs": [(*ids, *rest) for ids, _, rest in runs]}


def _timeless(output: str) -> str:
    return re.sub(r"in \d+\.\ds$", "in (time)", output, flags=re.MULTILINE)


def test_the_fast_path_records_and_prints_what_the_normal_path_does(copy: tuple[Path, Path], tmp_path: Path) -> None:
    folder, fast_db = copy
    normal_db = tmp_path / "b.db"
    shutil.copy(fast_db, normal_db)
    output, loaded = _fast(folder, fast_db)
    assert loaded == "False"  # the fast path ran
    assert _timeless(output) == _timeless(_normal(folder, normal_db))
    assert "16 files, 0 images read (0 unreadable), 0 articles checked, 0 gone" in output  # nothing read
    assert "by finding:" in output
    assert _rows(fast_db) == _rows(normal_db)
    assert len(_rows(fast_db)["audit_runs"]) == 2


def _touch(folder: Path, _db: Path) -> None:
    path = next(folder.glob("images/*"))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1))


def _add(folder: Path, _db: Path) -> None:
    (folder / "articles" / "new.md").write_text("# New\n\n![A photo](x.jpg)\n", encoding="utf-8")


def _delete(folder: Path, _db: Path) -> None:
    next(folder.glob("articles/*")).unlink()


def _rewrite_same_size(folder: Path, _db: Path) -> None:
    path = next(folder.glob("articles/*"))
    stat = path.stat()
    path.write_bytes(path.read_bytes()[::-1])
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))


def _sql(statement: str) -> Callable[[Path, Path], None]:
    def change(_folder: Path, database: Path) -> None:
        with closing(sqlite3.connect(database)) as connection, connection:
            connection.execute(statement)
    return change


@pytest.mark.parametrize(
    ("change", "exclude"),
    [
        (_touch, DEFAULT_EXCLUDE),  # an image's mtime moved
        (_rewrite_same_size, DEFAULT_EXCLUDE),  # an article rewritten in the same size
        (_add, DEFAULT_EXCLUDE),  # a new article
        (_delete, DEFAULT_EXCLUDE),  # an article deleted
        (lambda _f, _d: None, ("*.md",)),  # files now excluded are gone for the audit
        (_sql("UPDATE files SET done = 0 WHERE id = (SELECT min(id) FROM files)"), DEFAULT_EXCLUDE),  # not done
        (_sql("UPDATE audit_runs SET status = 'interrupted'"), DEFAULT_EXCLUDE),  # a run was killed: finish it
        (_sql("UPDATE audit_runs SET status = 'running'"), DEFAULT_EXCLUDE),  # ... still marked running
        (_sql("UPDATE alembic_version SET version_num = '0006'"), DEFAULT_EXCLUDE),  # an older schema: migrate
        (_sql("UPDATE files SET root = '/elsewhere'"), DEFAULT_EXCLUDE),  # another archive: all of it is new
        (_sql("UPDATE audit_runs SET checks = 'x'"), DEFAULT_EXCLUDE),  # checked with other code, catalog, profile
    ],
)
def test_anything_the_normal_path_must_do_takes_it(copy: tuple[Path, Path], change: Callable[[Path, Path], None],
                                                   exclude: tuple[str, ...]) -> None:
    folder, database = copy
    change(folder, database)
    changed = _rows(database)
    assert reaudit_unchanged(str(folder), f"sqlite:///{database}", exclude, default_profile_name()) is None
    assert _rows(database) == changed  # nothing written


def test_the_fast_path_needs_a_folder_and_a_sqlite_file(copy: tuple[Path, Path], tmp_path: Path) -> None:
    folder, database = copy
    shutil.make_archive(str(tmp_path / "newsroom"), "zip", folder)
    for root, url in [
        (folder, f"sqlite:///{tmp_path / 'missing.db'}"),  # no database yet: the normal path creates it
        (tmp_path / "newsroom.zip", f"sqlite:///{database}"),  # a zip: the normal path reads it
        (tmp_path / "nothing", f"sqlite:///{database}"),  # nothing there: the normal path names the problem
    ]:
        assert reaudit_unchanged(str(root), url, DEFAULT_EXCLUDE, default_profile_name()) is None
    assert not (tmp_path / "missing.db").exists()
    assert reaudit_unchanged(str(folder), f"sqlite:///{database}", DEFAULT_EXCLUDE, "x") is not None


def test_the_crash_tests_hook_takes_the_normal_path(copy: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    folder, database = copy
    monkeypatch.setenv(KILL_ENV, "finish:0")
    assert reaudit_unchanged(str(folder), f"sqlite:///{database}", DEFAULT_EXCLUDE, "x") is None
    assert KILL_ENV == state.KILL_ENV


@pytest.mark.parametrize(
    "option",
    [
        ["--fail-on", "warning"],  # the exit status needs the report's rows
        ["--report", "REPORT.json"],  # a report
        ["--profile", str(ROOT / "provenance" / "profiles" / "default.toml")],  # a profile to load and check
        ["--modified", "cropped"],  # changes to check against the catalog
    ],
)
def test_options_only_the_normal_path_serves_take_it(copy: tuple[Path, Path], tmp_path: Path,
                                                       option: list[str]) -> None:
    folder, database = copy
    args = ["audit", str(folder), "--db", f"sqlite:///{database}", "--jobs", "1",
            *(o.replace("REPORT", str(tmp_path / "report")) for o in option)]
    done = subprocess.run([sys.executable, "-c", FAST.format(args=args)], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    assert done.stdout.strip().endswith("sqlalchemy loaded: True"), done.stdout + done.stderr


@pytest.mark.parametrize(
    ("url", "file"),
    [
        ("sqlite:///provenance.db", "provenance.db"),  # relative to the working folder
        ("sqlite:////var/db/p.db", "/var/db/p.db"),  # absolute
        ("sqlite://", None),  # in memory
        ("sqlite:///:memory:", None),  # in memory, spelt out
        ("sqlite:///p.db?mode=ro", None),  # options: SQLAlchemy's to read
        ("sqlite:///my%20p.db", None),  # an escape: SQLAlchemy's to read
        ("sqlite+pysqlite:///p.db", None),  # a named driver
        ("postgresql+psycopg://u@h/db", None),  # PostgreSQL
    ],
)
def test_only_a_plain_sqlite_file_url_is_read_without_sqlalchemy(url: str, file: str | None) -> None:
    assert sqlite_file(url) == file


def test_the_profile_name_is_the_bundled_profiles(catalog: Catalog) -> None:
    assert default_profile_name() == load_profile(None, catalog).name
    assert head_revision() is not None


def test_links_are_listed_as_not_read_and_the_re_audit_still_reads_nothing(tmp_path: Path) -> None:
    """A link in the archive (to an image, to a folder, or to nothing) is a file-error row naming it, not a file
    left out unsaid; it is stored like any row, so the unchanged archive's re-audit takes the fast path."""
    folder, database = tmp_path / "newsroom", tmp_path / "a.db"
    make_archive(folder, images=2)
    (tmp_path / "nas").mkdir()
    (tmp_path / "nas" / "photo.jpg").write_bytes((folder / "images" / "photo-000.jpg").read_bytes())
    (folder / "images" / "from-nas.jpg").symlink_to(tmp_path / "nas" / "photo.jpg")
    (folder / "nas").symlink_to(tmp_path / "nas")
    (folder / "articles" / "nas.md").write_text("# NAS\n\n![A photo](../images/from-nas.jpg)\n", encoding="utf-8")
    report = tmp_path / "report.csv"
    result = CliRunner().invoke(cli, ["audit", str(folder), "--db", f"sqlite:///{database}", "--jobs", "1",
                                      "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "unreadable files  3" in result.output  # broken.jpg of the archive, and the two links
    text = report.read_text(encoding="utf-8")
    assert "images/from-nas.jpg: is a symbolic link; not followed" in text
    assert "nas: is a symbolic link; not followed" in text
    assert "image-not-found" in text  # the article's image is the link, which is not read
    output, loaded = _fast(folder, database)
    assert loaded == "False"  # the fast path ran: the links are stored as they are
    assert "0 images read (0 unreadable), 0 articles checked, 0 gone" in output


_NO_DAC = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]  # root as a user: file modes hold


def _as_a_user(args: list[str]) -> subprocess.CompletedProcess[str]:
    """The command with file permissions in force: root (as the tests may run) without the capabilities that
    let it read any folder; another user as is."""
    prefix = _NO_DAC if os.geteuid() == 0 else []
    if prefix and shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: a folder's mode cannot be made to hold")
    return subprocess.run([*prefix, sys.executable, "-m", "provenance", *args], capture_output=True, text=True,
                          cwd=ROOT)


def test_a_folder_that_cannot_be_listed_is_a_row_and_the_archive_itself_an_error(tmp_path: Path) -> None:
    folder, database = tmp_path / "newsroom", tmp_path / "a.db"
    make_archive(folder, images=2)
    (folder / "private").mkdir()
    (folder / "private" / "story.md").write_text("Photo: Jane Doe/AP\n", encoding="utf-8")
    (folder / "private").chmod(0)
    try:
        done = _as_a_user(["audit", str(folder), "--db", f"sqlite:///{database}", "--jobs", "1"])
        assert done.returncode in (0, 1), done.stderr
        assert "unreadable files  2" in done.stdout  # broken.jpg, and the folder
        with closing(sqlite3.connect(database)) as connection:
            errors = [m for (m,) in connection.execute("SELECT message FROM findings WHERE code = 'file-error'")]
        assert "private: is a folder that cannot be listed (Permission denied); the files in it were not read" in errors
        (folder / "private").chmod(0o755)
        (folder).chmod(0)
        done = _as_a_user(["audit", str(folder), "--db", f"sqlite:///{tmp_path / 'b.db'}", "--jobs", "1"])
        assert done.returncode == 2
        assert done.stderr.strip() == f"Error: {folder}: the folder cannot be listed (Permission denied)"
    finally:
        folder.chmod(0o755)
        (folder / "private").chmod(0o755)
