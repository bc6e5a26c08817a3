"""[edge] `provenance catalog list|validate`: browse and check the license and source catalog."""

from __future__ import annotations

import json

import click

from provenance.cli.common import catalog_of, fail, say
from provenance.errors import CatalogError


@click.group(name="catalog")
def catalog_group() -> None:
    """Browse and validate the license and source catalog."""


@catalog_group.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--sources", is_flag=True, help="List sources instead of licenses.")
@click.pass_context
def catalog_list(ctx: click.Context, as_json: bool, sources: bool) -> None:
    """List the licenses (or sources) in the catalog."""
    from provenance.render.check_report import license_dict

    catalog = catalog_of(ctx)
    if sources:
        rows = [{"id": s.id, "name": s.name, "kind": s.kind, "terms": s.terms, "license": s.license}
                for s in catalog.sources.values()]
        lines = [f"{r['id']:<22} {r['kind']:<12} {r['terms']:<14} {r['license'] or '-'}" for r in rows]
    else:
        rows = [license_dict(lic) or {} for lic in catalog.licenses.values()]
        lines = [f"{lic.id:<32} {lic.short_name}" for lic in catalog.licenses.values()]
    say(json.dumps(rows, indent=2, ensure_ascii=False) if as_json else "\n".join(lines))


@catalog_group.command(name="validate")
@click.argument("dirs", nargs=-1, type=click.Path(file_okay=False))
def catalog_validate(dirs: tuple[str, ...]) -> None:
    """Load the bundled catalog plus DIRS and report the first problem, if any."""
    from provenance.catalog.load import load_catalog

    try:
        catalog = load_catalog(*dirs)
    except CatalogError as exc:
        fail(str(exc))
    say(f"ok: {len(catalog.licenses)} licenses, {len(catalog.sources)} sources, "
               f"{len(catalog.categories)} categories from {len(catalog.files)} files")
