"""Commands import only what they use: `--help` and the catalog commands start without the
image, database and C2PA libraries (the start-up cost of every command)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest

from provenance.audit.run import DEFAULT_EXCLUDE
from provenance.cli import audit as cli_audit
from provenance.cli import check as cli_check
from provenance.cli.main import COMMANDS, cli
from provenance.store.repository import ENV

HEAVY = ("PIL", "sqlalchemy", "c2pa", "flask", "alembic", "imagehash", "bs4", "markdown_it")
PROBE = """
import sys
from provenance.cli.main import cli
try:
    cli({args!r}, standalone_mode=False)
except SystemExit:
    pass
print("loaded:" + ",".join(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (["--help"], ()),  # the group's help lists every command without importing any of them
        (["audit", "--help"], ()),  # a command's help does not start the command
        (["catalog", "list"], ()),  # the catalog is TOML and dataclasses: no image or database library
        (["check", "--help"], ()),
    ],
)
def test_commands_import_only_what_they_use(args: list[str], allowed: tuple[str, ...]) -> None:
    code = PROBE.format(args=args, heavy=HEAVY)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = [m for m in done.stdout.rsplit("loaded:", 1)[1].strip().split(",") if m]
    assert [m for m in loaded if m not in allowed] == []


def test_the_help_imports_no_command() -> None:
    """`provenance --help` lists the commands from provenance.cli.main.COMMANDS, importing none of them."""
    modules = sorted({module for module, _, _ in COMMANDS.values()})
    code = PROBE.format(args=["--help"], heavy=tuple(modules))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.rsplit("loaded:", 1)[1].strip() == ""
    assert "  audit    Audit a folder" in done.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_help_table_is_the_commands_own(name: str) -> None:
    """Each line --help shows without importing the command is the first paragraph of its help."""
    command = cli.get_command(click.Context(cli), name)
    assert command is not None
    assert command.name == name
    assert (command.help or "").split("\n\n")[0].replace("\n", " ") == COMMANDS[name][2]


def test_cli_constants_match_the_library() -> None:
    """The CLI repeats two constants so that it need not import the audit or the store to show help."""
    assert cli_audit.DEFAULT_EXCLUDE == DEFAULT_EXCLUDE
    assert cli_audit.DATABASE_ENV == ENV
    assert cli_check.DATABASE_ENV == ENV


def test_a_re_audit_of_an_unchanged_archive_reads_and_checks_nothing(tmp_path: Path) -> None:
    """The second audit of an unchanged archive into SQLite needs the database only, read with the
    standard library's sqlite3 (provenance.audit.unchanged): no image, C2PA, markup or HTTP library, and
    neither SQLAlchemy nor Alembic, is imported (its start-up is most of its cost); the first one imports
    no HTTP library."""
    from tests.archives import make_archive

    folder, url = tmp_path / "newsroom", f"sqlite:///{tmp_path / 'a.db'}"
    make_archive(folder, images=4)
    args = ["audit", str(folder), "--db", url, "--jobs", "1"]
    first = PROBE.format(args=args, heavy=(*HEAVY, "requests"))
    done = subprocess.run([sys.executable, "-c", first], capture_output=True, text=True, check=True)
    assert "PIL" in done.stdout  # the first audit read the images
    assert "requests" not in done.stdout.rsplit("loaded:", 1)[1]  # ... and needs no HTTP library
    again = subprocess.run([sys.executable, "-c", first], capture_output=True, text=True, check=True)
    loaded = [m for m in again.stdout.rsplit("loaded:", 1)[1].strip().split(",") if m]
    assert loaded == []
