"""A linked caption's addresses survive the store: the audit keeps the caption's linked twin with the usage's
evidence, so a re-check from stored evidence (after a decision, after its revocation) reads the same license
link, platform and title as the audit did."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.decisions import DecisionInput, record_decision, revoke_decision
from provenance.audit.run import run_audit
from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.store import tables as t
from provenance.store.repository import open_store
from tests.audit.test_recheck_screened import figure_archive

BY = "https://creativecommons.org/licenses/by/2.0/"
CAPTION = ('<a href="https://www.flickr.com/photos/32409881@N00/8812345670">"Pier at low tide"</a> by '
           '<a href="https://www.flickr.com/people/32409881@N00">Odile Brandt</a> is licensed under '
           f'<a href="{BY}">CC BY 2.0</a>.')


def _record(sessions: sessionmaker[Session]) -> tuple[str | None, ...]:
    with sessions() as session:
        [row] = session.execute(select(t.Record.creator, t.Record.via, t.Record.license_id, t.Record.license_url)
                                .where(t.Record.usage_id.is_not(None))).all()
        return tuple(row)


def test_a_recheck_reads_the_stored_links_as_the_audit_did(db_url: str, tmp_path: Path, catalog: Catalog) -> None:
    folder = figure_archive(tmp_path, "pier.jpg", CAPTION)
    engine, sessions = open_store(db_url)
    try:
        run_audit(str(folder), sessions, catalog, UsageProfile())
        audited = _record(sessions)
        assert audited == ("Odile Brandt", "Flickr", "CC-BY-2.0", BY)
        with sessions() as session:
            fields = set(session.scalars(select(t.UsageEvidence.field)))
            image_id = session.scalar(select(t.Image.id))
        assert {"caption", "linked_caption"} <= fields
        assert image_id is not None
        [decision] = record_decision(sessions, catalog, UsageProfile(), image_id,
                                     DecisionInput({"organization": "Harbour Trust"}, "desk", "from the archive"))
        assert _record(sessions)[2:] == audited[2:]  # rechecked: the license and its link as before
        revoke_decision(sessions, catalog, UsageProfile(), decision, "desk")
        assert _record(sessions) == audited
    finally:
        engine.dispose()
