"""EXIF tags (IFD0 and the Exif IFD) -> Evidence. Tag table first, decoding after."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from provenance.evidence import Evidence
from provenance.metadata.text import decode_user_comment, decode_utf16_tag, redecode_latin1

# tag -> (field, exact name)
IFD0_TAGS: dict[int, tuple[str, str]] = {
    0x013B: ("creator", "EXIF Artist"),
    0x8298: ("copyright", "EXIF Copyright"),
    0x010E: ("description", "EXIF ImageDescription"),
    0x9C9D: ("creator", "EXIF XPAuthor"),
    0x9C9B: ("title", "EXIF XPTitle"),
    0x9C9C: ("description", "EXIF XPComment"),
}
EXIF_IFD_TAGS: dict[int, tuple[str, str]] = {
    0x9286: ("description", "EXIF UserComment"),
}
_UTF16_TAGS = frozenset({0x9C9D, 0x9C9B, 0x9C9C})


def exif_evidence(ifd0: Mapping[int, Any], exif_ifd: Mapping[int, Any], big_endian: bool = False) -> list[Evidence]:
    """Evidence from the rights-related EXIF tags that hold text."""
    found: list[Evidence] = []
    for tags, table in ((ifd0, IFD0_TAGS), (exif_ifd, EXIF_IFD_TAGS)):
        for tag, (field, name) in table.items():
            if tag not in tags:  # asked first: Pillow's mapping raises (and get() catches) for a missing tag
                continue
            raw = tags[tag]
            value = _text(tag, raw, big_endian)
            if value:
                found.append(Evidence(field=field, value=value, origin="exif", name=name, raw=repr(raw)[:500]))
    return found


def _text(tag: int, value: Any, big_endian: bool) -> str:
    if value is None:
        return ""
    if tag == 0x9286 and isinstance(value, bytes):
        text = decode_user_comment(value, big_endian)
    elif tag in _UTF16_TAGS and isinstance(value, bytes):
        text = decode_utf16_tag(value)
    elif tag in _UTF16_TAGS and isinstance(value, tuple):
        text = decode_utf16_tag(bytes(value))
    elif isinstance(value, bytes):
        text = redecode_latin1(value.decode("latin-1"))
    elif isinstance(value, str):
        text = redecode_latin1(value)
    else:
        return ""
    return " ".join(text.replace("\x00", " ").split())
