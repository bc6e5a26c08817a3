"""The fetch guard's rules, as pure functions: which URLs, addresses and bodies are refused.

No I/O here: provenance.io.fetch resolves names, connects and streams, and asks
these functions at every step. Each refusal is a FetchError naming the URL and
the rule, so a person can tell why a link was not followed.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit, urlunsplit

from ..errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
SCHEMES = ("http", "https")
# (property of ipaddress, the rule's name in messages), checked in this order
ADDRESS_RULES = (
    ("is_unspecified", "unspecified"),
    ("is_loopback", "loopback"),
    ("is_link_local", "link-local"),
    ("is_multicast", "multicast"),
    ("is_reserved", "reserved"),
    ("is_private", "private"),
)
IMAGE_SIGNATURES = (
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)
HEIF_BRANDS = (b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis", b"avif")
HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title", b"<article", b"<figure",
                b"<div", b"<p>", b"<p ", b"<img", b"<!--", b"<script", b"<link")
DECLARED = {
    "text/html": "html", "application/xhtml+xml": "html", "application/json": "json",
    "text/plain": "text", "text/markdown": "text", "text/x-markdown": "text",
    "application/octet-stream": "binary", "": "binary",
}


def redact(url: str) -> str:
    """The URL as it may be shown: any user name or password replaced by ***."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1]))


def check_url(url: str) -> SplitResult:
    """The URL split, if its form is allowed: http(s), a host, no credentials."""
    shown = redact(url)
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError as exc:
        raise FetchError(shown, "url", f"refused: not a valid URL ({exc})") from None
    if parts.scheme.lower() not in SCHEMES:
        raise FetchError(shown, "scheme", f"refused: only http and https URLs are fetched, not {parts.scheme!r}")
    if "@" in parts.netloc:
        raise FetchError(shown, "credentials", "refused: URLs with a user name or password are not fetched")
    if not parts.hostname:
        raise FetchError(shown, "url", "refused: the URL names no host")
    return parts


@dataclass(frozen=True)
class AllowList:
    """What PROVENANCE_FETCH_ALLOW lets through although the address rules refuse it."""

    hosts: frozenset[str] = frozenset()
    networks: tuple[IPNetwork, ...] = ()

    def allows(self, host: str, address: IPAddress) -> bool:
        return host.lower().rstrip(".") in self.hosts or any(address in net for net in self.networks)


def parse_allow(text: str | None) -> AllowList:
    """'127.0.0.1, 10.1.0.0/16, intranet.example' -> host names and CIDR ranges."""
    hosts: set[str] = set()
    networks: list[IPNetwork] = []
    for entry in (e.strip() for e in (text or "").split(",")):
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            hosts.add(entry.lower().rstrip("."))
    return AllowList(frozenset(hosts), tuple(networks))


def _embedded_ipv4(address: IPAddress) -> IPAddress | None:
    """The IPv4 address hidden in an IPv4-mapped, 6to4 or Teredo IPv6 address."""
    if isinstance(address, ipaddress.IPv4Address):
        return None
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address.sixtofour:
        return address.sixtofour
    return address.teredo[1] if address.teredo else None


def address_rule(address: IPAddress) -> str | None:
    """The name of the rule that refuses this address, or None for a public address."""
    inner = _embedded_ipv4(address)
    if inner is not None:
        found = address_rule(inner)
        return f"{found} (inside the IPv6 address {address})" if found else None
    for attribute, name in ADDRESS_RULES:
        if getattr(address, attribute):
            return name
    return None if address.is_global else "not globally routable"


def refuse_addresses(url: str, host: str, addresses: list[str], allow: AllowList) -> IPAddress:
    """The address to connect to, if every address the host resolved to is allowed."""
    if not addresses:
        raise FetchError(redact(url), "dns", f"refused: {host} resolved to no address")
    parsed = [ipaddress.ip_address(a.split("%", 1)[0]) for a in addresses]
    for address in parsed:
        rule = address_rule(address)
        if rule and not allow.allows(host, address):
            what = f"{host} is" if host.strip("[]") == str(address) else f"{host} resolves to {address},"
            raise FetchError(redact(url), "address",
                             f"refused: {what} a {rule} address (allow it with PROVENANCE_FETCH_ALLOW)")
    return parsed[0]


def literal_address(host: str) -> IPAddress | None:
    """The address a URL names directly ('10.0.0.1', '::1'), or None for a host name."""
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def sniff(head: bytes) -> tuple[str, str]:
    """(kind, detail) of a body from its first bytes: image/html/json/text/binary."""
    for signature, fmt in IMAGE_SIGNATURES:
        if head.startswith(signature):
            return "image", fmt
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image", "webp"
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        return "image", "heif"
    if b"\x00" in head:
        return "binary", ""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text[:1] in (b"{", b"["):
        return "json", ""
    if text.startswith(b"<") and any(marker in text[:2048] for marker in HTML_MARKERS):
        return "html", ""
    return "text", ""


def declared_kind(content_type: str | None) -> str:
    """The kind a Content-Type header claims: 'image/jpeg; x' -> image."""
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media.startswith("image/"):
        return "image"
    if media.endswith("+json"):
        return "json"
    return DECLARED.get(media, media)


def check_body(url: str, content_type: str | None, head: bytes, expect: tuple[str, ...]) -> tuple[str, str]:
    """(kind, detail) of a body whose declared type agrees with its bytes and is one we expect."""
    declared, (kind, detail) = declared_kind(content_type), sniff(head)
    agrees = declared == kind or (declared == "html" and kind == "text") or (declared == "binary" and kind == "image")
    if not agrees:
        raise FetchError(redact(url), "content-type",
                         f"refused: declared {content_type or 'no content type'!s} but the bytes are {kind}")
    if kind not in expect:
        raise FetchError(redact(url), "content-type",
                         f"refused: {kind} content where {' or '.join(expect)} was expected")
    return kind, detail
