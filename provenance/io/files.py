"""[edge] Reading the user's article files. Never writes to them."""

from __future__ import annotations

from pathlib import Path

from provenance.errors import InputError

MAX_ARTICLE_BYTES = 20 * 1024 * 1024


def read_article(path: str | Path) -> str:
    """The text of an article file: UTF-8 (with or without BOM), else cp1252."""
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


def decode_article(name: str, data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(name, "is not a text file (it contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(name, "is neither UTF-8 nor Windows-1252 text") from None
