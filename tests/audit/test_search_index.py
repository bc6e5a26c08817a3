"""The archive's search from the trigram index of migration 0008 (SQLite's FTS5) finds exactly what the
LIKE over the folded `search` column finds, for any query: non-ASCII text, case and accents folded as
before, LIKE wildcards typed by users, quotes; it stays in step as records come, change and go; and a
database without the index (an SQLite without FTS5's trigram tokenizer) searches as before."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete, insert, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.filters import Filters
from provenance.audit.read_model import ordered_keys, shape
from provenance.audit.search import IDS_FIRST, LIKE, NARROW, NO_SEARCH, PG_TRGM, RARE_PART, TRIGRAM, search_index
from provenance.catalog.names import fold_search
from provenance.store import tables as t
from provenance.store.repository import open_store

WORDS = ["Jana", "Novák", "ŁÓDŹ", "Straße", "Ελληνικά", "Москва", "東京写真", "İstanbul", "Zieliński", "100%_off",
         "a/b", 'say "cheese"', "under_score", "Ǆemal", "ﬁnal", "photo", "Photographer", "AP", "Reuters", "x"]
# queries that are no slice of the generated text: wildcards, escapes, quotes, short and absent ones
QUERIES = ["%", "_", "%%", "/", "//", "a_b", "100%", "%_o", '"', '""', 'y "ch', "ß", "ss", "STRASSE", "novak",
           "NOVÁK", "lodz", "łódź", "москва", "МОСКВА", "東京", "istanbul", "fi", "final", "ǆ", "dž", "zzzz", "x",
           "  jana   novák ", "\\", "*", "ph*", "NEAR", "AND OR", "^", "o", "ot"]


def _texts(count: int, seed: int) -> list[str]:
    chance = random.Random(seed)
    return [" ".join(chance.choice(WORDS) for _ in range(chance.randint(1, 5))) + f" img{n}.jpg"
            for n in range(count)]


def _queries(texts: list[str], seed: int) -> list[str]:
    chance = random.Random(seed)
    found = list(QUERIES)
    for raw in chance.sample(texts, 80):  # slices of the text as stored before folding, and shouted
        start = chance.randrange(len(raw))
        piece = raw[start:start + chance.randint(1, 9)]
        found.extend([piece, piece.upper()])
    return found


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    engine, made = open_store(f"sqlite:///{tmp_path / 'search.db'}")
    texts = _texts(400, seed=7)
    with made() as session:
        session.execute(insert(t.Image), [{"id": i, "sha256": f"{i:064x}", "format": "JPEG", "width": 1, "height": 1,
                                           "size": 1} for i in range(1, len(texts) + 1)])
        session.execute(insert(t.Record), [{"image_id": i, "status": "ok", "search": fold_search(raw)}
                                           for i, raw in enumerate(texts, 1)])
        session.commit()
    yield made
    engine.dispose()


def _found(session: Session, query: str, index: str) -> list[int]:
    filters = Filters(q=query)
    return list(ordered_keys(session, filters, shape(filters, index)))


def _expected(session: Session, query: str) -> list[int]:
    folded = fold_search(query)
    return [i for i, stored in session.execute(select(t.Record.id, t.Record.search).order_by(t.Record.id))
            if folded in stored]


def _same_answers(session: Session, queries: list[str]) -> int:
    """Asserts every way of asking agrees with a substring test in Python; returns how many queries the
    trigram index answered."""
    for query in queries:
        expected = _expected(session, query)  # the trigram index, the ids first, the plain LIKE
        assert [_found(session, query, index) for index in (TRIGRAM, NARROW, PG_TRGM)] == [expected] * 3, query
    return sum(shape(Filters(q=q), TRIGRAM).search == TRIGRAM for q in queries)


def test_the_trigram_index_finds_what_like_finds(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        assert search_index(session) == TRIGRAM  # SQLite 3.34+ with FTS5, as Python ships it here
        queries = _queries(_texts(400, seed=7), seed=11)
        assert _same_answers(session, queries) > len(queries) // 2


def test_the_index_follows_records_that_come_change_and_go(sessions: sessionmaker[Session]) -> None:
    chance = random.Random(3)
    with sessions() as session:
        ids = session.scalars(select(t.Record.id)).all()
        session.execute(delete(t.Record).where(t.Record.id.in_(chance.sample(ids, 60))))
        changed = [{"id": i, "search": fold_search(raw)} for i, raw in zip(chance.sample(ids, 60),
                                                                          _texts(60, seed=5), strict=True)]
        session.execute(update(t.Record), [c for c in changed if c["id"] in set(
            session.scalars(select(t.Record.id)))])
        session.execute(insert(t.Record), [{"image_id": 1, "status": "ok", "search": fold_search(raw)}
                                           for raw in _texts(40, seed=9)])
        session.commit()
        session.execute(text(f"INSERT INTO {t.SEARCH_INDEX} ({t.SEARCH_INDEX}, rank) VALUES ('integrity-check', 1)"))
        texts = [s for (s,) in session.execute(select(t.Record.search))]
        _same_answers(session, _queries(texts, seed=13))


def test_without_the_index_the_search_reads_like_before(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    """An SQLite without FTS5's trigram tokenizer makes no index (migration 0008): every search is a LIKE."""
    with sessions() as session:
        expected = {q: _expected(session, q) for q in QUERIES}
        engine = session.get_bind().engine
        assert isinstance(engine, Engine)
    engine.dispose()
    shutil.copy(tmp_path / "search.db", tmp_path / "plain.db")
    plain, made = open_store(f"sqlite:///{tmp_path / 'plain.db'}")
    with plain.begin() as connection:
        for name in ("insert", "delete", "update"):
            connection.exec_driver_sql(f"DROP TRIGGER {t.SEARCH_INDEX}_{name}")
        connection.exec_driver_sql(f"DROP TABLE {t.SEARCH_INDEX}")
    with made() as session:
        assert search_index(session) == NARROW
        assert {q: list(ordered_keys(session, Filters(q=q))) for q in QUERIES} == expected
        session.execute(insert(t.Record), [{"image_id": 1, "status": "ok", "search": "still written"}])
        session.commit()
    plain.dispose()


# filters, the database's search index -> how the search is asked
MODES = [
    pytest.param(Filters(q="novák"), TRIGRAM, TRIGRAM, id="alone, 3 characters or more: the trigram index"),
    pytest.param(Filters(q="Nov"), TRIGRAM, TRIGRAM, id="three characters are one trigram"),
    pytest.param(Filters(q="no"), TRIGRAM, IDS_FIRST, id="shorter: the ids of a LIKE over 0007's index"),
    pytest.param(Filters(q="  ø "), TRIGRAM, IDS_FIRST, id="short once folded and trimmed"),
    pytest.param(Filters(q="novák"), NARROW, IDS_FIRST, id="no trigram index in this SQLite database"),
    pytest.param(Filters(q="novák", status="error"), TRIGRAM, LIKE, id="beside a filter: LIKE on the rows it chose"),
    pytest.param(Filters(q="novák"), PG_TRGM, RARE_PART, id="PostgreSQL: pg_trgm serves the LIKE of the rare part"),
    pytest.param(Filters(q="novák", status="error"), PG_TRGM, RARE_PART, id="PostgreSQL, beside a filter too"),
    pytest.param(Filters(status="error"), TRIGRAM, NO_SEARCH, id="no search"),
]


@pytest.mark.parametrize(("filters", "index", "mode"), MODES)
def test_how_a_search_is_asked(filters: Filters, index: str, mode: str) -> None:
    assert shape(filters, index).search == mode
