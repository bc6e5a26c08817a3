"""[edge] Checking by URL: an article page and the images it shows, an image, or a Commons file page.

Everything is fetched through the guard (provenance.io.fetch). An article page
is fetched, then the images it references, at most `max_images` of them and
each under `max_image_bytes`; each image's embedded metadata joins the caption's
evidence, and the Verifier adds what Wikimedia Commons and Flickr say.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from ..c2pa_reader import trust_anchors
from ..catalog import Catalog
from ..check import CheckedItem, check_article, check_evidence
from ..errors import FetchError, InputError
from ..files import decode_article
from ..images import image_facts, read_image
from ..metadata.commons import COMMONS_HOSTS, ref_from_url
from ..model import Evidence
from ..profile import UsageProfile
from ..uploads import thumbnail
from ..urls import split_url
from .fetch import Fetched
from .verify import Verifier

MAX_PAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_IMAGES = 12


def is_url(text: str) -> bool:
    return text.strip().lower().startswith(("http://", "https://"))


@dataclass
class CheckedURL:
    url: str
    kind: str  # html, markdown, plain, image, commons
    items: list[CheckedItem]
    page: list[Evidence] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # final url, image facts, problems
    header: str = ""
    thumbnails: dict[str, bytes] = field(default_factory=dict)  # item src -> small JPEG

    @property
    def has_error(self) -> bool:
        return any(item.has_error for item in self.items)


@dataclass
class UrlChecker:
    catalog: Catalog
    verifier: Verifier
    profile: UsageProfile | None = None
    max_images: int = MAX_IMAGES
    max_image_bytes: int = MAX_IMAGE_BYTES

    def check(self, url: str) -> CheckedURL:
        """One URL checked; raises FetchError (refused or failed) or InputError (unreadable content)."""
        url = url.strip()
        ref = ref_from_url(url)
        if ref and (split_url(url).hostname or "").lower() in COMMONS_HOSTS:
            return self._commons_page(url, ref.value, self.verifier.commons.evidence_for(ref))
        fetched = self.verifier.fetcher.get(url, expect=("html", "text", "image"), max_bytes=MAX_PAGE_BYTES
                                            if not _looks_like_image_url(url) else self.max_image_bytes)
        if fetched.kind == "image":
            return self._image(url, fetched)
        return self._article(url, fetched)

    def _commons_page(self, url: str, title: str, evidence: list[Evidence]) -> CheckedURL:
        if not evidence:
            raise FetchError(url, "offline", "not looked up: offline, and Wikimedia Commons' answer is not cached")
        item = check_evidence(evidence, self.catalog, label=title, src=url, profile=self.profile)
        return CheckedURL(url, "commons", [item], extra={"url": url}, header=f"{url}: Wikimedia Commons {title}")

    def _image(self, url: str, fetched: Fetched) -> CheckedURL:
        metadata, identity = read_image(io.BytesIO(fetched.body), url, trust_anchors())
        assert identity is not None
        own = [*metadata.evidence, Evidence("image_src", fetched.url, "html", "image URL")]
        self.verifier.sha1[url] = hashlib.sha1(fetched.body, usedforsecurity=False).hexdigest()
        item = self.verifier.recheck(check_evidence(own, self.catalog, label=url, src=url, profile=self.profile),
                                     self.catalog, self.profile, in_article=False)
        header = (f"{url}: {metadata.format} {metadata.width}x{metadata.height}, "
                  f"sha256 {identity.sha256[:16]}…, phash {identity.phash}")
        extra = {"url": fetched.url, "image": image_facts(metadata, identity), "problems": metadata.problems}
        small = thumbnail(fetched.body)
        return CheckedURL(url, "image", [item], extra=extra, header=header, thumbnails={url: small} if small else {})

    def _article(self, url: str, fetched: Fetched) -> CheckedURL:
        text = decode_article(url, fetched.body)
        problems: list[str] = []
        thumbs: dict[str, bytes] = {}
        reader = self._image_reader(fetched.url, problems, thumbs)
        kind = "html" if fetched.kind == "html" else None
        article = check_article(text, self.catalog, name=url, kind=kind, profile=self.profile, image_evidence=reader)
        items = self.verifier.recheck_all(article.items, self.catalog, self.profile)
        extra = {"url": fetched.url, "problems": problems}
        return CheckedURL(url, article.kind, items, article.page, extra, thumbnails=thumbs)

    def _image_reader(self, base: str, problems: list[str], thumbs: dict[str, bytes]) -> Any:
        fetched_count = 0

        def read(src: str) -> list[Evidence]:
            nonlocal fetched_count
            target = urljoin(base, src)
            if fetched_count >= self.max_images:
                problems.append(f"{target}: not fetched: an article's first {self.max_images} images are read")
                return []
            fetched_count += 1
            try:
                image = self.verifier.fetcher.get(target, expect=("image",), max_bytes=self.max_image_bytes)
                metadata, _ = read_image(io.BytesIO(image.body), target, trust_anchors(), identity=False)
            except (FetchError, InputError) as exc:
                problems.append(str(exc))
                return []
            self.verifier.sha1[src] = hashlib.sha1(image.body, usedforsecurity=False).hexdigest()
            small = thumbnail(image.body)
            if small:
                thumbs[src] = small
            problems.extend(f"{target}: {p}" for p in metadata.problems)
            return metadata.evidence

        return read


def _looks_like_image_url(url: str) -> bool:
    return split_url(url).path.lower().endswith((".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".heic"))
