"""[edge] Fetching URLs behind one guard: the only module that uses requests.

Every hop (the URL and each redirect) is checked before anything is sent:
http or https only, no credentials in the URL, and the host's resolved
addresses must all be public (loopback, private, link-local, multicast,
reserved and unspecified addresses, IPv4 and IPv6, are refused unless
PROVENANCE_FETCH_ALLOW lists the host or a range holding the address). The
connection goes to the address that was checked, never to a second lookup of
the name, so DNS rebinding cannot slip a private address in; TLS still checks
the certificate against the host name. Redirects are followed here, one by
one, at most `max_redirects`. Connect and read timeouts bound every wait and a
deadline bounds the whole fetch; the size cap is enforced while streaming; the
declared content type must agree with the bytes. No proxy, .netrc or cookie
from the environment is used.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import SplitResult, urljoin

import requests
from requests.adapters import HTTPAdapter
from urllib3 import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import HTTPError as TransportError
from urllib3.exceptions import ReadTimeoutError

from ..errors import FetchError
from .fetch_rules import (
    AllowList,
    IPAddress,
    check_body,
    check_url,
    literal_address,
    parse_allow,
    redact,
    refuse_addresses,
)

ALLOW_ENV, CONTACT_ENV, OFFLINE_ENV = "PROVENANCE_FETCH_ALLOW", "PROVENANCE_FETCH_CONTACT", "PROVENANCE_OFFLINE"
REDIRECTS = (301, 302, 303, 307, 308)
SNIFF_BYTES = 2048
Resolver = Callable[[str, int], list[str]]


def resolve_host(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for host (IPv4 and IPv6)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def offline_from_env() -> bool:
    return os.environ.get(OFFLINE_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def user_agent(contact: str | None) -> str:
    try:
        release = version("provenance")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        release = "dev"
    who = f"; contact: {contact}" if contact else ""
    return f"provenance/{release} (image provenance and licensing checker{who})"


@dataclass(frozen=True)
class FetchPolicy:
    """The guard's settings. `from_env` reads PROVENANCE_FETCH_ALLOW, _CONTACT and PROVENANCE_OFFLINE."""

    allow: AllowList = field(default_factory=AllowList)
    contact: str | None = None
    offline: bool = False
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    deadline: float = 60.0
    max_bytes: int = 25 * 1024 * 1024
    max_redirects: int = 5
    verify: bool | str = True  # a CA bundle path for a private CA

    @classmethod
    def from_env(cls, **overrides: object) -> FetchPolicy:
        found = {"allow": parse_allow(os.environ.get(ALLOW_ENV)), "contact": os.environ.get(CONTACT_ENV) or None,
                 "offline": offline_from_env()}
        return cls(**{**found, **overrides})  # type: ignore[arg-type]


@dataclass(frozen=True)
class Fetched:
    url: str  # where the body came from, after redirects
    requested: str
    status: int
    content_type: str
    kind: str  # image, html, json, text: what the bytes are
    detail: str  # the image format, for an image
    body: bytes
    redirects: tuple[str, ...] = ()


class _PinnedAdapter(HTTPAdapter):
    """Connects to one checked address, whatever the URL's host name resolves to now."""

    def __init__(self, address: IPAddress) -> None:
        super().__init__(max_retries=0)
        self.address = address
        self.pools: list[HTTPConnectionPool] = []

    def get_connection_with_tls_context(self, request, verify, proxies=None, cert=None):  # type: ignore[no-untyped-def]
        parts = check_url(request.url)
        host = str(self.address)
        if parts.scheme == "https":
            pool: HTTPConnectionPool = HTTPSConnectionPool(host, parts.port or 443, maxsize=1,
                                                           server_hostname=parts.hostname,
                                                           assert_hostname=parts.hostname)
        else:
            pool = HTTPConnectionPool(host, parts.port or 80, maxsize=1)
        self.pools.append(pool)
        return pool

    def close(self) -> None:
        for pool in self.pools:
            pool.close()
        super().close()


def _send_error(url: str, parts: SplitResult, exc: requests.RequestException) -> FetchError:
    """What went wrong sending a request, in words."""
    if isinstance(exc, requests.Timeout):
        return FetchError(redact(url), "timeout", "timed out waiting for the server")
    if isinstance(exc, requests.exceptions.SSLError):
        return FetchError(redact(url), "tls", f"refused: the TLS certificate does not prove it is {parts.hostname} "
                          "(untrusted issuer, another name, or expired)")
    return FetchError(redact(url), "connection", f"could not be fetched ({type(exc).__name__})")


def _ascii_host(parts: SplitResult) -> str:
    """The host as it goes in the Host header: an internationalised name in its IDNA (punycode) form."""
    host = parts.hostname or ""
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        raise FetchError(redact(parts.geturl()), "url", f"refused: {host!r} is not a valid host name") from None


class Fetcher:
    """GET a URL through the guard. `resolver` is the name lookup (the system's by default)."""

    def __init__(self, policy: FetchPolicy | None = None, resolver: Resolver = resolve_host) -> None:
        self.policy = policy or FetchPolicy.from_env()
        self.resolver = resolver

    def get(self, url: str, expect: tuple[str, ...] = ("html", "image"), max_bytes: int | None = None) -> Fetched:
        """The body of url (following redirects, each one checked), if every rule allows it."""
        self._precheck(url)
        deadline = time.monotonic() + self.policy.deadline
        hops: list[str] = []
        current = url
        while True:
            response, adapter = self._send(current, deadline)
            try:
                target = self._redirect(current, response, hops)
                if target is None:
                    return self._read(url, current, response, deadline, expect, max_bytes, tuple(hops))
            finally:
                response.close()
                adapter.close()
            current = target

    def _precheck(self, url: str) -> None:
        """What is refused before any lookup: the URL's form, an address it names directly, offline mode."""
        parts = check_url(url)
        literal = literal_address(parts.hostname or "")
        if literal is not None:
            refuse_addresses(url, parts.hostname or "", [str(literal)], self.policy.allow)
        if self.policy.offline:
            raise FetchError(redact(url), "offline", "not fetched: offline mode (PROVENANCE_OFFLINE) makes no request")

    def _redirect(self, current: str, response: requests.Response, hops: list[str]) -> str | None:
        if response.status_code not in REDIRECTS:
            return None
        location = response.headers.get("Location")
        if not location:
            raise FetchError(redact(current), "redirect", f"HTTP {response.status_code} redirect without a Location")
        if len(hops) >= self.policy.max_redirects:
            raise FetchError(redact(current), "redirects",
                             f"refused: more than {self.policy.max_redirects} redirects")
        target = urljoin(current, location)
        hops.append(target)
        return target

    def _send(self, url: str, deadline: float) -> tuple[requests.Response, _PinnedAdapter]:
        parts = check_url(url)
        address = self._address(url, parts)
        adapter = _PinnedAdapter(address)
        request = requests.Request("GET", url, headers=self._headers(parts)).prepare()
        try:
            # the adapter sends one request and never follows a redirect (allow_redirects is a Session's)
            response = adapter.send(request, stream=True, timeout=self._timeouts(url, deadline),
                                    verify=self.policy.verify)
        except requests.RequestException as exc:
            adapter.close()
            raise _send_error(url, parts, exc) from None
        return response, adapter

    def _address(self, url: str, parts: SplitResult) -> IPAddress:
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            addresses = self.resolver(host, port)
        except (OSError, UnicodeError) as exc:
            raise FetchError(redact(url), "dns", f"refused: the host {host} cannot be resolved ({exc})") from None
        return refuse_addresses(url, host, addresses, self.policy.allow)

    def _headers(self, parts: SplitResult) -> dict[str, str]:
        host = _ascii_host(parts)
        shown = f"[{host}]" if ":" in host else host
        return {"Host": f"{shown}:{parts.port}" if parts.port else shown, "User-Agent": user_agent(self.policy.contact),
                "Accept-Encoding": "gzip, deflate", "Accept": "*/*", "Connection": "close"}

    def _timeouts(self, url: str, deadline: float) -> tuple[float, float]:
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchError(redact(url), "deadline", f"gave up after {self.policy.deadline:g} s (the total deadline)")
        return min(self.policy.connect_timeout, left), min(self.policy.read_timeout, left)

    def _read(self, requested: str, url: str, response: requests.Response, deadline: float,
              expect: tuple[str, ...], max_bytes: int | None, hops: tuple[str, ...]) -> Fetched:
        if response.status_code != 200:
            raise FetchError(redact(url), "status", f"the server answered HTTP {response.status_code}")
        cap = min(max_bytes or self.policy.max_bytes, self.policy.max_bytes)
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(redact(url), "size", f"refused: {declared} bytes, over the cap of {cap}")
        content_type = response.headers.get("Content-Type", "")
        body = self._stream(url, response, deadline, cap)
        kind, detail = check_body(url, content_type, body[:SNIFF_BYTES], expect)
        return Fetched(url, requested, response.status_code, content_type, kind, detail, body, hops)

    def _stream(self, url: str, response: requests.Response, deadline: float, cap: int) -> bytes:
        chunks: list[bytes] = []
        size = 0
        try:
            while chunk := response.raw.read1(64 * 1024, decode_content=True):
                size += len(chunk)
                if size > cap:
                    raise FetchError(redact(url), "size", f"refused: the body grew past the cap of {cap} bytes")
                if time.monotonic() > deadline:
                    raise FetchError(redact(url), "deadline",
                                     f"gave up after {self.policy.deadline:g} s (the total deadline)")
                chunks.append(chunk)
        except (ReadTimeoutError, TimeoutError):
            raise FetchError(redact(url), "timeout", "timed out reading the body") from None
        except (TransportError, requests.RequestException, OSError) as exc:
            raise FetchError(redact(url), "connection", f"the body could not be read ({type(exc).__name__})") from None
        return b"".join(chunks)
