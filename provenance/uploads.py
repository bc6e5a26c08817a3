"""[edge] Check uploaded files held in memory: articles, images and zips of both.

Nothing is written to disk. Images are told apart by content; a zip is opened
in memory with the audit's safety rules (no unsafe paths, no bombs), and its
articles see the metadata of the images beside them.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from .archive import kind_of, zip_problem
from .c2pa_reader import trust_anchors
from .catalog import Catalog
from .check import check_article, check_evidence
from .errors import InputError
from .files import decode_article
from .images import image_facts, read_image
from .model import Evidence
from .profile import UsageProfile
from .report import file_dict
from .urls import split_url

MAX_THUMB_PIXELS = 60_000_000
THUMB_SIZE = (480, 480)
MAX_ZIP_MEMBERS = 2000


@dataclass
class Checked:
    name: str
    result: dict[str, Any]
    thumbnail: bytes | None = None
    evidence: list[Evidence] = field(default_factory=list)


def thumbnail(data: bytes) -> bytes | None:
    """A small JPEG re-encoded from the upload (never the original bytes), or None."""
    try:
        with Image.open(io.BytesIO(data)) as im:
            if im.width * im.height > MAX_THUMB_PIXELS:
                return None
            im.draft("RGB", THUMB_SIZE)
            small = im.convert("RGB")
            small.thumbnail(THUMB_SIZE)
            out = io.BytesIO()
            small.save(out, "JPEG", quality=80)
            return out.getvalue()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None


def check_image_bytes(name: str, data: bytes, catalog: Catalog, profile: UsageProfile) -> Checked:
    meta, ident = read_image(io.BytesIO(data), name, trust_anchors())
    assert ident is not None
    item = check_evidence(meta.evidence, catalog, label=name, src=name, profile=profile)
    extra = {"image": image_facts(meta, ident)}
    return Checked(name, file_dict(name, [item], "image", extra=extra), thumbnail(data), meta.evidence)


def check_text_bytes(name: str, data: bytes, catalog: Catalog, profile: UsageProfile,
                     images: dict[str, list[Evidence]] | None = None) -> Checked:
    text = decode_article(name, data)

    def embedded(src: str) -> list[Evidence]:
        parts = split_url(src)
        if parts.scheme or not images:
            return []
        return images.get(posixpath.normpath(posixpath.join(posixpath.dirname(name), parts.path)), [])

    article = check_article(text, catalog, name=name, profile=profile, image_evidence=embedded)
    return Checked(name, file_dict(name, article.items, article.kind, article.page))


def check_upload(name: str, data: bytes, catalog: Catalog, profile: UsageProfile) -> list[Checked]:
    """One result per file (several for a zip); a bad file is a result with an error, never an exception."""
    if zipfile.is_zipfile(io.BytesIO(data)):
        return _check_zip(name, data, catalog, profile)
    return [_check_one(name, data, catalog, profile)]


def _check_one(name: str, data: bytes, catalog: Catalog, profile: UsageProfile,
               images: dict[str, list[Evidence]] | None = None) -> Checked:
    kind, problem = kind_of(name, data[:4096])
    try:
        if kind == "image":
            return check_image_bytes(name, data, catalog, profile)
        if kind == "article":
            return check_text_bytes(name, data, catalog, profile, images)
        raise InputError(name, problem or "is neither an article (text, HTML, Markdown) nor an image")
    except InputError as exc:
        return Checked(name, {"file": name, "ok": False, "error": str(exc), "items": []})


def _check_zip(name: str, data: bytes, catalog: Catalog, profile: UsageProfile) -> list[Checked]:
    results: list[Checked] = []
    images: dict[str, list[Evidence]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [i for i in archive.infolist() if not i.is_dir()][:MAX_ZIP_MEMBERS]
        members.sort(key=lambda i: kind_of(i.filename, b"")[0] != "image")  # images first, for the articles
        for info in members:
            label = f"{name}:{info.filename}"
            problem = zip_problem(info)
            if problem:
                results.append(Checked(label, {"file": label, "ok": False, "error": f"{label}: {problem}",
                                               "items": []}))
                continue
            member = archive.read(info)
            checked = _check_one(label, member, catalog, profile, images)
            if checked.evidence:
                images[info.filename] = checked.evidence
            results.append(checked)
    return results
