"""[edge] A URL as one more kind of source for the one check flow (`check_source`).

`url_source(url)` fetches the URL through the guard (provenance.io.fetch) and
returns a SourceFile holding its bytes, with siblings that are the images the
page references: each `src` is resolved against the page's URL and fetched
through the guard when the article is checked, at most `max_images` of them,
each under `max_image_bytes`. A Wikimedia Commons file page (or curid= link) is
not fetched as a page: it becomes a source of kind "commons", checked from
what the Commons API says about the file.
"""

from __future__ import annotations

import io
import posixpath
from urllib.parse import unquote, urljoin

from ..catalog.load import Catalog
from ..catalog.profile import UsageProfile
from ..check import CheckedFile, Match
from ..errors import FetchError, InputError
from ..metadata.commons import COMMONS_HOSTS, ref_from_url
from ..model import Evidence
from ..parse.urls import split_url
from .c2pa_reader import trust_anchors
from .files import http_charset
from .images import read_shown_image
from .inputs import Siblings, SourceFile, check_source
from .matching import SetIndex
from .verify import Verifier, sha1_of

MAX_SOURCE_BYTES = 20 * 1024 * 1024
MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_IMAGES = 12


def is_url(text: str) -> bool:
    return text.strip().lower().startswith(("http://", "https://"))


class RemoteSiblings(Siblings):
    """The images of a fetched page: a src is matched to its absolute URL and fetched when read."""

    def __init__(self, base: str, verifier: Verifier, max_images: int = MAX_IMAGES,
                 max_image_bytes: int = MAX_IMAGE_BYTES) -> None:
        super().__init__(SetIndex(()), self._read)
        self.base, self.verifier = base, verifier
        self.max_images, self.max_image_bytes = max_images, max_image_bytes
        self.seen: dict[str, tuple[list[Evidence], list[str]]] = {}
        self.sha1: dict[str, str] = {}  # an image URL fetched for this page -> SHA-1 of its bytes

    def match(self, article: str, src: str) -> Match | None:
        target = urljoin(self.base, src.strip())
        if split_url(target).scheme not in ("http", "https"):
            return None
        return Match(src, target, "url")

    def image_sha1(self, src: str) -> str | None:
        return self.sha1.get(urljoin(self.base, src.strip()))

    def _read(self, url: str) -> tuple[list[Evidence], list[str]]:
        if url not in self.seen:
            self.seen[url] = self._fetch(url)
        return self.seen[url]

    def _fetch(self, url: str) -> tuple[list[Evidence], list[str]]:
        if len(self.seen) >= self.max_images:
            return [], [f"{url}: not fetched: only the first {self.max_images} images of a page are read"]
        try:
            image = self.verifier.fetcher.get(url, expect=("image",), max_bytes=self.max_image_bytes)
        except FetchError as exc:
            return [], [str(exc)]
        try:  # decoded small, as a file an article shows is (provenance.io.inputs.image_evidence_reader)
            metadata, _ = read_shown_image(io.BytesIO(image.body), url, trust_anchors())
        except InputError as exc:
            return [], [str(exc)]
        self.sha1[url] = sha1_of(image.body)
        return metadata.evidence, [f"{url}: {p}" for p in metadata.problems]


def url_source(url: str, verifier: Verifier, max_images: int = MAX_IMAGES) -> tuple[SourceFile, Siblings | None]:
    """The URL fetched as a source (raises FetchError when the guard refuses it or fetching fails)."""
    url = url.strip()
    ref = ref_from_url(url)
    if ref and (split_url(url).hostname or "").lower() in COMMONS_HOSTS:
        return SourceFile(url, url, kind="commons", url=url), None
    fetched = verifier.fetcher.get(url, expect=("html", "text", "image"), max_bytes=MAX_SOURCE_BYTES)
    path = posixpath.basename(unquote(split_url(fetched.url).path)) or "index.html"
    kind = "html" if fetched.kind == "html" else None
    source = SourceFile(url, path, data=fetched.body, kind=kind, url=fetched.url,
                        charset=http_charset(fetched.content_type))
    return source, RemoteSiblings(fetched.url, verifier, max_images)


def check_url(url: str, catalog: Catalog, profile: UsageProfile, verifier: Verifier,
              max_images: int = MAX_IMAGES) -> CheckedFile:
    """One URL through the one check flow; a refusal or a failed fetch is the CheckedFile's error."""
    try:
        source, siblings = url_source(url, verifier, max_images)
    except FetchError as exc:
        return CheckedFile(url.strip(), "error", error=str(exc))
    return check_source(source, catalog, profile, siblings, verifier)
