"""Flickr photo pages: the license and creator a page states in its structured data
(schema.org JSON-LD or microdata, rel="license" links), as evidence of origin "flickr".

Pure: takes the page's HTML and URL. A page that states no license gives an
"unverified" claim, which the needs-verification rule reports in words.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bs4 import BeautifulSoup

from ..model import Evidence
from ..parse.html import read_soup
from ..parse.urls import split_url

ORIGIN = "flickr"
HOSTS = frozenset({"flickr.com", "www.flickr.com", "m.flickr.com", "secure.flickr.com"})
PHOTO_PATH = re.compile(r"^/photos/[^/]+/\d+(?:/|$)")
MAX_TEXT = 500


def is_photo_page(url: str) -> bool:
    """https://www.flickr.com/photos/<user>/<photo id>/…"""
    parts = split_url(url)
    return parts.scheme in ("http", "https") and (parts.hostname or "") in HOSTS and bool(PHOTO_PATH.match(parts.path))


def photo_pages(evidence: list[Evidence]) -> list[str]:
    """Every Flickr photo page the evidence links to, once."""
    found: dict[str, None] = {}
    for item in evidence:
        for url in re.findall(r"https?://[^\s<>\"']+", item.value):
            url = url.rstrip(").,;")
            if item.origin != ORIGIN and is_photo_page(url):
                found.setdefault(url, None)
    return list(found)


def _claim(field: str, value: str, name: str, url: str) -> Evidence:
    return Evidence(field, " ".join(value.split())[:MAX_TEXT], ORIGIN, name, raw=value[:MAX_TEXT], location=url)


def _name(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("name") or "")
    if isinstance(value, list) and value:
        return _name(value[0])
    return value if isinstance(value, str) else ""


def _jsonld_nodes(soup: BeautifulSoup) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.get_text())
        except ValueError:
            continue
        nodes.extend(n for n in (data if isinstance(data, list) else [data]) if isinstance(n, dict))
    return nodes


def _jsonld(soup: BeautifulSoup, url: str) -> list[Evidence]:
    found: list[Evidence] = []
    for node in _jsonld_nodes(soup):
        lic = _name(node.get("license"))
        if lic:
            found.append(_claim("license_url" if lic.startswith("http") else "license", lic,
                                "Flickr page JSON-LD license", url))
        found.extend(_claim("creator", _name(node.get(key)), f"Flickr page JSON-LD {key}", url)
                     for key in ("creator", "author") if _name(node.get(key)))
    return found


def _markup(soup: BeautifulSoup, url: str) -> list[Evidence]:
    found: list[Evidence] = []
    for tag in soup.select('a[rel~="license"], link[rel~="license"]'):
        href = str(tag.get("href") or "")
        if href.startswith(("http://", "https://")):
            found.append(_claim("license_url", href, f'Flickr page <{tag.name} rel="license">', url))
    for tag in soup.select('[itemprop="license"]'):
        value = str(tag.get("href") or tag.get("content") or "")
        if value:
            found.append(_claim("license_url" if value.startswith("http") else "license", value,
                                "Flickr page microdata license", url))
    return found


def flickr_evidence(html: str, url: str) -> list[Evidence]:
    """What a Flickr photo page says about the photo's creator and license."""
    soup = read_soup(html)
    found = _jsonld(soup, url) + _markup(soup, url)
    found.append(_claim("source_url", url, "Flickr photo page", url))
    if not any(e.field in ("license", "license_url") for e in found):
        found.append(_claim("unverified", f"the Flickr page {url} states no license in its structured data; "
                            "open it and record the license shown there", "Flickr photo page", url))
    return found
