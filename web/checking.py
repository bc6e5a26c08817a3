"""Run a check on pasted text, uploads and URLs, under the options a person picked (the check itself:
web.jobs; where heavy checks run: web.workers)."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile, check_changes, check_lang
from provenance.check_split import MIN_SPLIT_CHARS
from provenance.errors import InputError
from web.jobs import CheckJob, Outcome, run_job, settings
from web.limits import limited_check
from web.services import Services, StoredCheck

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
    check_changes("modified", changes, catalog, key=None)
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
        check_lang("lang", str(lang), catalog, key=None)
        profile = replace(profile, lang=str(lang))
    name = "subscription" if form else "subscriptions"
    subscriptions = args.getlist(name) if form else args.get(name, [])
    unknown = [s for s in subscriptions if s not in catalog.sources]
    if unknown:
        raise InputError(name, f"{', '.join(map(repr, unknown))} is not a source id of the catalog")
    return replace(profile, subscriptions=profile.subscriptions | set(subscriptions)) if subscriptions else profile


def limited_run(svc: Services, stored: StoredCheck, profile: UsageProfile, environ: dict[str, Any],
                shown: slice | None = None, only: str | None = None) -> tuple[list[dict[str, Any]], list[bytes | None]]:
    """The check under the work budget: a light one here, in the request's thread; a heavy one in a
    check slot (a 503 when busy) and in a worker process (web.workers); a 413 past the budget. What
    it fetched is kept with the stored check, and the Commons answers it got are stored. `shown` and
    `only`: which items the results hold (web.uploads.file_result)."""
    outcome = _limited(svc, stored, profile, environ, shown, only=only)
    return outcome.results, outcome.thumbs


def limited_json(svc: Services, stored: StoredCheck, profile: UsageProfile, environ: dict[str, Any]) -> bytes:
    """`limited_run`'s results (every item) as JSON, encoded where the check ran."""
    body = _limited(svc, stored, profile, environ, encoded=True).body
    assert body is not None
    return body


def _limited(svc: Services, stored: StoredCheck, profile: UsageProfile, environ: dict[str, Any],
             shown: slice | None = None, encoded: bool = False, only: str | None = None) -> Outcome:
    job = CheckJob(stored.text, stored.kind, stored.files, stored.urls, profile, shown=shown,
                   fetched=dict(stored.fetched), settings=settings(), encoded=encoded, reuse=stored.key, only=only)
    with limited_check(svc.gate, svc.check_seconds, environ, job.light) as gone:
        if job.light or svc.workers is None:
            outcome = run_job(job, svc.catalog, svc.stored_answers())
        else:  # the worker that ran this stored check before, when idle: it kept the checked files
            with svc.gate.spare(_spare_wanted(job)) as spare:  # a long text: its chunks on more cores at once
                job.parts = 1 + spare
                outcome = svc.workers.run(job, svc.check_seconds, gone, prefer=stored.worker)
    stored.worker = outcome.worker
    stored.fetched.update(outcome.fetched)
    svc.store_answers(outcome.answers)
    return outcome


def _spare_wanted(job: CheckJob) -> int:
    """How many more check slots a job could use: a text long enough to be checked in chunks
    (provenance.check_split) on every core the machine has."""
    return (os.cpu_count() or 1) - 1 if len(job.text) >= MIN_SPLIT_CHARS else 0
