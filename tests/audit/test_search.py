"""The archive's search finds the same rows in the same order on SQLite and on PostgreSQL, in an archive
shaped like a real one (articles using images, images no article uses, unreadable files; words every record
holds, names in many scripts), however the query is asked; and the part of a query a trigram index reads is
the longest run of its rare trigrams."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

import pytest
from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.codes import rebuild_codes
from provenance.audit.filters import SORTS, Filters
from provenance.audit.labels import Labels
from provenance.audit.read_model import archive_page, ordered_keys, query_shape, shape
from provenance.audit.search import LIKE, PG_TRGM, RARE_PART, TRIGRAM, TrigramShares, search_index, trigram_shares
from provenance.catalog.load import default_catalog
from provenance.catalog.names import fold_search
from provenance.store import tables as t
from provenance.store.repository import open_store
from tests.conftest_db import new_database

SAMPLE = TrigramShares.of([f"photographer {n} img{n}.jpg" for n in range(100)])

# query -> the part a trigram index reads, given the sample above (every text holds "photographer" and "img")
PARTS = [
    pytest.param("photographer 4242", " 4242", id="the common word is left out, the number kept"),
    pytest.param("img4242", "g4242", id="img is in every text: its trigrams are not read"),
    pytest.param("novák", "novák", id="every trigram rare: the whole query"),
    pytest.param("photographer", "photographer", id="no trigram rare: the whole query (no part reads less)"),
    pytest.param("zz photographer 42", "zz ph", id="two rare runs: the longer one (no text starts a word with ph)"),
    pytest.param("ab", "ab", id="shorter than a trigram"),
]


@pytest.mark.parametrize(("query", "part"), PARTS)
def test_the_part_a_trigram_index_reads(query: str, part: str) -> None:
    assert SAMPLE.part(query) == part


CREATORS = ["Jana Novák", "Karol Zieliński", "Ümit Yıldız", "Σοφία Παππά", "Мария Иванова", "佐藤 健", "Straße Team",
            "Staff photographer", "100%_off Studio", 'Ana "Nana" Silva', "O'Brien", "ǅemal Ǆ", ""]
ORGANIZATIONS = ["AP", "Reuters", "Kremlin.ru", "AFP / Getty Images", "EPA-EFE", ""]
STATUSES = ["ok", "info", "warning", "error"]


def _archive(articles: int, seed: int) -> dict[Any, list[dict[str, Any]]]:
    """Rows of an archive: each article uses images (its records' search holds the article's path, the src
    and the image's path), some images no article uses, and unreadable files, every row with a given id."""
    chance = random.Random(seed)
    rows: dict[Any, list[dict[str, Any]]] = {table: [] for table in (t.Image, t.File, t.Article, t.Usage, t.Record,
                                                                      t.Finding)}
    for n in range(1, articles * 6 + 1):
        path = f"images/{n % 7:02d}/photo-{n}.jpg"
        rows[t.Image].append({"id": n, "sha256": f"{n:064x}", "format": "JPEG", "width": 1, "height": 1, "size": 1})
        rows[t.File].append(_file(n, path, "image", n))
    for a in range(1, articles + 1):
        file_id = articles * 6 + a
        rows[t.File].append(_file(file_id, f"articles/2024/{a:03d}-{chance.choice(['war', 'Kyiv', 'art'])}.md",
                                  "article", None))
        rows[t.Article].append({"id": a, "file_id": file_id, "kind": "markdown"})
        for position in range(chance.randint(1, 6)):
            image = chance.randint(1, articles * 6)
            usage = len(rows[t.Usage]) + 1
            src = f"https://example.org/{chance.choice(['media', 'Medien'])}/{image}.jpg"
            rows[t.Usage].append({"id": usage, "article_id": a, "position": position, "src": src, "image_id": image})
            _record(rows, chance, usage, image, [src, rows[t.File][file_id - 1]["path"],
                                                 rows[t.File][image - 1]["path"]])
    used = {u["image_id"] for u in rows[t.Usage]}
    for image in (i for i in range(1, articles * 6 + 1) if i not in used):
        _record(rows, chance, None, image, [rows[t.File][image - 1]["path"]])
    for n in range(1, articles // 4 + 1):  # unreadable files: a row of their own, found by path
        file_id = len(rows[t.File]) + 1
        rows[t.File].append(_file(file_id, f"images/broken/Łódź photographer {n:03d}.jpg", "image", None))
        rows[t.Finding].append({"file_id": file_id, "code": "file-error", "severity": "error", "message": "m"})
    return rows


def _file(file_id: int, path: str, kind: str, image: int | None) -> dict[str, Any]:
    return {"id": file_id, "root": "/archive", "path": path, "size": 1, "mtime_ns": 0, "kind": kind,
            "image_id": image, "problems": "", "done": True, "search": fold_search(path)}


def _record(rows: dict[Any, list[dict[str, Any]]], chance: random.Random, usage: int | None, image: int,
            paths: list[str]) -> None:
    creator = chance.choice([*CREATORS, f"Photographer {chance.randint(1, 400)}"])
    organization, status = chance.choice(ORGANIZATIONS), chance.choice(STATUSES)
    parts = [creator, organization, "via Wikimedia Commons" if chance.random() < 0.2 else "", *paths]
    rows[t.Record].append({"id": len(rows[t.Record]) + 1, "usage_id": usage, "image_id": image,
                           "creator": creator or None, "organization": organization or None, "status": status,
                           "license_id": chance.choice(["CC-BY-4.0", "CC0-1.0", None]), "origins": "{}",
                           "search": fold_search(" ".join(p for p in parts if p))})
    if status != "ok":
        owner = {"usage_id": usage} if usage else {"image_id": image}
        rows[t.Finding].append({**owner, "code": f"{status}-code", "severity": status, "message": "m"})


@pytest.fixture(scope="module")
def backends(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, sessionmaker[Session]]]:
    """The same archive of 300 articles (about 2,400 records) in SQLite and in PostgreSQL."""
    rows = _archive(300, seed=5)
    with ExitStack() as stack:
        made = {}
        for backend in ("sqlite", "postgresql"):
            url = stack.enter_context(contextmanager(new_database)(backend, tmp_path_factory.mktemp(backend)))
            engine, made[backend] = open_store(url)
            stack.callback(engine.dispose)
            with made[backend]() as session:
                for table, found in rows.items():
                    session.execute(insert(table), found)
                rebuild_codes(session)
                session.commit()
        yield made


def _queries(backends: dict[str, sessionmaker[Session]], seed: int) -> list[str]:
    chance = random.Random(seed)
    with backends["sqlite"]() as session:
        texts = [*session.scalars(select(t.Record.search)), *session.scalars(select(t.File.path))]
    found = ["photographer", "photographer 42", "photographer 4", "Photographer 1", "img", "images/0", ".jpg",
             "novak", "NOVÁK", "łódź", "lodz", "strasse", "ß", "100%_", "%", "_", "/", '"nana"', "o'brien", "dž",
             "σοφια", "佐藤", "via wikimedia", "articles/2024/01", "kyiv", "medien/1", "ap", "zz"]
    for text in chance.sample(texts, 60):  # slices of stored text, some across words, some shouted
        start = chance.randrange(len(text))
        piece = text[start:start + chance.randint(2, 20)]
        found.extend([piece, piece.upper()] if chance.random() < 0.3 else [piece])
    return found


def test_a_search_finds_the_same_rows_in_the_same_order_on_both(
        backends: dict[str, sessionmaker[Session]]) -> None:
    queries = _queries(backends, seed=11)
    with backends["sqlite"]() as lite, backends["postgresql"]() as pg:
        assert (search_index(lite), search_index(pg)) == (TRIGRAM, PG_TRGM)
        for query in queries:
            for sort in ("article", "status"):  # sorts on text both databases order alike (paths, ranks)
                filters = Filters(q=query, sort=sort)
                assert list(ordered_keys(lite, filters)) == list(ordered_keys(pg, filters)), (query, sort)
            filters = Filters(q=query, status="error")
            assert list(ordered_keys(lite, filters)) == list(ordered_keys(pg, filters)), query
        parts = sum(trigram_shares(pg).part(fold_search(q)) != fold_search(q) for q in queries)
        assert parts > len(queries) // 5  # the rare part is what the index read for many of them


def test_the_rare_part_finds_what_the_whole_like_finds(backends: dict[str, sessionmaker[Session]]) -> None:
    """On each database, in every order (creators sort by the database's collation)."""
    queries = _queries(backends, seed=13)
    for made in backends.values():
        with made() as session:
            texts = {**{i: text for i, text in session.execute(select(t.Record.id, t.Record.search))},
                     **{-f: path for f, path in session.execute(select(t.File.id, t.File.search).where(
                         t.File.id.in_(select(t.Finding.file_id))))}}
            for query, sort in zip(queries, itertools.cycle(SORTS)):
                filters = Filters(q=query, sort=sort)
                found = list(ordered_keys(session, filters))
                assert sorted(found) == sorted(k for k, text in texts.items() if fold_search(query) in text), query
                assert found == list(ordered_keys(session, filters, shape(filters, PG_TRGM))), query
                assert found == list(ordered_keys(session, filters, shape(filters)._replace(search=LIKE)))


def test_a_page_of_a_search_is_the_same_on_both(backends: dict[str, sessionmaker[Session]]) -> None:
    labels = Labels(default_catalog())
    for query in ("photographer 42", "photo-1", "novák", "broken", "kyiv"):
        pages = []
        for made in backends.values():
            with made() as session:
                filters = Filters(q=query, per_page=20, page=2)
                assert query_shape(session, filters).search in (TRIGRAM, RARE_PART)
                clamped, total, rows = archive_page(session, filters, labels)
                pages.append((clamped, total, [row.to_dict() for row in rows]))
        assert pages[0] == pages[1], query
        assert pages[0][1] > 0, query
