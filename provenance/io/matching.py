"""The one rule for matching an article's image `src` to a file beside it.

Every surface uses it (the CLI, uploads, the API and the audit), so the same
article finds the same images everywhere:

1. a relative path, joined to the article's folder (`../images/a.jpg`);
2. a path from the archive root (`/images/a.jpg`, or `images/a.jpg` when the
   article's folder has no such file);
3. a file name that is unique in the archive (`a.jpg`, wherever it is); where an index
   knows some of its files cannot be read (the audit: empty, damaged), a file name names
   the one readable file of that name, and an unreadable one only when none is readable.

A URL with a scheme or a host, and a path that leads outside the archive,
match nothing. Paths are POSIX and relative to the archive root.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from typing import Protocol
from urllib.parse import unquote

from provenance.check import Match
from provenance.parse.urls import split_url


class PathIndex(Protocol):
    """The files of an archive, as far as matching needs them."""

    def has(self, path: str) -> bool: ...

    def named(self, name: str) -> list[str]: ...


class SetIndex:
    """An index over a known list of paths (a zip, an upload, the audit's file table); `unreadable`, those
    of them that could not be read (rule 3: a copy cut short does not hide the photo of its name)."""

    def __init__(self, paths: Iterable[str], unreadable: Iterable[str] = ()) -> None:
        self.paths = set(paths)
        self.by_name: dict[str, list[str]] = {}
        for path in sorted(self.paths):
            self.by_name.setdefault(posixpath.basename(path), []).append(path)
        weak = set(unreadable) & self.paths
        for name in {posixpath.basename(p) for p in weak}:  # each name's readable files alone, where it has some
            readable = [p for p in self.by_name[name] if p not in weak]
            self.by_name[name] = readable or self.by_name[name]

    def has(self, path: str) -> bool:
        return path in self.paths

    def named(self, name: str) -> list[str]:
        return self.by_name.get(name, [])


def match_src(index: PathIndex, article: str, src: str, by_name: bool = True) -> Match | None:
    """The file `src` (as written in the article at path `article`) refers to, or None; without `by_name`,
    by its path alone (rules 1 and 2)."""
    written = _written(src)
    if written is None:
        return None
    for candidate in _candidates(article, written):
        if index.has(candidate):
            return Match(src, candidate, "path")
    named = index.named(posixpath.basename(written)) if by_name else []
    return Match(src, named[0], "name") if len(named) == 1 else None


def named_files(index: PathIndex, src: str) -> list[str]:
    """The files rule 3 looks at for `src`: those of its file name (none for a URL)."""
    name = file_name(src)
    return index.named(name) if name is not None else []


def file_name(src: str) -> str | None:
    """The file name rule 3 looks for `src` by, or None for a URL or a reference naming no file."""
    written = _written(src)
    return posixpath.basename(written) if written is not None else None


def _written(src: str) -> str | None:
    """The path a reference writes, or None where it names no file of an archive (a scheme or a host)."""
    parts = split_url(src)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return unquote(parts.path)


def _candidates(article: str, written: str) -> list[str]:
    if written.startswith("/"):
        paths = [posixpath.normpath(written.lstrip("/"))]
    else:
        paths = [posixpath.normpath(posixpath.join(posixpath.dirname(article), written)),
                 posixpath.normpath(written)]
    return [p for p in paths if p not in (".", "") and not p.startswith("../") and p != ".."]
