"""[edge] Report rows from the database: one per usage, then one per image no article uses."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from provenance.render.audit_report import ReportRow, worst
from provenance.store import tables as t


def report_rows(session: Session) -> list[ReportRow]:
    usage_findings: dict[int, list[t.Finding]] = defaultdict(list)
    image_findings: dict[int, list[t.Finding]] = defaultdict(list)
    file_findings: dict[int, list[t.Finding]] = defaultdict(list)
    findings = sorted(session.scalars(select(t.Finding)), key=lambda f: (f.scope != "item", f.id))
    for f in findings:  # a row's own findings first, then those across copies of the photo
        if f.usage_id is not None:
            usage_findings[f.usage_id].append(f)
        elif f.file_id is not None:
            file_findings[f.file_id].append(f)
        elif f.image_id is not None:
            image_findings[f.image_id].append(f)
    image_paths = dict(session.execute(select(t.File.id, t.File.path)).all())
    rows = []
    query = (select(t.Usage, t.Record, t.File.path).join(t.Record, t.Record.usage_id == t.Usage.id)
             .join(t.Article, t.Article.id == t.Usage.article_id).join(t.File, t.File.id == t.Article.file_id)
             .order_by(t.File.path, t.Usage.position))
    for usage, record, article in session.execute(query):
        rows.append(_row(article, image_paths.get(usage.file_id or -1, ""), usage.src or "", record,
                         usage_findings[usage.id]))
    standalone = (select(t.Record, t.File.path).join(t.File, t.File.image_id == t.Record.image_id)
                  .where(t.Record.usage_id.is_(None)).order_by(t.File.path))
    seen: set[int] = set()
    for record, path in session.execute(standalone):
        if record.image_id not in seen:
            seen.add(record.image_id or -1)
            rows.append(_row("", path, "", record, image_findings[record.image_id or -1]))
    for file_id, findings in sorted(file_findings.items(), key=lambda kv: image_paths.get(kv[0], "")):
        rows.append(ReportRow("", image_paths.get(file_id, ""), "", "", "", "", worst([f.severity for f in findings]),
                              " ".join(f.code for f in findings), " ".join(f.message for f in findings), ""))
    return rows


def _row(article: str, image: str, src: str, record: t.Record, findings: list[t.Finding]) -> ReportRow:
    return ReportRow(
        article=article, image=image, src=src, creator=record.creator or "", organization=record.organization or "",
        license=record.license_id or "", status=worst([f.severity for f in findings]),
        findings=" ".join(f.code for f in findings), messages=" ".join(f.message for f in findings),
        attribution=record.attribution_text or "",
    )
