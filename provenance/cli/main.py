"""[edge] The `provenance` command: a click group over the library, one module per area.

The commands' modules are imported when a command runs, not before: `provenance --help` lists them
from the table below, and `provenance audit` does not load the modules of check, serve or catalog
(tests/cli/test_lazy_imports.py keeps the table's lines equal to the commands' own help).
"""

from __future__ import annotations

from importlib import import_module

import click
from click.formatting import HelpFormatter

from provenance.cli.common import Commands, flush_quietly

# name: (module, attribute, the first paragraph of the command's help), in the order --help lists them
COMMANDS: dict[str, tuple[str, str, str]] = {
    "audit": ("provenance.cli.audit", "audit", "Audit a folder or .zip of articles and images into the database."),
    "catalog": ("provenance.cli.catalog", "catalog_group", "Browse and validate the license and source catalog."),
    "check": ("provenance.cli.check", "check", "Check articles (plain text, Markdown, HTML) and images (JPEG, "
              "PNG, WebP, TIFF, HEIC), as files or URLs."),
    "db": ("provenance.cli.audit", "db_group", "The database: create it or bring its schema up to date."),
    "explain": ("provenance.cli.check", "explain", "Check FILES (or URLs) and explain why each finding was raised "
                "(same as check --explain)."),
    "report": ("provenance.cli.audit", "report", "Write the report of the last audits from the database, without "
               "auditing again."),
    "serve": ("provenance.cli.serve", "serve", "Run the dashboard and JSON API with a production WSGI server "
              "(waitress)."),
}


class LazyCommands(Commands):
    """The command group, importing a command's module only when that command runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attribute, _ = COMMANDS[cmd_name]
        command = getattr(import_module(module), attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: HelpFormatter) -> None:
        """The commands and their one-line help, as click lists them, from the table."""
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, click.Command(name, help=text).get_short_help_str(limit))  # shortened as click does
                for name, (_, _, text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyCommands)
@click.version_option(package_name="provenance")
@click.option("--catalog", "catalog_dirs", multiple=True, type=click.Path(file_okay=False),
              help="Extra folder of license/source TOML files, on top of the bundled catalog.")
@click.pass_context
def cli(ctx: click.Context, catalog_dirs: tuple[str, ...]) -> None:
    """Who made an image, under what license, and what the credit must say."""
    ctx.obj = {"catalog_dirs": catalog_dirs}


def main() -> None:
    try:
        cli()
    finally:
        flush_quietly()
