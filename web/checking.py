"""Run a check on pasted text and uploads, under the options a person picked."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile, check_changes
from provenance.errors import InputError
from provenance.io.inputs import SourceFile
from web.services import StoredCheck
from web.uploads import check_uploads

KINDS = ("auto", "plain", "html", "markdown")
MEDIA = ("online", "print")
YES = ("1", "true", "on", "yes")


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
    name = "subscription" if form else "subscriptions"
    subscriptions = args.getlist(name) if form else args.get(name, [])
    unknown = [s for s in subscriptions if s not in catalog.sources]
    if unknown:
        raise InputError(name, f"{', '.join(map(repr, unknown))} is not a source id of the catalog")
    return replace(profile, subscriptions=profile.subscriptions | set(subscriptions)) if subscriptions else profile


def run(stored: StoredCheck, catalog: Catalog, profile: UsageProfile,
        ) -> tuple[list[dict[str, Any]], list[bytes | None]]:
    """(results, thumbnails) — one result per file, the pasted text first."""
    text = None
    if stored.text.strip():
        kind = None if stored.kind == "auto" else stored.kind
        text = SourceFile("pasted text", "pasted text", data=stored.text.encode("utf-8"), kind=kind)
    checked = check_uploads(stored.files, catalog, profile, text)
    return [c.result for c in checked], [c.thumbnail for c in checked]
