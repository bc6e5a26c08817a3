"""[edge] `audit --verify-commons`: look the audited images up on Wikimedia Commons.

An image is a candidate when its own metadata or a caption that shows it
points to Commons (a Commons or upload.wikimedia.org link, a File: name, or
"via Wikimedia Commons", in which case the file's SHA-1 finds it). Commons'
answer is stored as image evidence of origin "commons" (or one "unverified"
row when Commons has no such file) and every use of the image is checked again.
Each image is committed on its own and an image that already has Commons
evidence is skipped, so an interrupted run started again goes on where it
stopped. The rate of requests is bounded by the CommonsClient's interval.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.decisions import recheck_image
from provenance.audit.final import regroup
from provenance.audit.save import image_evidence, usage_evidence
from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.errors import InputError
from provenance.io.commons import FAILED, CommonsClient
from provenance.io.files import open_regular
from provenance.metadata.commons import ORIGIN
from provenance.model import Evidence
from provenance.store import tables as t

POINTERS = ("%wikimedia%", "%File:%")
MAX_HASHED = 200 * 1024 * 1024


@dataclass
class VerifyStats:
    candidates: int = 0
    verified: int = 0
    not_found: int = 0
    skipped: int = 0  # offline and not in the cache, or nothing to look the file up by
    failed: int = 0  # Commons could not be asked (tried again on the next run)


def candidates(session: Session) -> list[int]:
    """Images pointing to Commons that have no Commons evidence yet, by id."""
    done = select(t.ImageEvidence.image_id).where(t.ImageEvidence.origin == ORIGIN)
    by_image = select(t.ImageEvidence.image_id).where(or_(*(t.ImageEvidence.value.like(p) for p in POINTERS)))
    by_usage = (select(t.Usage.image_id).join(t.UsageEvidence, t.UsageEvidence.usage_id == t.Usage.id)
                .where(t.Usage.image_id.is_not(None), or_(*(t.UsageEvidence.value.like(p) for p in POINTERS))))
    found = {i for i in [*session.scalars(by_image), *session.scalars(by_usage)] if i is not None}
    return sorted(found - set(session.scalars(done)))


def verify_commons(sessions: sessionmaker[Session], catalog: Catalog, profile: UsageProfile, client: CommonsClient,
                   progress: Callable[[int, int], None] | None = None) -> VerifyStats:
    """Look every candidate image up on Commons, store the answer and check its uses again."""
    with sessions() as session:
        todo = candidates(session)
    stats = VerifyStats(candidates=len(todo))
    for number, image_id in enumerate(todo, 1):
        with sessions() as session:
            _verify_one(session, image_id, catalog, profile, client, stats)
            session.commit()
        if progress:
            progress(number, len(todo))
    regroup(sessions)
    return stats


def _verify_one(session: Session, image_id: int, catalog: Catalog, profile: UsageProfile, client: CommonsClient,
                stats: VerifyStats) -> None:
    usages = session.scalars(select(t.Usage.id).where(t.Usage.image_id == image_id)).all()
    evidence = image_evidence(session, image_id) + [e for u in usages for e in usage_evidence(session, u)]
    found = client.evidence(evidence, lambda: _file_sha1(session, image_id))
    if not found:
        stats.skipped += 1
        return
    if any(e.name == FAILED for e in found):
        stats.failed += 1
        return
    stats.not_found += all(e.field == "unverified" for e in found)
    stats.verified += not all(e.field == "unverified" for e in found)
    session.add_all(_row(image_id, e) for e in found)
    session.flush()
    recheck_image(session, image_id, catalog, profile)


def _row(image_id: int, item: Evidence) -> t.ImageEvidence:
    return t.ImageEvidence(image_id=image_id, field=item.field, value=item.value, origin=item.origin, name=item.name,
                           lang=item.lang, location=item.location)


def _file_sha1(session: Session, image_id: int) -> str | None:
    """SHA-1 of one of the image's files (in a folder or a zip), the hash Commons finds files by."""
    row = session.execute(select(t.File.root, t.File.path).where(t.File.image_id == image_id)).first()
    if row is None:
        return None
    root, path = row
    try:
        if os.path.isdir(root):
            with open_regular(os.path.join(root, path), path) as handle:
                data = handle.read(MAX_HASHED)
        else:
            with zipfile.ZipFile(root) as archive:
                data = archive.read(path)[:MAX_HASHED]
    except (OSError, KeyError, zipfile.BadZipFile, InputError):
        return None
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()
