"""The dashboard keeps the archive's listings and details until the archive changes: what another
process writes (an audit, a decision) shows on the next request."""

from __future__ import annotations

import shutil
from pathlib import Path

from provenance.audit.decisions import DecisionInput, record_decision
from provenance.audit.run import run_audit
from provenance.catalog.load import load_catalog
from provenance.catalog.profile import UsageProfile
from provenance.store.repository import open_store
from tests.conftest import ROOT
from web import create_app


def test_writes_of_another_process_show_at_once(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(ROOT / "data", archive)
    url = f"sqlite:///{tmp_path / 'kept.db'}"
    engine, sessions = open_store(url)
    catalog, profile = load_catalog(), UsageProfile()
    run_audit(str(archive), sessions, catalog, profile, jobs=1)
    client = create_app({"DATABASE_URL": url, "TESTING": True}).test_client()
    listing = "/api/images?q=market&per_page=500"
    before = client.get(listing).json
    image_id = next(i["image_id"] for i in before["items"] if i["image"] == "images/market-cc0.jpg")
    assert client.get(f"/api/images/{image_id}").json["image"]["decisions"] == []
    assert client.get("/archive?q=market").status_code == 200

    record_decision(sessions, catalog, profile, image_id, DecisionInput({"creator": "Ana Ruiz"}, "Desk", ""))
    assert [d["value"] for d in client.get(f"/api/images/{image_id}").json["image"]["decisions"]] == ["Ana Ruiz"]
    assert "Ana Ruiz" in [i["creator"] for i in client.get(listing).json["items"]]

    (archive / "images" / "market-cc0.jpg").unlink()
    run_audit(str(archive), sessions, catalog, profile, jobs=1)
    assert "images/market-cc0.jpg" not in [i["image"] for i in client.get(listing).json["items"]]
    assert client.get(f"/api/images/{image_id}").json["image"]["files"] == []  # the image stays, its file is gone
    assert "(no image file)" in client.get("/archive?q=market").get_data(as_text=True)  # the use lost its file
    engine.dispose()
