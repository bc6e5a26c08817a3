"""[edge] Walk an archive — a folder or a .zip — without ever writing to it.

Each file is an Entry with its path inside the archive (POSIX, relative),
size and mtime. Files are told apart by content: an image by its signature,
an article by being text (with an article-like name or HTML inside).
Zip members with absolute or '..' paths, symlinks and oversized or
suspiciously compressed members are refused as errors, never read.
"""

from __future__ import annotations

import datetime
import io
import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from provenance.errors import InputError

IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*", b"GIF8")
HEIF_BRANDS = (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif", b"ftyphevc")
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ""})
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".heic", ".heif", ".gif"})
MAX_MEMBER = 512 * 1024 * 1024
MAX_RATIO = 200


@dataclass(frozen=True)
class Entry:
    root: str
    path: str
    size: int
    mtime_ns: int
    error: str | None = None


def is_zip(root: str | Path) -> bool:
    return Path(root).is_file() and zipfile.is_zipfile(root)


def walk_archive(root: str | Path) -> Iterator[Entry]:
    """Every file of a folder (recursively, hidden folders skipped) or of a zip."""
    base = Path(root).resolve()
    if not base.exists():
        raise InputError(str(root), "no such file or folder")
    if is_zip(base):
        yield from _walk_zip(base)
    elif base.is_dir():
        yield from _walk_folder(base)
    else:
        raise InputError(str(root), "is neither a folder nor a .zip archive")


def _walk_folder(base: Path) -> Iterator[Entry]:
    for path in sorted(base.rglob("*")):
        relative = path.relative_to(base)
        if any(part.startswith(".") for part in relative.parts) or path.is_symlink() or not path.is_file():
            continue
        stat = path.stat()
        yield Entry(str(base), relative.as_posix(), stat.st_size, stat.st_mtime_ns)


def _walk_zip(base: Path) -> Iterator[Entry]:
    with zipfile.ZipFile(base) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            mtime = int(datetime.datetime(*info.date_time, tzinfo=datetime.UTC).timestamp() * 1e9)
            yield Entry(str(base), info.filename, info.file_size, mtime, zip_problem(info))


def zip_problem(info: zipfile.ZipInfo) -> str | None:
    """Why a zip member must not be read (unsafe path, link, too large, a bomb), or None."""
    name = info.filename
    if name.startswith("/") or ":" in name.split("/")[0] or ".." in posixpath.normpath(name).split("/"):
        return "has an unsafe path in the zip (absolute or leading outside the archive); not read"
    if (info.external_attr >> 16) & 0o170000 == 0o120000:
        return "is a symbolic link in the zip; not read"
    if info.file_size > MAX_MEMBER:
        return f"is {info.file_size} bytes unpacked; members over {MAX_MEMBER} are not read"
    if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 10_000_000:
        return "unpacks more than 200 times its packed size (a zip bomb?); not read"
    return None


def read_entry(entry: Entry) -> bytes:
    """The bytes of one entry (folder file or zip member)."""
    if entry.error:
        raise InputError(entry.path, entry.error)
    try:
        if is_zip(entry.root):
            with zipfile.ZipFile(entry.root) as archive, archive.open(entry.path) as member:
                return member.read(MAX_MEMBER + 1)[:MAX_MEMBER]
        return (Path(entry.root) / entry.path).read_bytes()
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise InputError(entry.path, f"cannot be read ({exc})") from None


def entry_source(entry: Entry) -> str | io.BytesIO:
    """A path for a folder file, an in-memory stream for a zip member."""
    if is_zip(entry.root):
        return io.BytesIO(read_entry(entry))
    return str(Path(entry.root) / entry.path)


def head(entry: Entry, size: int = 4096) -> bytes:
    if is_zip(entry.root):
        with zipfile.ZipFile(entry.root) as archive, archive.open(entry.path) as member:
            return member.read(size)
    with open(Path(entry.root) / entry.path, "rb") as handle:
        return handle.read(size)


def classify(entry: Entry) -> tuple[str, str | None]:
    """('image' | 'article' | 'other', problem) by content, the name only as a hint."""
    if entry.error:
        return "other", entry.error
    return kind_of(entry.path, head(entry))


def kind_of(name: str, data: bytes) -> tuple[str, str | None]:
    """('image' | 'article' | 'other', problem) from a file's name and first bytes."""
    suffix = posixpath.splitext(name)[1].lower()
    if data.startswith(IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP") or data[4:12] in HEIF_BRANDS:
        return "image", None
    if suffix in IMAGE_SUFFIXES:
        return "other", f"is named like an image ({suffix}) but is not one"
    if b"\x00" in data:
        return "other", None
    lowered = data[:1000].lower()
    if suffix in ARTICLE_SUFFIXES or b"<html" in lowered or b"<!doctype html" in lowered:
        return "article", None
    return "other", None
