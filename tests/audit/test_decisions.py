"""Decisions about an image or one usage: kept across audits by the usage's key, checked again at once,
regrouping only the copies of the decided photo; on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.decisions import (
    DecisionInput,
    recheck_usage,
    record_decision,
    record_usage_decision,
    revoke_decision,
)
from provenance.audit.details import usage_detail
from provenance.audit.final import regroup
from provenance.audit.labels import Labels
from provenance.audit.read_model import report_rows
from provenance.audit.run import run_audit
from provenance.catalog.load import Catalog, default_catalog
from provenance.catalog.profile import UsageProfile
from provenance.render.audit_report import ReportRow
from provenance.store import tables as t
from tests.archives import make_archive
from tests.audit.reference import codes_by_exists, stored_codes
from tests.conftest_db import open_test_store

STORY = "articles/2024/story-003.txt"  # "... day 3. Photo: Reporter 3/Reuters" (no image file)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("decided") / "newsroom"
    make_archive(folder, images=12)
    return folder


def _audit(url: str, folder: Path, catalog: Catalog) -> sessionmaker[Session]:
    sessions = open_test_store(url)
    run_audit(str(folder), sessions, catalog, UsageProfile(), jobs=1)
    return sessions


def _rows(sessions: sessionmaker[Session], article: str | None = None) -> list[ReportRow]:
    with sessions() as session:
        rows = report_rows(session, Labels(default_catalog()))
    return [r for r in rows if article is None or r.article == article]


def _usage(sessions: sessionmaker[Session], article: str, position: int = 0) -> int:
    with sessions() as session:
        found = session.scalar(select(t.Usage.id).join(t.Article, t.Article.id == t.Usage.article_id)
                               .join(t.File, t.File.id == t.Article.file_id)
                               .where(t.File.path == article, t.Usage.position == position))
    assert found is not None, article
    return found


def _decide(**values: str) -> DecisionInput:
    return DecisionInput({"license": "", "creator": "", "organization": "", **values}, "desk A", "contract 7")


def _findings(sessions: sessionmaker[Session]) -> list[tuple[int | None, int | None, str, str, str, str]]:
    with sessions() as session:
        return sorted(((u, i, s, c, v, m) for u, i, s, c, v, m in session.execute(
            select(t.Finding.usage_id, t.Finding.image_id, t.Finding.scope, t.Finding.code, t.Finding.severity,
                   t.Finding.message))), key=repr)


def _codes_in_step(sessions: sessionmaker[Session]) -> None:
    """Each record's codes (record_codes) are those the findings give it."""
    with sessions() as session:
        assert stored_codes(session) == codes_by_exists(session)


def test_usage_decision_survives_reaudits_and_follows_its_credit(db_url: str, archive: Path, catalog: Catalog,
                                                                 tmp_path: Path) -> None:
    folder = tmp_path / "copy"
    shutil.copytree(archive, folder)
    sessions = _audit(db_url, folder, catalog)
    [before] = _rows(sessions, STORY)
    assert (before.creator, before.license) == ("Reporter 3", "LicenseRef-Agency")
    record_usage_decision(sessions, catalog, UsageProfile(), _usage(sessions, STORY),
                          _decide(license="CC-BY-4.0", creator="Rita Reporter"))
    [decided] = _rows(sessions, STORY)
    assert (decided.creator, decided.license) == ("Rita Reporter", "CC-BY-4.0")
    assert "agency-license-required" not in decided.findings.split()
    _codes_in_step(sessions)

    sessions = _audit(db_url, folder, catalog)  # unchanged: nothing is checked again, the decision holds
    assert _rows(sessions, STORY) == [decided]

    story = folder / STORY  # text added before the credit, and another credit before it: new usage rows
    story.write_text("Story 3\n\nA new first paragraph. Photo: Max Muster/AFP\n\nSomething happened on day 3. "
                     "Photo: Reporter 3/Reuters\n\nBy the desk\n", encoding="utf-8")
    sessions = _audit(db_url, folder, catalog)
    first, second = _rows(sessions, STORY)
    assert (first.creator, first.license) == ("Max Muster", "LicenseRef-Agency")  # not decided about
    assert (second.creator, second.license) == ("Rita Reporter", "CC-BY-4.0")  # the decision followed its credit
    _codes_in_step(sessions)
    moved = _usage(sessions, STORY, 1)

    story.write_text("Story 3\n\nSomething happened on day 3. Photo: R. Three/Reuters\n", encoding="utf-8")
    sessions = _audit(db_url, folder, catalog)  # the credit itself changed: the decision no longer applies
    [changed] = _rows(sessions, STORY)
    assert (changed.creator, changed.license) == ("R. Three", "LicenseRef-Agency")
    with sessions() as session:
        kept = session.scalars(select(t.Decision).order_by(t.Decision.id)).all()
        assert [(d.field, d.subject, d.revoked_at) for d in kept] == [
            ("license", f"{STORY}: Photo: Reporter 3/Reuters", None),
            ("creator", f"{STORY}: Photo: Reporter 3/Reuters", None)]
    assert moved != _usage(sessions, STORY)
    with sessions() as session:  # the article's usage page lists them as earlier decisions
        shown = usage_detail(session, _usage(sessions, STORY), Labels(catalog))
    assert shown is not None
    earlier = [d["value"] for d in shown["earlier_decisions"]]
    assert (shown["decisions"], earlier) == ([], ["CC-BY-4.0", "Rita Reporter"])


def test_revoking_a_usage_decision_after_a_reaudit(db_url: str, archive: Path, catalog: Catalog,
                                                   tmp_path: Path) -> None:
    folder = tmp_path / "copy"
    shutil.copytree(archive, folder)
    sessions = _audit(db_url, folder, catalog)
    [made] = record_usage_decision(sessions, catalog, UsageProfile(), _usage(sessions, STORY),
                                   _decide(license="CC0-1.0"))
    (folder / STORY).write_text("Story 3 (updated)\n\nDay 3. Photo: Reporter 3/Reuters\n", encoding="utf-8")
    sessions = _audit(db_url, folder, catalog)
    assert _rows(sessions, STORY)[0].license == "CC0-1.0"
    subject = revoke_decision(sessions, catalog, UsageProfile(), made, "desk B")
    assert subject.usage_id == _usage(sessions, STORY)  # the usage row of now, not the one decided about
    assert _rows(sessions, STORY)[0].license == "LicenseRef-Agency"
    _codes_in_step(sessions)


def test_a_usage_decision_wins_over_its_images_for_that_use_only(db_url: str, archive: Path,
                                                                 catalog: Catalog) -> None:
    sessions = _audit(db_url, archive, catalog)
    article = "articles/2024/story-002.md"  # shows images/photo-002.jpg, which carries CC BY-SA 4.0 in XMP
    with sessions() as session:
        image_id = session.scalar(select(t.Usage.image_id).where(t.Usage.id == _usage(sessions, article)))
    assert image_id is not None
    record_decision(sessions, catalog, UsageProfile(), image_id, _decide(license="CC-BY-4.0"))
    record_usage_decision(sessions, catalog, UsageProfile(), _usage(sessions, article), _decide(license="CC0-1.0"))
    uses = {r.article: r.license for r in _rows(sessions) if r.image == "images/photo-002.jpg"}
    assert uses == {article: "CC0-1.0"}


def test_a_decision_regroups_only_its_photo_and_matches_a_full_regroup(db_url: str, archive: Path,
                                                                      catalog: Catalog, tmp_path: Path) -> None:
    folder = tmp_path / "copy"
    shutil.copytree(archive, folder)
    (folder / "articles" / "again.html").write_text(  # a second use of photo-001: a copy group of its own
        '<figure><img src="../images/photo-001.jpg"><figcaption>Photo: Somebody Else</figcaption></figure>',
        encoding="utf-8")
    sessions = _audit(db_url, folder, catalog)
    with sessions() as session:
        original = session.scalar(select(t.File.image_id).where(t.File.path == "images/harbour-original.jpg"))
        others = dict(session.execute(select(t.Finding.id, t.Finding.message).where(
            t.Finding.scope == "group", t.Finding.image_id != original,
            t.Finding.image_id.not_in(select(t.File.image_id).where(t.File.path == "images/harbour-web.jpg")))).all())
    assert original is not None
    assert others, "the archive has copy groups besides the harbour's"
    record_decision(sessions, catalog, UsageProfile(), original, _decide(creator="Janet Doe-Smith"))
    [web] = _rows(sessions, "articles/harbour-b.md")
    assert "Janet Doe-Smith" in web.messages  # the copy's credit suggestion follows the decision at once
    with sessions() as session:
        untouched = dict(session.execute(select(t.Finding.id, t.Finding.message).where(
            t.Finding.id.in_(list(others)))).all())
    assert untouched == others  # other groups' findings were not rewritten
    _codes_in_step(sessions)
    targeted, rows = _findings(sessions), _rows(sessions)
    regroup(sessions)
    assert _findings(sessions) == targeted
    assert _rows(sessions) == rows


def test_checking_every_usage_again_reproduces_the_audit(archive: Path, catalog: Catalog, tmp_path: Path) -> None:
    """The same label in the messages, the same image-not-found: a re-check of a usage is the audit's check."""
    sessions = _audit(f"sqlite:///{tmp_path / 'again.db'}", archive, catalog)
    rows, findings = _rows(sessions), _findings(sessions)
    with sessions() as session:
        for usage_id in session.scalars(select(t.Usage.id)).all():
            recheck_usage(session, usage_id, catalog, UsageProfile())
        session.commit()
    assert _rows(sessions) == rows
    assert _findings(sessions) == findings
    _codes_in_step(sessions)


PAGE = ('<html><body><article><p>{before}The harbour reopened.</p>\n<p>Photo: <a href="https://www.flickr.com/'
        'photos/x/123">Jane Roe</a></p>\n<p>Tom &amp; Ann were there.</p></article></body></html>')


def test_a_usage_decision_on_a_page_with_no_image_follows_its_credit(db_url: str, catalog: Catalog,
                                                                     tmp_path: Path) -> None:
    """An HTML page with no image is read in line: its usage stores the credit as written up to its last real
    character (never the link's closing tag or the next paragraph), and a decision on it holds when text is
    added before it."""
    folder = tmp_path / "pages"
    (folder / "articles").mkdir(parents=True)
    page = folder / "articles" / "harbour.html"
    page.write_text(PAGE.format(before=""), encoding="utf-8")
    sessions = _audit(db_url, folder, catalog)
    with sessions() as session:
        assert session.scalars(select(t.Usage.caption)).all() == [
            'Photo: <a href="https://www.flickr.com/photos/x/123">Jane Roe']
    record_usage_decision(sessions, catalog, UsageProfile(), _usage(sessions, "articles/harbour.html"),
                          _decide(license="CC-BY-2.0"))
    page.write_text(PAGE.format(before="Updated: "), encoding="utf-8")
    sessions = _audit(db_url, folder, catalog)
    [row] = _rows(sessions, "articles/harbour.html")
    assert (row.creator, row.license) == ("Jane Roe", "CC-BY-2.0")
