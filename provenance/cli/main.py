"""[edge] The `provenance` command: a click group over the library, one module per area."""

from __future__ import annotations

import click

from provenance.cli.audit import audit, db_group, report
from provenance.cli.catalog import catalog_group
from provenance.cli.check import check, explain
from provenance.cli.common import Commands
from provenance.cli.serve import serve


@click.group(cls=Commands)
@click.version_option(package_name="provenance")
@click.option("--catalog", "catalog_dirs", multiple=True, type=click.Path(file_okay=False),
              help="Extra folder of license/source TOML files, on top of the bundled catalog.")
@click.pass_context
def cli(ctx: click.Context, catalog_dirs: tuple[str, ...]) -> None:
    """Who made an image, under what license, and what the credit must say."""
    ctx.obj = {"catalog_dirs": catalog_dirs}


for command in (check, explain, audit, report, serve, db_group, catalog_group):
    cli.add_command(command)


def main() -> None:
    cli()
