"""`provenance audit --verify-commons`: images pointing to Commons looked up, stored, checked again;
bounded in rate and resumable (done images are skipped, failed lookups are tried again)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from provenance.cli.main import cli
from tests import samples
from tests.localserver import LocalServer, Reply
from tests.website import BRIDGE, article, figure, mediawiki

CAPTION = "Photo by Jane Doe, via Wikimedia Commons. Licensed under CC BY-SA 4.0"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    (root / "articles").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "images" / "bridge.jpg").write_bytes(BRIDGE)
    (root / "images" / "other.jpg").write_bytes(samples.jpeg(samples.picture(seed=3)))
    (root / "articles" / "bridge.html").write_bytes(article(figure("../images/bridge.jpg", CAPTION)))
    (root / "articles" / "other.html").write_bytes(article(figure("../images/other.jpg", "Photo: Ann Lee/AP")))
    return root


@pytest.fixture
def api(local_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> LocalServer:
    local_server.routes["/w/api.php"] = mediawiki()
    monkeypatch.setenv("PROVENANCE_COMMONS_API", local_server.url("/w/api.php"))
    return local_server


def audit(archive: Path, db: str) -> str:
    result = CliRunner().invoke(cli, ["audit", str(archive), "--db", db, "--jobs", "1", "--verify-commons",
                                      "--rate", "50"])
    assert result.exit_code == 0, result.output
    return result.stdout


def codes(db: str) -> set[str]:
    with create_engine(db).connect() as connection:
        return set(connection.execute(text(
            "SELECT f.code FROM findings f JOIN usages u ON f.usage_id = u.id WHERE u.src LIKE '%bridge%'")).scalars())


def test_verifies_the_image_a_caption_credits_to_commons(archive: Path, api: LocalServer, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'audit.db'}"
    out = audit(archive, db)
    assert "verified with Wikimedia Commons: 1 of 1 images pointing to it" in out
    with create_engine(db).connect() as connection:
        stored = dict(connection.execute(text(
            "SELECT field, value FROM image_evidence WHERE origin = 'commons'")).all())
    assert (stored["creator"], stored["license"]) == ("Jane Doe", "CC BY-SA 4.0")
    assert "needs-verification" not in codes(db)
    again = audit(archive, db)
    assert "verified with Wikimedia Commons: 0 of 0 images" in again
    assert len(api.log) == 2  # the SHA-1 lookup and the file's imageinfo, once


def test_a_failed_lookup_is_tried_again_on_the_next_run(archive: Path, api: LocalServer, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'audit.db'}"
    api.routes["/w/api.php"] = Reply(b"{}", status=503, content_type="application/json")
    assert "1 could not be asked" in audit(archive, db)
    assert "needs-verification" in codes(db)
    api.routes["/w/api.php"] = mediawiki()
    assert "verified with Wikimedia Commons: 1 of 1" in audit(archive, db)
    assert "needs-verification" not in codes(db)


def test_a_commons_license_that_disagrees_is_a_conflict(archive: Path, api: LocalServer, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'audit.db'}"
    api.routes["/w/api.php"] = mediawiki("CC BY-NC 2.0", "https://creativecommons.org/licenses/by-nc/2.0/")
    audit(archive, db)
    assert "conflicting-evidence" in codes(db)
