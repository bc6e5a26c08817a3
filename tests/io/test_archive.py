from __future__ import annotations

import errno
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from provenance.errors import InputError
from provenance.io.archive import classify, read_entry, walk_archive
from provenance.io.folder import LINK
from tests import samples


@pytest.mark.parametrize(
    ("name", "data", "kind", "problem"),
    [
        ("photo.jpg", samples.jpeg(), "image", None),  # an image
        ("notes.txt", samples.jpeg(), "image", None),  # a JPEG named .txt is an image
        ("photo.jpg", b"<html>not an image</html>", "other", "named like an image"),  # and the reverse
        ("story.html", b"<html><body>Story</body></html>", "article", None),  # HTML
        ("story", b"<!DOCTYPE html><html><p>x</p></html>", "article", None),  # HTML without a suffix
        ("story.md", b"# Title\n\nText", "article", None),  # Markdown
        ("style.css", b"body { color: red }", "other", None),  # not an article
        ("data.bin", b"\x00\x01\x02", "other", None),  # binary
        ("data", b"\x00\x01\x02", "other", None),  # binary without a suffix: not read, as before
        ("story.txt", b"Photo: \x00 Ann Lee", "other", "is not a text file (it contains NUL bytes)"),  # was skipped
        ("story.html", b"<p>x\x00</p>", "other", "is not a text file (it contains NUL bytes)"),  # without a word
        ("story.txt", "Photo: Ann Lee/AP".encode("utf-16"), "article", None),  # UTF-16 with its byte order mark
        ("photo.jpg", b"", "other", "is empty (0 bytes)"),  # an empty image: said so, not "not an image"
        ("story.md", b"", "other", "is empty (0 bytes)"),  # an empty article: no "missing credit" for nothing
        ("Icon\r", b"", "article", None),  # no suffix (a Mac folder's Icon): an empty article, as before
    ],
)
def test_classify_by_content(tmp_path: Path, name: str, data: bytes, kind: str, problem: str | None) -> None:
    (tmp_path / name).write_bytes(data)
    [entry] = walk_archive(tmp_path)
    found, why = classify(entry)
    assert found == kind
    if problem is None:
        assert why is None
    else:
        assert why is not None
        assert problem in why


def test_walk_skips_hidden_files_and_names_links(tmp_path: Path) -> None:
    """Hidden files and folders are left out; a link (to a file or a folder) is an entry that says it was not
    followed, as a link in a zip is, so the audit lists it instead of leaving it out unsaid."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    (tmp_path / ".DS_Store").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "b.txt").write_text("x")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "linked").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "dangling.jpg").symlink_to(tmp_path / "gone.jpg")
    entries = {e.path: e.error for e in walk_archive(tmp_path)}
    assert entries == {"a.txt": None, "elsewhere/b.txt": None, "link.txt": LINK, "linked": LINK, "dangling.jpg": LINK}
    assert classify(next(e for e in walk_archive(tmp_path) if e.path == "link.txt")) == ("other", LINK)


def _scandir_failing(monkeypatch: pytest.MonkeyPatch, name: str, error: OSError) -> None:
    """os.scandir raising `error` for the folder called `name` (the errors a real disk gives now and then)."""
    real = os.scandir

    def scandir(path: str) -> Iterator[os.DirEntry[str]]:
        if os.path.basename(path) == name:
            raise error
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_a_folder_failing_for_another_reason_than_permission_stops_the_walk(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Too many open files or an I/O error is no folder that cannot be listed: as an entry, the files stored for it
    would be taken for gone by a re-audit and their rows removed. The walk stops, naming the folder."""
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text("x")
    _scandir_failing(monkeypatch, "locked", OSError(errno.EMFILE, "Too many open files", str(tmp_path / "locked")))
    with pytest.raises(InputError, match=r"the folder cannot be listed \(.*locked: Too many open files\)"):
        list(walk_archive(tmp_path))


def test_a_folder_removed_while_walked_is_gone_and_permission_refused_is_an_entry(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("gone", "closed"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text("x")
    (tmp_path / "b.txt").write_text("x")
    real = os.scandir

    def scandir(path: str) -> Iterator[os.DirEntry[str]]:
        if os.path.basename(path) == "gone":
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", path)
        if os.path.basename(path) == "closed":
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    entries = {e.path: e.error for e in walk_archive(tmp_path)}
    assert entries == {"b.txt": None, "closed": "is a folder that cannot be listed (Permission denied); the files in "
                                                 "it were not read"}


def test_zip_members_and_their_problems(tmp_path: Path) -> None:
    packed = tmp_path / "a.zip"
    with zipfile.ZipFile(packed, "w") as zf:
        zf.writestr("articles/a.txt", "Photo: Jane Doe/AP")
        zf.writestr("/etc/passwd", "x")
        zf.writestr("../../up.txt", "x")
    entries = {e.path: e for e in walk_archive(packed)}
    assert read_entry(entries["articles/a.txt"]) == b"Photo: Jane Doe/AP"
    for bad in ("/etc/passwd", "../../up.txt"):
        assert entries[bad].error
        assert "unsafe path" in entries[bad].error
        with pytest.raises(InputError, match="unsafe path"):
            read_entry(entries[bad])


@pytest.mark.parametrize("make", [lambda p: None, lambda p: p.write_text("plain file")])
def test_walk_refuses_what_is_not_an_archive(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "thing"
    make(target)
    with pytest.raises(InputError):
        list(walk_archive(target))
