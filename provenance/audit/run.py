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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import unquote

from sqlalchemy import Engine, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.check_key import run_check_key
from provenance.audit.overview import keep_run_counts
from provenance.audit.reading import ReadAhead, Reading, kind_of_entry, start_reading
from provenance.audit.save import images_of_paths, refresh_search, save_articles, save_images, table
from provenance.audit.state import (
    audit_lock,
    begin_run,
    checking_again,
    checkpoint,
    finish_run,
    interrupted_on_error,
    phase_done,
)
from provenance.catalog.names import fold_search
from provenance.io.archive import Entry, open_archives, walk_archive
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
              exclude: tuple[str, ...] = DEFAULT_EXCLUDE, phash: bool = True,
              ahead: ReadAhead | None = None) -> AuditStats:
    """Audit a folder or zip into the database; one audit at a time per database (others wait).
    `ahead`: what provenance.audit.reading.read_ahead did for this audit (the same root and exclusions)."""
    engine = sessions.kw.get("bind")
    lock = audit_lock(engine) if isinstance(engine, Engine) else contextlib.nullcontext()
    with lock, open_archives():
        return _run(root, sessions, catalog, profile, jobs, progress, exclude, phash, ahead)


def _run(root: str, sessions: sessionmaker[Session], catalog: Catalog, profile: UsageProfile,
         jobs: int | None, progress: bool, exclude: tuple[str, ...], phash: bool,
         ahead: ReadAhead | None = None) -> AuditStats:
    started = ahead.started if ahead else time.perf_counter()
    entries = ahead.entries if ahead else [e for e in walk_archive(root) if not excluded(e.path, exclude)]
    base = entries[0].root if entries else os.path.abspath(root)
    stats = AuditStats(root=base, seen=len(entries))
    checks = run_check_key(catalog, profile)
    stats.run_id, pending, stale = begin_run(sessions, base, profile.name, checks)
    with interrupted_on_error(sessions, stats.run_id):
        if stale:
            _check_again(sessions, base, stats.run_id, checks)
        _phases(sessions, base, entries, stats, catalog, profile, jobs, progress, pending or stale, phash, ahead)
    stats.seconds = time.perf_counter() - started
    _finish(sessions, stats)
    return stats


def _phases(sessions: sessionmaker[Session], base: str, entries: list[Entry], stats: AuditStats, catalog: Catalog,
            profile: UsageProfile, jobs: int | None, progress: bool, pending: bool, phash: bool = True,
            ahead: ReadAhead | None = None) -> None:
    changed, removed = _changes(sessions, base, entries)
    stats.removed = len(removed)
    images, articles = _register(sessions, base, changed, stats.run_id, ahead.kinds if ahead else {})
    # every changed file an article can show, not only the images read now (an image that became unreadable
    # is no image any more), but no article: looking for the articles showing a file reads every usage
    read = {e.path for e in articles}
    _mark_affected(sessions, base, {posixpath.basename(p) for p in [*(e.path for e in changed if e.path not in read),
                                                                    *removed]})
    phase_done(sessions, stats.run_id, "register")
    reading = ahead.take(images) if ahead else None  # the images read ahead, when they are these
    stats.extracted, stats.failed = _extract_all(sessions, base, images, jobs, progress, phash, reading)
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


def _check_again(sessions: sessionmaker[Session], base: str, run_id: int, checks: str) -> None:
    """The code, the catalog or the profile changed since the root's last run: every article of the root is
    to be checked again, and every image of it that no article shows (its standalone row is dropped, so
    provenance.audit.final.standalone checks it again). In one transaction with the run's new key, so that
    a run stopped before or during it leaves the work for the next one."""
    from provenance.audit.final import drop_standalone  # with the checks: only a run that checks again needs them

    with sessions() as session:
        checking_again(session, run_id, checks)
        session.execute(update(t.File).where(t.File.root == base, t.File.kind == "article").values(done=False))
        drop_standalone(session, select(t.File.image_id).where(t.File.root == base, t.File.image_id.is_not(None)))
        session.commit()


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
              kinds: dict[str, tuple[str, str | None]]) -> tuple[list[Entry], list[Entry]]:
    """Classify changed entries by content (unless `kinds` tells, by path) and (re)write their file rows
    as not done."""
    images: list[Entry] = []
    articles: list[Entry] = []
    for start in range(0, len(changed), 500):
        with sessions() as session:
            _register_batch(session, base, changed[start:start + 500], run_id, images, articles, kinds)
            session.commit()
        checkpoint("register", start // 500 + 1)
    return images, articles


def _register_batch(session: Session, base: str, batch: list[Entry], run_id: int, images: list[Entry],
                    articles: list[Entry], kinds: dict[str, tuple[str, str | None]]) -> None:
    files, findings = table("files"), table("findings")
    rows = dict(session.execute(select(files.c.path, files.c.id).where(
        files.c.root == base, files.c.path.in_([e.path for e in batch]))).all())
    values: list[dict[str, object]] = []
    for entry in batch:
        kind, problem = kinds.get(entry.path) or kind_of_entry(entry)
        values.append({"b_path": entry.path, "size": entry.size, "mtime_ns": entry.mtime_ns, "kind": kind,
                       "run_id": run_id, "done": kind == "other",
                       "error": f"{entry.path}: {problem}" if problem else None})
        (images if kind == "image" else articles if kind == "article" else []).append(entry)
    old = [v for v in values if v["b_path"] in rows]
    if rows:
        session.execute(delete(findings).where(findings.c.file_id.in_(rows.values())))
    if old:
        session.execute(update(files).where(files.c.root == base, files.c.path == bindparam("b_path")), old)
        # a file that is no longer an image (emptied, overwritten with text) shows no image any more
        gone = [str(v["b_path"]) for v in old if v["kind"] != "image"]
        for start in range(0, len(gone), 500):
            names = gone[start:start + 500]
            shown = images_of_paths(session, base, names)
            session.execute(update(files).where(files.c.root == base, files.c.path.in_(names)).values(image_id=None))
            refresh_search(session, shown)  # the image lost a name
    new = [{"root": base, "path": v["b_path"], "search": fold_search(str(v["b_path"])),
            **{k: x for k, x in v.items() if k != "b_path"}} for v in values if v["b_path"] not in rows]
    if new:
        ids = session.scalars(insert(files).returning(files.c.id, sort_by_parameter_order=True), new).all()
        rows.update(zip((str(v["path"]) for v in new), ids, strict=True))
    errors = [{"file_id": rows[str(v["b_path"])], "code": "file-error", "severity": "error", "message": v["error"],
               "evidence": v["b_path"]} for v in values if v["error"]]
    if errors:
        session.execute(insert(findings), errors)


def _extract_all(sessions: sessionmaker[Session], base: str, images: list[Entry], jobs: int | None,
                 progress: bool, phash: bool = True, reading: Reading | None = None) -> tuple[int, int]:
    """Read the images on the workers (unless `reading` reads them already) and store their results here,
    a batch per transaction; a file is marked done in the transaction that stores its rows."""
    reading = reading or start_reading(images, jobs, phash)
    if reading is None:
        return 0, 0
    from tqdm import tqdm

    done = failed = 0
    with sessions() as session:
        ids = dict(session.execute(select(t.File.path, t.File.id).where(
            t.File.root == base, t.File.kind == "image")).all())
    batch: list[tuple[int, Extracted]] = []
    last = time.monotonic()
    try:
        for result in tqdm(reading, total=len(images), unit="image", disable=not progress, desc="images"):
            batch.append((ids[result.path], result))
            done += 1
            checkpoint("images", done)
            failed += result.error is not None
            if len(batch) >= BATCH or time.monotonic() - last > BATCH_SECONDS:
                _save_batch(sessions, batch)
                batch, last = [], time.monotonic()
    finally:
        reading.close()
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
            shown = images_of_paths(session, base, removed)
            session.execute(delete(t.File).where(t.File.root == base, t.File.path.in_(removed)))
            refresh_search(session, shown)  # images that lost a name
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
