"""[edge] `provenance audit`: walk -> read -> resolve -> check -> store.

Incremental: a file whose size and mtime are unchanged since it was last read
is not read again. Resumable: every image's result is committed in small
batches and a file is marked done only when its rows are in; articles showing
a changed image are marked not done before the image changes; each phase's
completion is recorded on the run, and a run killed before its final phases
makes the next one redo them (provenance.audit.state). So an audit killed at
any point (SIGKILL) and started again finishes with the same result. One audit
at a time per database: a second waits for the first. Lenient: a file that
cannot be read becomes a `file-error` finding and the audit goes on.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import posixpath
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from urllib.parse import unquote

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.extract import Extracted, extract, extract_here, start_worker, warm_up, worker_context
from provenance.audit.final import regroup, standalone
from provenance.audit.overview import keep_run_counts
from provenance.audit.save import image_evidence, save_image, save_usage
from provenance.audit.state import audit_lock, begin_run, checkpoint, finish_run, interrupted_on_error, phase_done
from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.check import CheckedFile
from provenance.errors import InputError
from provenance.io.archive import Entry, classify, open_archives, read_entry, walk_archive
from provenance.io.c2pa_reader import trust_anchors
from provenance.io.inputs import Siblings, SourceFile, check_source
from provenance.io.matching import SetIndex
from provenance.model import Evidence, Finding
from provenance.parse.urls import split_url
from provenance.rules.registry import make_finding
from provenance.store import tables as t

BATCH = 25
IN_FLIGHT = 8  # extraction jobs queued per worker


@dataclass
class AuditStats:
    run_id: int = 0
    root: str = ""
    seen: int = 0
    extracted: int = 0
    failed: int = 0
    articles: int = 0
    removed: int = 0
    seconds: float = 0.0
    summary: dict[str, object] = field(default_factory=dict)


DEFAULT_EXCLUDE = ("README*", "LICENSE*", "CHANGELOG*")


def run_audit(root: str, sessions: sessionmaker[Session], catalog: Catalog, profile: UsageProfile,
              jobs: int | None = None, progress: bool = False,
              exclude: tuple[str, ...] = DEFAULT_EXCLUDE, phash: bool = True) -> AuditStats:
    """Audit a folder or zip into the database; one audit at a time per database (others wait)."""
    engine = sessions.kw.get("bind")
    lock = audit_lock(engine) if isinstance(engine, Engine) else contextlib.nullcontext()
    with lock, open_archives():
        return _run(root, sessions, catalog, profile, jobs, progress, exclude, phash)


def _run(root: str, sessions: sessionmaker[Session], catalog: Catalog, profile: UsageProfile,
         jobs: int | None, progress: bool, exclude: tuple[str, ...], phash: bool) -> AuditStats:
    started = time.perf_counter()
    entries = [e for e in walk_archive(root) if not _excluded(e.path, exclude)]
    base = entries[0].root if entries else os.path.abspath(root)
    stats = AuditStats(root=base, seen=len(entries))
    stats.run_id, pending = begin_run(sessions, base, profile.name)
    with interrupted_on_error(sessions, stats.run_id):
        _phases(sessions, base, entries, stats, catalog, profile, jobs, progress, pending, phash)
    stats.seconds = time.perf_counter() - started
    _finish(sessions, stats)
    return stats


def _phases(sessions: sessionmaker[Session], base: str, entries: list[Entry], stats: AuditStats, catalog: Catalog,
            profile: UsageProfile, jobs: int | None, progress: bool, pending: bool, phash: bool = True) -> None:
    changed, removed = _changes(sessions, base, entries)
    stats.removed = len(removed)
    images, _ = _register(sessions, base, changed, stats.run_id)
    _mark_affected(sessions, base, {posixpath.basename(p) for p in [*(e.path for e in images), *removed]})
    phase_done(sessions, stats.run_id, "register")
    stats.extracted, stats.failed = _extract_all(sessions, base, images, jobs, progress, phash)
    _remove(sessions, base, removed)
    phase_done(sessions, stats.run_id, "images")
    stats.articles = _check_articles(sessions, base, _articles_to_do(sessions, base, entries), catalog, profile,
                                     progress)
    phase_done(sessions, stats.run_id, "articles")
    if changed or removed or pending:
        standalone(sessions, catalog, profile)
        phase_done(sessions, stats.run_id, "standalone")
        regroup(sessions)
    phase_done(sessions, stats.run_id, "groups")


def _finish(sessions: sessionmaker[Session], stats: AuditStats) -> None:
    checkpoint("finish", 0)
    with sessions() as session:
        run = session.get(t.AuditRun, stats.run_id)
        assert run is not None
        run.files_seen, run.files_extracted, run.files_failed = stats.seen, stats.extracted, stats.failed
        finish_run(session, run)
        keep_run_counts(session, stats.run_id)
        session.commit()


def _excluded(path: str, patterns: tuple[str, ...]) -> bool:
    name = posixpath.basename(path)
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(path, p) for p in patterns)


def _changes(sessions: sessionmaker[Session], base: str, entries: list[Entry]) -> tuple[list[Entry], list[str]]:
    """Entries that are new, changed or not finished last time; paths that are gone."""
    with sessions() as session:
        known = {f.path: (f.size, f.mtime_ns, f.done) for f in session.scalars(
            select(t.File).where(t.File.root == base))}
    changed = [e for e in entries if known.get(e.path) != (e.size, e.mtime_ns, True)]
    seen = {e.path for e in entries}
    return changed, [p for p in known if p not in seen]


def _register(sessions: sessionmaker[Session], base: str, changed: list[Entry], run_id: int,
              ) -> tuple[list[Entry], list[Entry]]:
    """Classify changed entries by content and (re)write their file rows as not done."""
    images: list[Entry] = []
    articles: list[Entry] = []
    for start in range(0, len(changed), 500):
        with sessions() as session:
            _register_batch(session, base, changed[start:start + 500], run_id, images, articles)
            session.commit()
        checkpoint("register", start // 500 + 1)
    return images, articles


def _register_batch(session: Session, base: str, batch: list[Entry], run_id: int, images: list[Entry],
                    articles: list[Entry]) -> None:
    paths = [e.path for e in batch]
    rows = {f.path: f for f in session.scalars(select(t.File).where(t.File.root == base, t.File.path.in_(paths)))}
    for entry in batch:
        try:
            kind, problem = classify(entry)
        except (OSError, InputError) as exc:
            kind, problem = "other", f"cannot be read ({exc})"
        row = rows.get(entry.path) or t.File(root=base, path=entry.path)
        row.size, row.mtime_ns, row.kind, row.run_id = entry.size, entry.mtime_ns, kind, run_id
        row.done, row.error = kind == "other", (f"{entry.path}: {problem}" if problem else None)
        session.add(row)
        session.flush()
        session.execute(delete(t.Finding).where(t.Finding.file_id == row.id))
        if problem:
            session.add(t.Finding(file_id=row.id, code="file-error", severity="error", message=row.error or "",
                                  evidence=entry.path))
        (images if kind == "image" else articles if kind == "article" else []).append(entry)


def _results(images: list[Entry], jobs: int | None, phash: bool = True) -> Iterator[Extracted]:
    """Extraction results in order, with at most a few jobs per worker in flight, so that
    results never pile up in memory while the database catches up. A file over its budget, or
    a worker that dies on a file, makes that file a file-error; a new pool takes over."""
    if not images:
        return
    trust = trust_anchors()
    context = worker_context()
    if context is None:  # an audit in a server's thread: read here, without budgets
        yield from (extract_here((entry, trust, phash)) for entry in images)
        return
    workers = min(jobs or os.cpu_count() or 1, len(images))  # one worker too: the budgets hold for every audit
    warm_up()  # forked workers start with the readers' libraries loaded
    todo = deque(images)
    while todo:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=start_worker, mp_context=context)
        try:
            yield from _pool_results(pool, todo, trust, IN_FLIGHT * workers, phash)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)


def _pool_results(pool: ProcessPoolExecutor, todo: deque[Entry], trust: str | None,
                  in_flight: int, phash: bool = True) -> Iterator[Extracted]:
    """Results from one pool, taking entries off `todo`; returns when done, or when a worker was
    interrupted or died (the entries not yet finished go back on `todo`, for a new pool)."""
    pending: deque[tuple[Entry, Future[Extracted]]] = deque()
    while todo or pending:
        while todo and len(pending) < in_flight:
            entry = todo.popleft()
            pending.append((entry, pool.submit(extract, (entry, trust, phash))))
        entry, future = pending.popleft()
        try:
            result = future.result()
        except BrokenProcessPool:
            result = Extracted(entry.path, error=f"{entry.path}: the worker reading it died (out of memory or "
                                                 "killed); not read", over_budget=True)
        yield result
        if result.over_budget:
            todo.extendleft(reversed([e for e, _ in pending]))
            return


def _extract_all(sessions: sessionmaker[Session], base: str, images: list[Entry], jobs: int | None,
                 progress: bool, phash: bool = True) -> tuple[int, int]:
    from tqdm import tqdm

    done = failed = 0
    session = sessions()
    try:
        for result in tqdm(_results(images, jobs, phash), total=len(images), unit="image", disable=not progress,
                           desc="images"):
            row = session.scalar(select(t.File).where(t.File.root == base, t.File.path == result.path))
            assert row is not None
            save_image(session, row, result)
            done += 1
            checkpoint("images", done)
            failed += result.error is not None
            if done % BATCH == 0:
                session.commit()
                session.expunge_all()
        session.commit()
    finally:
        session.close()
    return done, failed


def _remove(sessions: sessionmaker[Session], base: str, removed: list[str]) -> None:
    with sessions() as session:
        if removed:
            session.execute(delete(t.File).where(t.File.root == base, t.File.path.in_(removed)))
        used = select(t.File.image_id).where(t.File.image_id.is_not(None))
        decided = select(t.Decision.image_id)
        session.execute(delete(t.Image).where(t.Image.id.not_in(used), t.Image.id.not_in(decided)))
        session.commit()


def _mark_affected(sessions: sessionmaker[Session], base: str, names: set[str]) -> None:
    """Articles that show a changed or removed image (matched by file name) are to be checked
    again: marked not done before the images change, so that a killed run still redoes them."""
    if not names:
        return
    with sessions() as session:
        rows = session.execute(select(t.File.id, t.Usage.src).join(t.Article, t.Article.file_id == t.File.id)
                               .join(t.Usage, t.Usage.article_id == t.Article.id).where(t.File.root == base))
        ids = sorted({file_id for file_id, src in rows if src and _basename(src) in names})
        for start in range(0, len(ids), 500):
            session.execute(update(t.File).where(t.File.id.in_(ids[start:start + 500])).values(done=False))
        session.commit()


def _articles_to_do(sessions: sessionmaker[Session], base: str, entries: list[Entry]) -> list[Entry]:
    """The articles not checked since they (or an image they show) last changed."""
    with sessions() as session:
        paths = set(session.scalars(select(t.File.path).where(
            t.File.root == base, t.File.kind == "article", t.File.done.is_(False))))
    return [e for e in entries if e.path in paths]


def _basename(src: str) -> str:
    return posixpath.basename(unquote(split_url(src).path))


class _ArchiveImages:
    """The image files of the audited archive, for matching article references (the one rule
    of provenance.io.matching) and for reading back the evidence stored for them."""

    def __init__(self, session: Session, base: str) -> None:
        rows = session.execute(select(t.File.id, t.File.path, t.File.image_id).where(
            t.File.root == base, t.File.kind == "image"))
        self.ids = {path: (file_id, image_id) for file_id, path, image_id in rows}
        self.index = SetIndex(self.ids)

    def siblings(self, session: Session) -> Siblings:
        def evidence(path: str) -> tuple[list[Evidence], list[str]]:
            image_id = self.ids[path][1]
            return (image_evidence(session, image_id) if image_id is not None else []), []

        return Siblings(self.index, evidence)


def _check_articles(sessions: sessionmaker[Session], base: str, todo: list[Entry], catalog: Catalog,
                    profile: UsageProfile, progress: bool) -> int:
    from tqdm import tqdm

    with sessions() as session:
        images = _ArchiveImages(session, base)
    for count, entry in enumerate(tqdm(todo, unit="article", disable=not progress, desc="articles"), 1):
        with sessions() as session:
            _check_article(session, base, entry, images, catalog, profile)
            session.commit()
        checkpoint("articles", count)
    return len(todo)


def _check_article(session: Session, base: str, entry: Entry, images: _ArchiveImages, catalog: Catalog,
                   profile: UsageProfile) -> None:
    row = session.scalar(select(t.File).where(t.File.root == base, t.File.path == entry.path))
    assert row is not None
    session.execute(delete(t.Article).where(t.Article.file_id == row.id))
    session.execute(delete(t.Finding).where(t.Finding.file_id == row.id))
    try:
        source = SourceFile(entry.path, entry.path, data=read_entry(entry))
    except InputError as exc:
        checked = CheckedFile(entry.path, "error", error=str(exc))
    else:
        checked = check_source(source, catalog, profile, images.siblings(session))
    row.done = True
    if checked.error:
        row.error = checked.error
        session.add(t.Finding(file_id=row.id, code="file-error", severity="error", message=checked.error,
                              evidence=entry.path))
        return
    page = {e.field: e.value for e in checked.page}
    article = t.Article(file_id=row.id, kind=checked.kind, title=page.get("page_title"), byline=page.get("byline"),
                        canonical_url=page.get("canonical_url"))
    session.add(article)
    session.flush()
    for position, item in enumerate(checked.items):
        match = checked.matches.get(item.src or "")
        found = (*images.ids[match.path], match.rule) if match else None
        extra: list[Finding] = []
        if item.src and match is None:
            extra.append(make_finding("image-not-found", item.src, src=item.src))
        save_usage(session, article.id, position, item, found, extra)
