"""Database queries of the dashboard and the API: filters, sorting and pages in SQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from provenance.audit.save import decision_evidence
from provenance.store import tables as t

SortKey = Callable[[Any], tuple[Any, ...]]
SORTS: dict[str, SortKey] = {
    "article": lambda a: (a.path, t.Usage.position),
    "creator": lambda a: (t.Record.creator, t.Record.id),
    "license": lambda a: (t.Record.license_id, t.Record.id),
    "status": lambda a: (t.Record.status, t.Record.id),
}
STATUSES = ("error", "warning", "info", "ok")
PER_PAGE = 50


@dataclass(frozen=True)
class Filters:
    q: str = ""
    status: str = ""
    code: str = ""
    license: str = ""
    source: str = ""
    article: str = ""
    sort: str = "article"
    page: int = 1
    per_page: int = PER_PAGE

    @classmethod
    def from_args(cls, args: Any) -> Filters:
        def number(name: str, default: int, most: int) -> int:
            try:
                return max(1, min(int(args.get(name, default)), most))
            except (TypeError, ValueError):
                return default

        sort = args.get("sort", "article")
        return cls(q=args.get("q", "").strip(), status=args.get("status", ""), code=args.get("code", ""),
                   license=args.get("license", ""), source=args.get("source", ""),
                   article=args.get("article", "").strip(), sort=sort if sort in SORTS else "article",
                   page=number("page", 1, 1_000_000), per_page=number("per_page", PER_PAGE, 500))

    def query(self) -> dict[str, str]:
        return {k: str(v) for k, v in self.__dict__.items() if v and k not in ("page", "per_page")}


def _rows(filters: Filters) -> tuple[Any, Any]:
    article_file = aliased(t.File)
    image_file = aliased(t.File)
    first_file = select(func.min(image_file.id)).where(image_file.image_id == t.Record.image_id) \
        .correlate(t.Record).scalar_subquery()
    query = (select(t.Record.id, t.Record.image_id, t.Record.creator, t.Record.organization, t.Record.license_id,
                    t.Record.source_id, t.Record.status, article_file.path.label("article"),
                    t.Usage.src, t.Usage.id.label("usage_id"), first_file.label("file_id"))
             .outerjoin(t.Usage, t.Usage.id == t.Record.usage_id)
             .outerjoin(t.Article, t.Article.id == t.Usage.article_id)
             .outerjoin(article_file, article_file.id == t.Article.file_id))
    conditions = []
    if filters.status in STATUSES:
        conditions.append(t.Record.status == filters.status)
    if filters.license:
        conditions.append(t.Record.license_id == filters.license)
    if filters.source:
        conditions.append(t.Record.source_id == filters.source)
    if filters.article:
        conditions.append(article_file.path.contains(filters.article, autoescape=True))
    if filters.code:
        # two EXISTS, each served by an index on (code, usage_id) or (code, image_id): an OR inside one
        # EXISTS made SQLite scan every finding for every record
        of_usage = exists().where(t.Finding.code == filters.code, t.Finding.usage_id == t.Record.usage_id)
        of_image = exists().where(t.Finding.code == filters.code, t.Finding.image_id == t.Record.image_id,
                                  t.Finding.usage_id.is_(None))
        conditions.append(or_(and_(t.Record.usage_id.is_not(None), of_usage),
                              and_(t.Record.usage_id.is_(None), of_image)))
    if filters.q:
        like = f"%{filters.q.lower()}%"
        conditions.append(or_(func.lower(t.Record.creator).like(like), func.lower(t.Record.organization).like(like),
                              func.lower(article_file.path).like(like), func.lower(t.Usage.src).like(like)))
    if conditions:
        query = query.where(and_(*conditions))
    return query, article_file


def archive_page(session: Session, filters: Filters) -> tuple[int, list[dict[str, Any]]]:
    query, article_file = _rows(filters)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    ordered = query.order_by(*SORTS[filters.sort](article_file))
    rows = session.execute(ordered.limit(filters.per_page).offset((filters.page - 1) * filters.per_page)).all()
    ids = [r.file_id for r in rows if r.file_id]
    paths = dict(session.execute(select(t.File.id, t.File.path).where(t.File.id.in_(ids))).all()) if ids else {}
    return total, [_row(r, paths) for r in rows]


def all_rows(session: Session, filters: Filters) -> list[dict[str, Any]]:
    query, article_file = _rows(filters)
    rows = session.execute(query.order_by(*SORTS[filters.sort](article_file))).all()
    paths = dict(session.execute(select(t.File.id, t.File.path)).all())
    return [_row(r, paths) for r in rows]


def _row(r: Any, paths: dict[int, str]) -> dict[str, Any]:
    return {"record_id": r.id, "image_id": r.image_id, "image": paths.get(r.file_id, ""), "article": r.article or "",
            "src": r.src or "", "creator": r.creator or "", "organization": r.organization or "",
            "license": r.license_id or "", "source": r.source_id or "", "status": r.status}


def facets(session: Session) -> dict[str, list[str]]:
    """The values the archive filters offer."""
    return {
        "license": [str(v) for (v,) in session.execute(select(t.Record.license_id).distinct()
                                                  .where(t.Record.license_id.is_not(None)).order_by(t.Record.license_id))],
        "source": [str(v) for (v,) in session.execute(select(t.Record.source_id).distinct()
                                                 .where(t.Record.source_id.is_not(None)).order_by(t.Record.source_id))],
        "code": [v for (v,) in session.execute(select(t.Finding.code).distinct().order_by(t.Finding.code))],
    }


def image_detail(session: Session, image_id: int) -> dict[str, Any] | None:
    image = session.get(t.Image, image_id)
    if image is None:
        return None
    files = session.scalars(select(t.File.path).where(t.File.image_id == image_id).order_by(t.File.path)).all()
    evidence = [{"field": e.field, "value": e.value, "origin": e.origin, "name": e.name, "lang": e.lang}
                for e in session.scalars(select(t.ImageEvidence).where(t.ImageEvidence.image_id == image_id)
                                         .order_by(t.ImageEvidence.id))]
    uses = []
    for record, usage, article in session.execute(
            select(t.Record, t.Usage, t.File.path).outerjoin(t.Usage, t.Usage.id == t.Record.usage_id)
            .outerjoin(t.Article, t.Article.id == t.Usage.article_id).outerjoin(t.File, t.File.id == t.Article.file_id)
            .where(t.Record.image_id == image_id).order_by(t.Record.id)).all():
        uses.append(_use(session, record, usage, article))
    twins = session.execute(select(t.Image.id, func.min(t.File.path)).join(t.File, t.File.image_id == t.Image.id)
                            .where(t.Image.group_id == image.group_id, t.Image.id != image_id)
                            .group_by(t.Image.id)).all() if image.group_id is not None else []
    decisions = [{"field": d.field, "value": d.value, "who": d.who, "why": d.why, "when": d.created_at.isoformat()}
                 for d in session.scalars(select(t.Decision).where(t.Decision.image_id == image_id)
                                          .order_by(t.Decision.id))]
    return {"id": image.id, "sha256": image.sha256, "phash": image.phash, "format": image.format,
            "width": image.width, "height": image.height, "size": image.size, "files": list(files),
            "evidence": evidence, "uses": uses, "duplicates": [{"id": i, "file": p} for i, p in twins],
            "decisions": decisions, "manual": [e.value for e in decision_evidence(session, image_id)]}


def _use(session: Session, record: t.Record, usage: t.Usage | None, article: str | None) -> dict[str, Any]:
    owner = t.Finding.usage_id == usage.id if usage else and_(t.Finding.usage_id.is_(None),
                                                              t.Finding.image_id == record.image_id)
    findings = [{"code": f.code, "severity": f.severity, "message": f.message, "evidence": f.evidence}
                for f in session.scalars(select(t.Finding).where(owner).order_by(t.Finding.id))]
    caption = [{"field": e.field, "value": e.value, "origin": e.origin, "name": e.name}
               for e in session.scalars(select(t.UsageEvidence).where(t.UsageEvidence.usage_id == usage.id)
                                        .order_by(t.UsageEvidence.id))] if usage else []
    return {"usage_id": usage.id if usage else None, "article": article or "", "src": usage.src if usage else "",
            "record": {"creator": record.creator, "organization": record.organization, "via": record.via,
                       "license": record.license_id, "license_url": record.license_url, "status": record.status,
                       "origins": json.loads(record.origins or "{}")},
            "findings": findings, "evidence": caption,
            "attribution": {"text": record.attribution_text, "html": record.attribution_html,
                            "markdown": record.attribution_markdown}}
