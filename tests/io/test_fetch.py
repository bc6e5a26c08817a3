"""The fetch guard against a real HTTP server on 127.0.0.1: what it fetches, and what it
refuses before any connection is made (the server's request log and the process's
socket connects show it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from provenance.errors import FetchError
from provenance.io.fetch import Fetcher, FetchPolicy, resolve_host
from provenance.io.fetch_rules import parse_allow
from tests import samples
from tests.localserver import LocalServer, Reply, tls_context

PAGE = b"<!doctype html><html><head><title>A page</title></head><body><p>Hello</p></body></html>"


def fetcher(allow: str = "127.0.0.1", **limits: float) -> Fetcher:
    settings = {"read_timeout": 0.5, "deadline": 5.0, **limits}
    return Fetcher(FetchPolicy(allow=parse_allow(allow), contact="desk@example.org", **settings))  # type: ignore[arg-type]


def test_fetches_a_page_with_a_descriptive_user_agent(local_server: LocalServer) -> None:
    local_server.routes["/page"] = Reply(PAGE)
    got = fetcher().get(local_server.url("/page"))
    assert (got.kind, got.body, got.status) == ("html", PAGE, 200)
    agent = local_server.log[0].headers["user-agent"]
    assert agent.startswith("provenance/")
    assert "contact: desk@example.org" in agent


def test_fetches_a_real_image_and_names_its_format(local_server: LocalServer) -> None:
    local_server.routes["/photo.png"] = Reply(samples.png(), content_type="image/png")
    got = fetcher().get(local_server.url("/photo.png"), expect=("image",))
    assert (got.kind, got.detail) == ("image", "png")


REFUSED = [
    pytest.param("ftp://127.0.0.1/{port}", "scheme", id="ftp: only http and https"),
    pytest.param("file:///etc/passwd", "scheme", id="a local file by URL"),
    pytest.param("http://user:secret@127.0.0.1:{port}/page", "credentials", id="credentials in the URL"),
    pytest.param("http://10.0.0.1/", "address", id="private range 10/8"),
    pytest.param("http://192.168.1.1:{port}/", "address", id="private range 192.168/16"),
    pytest.param("http://172.16.5.4/", "address", id="private range 172.16/12"),
    pytest.param("http://169.254.169.254/latest/meta-data/", "address", id="link-local: cloud metadata"),
    pytest.param("http://[::ffff:10.0.0.1]/", "address", id="IPv4-mapped IPv6 of a private address"),
    pytest.param("http://[2002:a00:1::1]/", "address", id="6to4 IPv6 embedding 10.0.0.1"),
    pytest.param("http://[fe80::1]/", "address", id="IPv6 link-local"),
    pytest.param("http://[fd00::1]/", "address", id="IPv6 unique local"),
    pytest.param("http://[::1]:{port}/", "address", id="IPv6 loopback, not allow-listed"),
    pytest.param("http://0.0.0.0:{port}/", "address", id="unspecified address"),
    pytest.param("http://224.0.0.1/", "address", id="multicast"),
    pytest.param("http://240.0.0.1/", "address", id="reserved range 240/4"),
    pytest.param("http://100.64.0.1/", "address", id="carrier-grade NAT: not globally routable"),
    pytest.param("http://127.0.0.2:{port}/", "address", id="loopback outside the allow-listed 127.0.0.1"),
]


@pytest.mark.parametrize(("template", "rule"), REFUSED)
def test_refuses_before_connecting(local_server: LocalServer, connects: list[str], template: str, rule: str) -> None:
    url = template.format(port=local_server.port)
    with pytest.raises(FetchError) as caught:
        fetcher().get(url)
    assert caught.value.rule == rule
    assert "refused" in str(caught.value)
    assert "secret" not in str(caught.value)
    assert connects == []
    assert local_server.log == []


def test_loopback_is_refused_without_the_allow_list(local_server: LocalServer, connects: list[str]) -> None:
    local_server.routes["/page"] = Reply(PAGE)
    with pytest.raises(FetchError, match="a loopback address"):
        fetcher(allow="").get(local_server.url("/page"))
    assert connects == []
    assert local_server.log == []


def test_follows_redirects_checking_each_hop(local_server: LocalServer) -> None:
    local_server.routes["/a"] = Reply(status=301, headers={"Location": "/b"})
    local_server.routes["/b"] = Reply(status=302, headers={"Location": local_server.url("/page")})
    local_server.routes["/page"] = Reply(PAGE)
    got = fetcher().get(local_server.url("/a"))
    assert got.body == PAGE
    assert got.url == local_server.url("/page")
    assert local_server.paths() == ["/a", "/b", "/page"]


REDIRECT_TARGETS = [
    pytest.param("http://169.254.169.254/latest/meta-data/", "address", id="to the cloud metadata address"),
    pytest.param("http://10.0.0.1/admin", "address", id="to a private address"),
    pytest.param("http://[::ffff:192.168.0.1]/", "address", id="to an IPv4-mapped private address"),
    pytest.param("file:///etc/passwd", "scheme", id="to a local file"),
    pytest.param("http://admin:pw@127.0.0.1/", "credentials", id="to a URL with credentials"),
]


@pytest.mark.parametrize(("target", "rule"), REDIRECT_TARGETS)
def test_a_redirect_to_a_refused_target_is_never_followed(local_server: LocalServer, connects: list[str],
                                                          target: str, rule: str) -> None:
    local_server.routes["/go"] = Reply(status=302, headers={"Location": target})
    with pytest.raises(FetchError) as caught:
        fetcher().get(local_server.url("/go"))
    assert caught.value.rule == rule
    assert local_server.paths() == ["/go"]
    assert set(connects) == {"127.0.0.1"}  # the first hop only


def test_redirects_are_bounded(local_server: LocalServer) -> None:
    local_server.routes["/loop"] = Reply(status=307, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetcher(max_redirects=3).get(local_server.url("/loop"))
    assert len(local_server.log) == 4


def test_a_slow_answer_times_out(local_server: LocalServer) -> None:
    local_server.routes["/slow"] = Reply(PAGE, delay=1.5)
    with pytest.raises(FetchError) as caught:
        fetcher(read_timeout=0.2).get(local_server.url("/slow"))
    assert caught.value.rule == "timeout"


def test_a_dripping_body_hits_the_total_deadline(local_server: LocalServer) -> None:
    local_server.routes["/drip"] = Reply(PAGE * 4, drip=0.1)  # about 2.2 s in all, 0.1 s between pieces
    with pytest.raises(FetchError) as caught:
        fetcher(read_timeout=1.0, deadline=0.5).get(local_server.url("/drip"))
    assert caught.value.rule == "deadline"


@pytest.mark.parametrize("chunked", [
    pytest.param(False, id="Content-Length over the cap: refused before the body is read"),
    pytest.param(True, id="chunked without a length: refused while streaming"),
])
def test_oversized_bodies_are_refused(local_server: LocalServer, chunked: bool) -> None:
    local_server.routes["/big"] = Reply(b"<html>" + b"x" * 300_000, chunked=chunked)
    with pytest.raises(FetchError, match="cap of 100000") as caught:
        fetcher().get(local_server.url("/big"), max_bytes=100_000)
    assert caught.value.rule == "size"


WRONG_TYPES = [
    pytest.param("image/jpeg", PAGE, ("image",), "declared image/jpeg but the bytes are html", id="HTML sent as JPEG"),
    pytest.param("text/html", samples.jpeg(), ("html", "image"), "the bytes are image", id="a JPEG sent as HTML"),
    pytest.param("image/png", b"GIF89a" + b"\x00" * 20, ("html",), "image content where html",
                 id="an image where a page was expected"),
    pytest.param("application/json", PAGE, ("json",), "the bytes are html", id="HTML sent as JSON"),
]


@pytest.mark.parametrize(("declared", "body", "expect", "message"), WRONG_TYPES)
def test_content_type_must_agree_with_the_bytes(local_server: LocalServer, declared: str, body: bytes,
                                                expect: tuple[str, ...], message: str) -> None:
    local_server.routes["/thing"] = Reply(body, content_type=declared)
    with pytest.raises(FetchError, match=message) as caught:
        fetcher().get(local_server.url("/thing"), expect=expect)
    assert caught.value.rule == "content-type"


def test_an_error_status_is_an_error(local_server: LocalServer) -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        fetcher().get(local_server.url("/nowhere"))


def test_connects_to_the_checked_address_not_a_second_lookup(local_server: LocalServer, connects: list[str]) -> None:
    """DNS rebinding: the name resolves to an allowed address once, then to a private one."""
    answers = [["127.0.0.1"], ["10.0.0.1"]]
    asked: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        asked.append(host)
        return answers.pop(0)

    local_server.routes["/page"] = Reply(PAGE)
    guard = Fetcher(FetchPolicy(allow=parse_allow("127.0.0.1")), resolver=rebinding)
    got = guard.get(f"http://rebind.example:{local_server.port}/page")
    assert got.body == PAGE
    assert asked == ["rebind.example"]
    assert local_server.log[0].headers["host"] == f"rebind.example:{local_server.port}"
    assert "10.0.0.1" not in connects


def test_a_name_with_any_refused_address_is_refused(local_server: LocalServer, connects: list[str]) -> None:
    guard = Fetcher(FetchPolicy(allow=parse_allow("127.0.0.1")), resolver=lambda h, p: ["127.0.0.1", "10.0.0.1"])
    with pytest.raises(FetchError, match="resolves to 10.0.0.1, a private address"):
        guard.get(f"http://mixed.example:{local_server.port}/")
    assert connects == []
    assert local_server.log == []


def test_an_allow_listed_host_name_is_let_through(local_server: LocalServer) -> None:
    local_server.routes["/page"] = Reply(PAGE)
    guard = Fetcher(FetchPolicy(allow=parse_allow("intranet.example")), resolver=lambda h, p: ["127.0.0.1"])
    assert guard.get(f"http://intranet.example:{local_server.port}/page").body == PAGE


def test_offline_makes_no_request(local_server: LocalServer, connects: list[str]) -> None:
    with pytest.raises(FetchError, match="offline"):
        Fetcher(FetchPolicy(offline=True, allow=parse_allow("127.0.0.1"))).get(local_server.url("/page"))
    assert connects == []
    assert local_server.log == []


def test_offline_is_the_default_in_tests() -> None:
    assert FetchPolicy.from_env().offline


def test_offline_still_says_why_a_url_would_be_refused(connects: list[str]) -> None:
    with pytest.raises(FetchError, match="169.254.169.254 is a link-local address"):
        Fetcher(FetchPolicy(offline=True)).get("http://169.254.169.254/latest/meta-data/")
    assert connects == []


def test_the_system_resolver_reads_ip_literals_without_the_network() -> None:
    assert resolve_host("127.0.0.1", 80) == ["127.0.0.1"]


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[LocalServer, Path]]:
    context, ca = tls_context(tmp_path, "news.test")
    server = LocalServer(tls=context).start()
    server.routes["/page"] = Reply(PAGE)
    try:
        yield server, ca
    finally:
        server.stop()


def test_https_to_the_pinned_address_checks_the_certificate_against_the_name(
        tls_server: tuple[LocalServer, Path]) -> None:
    server, ca = tls_server
    policy = FetchPolicy(allow=parse_allow("127.0.0.1"), verify=str(ca), read_timeout=2.0)
    guard = Fetcher(policy, resolver=lambda host, port: ["127.0.0.1"])
    assert guard.get(f"https://news.test:{server.port}/page").body == PAGE
    assert server.log[0].headers["host"] == f"news.test:{server.port}"


@pytest.mark.parametrize(("host", "ca"), [
    pytest.param("news.test", False, id="a certificate no trusted CA issued"),
    pytest.param("other.test", True, id="a certificate for another name"),
])
def test_https_refuses_a_certificate_that_does_not_fit(tls_server: tuple[LocalServer, Path], host: str,
                                                      ca: bool) -> None:
    server, ca_file = tls_server
    policy = FetchPolicy(allow=parse_allow("127.0.0.1"), verify=str(ca_file) if ca else True, read_timeout=2.0)
    guard = Fetcher(policy, resolver=lambda name, port: ["127.0.0.1"])
    with pytest.raises(FetchError, match=f"the TLS certificate does not prove it is {host}") as caught:
        guard.get(f"https://{host}:{server.port}/page")
    assert caught.value.rule == "tls"
    assert server.log == []


def test_an_internationalised_name_is_sent_in_its_idna_form(local_server: LocalServer) -> None:
    local_server.routes["/page"] = Reply(PAGE)
    guard = Fetcher(FetchPolicy(allow=parse_allow("127.0.0.1")), resolver=lambda host, port: ["127.0.0.1"])
    assert guard.get(f"http://bücher.example:{local_server.port}/page").body == PAGE
    assert local_server.log[0].headers["host"] == f"xn--bcher-kva.example:{local_server.port}"
