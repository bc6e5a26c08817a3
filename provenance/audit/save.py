"""[edge] The database side of an audit: file rows, images, usages, records, findings."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from provenance.audit.extract import Extracted
from provenance.catalog.names import fold_search
from provenance.check import CheckedItem
from provenance.model import Evidence, Finding
from provenance.store import tables as t

ARTICLE_ORIGINS = frozenset({"caption", "html", "jsonld"})
RIGHTS_FIELDS = ("creator", "copyright", "credit_line", "license_url", "usage_terms", "web_statement")


def save_image(session: Session, file: t.File, result: Extracted) -> None:
    """Store one extraction: the image (unique by SHA-256) and its evidence, or the file's error."""
    session.execute(delete(t.Finding).where(t.Finding.file_id == file.id))
    file.done, file.error, file.problems = True, result.error, "\n".join(result.problems)
    if result.error or result.sha256 is None:
        file.image_id = None
        session.add(t.Finding(file_id=file.id, code="file-error", severity="error", message=result.error or "",
                              evidence=file.path))
        return
    image = session.scalar(select(t.Image).where(t.Image.sha256 == result.sha256))
    if image is None:
        image = t.Image(sha256=result.sha256, phash=result.phash, format=result.format, width=result.width,
                        height=result.height, size=result.size)
        session.add(image)
        session.flush()
        session.add_all(t.ImageEvidence(image_id=image.id, field=f, value=v, origin=o, name=n, lang=lang,
                                        location=loc) for f, v, o, n, lang, loc in result.evidence)
    file.sha256, file.image_id = result.sha256, image.id


DECISION_FIELDS = ("license", "creator", "organization")


def image_evidence(session: Session, image_id: int) -> list[Evidence]:
    """The evidence embedded in an image, and the decisions people recorded about it."""
    rows = session.scalars(select(t.ImageEvidence).where(t.ImageEvidence.image_id == image_id)
                           .order_by(t.ImageEvidence.id))
    embedded = [Evidence(r.field, r.value, r.origin, r.name, lang=r.lang, location=r.location) for r in rows]
    return embedded + decision_evidence(session, image_id)


def decision_evidence(session: Session, image_id: int) -> list[Evidence]:
    """The latest decision per field that nobody revoked, as evidence of origin 'manual'."""
    latest: dict[str, t.Decision] = {}
    for row in session.scalars(select(t.Decision).where(t.Decision.image_id == image_id,
                                                        t.Decision.revoked_at.is_(None)).order_by(t.Decision.id)):
        latest[row.field] = row
    return [Evidence(d.field, d.value, "manual", f"decision #{d.id} by {d.who}", raw=d.why) for d in latest.values()
            if d.value.strip()]


def usage_evidence(session: Session, usage_id: int) -> list[Evidence]:
    rows = session.scalars(select(t.UsageEvidence).where(t.UsageEvidence.usage_id == usage_id)
                           .order_by(t.UsageEvidence.id))
    return [Evidence(r.field, r.value, r.origin, r.name, lang=r.lang, location=r.location) for r in rows]


def replace_result(session: Session, item: CheckedItem, usage_id: int | None, image_id: int) -> None:
    """Swap the record and item findings of a usage (or of an image no article uses) for new ones."""
    if usage_id is None:
        session.execute(delete(t.Record).where(t.Record.usage_id.is_(None), t.Record.image_id == image_id))
        session.execute(delete(t.Finding).where(t.Finding.usage_id.is_(None), t.Finding.image_id == image_id,
                                                t.Finding.scope == "item", t.Finding.file_id.is_(None)))
        save_standalone(session, image_id, item)
        return
    session.execute(delete(t.Record).where(t.Record.usage_id == usage_id))
    session.execute(delete(t.Finding).where(t.Finding.usage_id == usage_id, t.Finding.scope == "item"))
    session.add(_record(item, usage_id, image_id, _search(session, item, usage_id, image_id)))
    session.add_all(_findings(item.findings, usage_id=usage_id, image_id=image_id))


def _search(session: Session, item: CheckedItem, usage_id: int | None, image_id: int | None) -> str:
    """What a search of the archive looks in, folded: creator, organisation, via, src, article and image paths."""
    parts = [item.record.creator, item.record.organization, item.record.via]
    if usage_id is not None:
        parts.extend(session.execute(
            select(t.Usage.src, t.File.path).join(t.Article, t.Article.id == t.Usage.article_id)
            .join(t.File, t.File.id == t.Article.file_id).where(t.Usage.id == usage_id)).one())
    if image_id is not None:
        parts.append(session.scalar(select(func.min(t.File.path)).where(t.File.image_id == image_id)))
    return fold_search(" ".join(p for p in parts if p))


SEVERITIES = ("error", "warning", "info", "ok")


def _worst(severities: Iterable[str]) -> str:
    return min(severities, key=SEVERITIES.index, default="ok")


def _record(item: CheckedItem, usage_id: int | None, image_id: int | None, search: str) -> t.Record:
    record, attribution = item.record, item.attribution
    worst = _worst(f.severity.value for f in item.findings)
    return t.Record(
        usage_id=usage_id, image_id=image_id, creator=record.creator, organization=record.organization,
        via=record.via, license_id=record.license.id if record.license else None, license_url=record.license_url,
        source_id=item.source.id if item.source else None, status=worst, origins=json.dumps(record.origins),
        attribution_text=attribution.text if attribution else None,
        attribution_html=attribution.html if attribution else None,
        attribution_markdown=attribution.markdown if attribution else None, search=search,
    )


def _findings(findings: Iterable[Finding], **subject: int | None) -> list[t.Finding]:
    return [t.Finding(code=f.code, severity=f.severity.value, message=f.message, evidence=f.evidence, **subject)
            for f in findings]


def save_usage(session: Session, article_id: int, position: int, item: CheckedItem, match: tuple[int, int | None,
               str] | None, extra: list[Finding]) -> None:
    caption = next((e.value for e in item.evidence if e.field == "caption"), None)
    file_id, image_id, how = match if match else (None, None, None)
    usage = t.Usage(article_id=article_id, position=position, src=item.src, caption=caption, file_id=file_id,
                    image_id=image_id, matched_by=how)
    session.add(usage)
    session.flush()
    search = _search(session, item, usage.id, image_id)
    session.add_all(t.UsageEvidence(usage_id=usage.id, field=e.field, value=e.value, origin=e.origin, name=e.name,
                                    lang=e.lang, location=e.location)
                    for e in item.given or item.evidence if e.origin in ARTICLE_ORIGINS and not e.derived)
    record = _record(item, usage.id, image_id, search)
    if extra:  # a finding about the usage (image-not-found) counts for its status too
        record.status = _worst([record.status, *(f.severity.value for f in extra)])
    session.add(record)
    session.add_all(_findings([*item.findings, *extra], usage_id=usage.id, image_id=image_id))


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
    across copies of the photo included (the archive filters and sorts by this column)."""
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
                   if (status := _worst(found.get(("u", r.usage_id) if r.usage_id else ("i", r.image_id), [])))
                   != r.status]
        if changed:
            session.execute(update(t.Record), changed)
