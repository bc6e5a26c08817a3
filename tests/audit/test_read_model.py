"""The read model behind the archive page, the API, the exports and the CLI report: the same queries
give the same rows on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.cache import ArchiveCache
from provenance.audit.filters import Filters
from provenance.audit.labels import Labels
from provenance.audit.overview import family_counts, status_counts, summary, trend
from provenance.audit.read_model import all_rows, archive_page, ordered_keys, report_rows
from provenance.audit.run import run_audit
from provenance.catalog.load import default_catalog
from provenance.catalog.profile import UsageProfile
from provenance.store.repository import open_store
from tests.audit.reference import codes_by_exists, stored_codes
from tests.conftest import ROOT
from tests.conftest_db import BACKENDS, new_database

LABELS = Labels(default_catalog())


@pytest.fixture(scope="module", params=BACKENDS)
def sessions(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
             ) -> Iterator[sessionmaker[Session]]:
    for url in new_database(request.param, tmp_path_factory.mktemp(request.param)):
        engine, made = open_store(url)
        run_audit(str(ROOT / "data"), made, default_catalog(), UsageProfile(), jobs=1)
        yield made
        engine.dispose()


def _rows(sessions: sessionmaker[Session], **filters: object) -> list[object]:
    with sessions() as session:
        return all_rows(session, Filters(**filters), LABELS)  # type: ignore[arg-type]


# filter -> (number of rows, a path or name the first row holds); `why` in the comment
FILTERS = [
    pytest.param({}, 25, "articles/01-cc-by-kremlin.txt", id="everything: 24 usages and 1 unreadable file"),
    pytest.param({"code": "file-error"}, 1, "images/corrupt.jpg", id="unreadable files are rows"),
    pytest.param({"q": "NOVAK"}, 3, "Jana", id="search folds case and accents (Novák)"),
    pytest.param({"q": "novák"}, 3, "Jana", id="an accented query finds the same rows"),
    pytest.param({"q": "zielinski"}, 1, "Karol", id="ń folds to n"),
    pytest.param({"q": "corrupt"}, 1, "images/corrupt.jpg", id="search finds unreadable files by path"),
    pytest.param({"license": "CC0-1.0"}, 1, "images/market-cc0.jpg", id="license filter"),
    pytest.param({"status": "error", "code": "file-error"}, 1, "images/corrupt.jpg",
                 id="an unreadable file is a row in error (its only finding is an error)"),
    pytest.param({"status": "error", "q": "corrupt"}, 1, "images/corrupt.jpg", id="status error keeps it in a search"),
    pytest.param({"status": "warning", "code": "file-error"}, 0, "", id="any other status leaves it out"),
    pytest.param({"q": "100%_"}, 0, "", id="LIKE wildcards in a search are literal"),
]


@pytest.mark.parametrize(("filters", "count", "first"), FILTERS)
def test_filters_give_the_same_rows_on_every_backend(sessions: sessionmaker[Session], filters: dict[str, object],
                                                     count: int, first: str) -> None:
    rows = _rows(sessions, **filters)
    assert len(rows) == count
    if rows:
        assert first in " ".join(str(v) for v in (rows[0].article, rows[0].image, rows[0].creator))  # type: ignore[attr-defined]


def test_sort_by_worst_finding_and_pages_clamped(sessions: sessionmaker[Session]) -> None:
    ranks = ["error", "warning", "info", "ok"]
    statuses = [r.status for r in _rows(sessions, sort="status")]  # type: ignore[attr-defined]
    assert statuses == sorted(statuses, key=ranks.index)
    with sessions() as session:
        filters, total, page = archive_page(session, Filters(page=99, per_page=10), LABELS)
    assert (filters.page, total, len(page)) == (3, 25, 5)


@pytest.mark.parametrize("cached", [False, True])
def test_a_status_filter_lists_as_many_rows_as_the_overview_counts(sessions: sessionmaker[Session],
                                                                   cached: bool) -> None:
    """The overview's bar 'error 15' links to ?status=error: that list has the same 15 rows, the unreadable
    file among them (it was left out: the query's shape held '?' for the status, never 'error')."""
    with sessions() as session:
        by_status = status_counts(session)
        for status, count in by_status.items():
            _, total, _ = archive_page(session, Filters(status=status), LABELS, ArchiveCache() if cached else None)
            assert total == count, status
    assert len(_rows(sessions, status="error")) == by_status["error"]


def test_counts_add_up(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        counts = summary(session)
        by_status = status_counts(session)
        families = family_counts(session, LABELS)
        runs = trend(session)
    assert counts["rows"] == sum(by_status.values()) == 25
    assert counts["rows"] == counts["usages"] + counts["unused images"] + counts["unreadable files"]
    assert counts["with license"] + counts["without license"] == counts["usages"] + counts["unused images"]
    assert sum(families.values()) == counts["usages"] + counts["unused images"]
    assert runs[-1]["counts"] == by_status


def test_report_rows_are_the_archive_rows(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        report = report_rows(session, LABELS)
    rows = _rows(sessions)
    assert [r.image or r.src for r in report] == [r.image or r.src for r in rows]  # type: ignore[attr-defined]
    assert report[-1].findings == "file-error"
    assert {r.organization for r in report if r.organization.startswith("AP")} == {"AP"}  # never "AP Photo"


def test_folded_search_column_is_filled_by_the_migration(tmp_path: Path) -> None:
    from sqlalchemy import text

    from provenance.store.repository import make_engine, upgrade

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine, "0002")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO files (id, root, path, size, mtime_ns, kind, problems, done) "
                                "VALUES (1, '/a', 'Łódź/Novák.jpg', 1, 1, 'image', '', 1)"))
    upgrade(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT search FROM files")).scalar() == "lodz/novak.jpg"
    engine.dispose()


@pytest.mark.parametrize("cached", [False, True])  # counted and sorted per page, or a slice of the kept order
@pytest.mark.parametrize("sort", ["article", "creator", "license", "status"])
@pytest.mark.parametrize("per_page", [4, 7])  # pages that split the unreadable file from its neighbours
def test_pages_put_together_are_the_whole_list(sessions: sessionmaker[Session], sort: str, per_page: int,
                                               cached: bool) -> None:
    whole = [(r.record_id, r.file_id) for r in _rows(sessions, sort=sort)]  # type: ignore[attr-defined]
    paged: list[tuple[int | None, int | None]] = []
    cache = ArchiveCache() if cached else None
    with sessions() as session:
        for number in range(1, 10):
            _, _, rows = archive_page(session, Filters(sort=sort, page=number, per_page=per_page), LABELS, cache)
            paged.extend((r.record_id, r.file_id) for r in rows)
            if len(paged) >= len(whole):
                break
    assert paged == whole


# filters of a page -> the same page, total and rows (findings included) with and without the kept order
CACHED_PAGES = [
    pytest.param(Filters(), id="first page"),
    pytest.param(Filters(page=3, per_page=10), id="the last page, with the unreadable file"),
    pytest.param(Filters(page=99, per_page=10), id="a page past the end is clamped to the last"),
    pytest.param(Filters(sort="status", per_page=5, page=2), id="by worst finding: the file among the errors"),
    pytest.param(Filters(code="file-error"), id="only the unreadable file"),
    pytest.param(Filters(q="novák", sort="creator"), id="a folded search"),
    pytest.param(Filters(status="warning", license="CC-BY-4.0"), id="two filters"),
]


@pytest.mark.parametrize("filters", CACHED_PAGES)
def test_a_kept_order_gives_the_same_page(sessions: sessionmaker[Session], filters: Filters) -> None:
    cache = ArchiveCache()
    with sessions() as session:
        plain = archive_page(session, filters, LABELS)
        first = archive_page(session, filters, LABELS, cache)
        again = archive_page(session, filters, LABELS, cache)
    assert plain == first == again


def test_the_finding_code_filter_reads_the_codes_the_findings_give(sessions: sessionmaker[Session]) -> None:
    """record_codes (migration 0008, written by the audit) holds what two EXISTS per record found, and the
    filter gives the records the old query chose, in the archive's order."""
    with sessions() as session:
        reference = codes_by_exists(session)
        assert stored_codes(session) == reference
        every = [r.record_id for r in all_rows(session, Filters(), LABELS) if r.record_id is not None]
        for code in sorted({code for code, _ in reference}):
            chosen = [k for k in ordered_keys(session, Filters(code=code)) if k > 0]
            assert chosen == [r for r in every if (code, r) in reference], code


def test_a_use_names_the_file_its_article_shows_not_the_first_copy(tmp_path: Path) -> None:
    """Two names for the same bytes (a camera's `IMG_0001.jpg` kept beside `quay.jpg`): the row of the article's
    use named whichever path sorts first, a file the article does not show, in the archive, the exports and the
    report; a rights editor looked for it in the story and could not find it."""
    from tests import samples

    (tmp_path / "archive" / "images").mkdir(parents=True)
    photo = samples.jpeg(samples.picture(320, 240, seed=9), xmp=samples.Xmp(creators=["Ines Berg"]))
    for name in ("IMG_0001.jpg", "quay.jpg"):
        (tmp_path / "archive" / "images" / name).write_bytes(photo)
    (tmp_path / "archive" / "story.md").write_text("# Quay\n\n![The quay](images/quay.jpg)\n*The quay.*\n",
                                                   encoding="utf-8")
    engine, made = open_store(f"sqlite:///{tmp_path / 'copies.db'}")
    run_audit(str(tmp_path / "archive"), made, default_catalog(), UsageProfile(), jobs=1)
    with made() as session:
        shown = [(r.article, r.image) for r in all_rows(session, Filters(), LABELS)]
        reported = [(r.article, r.image) for r in report_rows(session, LABELS)]
    engine.dispose()
    assert shown == reported == [("story.md", "images/quay.jpg")]
