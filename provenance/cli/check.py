"""[edge] `provenance check` and `provenance explain`: check files and URLs, print what was found."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import click

from provenance.cli.common import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, catalog_of, fail, profile_of, say, say_error
from provenance.errors import ProvenanceError

if TYPE_CHECKING:  # the checking itself is imported inside the commands: `--help` stays fast
    from provenance.catalog.load import Catalog
    from provenance.catalog.profile import UsageProfile
    from provenance.check import CheckedFile
    from provenance.io.verify import Verifier

DATABASE_ENV = "PROVENANCE_DATABASE_URL"  # provenance.store.repository.ENV (a test keeps them equal)


def check_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options `check` and `explain` share."""
    options = [
        click.argument("files", nargs=-1, required=True),
        click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead of text."),
        click.option("--evidence", "show_evidence", is_flag=True,
                     help="List every piece of evidence (origin, exact field, value) in the text output."),
        click.option("--profile", "profile_path", metavar="FILE", default=None,
                     help="Usage profile (TOML); default: profiles/default.toml, a commercial online news site."),
        click.option("--medium", type=click.Choice(["online", "print"]), default=None,
                     help="Online links the license; print writes its URL out in full (default: the profile's)."),
        click.option("--modified", metavar="CHANGE", multiple=True,
                     help="A change made to the images (cropped, retouched, composited… see "
                          "licenses/changes.toml); repeatable."),
        click.option("--lang", metavar="CODE", default=None,
                     help="Language of the attributions: en, de, fr, es, it, pt, ru, pl, ja, zh, ko "
                          "(licenses/lang/; default: the profile's lang, else en)."),
        click.option("--offline", is_flag=True, default=None,
                     help="Make no request: URLs are refused, Commons answers come only from the cache."),
        click.option("--db", "db_url", metavar="URL", default=None,
                     help="Database that caches Commons answers (default: PROVENANCE_DATABASE_URL, else memory)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.command()
@check_options
@click.option("--explain", is_flag=True, help="Say for each finding which rule raised it and on what evidence.")
@click.pass_context
def check(ctx: click.Context, files: tuple[str, ...], as_json: bool, show_evidence: bool, profile_path: str | None,
          medium: str | None, modified: tuple[str, ...], lang: str | None, offline: bool | None,
          db_url: str | None, explain: bool) -> None:
    """Check articles (plain text, Markdown, HTML) and images (JPEG, PNG, WebP, TIFF, HEIC), as files or URLs."""
    ctx.obj["verifier"] = verifier_of(offline, db_url)
    _run_check(ctx, files, as_json, show_evidence, profile_path, medium, modified, explain, lang)


@click.command()
@check_options
@click.pass_context
def explain(ctx: click.Context, files: tuple[str, ...], as_json: bool, show_evidence: bool,
            profile_path: str | None, medium: str | None, modified: tuple[str, ...], lang: str | None,
            offline: bool | None, db_url: str | None) -> None:
    """Check FILES (or URLs) and explain why each finding was raised (same as check --explain)."""
    ctx.obj["verifier"] = verifier_of(offline, db_url)
    _run_check(ctx, files, as_json, show_evidence, profile_path, medium, modified, True, lang)


def _run_check(ctx: click.Context, files: tuple[str, ...], as_json: bool, show_evidence: bool,
               profile_path: str | None, medium: str | None, modified: tuple[str, ...], explain: bool,
               lang: str | None = None) -> None:
    from provenance.check_split import split_by
    from provenance.io.forked import forked_map
    from provenance.render.check_report import profile_dict

    catalog = catalog_of(ctx)
    profile = profile_of(catalog, profile_path, medium, modified, lang)
    results: list[dict[str, Any]] = []
    status = EXIT_OK
    with split_by(forked_map, os.cpu_count() or 1):  # a long plain text's chunks on every core at once
        for checked in _checked(list(files), catalog, profile, ctx.obj["verifier"]):
            status = _report(checked, results, status, as_json, show_evidence, explain)
    if as_json:
        document = {"profile": profile_dict(profile), "files": results}
        say(json.dumps(document, indent=2, ensure_ascii=False))
    ctx.exit(status)


def _report(checked: CheckedFile, results: list[dict[str, Any]], status: int, as_json: bool, show_evidence: bool,
            explain: bool) -> int:
    """One checked file added to the results (and said, unless as JSON); the exit status so far."""
    from provenance.render.check_report import file_dict, file_text

    results.append(file_dict(checked))
    if checked.error:
        say_error(checked.error)
        return EXIT_INPUT
    if checked.has_error and status == EXIT_OK:
        status = EXIT_FINDINGS
    if not as_json:
        say(file_text(checked, show_evidence, explain) + "\n")
    return status


def verifier_of(offline: bool | None, db_url: str | None) -> Verifier:
    """The Commons and Flickr verifier: answers cached in the database when one is named, else in memory."""
    from provenance.io.verify import Verifier

    cache = None
    if db_url or os.environ.get(DATABASE_ENV):
        from provenance.store.commons_cache import StoreCache
        from provenance.store.repository import open_store

        try:
            cache = StoreCache(open_store(db_url)[1])
        except ProvenanceError as exc:
            fail(str(exc))
    return Verifier.from_env(offline=offline, cache=cache)


def _starts_a_zip(path: str) -> bool:
    """Whether a file begins as a zip does (by its bytes, as the audit tells one; unreadable: not said here)."""
    from provenance.io.archive import ZIP_MAGIC

    if not os.path.isfile(path):  # a folder, a FIFO (opening it would wait), nothing: said by the check
        return False
    try:
        with open(path, "rb") as file:
            return file.read(4).startswith(ZIP_MAGIC)
    except OSError:
        return False


_OTHER_SCHEME = re.compile(r"(?i)^[a-z][a-z0-9+.-]*://")  # a URL of a scheme the fetch guard does not take


def _checked(paths: list[str], catalog: Catalog, profile: UsageProfile, verifier: Verifier) -> Iterator[CheckedFile]:
    """Each argument checked in order: a URL is fetched through the guard, a file read from disk."""
    from provenance.check import CheckedFile
    from provenance.io.inputs import check_source, file_sources
    from provenance.io.url_check import check_url, is_url

    kinds = ["url" if is_url(path) else "scheme" if _OTHER_SCHEME.match(path.strip()) else
             "zip" if _starts_a_zip(path) else "file" for path in paths]
    # the files share one reader of images per folder: an image named beside its article is read once
    local = iter(file_sources([path for path, kind in zip(paths, kinds, strict=True) if kind == "file"]))
    for path, kind in zip(paths, kinds, strict=True):
        if kind == "url":
            yield check_url(path, catalog, profile, verifier)
        elif kind == "scheme":  # told as is_url tells a URL
            yield CheckedFile(path, "error", error=f"{path}: only http:// and https:// addresses are fetched "
                                                   f"(for a file on this machine, give its path)")
        elif kind == "zip":  # not read here, and not "a zip inside a zip" either: what to run instead
            yield CheckedFile(path, "error", error=f"{path}: is a zip archive: check reads articles and images; "
                                                   f"audit the zip instead (provenance audit {path})")
        else:
            source, siblings = next(local)
            yield check_source(source, catalog, profile, siblings, verifier)
