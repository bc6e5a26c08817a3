"""What the dashboard keeps about the archive is dropped as soon as an audit or a decision writes, and
nothing is kept while an audit runs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.cache import ArchiveCache, archive_version
from provenance.audit.decisions import DecisionInput, record_decision, revoke_decision
from provenance.audit.run import run_audit
from provenance.catalog.load import default_catalog
from provenance.catalog.profile import UsageProfile
from provenance.store import tables as t
from provenance.store.repository import open_store
from tests.conftest import ROOT
from tests.conftest_db import BACKENDS, new_database


@pytest.fixture(params=BACKENDS)
def sessions(request: pytest.FixtureRequest, tmp_path: pytest.TempPathFactory) -> Iterator[sessionmaker[Session]]:
    for url in new_database(request.param, tmp_path):  # type: ignore[arg-type]
        engine, made = open_store(url)
        run_audit(str(ROOT / "data"), made, default_catalog(), UsageProfile(), jobs=1)
        yield made
        engine.dispose()


class Counting:
    """A computation that says how often it ran; its answer is the number of decisions."""

    def __init__(self, session: Session) -> None:
        self.session, self.runs = session, 0

    def __call__(self) -> int:
        self.runs += 1
        return len(self.session.query(t.Decision).all())


def _image_id(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        found = session.query(t.Image.id).order_by(t.Image.id).first()
    assert found is not None
    return int(found[0])


def test_kept_until_a_decision_is_recorded_or_revoked(sessions: sessionmaker[Session]) -> None:
    cache = ArchiveCache()
    catalog = default_catalog()
    with sessions() as session:
        count = Counting(session)
        assert (cache.get(session, "k", count), cache.get(session, "k", count), count.runs) == (0, 0, 1)
    ids = record_decision(sessions, catalog, UsageProfile(), _image_id(sessions),
                          DecisionInput({"creator": "Ana Ruiz"}, "Desk", ""))
    with sessions() as session:
        count.session = session
        assert (cache.get(session, "k", count), count.runs) == (1, 2)  # another process decided: seen all the same
        revoke_decision(sessions, catalog, UsageProfile(), ids[0], "Desk")
        assert (cache.get(session, "k", count), count.runs) == (1, 3)
        assert (cache.get(session, "k", count), count.runs) == (1, 3)


def test_nothing_kept_while_an_audit_runs_and_a_new_audit_is_seen(sessions: sessionmaker[Session]) -> None:
    cache = ArchiveCache()
    with sessions() as session:
        before = archive_version(session)
        run = t.AuditRun(root="/elsewhere", profile="")
        session.add(run)
        session.commit()
        assert archive_version(session) is None  # an audit is running
        count = Counting(session)
        cache.get(session, "k", count)
        cache.get(session, "k", count)
        assert count.runs == 2
        run.status = "done"
        session.commit()
        after = archive_version(session)
        assert after is not None
        assert after != before
        cache.get(session, "k", count)
        cache.get(session, "k", count)
        assert count.runs == 3


def test_clear_drops_what_is_kept_and_what_is_being_computed(sessions: sessionmaker[Session]) -> None:
    cache = ArchiveCache()
    with sessions() as session:
        count = Counting(session)
        cache.get(session, "k", count)
        cache.clear()
        cache.get(session, "k", count)
        assert count.runs == 2

        def cleared_meanwhile() -> int:  # a write of the dashboard's own finished while this computed
            cache.clear()
            return count()

        cache.get(session, "other", cleared_meanwhile)
        cache.get(session, "other", count)
        assert count.runs == 4


def test_an_answer_at_a_replaced_version_is_not_kept(sessions: sessionmaker[Session]) -> None:
    cache = ArchiveCache()
    with sessions() as session:
        old = archive_version(session)
        count = Counting(session)
        cache.get(session, "k", count)
        record_decision(sessions, default_catalog(), UsageProfile(), _image_id(sessions),
                        DecisionInput({"creator": "Ana Ruiz"}, "Desk", ""))
        cache.get(session, "k", count)  # the new version: computed again and kept
        cache.at(old, "slow", count)  # a slow request that read the old version: computed, not kept
        cache.get(session, "k", count)  # still kept at the new version
        assert count.runs == 3
        cache.get(session, "slow", count)
        assert count.runs == 4
