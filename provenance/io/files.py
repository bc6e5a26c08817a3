"""[edge] Reading the user's article files. Never writes to them."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Decoded:
    """An article's text and how its encoding was found: `how` names the encoding and what said so
    ("ISO-8859-2 (HTTP charset)", "windows-1252 (guessed)")."""

    text: str
    how: str
    unfit: str | None = None  # a declaration the bytes are not ("windows-1251 (HTTP charset)"), when guessed

    @property
    def guessed(self) -> bool:
        return self.how.endswith("(guessed)")

    def guess(self) -> str | None:
        """What a check says of a guessed encoding (None when it was not guessed)."""
        if not self.guessed:
            return None
        if self.unfit and self.unfit.startswith("UTF-8"):
            why = f"declared {self.unfit}, but not UTF-8"
        elif self.unfit:
            why = f"not UTF-8 nor the {self.unfit} it declares"
        else:
            why = "not UTF-8 and no encoding declared"
        return f"{why}; {GUESSED}"

    def guessed_as(self) -> tuple[str, str | None] | None:
        """When the encoding was guessed: the encoding the text was read as ("windows-1252") and the declaration
        its bytes are not ("windows-1251 (<meta> charset)", or None); else None. What an audit stores."""
        if not self.guessed:
            return None
        return self.how.removesuffix(" (guessed)"), self.unfit


def decode_article(name: str, data: bytes, charset: str | None = None) -> str:
    """The text of an article's bytes (decode_text)."""
    return decode_text(name, data, charset).text


def decode_text(name: str, data: bytes, charset: str | None = None) -> Decoded:
    """The text of an article's bytes, its encoding found in the WHATWG order: a byte order mark (UTF-16 or
    UTF-32, UTF-8); else UTF-8 when the bytes are valid UTF-8 (a page that is valid UTF-8 stays UTF-8 whatever
    it declares, but for the seven-bit ISO-2022-JP, whose bytes always are); else the legacy encoding `charset`
    (the label of an HTTP Content-Type) names, then the one its <meta> declares in its first 1024 bytes; else
    UTF-8 with any byte that is not UTF-8 read as Windows-1252 (a file of Windows-1252 text, or a UTF-8 file
    with a stray Windows-1252 byte, whose UTF-8 letters stay themselves), a guess when nothing declared it.
    An error names the file and what is wrong."""
    for mark, label, codec in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                text = data.decode(codec)  # the codec reads its mark and drops it
            except UnicodeDecodeError as exc:
                raise InputError(name, f"starts with a {label} byte order mark but is not {label} text "
                                       f"({exc.reason} at offset {exc.start})") from None
            if "\x00" in text[:8192]:
                raise InputError(name, "is not a text file (it contains NUL characters)")
            return Decoded(text, f"{label} (byte order mark)")
    if b"\x00" in data[:8192]:
        raise InputError(name, "is not a text file (it contains NUL bytes)")
    declared: list[tuple[str | None, str]] = [(whatwg_codec(charset), "HTTP charset"),
                                              (whatwg_codec(_meta_label(data[:PRESCAN_BYTES])), "<meta> charset")]
    seven_bit = next((found for found in declared if found[0]), None)
    if seven_bit and seven_bit[0] == "iso2022_jp" and b"\x1b" in data:  # its bytes are valid UTF-8 too
        try:
            return Decoded(data.decode("iso2022_jp"), f"ISO-2022-JP ({seven_bit[1]})")
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("utf-8-sig"), "UTF-8 (byte order mark)" if data.startswith(codecs.BOM_UTF8)
                       else "UTF-8")
    except UnicodeDecodeError:
        pass
    said: str | None = None
    if data.startswith(codecs.BOM_UTF8):  # the mark comes before any declaration: UTF-8, a stray byte as below
        declared = [("utf-8", "byte order mark")]
    for legacy, where in declared:
        if legacy is None:
            continue  # an unknown label is no declaration (the standard's order goes on)
        if legacy in LEGACY_CHARSETS:
            try:
                return Decoded(data.decode(legacy, errors=_GB18030_EURO if legacy == "gb18030" else "strict"),
                               f"{encoding_name(legacy)} ({where})")
            except UnicodeDecodeError:
                pass
        said = f"{encoding_name(legacy)} ({where})"
        break  # UTF-8 or Windows-1252 declared, or a legacy encoding the bytes are not: the fallback's reading
    try:
        text = data.decode("utf-8-sig", errors=_CP1252_BYTES)
    except UnicodeDecodeError as exc:
        raise InputError(name, f"is neither UTF-8 nor Windows-1252 text (byte 0x{exc.object[exc.start]:02x} at offset "
                               f"{exc.start})") from None
    if said and said.startswith(("windows-1252", "UTF-8 (byte order mark)")):
        return Decoded(text, said)
    return Decoded(text, "windows-1252 (guessed)", said)


GUESSED = "read as windows-1252, a guess (in another legacy encoding, such as ISO-8859-2 or windows-1250, its " \
          "letters outside ASCII would be others)"


def http_charset(content_type: str) -> str | None:
    """The charset label of an HTTP Content-Type (`text/html; charset="windows-1251"`), or None."""
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip().strip('"\'').strip():
            return value.strip().strip('"\'').strip()
    return None


PRESCAN_BYTES = 1024  # where a browser looks for a page's <meta> charset (the HTML standard's prescan)
_META_CHARSET = re.compile(rb"<meta\b[^>]{0,1024}?charset\s*=\s*[\"']?\s*([a-z0-9_.:-]{1,40})", re.IGNORECASE)
# the legacy encodings of the WHATWG Encoding standard, by Python's codec names (Windows-1252, which a browser
# also uses for ASCII and Latin-1, is the fallback's already; UTFs and codecs such as unicode_escape never)
LEGACY_CHARSETS = frozenset({
    "big5hkscs", "cp866", "cp874", "cp932", "cp949", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256",
    "cp1257", "cp1258", "euc_jp", "gb18030", "iso2022_jp", "iso8859-2", "iso8859-3", "iso8859-4",
    "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8", "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15",
    "iso8859-16", "koi8-r", "koi8-u", "mac-cyrillic", "mac-roman"})
# a codec Python finds for a label, where the standard reads that label as a larger encoding (the bytes pages
# so labelled hold): ISO-8859-9 as Windows-1254, GB2312 and GBK by gb18030's decoder (the standard's GBK
# decoder is gb18030's: its four-byte sequences, 0x80 as the euro sign), Shift_JIS as Windows-31J, EUC-KR as
# Windows-949, Big5 with HKSCS, TIS-620 and ISO-8859-11 as Windows-874
WHATWG_READS_AS = {"iso8859-9": "cp1254", "gb2312": "gb18030", "gbk": "gb18030", "shift_jis": "cp932",
                   "euc_kr": "cp949", "big5": "big5hkscs", "tis-620": "cp874", "iso8859-11": "cp874"}
# labels of the standard that Python does not know, by the codec the standard reads them as
WHATWG_LABELS = {"windows-874": "cp874", "iso-8859-8-i": "iso8859-8", "csiso88598i": "iso8859-8",
                 "logical": "iso8859-8", "x-mac-cyrillic": "mac-cyrillic", "x-mac-ukrainian": "mac-cyrillic",
                 "x-sjis": "cp932", "x-euc-jp": "euc_jp", "ms932": "cp932", "windows-31j": "cp932", "x-gbk": "gb18030",
                 "gb_2312": "gb18030", "gb_2312-80": "gb18030", "csgb2312": "gb18030",
                 "windows-949": "cp949", "big5-hkscs": "big5hkscs", "x-x-big5": "big5hkscs"}


def declared_charset(head: bytes) -> str | None:
    """The codec of the legacy charset a page's <meta charset> or <meta http-equiv="Content-Type"> declares
    in `head`, as the WHATWG Encoding standard reads its label, or None: none declared, unknown, a UTF (a page
    that says UTF-8 but is not is read as UTF-8 with Windows-1252 bytes) or Windows-1252 itself."""
    codec = whatwg_codec(_meta_label(head))
    return codec if codec in LEGACY_CHARSETS else None


def _meta_label(head: bytes) -> str | None:
    found = _META_CHARSET.search(head)
    return found.group(1).decode("ascii") if found else None


def whatwg_codec(label: str | None) -> str | None:
    """The Python codec the WHATWG Encoding standard reads a charset label as: a legacy encoding of
    LEGACY_CHARSETS, "cp1252" (also for ASCII and Latin-1), "utf-8" (for any UTF, as a page's declaration is
    read), or None for a label that is unknown or no text encoding a page may declare (unicode_escape)."""
    if not label or len(label) > 40:
        return None
    label = label.strip().lower()
    try:
        codec = WHATWG_LABELS.get(label) or codecs.lookup(label).name
    except LookupError:
        return None
    codec = WHATWG_READS_AS.get(codec, codec)
    if codec in ("cp1252", "latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    if codec.startswith("utf-"):
        return "utf-8"
    return codec if codec in LEGACY_CHARSETS else None


# the standard's names of Python's codecs, for a person (the rest: the codec's name)
_NAMES = {"cp874": "windows-874", "cp932": "Shift_JIS", "cp949": "EUC-KR", "big5hkscs": "Big5",
          "euc_jp": "EUC-JP", "iso2022_jp": "ISO-2022-JP", "cp866": "IBM866", "koi8-r": "KOI8-R",
          "koi8-u": "KOI8-U", "mac-roman": "macintosh", "mac-cyrillic": "x-mac-cyrillic", "utf-8": "UTF-8"}


def encoding_name(codec: str) -> str:
    """How the WHATWG Encoding standard names a codec (windows-1251, ISO-8859-2)."""
    if codec.startswith("cp125"):
        return "windows-" + codec[2:]
    if codec.startswith("iso8859-"):
        return "ISO-8859-" + codec[8:]
    return _NAMES.get(codec, codec)


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


def _gb18030_euro(error: UnicodeError) -> tuple[str, int]:
    """A decoding error handler: the standard's gb18030 decoder reads a lone 0x80 as the euro sign (GBK's, from
    Windows code page 936), which Python's codec refuses; any other error stays one."""
    if isinstance(error, UnicodeDecodeError) and error.object[error.start] == 0x80:
        return "\u20ac", error.start + 1
    raise error


_GB18030_EURO = "provenance.gb18030-euro"
codecs.register_error(_GB18030_EURO, _gb18030_euro)
