"""[edge] Reading the user's article files. Never writes to them."""

from __future__ import annotations

from pathlib import Path

from .errors import InputError

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
MAX_ARTICLE_BYTES = 20 * 1024 * 1024


def read_article(path: str | Path) -> str:
    """The text of an article file: UTF-8 (with or without BOM), else cp1252."""
    file = Path(path)
    try:
        if file.is_dir():
            raise InputError(str(path), "is a folder, not an article file")
        size = file.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputError(str(path), f"is {size} bytes; articles over {MAX_ARTICLE_BYTES} are refused")
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror})") from None
    return decode_article(str(path), data)


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
