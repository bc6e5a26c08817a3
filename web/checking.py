"""Run a check on pasted text and uploads, under the options a person picked."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile, check_changes, check_lang
from provenance.io.inputs import SourceFile
from web.services import StoredCheck
from web.uploads import check_uploads

KINDS = ("auto", "plain", "html", "markdown")


def profile_from(base: UsageProfile, catalog: Catalog, args: Any) -> UsageProfile:
    """The profile, with the toggles of the form or the API applied."""
    changes = [c for c in args.getlist("modified") if c] if hasattr(args, "getlist") else list(args.get("modified", []))
    check_changes("modified", changes, catalog)
    profile = base.with_changes(*changes)
    if "commercial" in args:
        said = args.getlist("commercial") if hasattr(args, "getlist") else [args.get("commercial")]
        profile = replace(profile, commercial=any(str(v).lower() in ("1", "true", "on", "yes") for v in said))
    if args.get("medium") in ("online", "print"):
        profile = replace(profile, medium=args.get("medium"))
    if args.get("lang"):
        check_lang("lang", str(args.get("lang")), catalog)
        profile = replace(profile, lang=str(args.get("lang")))
    subscriptions = args.getlist("subscription") if hasattr(args, "getlist") else args.get("subscriptions", [])
    known = [s for s in subscriptions if s in catalog.sources]
    if known:
        profile = replace(profile, subscriptions=profile.subscriptions | set(known))
    return profile


def run(stored: StoredCheck, catalog: Catalog, profile: UsageProfile,
        ) -> tuple[list[dict[str, Any]], list[bytes | None]]:
    """(results, thumbnails) — one result per file, the pasted text first."""
    text = None
    if stored.text.strip():
        kind = None if stored.kind == "auto" else stored.kind
        text = SourceFile("pasted text", "pasted text", data=stored.text.encode("utf-8"), kind=kind)
    checked = check_uploads(stored.files, catalog, profile, text)
    return [c.result for c in checked], [c.thumbnail for c in checked]
