"""[edge] Verifying what a caption claims against the file's page on Wikimedia Commons or Flickr.

`Verifier.verify(checked)` looks up every Commons file and Flickr photo page the
evidence of each item points to (and, when a caption names Wikimedia Commons
without saying which file, the image's SHA-1), then checks the item again with
those answers added. Offline it adds only what the cache holds and makes no request.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..catalog.load import Catalog
from ..catalog.profile import UsageProfile
from ..check import CheckedFile, CheckedItem, check_evidence
from ..check_split import LaterItems
from ..errors import FetchError
from ..metadata.commons import ref_from_url, refs_in_evidence
from ..model import Evidence
from .commons import AnswerCache, CommonsClient, Sha1
from .fetch import Fetcher, FetchPolicy
from .flickr import flickr_pages_evidence


def _given(item: CheckedItem) -> list[Evidence]:
    """The evidence an item was checked on, without what was derived from it."""
    return [e for e in item.given or item.evidence if not e.derived]


def sha1_of(data: bytes) -> str:
    """SHA-1 in hex, the hash Wikimedia Commons finds files by."""
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


@dataclass
class Verifier:
    """Shared by every source of a command or a job: it keeps nothing about one source's files (an image's
    SHA-1 is asked of the source's own siblings), so that a source's answer never depends on the sources
    verified before it."""

    fetcher: Fetcher
    commons: CommonsClient

    @classmethod
    def from_env(cls, *, offline: bool | None = None, cache: AnswerCache | None = None,
                 interval: float = 0.0) -> Verifier:
        policy = FetchPolicy.from_env(**({} if offline is None else {"offline": offline}))
        fetcher = Fetcher(policy)
        return cls(fetcher, CommonsClient(fetcher, cache=cache, interval=interval))

    def extra(self, evidence: list[Evidence], sha1: Sha1 = None) -> list[Evidence]:
        """Commons and Flickr evidence for the files this evidence points to."""
        return self.commons.evidence(evidence, sha1) + flickr_pages_evidence(self.fetcher, evidence)

    def recheck(self, item: CheckedItem, catalog: Catalog, profile: UsageProfile | None = None,
                in_article: bool = True, sha1: Sha1 = None) -> CheckedItem:
        """The item checked again with what Commons and Flickr say, or as it was when they add nothing."""
        base = _given(item)
        extra = self.extra(base, sha1)
        if not extra:
            return item
        return check_evidence(base + extra, catalog, label=item.label, src=item.src, credit=item.credit,
                              profile=profile, in_article=in_article)

    def verify(self, checked: CheckedFile, data: Callable[[], bytes], catalog: Catalog,
               profile: UsageProfile, image_sha1: Callable[[str], str | None] | None = None) -> CheckedFile:
        """Every item of a checked source, checked again with what Commons and Flickr say. An image's SHA-1 is
        that of its bytes (`data`); an article's image's, `image_sha1(src)`: that of the file the article's own
        siblings read for it, if any (provenance.io.inputs.Siblings.image_sha1)."""
        if isinstance(checked.items, LaterItems):  # a long text in chunks: its items not read point nowhere
            present = checked.items.present()
            self.commons.prefetch([ref for i in present.values() for ref in refs_in_evidence(_given(i))])
            rechecked = {n: self.recheck(i, catalog, profile, True, image_sha1(i.src) if image_sha1 and i.src else None)
                         for n, i in present.items()}
            return replace(checked, items=checked.items.replaced(rechecked))
        self.commons.prefetch([ref for i in checked.items for ref in refs_in_evidence(_given(i))])
        if checked.kind == "image":
            items = [self.recheck(i, catalog, profile, False, lambda: sha1_of(data())) for i in checked.items]
        else:
            items = [self.recheck(i, catalog, profile, True, image_sha1(i.src) if image_sha1 and i.src else None)
                     for i in checked.items]
        return replace(checked, items=items)

    def commons_page(self, url: str, catalog: Catalog, profile: UsageProfile) -> CheckedFile:
        """A Commons file page (or curid= link): what Commons says about the file is the evidence."""
        ref = ref_from_url(url)
        if ref is None:
            raise FetchError(url, "url", "is not a Wikimedia Commons file page")
        evidence = self.commons.evidence_for(ref)
        if not evidence:
            raise FetchError(url, "offline", "not looked up: offline, and Commons' answer is not in the cache")
        item = check_evidence(evidence, catalog, label=ref.value, src=url, profile=profile)
        return CheckedFile(url, "commons", [item])
