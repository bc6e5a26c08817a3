"""Hostile zips: one bad member is a `file-error` naming it, and the audit goes on; a zip is
opened once per audit and walked in linear time. Every zip is built here, in code."""

from __future__ import annotations

import struct
import time
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from provenance.audit.run import run_audit
from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.errors import InputError
from provenance.io.archive import NESTED_ZIP, ZIPS, classify, open_archives, read_entry, walk_archive
from provenance.store import tables as t
from provenance.store.repository import open_store
from tests import samples

GOOD_ARTICLE = ("ok/story.txt", b"Day one. Photo: Jane Doe/AP\n")


def _zip(path: Path, members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns on a duplicated name, which one case wants
        with zipfile.ZipFile(path, "w", method) as archive:
            for name, data in members:
                archive.writestr(name, data)
    return path


def _patch(path: Path, name: str, local: Callable[[bytearray, int], None],
           central: Callable[[bytearray, int], None] | None = None) -> None:
    """Change the bytes of one member's local header (at its offset) and central directory entry."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    local(data, info.header_offset)
    entry = data.find(b"PK\x01\x02")
    while central and entry >= 0:
        length = struct.unpack_from("<H", data, entry + 28)[0]
        if data[entry + 46:entry + 46 + length] == name.encode():
            central(data, entry)
            break
        entry = data.find(b"PK\x01\x02", entry + 4)
    path.write_bytes(bytes(data))


def _method(method: int) -> Callable[[bytearray, int], None]:
    return lambda data, at: struct.pack_into("<H", data, at + 8, method)


def _central_method(method: int) -> Callable[[bytearray, int], None]:
    return lambda data, at: struct.pack_into("<H", data, at + 10, method)


def _bad_crc(data: bytearray, at: int) -> None:
    struct.pack_into("<I", data, at + 14, 0xDEADBEEF)


def _bad_central_crc(data: bytearray, at: int) -> None:
    struct.pack_into("<I", data, at + 16, 0xDEADBEEF)


def _rename_local(data: bytearray, at: int) -> None:
    data[at + 30:at + 31] = b"X"  # the local header's name no longer matches the directory's


def _garble(data: bytearray, at: int) -> None:
    start = at + 30 + struct.unpack_from("<H", data, at + 26)[0] + struct.unpack_from("<H", data, at + 28)[0]
    data[start:start + 8] = b"\xff" * 8  # deflate data that does not inflate


def _encrypted(data: bytearray, at: int) -> None:
    struct.pack_into("<H", data, at + 6, struct.unpack_from("<H", data, at + 6)[0] | 1)


def _central_encrypted(data: bytearray, at: int) -> None:
    struct.pack_into("<H", data, at + 8, struct.unpack_from("<H", data, at + 8)[0] | 1)


JPEG = samples.jpeg(samples.picture(64, 48, seed=1))
ARTICLE = b"Day two. Photo: John Roe/AFP\n" * 20

# (member name, its bytes, the local and central patches, what the file-error says)
BAD_MEMBERS = [
    pytest.param("bad/photo.jpg", JPEG, _encrypted, _central_encrypted, "is encrypted in the zip",
                 id="encrypted (traditional PKWARE flag)"),
    pytest.param("bad/photo.jpg", JPEG, _method(9), _central_method(9), "compression method this tool does not "
                 "read (method 9)", id="Deflate64"),
    pytest.param("bad/story.txt", ARTICLE, _method(99), _central_method(99), "(method 99)",
                 id="AES (WinZip method 99)"),
    pytest.param("bad/story.txt", ARTICLE, _rename_local, None, "cannot be read (BadZipFile: File name in "
                 "directory", id="local name differs from the central directory"),
    pytest.param("bad/photo.jpg", JPEG, _bad_crc, _bad_central_crc, "Bad CRC-32",
                 id="a CRC that does not match (a wrong size or damaged data)"),
    pytest.param("bad/story.txt", ARTICLE, _garble, None, "cannot be read", id="deflate data that does not inflate"),
]


def _audit(zip_path: Path, tmp_path: Path, catalog: Catalog) -> dict[str, list[str]]:
    """Audit the zip; the messages of each file's file-error findings, by path."""
    engine, sessions = open_store(f"sqlite:///{tmp_path / 'z.db'}")
    try:
        run_audit(str(zip_path), sessions, catalog, UsageProfile(), jobs=1)
        with sessions() as session:
            rows = session.execute(select(t.File.path, t.Finding.message).join(
                t.Finding, t.Finding.file_id == t.File.id).where(t.Finding.code == "file-error")).all()
            articles = session.scalars(select(t.File.path).join(t.Article, t.Article.file_id == t.File.id)).all()
    finally:
        engine.dispose()
    found: dict[str, list[str]] = {"articles": list(articles)}
    for path, message in rows:
        found.setdefault(path, []).append(message)
    return found


@pytest.mark.parametrize(("name", "data", "local", "central", "problem"), BAD_MEMBERS)
def test_one_bad_member_is_a_file_error(tmp_path: Path, catalog: Catalog, name: str, data: bytes,
                                        local: Callable[[bytearray, int], None],
                                        central: Callable[[bytearray, int], None] | None, problem: str) -> None:
    path = _zip(tmp_path / "hostile.zip", [GOOD_ARTICLE, ("ok/photo.jpg", JPEG), (name, data)])
    _patch(path, name, local, central)
    found = _audit(path, tmp_path, catalog)
    [message] = found[name]
    assert message.startswith(f"{name}: ")
    assert problem in message
    assert "ok/story.txt" in found["articles"]  # the audit went on
    assert "ok/photo.jpg" not in found


def test_duplicated_member_name_is_a_file_error(tmp_path: Path, catalog: Catalog) -> None:
    path = _zip(tmp_path / "dup.zip", [GOOD_ARTICLE, ("twice.txt", b"Photo: A/AP"), ("twice.txt", b"Photo: B/AP")])
    found = _audit(path, tmp_path, catalog)
    assert found["twice.txt"] == ["twice.txt: appears 2 times in the zip (which one is meant is unclear); not read"]
    assert found["articles"] == ["ok/story.txt"]


def test_a_zip_inside_the_zip_is_a_file_error_saying_so(tmp_path: Path, catalog: Catalog) -> None:
    """A zip inside the audited zip (or folder) is not opened; it used to be passed over without a word."""
    inner = _zip(tmp_path / "inner.zip", [("x.txt", b"Photo: A/AP")]).read_bytes()
    path = _zip(tmp_path / "outer.zip", [GOOD_ARTICLE, ("more/batch.zip", inner), ("more/empty.bin", b"PK\x05\x06"
                                                                                  + bytes(18))])
    found = _audit(path, tmp_path, catalog)
    assert found["more/batch.zip"] == [f"more/batch.zip: {NESTED_ZIP}"]
    assert found["more/empty.bin"] == [f"more/empty.bin: {NESTED_ZIP}"]
    assert found["articles"] == ["ok/story.txt"]


def test_corrupt_central_directory_is_one_error_naming_the_zip(tmp_path: Path) -> None:
    path = _zip(tmp_path / "broken.zip", [GOOD_ARTICLE])
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    data[at:at + 4] = b"JUNK"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"broken\.zip: the zip's central directory is damaged"):
        list(walk_archive(path))


def test_member_inflating_past_the_cap_is_refused_while_inflating(tmp_path: Path) -> None:
    """A header that claims a small size cannot make a member inflate past the cap: reading stops at it."""
    path = _zip(tmp_path / "bomb.zip", [("big.txt", b"a" * 3_000_000)])
    [entry] = walk_archive(path)
    with pytest.raises(InputError, match=r"big\.txt: is larger than 1000000 bytes; not read"):
        read_entry(entry, limit=1_000_000)


def _walk_and_read(path: Path) -> float:
    started = time.process_time()  # CPU time: a loaded machine moves wall time by more than the ratio checks
    with open_archives():
        for entry in walk_archive(path):
            classify(entry)
            read_entry(entry)
    return time.process_time() - started


def test_zip_walker_is_linear_and_opens_the_zip_once(tmp_path: Path) -> None:
    """Walking, classifying and reading every member: 10 times the members take about 10 times as long
    (a zip reopened per member grows quadratically), and the zip is opened once."""
    small = _zip(tmp_path / "small.zip", [(f"a/story-{n}.txt", b"Photo: Jane Doe/AP\n" * 5) for n in range(300)])
    large = _zip(tmp_path / "large.zip", [(f"a/story-{n}.txt", b"Photo: Jane Doe/AP\n" * 5) for n in range(3000)])
    before = ZIPS.opened
    _walk_and_read(small)
    assert ZIPS.opened - before == 1
    ratio = min(_walk_and_read(large) for _ in range(2)) / min(_walk_and_read(small) for _ in range(3))
    assert ratio < 25, f"10x the members took {ratio:.1f}x as long"
