"""One photo, many copies: group images by perceptual hash, and what the
group's usages say about each other.

- credit-suggestion: one usage credits the photo, another does not; the known
  credit is suggested, never applied.
- inconsistent-credits: two usages credit the same photo differently.
- metadata-stripped: a copy has lost the rights metadata another copy carries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from provenance.model import Finding
from provenance.resolve.record import name_tokens
from provenance.rules.registry import make_finding

BANDS = 8  # 64-bit hash in 8 bands: two hashes within 7 bits share a band


@dataclass(frozen=True)
class Member:
    """One usage of an image (usage_id None: an image no article uses)."""

    image_id: int
    usage_id: int | None
    label: str
    creator: str | None = None
    organization: str | None = None
    license_id: str | None = None
    embedded_rights: bool = False

    @property
    def credited(self) -> bool:
        return bool(self.creator or self.organization or self.license_id)

    def credit_text(self) -> str:
        who = " / ".join(v for v in (self.creator, self.organization) if v) or "no creator"
        return f"{who}, {self.license_id or 'no license'}"


def hamming(a: str, b: str) -> int:
    return bin(int(a, 16) ^ int(b, 16)).count("1")


def photo_groups(images: Iterable[tuple[int, str | None]], threshold: int = 6) -> dict[int, int]:
    """image id -> group id (the smallest id in the group), joining hashes within `threshold` bits."""
    hashes = {image_id: phash for image_id, phash in images}
    parent = {image_id: image_id for image_id in hashes}

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for band in range(BANDS):  # one band at a time keeps the buckets small
        buckets: dict[str, list[int]] = defaultdict(list)
        for image_id, phash in hashes.items():
            if phash and len(phash) == 16:
                buckets[phash[band * 2: band * 2 + 2]].append(image_id)
        for members in buckets.values():
            for i, first in enumerate(members):
                for second in members[i + 1:]:
                    if find(first) != find(second) and hamming(hashes[first] or "", hashes[second] or "") <= threshold:
                        low, high = sorted((find(first), find(second)))
                        parent[high] = low
    return {image_id: find(image_id) for image_id in hashes}


def group_findings(members: list[Member]) -> list[tuple[Member, Finding]]:
    """The findings one copy of a photo raises about the others."""
    found: list[tuple[Member, Finding]] = []
    credited = [m for m in members if m.credited and m.usage_id is not None]
    for member in members:
        if member.usage_id is not None and not member.credited and credited:
            source = credited[0]
            found.append((member, make_finding("credit-suggestion", f"{source.label}: {source.credit_text()}",
                                               credit=source.credit_text(), where=source.label)))
    if _disagree(credited):
        others = "; ".join(f"{m.label}: {m.credit_text()}" for m in credited)
        found.extend((m, make_finding("inconsistent-credits", others, credits=others)) for m in credited)
    carriers = sorted((m for m in members if m.embedded_rights), key=lambda m: m.label)
    for member in members:
        originals = [c for c in carriers if c.image_id != member.image_id]
        if not member.embedded_rights and originals:
            found.append((member, make_finding("metadata-stripped", originals[0].label, original=originals[0].label)))
    return found


def _disagree(credited: list[Member]) -> bool:
    licenses = {m.license_id for m in credited if m.license_id}
    if len(licenses) > 1:
        return True
    names = [name_tokens(m.creator) for m in credited if m.creator]
    return any(not (a <= b or b <= a) for i, a in enumerate(names) for b in names[i + 1:])
