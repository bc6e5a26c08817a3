"""[edge] A person's decision about an image: checked field by field, stored with who, when and why,
and every use of the image checked again at once (a decision is evidence of origin 'manual', which
outranks every other origin). A revoked decision stays in the history with who revoked it and when,
and the image is checked again without it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.final import regroup
from provenance.audit.save import DECISION_FIELDS, image_evidence, replace_result, usage_evidence
from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.check import check_evidence
from provenance.errors import FieldErrors, InputError
from provenance.store import tables as t

JSON_KINDS = {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "an object"}
LONGEST = {"license": 64, "creator": 300, "organization": 300, "who": 200, "note": 2000}


@dataclass(frozen=True)
class DecisionInput:
    values: dict[str, str]
    who: str
    note: str


def read_decision(data: Mapping[str, object], catalog: Catalog, default_who: str = "") -> DecisionInput:
    """The fields of a decision form or JSON body, checked; FieldErrors names every wrong field."""
    errors: dict[str, str] = {}
    given = {name: _text(data, name, errors) for name in LONGEST}
    values = {name: given[name] for name in DECISION_FIELDS}
    if not errors and not any(values.values()):
        errors["license"] = "Give a license, a creator or an organisation (or more than one)."
    if given["license"] and given["license"] not in catalog.licenses:
        errors["license"] = f"{given['license']!r} is not a license of the catalog."
    who = given["who"] or default_who
    if not who and "who" not in errors:
        errors["who"] = "Say who decides: the history keeps a name with every decision."
    if errors:
        raise FieldErrors(errors)
    return DecisionInput(values, who, given["note"])


def _text(data: Mapping[str, object], name: str, errors: dict[str, str]) -> str:
    value = data.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        errors[name] = f"must be a string, not {JSON_KINDS.get(type(value), type(value).__name__)}"
        return ""
    if len(value.strip()) > LONGEST[name]:
        errors[name] = f"is longer than {LONGEST[name]} characters"
    return value.strip()


def record_decision(sessions: sessionmaker[Session], catalog: Catalog, profile: UsageProfile, image_id: int,
                    decision: DecisionInput) -> list[int]:
    """Store a person's decision about an image and check every use of it again at once; the new ids."""
    with sessions() as session:
        if session.get(t.Image, image_id) is None:
            raise InputError(f"image {image_id}", "no such image")
        rows = [t.Decision(image_id=image_id, field=name, value=value, who=decision.who, why=decision.note)
                for name, value in decision.values.items() if value]
        session.add_all(rows)
        session.commit()
        recheck_image(session, image_id, catalog, profile)
        session.commit()
    regroup(sessions)
    return [row.id for row in rows]


def revoke_decision(sessions: sessionmaker[Session], catalog: Catalog, profile: UsageProfile, decision_id: int,
                    who: str) -> int:
    """Mark a decision revoked (kept in the history) and check the image again without it; the image id."""
    if not who.strip():
        raise FieldErrors({"who": "Say who revokes the decision."})
    with sessions() as session:
        decision = session.get(t.Decision, decision_id)
        if decision is None:
            raise InputError(f"decision {decision_id}", "no such decision")
        if decision.revoked_at is not None:
            raise InputError(f"decision {decision_id}", f"was already revoked by {decision.revoked_by}")
        decision.revoked_at, decision.revoked_by = t.utcnow(), who.strip()[:LONGEST["who"]]
        session.commit()
        recheck_image(session, decision.image_id, catalog, profile)
        session.commit()
    regroup(sessions)
    return decision.image_id


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
