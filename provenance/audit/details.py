"""[edge] The detail behind one archive row: an image (its files, evidence, uses, copies and
decisions), a usage (a credit in an article, with or without an image file) or an unreadable file.
Findings come worst first, each with the rule that raised it."""

from __future__ import annotations

import datetime
import json
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from provenance.audit.labels import Labels
from provenance.audit.read_model import FindingView, sorted_views
from provenance.audit.rows import guess_reason
from provenance.rules.registry import FINDINGS
from provenance.store import tables as t


def finding_dicts(views: list[FindingView]) -> list[dict[str, Any]]:
    rules = {code: kind.why for code, kind in FINDINGS.items()}
    return [{"code": v.code, "severity": v.severity, "message": v.message, "evidence": v.evidence,
             "scope": v.scope, "why": rules.get(v.code, "")} for v in views]


def image_detail(session: Session, image_id: int, labels: Labels) -> dict[str, Any] | None:
    image = session.get(t.Image, image_id)
    if image is None:
        return None
    files = session.scalars(select(t.File.path).where(t.File.image_id == image_id).order_by(t.File.path)).all()
    records = session.scalars(select(t.Record).where(t.Record.image_id == image_id).order_by(t.Record.id)).all()
    return {"id": image.id, "sha256": image.sha256, "phash": image.phash, "format": image.format,
            "width": image.width, "height": image.height, "size": image.size, "files": list(files),
            "evidence": _image_evidence(session, image_id), "uses": [_use(session, r, labels) for r in records],
            "duplicates": _copies(session, image),
            "decisions": decision_history(session, t.Decision.image_id == image_id, labels)}


def usage_detail(session: Session, usage_id: int, labels: Labels) -> dict[str, Any] | None:
    record = session.scalar(select(t.Record).where(t.Record.usage_id == usage_id))
    if record is None:
        return None
    use = _use(session, record, labels)
    image = image_detail(session, record.image_id, labels) if record.image_id else None
    key = session.scalar(select(t.Usage.key).where(t.Usage.id == usage_id))
    return {**use, "image_id": record.image_id, "image_files": image["files"] if image else [],
            "image_evidence": image["evidence"] if image else [], "key": key,
            "decisions": decision_history(session, t.Decision.usage_key == key, labels) if key else [],
            "image_decisions": image["decisions"] if image else [],
            "earlier_decisions": _earlier_decisions(session, use["article"], labels)}


def _article_encoding(session: Session, usage_id: int | None) -> dict[str, str | None] | None:
    """How the usage's article was decoded when its encoding was guessed (what its text was read as, the
    declaration its bytes are not, and why it was a guess), else None."""
    found = session.execute(select(t.Article.guessed_encoding, t.Article.declared_encoding)
                            .join(t.Usage, t.Usage.article_id == t.Article.id).where(t.Usage.id == usage_id)).first()
    if found is None or found[0] is None:
        return None
    return {"guessed": found[0], "declared": found[1], "reason": guess_reason(found[1])}


def _earlier_decisions(session: Session, article: str, labels: Labels) -> list[dict[str, Any]]:
    """Decisions about credits this article had and has no more (their text was edited): kept, applying
    to nothing, shown on the article's usage pages."""
    current = select(t.Usage.key).where(t.Usage.key.is_not(None))
    return decision_history(session, and_(t.Decision.usage_key.is_not(None), t.Decision.usage_key.not_in(current),
                                          t.Decision.subject.startswith(f"{article}: ", autoescape=True)), labels)


def file_detail(session: Session, file_id: int) -> dict[str, Any] | None:
    row = session.get(t.File, file_id)
    if row is None:
        return None
    findings = sorted_views(session.scalars(select(t.Finding).where(t.Finding.file_id == file_id)))
    return {"id": row.id, "path": row.path, "root": row.root, "kind": row.kind, "size": row.size,
            "error": row.error or "", "problems": [p for p in row.problems.split("\n") if p],
            "findings": finding_dicts(findings), "image_id": row.image_id}


def decision_history(session: Session, about: ColumnElement[bool], labels: Labels) -> list[dict[str, Any]]:
    """Every decision `about` selects (an image's, or a usage's by its key), oldest first, revoked ones
    too (with who revoked them and when)."""
    return [{"id": d.id, "field": d.field, "value": d.value, "who": d.who, "why": d.why, "when": iso_utc(d.created_at),
             "revoked_at": iso_utc(d.revoked_at), "revoked_by": d.revoked_by, "subject": d.subject,
             "label": labels.license_name(d.value) if d.field == "license" else d.value}
            for d in session.scalars(select(t.Decision).where(about).order_by(t.Decision.id))]


def iso_utc(moment: datetime.datetime | None) -> str | None:
    """A stored time as ISO 8601 in UTC (SQLite gives back naive datetimes, written in UTC)."""
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)).astimezone(datetime.UTC).isoformat()


def _image_evidence(session: Session, image_id: int) -> list[dict[str, Any]]:
    return [{"field": e.field, "value": e.value, "origin": e.origin, "name": e.name, "lang": e.lang}
            for e in session.scalars(select(t.ImageEvidence).where(t.ImageEvidence.image_id == image_id)
                                     .order_by(t.ImageEvidence.id))]


def _copies(session: Session, image: t.Image) -> list[dict[str, Any]]:
    if image.group_id is None:
        return []
    twins = session.execute(select(t.Image.id, func.min(t.File.path)).join(t.File, t.File.image_id == t.Image.id)
                            .where(t.Image.group_id == image.group_id, t.Image.id != image.id)
                            .group_by(t.Image.id).order_by(t.Image.id)).all()
    return [{"id": i, "file": p} for i, p in twins]


def _use(session: Session, record: t.Record, labels: Labels) -> dict[str, Any]:
    usage = session.get(t.Usage, record.usage_id) if record.usage_id else None
    if usage is not None:
        owner = [t.Finding.usage_id == usage.id]
    else:
        owner = [t.Finding.usage_id.is_(None), t.Finding.file_id.is_(None), t.Finding.image_id == record.image_id]
    findings = sorted_views(session.scalars(select(t.Finding).where(*owner)))
    return {"usage_id": usage.id if usage else None, "article": _article_path(session, usage),
            "article_encoding": _article_encoding(session, usage.id) if usage else None,
            "src": usage.src or "" if usage else "", "caption": usage.caption or "" if usage else "",
            "record": _record(record, labels), "findings": finding_dicts(findings),
            "evidence": _usage_evidence(session, usage.id) if usage else [],
            "attribution": {"text": record.attribution_text, "html": record.attribution_html,
                            "markdown": record.attribution_markdown}}


def _record(record: t.Record, labels: Labels) -> dict[str, Any]:
    return {"creator": record.creator, "organization": labels.organization(record.organization, record.source_id),
            "via": record.via, "license": record.license_id, "license_name": labels.license_name(record.license_id),
            "license_url": record.license_url, "source": record.source_id, "status": record.status,
            "origins": json.loads(record.origins or "{}")}


def _article_path(session: Session, usage: t.Usage | None) -> str:
    if usage is None:
        return ""
    return session.scalar(select(t.File.path).join(t.Article, t.Article.file_id == t.File.id)
                          .where(t.Article.id == usage.article_id)) or ""


def _usage_evidence(session: Session, usage_id: int) -> list[dict[str, Any]]:
    return [{"field": e.field, "value": e.value, "origin": e.origin, "name": e.name, "lang": e.lang}
            for e in session.scalars(select(t.UsageEvidence).where(t.UsageEvidence.usage_id == usage_id)
                                     .order_by(t.UsageEvidence.id))]


def image_bytes(session: Session, image_id: int) -> bytes | None:
    """The bytes of the first file of an image, read again from the archive (None when gone or changed)."""
    from provenance.errors import InputError
    from provenance.io.archive import Entry, read_entry

    row = session.scalars(select(t.File).where(t.File.image_id == image_id).order_by(t.File.id)).first()
    if row is None:
        return None
    try:
        return read_entry(Entry(row.root, row.path, row.size, row.mtime_ns))
    except InputError:
        return None
