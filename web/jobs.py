"""One check as plain data, so that it can run in a worker process of the server (web.workers)
or in the request's thread alike.

A CheckJob holds what the person sent (the text, the uploads, the URLs), the profile with their
toggles, and what earlier runs of the same stored check fetched (pages, and each page's images as read,
with their hashes), so the toggles fetch nothing again. `run_job` answers an Outcome: the results as
the JSON the pages and the API show, the thumbnails, what it fetched, and the Commons answers it got,
which the server writes to the store itself, in its queue of archive writes
(web.services.Services.store_answers).
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from provenance.budget import checkpoint
from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.check import CheckedFile
from provenance.errors import FetchError
from provenance.io.commons import Answer, AnswerCache, LaterCache
from provenance.io.inputs import Siblings, SourceFile, check_source
from provenance.io.url_check import RemoteSiblings, url_source
from provenance.io.verify import Verifier
from provenance.model import Evidence
from web.fastjson import encode
from web.limits import LIGHT_CHARS
from web.uploads import Checked, check_uploads, thumbnail

SETTINGS_PREFIX = "PROVENANCE_"  # the environment a check reads (fetch guard, offline, Commons API, C2PA trust)


@dataclass
class FetchedPage:
    """A URL fetched once per stored check: its bytes, and for a page the images it showed (their
    evidence as read), so that checking it again fetches nothing."""

    source: SourceFile
    base: str | None  # the page's final URL, its images' base; None for a Commons file page
    seen: dict[str, tuple[list[Evidence], list[str]]] = field(default_factory=dict)
    sha1: dict[str, str] = field(default_factory=dict)  # an image URL of the page -> SHA-1 of its bytes

    @classmethod
    def of(cls, source: SourceFile, siblings: Siblings | None) -> FetchedPage:
        if isinstance(siblings, RemoteSiblings):  # the same dicts: filled while the page is checked
            return cls(source, siblings.base, siblings.seen, siblings.sha1)
        return cls(source, None)

    def siblings(self, verifier: Verifier) -> RemoteSiblings | None:
        if self.base is None:
            return None
        siblings = RemoteSiblings(self.base, verifier)
        siblings.seen, siblings.sha1 = self.seen, self.sha1  # what it reads is kept with the page
        return siblings


Fetched = FetchedPage | str  # a fetched URL, or why it could not be fetched


@dataclass
class CheckJob:
    text: str
    kind: str
    files: list[tuple[str, bytes]]
    urls: list[str]
    profile: UsageProfile
    shown: slice | None = None  # only these items of each file (a page of results); None: all
    fetched: dict[str, Fetched] = field(default_factory=dict)  # by earlier runs of the same check
    settings: dict[str, str] = field(default_factory=dict)  # the server's PROVENANCE_* environment
    encoded: bool = False  # the results as JSON (Outcome.body), encoded where the check ran (the API)
    reuse: str | None = None  # a stored check's key: its checked files are kept, for its next page (`run_job`)
    only: str | None = None  # with `shown`: the items with this finding code only (web.uploads.file_result)
    parts: int = 1  # a long plain text is checked in up to this many chunks at once (web.workers)

    @property
    def light(self) -> bool:
        """A short pasted text alone (milliseconds of work: the parsers are linear)."""
        return not self.files and not self.urls and len(self.text) <= LIGHT_CHARS


@dataclass
class Outcome:
    results: list[dict[str, Any]]  # one per file: the pasted text first, the URLs last (file_result)
    thumbs: list[bytes | None]
    fetched: dict[str, Fetched]  # the URLs this run fetched
    answers: list[Answer]  # Commons answers fetched by this run, for the store
    body: bytes | None = None  # with CheckJob.encoded: the results as JSON, and `results` empty
    worker: int | None = None  # the process id of the worker that ran it (web.workers), where one did


def settings() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key.startswith(SETTINGS_PREFIX)}


def use_settings(wanted: dict[str, str]) -> None:
    """This process's PROVENANCE_* environment made `wanted` (a worker takes the server's, as it is now)."""
    for key in [key for key in os.environ if key.startswith(SETTINGS_PREFIX) and key not in wanted]:
        del os.environ[key]
    os.environ.update(wanted)


def run_job(job: CheckJob, catalog: Catalog, store: AnswerCache | None = None) -> Outcome:
    """The check, under the work budget of whoever calls it (provenance.budget); Commons answers are
    read from `store` and the new ones returned, never written here. A job with `reuse` keeps what
    it checked in this process (the last KEEP_CHECKED such), and the next job of the same stored
    check and profile (another page of its items) answers from it, checking nothing again."""
    reuse = None if job.light else job.reuse  # a light check costs milliseconds: nothing kept
    kept = _recall(reuse, job.profile)
    if kept is not None:
        return _outcome(job, kept, {}, [])
    cache = LaterCache(store)
    verifier = Verifier.from_env(cache=cache)
    text = None
    if job.text.strip():
        kind = None if job.kind == "auto" else job.kind
        text = SourceFile("pasted text", "pasted text", data=job.text.encode("utf-8"), kind=kind)
    checked = check_uploads(job.files, catalog, job.profile, text, verifier) if text or job.files else []
    fetched: dict[str, Fetched] = {}
    for url in job.urls:
        checkpoint()
        page = job.fetched.get(url) or fetched.get(url) or fetched.setdefault(url, _fetch(url, verifier))
        done = _check_page(url, page, catalog, job.profile, verifier)
        data = page.source.data if isinstance(page, FetchedPage) else None
        checked.append(Checked(url, done, thumbnail(data) if done.kind == "image" and data else None))
    _keep(reuse, job.profile, checked)
    return _outcome(job, checked, fetched, cache.answers())


def _outcome(job: CheckJob, checked: list[Checked], fetched: dict[str, Fetched], answers: list[Answer]) -> Outcome:
    results, thumbs = [c.result(job.shown, job.only) for c in checked], [c.thumbnail for c in checked]
    if job.encoded:  # sent to the server as one bytes object, not thousands of dicts to unpickle and encode
        return Outcome([], thumbs, fetched, answers, encode(results))
    return Outcome(results, thumbs, fetched, answers)


KEEP_CHECKED = 2  # stored checks whose checked files one process keeps (a 1 MiB paste's: about 60 MB)
_kept: OrderedDict[tuple[str, UsageProfile], list[Checked]] = OrderedDict()
_kept_lock = threading.Lock()


def _recall(reuse: str | None, profile: UsageProfile) -> list[Checked] | None:
    if reuse is None:
        return None
    with _kept_lock:
        kept = _kept.get((reuse, profile))
        if kept is not None:
            _kept.move_to_end((reuse, profile))
        return kept


def _keep(reuse: str | None, profile: UsageProfile, checked: list[Checked]) -> None:
    if reuse is None:
        return
    with _kept_lock:
        for key in [key for key in _kept if key[0] == reuse]:  # another profile of the same check: replaced
            del _kept[key]
        _kept[(reuse, profile)] = checked
        while len(_kept) > KEEP_CHECKED:
            _kept.popitem(last=False)


def _fetch(url: str, verifier: Verifier) -> Fetched:
    try:
        return FetchedPage.of(*url_source(url, verifier))
    except FetchError as exc:
        return str(exc)


def _check_page(url: str, page: Fetched, catalog: Catalog, profile: UsageProfile, verifier: Verifier) -> CheckedFile:
    if isinstance(page, str):
        return CheckedFile(url, "error", error=page)
    return check_source(page.source, catalog, profile, page.siblings(verifier), verifier)
