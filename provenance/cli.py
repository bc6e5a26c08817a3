"""[edge] The `provenance` command: thin over the library.

Library errors become one line, `Error: …`, never a traceback.
Exit status: 0 no error finding, 1 an error finding, 2 an input could not be read.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import click

from .catalog import Catalog, load_catalog
from .check import check_article
from .errors import CatalogError, ProvenanceError
from .files import read_article
from .images import check_image, image_facts, local_image_reader, looks_like_image
from .profile import UsageProfile, check_changes, load_profile
from .report import file_dict, file_text, license_dict, profile_dict

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def _catalog(ctx: click.Context) -> Catalog:
    extra = ctx.obj.get("catalog_dirs", ()) if ctx.obj else ()
    try:
        return load_catalog(*extra)
    except CatalogError as exc:
        click.echo(f"Error: {exc}", err=True)
        ctx.exit(EXIT_INPUT)
        raise AssertionError("unreachable") from None


@click.group()
@click.version_option(package_name="provenance")
@click.option("--catalog", "catalog_dirs", multiple=True, type=click.Path(file_okay=False),
              help="Extra folder of license/source TOML files, on top of the bundled catalog.")
@click.pass_context
def cli(ctx: click.Context, catalog_dirs: tuple[str, ...]) -> None:
    """Who made an image, under what license, and what the credit must say."""
    ctx.obj = {"catalog_dirs": catalog_dirs}


def _profile(ctx: click.Context, catalog: Catalog, path: str | None, medium: str | None,
             modified: tuple[str, ...]) -> UsageProfile:
    try:
        profile = load_profile(path, catalog)
        check_changes("--modified", list(modified), catalog)
    except ProvenanceError as exc:
        click.echo(f"Error: {exc}", err=True)
        ctx.exit(EXIT_INPUT)
        raise AssertionError("unreachable") from None
    profile = profile.with_changes(*modified)
    return replace(profile, medium=medium) if medium else profile


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
    ]
    for option in reversed(options):
        command = option(command)
    return command


@cli.command()
@check_options
@click.option("--explain", is_flag=True, help="Say for each finding which rule raised it and on what evidence.")
@click.pass_context
def check(ctx: click.Context, files: tuple[str, ...], as_json: bool, show_evidence: bool, profile_path: str | None,
          medium: str | None, modified: tuple[str, ...], explain: bool) -> None:
    """Check articles (plain text, Markdown, HTML) and images (JPEG, PNG, WebP, TIFF, HEIC)."""
    _run_check(ctx, files, as_json, show_evidence, profile_path, medium, modified, explain)


@cli.command()
@check_options
@click.pass_context
def explain(ctx: click.Context, files: tuple[str, ...], as_json: bool, show_evidence: bool,
            profile_path: str | None, medium: str | None, modified: tuple[str, ...]) -> None:
    """Check FILES and explain why each finding was raised (same as check --explain)."""
    _run_check(ctx, files, as_json, show_evidence, profile_path, medium, modified, True)


def _run_check(ctx: click.Context, files: tuple[str, ...], as_json: bool, show_evidence: bool,
               profile_path: str | None, medium: str | None, modified: tuple[str, ...], explain: bool) -> None:
    catalog = _catalog(ctx)
    profile = _profile(ctx, catalog, profile_path, medium, modified)
    results: list[dict[str, Any]] = []
    status = EXIT_OK
    for path in files:
        try:
            result, text, has_error = _check_one(path, catalog, profile, show_evidence, explain)
        except ProvenanceError as exc:
            message = str(exc)
        except Exception as exc:  # one file's unexpected failure must not stop the batch
            message = f"{path}: could not be checked ({type(exc).__name__}: {exc})"
        else:
            message = ""
        if message:
            click.echo(f"Error: {message}", err=True)
            results.append({"file": path, "ok": False, "error": message, "items": []})
            status = EXIT_INPUT
            continue
        if has_error and status == EXIT_OK:
            status = EXIT_FINDINGS
        results.append(result)
        if not as_json:
            click.echo(text + "\n")
    if as_json:
        document = {"profile": profile_dict(profile), "files": results}
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    ctx.exit(status)


def _check_one(path: str, catalog: Catalog, profile: UsageProfile, show_evidence: bool,
               explain: bool) -> tuple[dict[str, Any], str, bool]:
    """(JSON result, text, has an error finding) for one article or image file."""
    if looks_like_image(path):
        image = check_image(path, catalog, profile=profile)
        meta, ident = image.metadata, image.identity
        extra = {"image": image_facts(meta, ident)}
        header = f"{path}: {meta.format} {meta.width}x{meta.height}, sha256 {ident.sha256[:16]}…, phash {ident.phash}"
        for problem in meta.problems:
            header += f"\n  problem: {problem}"
        text = file_text(path, [image.item], show_evidence, header=header, explain=explain)
        return file_dict(path, [image.item], "image", extra=extra), text, image.item.has_error
    problems: list[str] = []
    article = check_article(read_article(path), catalog, name=path, profile=profile,
                            image_evidence=local_image_reader(path, problems))
    has_error = any(item.has_error for item in article.items)
    text = file_text(path, article.items, show_evidence, explain=explain)
    text += "".join(f"\n  problem: {p}" for p in problems)
    return file_dict(path, article.items, article.kind, article.page, {"problems": problems}), text, has_error


@cli.group(name="catalog")
def catalog_group() -> None:
    """Browse and validate the license and source catalog."""


@catalog_group.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--sources", is_flag=True, help="List sources instead of licenses.")
@click.pass_context
def catalog_list(ctx: click.Context, as_json: bool, sources: bool) -> None:
    """List the licenses (or sources) in the catalog."""
    catalog = _catalog(ctx)
    if sources:
        rows = [{"id": s.id, "name": s.name, "kind": s.kind, "terms": s.terms, "license": s.license}
                for s in catalog.sources.values()]
        lines = [f"{r['id']:<22} {r['kind']:<12} {r['terms']:<14} {r['license'] or '-'}" for r in rows]
    else:
        rows = [license_dict(lic) or {} for lic in catalog.licenses.values()]
        lines = [f"{lic.id:<32} {lic.short_name}" for lic in catalog.licenses.values()]
    click.echo(json.dumps(rows, indent=2, ensure_ascii=False) if as_json else "\n".join(lines))


@catalog_group.command(name="validate")
@click.argument("dirs", nargs=-1, type=click.Path(file_okay=False))
def catalog_validate(dirs: tuple[str, ...]) -> None:
    """Load the bundled catalog plus DIRS and report the first problem, if any."""
    try:
        catalog = load_catalog(*dirs)
    except CatalogError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    click.echo(f"ok: {len(catalog.licenses)} licenses, {len(catalog.sources)} sources, "
               f"{len(catalog.categories)} categories from {len(catalog.files)} files")


def main() -> None:
    cli()


from .cli_audit import audit, db_group, report, serve  # noqa: E402 - registered after the group exists

cli.add_command(audit)
cli.add_command(serve)
cli.add_command(report)
cli.add_command(db_group)
