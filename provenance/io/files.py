"""[edge] Reading the user's article files. Never writes to them."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from provenance.errors import InputError

MAX_ARTICLE_BYTES = 20 * 1024 * 1024


def read_article(path: str | Path) -> str:
    """The text of an article file (decode_article)."""
    return decode_article(str(path), read_file_bytes(Path(path), str(path)))


def read_file_bytes(file: Path, name: str, limit: int | None = None) -> bytes:
    """The bytes of a user's file (its first `limit` bytes), or an InputError naming it."""
    try:
        if file.is_dir():
            raise InputError(name, "is a folder, not a file")
        if limit is not None:
            with file.open("rb") as handle:
                return handle.read(limit)
        size = file.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputError(name, f"is {size} bytes; files over {MAX_ARTICLE_BYTES} are refused")
        return file.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror})") from None


# never through a link, never waiting for a FIFO's writer, never making a terminal ours
_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def unreadable(name: str, exc: BaseException) -> InputError:
    """The error of a file the system could not read, naming the file and what the system said."""
    return InputError(name, f"cannot be read ({type(exc).__name__}: {exc})")


def open_listed(path: str, name: str, identity: tuple[int, int] | None = None) -> BinaryIO:
    """open_regular, any failure of the system's (no such file, permission denied) an InputError naming `name`."""
    try:
        return open_regular(path, name, identity)
    except OSError as exc:
        raise unreadable(name, exc) from None


def open_regular(path: str, name: str, identity: tuple[int, int] | None = None, buffering: int = -1) -> BinaryIO:
    """A file a walk listed as a regular file, opened for reading only if it still is one: a symbolic link put
    in its place is not followed (O_NOFOLLOW), a FIFO never blocks the open (O_NONBLOCK, cleared once the
    descriptor is known to be a regular file), and what was opened is checked on the descriptor itself
    (fstat), not by its name again. With `identity` (device, inode) from the walk, another file there now is
    refused too. Raises InputError naming `name`, or OSError (no such file, permission denied) as open() does."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(name, "is now a symbolic link (it was a regular file when the folder was listed); "
                                   "links are never followed; not read") from None
        raise
    try:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode):
            kind = next((what for test, what in _KINDS if test(found.st_mode)), "not a regular file")
            raise InputError(name, f"is {kind}, not a regular file; not read")
        if identity is not None and (found.st_dev, found.st_ino) != identity:
            raise InputError(name, "was replaced by another file since the folder was listed; not read")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb", buffering=buffering)
    except BaseException:
        os.close(fd)
        raise


# a byte order mark names its encoding (Windows' Notepad and PowerShell write UTF-16 with one): the longer first
BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "UTF-32", "utf-32"), (codecs.BOM_UTF32_BE, "UTF-32", "utf-32"),
                    (codecs.BOM_UTF16_LE, "UTF-16", "utf-16"), (codecs.BOM_UTF16_BE, "UTF-16", "utf-16"))


def decode_article(name: str, data: bytes) -> str:
    """The text of an article's bytes: UTF-16 or UTF-32 when a byte order mark says so; else UTF-8 (with or
    without its mark), any byte that is not UTF-8 read as Windows-1252 (a file of Windows-1252 text, or a UTF-8
    file with a stray Windows-1252 byte, whose UTF-8 letters stay themselves). An error names the file and
    what is wrong."""
    for mark, label, codec in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                text = data.decode(codec)  # the codec reads its mark and drops it
            except UnicodeDecodeError as exc:
                raise InputError(name, f"starts with a {label} byte order mark but is not {label} text "
                                       f"({exc.reason} at offset {exc.start})") from None
            if "\x00" in text[:8192]:
                raise InputError(name, "is not a text file (it contains NUL characters)")
            return text
    if b"\x00" in data[:8192]:
        raise InputError(name, "is not a text file (it contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data[:PRESCAN_BYTES])
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig", errors=_CP1252_BYTES)
    except UnicodeDecodeError as exc:
        raise InputError(name, f"is neither UTF-8 nor Windows-1252 text (byte 0x{exc.object[exc.start]:02x} at offset "
                               f"{exc.start})") from None


PRESCAN_BYTES = 1024  # where a browser looks for a page's <meta> charset (the HTML standard's prescan)
_META_CHARSET = re.compile(rb"<meta\b[^>]{0,1024}?charset\s*=\s*[\"']?\s*([a-z0-9_.:-]{1,40})", re.IGNORECASE)
# the legacy encodings of the WHATWG Encoding standard, by Python's codec names (Windows-1252, which a browser
# also uses for ASCII and Latin-1, is the fallback's already; UTFs and codecs such as unicode_escape never)
LEGACY_CHARSETS = frozenset({
    "big5hkscs", "cp866", "cp874", "cp932", "cp949", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256",
    "cp1257", "cp1258", "euc_jp", "gb18030", "gbk", "iso2022_jp", "iso8859-2", "iso8859-3", "iso8859-4",
    "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8", "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15",
    "iso8859-16", "koi8-r", "koi8-u", "mac-cyrillic", "mac-roman"})
# a codec Python finds for a label, where the standard reads that label as a larger encoding (the bytes pages
# so labelled hold): ISO-8859-9 as Windows-1254, GB2312 as GBK, Shift_JIS as Windows-31J, EUC-KR as
# Windows-949, Big5 with HKSCS, TIS-620 and ISO-8859-11 as Windows-874
WHATWG_READS_AS = {"iso8859-9": "cp1254", "gb2312": "gbk", "shift_jis": "cp932", "euc_kr": "cp949",
                   "big5": "big5hkscs", "tis-620": "cp874", "iso8859-11": "cp874"}
# labels of the standard that Python does not know, by the codec the standard reads them as
WHATWG_LABELS = {"windows-874": "cp874", "iso-8859-8-i": "iso8859-8", "csiso88598i": "iso8859-8",
                 "logical": "iso8859-8", "x-mac-cyrillic": "mac-cyrillic", "x-mac-ukrainian": "mac-cyrillic",
                 "x-sjis": "cp932", "x-euc-jp": "euc_jp", "ms932": "cp932", "windows-31j": "cp932", "x-gbk": "gbk",
                 "windows-949": "cp949", "big5-hkscs": "big5hkscs", "x-x-big5": "big5hkscs"}


def declared_charset(head: bytes) -> str | None:
    """The codec of the legacy charset a page's <meta charset> or <meta http-equiv="Content-Type"> declares
    in `head`, as the WHATWG Encoding standard reads its label, or None: none declared, unknown, a UTF (a page
    that says UTF-8 but is not is read as UTF-8 with Windows-1252 bytes) or Windows-1252 itself."""
    found = _META_CHARSET.search(head)
    if not found:
        return None
    label = found.group(1).decode("ascii").lower()
    try:
        codec = WHATWG_LABELS.get(label) or codecs.lookup(label).name
    except LookupError:
        return None
    codec = WHATWG_READS_AS.get(codec, codec)
    return codec if codec in LEGACY_CHARSETS else None


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """A decoding error handler: the bytes that are not UTF-8 read as Windows-1252 (which raises for the five
    bytes Windows-1252 leaves undefined)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    piece = error.object[error.start:error.end]
    try:
        return bytes(piece).decode("cp1252"), error.end
    except UnicodeDecodeError as exc:
        raise UnicodeDecodeError("cp1252", error.object, error.start + exc.start, error.start + exc.end,
                                 exc.reason) from None


_CP1252_BYTES = "provenance.cp1252-bytes"
codecs.register_error(_CP1252_BYTES, _cp1252_bytes)
