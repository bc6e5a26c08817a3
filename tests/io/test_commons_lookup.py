"""Asking the Commons API, against a local server that answers in the MediaWiki API's shape:
the requests made, the cache in the database, offline mode, the rate limit, failures."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from provenance.io.commons import DEFAULT_API, CommonsClient, LaterCache, MemoryCache
from provenance.io.fetch import Fetcher, FetchPolicy
from provenance.io.fetch_rules import parse_allow
from provenance.metadata.commons import CommonsRef
from provenance.model import Evidence
from provenance.store.commons_cache import GET_MANY, StoreCache
from provenance.store.repository import open_store
from tests import commons_api
from tests.conftest_db import BACKENDS, new_database
from tests.localserver import LocalServer, Reply

SHA1 = "3c1a4c5fa1b8e9ef4a7ae1b1ec6b3e1f0cbbe0f2"
TITLE = "File:Bridge at dusk.jpg"
META = commons_api.extmetadata("<bdi>Jane Doe</bdi>", "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0")


def mediawiki(query: dict[str, list[str]]) -> Reply:
    """The API at /w/api.php: one file, found by title, page id or SHA-1."""
    answer: dict[str, Any]
    if query.get("list") == ["allimages"]:
        answer = commons_api.allimages([TITLE] if query.get("aisha1") == [SHA1] else [], query["aisha1"][0])
    elif query.get("titles") == [TITLE] or query.get("pageids") == ["4242"]:
        answer = commons_api.imageinfo(TITLE, META, sha1=SHA1)
    else:
        answer = commons_api.missing(query.get("titles", ["File:?"])[0])
    return Reply(json.dumps(answer).encode(), content_type="application/json; charset=utf-8")


@pytest.fixture
def api(local_server: LocalServer) -> LocalServer:
    local_server.routes["/w/api.php"] = mediawiki
    return local_server


@pytest.fixture(params=BACKENDS)
def sessions(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    """The cache in SQLite, and in PostgreSQL when the tests have one."""
    for url in new_database(request.param, tmp_path):
        engine, factory = open_store(url)
        yield factory
        engine.dispose()


def client(server: LocalServer, cache: Any = None, offline: bool = False, **options: Any) -> CommonsClient:
    policy = FetchPolicy(allow=parse_allow("127.0.0.1"), offline=offline, read_timeout=2.0)
    return CommonsClient(Fetcher(policy), api=server.url("/w/api.php"), cache=cache or MemoryCache(), **options)


def fields(evidence: list[Evidence]) -> dict[str, str]:
    return {e.field: e.value for e in evidence}


def test_looks_a_file_up_by_title_with_the_right_query(api: LocalServer) -> None:
    found = fields(client(api).evidence_for(CommonsRef("title", TITLE)))
    assert (found["creator"], found["license"]) == ("Jane Doe", "CC BY-SA 4.0")
    query = api.log[0].query
    assert (query["action"], query["prop"], query["iiprop"], query["titles"]) == (
        ["query"], ["imageinfo"], ["extmetadata|url|sha1"], [TITLE])
    assert api.log[0].headers["user-agent"].startswith("provenance/")


def test_a_sha1_is_found_through_allimages(api: LocalServer) -> None:
    found = fields(client(api).evidence_for(CommonsRef("sha1", SHA1)))
    assert found["sha1"] == SHA1
    assert [s.query.get("list", s.query.get("prop")) for s in api.log] == [["allimages"], ["imageinfo"]]


def test_a_caption_naming_commons_is_verified_by_the_image_sha1(api: LocalServer) -> None:
    caption = [Evidence("via", "Wikimedia Commons", "caption", "caption credit")]
    found = client(api).evidence(caption, sha1=SHA1.upper())
    assert fields(found)["creator"] == "Jane Doe"
    assert client(api).evidence([Evidence("creator", "Jane Doe", "caption", "x")], sha1=SHA1) == []  # no claim


def test_a_missing_file_says_so(api: LocalServer) -> None:
    found = client(api).evidence_for(CommonsRef("title", "File:Nope.jpg"))
    assert fields(found) == {"unverified": "Wikimedia Commons has no file for File:Nope.jpg"}


def test_answers_are_cached_in_the_database_with_their_fetch_time(api: LocalServer,
                                                                 sessions: sessionmaker[Session]) -> None:
    first = client(api, StoreCache(sessions)).lookup(CommonsRef("title", TITLE))
    again = client(api, StoreCache(sessions)).lookup(CommonsRef("title", TITLE))
    assert first is not None
    assert again is not None
    assert (first.cached, again.cached, len(api.log)) == (False, True, 1)
    assert again.fetched_at.replace(tzinfo=None) == first.fetched_at.replace(tzinfo=None)


def test_offline_reads_the_cache_and_makes_no_request(api: LocalServer, sessions: sessionmaker[Session]) -> None:
    assert client(api, StoreCache(sessions), offline=True).evidence_for(CommonsRef("title", TITLE)) == []
    assert api.log == []
    client(api, StoreCache(sessions)).lookup(CommonsRef("title", TITLE))
    offline = client(api, StoreCache(sessions), offline=True)
    assert fields(offline.evidence_for(CommonsRef("title", TITLE)))["creator"] == "Jane Doe"
    assert (len(api.log), offline.requests) == (1, 0)


def test_a_check_reads_the_stored_answers_about_its_files_at_once(api: LocalServer,
                                                                   sessions: sessionmaker[Session]) -> None:
    """A digest links hundreds of files: their stored answers are read in one go (GET_MANY keys a query),
    and then each lookup answers from them, as `get` would, without a request; an unknown file is None."""
    client(api, StoreCache(sessions)).lookup(CommonsRef("title", TITLE))
    store = StoreCache(sessions)
    refs = [CommonsRef("title", TITLE), *(CommonsRef("pageid", str(n)) for n in range(GET_MANY + 20))]
    assert store.get_many(DEFAULT_API, [ref.key for ref in refs]) == {}  # another API's answers: none
    found = store.get_many(api.url("/w/api.php"), [ref.key for ref in refs])
    assert found == {refs[0].key: store.get(api.url("/w/api.php"), refs[0].key)}
    cache = LaterCache(store)
    offline = client(api, cache, offline=True)
    offline.prefetch(refs)
    assert len(cache.read) == len(refs)
    assert fields(offline.evidence_for(refs[0]))["creator"] == "Jane Doe"
    assert offline.evidence_for(refs[1]) == []  # offline, and no stored answer
    assert (len(api.log), offline.requests) == (1, 0)


def test_requests_keep_to_the_rate(api: LocalServer) -> None:
    waits: list[float] = []
    slow = client(api, interval=30.0, sleep=waits.append)
    slow.lookup(CommonsRef("title", TITLE))
    slow.lookup(CommonsRef("pageid", "4242"))
    assert len(waits) == 1
    assert 29 < waits[0] <= 30


@pytest.mark.parametrize(("reply", "problem"), [
    (Reply(b"<html><body>Maintenance</body></html>"), "html content where json was expected"),
    # an HTML maintenance page instead of JSON
    (Reply(b"<html><body>Hi</body></html>", content_type="application/json"), "the bytes are html"),
    # HTML that claims to be JSON
    (Reply(b'{"error": {"code": "ratelimited", "info": "slow down"}}', content_type="application/json"),
     "error ratelimited: slow down"),  # the API's own error answer
    (Reply(b"{}", status=503, content_type="application/json"), "HTTP 503"),  # the server is down
])
def test_a_failed_lookup_is_a_reason_to_verify(local_server: LocalServer, reply: Reply, problem: str) -> None:
    local_server.routes["/w/api.php"] = reply
    found = client(local_server).evidence_for(CommonsRef("title", TITLE))
    assert len(found) == 1
    assert found[0].field == "unverified"
    assert problem in found[0].value
