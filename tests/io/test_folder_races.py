"""A folder's file changed between the audit's walk and its read: a symbolic link put in its place (to a file
outside the audited folder), a FIFO (which would block the open until some writer came), or a folder on its
path swapped for a link. Each is refused with an error naming the file, and nothing outside is read."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from provenance.audit.extract import extract
from provenance.audit.reading import kind_of_entry
from provenance.errors import InputError
from provenance.io.archive import Entry, entry_source, read_entry, walk_archive
from provenance.io.inputs import file_sources
from tests import samples

SECRET = b"Photo: Outside Person/Private (all rights reserved)\n"


@pytest.fixture
def no_hang() -> Iterator[None]:
    """A read that blocks (a FIFO opened without O_NONBLOCK) fails the test after 5 s instead of hanging it."""
    def late(_signum: int, _frame: FrameType | None) -> None:
        raise TimeoutError("the read blocked")

    previous = signal.signal(signal.SIGALRM, late)
    signal.alarm(5)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _walked(root: Path, files: dict[str, bytes]) -> dict[str, Entry]:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return {e.path: e for e in walk_archive(root)}


def test_a_file_swapped_for_a_link_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "outside.txt").write_bytes(SECRET)
    root = tmp_path / "archive"
    entry = _walked(root, {"story.txt": b"Photo: Jane Doe/AP\n"})["story.txt"]
    (root / "story.txt").unlink()
    (root / "story.txt").symlink_to(tmp_path / "outside.txt")

    kind, problem = kind_of_entry(entry)
    assert kind == "other"
    assert "symbolic link" in (problem or "")
    with pytest.raises(InputError, match=r"^story\.txt: .*symbolic link.*not read"):
        read_entry(entry)


def test_an_image_swapped_for_a_link_is_an_error_of_the_audit(tmp_path: Path) -> None:
    (tmp_path / "private.jpg").write_bytes(samples.jpeg())
    root = tmp_path / "archive"
    entry = _walked(root, {"photo.jpg": samples.jpeg(samples.picture(seed=2))})["photo.jpg"]
    (root / "photo.jpg").unlink()
    (root / "photo.jpg").symlink_to(tmp_path / "private.jpg")

    with pytest.raises(InputError, match="symbolic link"):
        entry_source(entry)
    result = extract((entry, None, False))
    assert result.sha256 is None
    assert (result.error or "").startswith("photo.jpg: is now a symbolic link")


def test_a_file_swapped_for_a_fifo_never_blocks(tmp_path: Path, no_hang: None) -> None:
    root = tmp_path / "archive"
    walked = _walked(root, {"story.txt": b"Photo: Jane Doe/AP\n", "photo.jpg": samples.jpeg()})
    for name in walked:
        (root / name).unlink()
        os.mkfifo(root / name)

    assert kind_of_entry(walked["story.txt"]) == ("other", "is a FIFO (named pipe), not a regular file; not read")
    with pytest.raises(InputError, match=r"^story\.txt: is a FIFO"):
        read_entry(walked["story.txt"])
    result = extract((walked["photo.jpg"], None, False))
    assert result.error == "photo.jpg: is a FIFO (named pipe), not a regular file; not read"


def test_a_folder_swapped_for_a_link_is_refused_by_the_files_identity(tmp_path: Path) -> None:
    """O_NOFOLLOW guards the last part of the path only: a folder on the way swapped for a link to another
    folder is caught by the walk's (device, inode) of the file, checked on the opened descriptor."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "story.txt").write_bytes(SECRET)
    root = tmp_path / "archive"
    entry = _walked(root, {"sub/story.txt": b"Photo: Jane Doe/AP\n"})["sub/story.txt"]
    (root / "sub").rename(tmp_path / "moved")
    (root / "sub").symlink_to(elsewhere)

    assert kind_of_entry(entry) == ("other", "was replaced by another file since the folder was listed; not read")
    with pytest.raises(InputError, match="replaced by another file"):
        read_entry(entry)


def test_an_article_checked_from_the_command_line_reads_no_linked_image(tmp_path: Path) -> None:
    """`provenance check article.md`: the image the article names is opened as a regular file of its folder,
    never through a link put there after the folder was looked at."""
    from provenance.catalog.load import default_catalog
    from provenance.catalog.profile import UsageProfile
    from provenance.io.inputs import check_source

    (tmp_path / "private.jpg").write_bytes(samples.jpeg())
    folder = tmp_path / "site" / "posts"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text("![x](x.jpg)\nPhoto: Jane Doe/AP\n")
    (folder / "x.jpg").write_bytes(samples.jpeg(samples.picture(seed=3)))
    [(source, siblings)] = file_sources([str(folder / "a.md")])
    assert siblings.index.has("posts/x.jpg")  # the article's image was found
    (folder / "x.jpg").unlink()
    (folder / "x.jpg").symlink_to(tmp_path / "private.jpg")

    checked = check_source(source, default_catalog(), UsageProfile(), siblings)
    assert checked.error is None
    assert any("x.jpg: is now a symbolic link" in p for p in checked.problems)
