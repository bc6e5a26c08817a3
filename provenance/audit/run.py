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
import os
import posixpath
import time
from collections import deque
from collections.abc import Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import unquote

from sqlalchemy import Engine, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.overview import keep_run_counts
from provenance.audit.save import save_articles, save_images, table
from provenance.audit.state import audit_lock, begin_run, checkpoint, finish_run, interrupted_on_error, phase_done
from provenance.catalog.names import fold_search
from provenance.errors import InputError
from provenance.io.archive import Entry, classify, open_archives, walk_archive
from provenance.io.folder import excluded
from provenance.parse.urls import split_url
from provenance.store import tables as t

if TYPE_CHECKING:  # the readers and the checks are imported when there is something to read or check,
    # so that the re-audit of an unchanged archive starts without them
    from provenance.audit.extract import Extracted
    from provenance.audit.rows import ArticleRows
    from provenance.catalog.load import Catalog
    from provenance.catalog.profile import UsageProfile

BATCH = 200  # images stored per transaction
BATCH_SECONDS = 2.0  # ... or fewer, when they come slowly
CHUNK = 8  # images read per job: a job is a round trip between the processes
IN_FLIGHT = 4  # jobs queued per worker (enough that none waits while this process writes a batch)


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
    entries = [e for e in walk_archive(root) if not excluded(e.path, exclude)]
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
    if changed or removed or pending:  # else no image can have lost its last file
        _remove(sessions, base, removed)
    phase_done(sessions, stats.run_id, "images")
    stats.articles = _check_articles(sessions, base, _articles_to_do(sessions, base, entries), catalog, profile,
                                     progress, jobs)
    phase_done(sessions, stats.run_id, "articles")
    if changed or removed or pending:
        from provenance.audit.final import regroup, standalone

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


def _changes(sessions: sessionmaker[Session], base: str, entries: list[Entry]) -> tuple[list[Entry], list[str]]:
    """Entries that are new, changed or not finished last time; paths that are gone."""
    with sessions() as session:
        known = {path: (size, mtime_ns, done) for path, size, mtime_ns, done in session.execute(
            select(t.File.path, t.File.size, t.File.mtime_ns, t.File.done).where(t.File.root == base))}
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
    files, findings = table("files"), table("findings")
    rows = dict(session.execute(select(files.c.path, files.c.id).where(
        files.c.root == base, files.c.path.in_([e.path for e in batch]))).all())
    values: list[dict[str, object]] = []
    for entry in batch:
        try:
            kind, problem = classify(entry)
        except (OSError, InputError) as exc:
            kind, problem = "other", f"cannot be read ({exc})"
        values.append({"b_path": entry.path, "size": entry.size, "mtime_ns": entry.mtime_ns, "kind": kind,
                       "run_id": run_id, "done": kind == "other",
                       "error": f"{entry.path}: {problem}" if problem else None})
        (images if kind == "image" else articles if kind == "article" else []).append(entry)
    old = [v for v in values if v["b_path"] in rows]
    if rows:
        session.execute(delete(findings).where(findings.c.file_id.in_(rows.values())))
    if old:
        session.execute(update(files).where(files.c.root == base, files.c.path == bindparam("b_path")), old)
    new = [{"root": base, "path": v["b_path"], "search": fold_search(str(v["b_path"])),
            **{k: x for k, x in v.items() if k != "b_path"}} for v in values if v["b_path"] not in rows]
    if new:
        ids = session.scalars(insert(files).returning(files.c.id, sort_by_parameter_order=True), new).all()
        rows.update(zip((str(v["path"]) for v in new), ids, strict=True))
    errors = [{"file_id": rows[str(v["b_path"])], "code": "file-error", "severity": "error", "message": v["error"],
               "evidence": v["b_path"]} for v in values if v["error"]]
    if errors:
        session.execute(insert(findings), errors)


def _results(images: list[Entry], jobs: int | None, phash: bool = True) -> Iterator[Extracted]:
    """Extraction results in order, with at most a few jobs per worker in flight, so that
    results never pile up in memory while the database catches up. A file over its budget, or
    a worker that dies on a file, makes that file a file-error; a new pool takes over."""
    if not images:
        return
    from provenance.audit.extract import start_worker, warm_up, worker_context
    from provenance.io.c2pa_reader import trust_anchors

    trust = trust_anchors()
    context = worker_context()
    workers = min(jobs or os.cpu_count() or 1, len(images))  # one worker too: the budgets hold for every audit
    if context.get_start_method() == "fork":
        warm_up(phash)  # forked workers start with the readers' libraries loaded (spawned ones load their own)
    todo = deque(images)
    suspects: deque[Entry] = deque()  # files in flight when a worker died, not yet known to be harmless
    chunk = _chunk(len(todo), workers)
    while todo or suspects:
        careful = bool(suspects)  # one worker, one file at a time: a death then names its file
        queue = suspects if careful else todo
        pool = ProcessPoolExecutor(max_workers=1 if careful else workers, initializer=start_worker,
                                   initargs=(phash,), mp_context=context)
        try:
            suspects.extend((yield from _pool_results(pool, queue, trust, 1 if careful else IN_FLIGHT * workers,
                                                      1 if careful else chunk, phash)))
        finally:
            pool.shutdown(wait=False, cancel_futures=True)


def _chunk(images: int, workers: int) -> int:
    """Images a job: CHUNK, fewer for a small audit, so that every worker gets several jobs."""
    return max(1, min(CHUNK, images // (workers * IN_FLIGHT)))


def _pool_results(pool: ProcessPoolExecutor, todo: deque[Entry], trust: str | None,
                  in_flight: int, chunk: int, phash: bool = True) -> Generator[Extracted, None, list[Entry]]:
    """Results from one pool, taking entries off `todo` a few at a time; returns when done, or when a
    worker was interrupted or died (the entries not yet started go back on `todo`, for a new pool).
    A worker that dies while it was the only one at work on one file names that file; when several
    files were in flight, any of them may have killed it (another worker's job fails too), so none is
    blamed: they are returned, to be read again one at a time."""
    from provenance.audit.extract import Extracted, extract_many

    pending: deque[tuple[list[Entry], Future[list[Extracted]]]] = deque()
    while todo or pending:
        while todo and len(pending) < in_flight:
            entries = [todo.popleft() for _ in range(min(chunk, len(todo)))]
            try:
                future = pool.submit(extract_many, [(e, trust, phash) for e in entries])
            except BrokenProcessPool:  # a worker died since the last result; a pending job will say so
                todo.extendleft(reversed(entries))
                if not pending:
                    return []
                break
            pending.append((entries, future))
        entries, future = pending.popleft()
        try:
            results = future.result()
        except BrokenProcessPool:
            if len(entries) > 1 or pending:
                return [*entries, *(e for chunk_, _ in pending for e in chunk_)]
            results = [Extracted(entries[0].path, error=f"{entries[0].path}: the worker reading it died (out of "
                                                        "memory or killed); not read", over_budget=True)]
        yield from results
        if results[-1].over_budget:
            todo.extendleft(reversed([*entries[len(results):], *(e for chunk_, _ in pending for e in chunk_)]))
            return []
    return []


def _extract_all(sessions: sessionmaker[Session], base: str, images: list[Entry], jobs: int | None,
                 progress: bool, phash: bool = True) -> tuple[int, int]:
    """Read the images on the workers and store their results here, a batch per transaction; a file
    is marked done in the transaction that stores its rows."""
    if not images:
        return 0, 0
    from tqdm import tqdm

    done = failed = 0
    with sessions() as session:
        ids = dict(session.execute(select(t.File.path, t.File.id).where(
            t.File.root == base, t.File.kind == "image")).all())
    batch: list[tuple[int, Extracted]] = []
    last = time.monotonic()
    for result in tqdm(_results(images, jobs, phash), total=len(images), unit="image", disable=not progress,
                       desc="images"):
        batch.append((ids[result.path], result))
        done += 1
        checkpoint("images", done)
        failed += result.error is not None
        if len(batch) >= BATCH or time.monotonic() - last > BATCH_SECONDS:
            _save_batch(sessions, batch)
            batch, last = [], time.monotonic()
    _save_batch(sessions, batch)
    return done, failed


def _save_batch(sessions: sessionmaker[Session], batch: list[tuple[int, Extracted]]) -> None:
    if batch:
        with sessions() as session:
            save_images(session, batch)
            session.commit()


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


def _check_articles(sessions: sessionmaker[Session], base: str, todo: list[Entry], catalog: Catalog,
                    profile: UsageProfile, progress: bool, jobs: int | None) -> int:
    """Check the articles on the workers (provenance.audit.articles) and store them here, a batch per
    transaction (an article is marked done in the transaction that stores its rows)."""
    if not todo:
        return 0
    from tqdm import tqdm

    from provenance.audit.articles import checked_articles

    with sessions() as session:
        batch: list[tuple[Entry, ArticleRows]] = []
        results = checked_articles(todo, sessions, base, catalog, profile, jobs)
        for count, (entry, rows) in enumerate(tqdm(results, total=len(todo), unit="article",
                                                   disable=not progress, desc="articles"), 1):
            batch.append((entry, rows))
            checkpoint("articles", count)
            if sum(len(r[4]) for _, r in batch) >= BATCH:
                _save_articles(session, base, batch, catalog, profile)
                batch = []
        _save_articles(session, base, batch, catalog, profile)
    return len(todo)


def _save_articles(session: Session, base: str, batch: list[tuple[Entry, ArticleRows]], catalog: Catalog,
                   profile: UsageProfile) -> None:
    if not batch:
        return
    from provenance.audit.decisions import recheck_decided

    ids = dict(session.execute(select(t.File.path, t.File.id).where(
        t.File.root == base, t.File.path.in_([e.path for e, _ in batch]))).all())
    save_articles(session, [(ids[entry.path], rows) for entry, rows in batch])
    recheck_decided(session, list(ids.values()), catalog, profile)  # decisions about their usages, by their keys
    session.commit()
