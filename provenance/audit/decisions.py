"""[edge] A person's decision about an image: stored with who, when and why,
and every use of the image checked again at once (a decision is evidence of
origin 'manual', which outranks every other origin)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.final import regroup
from provenance.audit.save import DECISION_FIELDS, image_evidence, replace_result, usage_evidence
from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.check import check_evidence
from provenance.errors import InputError
from provenance.store import tables as t


def record_decision(sessions: sessionmaker[Session], catalog: Catalog, profile: UsageProfile, image_id: int,
                    values: dict[str, str], who: str, why: str) -> int:
    """Store a person's decision about an image and check every use of it again at once."""
    with sessions() as session:
        if session.get(t.Image, image_id) is None:
            raise InputError(f"image {image_id}", "no such image")
        for name, value in values.items():
            if name in DECISION_FIELDS and value.strip():
                session.add(t.Decision(image_id=image_id, field=name, value=value.strip(), who=who, why=why))
        session.commit()
        recheck_image(session, image_id, catalog, profile)
        session.commit()
    regroup(sessions)
    return image_id


def recheck_image(session: Session, image_id: int, catalog: Catalog, profile: UsageProfile) -> None:
    embedded = image_evidence(session, image_id)
    usages = session.execute(select(t.Usage.id, t.Usage.src).where(t.Usage.image_id == image_id)).all()
    for usage_id, src in usages:
        item = check_evidence(usage_evidence(session, usage_id) + embedded, catalog, label=src or "image",
                              src=src, profile=profile, in_article=True)
        replace_result(session, item, usage_id, image_id)
    if not usages:
        path = session.scalar(select(t.File.path).where(t.File.image_id == image_id).order_by(t.File.path))
        item = check_evidence(embedded, catalog, label=path or f"image {image_id}", src=path, profile=profile)
        replace_result(session, item, None, image_id)
