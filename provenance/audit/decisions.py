"""[edge] A person's decision about an image (every use of it) or about one usage (a credit in an
article, with or without an image file): checked field by field, stored with who, when and why, and
what it is about checked again at once (a decision is evidence of origin 'manual', which outranks
every other origin), with the findings across its copies of the photo. A usage decision hangs on the
usage's stable key (provenance.store.usage_keys), so it survives a re-audit of the article; where a
usage decision and one about its image decide the same field, the usage's own wins. A revoked decision
stays in the history with who revoked it and when, and its subject is checked again without it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.final import regroup_images
from provenance.audit.rows import encoding_findings, shown_file_findings
from provenance.audit.save import (
    DECISION_FIELDS,
    active_decisions,
    image_evidence,
    replace_result,
    usage_evidence,
)
from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.check import check_evidence
from provenance.errors import FieldErrors, InputError
from provenance.model import Evidence, Finding
from provenance.store import tables as t

JSON_KINDS = {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "an object"}
LONGEST = {"license": 64, "creator": 300, "organization": 300, "who": 200, "note": 2000}


@dataclass(frozen=True)
class DecisionInput:
    values: dict[str, str]
    who: str
    note: str


@dataclass(frozen=True)
class Subject:
    """What a decision is about: an image, or a usage (usage_id None when no usage has its key now)."""

    image_id: int | None = None
    usage_id: int | None = None


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


def _rows(decision: DecisionInput, **about: object) -> list[t.Decision]:
    return [t.Decision(field=name, value=value, who=decision.who, why=decision.note, **about)
            for name, value in decision.values.items() if value]


def record_decision(sessions: sessionmaker[Session], catalog: Catalog, profile: UsageProfile, image_id: int,
                    decision: DecisionInput) -> list[int]:
    """Store a person's decision about an image and check every use of it again at once; the new ids."""
    with sessions() as session:
        if session.get(t.Image, image_id) is None:
            raise InputError(f"image {image_id}", "no such image")
        rows = _rows(decision, image_id=image_id)
        session.add_all(rows)
        session.flush()
        recheck_image(session, image_id, catalog, profile)
        regroup_images(session, [image_id])
        session.commit()
        return [row.id for row in rows]


def record_usage_decision(sessions: sessionmaker[Session], catalog: Catalog, profile: UsageProfile,
                          usage_id: int, decision: DecisionInput) -> list[int]:
    """Store a person's decision about one usage (by its stable key) and check it again at once."""
    with sessions() as session:
        usage = session.get(t.Usage, usage_id)
        if usage is None:
            raise InputError(f"usage {usage_id}", "no such usage")
        if not usage.key:
            raise InputError(f"usage {usage_id}", "was stored by an older version: audit the archive again to "
                                                  "decide about it")
        rows = _rows(decision, usage_key=usage.key, subject=usage_subject(session, usage))
        session.add_all(rows)
        session.flush()
        recheck_key(session, usage.key, catalog, profile)
        session.commit()
        return [row.id for row in rows]


def revoke_decision(sessions: sessionmaker[Session], catalog: Catalog, profile: UsageProfile, decision_id: int,
                    who: str) -> Subject:
    """Mark a decision revoked (kept in the history) and check its subject again without it."""
    if not who.strip():
        raise FieldErrors({"who": "Say who revokes the decision."})
    with sessions() as session:
        decision = session.get(t.Decision, decision_id)
        if decision is None:
            raise InputError(f"decision {decision_id}", "no such decision")
        if decision.revoked_at is not None:
            raise InputError(f"decision {decision_id}", f"was already revoked by {decision.revoked_by}")
        decision.revoked_at, decision.revoked_by = t.utcnow(), who.strip()[:LONGEST["who"]]
        session.flush()
        if decision.image_id is not None:
            recheck_image(session, decision.image_id, catalog, profile)
            regroup_images(session, [decision.image_id])
            subject = Subject(image_id=decision.image_id)
        else:
            usages = recheck_key(session, decision.usage_key or "", catalog, profile)
            subject = Subject(usage_id=usages[0] if usages else None)
        session.commit()
        return subject


def usage_subject(session: Session, usage: t.Usage) -> str:
    """What a usage decision is about, in words, for the history: the article and the credit."""
    path = session.scalar(select(t.File.path).join(t.Article, t.Article.file_id == t.File.id)
                          .where(t.Article.id == usage.article_id)) or ""
    return f"{path}: {usage.caption or usage.src or 'no credit'}"


def recheck_key(session: Session, key: str, catalog: Catalog, profile: UsageProfile) -> list[int]:
    """Check again every usage with this key, and the copies of their photos; their ids."""
    usages = session.execute(select(t.Usage.id, t.Usage.image_id).where(t.Usage.key == key)
                             .order_by(t.Usage.id)).all()
    for usage_id, _ in usages:
        recheck_usage(session, usage_id, catalog, profile)
    regroup_images(session, [image_id for _, image_id in usages if image_id is not None])
    return [usage_id for usage_id, _ in usages]


def recheck_decided(session: Session, file_ids: list[int], catalog: Catalog, profile: UsageProfile) -> None:
    """After an audit stored the usages of these article files: those people decided about are checked
    again with their decisions (the audit's final phase groups the copies)."""
    decided = select(t.Decision.usage_key).where(t.Decision.revoked_at.is_(None), t.Decision.usage_key.is_not(None))
    for usage_id in session.scalars(select(t.Usage.id).join(t.Article, t.Article.id == t.Usage.article_id).where(
            t.Article.file_id.in_(file_ids), t.Usage.key.in_(decided)).order_by(t.Usage.id)).all():
        recheck_usage(session, usage_id, catalog, profile)


def recheck_image(session: Session, image_id: int, catalog: Catalog, profile: UsageProfile) -> None:
    """Check every use of an image again (or the image on its own when no article uses it)."""
    usages = session.scalars(select(t.Usage.id).where(t.Usage.image_id == image_id)).all()
    for usage_id in usages:
        recheck_usage(session, usage_id, catalog, profile)
    if not usages:
        embedded = image_evidence(session, image_id)
        path = session.scalar(select(t.File.path).where(t.File.image_id == image_id).order_by(t.File.path))
        item = check_evidence(embedded, catalog, label=path or f"image {image_id}", src=path, profile=profile)
        replace_result(session, item, None, image_id)


def recheck_usage(session: Session, usage_id: int, catalog: Catalog, profile: UsageProfile) -> None:
    """Check one usage again from its stored evidence, its image's and the decisions about both, as the
    audit checked it (the same label in messages, the same image-not-found finding)."""
    usage = session.get(t.Usage, usage_id)
    if usage is None:
        return
    own = usage_decision_evidence(session, usage.key)
    decided = {e.field for e in own}
    embedded = [e for e in (image_evidence(session, usage.image_id) if usage.image_id is not None else [])
                if not (e.origin == "manual" and e.field in decided)]
    stored = usage_evidence(session, usage_id)
    item = check_evidence(stored + embedded + own, catalog, label=_label(session, usage, bool(stored)),
                          src=usage.src, profile=profile, in_article=True)
    shown = session.get(t.File, usage.file_id) if usage.file_id is not None else None
    problem = shown.error if shown is not None and usage.image_id is None else None
    same_name = _same_name_files(session, usage) if shown is None else []
    replace_result(session, item, usage_id, usage.image_id,
                   shown_file_findings(usage.src, shown is not None, problem, same_name) + _decoding(session, usage))


def _decoding(session: Session, usage: t.Usage) -> list[Finding]:
    """The usage's encoding-guessed finding, as the audit stored its article's decoding (rows.encoding_findings)."""
    path, guessed, declared = session.execute(
        select(t.File.path, t.Article.guessed_encoding, t.Article.declared_encoding)
        .join(t.Article, t.Article.file_id == t.File.id).where(t.Article.id == usage.article_id)).one()
    return encoding_findings(path, guessed, declared)


def _same_name_files(session: Session, usage: t.Usage) -> list[str]:
    """The files of the usage's archive that have the name of its unmatched reference (the audit's rule 3,
    provenance.audit.articles.ArchiveImages), for the message of image-not-found."""
    from provenance.audit.articles import ArchiveImages  # the audit's worker machinery: only here
    from provenance.io.matching import file_name, named_files

    name = file_name(usage.src) if usage.src else None
    if not name or usage.src is None:  # a URL, or a plain text's credit: no file name to look for
        return []
    root = session.scalar(select(t.File.root).join(t.Article, t.Article.file_id == t.File.id)
                          .where(t.Article.id == usage.article_id))
    if root is None:
        return []
    return named_files(ArchiveImages(session, root, name).index, usage.src)


def usage_decision_evidence(session: Session, key: str | None) -> list[Evidence]:
    """The latest decision per field about the usages with this key that nobody revoked."""
    return active_decisions(session, t.Decision.usage_key == key) if key else []


def _label(session: Session, usage: t.Usage, has_evidence: bool) -> str:
    """What the audit's messages call a usage: its image reference; else image n of an article with
    images, credit n of a plain text, or the article itself when it has no credit at all."""
    if usage.src:
        return usage.src
    if session.scalar(select(t.Usage.id).where(t.Usage.article_id == usage.article_id, t.Usage.src.is_not(None))
                      .limit(1)) is not None:
        return f"image {usage.position + 1}"
    if has_evidence:
        return f"credit {usage.position + 1}"
    return session.scalar(select(t.File.path).join(t.Article, t.Article.file_id == t.File.id)
                          .where(t.Article.id == usage.article_id)) or "the article"
