"""[edge] Flickr photo pages fetched through the guard and read for their license.

Offline (PROVENANCE_OFFLINE or --offline) no page is fetched and nothing is added:
the per-file terms of Flickr then give needs-verification, as for any caption.
"""

from __future__ import annotations

from ..errors import FetchError, ProvenanceError
from ..metadata.flickr import ORIGIN, flickr_evidence, photo_pages
from ..model import Evidence
from .fetch import Fetcher
from .files import decode_article, http_charset

MAX_PAGE = 5 * 1024 * 1024


def page_evidence(fetcher: Fetcher, url: str) -> list[Evidence]:
    """What one Flickr photo page states, or why it could not be read."""
    try:
        page = fetcher.get(url, expect=("html",), max_bytes=MAX_PAGE)
        return flickr_evidence(decode_article(url, page.body, http_charset(page.content_type)), page.url)
    except ProvenanceError as exc:
        why = exc.problem if isinstance(exc, FetchError) else str(exc)
        return [Evidence("unverified", f"the Flickr page {url} could not be read ({why})", ORIGIN,
                         "Flickr photo page", location=url)]


def flickr_pages_evidence(fetcher: Fetcher, evidence: list[Evidence]) -> list[Evidence]:
    """Evidence from every Flickr photo page the evidence links to (nothing offline)."""
    if fetcher.policy.offline:
        return []
    return [e for url in photo_pages(evidence) for e in page_evidence(fetcher, url)]
