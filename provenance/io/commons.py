"""[edge] Looking files up on Wikimedia Commons through the fetch guard, with a cache.

The MediaWiki API (PROVENANCE_COMMONS_API, default the public Commons API) is
asked for imageinfo with extmetadata, url and sha1; a SHA-1 is first turned
into a title with list=allimages. Every answer is kept in a cache with the
time it was fetched (the database, through provenance.store.commons_cache, or
memory for one run). Offline (PROVENANCE_OFFLINE or --offline), only the cache
is read and no request is made at all.
"""

from __future__ import annotations

import datetime
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlencode

from ..errors import FetchError, ProvenanceError
from ..metadata.commons import (
    ORIGIN,
    CommonsFile,
    CommonsRef,
    api_params,
    commons_evidence,
    mentions_commons,
    not_found_evidence,
    parse_imageinfo,
    refs_in_evidence,
    titles_by_sha1,
)
from ..model import Evidence
from .fetch import Fetcher, FetchPolicy

API_ENV = "PROVENANCE_COMMONS_API"
FAILED = "Commons API lookup failed"  # the name of the claim made when Commons could not be asked
DEFAULT_API = "https://commons.wikimedia.org/w/api.php"
MAX_ANSWER = 2 * 1024 * 1024
FRESH = datetime.timedelta(days=30)
Sha1 = str | Callable[[], str | None] | None  # the image's SHA-1, or how to work it out when needed


def utcnow() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


class AnswerCache(Protocol):
    def get(self, api: str, key: str) -> tuple[str, datetime.datetime] | None: ...

    def put(self, api: str, key: str, answer: str, fetched_at: datetime.datetime) -> None: ...


class MemoryCache:
    """A cache for one run, when no database is configured."""

    def __init__(self) -> None:
        self.answers: dict[tuple[str, str], tuple[str, datetime.datetime]] = {}

    def get(self, api: str, key: str) -> tuple[str, datetime.datetime] | None:
        return self.answers.get((api, key))

    def put(self, api: str, key: str, answer: str, fetched_at: datetime.datetime) -> None:
        self.answers[(api, key)] = (answer, fetched_at)


Answer = tuple[str, str, str, datetime.datetime]  # (API, key, answer, fetched at), as AnswerCache.put takes them


class LaterCache:
    """Reads answers from `store` (when given); keeps new ones here, for whoever owns the store to
    write later: the dashboard's checks run beside its archive writes, and write in their queue."""

    def __init__(self, store: AnswerCache | None = None) -> None:
        self.store = store
        self.new: dict[tuple[str, str], tuple[str, datetime.datetime]] = {}
        self.read: dict[tuple[str, str], tuple[str, datetime.datetime] | None] = {}  # by `prefetch`

    def get(self, api: str, key: str) -> tuple[str, datetime.datetime] | None:
        kept = self.new.get((api, key))
        if kept or self.store is None:
            return kept
        return self.read[(api, key)] if (api, key) in self.read else self.store.get(api, key)

    def prefetch(self, api: str, keys: list[str]) -> None:
        """Read the store's answers for these keys at once (a store with `get_many`), so that `get`
        asks it nothing more about them: a digest of thousands of captions links hundreds of files."""
        get_many = getattr(self.store, "get_many", None)
        wanted = [key for key in dict.fromkeys(keys) if (api, key) not in self.read]
        if get_many is None or not wanted:
            return
        found = get_many(api, wanted)
        self.read.update({(api, key): found.get(key) for key in wanted})

    def put(self, api: str, key: str, answer: str, fetched_at: datetime.datetime) -> None:
        self.new[(api, key)] = (answer, fetched_at)

    def answers(self) -> list[Answer]:
        """The answers fetched since this cache was made, to be written to the store."""
        return [(api, key, answer, when) for (api, key), (answer, when) in self.new.items()]


@dataclass(frozen=True)
class Lookup:
    ref: CommonsRef
    file: CommonsFile | None
    fetched_at: datetime.datetime
    cached: bool


class CommonsClient:
    """Asks the Commons API about files, at most one request every `interval` seconds."""

    def __init__(self, fetcher: Fetcher | None = None, *, api: str | None = None, cache: AnswerCache | None = None,
                 interval: float = 0.0, sleep: Callable[[float], None] = time.sleep) -> None:
        self.fetcher = fetcher or Fetcher(FetchPolicy.from_env())
        self.api = api or os.environ.get(API_ENV) or DEFAULT_API
        self.cache = cache or MemoryCache()
        self.interval, self.sleep, self.requests, self._last = interval, sleep, 0, 0.0

    @property
    def offline(self) -> bool:
        return self.fetcher.policy.offline

    def lookup(self, ref: CommonsRef) -> Lookup | None:
        """The file a reference names (None inside Lookup when Commons has none); None offline and uncached."""
        if ref.kind == "sha1":
            answer = self._answer(ref)
            if answer is None:
                return None
            titles = titles_by_sha1(answer[0], ref)
            if not titles:
                return Lookup(ref, None, answer[1], answer[2])
            found = self.lookup(CommonsRef("title", titles[0]))
            return Lookup(ref, found.file, found.fetched_at, found.cached) if found else None
        answer = self._answer(ref)
        return Lookup(ref, parse_imageinfo(answer[0], ref), answer[1], answer[2]) if answer else None

    def _answer(self, ref: CommonsRef) -> tuple[Any, datetime.datetime, bool] | None:
        stored = self.cache.get(self.api, ref.key)
        if stored and (self.offline or utcnow() - _aware(stored[1]) < FRESH):
            return json.loads(stored[0]), stored[1], True
        if self.offline:
            return None
        text = self._request(ref)
        fetched_at = utcnow()
        self.cache.put(self.api, ref.key, text, fetched_at)
        return json.loads(text), fetched_at, False

    def _request(self, ref: CommonsRef) -> str:
        wait = self._last + self.interval - time.monotonic()
        if wait > 0:
            self.sleep(wait)
        self._last = time.monotonic()
        self.requests += 1
        url = f"{self.api}?{urlencode(api_params(ref))}"
        body = self.fetcher.get(url, expect=("json",), max_bytes=MAX_ANSWER).body
        try:
            json.loads(body)
        except ValueError as exc:
            raise FetchError(url, "content-type", f"the Commons API answered with invalid JSON ({exc})") from None
        return body.decode("utf-8")

    def prefetch(self, refs: list[CommonsRef]) -> None:
        """Read the cache's answers about these files at once, where the cache can (LaterCache)."""
        if isinstance(self.cache, LaterCache):
            self.cache.prefetch(self.api, [ref.key for ref in refs])

    def evidence(self, evidence: list[Evidence], sha1: Sha1 = None) -> list[Evidence]:
        """Commons evidence for every file the evidence points to; by the image's SHA-1 when a
        caption names Wikimedia Commons without saying which file."""
        refs = refs_in_evidence(evidence)
        if not refs and sha1 and mentions_commons(evidence):
            digest = sha1() if callable(sha1) else sha1
            refs = [CommonsRef("sha1", digest.lower())] if digest else []
        found: list[Evidence] = []
        for ref in refs:
            found.extend(self.evidence_for(ref))
        return found

    def evidence_for(self, ref: CommonsRef) -> list[Evidence]:
        try:
            result = self.lookup(ref)
        except ProvenanceError as exc:
            why = exc.problem if isinstance(exc, FetchError) else str(exc)
            return [Evidence("unverified", f"Wikimedia Commons could not be asked about {ref.value} ({why})",
                             ORIGIN, FAILED, location=ref.key)]
        if result is None:
            return []
        if result.file is None:
            return not_found_evidence(ref)
        when = Evidence("fetched_at", result.fetched_at.isoformat(timespec="seconds"), ORIGIN,
                        "Commons API answer, fetched at", location=result.file.title)
        return [*commons_evidence(result.file), when]


def _aware(moment: datetime.datetime) -> datetime.datetime:
    """SQLite hands back naive datetimes: they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)
