"""[edge] What every command shares: the one error path, the catalog and the profile.

Library errors become one line, `Error: …`, and exit status 2, never a traceback.
Exit status: 0 no error finding, 1 an error finding, 2 an input could not be read.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, NoReturn, TextIO

import click

from provenance.catalog.names import terminal_safe
from provenance.errors import ProvenanceError

if TYPE_CHECKING:
    from provenance.catalog.load import Catalog
    from provenance.catalog.profile import UsageProfile

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def say(text: str, err: bool = False) -> None:
    """Print for a person: escape sequences and direction controls a file or a credit may carry are
    stripped, so that nothing read from an archive can drive the terminal or reorder the line."""
    try:
        click.echo(terminal_safe(text), err=err)
    except BrokenPipeError:
        reader_gone(sys.stderr if err else sys.stdout)


def reader_gone(stream: TextIO) -> None:
    """The reader of a pipe went away (`provenance audit … | head -1`): what is left for it goes nowhere, as
    a Unix tool's output ends, and the command finishes its work (the audit is stored, its --report
    written) with no error printed. The stream's descriptor is pointed at /dev/null, so that nothing written
    later, the interpreter's last flush either, meets the closed pipe again."""
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, stream.fileno())
    except (OSError, ValueError):  # not a real descriptor (a test's capture): nothing to repoint
        pass
    finally:
        os.close(null)


def flush_quietly() -> None:
    """Flush the standard streams as the command ends, a reader gone from a pipe being no error."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            reader_gone(stream)


def say_error(message: str) -> None:
    """One line on stderr naming the file and the problem: how every error reaches a person."""
    say("Error: " + " ".join(message.split("\n")).strip(), err=True)


def fail(message: str) -> NoReturn:
    """The one way a command stops on bad input: one line on stderr, exit status 2."""
    say_error(message)
    raise SystemExit(EXIT_INPUT)


class Commands(click.Group):
    """The command group: any library error a command lets through still ends as one line, exit 2."""

    def invoke(self, ctx: click.Context) -> object:
        with one_line_errors("provenance"):
            return super().invoke(ctx)


@contextlib.contextmanager
def one_line_errors(where: str) -> Iterator[None]:
    """Library, database and operating-system failures as one `Error:` line and exit status 2:
    a read-only or locked database, a full disk, a folder where a file was expected."""
    try:
        yield
    except ProvenanceError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{exc.filename or where}: {exc.strerror or exc}")
    except Exception as exc:
        database = sys.modules.get("sqlalchemy.exc")  # not imported by commands that need no database
        if database is None or not isinstance(exc, database.SQLAlchemyError):
            raise
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        fail(f"{where}: the database failed ({reason})")


def catalog_of(ctx: click.Context) -> Catalog:
    """The bundled catalog plus the folders given with --catalog."""
    from provenance.catalog.load import load_catalog

    extra = ctx.obj.get("catalog_dirs", ()) if ctx.obj else ()
    try:
        return load_catalog(*extra)
    except ProvenanceError as exc:
        fail(str(exc))


def profile_of(catalog: Catalog, path: str | None, medium: str | None, modified: tuple[str, ...],
               lang: str | None = None) -> UsageProfile:
    """The usage profile from --profile, with --medium, --modified and --lang applied."""
    from provenance.catalog.profile import check_changes, check_lang, load_profile

    try:
        profile = load_profile(path, catalog)
        check_changes("--modified", list(modified), catalog, key=None)
        if lang:
            check_lang("--lang", lang, catalog, key=None)
            profile = replace(profile, lang=lang)
    except ProvenanceError as exc:
        fail(str(exc))
    profile = profile.with_changes(*modified)
    return replace(profile, medium=medium) if medium else profile
