"""The README's command transcripts are real: each `$ provenance …` block is run
again and every line it shows must be in the output (a line with … is a prefix)."""

from __future__ import annotations

import re
import shlex

import pytest
from click.testing import CliRunner

from provenance.cli.main import cli
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```console\n(.*?)```", README, re.S)


def _transcripts() -> list[tuple[str, list[str]]]:
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
    # check and explain are re-run; audit prints timings and writes a database, so it is left out
    return [(c, s) for c, s in found if c.startswith(("provenance check", "provenance explain"))]


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
