"""The README and the catalog's README stay true to the code."""

from __future__ import annotations

import re

import click
import pytest

from provenance.catalog.load import Catalog
from provenance.cli.main import cli
from provenance.rules.registry import FINDINGS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CATALOG_README = (ROOT / "licenses" / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    context = click.Context(group)
    for name in group.list_commands(context):  # the commands of a group loaded lazily too
        command = group.get_command(context, name)
        assert command is not None
        found.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, f"{prefix}{name} "))
    return found


COMMANDS = _commands(cli)


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_has_help_and_is_in_the_readme(name: str, command: click.Command) -> None:
    assert command.help, f"{name} has no help text"
    assert f"provenance {name}" in README, f"README does not show `provenance {name}`"
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts} has no help"
            assert any(opt in README for opt in param.opts), f"README does not mention {param.opts}"


@pytest.mark.parametrize("code", sorted(FINDINGS))
def test_every_finding_code_is_in_the_readme(code: str) -> None:
    assert f"`{code}`" in README
    severity = FINDINGS[code].severity.value
    assert re.search(rf"`{re.escape(code)}`\s*\|\s*{severity}", README), f"{code} severity"


def test_readme_opens_with_two_commands() -> None:
    blocks = re.findall(r"```(?:sh|bash|console)\n(.*?)```", README, re.S)
    assert blocks[0].strip() == "make demo"
    assert blocks[1].strip() == "make test"


def test_catalog_readme_documents_every_key(catalog: Catalog) -> None:
    keys = {"id", "name", "short_name", "url", "family", "aliases", "url_patterns", "url_ports",
            "attribution_statement", "terms", "attribution_requires", "domains", "homepage", "kind",
            "license", "category", "note", "keywords", "needs_agreement", "editorial_only",
            "needs_verification", "description", "phrases", "drop", "share_alike_compatible", "adaptation",
            "plus", "label", "[[change]]", "[[digital_source_type]]"}
    for key in keys:
        assert f"`{key}`" in CATALOG_README, key
    for flag in ("open", "attribution", "license_link", "share_alike", "noncommercial",
                 "no_derivatives", "indicate_changes", "editorial_only"):
        assert f"`{flag}`" in CATALOG_README, flag
