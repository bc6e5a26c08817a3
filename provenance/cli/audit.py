"""[edge] `provenance audit`, `provenance report` and `provenance db upgrade`."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from provenance.cli.common import catalog_of, fail, one_line_errors, profile_of, say

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from provenance.audit.reading import ReadAhead
    from provenance.catalog.load import Catalog
    from provenance.catalog.profile import UsageProfile

# The audit, the store and SQLAlchemy are imported inside the commands that use them, so that
# `provenance --help` and the commands that need no database start fast. These two constants are
# also in provenance.store.repository (ENV) and provenance.audit.run (DEFAULT_EXCLUDE); a test
# keeps them equal.
DATABASE_ENV = "PROVENANCE_DATABASE_URL"
DEFAULT_EXCLUDE = ("README*", "LICENSE*", "CHANGELOG*")
DB_HELP = f"Database URL (default: ${DATABASE_ENV}, else sqlite:///provenance.db in this folder)."
FAIL_ON = click.Choice(["error", "warning"])


def _write_report(session: object, catalog: Catalog, path: str, title: str) -> list:  # type: ignore[type-arg]
    from provenance.audit.labels import Labels
    from provenance.audit.read_model import report_rows
    from provenance.audit.xlsx import xlsx_bytes
    from provenance.render.audit_report import FORMATS, render

    _check_report_path(path)
    fmt = FORMATS.get(Path(path).suffix.lower())
    rows = report_rows(session, Labels(catalog))  # type: ignore[arg-type]
    try:
        write_atomically(Path(path), xlsx_bytes(rows) if fmt is None else render(rows, fmt, title))
    except OSError as exc:
        fail(f"{path}: cannot write the report ({exc.strerror})")
    return rows


def _check_report_path(path: str) -> None:
    """Fail, naming the file, when a report cannot be written there: an extension no format has, or a folder that
    does not exist (checked before an audit starts, not after it ran)."""
    from provenance.render.audit_report import FORMATS

    if Path(path).suffix.lower() not in (*FORMATS, ".xlsx"):
        fail(f"{path}: the report's extension must be one of {', '.join(sorted([*FORMATS, '.xlsx']))}")
    if not Path(path).absolute().parent.is_dir():
        fail(f"{path}: cannot write the report (no such folder)")


def _report_rows(session: object, catalog: Catalog) -> list:  # type: ignore[type-arg]
    from provenance.audit.labels import Labels
    from provenance.audit.read_model import report_rows

    return report_rows(session, Labels(catalog))  # type: ignore[arg-type]


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write a file whole or not at all: a temporary file beside it, flushed, then renamed over it,
    so that a report is never left half written by a crash or a full disk."""
    import tempfile

    handle = tempfile.NamedTemporaryFile("wb", dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp",
                                         delete=False)
    try:
        with handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _verify_commons(sessions: sessionmaker[Session], catalog: Catalog, profile: UsageProfile, rate: float) -> None:
    from provenance.audit.commons import verify_commons
    from provenance.io.commons import CommonsClient
    from provenance.store.commons_cache import StoreCache

    client = CommonsClient(cache=StoreCache(sessions), interval=1 / rate)
    found = verify_commons(sessions, catalog, profile, client)
    say(f"verified with Wikimedia Commons: {found.verified} of {found.candidates} images pointing to it "
               f"({found.not_found} not on Commons, {found.failed} could not be asked, {found.skipped} skipped), "
               f"{client.requests} requests")


def _print_summary(counts: dict[str, object], stats_line: str) -> None:
    say(stats_line)
    for key in ("images", "articles", "guessed encodings", "rows", "usages", "unused images", "unreadable files",
                "with license", "without license"):
        say(f"  {key:<17} {counts[key]}")
    for title, key in (("by status", "by status"), ("by finding", "by finding"), ("by license", "by license")):
        table = counts[key]
        assert isinstance(table, dict)
        if table:
            say(f"  {title}:")
            for name, number in table.items():
                say(f"    {name:<32} {number}")


@click.command()
@click.argument("path")
@click.option("--db", "db_url", default=None, help=DB_HELP)
@click.option("--jobs", type=click.IntRange(1, 256), default=None, help="Worker processes (default: all cores).")
@click.option("--report", "report_path", metavar="FILE", default=None,
              help="Write a report: .csv, .json, .html (a self-contained page) or .xlsx.")
@click.option("--fail-on", type=FAIL_ON, default=None,
              help="Exit 1 when any usage has a finding of this severity or worse.")
@click.option("--exclude", metavar="GLOB", multiple=True,
              help=f"File names to skip (repeatable); default {' '.join(DEFAULT_EXCLUDE)}.")
@click.option("--profile", "profile_path", metavar="FILE", default=None, help="Usage profile (TOML).")
@click.option("--modified", metavar="CHANGE", multiple=True, help="A change made to the images; repeatable.")
@click.option("--verify-commons", is_flag=True,
              help="Look images that point to Wikimedia Commons up with the Commons API (resumable).")
@click.option("--rate", type=click.FloatRange(0.01, 50), default=1.0, show_default=True,
              help="Most Commons API requests per second for --verify-commons.")
@click.option("--phash/--no-phash", default=True, show_default=True,
              help="Perceptual hashes find resized or recompressed copies; without them copies are found by "
                   "SHA-256 only, and no image is decoded.")
@click.pass_context
def audit(ctx: click.Context, path: str, db_url: str | None, jobs: int | None, report_path: str | None,
          fail_on: str | None, exclude: tuple[str, ...], profile_path: str | None,
          modified: tuple[str, ...], verify_commons: bool, rate: float, phash: bool) -> None:
    """Audit a folder or .zip of articles and images into the database."""
    # what only the normal path does: a report, the rows for --fail-on, Commons, a profile or catalog to check
    if report_path:
        _check_report_path(report_path)
    more = report_path or fail_on or verify_commons or profile_path or modified or (ctx.obj or {}).get("catalog_dirs")
    if not more and _unchanged(path, db_url, exclude or DEFAULT_EXCLUDE):
        ctx.exit(0)
    ahead = _read_ahead(path, db_url, exclude or DEFAULT_EXCLUDE, jobs, phash)
    try:
        rows = audit_and_summarise(ctx, path, db_url, jobs, report_path, exclude, profile_path, modified,
                                   rate if verify_commons else None, phash, rows_needed=fail_on is not None,
                                   ahead=ahead)
    finally:
        if ahead:
            ahead.close()
    from provenance.render.audit_report import fails

    ctx.exit(1 if fails(rows, fail_on) else 0)


def _read_ahead(path: str, db_url: str | None, exclude: tuple[str, ...], jobs: int | None,
                phash: bool) -> ReadAhead | None:
    """The first audit of a folder into a new SQLite database starts reading its images here, before
    SQLAlchemy, the store and the checks are imported (provenance.audit.reading)."""
    from provenance.audit.reading import read_ahead
    from provenance.store.basics import database_url, sqlite_file

    return read_ahead(path, sqlite_file(database_url(db_url)), exclude, jobs, phash)


def _unchanged(path: str, db_url: str | None, exclude: tuple[str, ...]) -> bool:
    """The re-audit of an unchanged folder into SQLite, recorded and summarised without SQLAlchemy, the
    catalog or the readers (provenance.audit.unchanged); False when the normal path must run."""
    from provenance.audit.unchanged import default_profile_name, reaudit_unchanged

    found = reaudit_unchanged(path, db_url, exclude, default_profile_name())
    if found is None:
        return False
    _print_summary(found.counts, stats_line(found.root, found.seen, 0, 0, 0, 0, found.seconds))
    return True


def stats_line(root: str, seen: int, extracted: int, failed: int, articles: int, removed: int,
               seconds: float) -> str:
    return (f"audited {root}: {seen} files, {extracted} images read ({failed} unreadable), {articles} articles "
            f"checked, {removed} gone, in {seconds:.1f}s")


def audit_and_summarise(ctx: click.Context, path: str, db_url: str | None, jobs: int | None, report_path: str | None,
           exclude: tuple[str, ...], profile_path: str | None, modified: tuple[str, ...],
           commons_rate: float | None = None, phash: bool = True,
           rows_needed: bool = True, ahead: ReadAhead | None = None) -> list:  # type: ignore[type-arg]
    """Audit, print the summary, write the report; the rows of the report (when written or needed:
    building them reads every usage, the largest cost of a re-audit that found nothing new). `ahead`:
    what provenance.audit.reading.read_ahead did for this audit."""
    with _lasting():
        from provenance.audit.overview import summary
        from provenance.audit.run import run_audit
        from provenance.store.repository import database_url, open_store, safe_url

        catalog = catalog_of(ctx)
        profile = profile_of(catalog, profile_path, None, modified)
    with one_line_errors(safe_url(database_url(db_url))):
        _, sessions = open_store(db_url)
        stats = run_audit(path, sessions, catalog, profile, jobs=jobs, progress=sys.stderr.isatty(),
                          exclude=exclude or DEFAULT_EXCLUDE, phash=phash, ahead=ahead)
        if commons_rate:
            _verify_commons(sessions, catalog, profile, commons_rate)
        with sessions() as session:
            line = stats_line(stats.root, stats.seen, stats.extracted, stats.failed, stats.articles, stats.removed,
                              stats.seconds)
            _print_summary(summary(session), line)
            rows = _write_report(session, catalog, report_path, f"Audit of {stats.root}") if report_path else \
                _report_rows(session, catalog) if rows_needed else []
    if report_path:
        say(f"report: {report_path}")
    return rows


@contextlib.contextmanager
def _lasting() -> Iterator[None]:
    """What is imported and loaded inside lives as long as this command's process (the modules, the
    catalog, the profile): the garbage collector is off meanwhile (importing makes few cycles, and it found
    none to free), then they are moved out of its generations, so that a full collection no longer walks
    them (two or three of them took 0.2 s of an audit process's 1.5 s of CPU), nor do the workers forked
    from this process."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


@click.command()
@click.argument("file")
@click.option("--db", "db_url", default=None, help=DB_HELP)
@click.option("--fail-on", type=FAIL_ON, default=None,
              help="Exit 1 when any usage has a finding of this severity or worse.")
@click.pass_context
def report(ctx: click.Context, file: str, db_url: str | None, fail_on: str | None) -> None:
    """Write the report of the last audits from the database, without auditing again."""
    from provenance.render.audit_report import fails
    from provenance.store.repository import database_url, open_store, safe_url

    where = safe_url(database_url(db_url))
    if _missing_sqlite_file(database_url(db_url)):  # opening it would make a new, empty one
        fail(f"{where}: no such database; audit a folder into it first (provenance audit PATH --db {where})")
    with one_line_errors(where):
        engine, sessions = open_store(db_url)
        with sessions() as session:
            if not _audited(session):
                fail(f"{where}: no audit in this database yet; run provenance audit PATH --db {where}")
            rows = _write_report(session, catalog_of(ctx), file, f"provenance report ({safe_url(str(engine.url))})")
    say(f"report: {file} ({len(rows)} rows)")
    sys.exit(1 if fails(rows, fail_on) else 0)


def _missing_sqlite_file(url: str) -> bool:
    """Whether `url` names a SQLite file that does not exist (a typo, or another folder's provenance.db)."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - an unparsable URL: opening it names the problem
        return False
    name = parsed.database or ""
    return parsed.get_backend_name() == "sqlite" and name not in ("", ":memory:") and not name.startswith("file:") \
        and not Path(name).exists()


def _audited(session: Session) -> bool:
    from sqlalchemy import func, select

    from provenance.store import tables as t

    return bool(session.scalar(select(func.count()).select_from(t.AuditRun)))


@click.group(name="db")
def db_group() -> None:
    """The database: create it or bring its schema up to date."""


@db_group.command(name="upgrade")
@click.option("--db", "db_url", default=None, help=DB_HELP)
def db_upgrade(db_url: str | None) -> None:
    """Create the database or apply new migrations; existing data is kept."""
    from provenance.store.repository import database_url, make_engine, safe_url, upgrade

    with one_line_errors(safe_url(database_url(db_url))):
        engine = make_engine(db_url)
        revision = upgrade(engine)
    say(f"{safe_url(str(engine.url))}: schema at revision {revision}")
