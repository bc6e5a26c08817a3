"""Per-file budgets in the audit's worker processes: an image that takes too long or needs too
much memory, or whose worker dies, becomes a `file-error`, and the other images are read as usual."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from tests import samples
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Nine small photos and one RGBA PNG of 121 million pixels (a few MB on disk, 484 MB decoded)."""
    root = tmp_path_factory.mktemp("budgets")
    for n in range(9):
        (root / f"photo-{n}.jpg").write_bytes(samples.jpeg(samples.picture(100, 80, seed=n)))
    huge = Image.new("RGBA", (11_000, 11_000), (255, 255, 255, 255))
    ImageDraw.Draw(huge).rectangle((100, 100, 5_000, 5_000), fill=(0, 0, 0, 255))
    huge.save(root / "huge.png")
    return root


# (the budget, as an environment variable, and the file-error it gives the huge image)
BUDGETS = [
    pytest.param("PROVENANCE_FILE_SECONDS", "1", "huge.png: reading it took over 1 s; not read",
                 id="time: decoding 121 million pixels takes over a second"),
    pytest.param("PROVENANCE_WORKER_MEMORY_MB", "700",
                 "huge.png: reading it needed more memory than a worker may use; not read",
                 id="memory: the decoded image does not fit in a 700 MB worker"),
]


@pytest.mark.parametrize(("variable", "value", "message"), BUDGETS)
def test_a_file_over_budget_is_a_file_error(folder: Path, tmp_path: Path, variable: str, value: str,
                                            message: str) -> None:
    report = tmp_path / "report.csv"
    command = [sys.executable, "-m", "provenance", "audit", str(folder), "--db", f"sqlite:///{tmp_path / 'b.db'}",
               "--jobs", "2", "--report", str(report), "--fail-on", "error"]
    done = subprocess.run(command, cwd=ROOT, env={**os.environ, variable: value}, capture_output=True, timeout=600,
                          check=False)
    assert done.returncode == 1, done.stderr  # an error finding, not a crash
    rows = {row["image"]: row for row in csv.DictReader(report.read_text(encoding="utf-8").splitlines())}
    assert (rows["huge.png"]["findings"], rows["huge.png"]["messages"]) == ("file-error", message)
    others = [rows[f"photo-{n}.jpg"]["findings"].split() for n in range(9)]
    assert all("missing-credit" in codes and "file-error" not in codes for codes in others)  # read as usual


def test_the_time_budget_holds_with_one_worker(folder: Path, tmp_path: Path) -> None:
    """`--jobs 1` and fewer than eight images: still read in a worker process, under the budget."""
    small = tmp_path / "small"
    small.mkdir()
    for name in ("huge.png", "photo-0.jpg", "photo-1.jpg"):
        (small / name).write_bytes((folder / name).read_bytes())
    report = tmp_path / "report.csv"
    command = [sys.executable, "-m", "provenance", "audit", str(small), "--db", f"sqlite:///{tmp_path / 'b.db'}",
               "--jobs", "1", "--report", str(report), "--fail-on", "error"]
    done = subprocess.run(command, cwd=ROOT, env={**os.environ, "PROVENANCE_FILE_SECONDS": "1"},
                          capture_output=True, timeout=600, check=False)
    assert done.returncode == 1, done.stderr
    rows = {row["image"]: row for row in csv.DictReader(report.read_text(encoding="utf-8").splitlines())}
    assert rows["huge.png"]["messages"] == "huge.png: reading it took over 1 s; not read"
    assert all("file-error" not in rows[f"photo-{n}.jpg"]["findings"] for n in range(2))


# (photos, --jobs, the photo whose worker dies)
DEATHS = [
    pytest.param(20, "1", "photo-07.jpg", id="one worker, five photos a job: the death is inside a job"),
    pytest.param(40, "2", "photo-05.jpg", id="two workers: the other worker's job fails with it and is not blamed"),
    pytest.param(40, "2", "photo-00.jpg", id="the very first photo"),
]


@pytest.mark.parametrize(("photos", "jobs", "killer"), DEATHS)
def test_a_worker_that_dies_names_its_file(tmp_path: Path, photos: int, jobs: str, killer: str) -> None:
    """A worker kills itself on one photo: that photo is a file-error, no other, and every other photo
    is read (a healthy photo blamed would stay unread, since a re-audit reads only changed files)."""
    folder = tmp_path / "photos"
    folder.mkdir()
    for n in range(photos):
        (folder / f"photo-{n:02d}.jpg").write_bytes(samples.jpeg(samples.picture(60, 40, seed=n)))
    report = tmp_path / "report.csv"
    command = [sys.executable, "-m", "provenance", "audit", str(folder), "--db", f"sqlite:///{tmp_path / 'b.db'}",
               "--jobs", jobs, "--report", str(report), "--no-phash"]
    done = subprocess.run(command, cwd=ROOT, env={**os.environ, "PROVENANCE_TEST_KILL_WORKER_ON": killer},
                          capture_output=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    rows = {row["image"]: row for row in csv.DictReader(report.read_text(encoding="utf-8").splitlines())}
    failed = {name: row["messages"] for name, row in rows.items() if "file-error" in row["findings"]}
    assert failed == {killer: f"{killer}: the worker reading it died (out of memory or killed); not read"}
    assert len(rows) == photos
