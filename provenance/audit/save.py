"""[edge] The database side of an audit: file rows, images, usages, records, findings."""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import BindParameter, ColumnElement, Select, Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from provenance.audit.bulk import driver_sqlite, insert_ids, insert_rows
from provenance.audit.codes import refresh_codes
from provenance.audit.rows import ARTICLE_COLUMNS, RECORD_COLUMNS, record_values
from provenance.catalog.names import fold_search
from provenance.model import Evidence, Finding
from provenance.render.audit_report import worst
from provenance.store import tables as t

if TYPE_CHECKING:  # types only: a re-audit with nothing to read or check imports neither
    from provenance.audit.extract import Extracted
    from provenance.audit.rows import ArticleRows, UsageRow
    from provenance.check import CheckedItem

FINDING_COLUMNS = ("usage_id", "image_id", "file_id", "code", "severity", "message", "evidence")
RIGHTS_FIELDS = ("creator", "copyright", "credit_line", "license_url", "usage_terms", "web_statement")


def table(name: str) -> Table:
    """A table for Core statements (the audit's batched writes skip the ORM's unit of work)."""
    return t.Base.metadata.tables[name]


def save_images(session: Session, batch: Sequence[tuple[int, Extracted]]) -> None:
    """Store a batch of extractions, (file id, result) each, with a few statements for the whole batch:
    the files' old findings go, new images (unique by SHA-256) and their evidence are inserted, the
    file rows are marked done (an unreadable one keeps its last SHA-256, and gets a file-error).
    Committing is the caller's: one transaction a batch."""
    if not batch:
        return
    files, images, evidence, findings = table("files"), table("images"), table("image_evidence"), table("findings")
    session.execute(delete(findings).where(findings.c.file_id.in_([file_id for file_id, _ in batch])))
    before = set(session.scalars(select(files.c.image_id).where(files.c.id.in_([file_id for file_id, _ in batch]),
                                                                 files.c.image_id.is_not(None))))
    read = {r.sha256: r for _, r in batch if not r.error and r.sha256 is not None}
    known = dict(session.execute(select(images.c.sha256, images.c.id).where(images.c.sha256.in_(read))).all())
    new = [r for sha, r in read.items() if sha not in known]
    ids = insert_ids(session, images, ("sha256", "phash", "format", "width", "height", "size"),
                     [(r.sha256, r.phash, r.format, r.width, r.height, r.size) for r in new])
    known.update(zip((r.sha256 for r in new), ids, strict=True))
    insert_rows(session, evidence, ("image_id", "field", "value", "origin", "name", "lang", "location"),
                [(image_id, *row) for r, image_id in zip(new, ids, strict=True) for row in r.evidence])
    session.execute(update(files).where(files.c.id == bindparam("file_id")).values(
        done=True, error=bindparam("b_error"), problems=bindparam("b_problems"),
        sha256=func.coalesce(bindparam("b_sha"), files.c.sha256), image_id=bindparam("b_image")), [
        {"file_id": file_id, "b_error": r.error, "b_problems": "\n".join(r.problems),
         "b_sha": None if failed else r.sha256, "b_image": None if failed else known[r.sha256 or ""]}
        for file_id, r in batch for failed in [bool(r.error) or r.sha256 is None]])
    insert_rows(session, findings, FINDING_COLUMNS, [(None, None, file_id, "file-error", "error", r.error or "", r.path)
                                                     for file_id, r in batch if r.error or r.sha256 is None])
    refresh_search(session, before | set(known.values()))  # known: the images of this batch's readable files


def image_names(session: Session, image_ids: Iterable[int]) -> dict[int, list[str]]:
    """The names of each of these images in the archive, in order: its first path under each file name (the
    path's last part). A copy under a name the image has already (each story folder's `img/logo.jpg`) adds
    nothing a search would not find: every record of a logo copied into N folders held N paths, the archive's
    search text grew as N squared and one more copy wrote all of it again."""
    names: dict[int, dict[str, str]] = {}
    for image_id, path in session.execute(select(t.File.image_id, t.File.path).where(
            t.File.image_id.in_(list(image_ids))).order_by(t.File.image_id, t.File.path)):
        if image_id is not None:
            names.setdefault(image_id, {}).setdefault(posixpath.basename(path), path)
    return {image_id: list(paths.values()) for image_id, paths in names.items()}


def images_of_paths(session: Session, root: str, paths: list[str]) -> set[int]:
    """The images these paths of the root show now: those whose search refresh_search writes again once the paths
    stop showing them (removed, or no picture any more)."""
    return {i for i in session.scalars(select(t.File.image_id).where(
        t.File.root == root, t.File.path.in_(paths), t.File.image_id.is_not(None))) if i is not None}


def refresh_search(session: Session, image_ids: Iterable[int | None]) -> None:
    """Write again the search text of the records of these images, whose names in the archive changed (a copy
    added, removed or overwritten): a search finds a photo by each of its names. In the transaction that
    changed the names, so that no run stopped between the two leaves a record's search behind."""
    ids = sorted({i for i in image_ids if i is not None})
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        names = image_names(session, chunk)
        rows = session.execute(
            select(t.Record.id, t.Record.search, t.Record.image_id, t.Record.creator, t.Record.organization,
                   t.Record.via, t.Usage.src, t.File.path)
            .outerjoin(t.Usage, t.Usage.id == t.Record.usage_id)
            .outerjoin(t.Article, t.Article.id == t.Usage.article_id)
            .outerjoin(t.File, t.File.id == t.Article.file_id)
            .where(t.Record.image_id.in_(chunk))).all()
        changed = [{"record_id": record_id, "b_search": search}
                   for record_id, stored, image_id, creator, organization, via, src, article in rows
                   for search in [folded_search(creator, organization, via, src, article,
                                                *(names.get(image_id, []) if image_id is not None else []))]
                   if search != stored]
        if changed:
            session.execute(update(table("records")).where(table("records").c.id == bindparam("record_id"))
                            .values(search=bindparam("b_search")), changed)


DECISION_FIELDS = ("license", "creator", "organization")


def image_evidence(session: Session, image_id: int) -> list[Evidence]:
    """The evidence embedded in an image, and the decisions people recorded about it."""
    rows = session.scalars(select(t.ImageEvidence).where(t.ImageEvidence.image_id == image_id)
                           .order_by(t.ImageEvidence.id))
    embedded = [Evidence(r.field, r.value, r.origin, r.name, lang=r.lang, location=r.location) for r in rows]
    return embedded + decision_evidence(session, image_id)


def stored_evidence(session: Session, image_id: int) -> list[Evidence]:
    """image_evidence, read with two Core statements built once and compiled once (the audit's read
    path: one call per image an article shows); on SQLite they go to the driver's connection as they are,
    without SQLAlchemy's work for every statement (about half the cost of a read)."""
    embedded, decided = _evidence_rows(session, image_id)
    found = [Evidence(field, value, origin, name, lang=lang, location=location) for field, value, origin, name, lang,
             location in embedded]
    latest: dict[str, tuple[int, str, str, str]] = {}
    for decision_id, field, value, who, why in decided:
        latest[field] = (decision_id, value, who, why)
    found.extend(Evidence(field, value, "manual", f"decision #{decision_id} by {who}", raw=why)
                 for field, (decision_id, value, who, why) in latest.items() if value.strip())
    return found


@functools.cache
def _evidence_queries() -> tuple[Select[Any], Select[Any]]:
    embedded, decisions = table("image_evidence"), table("decisions")
    image: BindParameter[int] = bindparam("image")
    return (select(embedded.c.field, embedded.c.value, embedded.c.origin, embedded.c.name, embedded.c.lang,
                   embedded.c.location).where(embedded.c.image_id == image).order_by(embedded.c.id),
            select(decisions.c.id, decisions.c.field, decisions.c.value, decisions.c.who, decisions.c.why)
            .where(decisions.c.image_id == image, decisions.c.revoked_at.is_(None)).order_by(decisions.c.id))


def _evidence_rows(session: Session, image_id: int) -> tuple[Sequence[Any], Sequence[Any]]:
    raw = driver_sqlite(session)
    if raw is None:
        embedded_query, decision_query = _evidence_queries()
        connection = session.connection()
        return (connection.execute(embedded_query, {"image": image_id}).all(),
                connection.execute(decision_query, {"image": image_id}).all())
    embedded_sql, decision_sql = _sqlite_evidence_queries()
    return raw.execute(embedded_sql, (image_id,)).fetchall(), raw.execute(decision_sql, (image_id,)).fetchall()


@functools.cache
def _sqlite_evidence_queries() -> tuple[str, str]:
    """_evidence_queries as SQLite's SQL, their one parameter (the image) a `?`."""
    from sqlalchemy.dialects import sqlite

    compiled = [query.compile(dialect=sqlite.dialect()) for query in _evidence_queries()]
    assert all(c.positiontup == ["image"] for c in compiled)
    return str(compiled[0]), str(compiled[1])


def decision_evidence(session: Session, image_id: int) -> list[Evidence]:
    """The latest decision per field about this image that nobody revoked, as evidence of origin 'manual'."""
    return active_decisions(session, t.Decision.image_id == image_id)


def active_decisions(session: Session, about: ColumnElement[bool]) -> list[Evidence]:
    """The latest decision per field of those `about` selects that nobody revoked, as evidence of origin
    'manual'."""
    latest: dict[str, t.Decision] = {}
    for row in session.scalars(select(t.Decision).where(about, t.Decision.revoked_at.is_(None))
                               .order_by(t.Decision.id)):
        latest[row.field] = row
    return [Evidence(d.field, d.value, "manual", f"decision #{d.id} by {d.who}", raw=d.why) for d in latest.values()
            if d.value.strip()]


def usage_evidence(session: Session, usage_id: int) -> list[Evidence]:
    rows = session.scalars(select(t.UsageEvidence).where(t.UsageEvidence.usage_id == usage_id)
                           .order_by(t.UsageEvidence.id))
    return [Evidence(r.field, r.value, r.origin, r.name, lang=r.lang, location=r.location) for r in rows]


def replace_result(session: Session, item: CheckedItem, usage_id: int | None, image_id: int | None,
                   extra: Sequence[Finding] = ()) -> None:
    """Swap the record and item findings of a usage (or of an image no article uses) for new ones;
    `extra` are findings about the usage itself (image-not-found), which count for its status too."""
    if usage_id is None:
        assert image_id is not None, "an image no article uses has an image"
        session.execute(delete(t.Record).where(t.Record.usage_id.is_(None), t.Record.image_id == image_id))
        session.execute(delete(t.Finding).where(t.Finding.usage_id.is_(None), t.Finding.image_id == image_id,
                                                t.Finding.scope == "item", t.Finding.file_id.is_(None)))
        save_standalone(session, image_id, item)
        session.flush()
        refresh_codes(session, image_ids=[image_id])
        return
    session.execute(delete(t.Record).where(t.Record.usage_id == usage_id))
    session.execute(delete(t.Finding).where(t.Finding.usage_id == usage_id, t.Finding.scope == "item"))
    record = _record(item, usage_id, image_id, _search(session, item, usage_id, image_id))
    record.status = worst([record.status, *(f.severity.value for f in extra)])
    session.add(record)
    session.add_all(_findings([*item.findings, *extra], usage_id=usage_id, image_id=image_id))
    session.flush()
    refresh_codes(session, usage_ids=[usage_id])


def _search(session: Session, item: CheckedItem, usage_id: int | None, image_id: int | None) -> str:
    """What a search of the archive looks in, folded: creator, organisation, via, src, article and image paths."""
    src = article = None
    if usage_id is not None:
        src, article = session.execute(
            select(t.Usage.src, t.File.path).join(t.Article, t.Article.id == t.Usage.article_id)
            .join(t.File, t.File.id == t.Article.file_id).where(t.Usage.id == usage_id)).one()
    names = image_names(session, [image_id]).get(image_id, []) if image_id is not None else []
    return folded_search(item.record.creator, item.record.organization, item.record.via, src, article, *names)


def folded_search(*parts: str | None) -> str:
    """What a search of the archive looks in, folded: creator, organisation, via, src, article and every path of
    the image."""
    return fold_search(" ".join(p for p in parts if p))


def _record(item: CheckedItem, usage_id: int | None, image_id: int | None, search: str) -> t.Record:
    return t.Record(**_record_row(item, usage_id, image_id, search))


def _record_row(item: CheckedItem, usage_id: int | None, image_id: int | None, search: str) -> dict[str, object]:
    return {"usage_id": usage_id, "image_id": image_id, **dict(zip(RECORD_COLUMNS, record_values(item), strict=True)),
            "search": search}


def _findings(findings: Iterable[Finding], **subject: int | None) -> list[t.Finding]:
    return [t.Finding(**row) for row in _finding_rows(findings, **subject)]


def _finding_rows(findings: Iterable[Finding], **subject: int | None) -> list[dict[str, object]]:
    return [{"code": f.code, "severity": f.severity.value, "message": f.message, "evidence": f.evidence, **subject}
            for f in findings]


def save_articles(session: Session, batch: Sequence[tuple[int, ArticleRows]]) -> None:
    """Store a batch of checked articles, (file id, rows: provenance.audit.rows) each, replacing what their
    files had: the article rows, their usages with the evidence read in the article, records and findings;
    the file rows marked done (an article that could not be read keeps no article row and gets a
    file-error). A few statements for the whole batch; committing is the caller's: one transaction a batch."""
    if not batch:
        return
    files, articles, findings = table("files"), table("articles"), table("findings")
    file_ids = [file_id for file_id, _ in batch]
    session.execute(delete(articles).where(articles.c.file_id.in_(file_ids)))  # cascades to usages and below
    session.execute(delete(findings).where(findings.c.file_id.in_(file_ids)))
    session.execute(update(files).where(files.c.id == bindparam("b_id")).values(
        done=True, error=func.coalesce(bindparam("b_error"), files.c.error)),
        [{"b_id": file_id, "b_error": rows[2]} for file_id, rows in batch])
    insert_rows(session, findings, FINDING_COLUMNS, [(None, None, file_id, "file-error", "error", error, name)
                                                     for file_id, (name, _, error, _, _) in batch if error])
    read = [(file_id, rows) for file_id, rows in batch if not rows[2]]
    article_ids = insert_ids(session, articles, ("file_id", "kind", *ARTICLE_COLUMNS),
                             [(file_id, kind, *facts) for file_id, (_, kind, _, facts, _) in read])
    uses = [(article_id, name, position, use) for article_id, (_, (name, _, _, _, usages))
            in zip(article_ids, read, strict=True) for position, use in enumerate(usages)]
    if uses:
        _save_usages(session, uses)


def _save_usages(session: Session, uses: list[tuple[int, str, int, UsageRow]]) -> None:
    usage_ids = insert_ids(session, table("usages"), ("article_id", "position", "src", "caption", "key", "file_id",
                                                      "image_id", "matched_by"), [
        (article_id, position, src, caption, key, *(match or (None, None, None)))
        for article_id, _, position, (src, caption, key, match, _, _, _) in uses])
    image_ids = {match[1] for _, _, _, (_, _, _, match, _, _, _) in uses if match and match[1] is not None}
    names = image_names(session, image_ids) if image_ids else {}
    evidence: list[tuple[object, ...]] = []
    records: list[tuple[object, ...]] = []
    found: list[tuple[object, ...]] = []
    for usage_id, (_, article, _, (src, _, _, match, given, record, finding_rows)) in zip(usage_ids, uses,
                                                                                          strict=True):
        image_id = match[1] if match else None
        evidence.extend((usage_id, *row) for row in given)
        search = folded_search(*record[:3], src, article, *(names.get(image_id, []) if image_id is not None else []))
        records.append((usage_id, image_id, *record, search))
        found.extend((usage_id, image_id, None, *row) for row in finding_rows)
    insert_rows(session, table("usage_evidence"), ("usage_id", "field", "value", "origin", "name", "lang",
                                                   "location"), evidence)
    insert_rows(session, table("records"), ("usage_id", "image_id", *RECORD_COLUMNS, "search"), records)
    insert_rows(session, table("findings"), FINDING_COLUMNS, found)
    refresh_codes(session, usage_ids=usage_ids)


def save_standalone(session: Session, image_id: int, item: CheckedItem) -> None:
    session.add(_record(item, None, image_id, _search(session, item, None, image_id)))
    session.add_all(_findings(item.findings, image_id=image_id))


def has_rights_metadata(session: Session, image_ids: list[int]) -> set[int]:
    """Those of these images whose files carry embedded rights metadata."""
    rows = session.execute(select(t.ImageEvidence.image_id).where(
        t.ImageEvidence.field.in_(RIGHTS_FIELDS), t.ImageEvidence.image_id.in_(image_ids)).distinct())
    return {row[0] for row in rows}


def refresh_status(session: Session, image_ids: Iterable[int]) -> None:
    """Set the status of the records of these images to the worst of all their findings, the findings
    across copies of the photo included (the archive filters and sorts by this column), and write their
    finding codes again (provenance.audit.codes)."""
    ids = sorted(set(image_ids))
    for start in range(0, len(ids), 500):
        batch = ids[start:start + 500]
        rows = session.execute(select(t.Record.id, t.Record.usage_id, t.Record.image_id, t.Record.status)
                               .where(t.Record.image_id.in_(batch))).all()
        found: dict[tuple[str, int | None], list[str]] = {}
        for usage_id, image_id, severity in session.execute(
                select(t.Finding.usage_id, t.Finding.image_id, t.Finding.severity).where(
                    t.Finding.image_id.in_(batch), t.Finding.file_id.is_(None))):
            found.setdefault(("u", usage_id) if usage_id else ("i", image_id), []).append(severity)
        changed = [{"id": r.id, "status": status} for r in rows
                   if (status := worst(found.get(("u", r.usage_id) if r.usage_id else ("i", r.image_id), [])))
                   != r.status]
        if changed:
            session.execute(update(t.Record), changed)
    refresh_codes(session, image_ids=ids)  # the findings across copies changed
