"""[edge] The articles of an audit, checked on all cores.

Each worker process checks whole articles: it reads the article file, matches its image
references to the archive's image files (provenance.io.matching) and reads the evidence stored
for those images through its own database connection (reading only). It returns the checked
article as plain data; the audit process stores it (provenance.audit.save), so all writes stay
in one process. With one core, a few articles, or a database only this process can see (SQLite
in memory), the articles are checked in the audit process itself, the same way.
"""

from __future__ import annotations

import os
import posixpath
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.extract import worker_context
from provenance.audit.rows import ArticleRows, article_rows
from provenance.audit.save import stored_evidence
from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.check import CheckedFile
from provenance.errors import InputError
from provenance.io.archive import IMAGE_SUFFIXES, Entry, keep_archives_open, read_entry
from provenance.io.inputs import Siblings, SourceFile, check_source
from provenance.io.matching import SetIndex
from provenance.model import Evidence
from provenance.store import tables as t

IN_FLIGHT = 12  # articles queued per worker (enough that none waits while the audit process writes a batch)
# checked once before the workers fork (warm_up_checks): an image with a caption, a credit and a license
WARM_UP = b"# Warm-up\n\n![Photo](warm-up.jpg)\n*Photo: Jane Doe/AP (CC BY 4.0)*\n"


class ArchiveImages:
    """The image files of the audited archive, for matching article references (the one rule
    of provenance.io.matching) and for reading back the evidence stored for them."""

    def __init__(self, session: Session, base: str, name: str | None = None) -> None:
        """The image files of the archive at `base`; those of file name `name` alone when given."""
        query = select(t.File.id, t.File.path, t.File.image_id, t.File.kind, t.File.error).where(
            t.File.root == base, or_(t.File.kind == "image", t.File.error.is_not(None)))
        if name is not None:
            escaped = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            query = query.where(or_(t.File.path == name, t.File.path.like(f"%/{escaped}", escape="\\")))
        rows = session.execute(query)
        # an image file that could not be read is still the file the article shows (image-unreadable,
        # not image-not-found): a file named like an image that is empty or not one is matched too
        shown = [(file_id, path, image_id, error) for file_id, path, image_id, kind, error in rows
                 if kind == "image" or posixpath.splitext(path)[1].lower() in IMAGE_SUFFIXES]
        self.ids = {path: (file_id, image_id) for file_id, path, image_id, _ in shown}
        self.problems = {path: error for _, path, image_id, error in shown if error and image_id is None}
        self.index = SetIndex(self.ids, unreadable=self.problems)

    def siblings(self, session: Session) -> Siblings:
        """Siblings that read the images' evidence through `session`; the caller ends the read
        transaction after each article (check_with), so that no snapshot is held between articles."""
        def evidence(path: str) -> tuple[list[Evidence], list[str]]:
            image_id = self.ids[path][1]
            return (stored_evidence(session, image_id), []) if image_id is not None else ([], [])

        return Siblings(self.index, evidence)


def check_with(session: Session, entry: Entry, siblings: Siblings, catalog: Catalog,
               profile: UsageProfile) -> CheckedFile:
    """check_entry with siblings reading through `session`, whose read transaction ends with the
    article (one transaction an article, not one an image: the rollback cost as much as the reads)."""
    try:
        return check_entry(entry, siblings, catalog, profile)
    finally:
        session.rollback()


def check_entry(entry: Entry, siblings: Siblings, catalog: Catalog, profile: UsageProfile) -> CheckedFile:
    """One article of the archive, checked; a failure to read it is the result's error."""
    try:
        source = SourceFile(entry.path, entry.path, data=read_entry(entry))
    except InputError as exc:
        return CheckedFile(entry.path, "error", error=str(exc))
    return check_source(source, catalog, profile, siblings)


def checked_articles(todo: list[Entry], sessions: sessionmaker[Session], base: str, catalog: Catalog,
                     profile: UsageProfile, jobs: int | None) -> Iterator[tuple[Entry, ArticleRows]]:
    """(entry, rows of the checked article) for each entry of `todo`, in order, with at most a few articles per
    worker in flight. A worker that dies leaves the articles not yet returned to this process."""
    engine = sessions.kw.get("bind")
    workers = jobs or os.cpu_count() or 1
    url = shared_url(engine)
    left = deque(todo)
    if workers > 1 and len(todo) >= 8 and url is not None:
        pool = checker_pool(workers, url, base, catalog, profile)
        try:
            yield from _pool_results(pool, left, IN_FLIGHT * workers)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
    if not left:
        return
    with sessions() as session:
        images = ArchiveImages(session, base)
        siblings = images.siblings(session)
        while left:
            entry = left.popleft()
            yield entry, article_rows(check_with(session, entry, siblings, catalog, profile), images.ids,
                                      images.problems, images.index)


def checker_pool(workers: int, url: str, base: str, catalog: Catalog, profile: UsageProfile) -> ProcessPoolExecutor:
    """Worker processes for the articles, started as the image workers are (extract.worker_context):
    forked from the main thread, spawned from any other (an audit the dashboard's API started), where
    a fork would copy locks the server's other threads may hold."""
    context = worker_context()
    if context.get_start_method() == "fork":
        warm_up_checks(catalog, profile)
    return ProcessPoolExecutor(max_workers=workers, initializer=_start_checker,
                               initargs=(url, base, catalog, profile), mp_context=context)


def warm_up_checks(catalog: Catalog, profile: UsageProfile) -> None:
    """Check a tiny Markdown article here, so that what the checks build on first use (the catalog's
    license patterns, the Markdown reader) is built once before the workers fork, not once in each
    (about 35 ms of a worker's first article)."""
    check_source(SourceFile("warm-up.md", "warm-up.md", data=WARM_UP), catalog, profile)


def shared_url(engine: object) -> str | None:
    """The database's URL when another process can open the same database; else None."""
    if not isinstance(engine, Engine):
        return None
    if engine.dialect.name == "sqlite" and engine.url.database in (None, "", ":memory:"):
        return None
    return engine.url.render_as_string(hide_password=False)


def _pool_results(pool: ProcessPoolExecutor, left: deque[Entry], in_flight: int,
                  ) -> Iterator[tuple[Entry, ArticleRows]]:
    pending: deque[tuple[Entry, Future[ArticleRows]]] = deque()
    while left or pending:
        while left and len(pending) < in_flight:
            entry = left.popleft()
            pending.append((entry, pool.submit(_check_here, entry)))
        entry, future = pending.popleft()
        try:
            checked = future.result()
        except BrokenProcessPool:  # the rest is checked in the audit process
            left.extendleft(reversed([entry, *(e for e, _ in pending)]))
            return
        yield entry, checked


_WORKER: dict[str, Any] = {}


def _start_checker(url: str, base: str, catalog: Catalog, profile: UsageProfile) -> None:
    """A worker process: its own connection to the database, for reading the images' evidence."""
    from provenance.store.repository import make_engine

    keep_archives_open()
    session = sessionmaker(make_engine(url))()  # the worker's, for its life
    images = ArchiveImages(session, base)
    session.rollback()
    _WORKER.update(session=session, images=images, siblings=images.siblings(session), catalog=catalog,
                   profile=profile)


def _check_here(entry: Entry) -> ArticleRows:
    checked = check_with(_WORKER["session"], entry, _WORKER["siblings"], _WORKER["catalog"], _WORKER["profile"])
    images = _WORKER["images"]
    return article_rows(checked, images.ids, images.problems, images.index)
