"""URL splitting that never raises: hostile input ('[', 'http://[::1') is just not a URL."""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit

EMPTY = SplitResult("", "", "", "", "")


def split_url(url: str) -> SplitResult:
    """urlsplit, or an empty result for text urlsplit refuses."""
    try:
        return urlsplit(url.strip())
    except ValueError:
        return EMPTY


def is_http_url(url: str | None) -> bool:
    if not url:
        return False
    parts = split_url(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def is_link_address(href: str) -> bool:
    """An address a caption's link may carry into its linked text ('Name <https://…>'): http(s), and with no
    angle bracket or space that would end the bracketed address early."""
    return href.lower().startswith(("http://", "https://")) and not any(c in href for c in "<> ")
