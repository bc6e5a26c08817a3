"""A re-check from stored evidence (after a decision or its revocation) raises the same screening
findings as the audit did: the store keeps a credit's hidden characters and look-alike license as found."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.decisions import DecisionInput, record_decision, revoke_decision
from provenance.audit.run import run_audit
from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.store import tables as t
from provenance.store.repository import open_store
from tests import samples


def _codes(sessions: sessionmaker[Session]) -> set[str]:
    with sessions() as session:
        return set(session.scalars(select(t.Finding.code).where(t.Finding.usage_id.is_not(None))))


# (caption of the image, the screening finding the audit raises and every re-check keeps)
CAPTIONS = [
    pytest.param("Harbour. Photo: Jane \u202eeoD/AP", "hidden-characters", id="right-to-left override"),
    pytest.param("Harbour. Photo: Jane\u200b Doe/AP", "hidden-characters", id="zero-width space"),
    pytest.param("Harbour. Photo: Jane Doe (CC BY 4.O)", "lookalike-license", id="the letter O for a zero"),
]


def figure_archive(tmp_path: Path, image: str, caption: str) -> Path:
    """A folder of one image and one HTML article that shows it in a figure with `caption`."""
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / image).write_bytes(samples.jpeg())
    (folder / "story.html").write_text(f'<html><body><figure><img src="{image}"><figcaption>{caption}'
                                       "</figcaption></figure></body></html>", encoding="utf-8")
    return folder


@pytest.mark.parametrize(("caption", "code"), CAPTIONS)
def test_recheck_after_a_decision_keeps_the_screening_findings(db_url: str, tmp_path: Path, catalog: Catalog,
                                                               caption: str, code: str) -> None:
    folder = figure_archive(tmp_path, "harbour.jpg", caption)
    engine, sessions = open_store(db_url)
    try:
        run_audit(str(folder), sessions, catalog, UsageProfile())
        assert code in _codes(sessions)
        with sessions() as session:
            image_id = session.scalar(select(t.Image.id))
        assert image_id is not None
        [decision] = record_decision(sessions, catalog, UsageProfile(), image_id,
                                     DecisionInput({"license": "CC0-1.0"}, "desk", "cleared"))
        after = _codes(sessions)
        assert code in after
        assert "public-domain" in after  # the decision was applied
        revoke_decision(sessions, catalog, UsageProfile(), decision, "desk")
        assert code in _codes(sessions)
    finally:
        engine.dispose()
