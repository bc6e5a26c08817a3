"""What the article readers return: the images of an article and the evidence around each."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from provenance.model import Evidence

KINDS = ("plain", "markdown", "html")


@dataclass
class ImageRef:
    """One image an article shows (src may be None for a credit with no image)."""

    src: str | None
    position: int
    evidence: list[Evidence] = field(default_factory=list)
    alt: str | None = None
    url: str | None = None  # src made absolute against the page's canonical URL


@dataclass
class Article:
    kind: str
    images: list[ImageRef]
    page: list[Evidence] = field(default_factory=list)
    text: str = ""  # the visible text, where credits are looked for when there is no image


def nearest(images: list[ImageRef], position: int) -> ImageRef | None:
    """The image a stray caption belongs to: the closest one before it (captions follow
    their images; the first of several at one position), else the closest one after it.
    `images` are in document order, as the readers find them: a binary search, so that an
    article of many images and captions is read in n log n, not n squared."""
    if not images:
        return None
    after = bisect_right(images, position, key=_position)
    if after == 0:
        return images[0]
    return images[bisect_left(images, images[after - 1].position, key=_position)]


def _position(image: ImageRef) -> int:
    return image.position
