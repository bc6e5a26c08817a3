"""The fetch guard's rules as pure functions: addresses, the allow list, sniffing, redaction."""

from __future__ import annotations

import ipaddress

import pytest

from provenance.errors import FetchError
from provenance.io.fetch_rules import address_rule, check_body, declared_kind, parse_allow, redact, sniff

# (address, the rule that refuses it, or None for a public address)
ADDRESSES = [
    ("93.184.215.14", None),  # a public IPv4 address
    ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", None),  # a public IPv6 address
    ("127.0.0.1", "loopback"),
    ("::1", "loopback"),
    ("10.1.2.3", "private"),
    ("172.31.255.255", "private"),  # the top of 172.16/12
    ("192.168.0.1", "private"),
    ("169.254.169.254", "link-local"),  # cloud metadata
    ("fe80::1", "link-local"),
    ("224.0.0.251", "multicast"),
    ("ff02::1", "multicast"),
    ("0.0.0.0", "unspecified"),
    ("::", "unspecified"),
    ("240.0.0.1", "reserved"),
    ("100.64.0.1", "not globally routable"),  # carrier-grade NAT
    ("fd12:3456::1", "private"),  # IPv6 unique local
    ("::ffff:127.0.0.1", "loopback (inside the IPv6 address ::ffff:7f00:1)"),  # IPv4-mapped
    ("2002:c0a8:101::1", "private (inside the IPv6 address 2002:c0a8:101::1)"),  # 6to4 of 192.168.1.1
]


@pytest.mark.parametrize(("address", "rule"), ADDRESSES)
def test_address_rule(address: str, rule: str | None) -> None:
    assert address_rule(ipaddress.ip_address(address)) == rule


def test_allow_list_takes_hosts_and_ranges() -> None:
    allow = parse_allow(" 127.0.0.1 , 10.20.0.0/16, Intranet.Example. ,, ")
    assert allow.allows("x", ipaddress.ip_address("10.20.3.4"))
    assert allow.allows("intranet.example", ipaddress.ip_address("10.9.9.9"))
    assert not allow.allows("x", ipaddress.ip_address("10.21.0.1"))


# (first bytes, kind)
SNIFFED = [
    (b"\xff\xd8\xff\xe0rest", "image"),  # JPEG
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image"),  # WebP
    (b"\x00\x00\x00\x18ftypheic", "image"),  # HEIC
    (b"\xef\xbb\xbf  <!DOCTYPE html><html>", "html"),  # HTML after a BOM and spaces
    (b'  {"query": {}}', "json"),
    (b"Photo: Jane Doe/AP", "text"),
    (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "text"),  # SVG is no image here
    (b"PK\x03\x04\x00\x00", "binary"),  # a zip
]


@pytest.mark.parametrize(("head", "kind"), SNIFFED)
def test_sniff(head: bytes, kind: str) -> None:
    assert sniff(head)[0] == kind


@pytest.mark.parametrize(("declared", "kind"), [
    ("image/svg+xml", "image"), ("application/ld+json; charset=utf-8", "json"), ("TEXT/HTML", "html"),
    (None, "binary"),  # no Content-Type at all
])
def test_declared_kind(declared: str | None, kind: str) -> None:
    assert declared_kind(declared) == kind


def test_an_svg_declared_as_an_image_is_refused() -> None:
    with pytest.raises(FetchError, match="declared image/svg"):
        check_body("https://x.example/a.svg", "image/svg+xml", b"<svg xmlns='http://www.w3.org/2000/svg'/>",
                   ("image",))


def test_redact_hides_credentials_only() -> None:
    assert redact("https://user:pw@host.example/a?b=1") == "https://***@host.example/a?b=1"
    assert redact("https://host.example/a@b") == "https://host.example/a@b"
