"""[edge] The final phases of an audit, over the whole database: images no article uses are
checked on their own, and copies of a photo are grouped. Each runs in one transaction, so a
run killed inside one leaves it undone, and the next audit redoes it (provenance.audit.state)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from sqlalchemy import Select, delete, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.codes import refresh_codes
from provenance.audit.save import has_rights_metadata, image_evidence, refresh_status, save_standalone
from provenance.audit.state import checkpoint
from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.check import check_evidence
from provenance.rules.copies import Member, group_findings, photo_groups
from provenance.store import tables as t


def standalone(sessions: sessionmaker[Session], catalog: Catalog, profile: UsageProfile) -> None:
    """Images no article uses are checked on their own; images now used lose their standalone rows."""
    with sessions() as session:
        used = select(t.Usage.image_id).where(t.Usage.image_id.is_not(None))
        drop_standalone(session, used)
        done = select(t.Record.image_id).where(t.Record.usage_id.is_(None))
        checked: list[int] = []
        lonely = session.scalars(select(t.Image.id).where(t.Image.id.not_in(used), t.Image.id.not_in(done)))
        for count, image_id in enumerate(list(lonely), 1):
            checkpoint("standalone", count)
            path = session.scalar(select(t.File.path).where(t.File.image_id == image_id).order_by(t.File.path))
            item = check_evidence(image_evidence(session, image_id), catalog, label=path or f"image {image_id}",
                                  src=path, profile=profile, in_article=False)
            save_standalone(session, image_id, item)
            checked.append(image_id)
        session.flush()
        refresh_codes(session, image_ids=checked)
        session.commit()


def drop_standalone(session: Session, images: Select[int | None]) -> None:
    """Delete the standalone rows (record and item findings of no usage) of these images: `standalone` checks
    again those of them no article uses."""
    session.execute(delete(t.Record).where(t.Record.usage_id.is_(None), t.Record.image_id.in_(images)))
    session.execute(delete(t.Finding).where(t.Finding.usage_id.is_(None), t.Finding.scope == "item",
                                            t.Finding.file_id.is_(None), t.Finding.image_id.in_(images)))


def regroup(sessions: sessionmaker[Session]) -> None:
    """Group copies of a photo and raise the findings copies raise about each other."""
    with sessions() as session:
        current = dict(session.execute(select(t.Image.id, t.Image.group_id)).all())
        groups = photo_groups(session.execute(select(t.Image.id, t.Image.phash)))
        moved = [{"id": i, "group_id": g} for i, g in groups.items() if current.get(i) != g]
        if moved:
            session.execute(update(t.Image), moved)
        grouped_before = set(session.scalars(select(t.Finding.image_id).where(t.Finding.scope == "group")))
        session.execute(delete(t.Finding).where(t.Finding.scope == "group"))
        uses = Counter(i for i in session.scalars(select(t.Record.image_id).where(t.Record.image_id.is_not(None)))
                       if i is not None)
        sizes = Counter(groups[i] for i in uses if i in groups)
        shared = sorted((i for i, n in uses.items() if n > 1 or sizes[groups.get(i, i)] > 1),
                        key=lambda i: (groups.get(i, i), i))
        for count, batch in enumerate(_whole_groups(shared, groups, 500), 1):
            _group_batch(session, groups, batch)
            checkpoint("groups", count)
        session.flush()
        refresh_status(session, [i for i in grouped_before | set(shared) if i is not None])
        session.commit()


def regroup_images(session: Session, image_ids: list[int]) -> None:
    """The findings across copies again for the copy groups of these images only, after a decision
    changed their records (a decision changes no image, so the groups stay as they are)."""
    if not image_ids:
        return
    group_ids = select(t.Image.group_id).where(t.Image.id.in_(image_ids), t.Image.group_id.is_not(None))
    groups = {i: g if g is not None else i for i, g in session.execute(
        select(t.Image.id, t.Image.group_id).where(or_(t.Image.id.in_(image_ids), t.Image.group_id.in_(group_ids))))}
    members = sorted(groups)
    session.execute(delete(t.Finding).where(t.Finding.scope == "group", t.Finding.image_id.in_(members)))
    _group_batch(session, groups, members)
    session.flush()
    refresh_status(session, members)


def _whole_groups(ids: list[int], groups: dict[int, int], size: int) -> Iterator[list[int]]:
    """Batches of about `size` ids (sorted by group) that never split a group."""
    batch: list[int] = []
    for image_id in ids:
        if len(batch) >= size and groups.get(image_id, image_id) != groups.get(batch[-1], batch[-1]):
            yield batch
            batch = []
        batch.append(image_id)
    if batch:
        yield batch


def _group_batch(session: Session, groups: dict[int, int], image_ids: list[int]) -> None:
    """Findings for the groups of these images (whole groups only)."""
    rights = has_rights_metadata(session, image_ids)
    members: dict[int, list[Member]] = {}
    rows = session.execute(
        select(t.Record.image_id, t.Record.usage_id, t.Record.creator, t.Record.organization,
               t.Record.license_id, t.File.path, t.Usage.src)
        .outerjoin(t.Usage, t.Usage.id == t.Record.usage_id)
        .outerjoin(t.Article, t.Article.id == t.Usage.article_id)
        .outerjoin(t.File, t.File.id == t.Article.file_id)
        .where(t.Record.image_id.in_(image_ids)).order_by(t.Record.id))
    paths = _image_paths(session, image_ids)
    for image_id, usage_id, creator, organization, license_id, article, src in rows:
        assert image_id is not None  # the query asks for records of these images only
        label = f"{article} ({src})" if article else paths.get(image_id, f"image {image_id}")
        members.setdefault(groups.get(image_id, image_id), []).append(Member(
            image_id, usage_id, label, creator, organization, license_id, image_id in rights))
    for group in members.values():
        if len(group) > 1:
            for member, finding in group_findings(group):
                session.add(t.Finding(usage_id=member.usage_id, image_id=member.image_id, scope="group",
                                      code=finding.code, severity=finding.severity.value,
                                      message=finding.message, evidence=finding.evidence))


def _image_paths(session: Session, image_ids: list[int]) -> dict[int, str]:
    """The first file path (in path order) of each of these images: the name of an image no article shows."""
    paths: dict[int, str] = {}
    for image_id, path in session.execute(select(t.File.image_id, t.File.path).where(
            t.File.image_id.in_(image_ids)).order_by(t.File.path)):
        if image_id is not None:
            paths.setdefault(image_id, path)
    return paths
