"""Answers in the exact shape of the MediaWiki API on Wikimedia Commons
(action=query, prop=imageinfo with iiprop=extmetadata|url|sha1, and
list=allimages with aisha1), built in code for the tests' local server."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

COMMONS = "https://commons.wikimedia.org"
UPLOAD = "https://upload.wikimedia.org/wikipedia/commons"


def _meta(value: str, source: str = "commons-desc-page", hidden: bool = False) -> dict[str, str]:
    entry = {"value": value, "source": source}
    if hidden:
        entry["hidden"] = ""
    return entry


def extmetadata(artist: str, license_short: str, license_url: str | None, *, credit: str = "Own work",
                description: str = "", copyrighted: str = "True", attribution: str = "true") -> dict[str, Any]:
    meta = {
        "DateTime": _meta("2024-05-01 10:00:00", "mediawiki-metadata", hidden=True),
        "ObjectName": _meta("Bridge at dusk"),
        "ImageDescription": _meta(description or '<div class="description en" lang="en">A bridge.</div>'),
        "Credit": _meta(f'<span class="int-own-work" lang="en">{credit}</span>'),
        "Artist": _meta(artist),
        "LicenseShortName": _meta(license_short, hidden=True),
        "UsageTerms": _meta(f"Creative Commons {license_short}", hidden=True),
        "AttributionRequired": _meta(attribution, hidden=True),
        "Copyrighted": _meta(copyrighted, hidden=True),
        "Restrictions": _meta("", hidden=True),
        "License": _meta(license_short.lower().replace(" ", "-"), hidden=True),
    }
    if license_url:
        meta["LicenseUrl"] = _meta(license_url, hidden=True)
    return meta


def imageinfo(title: str, meta: dict[str, Any], sha1: str = "0" * 40, pageid: int = 4242,
              formatversion: int = 2) -> dict[str, Any]:
    """A prop=imageinfo answer for one file."""
    name = title.split(":", 1)[1].replace(" ", "_")
    info = {"url": f"{UPLOAD}/a/ab/{quote(name)}", "descriptionurl": f"{COMMONS}/wiki/File:{quote(name)}",
            "descriptionshorturl": f"{COMMONS}/w/index.php?curid={pageid}", "sha1": sha1, "extmetadata": meta}
    page = {"pageid": pageid, "ns": 6, "title": title, "imagerepository": "local", "imageinfo": [info]}
    if formatversion == 1:
        return {"batchcomplete": "", "query": {"pages": {str(pageid): page}}}
    return {"batchcomplete": True, "query": {"pages": [page]}}


def missing(title: str) -> dict[str, Any]:
    """The answer for a file that does not exist."""
    return {"batchcomplete": True, "query": {"pages": [{"ns": 6, "title": title, "missing": True,
                                                        "known": False, "imagerepository": ""}]}}


def allimages(titles: list[str], sha1: str) -> dict[str, Any]:
    """A list=allimages&aisha1= answer."""
    images = [{"name": t.split(":", 1)[1].replace(" ", "_"), "url": f"{UPLOAD}/a/ab/{t.split(':', 1)[1]}",
               "descriptionurl": f"{COMMONS}/wiki/{t.replace(' ', '_')}", "sha1": sha1, "ns": 6, "title": t}
              for t in titles]
    return {"batchcomplete": True, "limits": {"allimages": 500}, "query": {"allimages": images}}
