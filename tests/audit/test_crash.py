"""An audit killed with SIGKILL at any point, then started again, ends with the same database and
report as one that ran through: on SQLite and PostgreSQL, at every phase including the last.

The audit kills itself where PROVENANCE_TEST_KILL_AT ("phase:k") says (provenance.audit.state),
so each kill lands at a known point; the audits are real subprocesses of `provenance audit`."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session, aliased

from provenance.audit.state import KILL_ENV
from provenance.store import tables as t
from tests import samples
from tests.archives import make_archive
from tests.conftest import ROOT
from tests.conftest_db import BACKENDS, new_database

# Each row: the kill points of successive runs (each run is killed at its point), then a run to the end.
KILLS = [
    pytest.param(["register:1"], id="after the file rows, before any image is read"),
    pytest.param(["images:3"], id="midway through the images, inside a batch"),
    pytest.param(["articles:9"], id="midway through the articles"),
    pytest.param(["standalone:1"], id="while images no article uses are checked"),
    pytest.param(["groups:1"], id="while copies are grouped: the last phase"),
    pytest.param(["finish:0"], id="after the last phase, before the run is marked done"),
    pytest.param(["images:2", "articles:4", "groups:1"], id="killed three times in a row, each time later"),
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small archive, with a few images no article shows (for the standalone phase)."""
    root = tmp_path_factory.mktemp("crash") / "newsroom"
    make_archive(root, images=9)
    for n in range(3):
        (root / "images" / f"unused-{n}.jpg").write_bytes(samples.jpeg(samples.picture(200, 150, seed=500 + n)))
    return root


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def make_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[], str]]:
    """A factory of new, empty databases of this backend (dropped at the end)."""
    made: list[Iterator[str]] = []

    def new() -> str:
        made.append(new_database(backend, tmp_path_factory.mktemp("db")))
        return next(made[-1])

    yield new
    for generator in made:
        next(generator, None)


@pytest.fixture(scope="module")
def clean(folder: Path, make_url: Callable[[], str], tmp_path_factory: pytest.TempPathFactory,
          ) -> tuple[dict[str, object], str]:
    """The database and report of an audit that ran through, once per backend."""
    url, report = make_url(), tmp_path_factory.mktemp("clean") / "report.json"
    assert _audit(folder, url, report) in (0, 1)
    return _snapshot(url), report.read_text()


def _audit(folder: Path, url: str, report: Path, kill_at: str | None = None) -> int:
    env = {k: v for k, v in os.environ.items() if k != KILL_ENV}
    if kill_at:
        env[KILL_ENV] = kill_at
    command = [sys.executable, "-m", "provenance", "audit", str(folder), "--db", url, "--jobs", "1",
               "--report", str(report)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=False, timeout=300).returncode


def _snapshot(url: str) -> dict[str, object]:
    """The database's content without its row ids: what a person or the report can see."""
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with Session(engine) as session:
            return _content(session)
    finally:
        engine.dispose()


def _content(session: Session) -> dict[str, object]:
    files = sorted(session.execute(select(t.File.path, t.File.kind, t.File.done, t.File.error, t.File.sha256,
                                          t.File.problems)).all())
    groups: dict[int, set[str]] = {}
    for sha, group in session.execute(select(t.Image.sha256, t.Image.group_id)):
        groups.setdefault(group if group is not None else -1, set()).add(sha)
    image = aliased(t.Image)
    findings = sorted(session.execute(
        select(t.Finding.code, t.Finding.severity, t.Finding.scope, t.Finding.message, t.Finding.evidence,
               t.File.path, t.Usage.src, t.Usage.position, image.sha256)
        .outerjoin(t.File, t.File.id == t.Finding.file_id).outerjoin(t.Usage, t.Usage.id == t.Finding.usage_id)
        .outerjoin(image, image.id == t.Finding.image_id)).all(), key=repr)
    records = sorted(session.execute(
        select(t.Record.creator, t.Record.organization, t.Record.license_id, t.Record.status,
               t.Record.attribution_text, t.Usage.src, image.sha256)
        .outerjoin(t.Usage, t.Usage.id == t.Record.usage_id).outerjoin(image, image.id == t.Record.image_id)
    ).all(), key=repr)
    statuses = sorted(session.scalars(select(t.AuditRun.status)))
    return {"files": files, "groups": sorted(sorted(g) for g in groups.values()), "findings": findings,
            "records": records, "running": statuses.count("running"), "interrupted": statuses.count("interrupted")}


@pytest.mark.parametrize("kills", KILLS)
def test_killed_audit_resumes_to_the_same_database_and_report(
        folder: Path, make_url: Callable[[], str], clean: tuple[dict[str, object], str], kills: list[str],
        tmp_path: Path) -> None:
    url, report = make_url(), tmp_path / "killed.json"
    for point in kills:
        assert _audit(folder, url, report, point) == -9, f"no kill at {point}"
    assert _audit(folder, url, report) in (0, 1)
    resumed = _snapshot(url)
    assert resumed == clean[0]
    assert resumed["running"] == resumed["interrupted"] == 0  # killed runs are marked and resumed
    assert report.read_text() == clean[1]
    assert not list(tmp_path.glob(".killed.json.*"))  # no temporary report left behind


def test_a_run_killed_in_its_last_phase_is_marked_interrupted_then_resumed(
        folder: Path, make_url: Callable[[], str], tmp_path: Path) -> None:
    url = make_url()
    assert _audit(folder, url, tmp_path / "r.json", "groups:1") == -9
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with Session(engine) as session:
            [(status, phase)] = session.execute(select(t.AuditRun.status, t.AuditRun.phase)).all()
            assert (status, phase) == ("running", "standalone")  # the phases it finished are recorded
        assert _audit(folder, url, tmp_path / "r.json") in (0, 1)
        with Session(engine) as session:
            runs = session.execute(select(t.AuditRun.status, t.AuditRun.phase).order_by(t.AuditRun.id)).all()
    finally:
        engine.dispose()
    assert [tuple(r) for r in runs] == [("resumed", "standalone"), ("done", "groups")]


def test_two_audits_of_overlapping_folders_at_once(folder: Path, make_url: Callable[[], str]) -> None:
    """The whole archive and its images folder, audited at the same moment into one database: both
    finish without an error (the second waits for the first) and no image is stored twice."""
    url = make_url()
    env = {k: v for k, v in os.environ.items() if k != KILL_ENV}
    runs = [subprocess.Popen([sys.executable, "-m", "provenance", "audit", str(path), "--db", url, "--jobs", "1"],
                             cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            for path in (folder, folder / "images", folder)]
    errors = [run.communicate(timeout=300)[1].decode() for run in runs]
    assert [run.returncode for run in runs] == [runs[0].returncode] * 3, errors
    assert runs[0].returncode in (0, 1), errors
    assert not any("Traceback" in e or "Error" in e for e in errors), errors
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with Session(engine) as session:
            hashes = session.scalars(select(t.Image.sha256)).all()
            files = session.execute(select(t.File.root, t.File.path)).all()
            statuses = set(session.scalars(select(t.AuditRun.status)))
    finally:
        engine.dispose()
    assert len(hashes) == len(set(hashes))
    assert len(files) == len(set(files))
    assert statuses == {"done"}
