"""[edge] `provenance audit`: walk -> read -> resolve -> check -> store.

Incremental: a file whose size and mtime are unchanged since it was last read
is not read again. Resumable: every image's result is committed in small
batches and a file is marked done only when its rows are in, so an audit
killed midway and started again finishes with the same result. Lenient: a
file that cannot be read becomes a `file-error` finding and the audit goes on.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
import time
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import unquote

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.extract import Extracted, extract
from provenance.audit.overview import keep_run_counts
from provenance.audit.save import (
    has_rights_metadata,
    image_evidence,
    refresh_status,
    save_image,
    save_standalone,
    save_usage,
)
from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.check import CheckedFile, check_evidence
from provenance.errors import InputError
from provenance.io.archive import Entry, classify, read_entry, walk_archive
from provenance.io.c2pa_reader import trust_anchors
from provenance.io.inputs import Siblings, SourceFile, check_source
from provenance.io.matching import SetIndex
from provenance.model import Evidence, Finding
from provenance.parse.urls import split_url
from provenance.rules.copies import Member, group_findings, photo_groups
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
    started = time.perf_counter()
    entries = [e for e in walk_archive(root) if not _excluded(e.path, exclude)]
    base = entries[0].root if entries else os.path.abspath(root)
    stats = AuditStats(root=base, seen=len(entries))
    with sessions() as session:
        run = t.AuditRun(root=base, profile=profile.name)
        session.add(run)
        session.commit()
        stats.run_id = run.id
    changed, removed = _changes(sessions, base, entries)
    stats.removed = len(removed)
    images, articles = _register(sessions, base, changed, stats.run_id)
    stats.extracted, stats.failed = _extract_all(sessions, base, images, jobs, progress, phash)
    affected = {posixpath.basename(p) for p in [*(e.path for e in images), *removed]}
    _remove(sessions, base, removed)
    todo = _articles_to_do(sessions, base, entries, articles, affected)
    stats.articles = _check_articles(sessions, base, todo, catalog, profile, progress)
    if changed or removed:
        _standalone(sessions, catalog, profile)
        regroup(sessions)
    stats.seconds = time.perf_counter() - started
    with sessions() as session:
        finished = session.get(t.AuditRun, stats.run_id)
        assert finished is not None
        finished.status, finished.finished_at = "done", t.utcnow()
        finished.files_seen, finished.files_extracted, finished.files_failed = stats.seen, stats.extracted, stats.failed
        keep_run_counts(session, stats.run_id)
        session.commit()
    return stats


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
    results never pile up in memory while the database catches up."""
    trust = trust_anchors()
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(images) < 8:
        yield from (extract((entry, trust, phash)) for entry in images)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[Extracted]] = deque()
        for entry in images:
            pending.append(pool.submit(extract, (entry, trust, phash)))
            if len(pending) >= IN_FLIGHT * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


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


def _articles_to_do(sessions: sessionmaker[Session], base: str, entries: list[Entry], changed: list[Entry],
                    affected: set[str]) -> list[Entry]:
    """Changed articles, and unchanged ones whose images changed (matched by file name)."""
    todo = {e.path: e for e in changed}
    if affected:
        with sessions() as session:
            rows = session.execute(select(t.File.path, t.Usage.src).join(t.Article, t.Article.file_id == t.File.id)
                                   .join(t.Usage, t.Usage.article_id == t.Article.id).where(t.File.root == base))
            paths = {path for path, src in rows if src and _basename(src) in affected}
        todo.update({e.path: e for e in entries if e.path in paths})
    return list(todo.values())


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
    for entry in tqdm(todo, unit="article", disable=not progress, desc="articles"):
        with sessions() as session:
            _check_article(session, base, entry, images, catalog, profile)
            session.commit()
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


def _standalone(sessions: sessionmaker[Session], catalog: Catalog, profile: UsageProfile) -> None:
    """Images no article uses are checked on their own; images now used lose their standalone rows."""
    with sessions() as session:
        used = select(t.Usage.image_id).where(t.Usage.image_id.is_not(None))
        session.execute(delete(t.Record).where(t.Record.usage_id.is_(None), t.Record.image_id.in_(used)))
        session.execute(delete(t.Finding).where(t.Finding.usage_id.is_(None), t.Finding.scope == "item",
                                                t.Finding.file_id.is_(None), t.Finding.image_id.in_(used)))
        done = select(t.Record.image_id).where(t.Record.usage_id.is_(None))
        lonely = session.scalars(select(t.Image.id).where(t.Image.id.not_in(used), t.Image.id.not_in(done)))
        for image_id in list(lonely):
            path = session.scalar(select(t.File.path).where(t.File.image_id == image_id).order_by(t.File.path))
            item = check_evidence(image_evidence(session, image_id), catalog, label=path or f"image {image_id}",
                                  src=path, profile=profile, in_article=False)
            save_standalone(session, image_id, item)
        session.commit()


def regroup(sessions: sessionmaker[Session]) -> None:
    """Group copies of a photo and raise the findings copies raise about each other."""
    with sessions() as session:
        current = dict(session.execute(select(t.Image.id, t.Image.group_id)).all())
        groups = photo_groups(session.execute(select(t.Image.id, t.Image.phash)))
        moved = [{"id": i, "group_id": g} for i, g in groups.items() if current.get(i) != g]
        if moved:
            session.execute(update(t.Image), moved)
        grouped_before = set(session.scalars(select(t.Finding.image_id).where(t.Finding.scope == "group")))
        session.execute(delete(t.Finding).where(t.Finding.scope == "group"))
        uses = Counter(i for i in session.scalars(select(t.Record.image_id).where(t.Record.image_id.is_not(None)))
                       if i is not None)
        sizes = Counter(groups[i] for i in uses if i in groups)
        shared = sorted((i for i, n in uses.items() if n > 1 or sizes[groups.get(i, i)] > 1),
                        key=lambda i: (groups.get(i, i), i))
        for batch in _whole_groups(shared, groups, 500):
            _group_batch(session, groups, batch)
        session.flush()
        refresh_status(session, [i for i in grouped_before | set(shared) if i is not None])
        session.commit()


def _whole_groups(ids: list[int], groups: dict[int, int], size: int) -> Iterator[list[int]]:
    """Batches of about `size` ids (sorted by group) that never split a group."""
    batch: list[int] = []
    for image_id in ids:
        if len(batch) >= size and groups.get(image_id, image_id) != groups.get(batch[-1], batch[-1]):
            yield batch
            batch = []
        batch.append(image_id)
    if batch:
        yield batch


def _group_batch(session: Session, groups: dict[int, int], image_ids: list[int]) -> None:
    """Findings for the groups of these images (whole groups only)."""
    rights = has_rights_metadata(session, image_ids)
    members: dict[int, list[Member]] = {}
    rows = session.execute(
        select(t.Record.image_id, t.Record.usage_id, t.Record.creator, t.Record.organization,
               t.Record.license_id, t.File.path, t.Usage.src)
        .outerjoin(t.Usage, t.Usage.id == t.Record.usage_id)
        .outerjoin(t.Article, t.Article.id == t.Usage.article_id)
        .outerjoin(t.File, t.File.id == t.Article.file_id)
        .where(t.Record.image_id.in_(image_ids)).order_by(t.Record.id))
    for image_id, usage_id, creator, organization, license_id, article, src in rows:
        assert image_id is not None  # the query asks for records of these images only
        label = f"{article} ({src})" if article else f"image {image_id}"
        members.setdefault(groups.get(image_id, image_id), []).append(Member(
            image_id, usage_id, label, creator, organization, license_id, image_id in rights))
    for group in members.values():
        if len(group) > 1:
            for member, finding in group_findings(group):
                session.add(t.Finding(usage_id=member.usage_id, image_id=member.image_id, scope="group",
                                      code=finding.code, severity=finding.severity.value,
                                      message=finding.message, evidence=finding.evidence))
