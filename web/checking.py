"""Run a check on pasted text and uploads, under the options a person picked."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from provenance.budget import checkpoint
from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile, check_changes, check_lang
from provenance.check import CheckedFile
from provenance.errors import FetchError, InputError
from provenance.io.inputs import SourceFile, check_source
from provenance.io.url_check import url_source
from provenance.io.verify import Verifier
from provenance.store.commons_cache import StoreCache
from web.limits import LIGHT_CHARS, limited_check
from web.services import Services, StoredCheck
from web.uploads import check_uploads, file_result, thumbnail

KINDS = ("auto", "plain", "html", "markdown")
MAX_URL = 2000
MEDIA = ("online", "print")
YES = ("1", "true", "on", "yes")


def url_problem(url: Any) -> str | None:
    """Why a URL given to the form or the API cannot be checked, or None (the fetch guard decides the rest)."""
    if not isinstance(url, str) or not url.strip().lower().startswith(("http://", "https://")):
        return "A URL to check starts with http:// or https://."
    return f"A URL to check is at most {MAX_URL} characters." if len(url) > MAX_URL else None


def profile_from(base: UsageProfile, catalog: Catalog, args: Any) -> UsageProfile:
    """The profile, with the toggles of the form or the API applied; an unknown change, medium or
    subscription is an InputError naming the field, never ignored."""
    form = hasattr(args, "getlist")
    changes = [c for c in args.getlist("modified") if c] if form else list(args.get("modified", []))
    check_changes("modified", changes, catalog)
    profile = base.with_changes(*changes)
    if "commercial" in args:
        said = args.getlist("commercial") if form else [args.get("commercial")]
        profile = replace(profile, commercial=any(str(v).lower() in YES or v is True for v in said))
    medium = args.get("medium")
    if medium not in (None, "", *MEDIA):
        raise InputError("medium", f"must be one of {', '.join(MEDIA)}, not {medium!r}")
    if medium:
        profile = replace(profile, medium=medium)
    lang = args.get("lang")
    if lang:
        check_lang("lang", str(lang), catalog)
        profile = replace(profile, lang=str(lang))
    name = "subscription" if form else "subscriptions"
    subscriptions = args.getlist(name) if form else args.get(name, [])
    unknown = [s for s in subscriptions if s not in catalog.sources]
    if unknown:
        raise InputError(name, f"{', '.join(map(repr, unknown))} is not a source id of the catalog")
    return replace(profile, subscriptions=profile.subscriptions | set(subscriptions)) if subscriptions else profile


def limited_run(svc: Services, stored: StoredCheck, profile: UsageProfile, environ: dict[str, Any],
                shown: slice | None = None) -> tuple[list[dict[str, Any]], list[bytes | None]]:
    """run() under the work budget, in a check slot unless it is light (web.limits): a 503 when busy,
    a 413 past the budget."""
    light = not stored.files and not stored.urls and len(stored.text) <= LIGHT_CHARS
    with limited_check(svc.gate, svc.check_seconds, environ, light):
        return run(stored, svc.catalog, profile, svc.sessions, shown)


def run(stored: StoredCheck, catalog: Catalog, profile: UsageProfile, sessions: sessionmaker[Session] | None = None,
        shown: slice | None = None) -> tuple[list[dict[str, Any]], list[bytes | None]]:
    """(results, thumbnails) — one result per file, the pasted text first, the URLs last; with `shown`,
    each result holds only those items, and counts of all (`file_result`)."""
    if stored.verifier is None:
        stored.verifier = Verifier.from_env(cache=StoreCache(sessions) if sessions else None)
    text = None
    if stored.text.strip():
        kind = None if stored.kind == "auto" else stored.kind
        text = SourceFile("pasted text", "pasted text", data=stored.text.encode("utf-8"), kind=kind)
    checked = check_uploads(stored.files, catalog, profile, text, stored.verifier, shown) \
        if text or stored.files else []
    results, thumbs = [c.result for c in checked], [c.thumbnail for c in checked]
    for url in stored.urls:
        checkpoint()
        done = _check_url(stored, url, catalog, profile)
        results.append(file_result(done, shown))
        source = stored.fetched.get(url)
        data = source[0].data if isinstance(source, tuple) else None
        thumbs.append(thumbnail(data) if done.kind == "image" and data else None)
    return results, thumbs


def _check_url(stored: StoredCheck, url: str, catalog: Catalog, profile: UsageProfile) -> CheckedFile:
    """A URL fetched once per stored check (the toggles check it again without fetching)."""
    if url not in stored.fetched:
        try:
            stored.fetched[url] = url_source(url, stored.verifier)
        except FetchError as exc:
            stored.fetched[url] = str(exc)
    fetched = stored.fetched[url]
    if isinstance(fetched, str):
        return CheckedFile(url, "error", error=fetched)
    return check_source(fetched[0], catalog, profile, fetched[1], stored.verifier)
