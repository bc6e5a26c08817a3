"""The text-decoding policy for embedded metadata, in one place.

Real files carry UTF-8, Latin-1/cp1252 and UTF-16 in fields that nominally
hold ASCII. We try UTF-8 first and fall back to cp1252 (then Latin-1, which
never fails), and say which one worked.
"""

from __future__ import annotations

IPTC_UTF8_MARKERS = (b"\x1b%G", b"\x1b%/G", b"\x1b%/I")


def decode_bytes(data: bytes) -> str:
    """Bytes of unknown encoding: UTF-8 if valid, else cp1252, else Latin-1."""
    data = data.rstrip(b"\x00")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def redecode_latin1(value: str) -> str:
    """Pillow decodes EXIF ASCII as Latin-1; recover UTF-8 or cp1252 text."""
    try:
        raw = value.encode("latin-1")
    except UnicodeEncodeError:
        return value.rstrip("\x00")
    return decode_bytes(raw)


def decode_iptc(data: bytes, charset: bytes | None) -> str:
    """IPTC IIM text: UTF-8 when record 1:90 says so, else UTF-8 then cp1252."""
    if charset and any(charset.startswith(m) for m in IPTC_UTF8_MARKERS):
        return data.decode("utf-8", errors="replace").rstrip("\x00")
    return decode_bytes(data)


def decode_user_comment(data: bytes, big_endian: bool = False) -> str:
    """EXIF UserComment: an 8-byte character-code prefix, then the text."""
    code, body = data[:8], data[8:]
    if code.startswith(b"UNICODE"):
        if body[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return body.decode("utf-16").rstrip("\x00")
        codec = "utf-16-be" if _utf16_big_endian(body, big_endian) else "utf-16-le"
        return body.decode(codec, errors="replace").rstrip("\x00")
    if code.startswith(b"JIS"):
        return body.decode("shift_jis", errors="replace").rstrip("\x00")
    if code.startswith(b"ASCII") or code == b"\x00" * 8:
        return decode_bytes(body).strip()
    return decode_bytes(data).strip()


def _utf16_big_endian(body: bytes, header_big_endian: bool) -> bool:
    """Writers disagree on UserComment's byte order; the high byte of each unit
    varies less than the low byte, so the byte with fewer distinct values leads."""
    even, odd = set(body[0::2]), set(body[1::2])
    if len(even) == len(odd):
        return header_big_endian
    return len(even) < len(odd)


def decode_utf16_tag(data: bytes) -> str:
    """Windows XP* tags: UTF-16LE, NUL-terminated."""
    return data.decode("utf-16-le", errors="replace").rstrip("\x00")
