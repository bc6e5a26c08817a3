"""A clone with nothing beside it (no ../shared, no database, no reports) collects and runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="needs a git checkout")
def test_a_clone_without_shared_collects_and_runs(tmp_path: Path) -> None:
    clone = tmp_path / "main"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    assert not (tmp_path / "shared").exists()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROVENANCE_")}
    collected = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
                               cwd=clone, env=env, capture_output=True, text=True)
    assert collected.returncode == 0, collected.stdout[-2000:] + collected.stderr[-2000:]
    assert " tests collected" in collected.stdout
    # one module of the pipeline's tests, run (the whole suite runs this way in CI: .ci/run clones the checkout)
    ran = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_check.py"],
                         cwd=clone, env=env, capture_output=True, text=True)
    assert ran.returncode == 0, ran.stdout[-2000:]
    assert " passed" in ran.stdout
    assert "failed" not in ran.stdout
