"""Wikimedia Commons: which file a link or a caption points to, what to ask the
MediaWiki API, and the API's answer turned into evidence of origin "commons".

Pure: takes strings and the decoded JSON, returns dataclasses. Asking the API
is provenance.io.commons's job. The API's extmetadata values are HTML; they
are reduced to text here (provenance.htmltext) and never rendered as HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, unquote

from ..errors import InputError
from ..model import Evidence
from ..parse.htmltext import html_to_text
from ..parse.urls import split_url

ORIGIN = "commons"
COMMONS_HOSTS = frozenset({"commons.wikimedia.org", "commons.m.wikimedia.org"})
UPLOAD_HOST = "upload.wikimedia.org"
FILE_PREFIXES = ("file:", "image:")
# extmetadata key -> (evidence field, whether the value is HTML)
EXTMETADATA = {
    "Artist": ("creator", True),
    "Credit": ("source", True),
    "LicenseShortName": ("license", True),
    "LicenseUrl": ("license_url", False),
    "UsageTerms": ("usage_terms", True),
    "AttributionRequired": ("attribution_required", False),
    "Copyrighted": ("copyrighted", False),
    "ObjectName": ("title", True),
    "ImageDescription": ("image_description", True),
}
UNKNOWN_AUTHORS = frozenset({"unknown", "unknown author", "anonymous", "author unknown"})
FILE_NAME = re.compile(r"\b(?:File|Image):([^\n|\[\]{}<>#]+?\.(?:jpe?g|png|gif|tiff?|webp|svg|heic|heif))",
                       re.IGNORECASE)
SHA1 = re.compile(r"^[0-9a-f]{40}$")
MAX_TEXT = 2000


@dataclass(frozen=True)
class CommonsRef:
    """What to look a file up by: kind is 'title' (File:…), 'pageid' or 'sha1'."""

    kind: str
    value: str

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.value}"


@dataclass(frozen=True)
class CommonsFile:
    title: str
    url: str
    description_url: str
    sha1: str
    metadata: dict[str, str]


def _title(name: str) -> CommonsRef | None:
    name = unquote(name).replace("_", " ").strip()
    for prefix in FILE_PREFIXES:
        if name.casefold().startswith(prefix) and len(name) > len(prefix):
            return CommonsRef("title", "File:" + name[len(prefix):].strip())
    return None


def ref_from_url(url: str) -> CommonsRef | None:
    """A Commons file page, a curid= link, an upload.wikimedia.org file (or thumbnail), a wiki's File: page."""
    parts = split_url(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https"):
        return None
    if host == UPLOAD_HOST:
        return _upload_ref(parts.path)
    if host not in COMMONS_HOSTS and not host.endswith(".wikipedia.org"):
        return None
    query = parse_qs(parts.query)
    if query.get("curid", [""])[0].isdigit() and host in COMMONS_HOSTS:
        return CommonsRef("pageid", query["curid"][0])
    if "title" in query:
        return _title(query["title"][0])
    return _title(parts.path[len("/wiki/"):]) if parts.path.startswith("/wiki/") else None


def _upload_ref(path: str) -> CommonsRef | None:
    """/wikipedia/commons/a/ab/Name.jpg or /wikipedia/commons/thumb/a/ab/Name.jpg/800px-Name.jpg"""
    segments = [s for s in path.split("/") if s]
    if len(segments) < 5 or segments[:2] != ["wikipedia", "commons"]:
        return None
    rest = segments[3:] if segments[2] == "thumb" else segments[2:]
    return _title("File:" + rest[2]) if len(rest) >= 3 and len(rest[0]) == 1 else None


def ref_from_text(text: str) -> CommonsRef | None:
    """A URL, a 'File:Name.jpg' anywhere in the text, or a bare SHA-1 in hex."""
    stripped = text.strip()
    if SHA1.match(stripped.lower()):
        return CommonsRef("sha1", stripped.lower())
    if stripped.startswith(("http://", "https://")):
        return ref_from_url(stripped)
    found = FILE_NAME.search(text)
    return _title(found.group(0)) if found else None


def refs_in_evidence(evidence: list[Evidence]) -> list[CommonsRef]:
    """Every Commons file the evidence points to (image URLs, source links, captions naming a File:), once."""
    found: dict[str, CommonsRef] = {}
    for item in evidence:
        if item.origin == ORIGIN or (":" not in item.value and len(item.value.strip()) != 40):
            continue  # every reference has a colon (a URL, File:, Image:) but a bare SHA-1
        urls = [u.rstrip(").,;\"'") for u in re.findall(r"https?://[^\s<>\"']+", item.value)]
        for ref in [ref_from_url(u) for u in urls] + [ref_from_text(item.value)]:
            if ref:
                found.setdefault(ref.key, ref)
    return list(found.values())


def mentions_commons(evidence: list[Evidence]) -> bool:
    """Whether any claim names Wikimedia Commons (a caption's 'via Wikimedia Commons', a link)."""
    return any("wikimedia" in item.value.casefold() for item in evidence if item.origin != ORIGIN)


def api_params(ref: CommonsRef) -> dict[str, str]:
    """The MediaWiki API query for one reference (a SHA-1 is first turned into a title)."""
    common = {"action": "query", "format": "json", "formatversion": "2"}
    if ref.kind == "sha1":
        return {**common, "list": "allimages", "aisha1": ref.value, "aiprop": "url|sha1", "ailimit": "5"}
    which = {"titles": ref.value} if ref.kind == "title" else {"pageids": ref.value}
    return {**common, **which, "prop": "imageinfo", "iiprop": "extmetadata|url|sha1",
            "iiextmetadatafilter": "|".join(EXTMETADATA), "iiextmetadatalanguage": "en", "redirects": "1"}


def _query(response: Any, ref: CommonsRef) -> dict[str, Any]:
    if not isinstance(response, dict):
        raise InputError(f"Wikimedia Commons API ({ref.value})", "the answer is not a JSON object")
    if "error" in response:
        error = response["error"] if isinstance(response["error"], dict) else {}
        raise InputError(f"Wikimedia Commons API ({ref.value})",
                         f"error {error.get('code', '?')}: {error.get('info', 'no details')}")
    query = response.get("query", {})
    return query if isinstance(query, dict) else {}


def titles_by_sha1(response: Any, ref: CommonsRef) -> list[str]:
    """The file titles a list=allimages&aisha1= answer names."""
    images = _query(response, ref).get("allimages", [])
    return [str(i["title"]) for i in images if isinstance(i, dict) and i.get("title")] if isinstance(images, list) \
        else []


def parse_imageinfo(response: Any, ref: CommonsRef) -> CommonsFile | None:
    """The file of a prop=imageinfo answer (formatversion 1 or 2), or None when there is none."""
    pages = _query(response, ref).get("pages", [])
    pages = list(pages.values()) if isinstance(pages, dict) else pages
    for page in pages if isinstance(pages, list) else []:
        info = page.get("imageinfo") if isinstance(page, dict) and "missing" not in page else None
        if isinstance(info, list) and info and isinstance(info[0], dict):
            return _file(str(page.get("title", ref.value)), info[0])
    return None


def _file(title: str, info: dict[str, Any]) -> CommonsFile:
    raw = info.get("extmetadata") if isinstance(info.get("extmetadata"), dict) else {}
    meta = {}
    for key, entry in (raw or {}).items():
        value = entry.get("value") if isinstance(entry, dict) else None
        if key in EXTMETADATA and isinstance(value, str | int | float | bool):
            meta[key] = str(value)
    return CommonsFile(title, str(info.get("url", "")), str(info.get("descriptionurl", "")),
                       str(info.get("sha1", "")), meta)


def commons_evidence(found: CommonsFile) -> list[Evidence]:
    """Evidence of origin 'commons', each naming the extmetadata field it came from."""
    out: list[Evidence] = []
    for key, (field, is_html) in EXTMETADATA.items():
        raw = found.metadata.get(key, "")
        value = (html_to_text(raw) if is_html else raw.strip())[:MAX_TEXT]
        if not value or (field == "creator" and value.casefold().rstrip(".") in UNKNOWN_AUTHORS):
            continue
        out.append(Evidence(field, value, ORIGIN, f"Commons extmetadata {key}", raw=raw[:MAX_TEXT],
                            location=found.title))
    for field, value, name in (("via", "Wikimedia Commons", "Commons API: the file is on Wikimedia Commons"),
                               ("source_url", found.description_url, "Commons descriptionurl"),
                               ("image_url", found.url, "Commons url"), ("sha1", found.sha1, "Commons sha1")):
        web = not field.endswith("_url") or value.startswith(("https://", "http://"))
        if value and web:
            out.append(Evidence(field, value, ORIGIN, name, raw=value, location=found.title))
    return out


def not_found_evidence(ref: CommonsRef) -> list[Evidence]:
    """A lookup that found nothing: said so, for the needs-verification rule."""
    what = {"title": ref.value, "pageid": f"page id {ref.value}", "sha1": f"SHA-1 {ref.value}"}[ref.kind]
    return [Evidence("unverified", f"Wikimedia Commons has no file for {what}", ORIGIN, "Commons API lookup",
                     location=ref.key)]
