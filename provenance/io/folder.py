"""[edge] The files of a folder, as the audit sees them: one scandir per folder, one stat per file,
and the names an audit leaves out.

The standard library only (no zip support here: provenance.io.archive adds it), so that the
re-audit of an unchanged archive walks the folder without loading more.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Entry:
    root: str
    path: str
    size: int
    mtime_ns: int
    error: str | None = None
    identity: tuple[int, int] | None = None  # (device, inode) the walk saw: a file put in its place is refused


LINK = "is a symbolic link; not followed (a link may lead outside the archive): audit what it points to on its own"


def walk_folder(base: Path) -> Iterator[Entry]:
    """Regular files, in path order, hidden files and folders skipped; a link, or a folder that cannot be
    listed, is an entry with its problem (the audit's file-error row says it was not read). One scandir
    per folder and one stat per file (a re-audit's walk of a large archive)."""
    root = str(base)
    identities: dict[str, tuple[int, int]] = {}
    problems: dict[str, str] = {}
    for path, size, mtime_ns in sorted(folder_files(root, identities, problems), key=lambda found: found[0].split("/")):
        yield Entry(root, path, size, mtime_ns, problems.get(path), identities.get(path))


def folder_files(root: str, identities: dict[str, tuple[int, int]] | None = None,
                 problems: dict[str, str] | None = None) -> list[tuple[str, int, int]]:
    """(path within the folder, size, mtime in ns) of its files, in no particular order; hidden files and
    folders skipped. Links and folders that cannot be listed are there too (their own size and time), with
    the reason put in `problems` by their path (a folder only when permission is refused: any other error, too
    many open files or an I/O error, is raised, as its files would otherwise be taken for gone); with
    `identities`, each regular file's (device, inode). An OSError when the folder itself cannot be listed."""
    found: list[tuple[str, int, int]] = []
    folders: list[tuple[str, str, int]] = [(root, "", 0)]
    while folders:
        folder, prefix, mtime_ns = folders.pop()
        try:
            items = list(os.scandir(folder))
        except FileNotFoundError:
            if not prefix:
                raise
            continue  # removed since its parent was listed: gone, as its files are
        except PermissionError as exc:  # anything else (too many open files, an I/O error) stops the walk: taken
            if not prefix:  # for a folder that cannot be listed, its stored files would be taken for gone
                raise
            found.append((prefix[:-1], 0, mtime_ns))
            if problems is not None:
                problems[prefix[:-1]] = (f"is a folder that cannot be listed ({exc.strerror}); the files in it were "
                                         "not read")
            continue
        for item in items:
            if not item.name.startswith("."):
                try:
                    _add_item(item, prefix, found, folders, identities, problems)
                except FileNotFoundError:  # removed since the folder was listed
                    continue
    return found


def _add_item(item: os.DirEntry[str], prefix: str, found: list[tuple[str, int, int]],
              folders: list[tuple[str, str, int]], identities: dict[str, tuple[int, int]] | None,
              problems: dict[str, str] | None) -> None:
    """One entry of a folder's listing: a link (with its problem), a folder to list, or a regular file."""
    if item.is_symlink():
        stat = item.stat(follow_symlinks=False)
        found.append((prefix + item.name, stat.st_size, stat.st_mtime_ns))
        if problems is not None:
            problems[prefix + item.name] = LINK
    elif item.is_dir(follow_symlinks=False):
        folders.append((item.path, f"{prefix}{item.name}/", item.stat(follow_symlinks=False).st_mtime_ns))
    elif item.is_file(follow_symlinks=False):
        stat = item.stat(follow_symlinks=False)
        found.append((prefix + item.name, stat.st_size, stat.st_mtime_ns))
        if identities is not None:
            identities[prefix + item.name] = (stat.st_dev, stat.st_ino)


def excluded(path: str, patterns: tuple[str, ...]) -> bool:
    """Whether the file name or the path matches one of the glob patterns (fnmatch's rules)."""
    pattern = _globs(patterns)
    return pattern is not None and bool(pattern.match(posixpath.basename(path)) or pattern.match(path))


@functools.lru_cache(maxsize=8)
def _globs(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(fnmatch.translate(p) for p in patterns)) if patterns else None
