from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from provenance.errors import StoreError
from provenance.store import tables as t
from provenance.store.repository import database_url, head_revision, make_engine, open_store, upgrade
from tests.conftest_db import BACKENDS, new_database


def _modelled(name: str | None, kind: str, _parents: object) -> bool:
    """The trigram index of migration 0008 (an FTS5 table and its shadow tables) is no model."""
    return not (kind == "table" and (name or "").startswith(t.SEARCH_INDEX))


def _context(connection: Connection) -> MigrationContext:
    return MigrationContext.configure(connection, opts={"include_name": _modelled})


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from new_database(request.param, tmp_path)


def test_migrations_build_exactly_the_models(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        assert upgrade(engine) == head_revision()
        with engine.connect() as connection:
            assert compare_metadata(_context(connection), t.Base.metadata) == []
    finally:
        engine.dispose()


def test_upgrade_keeps_existing_data(db_url: str) -> None:
    engine, sessions = open_store(db_url)
    try:
        with sessions() as session:
            session.add(t.Image(sha256="a" * 64, phash="0" * 16, format="JPEG", width=1, height=1, size=1))
            session.commit()
        upgrade(engine)
        upgrade(engine)
        with sessions() as session:
            assert session.scalars(select(t.Image.sha256)).all() == ["a" * 64]
    finally:
        engine.dispose()


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'w.db'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_database_url_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PROVENANCE_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert database_url() == f"sqlite:///{tmp_path / 'provenance.db'}"  # a file here, no server needed
    monkeypatch.setenv("PROVENANCE_DATABASE_URL", "postgresql://u@h/db")
    assert database_url() == "postgresql+psycopg://u@h/db"  # the env var, with the installed driver
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"  # --db wins


def test_unreachable_database_is_one_clear_error() -> None:
    engine = make_engine("postgresql+psycopg://nobody:secret@127.0.0.1:1/none")
    with pytest.raises(StoreError) as info:
        upgrade(engine)
    message = str(info.value)
    assert message.startswith("postgresql+psycopg://nobody:***@127.0.0.1:1/none: cannot upgrade the schema")
    assert "secret" not in message


def test_two_processes_creating_one_database_at_once(tmp_path: Path) -> None:
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'race.db'}"
    code = f"from provenance.store.repository import make_engine, upgrade; print(upgrade(make_engine({url!r})))"
    racers = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for _ in range(4)]
    outputs = [racer.communicate(timeout=120) for racer in racers]
    assert [r.returncode for r in racers] == [0, 0, 0, 0], outputs
    assert [out.strip() for out, _ in outputs] == [head_revision()] * 4


def test_an_old_database_is_upgraded_in_place(db_url: str) -> None:
    """A database made by an earlier release (revision 0001) keeps its data on upgrade."""
    from provenance.store.repository import current_revision

    engine = make_engine(db_url)
    try:
        upgrade(engine, "0001")
        assert current_revision(engine) == "0001"
        with engine.begin() as connection:
            connection.execute(t.Image.__table__.insert().values(
                sha256="b" * 64, phash=None, format="PNG", width=2, height=2, size=9))
        assert upgrade(engine) == head_revision()
        with engine.connect() as connection:
            assert connection.execute(select(t.Image.sha256)).scalars().all() == ["b" * 64]
            assert compare_metadata(_context(connection), t.Base.metadata) == []
    finally:
        engine.dispose()


def test_migration_0006_keys_the_usages_it_can(db_url: str) -> None:
    """HTML and Markdown usages get their key from what is stored; a plain text's usages (whose credit
    line was not stored before) get none, and their article is checked again by the next audit."""
    from provenance.store.usage_keys import usage_key

    engine = make_engine(db_url)
    try:
        upgrade(engine, "0005")
        with engine.begin() as connection:
            for file_id, path, kind in ((1, "a/page.html", "html"), (2, "a/story.txt", "plain")):
                connection.exec_driver_sql(
                    "INSERT INTO files (id, root, path, size, mtime_ns, kind, problems, done, search) "
                    f"VALUES ({file_id}, '/r', '{path}', 1, 1, 'article', '', true, '')")
                connection.exec_driver_sql(f"INSERT INTO articles (id, file_id, kind) VALUES ({file_id}, {file_id}, "
                                           f"'{kind}')")
            for usage_id, article_id, position, src, caption in (
                    (1, 1, 0, "x.jpg", "Photo:  Ana\nRuiz"), (2, 1, 1, "x.jpg", "Photo: Ana Ruiz"),
                    (3, 2, 0, None, None)):
                connection.execute(t.Usage.__table__.insert().values(
                    id=usage_id, article_id=article_id, position=position, src=src, caption=caption))
        upgrade(engine, "0009")  # 0010 marks every article to be read again
        with engine.connect() as connection:
            keys = dict(connection.execute(select(t.Usage.id, t.Usage.key)).all())
            done = dict(connection.execute(select(t.File.path, t.File.done)).all())
        first = usage_key("a/page.html", "x.jpg", "Photo: Ana Ruiz")
        assert keys == {1: first, 2: usage_key("a/page.html", "x.jpg", "Photo: Ana Ruiz", {first}), 3: None}
        assert keys[1] != keys[2]  # the same credit twice: one key per occurrence
        assert done == {"a/page.html": True, "a/story.txt": False}
    finally:
        engine.dispose()


def test_migration_0008_fills_the_codes_and_the_search_index(db_url: str) -> None:
    """A database from before 0008 gets each record's finding codes (those of its usage, or of its image
    when no article uses it) and, on SQLite, the trigram index of what it has."""
    from sqlalchemy import text

    from tests.audit.reference import codes_by_exists, stored_codes

    engine = make_engine(db_url)
    try:
        upgrade(engine, "0007")
        with engine.begin() as connection:
            for statement in (
                    "INSERT INTO images (id, sha256, format, width, height, size) VALUES (1, 'a', 'JPEG', 1, 1, 1)",
                    "INSERT INTO images (id, sha256, format, width, height, size) VALUES (2, 'b', 'JPEG', 1, 1, 1)",
                    "INSERT INTO files (id, root, path, size, mtime_ns, kind, problems, done, search) "
                    "VALUES (1, '/r', 'a/page.html', 1, 1, 'article', '', true, '')",
                    "INSERT INTO articles (id, file_id, kind) VALUES (1, 1, 'html')",
                    "INSERT INTO usages (id, article_id, position, image_id) VALUES (1, 1, 0, 1)",
                    # a usage's record, and the image no article uses (2) with a record of its own
                    "INSERT INTO records (id, usage_id, image_id, status, origins, search) "
                    "VALUES (1, 1, 1, 'error', '{}', 'jana novak a/page.html')",
                    "INSERT INTO records (id, image_id, status, origins, search) "
                    "VALUES (2, 2, 'warning', '{}', 'lodz images/b.jpg')"):
                connection.exec_driver_sql(statement)
            for usage_id, image_id, code, scope in ((1, 1, "missing-credit", "item"),
                                                    (1, 1, "missing-credit", "group"),
                                                    (None, 1, "image-only", "item"),  # not the usage's
                                                    (None, 2, "needs-verification", "item"),
                                                    (None, 2, "copies-disagree", "group")):
                connection.execute(t.Finding.__table__.insert().values(
                    usage_id=usage_id, image_id=image_id, code=code, scope=scope, severity="warning", message="m"))
        upgrade(engine, "0010")  # 0011 writes the search of these made-up records again
        with engine.connect() as connection, Session(bind=connection) as session:
            assert stored_codes(session) == codes_by_exists(session) == {
                ("missing-credit", 1), ("needs-verification", 2), ("copies-disagree", 2)}
            if engine.dialect.name == "sqlite":
                found = connection.execute(text(f"SELECT rowid FROM {t.SEARCH_INDEX} WHERE {t.SEARCH_INDEX} "
                                                "MATCH '\"novak\"'")).scalars().all()
                assert found == [1]
    finally:
        engine.dispose()


def test_migration_0010_marks_the_articles_to_be_read_again(db_url: str) -> None:
    """A database from before 0010 kept no trace of a guessed encoding: its articles get none (NULL) and their
    files are to be read again by the next audit, which finds the guesses; other files stay done."""
    engine = make_engine(db_url)
    try:
        upgrade(engine, "0009")
        with engine.begin() as connection:
            for file_id, path, kind in ((1, "a/page.html", "article"), (2, "a/photo.jpg", "image")):
                connection.exec_driver_sql(
                    "INSERT INTO files (id, root, path, size, mtime_ns, kind, problems, done, search) "
                    f"VALUES ({file_id}, '/r', '{path}', 1, 1, '{kind}', '', true, '')")
            connection.exec_driver_sql("INSERT INTO articles (id, file_id, kind, title) VALUES (1, 1, 'html', 'T')")
        upgrade(engine)
        with engine.connect() as connection:
            done = dict(connection.execute(select(t.File.path, t.File.done)).all())
            articles = connection.execute(select(t.Article.title, t.Article.guessed_encoding,
                                                 t.Article.declared_encoding)).all()
            assert compare_metadata(_context(connection), t.Base.metadata) == []
        assert done == {"a/page.html": False, "a/photo.jpg": True}
        assert [tuple(a) for a in articles] == [("T", None, None)]
    finally:
        engine.dispose()


def test_migration_0011_writes_every_name_of_an_image_into_the_search(db_url: str) -> None:
    """Before 0011 a record's search held its image's first path only: an archive stored then found no photo by
    another of its names (a camera's IMG_0001.jpg beside the story's quay.jpg) until that name changed, since an
    unchanged audit writes no record again. The migration writes the search of every record again."""
    from provenance.audit.save import folded_search

    engine = make_engine(db_url)
    try:
        upgrade(engine, "0010")
        with engine.begin() as connection:
            for image_id in (1, 2):
                connection.execute(t.Image.__table__.insert().values(
                    id=image_id, sha256=f"{image_id:064d}", format="JPEG", width=1, height=1, size=1))
            for file_id, path, kind, image_id in ((1, "story.md", "article", None), (2, "images/quay.jpg", "image", 1),
                                                  (3, "images/IMG_0001.jpg", "image", 1),
                                                  (4, "images/dune.jpg", "image", 2)):
                connection.execute(t.File.__table__.insert().values(
                    id=file_id, root="/r", path=path, size=1, mtime_ns=1, kind=kind, problems="", done=True,
                    search=path.lower(), image_id=image_id))
            connection.execute(t.Article.__table__.insert().values(id=1, file_id=1, kind="markdown"))
            connection.execute(t.Usage.__table__.insert().values(id=1, article_id=1, position=0,
                                                                 src="images/quay.jpg", image_id=1))
            old = folded_search("Ines Berg", None, None, "images/quay.jpg", "story.md", "images/IMG_0001.jpg")
            connection.execute(t.Record.__table__.insert().values(id=1, usage_id=1, image_id=1, creator="Ines Berg",
                                                                  status="ok", search=old))
            connection.execute(t.Record.__table__.insert().values(id=2, usage_id=None, image_id=2, creator="Teo Marsh",
                                                                  status="ok", search="stale"))
        upgrade(engine)
        with engine.connect() as connection:
            search = dict(connection.execute(select(t.Record.id, t.Record.search)).all())
        assert search == {
            1: folded_search("Ines Berg", None, None, "images/quay.jpg", "story.md", "images/IMG_0001.jpg",
                             "images/quay.jpg"),
            2: folded_search("Teo Marsh", None, None, None, None, "images/dune.jpg")}
    finally:
        engine.dispose()
