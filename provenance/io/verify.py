"""[edge] Verifying what a caption claims against the file's page on Wikimedia Commons or Flickr.

`Verifier.recheck(item)` looks up every Commons file and Flickr photo page the
item's evidence points to (and, when a caption names Wikimedia Commons without
saying which file, the image's SHA-1), then checks the item again with that
evidence added. Offline it adds only what the cache holds and makes no request.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..catalog import Catalog
from ..check import CheckedItem, check_evidence
from ..model import Evidence
from ..profile import UsageProfile
from .commons import AnswerCache, CommonsClient
from .fetch import Fetcher, FetchPolicy
from .flickr import flickr_pages_evidence


@dataclass
class Verifier:
    fetcher: Fetcher
    commons: CommonsClient
    sha1: dict[str, str] = field(default_factory=dict)  # image src -> SHA-1 of the bytes read

    @classmethod
    def from_env(cls, *, offline: bool | None = None, cache: AnswerCache | None = None,
                 interval: float = 0.0) -> Verifier:
        policy = FetchPolicy.from_env(**({} if offline is None else {"offline": offline}))
        fetcher = Fetcher(policy)
        return cls(fetcher, CommonsClient(fetcher, cache=cache, interval=interval))

    def extra(self, evidence: list[Evidence], sha1: str | None = None) -> list[Evidence]:
        """Commons and Flickr evidence for the files this evidence points to."""
        return self.commons.evidence(evidence, sha1) + flickr_pages_evidence(self.fetcher, evidence)

    def recheck(self, item: CheckedItem, catalog: Catalog, profile: UsageProfile | None = None,
                in_article: bool = True) -> CheckedItem:
        """The item checked again with what Commons and Flickr say, or as it was when they add nothing."""
        base = [e for e in item.evidence if not e.derived]
        extra = self.extra(base, self.sha1.get(item.src or ""))
        if not extra:
            return item
        return check_evidence(base + extra, catalog, label=item.label, src=item.src, credit=item.credit,
                              profile=profile, in_article=in_article)

    def recheck_all(self, items: list[CheckedItem], catalog: Catalog, profile: UsageProfile | None = None,
                    in_article: bool = True) -> list[CheckedItem]:
        return [self.recheck(item, catalog, profile, in_article) for item in items]


def file_sha1(path: str) -> str:
    """SHA-1 of a file in hex, the hash Wikimedia Commons finds files by."""
    digest = hashlib.sha1(usedforsecurity=False)
    with open(path, "rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()
