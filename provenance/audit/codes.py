"""[edge] Each record's finding codes (`record_codes`), written beside the findings.

A record's row shows the findings of its usage, or those of its image (no usage's) when no article
uses it; `record_codes` holds each of their codes once, so that the archive's filter by finding code
is a lookup of one index instead of two EXISTS per record. Whoever writes a record's findings calls
`refresh_codes` for it in the same transaction (after a flush of ORM objects): the audit's batches of
usages, the images checked on their own, the findings across copies (`refresh_status`), decisions.
A record's codes go with the record (ON DELETE CASCADE).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, and_, delete, insert, select, union
from sqlalchemy.orm import Session

from provenance.store import tables as t

BATCH = 500
CODES = t.Base.metadata.tables["record_codes"]  # Core statements: no ORM session bookkeeping


def refresh_codes(session: Session, usage_ids: Iterable[int] = (), image_ids: Iterable[int] = ()) -> None:
    """Write again the codes of the records of these usages, and of every record of these images."""
    usages, images = sorted(set(usage_ids)), sorted(set(image_ids))
    for start in range(0, len(usages), BATCH):
        _refresh(session, t.Record.usage_id.in_(usages[start:start + BATCH]))
    for start in range(0, len(images), BATCH):
        _refresh(session, t.Record.image_id.in_(images[start:start + BATCH]))


def _refresh(session: Session, records: ColumnElement[bool]) -> None:
    session.execute(delete(CODES).where(CODES.c.record_id.in_(select(t.Record.id).where(records))))
    _insert(session, records)


def _insert(session: Session, records: ColumnElement[bool]) -> None:
    of_usages = (select(t.Finding.code, t.Record.id).join(t.Finding, t.Finding.usage_id == t.Record.usage_id)
                 .where(records))
    of_images = (select(t.Finding.code, t.Record.id)
                 .join(t.Finding, and_(t.Finding.image_id == t.Record.image_id, t.Finding.usage_id.is_(None)))
                 .where(records, t.Record.usage_id.is_(None)))
    session.execute(insert(CODES).from_select(["code", "record_id"], union(of_usages, of_images)))


def rebuild_codes(session: Session) -> None:
    """Write every record's codes again (for archives filled in bulk, as the benchmarks do)."""
    session.execute(delete(CODES))
    _insert(session, t.Record.id.is_not(None))
