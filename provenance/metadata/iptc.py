"""IPTC IIM datasets (record 2, with the record 1:90 character set) -> Evidence."""

from __future__ import annotations

from collections.abc import Mapping

from provenance.evidence import Evidence
from provenance.metadata.text import decode_iptc

CHARSET = (1, 90)
# (record, dataset) -> (field, exact name)
DATASETS: dict[tuple[int, int], tuple[str, str]] = {
    (2, 80): ("creator", "IPTC 2:80 By-line"),
    (2, 85): ("creator_title", "IPTC 2:85 By-line Title"),
    (2, 110): ("credit_line", "IPTC 2:110 Credit"),
    (2, 115): ("source", "IPTC 2:115 Source"),
    (2, 116): ("copyright", "IPTC 2:116 Copyright Notice"),
    (2, 120): ("description", "IPTC 2:120 Caption-Abstract"),
    (2, 5): ("title", "IPTC 2:05 Object Name"),
    (2, 40): ("instructions", "IPTC 2:40 Special Instructions"),
}


def iptc_evidence(datasets: Mapping[tuple[int, int], bytes | list[bytes]]) -> list[Evidence]:
    """Evidence from IIM datasets as Pillow's getiptcinfo returns them."""
    charset = _first(datasets.get(CHARSET))
    found: list[Evidence] = []
    for key, (field, name) in DATASETS.items():
        values = datasets.get(key)
        for raw in values if isinstance(values, list) else [values] if values else []:
            text = " ".join(decode_iptc(raw, charset).split())
            if text:
                found.append(Evidence(field=field, value=text, origin="iptc", name=name, raw=raw.hex()[:500]))
    return found


def _first(value: bytes | list[bytes] | None) -> bytes | None:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def build_iim(datasets: list[tuple[int, int, bytes]]) -> bytes:
    """IIM bytes for (record, dataset, value) triples: 0x1C, record, dataset, length, value."""
    out = bytearray()
    for record, dataset, value in datasets:
        if len(value) > 0x7FFF:
            raise ValueError("IIM values over 32767 bytes need the extended length form")
        out += bytes([0x1C, record, dataset]) + len(value).to_bytes(2, "big") + value
    return bytes(out)
