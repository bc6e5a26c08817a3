"""[edge] Walk an archive — a folder or a .zip — without ever writing to it.

Each file is an Entry with its path inside the archive (POSIX, relative),
size and mtime. Files are told apart by content: an image by its signature,
an article by being text (with an article-like name or HTML inside).
Zip members with absolute or '..' paths, symlinks, encryption, unsupported
compression, duplicated names and oversized or suspiciously compressed members
are refused as errors, never read; a member that fails while it is read (bad
CRC, damaged data, a local header that disagrees with the directory) is an
InputError naming it. During an audit each zip is opened once.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime
import io
import os
import posixpath
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, BinaryIO

from provenance.errors import EMPTY_FILE, InputError
from provenance.io.files import open_listed, open_regular, unreadable
from provenance.io.folder import Entry as Entry  # imported from here too
from provenance.io.folder import walk_folder
from provenance.parse.suffixes import ARTICLE_SUFFIXES

IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*", b"GIF8")
HEIF_BRANDS = (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif", b"ftyphevc")
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".heic", ".heif", ".gif"})
MAX_MEMBER = 512 * 1024 * 1024  # bytes one file or zip member may hold unpacked (SECURITY.md)
MAX_RATIO = 200  # unpacked / packed size over which a large member is taken for a bomb
CHUNK = 1024 * 1024
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a zip's first member, or an empty zip's end record
NESTED_ZIP = ("is a zip archive, not opened here: a zip inside a zip or a folder is not read (audit or upload it "
              "on its own)")
SUPPORTED_COMPRESSION = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA})


def is_zip(root: str | Path) -> bool:
    return Path(root).is_file() and zipfile.is_zipfile(root)


def walk_archive(root: str | Path) -> Iterator[Entry]:
    """Every file of a folder (recursively, hidden files and folders skipped; links and folders that cannot
    be listed as entries with their problem) or of a zip."""
    base = Path(root).resolve()
    if not base.exists():
        raise InputError(str(root), "no such file or folder")
    if is_zip(base):
        yield from _walk_zip(base)
    elif base.is_dir():
        try:
            entries = list(walk_folder(base))
        except OSError as exc:  # the folder itself, or one inside it that failed for another reason than permission
            inside = f"{exc.filename}: " if exc.filename and Path(exc.filename) != base else ""
            raise InputError(str(root), f"the folder cannot be listed ({inside}{exc.strerror})") from None
        yield from entries
    else:
        raise InputError(str(root), "is neither a folder nor a .zip archive")


def open_zip(source: str | Path | IO[bytes], name: str) -> zipfile.ZipFile:
    """A zip opened by its central directory, or an InputError naming it when that cannot be read: nothing in
    it is then read (the audit's archives and the dashboard's uploaded zips)."""
    try:
        return zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, struct.error) as exc:
        raise InputError(name, f"the zip's central directory is damaged or unsupported ({exc}); nothing in it "
                               "was read") from None


def _walk_zip(base: Path) -> Iterator[Entry]:
    archive = open_zip(base, str(base))
    with archive:
        members = [i for i in archive.infolist() if not i.filename.endswith("/")]
        names = Counter(i.filename for i in members)
        seen: set[str] = set()
        for info in members:
            if info.filename in seen:
                continue
            seen.add(info.filename)
            problem = duplicated(info.filename, names) or zip_problem(info)
            yield Entry(str(base), info.filename, info.file_size, _zip_mtime(info), problem)


def _zip_mtime(info: zipfile.ZipInfo) -> int:
    try:
        return int(datetime.datetime(*info.date_time, tzinfo=datetime.UTC).timestamp() * 1e9)
    except ValueError:  # an impossible date in the member's header
        return 0


def duplicated(name: str, names: Counter[str]) -> str | None:
    if names[name] > 1:
        return f"appears {names[name]} times in the zip (which one is meant is unclear); not read"
    return None


def zip_problem(info: zipfile.ZipInfo) -> str | None:
    """Why a zip member must not be read (unsafe path, link, encrypted, unsupported, too large,
    a bomb), or None."""
    name = info.filename
    if not name.strip():
        return "has no name in the zip; not read"
    if name.startswith("/") or ":" in name.split("/")[0] or ".." in posixpath.normpath(name).split("/"):
        return "has an unsafe path in the zip (absolute or leading outside the archive); not read"
    if (info.external_attr >> 16) & 0o170000 == 0o120000:
        return "is a symbolic link in the zip; not read"
    if info.flag_bits & 0x1:
        return "is encrypted in the zip; not read"
    if info.compress_type not in SUPPORTED_COMPRESSION:
        return f"uses a compression method this tool does not read (method {info.compress_type}); not read"
    if info.file_size > MAX_MEMBER:
        return f"is {info.file_size} bytes unpacked; members over {MAX_MEMBER} are not read"
    if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 10_000_000:
        return f"unpacks more than {MAX_RATIO} times its packed size (a zip bomb?); not read"
    return None


class _OpenZips:
    """Zips kept open while an audit runs (and for a worker's life), so that a zip is opened
    once rather than once per member. Outside an audit each read opens and closes the zip."""

    def __init__(self) -> None:
        self.active = 0
        self.open: dict[str, zipfile.ZipFile] = {}
        self.opened = 0  # how many times a zip was opened (the linear-time test reads it)

    @contextlib.contextmanager
    def member(self, root: str, name: str) -> Iterator[IO[bytes]]:
        if not self.active:
            self.opened += 1
            with zipfile.ZipFile(root) as archive, archive.open(name) as stream:
                yield stream
            return
        if root not in self.open:
            self.opened += 1
            self.open[root] = zipfile.ZipFile(root)
        with self.open[root].open(name) as stream:
            yield stream

    def close(self) -> None:
        while self.open:
            self.open.popitem()[1].close()


ZIPS = _OpenZips()
READ_ERRORS = (OSError, KeyError, EOFError, RuntimeError, NotImplementedError, ValueError, zlib.error,
               zipfile.BadZipFile, struct.error)


@contextlib.contextmanager
def open_archives() -> Iterator[None]:
    """Keep each zip open once for the duration (an audit); closed at the end."""
    ZIPS.active += 1
    try:
        yield
    finally:
        ZIPS.active -= 1
        if not ZIPS.active:
            ZIPS.close()


def keep_archives_open() -> None:
    """For a worker process: its zips stay open until it exits. Zips its parent had open are
    forgotten, not shared: a forked file descriptor shares its offset with the parent's."""
    ZIPS.open = {}
    ZIPS.active += 1


def read_entry(entry: Entry, limit: int = MAX_MEMBER) -> bytes:
    """The bytes of one entry (folder file or zip member), refused past `limit` bytes; any
    failure (damaged member, bad CRC, unreadable file) is an InputError naming the entry."""
    if entry.error:
        raise InputError(entry.path, entry.error)
    try:
        with _stream(entry) as stream:
            return read_capped(stream, entry.path, limit)
    except READ_ERRORS as exc:
        raise unreadable(entry.path, exc) from None


@contextlib.contextmanager
def _stream(entry: Entry) -> Iterator[IO[bytes]]:
    if Path(entry.root).is_file():
        with ZIPS.member(entry.root, entry.path) as stream:
            yield stream
    else:
        with open_regular(os.path.join(entry.root, entry.path), entry.path, entry.identity) as stream:
            yield stream


def read_capped(stream: IO[bytes], name: str, limit: int) -> bytes:
    """Read a stream in chunks, stopping as soon as it passes `limit` bytes (a zip member is
    inflated chunk by chunk, so a lying header never inflates past the cap)."""
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(CHUNK):
        total += len(chunk)
        if total > limit:
            raise InputError(name, f"is larger than {limit} bytes; not read")
        chunks.append(chunk)
    return b"".join(chunks)


def entry_source(entry: Entry) -> BinaryIO:
    """A folder's file opened once (by open_regular: the file the walk listed, or an InputError), or a zip
    member in memory; the caller closes it. Readers get the open file, never its name to open again."""
    if Path(entry.root).is_file():
        return io.BytesIO(read_entry(entry))
    return open_listed(os.path.join(entry.root, entry.path), entry.path, entry.identity)


def head(entry: Entry, size: int = 4096) -> bytes:
    """The first bytes of an entry (to tell its kind). A folder's file is opened unbuffered, without
    asking first whether the root is a zip: a third of the cost, for every file of an audit."""
    try:
        try:
            handle = open_regular(os.path.join(entry.root, entry.path), entry.path, entry.identity, buffering=0)
        except NotADirectoryError:  # the root is a zip (or the folder changed: then _stream says so)
            with _stream(entry) as stream:
                return stream.read(size)
        with handle:
            data = handle.read(size) or b""
            while len(data) < size and (more := handle.read(size - len(data))):  # a short read, not the end
                data += more
            return data
    except READ_ERRORS as exc:
        raise unreadable(entry.path, exc) from None


def classify(entry: Entry) -> tuple[str, str | None]:
    """('image' | 'article' | 'other', problem) by content, the name only as a hint."""
    if entry.error:
        return "other", entry.error
    return kind_of(entry.path, head(entry))


def kind_of(name: str, data: bytes) -> tuple[str, str | None]:
    """('image' | 'article' | 'other', problem) from a file's name and first bytes."""
    suffix = posixpath.splitext(name)[1].lower()
    if not data and suffix and (suffix in IMAGE_SUFFIXES or suffix in ARTICLE_SUFFIXES):
        return "other", EMPTY_FILE  # (no suffix, a Mac folder's Icon: an empty article)
    if data.startswith(IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP") or data[4:12] in HEIF_BRANDS:
        return "image", None
    if data.startswith(ZIP_MAGIC):
        return "other", NESTED_ZIP
    if suffix in IMAGE_SUFFIXES:
        return "other", f"is named like an image ({suffix}) but is not one"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)) and suffix in ARTICLE_SUFFIXES:
        return "article", None  # UTF-16 (or UTF-32) text, by its byte order mark
    if b"\x00" in data:  # binary: a file named like an article is told so (as check tells it), anything else not read
        return "other", "is not a text file (it contains NUL bytes)" if suffix and suffix in ARTICLE_SUFFIXES else None
    lowered = data[:1000].lower()
    if suffix in ARTICLE_SUFFIXES or b"<html" in lowered or b"<!doctype html" in lowered:
        return "article", None
    return "other", None
