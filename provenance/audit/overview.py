"""[edge] Counts over the archive that add up: rows by status (every row of the archive once), findings
by code, records by license family, the same counts kept per audit run for the trend, and the summary
the CLI prints after an audit."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from provenance.audit.filters import STATUSES
from provenance.audit.labels import Labels
from provenance.store import tables as t

TREND_RUNS = 12


def _unreadable(session: Session) -> int:
    with_findings = select(t.Finding.file_id).where(t.Finding.file_id.is_not(None))
    return session.scalar(select(func.count()).select_from(t.File).where(t.File.id.in_(with_findings))) or 0


def status_counts(session: Session) -> dict[str, int]:
    """Rows of the archive by worst severity (an unreadable file is an error): they add up to the rows."""
    found = {str(s): int(n) for s, n in session.execute(select(t.Record.status, func.count())
                                                         .group_by(t.Record.status))}
    found["error"] = found.get("error", 0) + _unreadable(session)
    return {status: found.get(status, 0) for status in STATUSES}


def row_counts(session: Session) -> dict[str, int]:
    """Rows by kind: uses in articles, images no article uses, unreadable files."""
    used = t.Record.usage_id.is_not(None)
    kinds = {bool(u): int(n) for u, n in session.execute(select(used, func.count()).group_by(used))}
    return {"usage": kinds.get(True, 0), "image": kinds.get(False, 0), "file": _unreadable(session)}


def finding_counts(session: Session) -> dict[str, int]:
    return {code: int(n) for code, n in session.execute(
        select(t.Finding.code, func.count()).group_by(t.Finding.code).order_by(func.count().desc(), t.Finding.code))}


def license_counts(session: Session) -> dict[str, int]:
    """Records by license id; records without a license under ''."""
    return {lic or "": int(n) for lic, n in session.execute(
        select(t.Record.license_id, func.count()).group_by(t.Record.license_id)
        .order_by(func.count().desc(), t.Record.license_id))}


def family_counts(session: Session, labels: Labels) -> dict[str, int]:
    """Records by license family (public-domain, creative-commons, …; 'none' without a license)."""
    families: Counter[str] = Counter()
    for license_id, number in license_counts(session).items():
        families[labels.license_family(license_id or None)] += number
    return dict(families.most_common())


def keep_run_counts(session: Session, run_id: int) -> None:
    """Store the archive's status counts on an audit run, for the trend over runs."""
    run = session.get(t.AuditRun, run_id)
    if run is not None:
        run.counts = json.dumps(status_counts(session))


def trend(session: Session, runs: int = TREND_RUNS) -> list[dict[str, Any]]:
    """The last finished audit runs, oldest first, with the status counts each left behind."""
    from provenance.audit.details import iso_utc  # the dashboard's; the audit's summary needs no read model

    found = session.scalars(select(t.AuditRun).where(t.AuditRun.status == "done")
                            .order_by(t.AuditRun.id.desc()).limit(runs)).all()
    return [{"run_id": r.id, "finished_at": iso_utc(r.finished_at), "counts": json.loads(r.counts or "{}")}
            for r in reversed(found)]


def last_audit(session: Session) -> tuple[int, str, str] | None:
    """The last finished audit run: its id, its profile's name and its check key (provenance.audit.check_key)."""
    row = session.execute(select(t.AuditRun.id, t.AuditRun.profile, t.AuditRun.checks)
                          .where(t.AuditRun.status == "done").order_by(t.AuditRun.id.desc()).limit(1)).first()
    return (row[0], row[1], row[2]) if row else None


def summary(session: Session) -> dict[str, object]:
    """The counts printed after an audit: rows = usages + images no article uses + unreadable files, and
    with license + without license = usages + images no article uses; guessed encodings, the articles whose
    text was read in a guessed encoding (their usages have encoding-guessed)."""
    kinds = row_counts(session)
    licenses = license_counts(session)
    without = licenses.pop("", 0)
    return {
        "images": session.scalar(select(func.count()).select_from(t.Image)) or 0,
        "articles": session.scalar(select(func.count()).select_from(t.Article)) or 0,
        "guessed encodings": session.scalar(select(func.count()).select_from(t.Article)
                                            .where(t.Article.guessed_encoding.is_not(None))) or 0,
        "rows": sum(kinds.values()),
        "usages": kinds["usage"],
        "unused images": kinds["image"],
        "unreadable files": kinds["file"],
        "with license": sum(licenses.values()),
        "without license": without,
        "by status": status_counts(session),
        "by finding": finding_counts(session),
        "by license": licenses,
    }


def source_ids(session: Session) -> list[str]:
    return [s or "" for (s,) in session.execute(select(t.Record.source_id).distinct()
                                          .where(t.Record.source_id.is_not(None)).order_by(t.Record.source_id))]
