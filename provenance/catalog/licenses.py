"""Resolve a license name and/or URL to one catalog entry, or say why not.

No network, no guessing: a name that disagrees with its URL is a mismatch, a
name that fits several entries is ambiguous, anything else is unknown.
"""

from __future__ import annotations

import re
from dataclasses import replace

from provenance.catalog.load import Catalog
from provenance.catalog.names import fold_license_name, lookalike_reason
from provenance.catalog.sources import remembered
from provenance.model import License, Resolution, Status
from provenance.parse.urls import split_url

_URL_TRAILING = ".,;:)]}>\"'"
_PORT_SEGMENT = re.compile(r"[a-z]{2}(?:-[a-z]{2})?|igo")
_PORT_WORD = re.compile(r"[a-z]{2}|igo")



def resolve_license(
    catalog: Catalog, text: str | None = None, url: str | None = None
) -> Resolution:
    """Resolve a license name, a license URL, or both together. The answer reads nothing but its arguments and
    the catalog, and a text names the same few licenses again and again: it is remembered per catalog (a
    bounded table, emptied when full; a Resolution is frozen, so it is shared as it is)."""
    return remembered(catalog, "resolve-license-memo", (text, url), _resolve_pair)


def _resolve_pair(catalog: Catalog, key: tuple[str | None, str | None]) -> Resolution:
    return _resolve_license(catalog, *key)


def _resolve_license(catalog: Catalog, text: str | None, url: str | None) -> Resolution:
    text = (text or "").strip() or None
    url = (url or "").strip() or None
    if text and looks_like_url(text) and not url:
        text, url = None, text
    by_text = resolve_license_name(catalog, text) if text else None
    by_url = resolve_license_url(catalog, url) if url else None
    if by_text is None and by_url is None:
        return Resolution(status=Status.ABSENT)
    if by_text is None or by_url is None:
        found = by_text or by_url
        assert found is not None
        return replace(found, text=text, url=url)
    return _combine(by_text, by_url, text, url)


def _combine(by_text: Resolution, by_url: Resolution, text: str | None, url: str | None) -> Resolution:
    named, linked = by_text.license, by_url.license
    base = Resolution(status=Status.MISMATCH, text=text, url=url, by_text=named, by_url=linked)
    if linked is not None and by_url.status is Status.EXACT:
        if named is not None and named.id == linked.id:
            port = by_url.port or by_text.port
            return replace(base, status=Status.EXACT, license=linked, port=port)
        if by_text.status is Status.AMBIGUOUS and linked in by_text.candidates:
            return replace(base, status=Status.EXACT, license=linked, port=by_url.port)
        if named is not None and linked.id in named.versions:  # 'CC BY-SA' and a link to by-sa/2.0: that version
            return replace(base, status=Status.EXACT, license=linked, port=by_url.port)
        if by_text.status is Status.UNKNOWN:
            return replace(base, status=Status.EXACT, license=linked, port=by_url.port)
    return replace(base, candidates=by_text.candidates)


def looks_like_url(text: str) -> bool:
    return bool(re.match(r"(?i)^(https?://|www\.)\S+$", text.strip()))


def resolve_license_name(catalog: Catalog, text: str) -> Resolution:
    """Look a license name up by its folded key, then as a name plus a port. A name spelled with
    look-alike characters ('CC BY 4.O', Cyrillic 'СС') is unknown, never the license it imitates."""
    if lookalike_reason(text):
        return Resolution(status=Status.UNKNOWN, text=text)
    key = fold_license_name(text, catalog.spellings)
    found = catalog.license_keys.get(key)
    if found:
        return Resolution(status=Status.EXACT, license=catalog.license(found), text=text)
    head, _, last = key.rpartition(" ")
    if head and _PORT_WORD.fullmatch(last) and head in catalog.license_keys:
        lic = catalog.license(catalog.license_keys[head])
        if lic.url_ports:
            return Resolution(status=Status.EXACT, license=lic, port=last, text=text)
    return _by_prefix(catalog, key, text)


def _by_prefix(catalog: Catalog, key: str, text: str) -> Resolution:
    """A name that is the start of other names: one entry, or ambiguous."""
    if not key:
        return Resolution(status=Status.UNKNOWN, text=text)
    ids = sorted({lid for k, lid in catalog.license_keys.items() if k.startswith(key + " ")})
    candidates = tuple(catalog.license(i) for i in ids)
    if len(candidates) == 1:
        return Resolution(status=Status.EXACT, license=candidates[0], text=text)
    if candidates:
        return Resolution(status=Status.AMBIGUOUS, candidates=candidates, text=text)
    return Resolution(status=Status.UNKNOWN, text=text)


def normalize_license_url(url: str) -> str:
    """'HTTPS://www.CreativeCommons.org/licenses/by/4.0/deed.en).' -> host/path."""
    cleaned = url.strip().rstrip(_URL_TRAILING)
    if not re.match(r"(?i)^[a-z][a-z0-9+.-]*://", cleaned):
        cleaned = "http://" + cleaned
    parts = split_url(cleaned)
    host = (parts.hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    return (host + parts.path.lower()).rstrip("/")


def resolve_license_url(catalog: Catalog, url: str) -> Resolution:
    """Match a URL against the catalog's URL patterns, longest pattern first."""
    norm = normalize_license_url(url)
    for pattern, license_id in catalog.url_patterns:
        if norm == pattern or (norm.startswith(pattern) and norm[len(pattern)] in "/.#"):
            lic = catalog.license(license_id)
            port = _port(norm[len(pattern):]) if lic.url_ports else None
            return Resolution(status=Status.EXACT, license=lic, port=port, url=url)
    return Resolution(status=Status.UNKNOWN, url=url)


def _port(rest: str) -> str | None:
    """The jurisdiction part of '/de/deed.en', if any."""
    first = rest.strip("/").split("/")[0]
    return first if _PORT_SEGMENT.fullmatch(first) else None


def is_license_url(catalog: Catalog, url: str) -> bool:
    """True when a URL names a license: a catalog pattern, or a CC license path."""
    if resolve_license_url(catalog, url).status is Status.EXACT:
        return True
    norm = normalize_license_url(url)
    return norm.startswith(catalog.spellings.license_url_prefixes)


def describe(lic: License, port: str | None = None) -> str:
    """'CC BY 3.0 (de port)' — the short name a person reads."""
    return f"{lic.short_name} ({port} port)" if port else lic.short_name
