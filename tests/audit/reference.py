"""The archive's filter by finding code as it was asked before migration 0008 (two EXISTS per record), the
reference `record_codes` must agree with."""

from __future__ import annotations

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from provenance.store import tables as t


def codes_by_exists(session: Session) -> set[tuple[str, int]]:
    """(code, record id) for every code any finding has and every record the old filter chose for it."""
    found: set[tuple[str, int]] = set()
    for code in session.scalars(select(t.Finding.code).distinct()).all():
        of_usage = exists().where(t.Finding.code == code, t.Finding.usage_id == t.Record.usage_id)
        of_image = exists().where(t.Finding.code == code, t.Finding.image_id == t.Record.image_id,
                                  t.Finding.usage_id.is_(None))
        chosen = session.scalars(select(t.Record.id).where(or_(and_(t.Record.usage_id.is_not(None), of_usage),
                                                               and_(t.Record.usage_id.is_(None), of_image))))
        found.update((code, record_id) for record_id in chosen)
    return found


def stored_codes(session: Session) -> set[tuple[str, int]]:
    return {(code, record_id) for code, record_id in session.execute(select(t.RecordCode.code, t.RecordCode.record_id))}
