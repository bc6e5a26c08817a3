"""Which parser reads an XMP packet: the standard library's C parser for UTF-8 with no document type
declaration, defusedxml for every other packet. Both give the same values; a DTD is refused."""

from __future__ import annotations

import pytest

from provenance.errors import XmpError
from provenance.metadata import xmp

BODY = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:source="José Roe">'
        '<dc:rights><rdf:Alt><rdf:li xml:lang="en-US">© José Roe</rdf:li>'
        '<rdf:li xml:lang="x-default">© J. Roe</rdf:li></rdf:Alt></dc:rights>'
        '</rdf:Description></rdf:RDF></x:xmpmeta>')
VALUES = [("dc:source", "José Roe", None), ("dc:rights", "© J. Roe", "x-default"), ("dc:rights", "© José Roe", "en-US")]

PACKETS = [
    pytest.param(BODY.encode("utf-8"), True, id="UTF-8: the C parser"),
    pytest.param(BODY, True, id="text (a PNG's iTXt): the C parser"),
    pytest.param(b"\xef\xbb\xbf" + BODY.encode("utf-8"), True, id="UTF-8 after a byte order mark: the C parser"),
    pytest.param(b'<?xml version="1.0" encoding="UTF-8"?>' + BODY.encode("utf-8"), True,
                 id="declared UTF-8: the C parser"),
    pytest.param(b'<?xml version="1.0" encoding="ISO-8859-1"?>' + BODY.encode("latin-1"), False,
                 id="declared Latin-1: defusedxml, which honours the declaration"),
    # expat follows the declaration, as before (the values are then mojibake)
    pytest.param(b'\xef\xbb\xbf<?xml version="1.0" encoding="ISO-8859-1"?>' + BODY.encode("utf-8"), False,
                 id="declared Latin-1 after a UTF-8 mark: defusedxml decides"),
    pytest.param(BODY.encode("utf-16"), False, id="UTF-16 with its mark: defusedxml"),
    pytest.param(BODY.encode("utf-16-be") + "\x00\x00  ".encode("utf-16-be"), False,
                 id="UTF-16 big-endian without a mark, NUL and space padding after it: defusedxml"),
    pytest.param("  ".encode("utf-16-le") + BODY.encode("utf-16-le") + b"\x00\x00\x00\x00", False,
                 id="UTF-16 little-endian without a mark, padded both sides: defusedxml"),
    pytest.param(BODY.encode("utf-8") + b"\x00" * 7 + b"  \n", True, id="UTF-8 with NUL and space padding after it"),
]


@pytest.mark.parametrize(("packet", "fast"), PACKETS)
def test_each_parser_reads_the_same_values(packet: bytes | str, fast: bool) -> None:
    data = packet.encode("utf-8") if isinstance(packet, str) else packet
    assert (xmp._utf8_without_dtd(xmp._trimmed(data)) is not None) is fast  # as parse_xmp asks, padding trimmed
    contradicted = data.startswith(b"\xef\xbb\xbf<?xml") and b"ISO-8859-1" in data
    if not contradicted:
        assert xmp.parse_xmp(packet) == VALUES


@pytest.mark.parametrize(
    "packet",
    [
        pytest.param(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', id="internal entity"),
        pytest.param(b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', id="external entity"),
        pytest.param(b'<!DOCTYPE x SYSTEM "http://example.org/x.dtd"><x/>', id="external DTD"),
        pytest.param('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'.encode("utf-16"), id="a DTD in UTF-16"),
    ],
)
def test_a_dtd_is_refused_before_it_is_read(packet: bytes) -> None:
    assert xmp._utf8_without_dtd(packet) is None  # never given to the C parser
    with pytest.raises(XmpError, match="DTDForbidden|EntitiesForbidden|not valid XML"):
        xmp.parse_xmp(packet)


def test_an_undeclared_entity_is_an_error_in_the_c_parser() -> None:
    with pytest.raises(XmpError, match="undefined entity"):
        xmp.parse_xmp(b"<x>&a;</x>")
