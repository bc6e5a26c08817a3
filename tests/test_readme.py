"""The README's command transcripts are real: each `$ provenance …` block is run
again and every line it shows must be in the output (a line with … is a prefix)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance.cli.main import cli
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```console\n(.*?)```", README, re.S)


def _transcripts(commands: tuple[str, ...] = ("provenance check", "provenance explain")) -> list[tuple[str, list[str]]]:
    found = []
    for block in BLOCKS:
        command, shown = None, []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command:
                    found.append((command, shown))
                command, shown = line[2:], []
            elif command:
                shown.append(line)
        if command:
            found.append((command, shown))
    # check and explain are re-run as shown; audit writes a database and a report, so it is run apart (below)
    return [(c, s) for c, s in found if c.startswith(commands)]


TRANSCRIPTS = _transcripts()


def test_readme_has_transcripts() -> None:
    assert len(TRANSCRIPTS) >= 4


@pytest.mark.parametrize(("command", "shown"), TRANSCRIPTS, ids=[c for c, _ in TRANSCRIPTS])
def test_transcript_matches_real_output(command: str, shown: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, shlex.split(command)[1:])
    output = (result.stdout + result.stderr).splitlines()
    for line in shown:
        if line.strip() in ("…", "") or line.startswith("$ "):
            continue
        head = line.split("…")[0].rstrip() if "…" in line else line
        assert any(out.startswith(head) for out in output), f"not in the output of {command!r}: {line!r}"


AUDITS = _transcripts(("provenance audit data",))


def test_readme_has_an_audit_transcript() -> None:
    assert len(AUDITS) == 1


def test_audit_transcript_matches_an_audit_of_the_sample_archive(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The counts the README shows for the sample archive are those an audit of it gives today (the database and
    the report go to a temporary folder; the summary's first line is compared up to its timing)."""
    (command, shown), = AUDITS
    monkeypatch.chdir(ROOT)
    args = shlex.split(command)[1:]
    args[args.index("--report") + 1] = str(tmp_path / "audit.html")
    result = CliRunner().invoke(cli, [*args, "--db", f"sqlite:///{tmp_path / 'audit.db'}"])
    assert result.exit_code == 0, result.output
    output = (result.stdout + result.stderr).splitlines()
    first = re.sub(r"^audited \S+:", "audited data:", shown[0]).split(", in ")[0]
    assert re.sub(r"^audited \S+:", "audited data:", output[0]).startswith(first), output[0]
    for line in shown[1:]:
        if line.strip() in ("…", "") or line.startswith("report:"):
            continue
        head = line.split("…")[0].rstrip() if "…" in line else line
        assert any(out.startswith(head) for out in output), f"not in the audit's output: {line!r}"
