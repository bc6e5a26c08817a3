"""Uploaded files held in memory: articles, images and zips of both, checked by the
library's one flow (`check_source`) with every uploaded file as a sibling of the others.

Nothing is written to disk. A zip is opened in memory with the audit's safety rules
(no unsafe paths, no bombs); its members join the uploads beside it.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.check import CheckedFile
from provenance.check_split import item_findings
from provenance.errors import InputError
from provenance.io.archive import READ_ERRORS, duplicated, open_zip, read_capped, zip_problem
from provenance.io.image_reader import open_image
from provenance.io.inputs import SourceFile, check_source, memory_sources
from provenance.io.verify import Verifier
from provenance.render.check_report import file_dict

MAX_THUMB_PIXELS = 60_000_000
THUMB_SIZE = (480, 480)
MAX_ZIP_MEMBERS = 2000
MAX_UPLOAD_MEMBER = 64 * 1024 * 1024  # one member of an uploaded zip, unpacked
MAX_UPLOAD_INFLATED = 256 * 1024 * 1024  # all members of one uploaded zip, unpacked


@dataclass
class Checked:
    """One uploaded file checked (`file`), or refused before it could be (`refused`: its result)."""

    name: str
    file: CheckedFile | None
    thumbnail: bytes | None = None
    refused: dict[str, Any] | None = None
    used_in: tuple[tuple[str, str], ...] = ()  # an image: (an article checked with it, the reference it wrote)

    def result(self, shown: slice | None = None, only: str | None = None) -> dict[str, Any]:
        """The file as JSON, with only the items `shown` (see `file_result`); an image that an article
        checked beside it shows says so in `used_in` (its caption's check is that article's item)."""
        result = file_result(self.file, shown, only) if self.file is not None else dict(self.refused or {})
        if self.used_in:
            result["used_in"] = [{"file": article, "src": src} for article, src in self.used_in]
        return result


def uploaded_files() -> list[tuple[str, bytes]]:
    """(name, bytes) of every file of the request's `files` field; each upload is closed once read
    (a large one is spooled to a temporary file by the form parser)."""
    from flask import request

    files = []
    for upload in request.files.getlist("files"):
        try:
            if upload.filename:
                files.append((upload.filename, upload.read()))
        finally:
            upload.close()
    return files


def thumbnail(data: bytes) -> bytes | None:
    """A small JPEG re-encoded from the upload (never the original bytes), or None."""
    try:
        with open_image(io.BytesIO(data), "upload") as im:
            if im.width * im.height > MAX_THUMB_PIXELS:
                return None
            im.draft("RGB", THUMB_SIZE)
            small = im.convert("RGB")
            small.thumbnail(THUMB_SIZE)
            out = io.BytesIO()
            small.save(out, "JPEG", quality=80)
            return out.getvalue()
    except (OSError, ValueError, SyntaxError, InputError):
        return None


def check_uploads(files: list[tuple[str, bytes]], catalog: Catalog, profile: UsageProfile,
                  text: SourceFile | None = None, verifier: Verifier | None = None) -> list[Checked]:
    """One result per file (a zip gives one per member, the pasted text comes first); every
    upload sees the others as siblings; a bad file is a result with an error, never an exception."""
    members: list[tuple[str, str, bytes, str]] = []
    refused: list[Checked] = []
    for name, data in files:
        if zipfile.is_zipfile(io.BytesIO(data)):
            _unzip(name, data, members, refused)
        else:
            members.append((name, name, data, ""))
    sources, everything = memory_sources(members)
    results = [_checked(check_source(text, catalog, profile, everything, verifier), None)] if text else []
    # the result of the file each key reads: of two uploads at one key (one name uploaded twice) the siblings
    # read the last one's bytes (memory_sources)
    read = {key: number for number, (_, _, key) in enumerate(sources, start=len(results))}
    for source, siblings, _ in sources:
        checked = check_source(source, catalog, profile, siblings, verifier)
        results.append(_checked(checked, thumbnail(source.data or b"") if checked.kind == "image" else None))
    _mark_used(results, read)
    return results + refused


def _mark_used(results: list[Checked], read: dict[str, int]) -> None:
    """Each uploaded image that an uploaded article (or the pasted text) shows gets `used_in`: where its
    caption and its own metadata were checked together (`CheckedFile.matches`, the one matching rule).
    `read`: the number of the result whose bytes the siblings read at each key (memory_sources); another
    upload at the same key was checked with no caption, and keeps its own check."""
    used: dict[str, list[tuple[str, str]]] = {}
    for checked in results:
        for src, match in (checked.file.matches.items() if checked.file is not None else ()):
            used.setdefault(match.path, []).append((checked.name, src))
    for path, uses in used.items():
        checked = results[read[path]]
        if checked.file is not None and checked.file.kind == "image":
            checked.used_in = tuple(uses)


def _checked(checked: CheckedFile, thumb: bytes | None) -> Checked:
    return Checked(checked.name, checked, thumb)


def file_result(checked: CheckedFile, shown: slice | None = None, only: str | None = None) -> dict[str, Any]:
    """A checked file as JSON (`file_dict`); with `shown`, only those of its items (a page of a long
    paste: thousands of items are not written out), and of all of them: `item_count`, `error_count`
    and `summary` (`finding_summary`). With `only` (a finding code), the items with that finding are
    paged and counted; `summary` and `all_count` still count every item."""
    if shown is None:
        return file_dict(checked)
    items = [i for i in checked.items if any(f.code == only for f in i.findings)] if only else checked.items
    result = file_dict(replace(checked, items=items[shown]))
    findings = item_findings(checked.items)  # (of a long text checked in chunks, no item read for it)
    errors = [any(severity == "error" for _, severity in item) for item in findings]
    result.update(ok=not any(errors), item_count=len(items), all_count=len(checked.items),
                  error_count=sum(item.has_error for item in items) if only else sum(errors),
                  summary=finding_summary(findings))
    return result


SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def finding_summary(items: list[tuple[tuple[str, str], ...]]) -> list[dict[str, Any]]:
    """Each finding code among the items (each item's findings as (code, severity): check_split.item_findings),
    with how many items have it and its worst severity there: the worst and most frequent first."""
    counts: dict[str, list[Any]] = {}
    for item in items:
        for code, severity in dict(item).items():
            seen = counts.setdefault(code, [0, severity])
            seen[0] += 1
            seen[1] = min(seen[1], severity, key=SEVERITY_ORDER.__getitem__)
    rows = [{"code": code, "count": n, "severity": severity} for code, (n, severity) in counts.items()]
    return sorted(rows, key=lambda row: (SEVERITY_ORDER[row["severity"]], -row["count"], row["code"]))


def _refuse(refused: list[Checked], label: str, error: str) -> None:
    refused.append(Checked(label, None, refused={"file": label, "ok": False, "error": error, "items": []}))


def _unzip(name: str, data: bytes, members: list[tuple[str, str, bytes, str]], refused: list[Checked]) -> None:
    """The members of an uploaded zip, each inflated chunk by chunk under the caps (a member's
    size in the zip's header is never trusted); a member that cannot be read, or whose name the zip
    holds twice, is a refused result, and so is the zip whose directory cannot be read, or the
    members past MAX_ZIP_MEMBERS (counted, never silently dropped)."""
    budget = MAX_UPLOAD_INFLATED
    try:
        archive = open_zip(io.BytesIO(data), name)
    except InputError as exc:
        _refuse(refused, name, str(exc))
        return
    with archive:
        infos = [i for i in archive.infolist() if not (i.filename and i.is_dir())]
        if len(infos) > MAX_ZIP_MEMBERS:
            _refuse(refused, name, f"{name}: holds {len(infos)} files; only the first {MAX_ZIP_MEMBERS} were read")
        names, seen = Counter(i.filename for i in infos), set()
        for info in infos[:MAX_ZIP_MEMBERS]:
            if info.filename in seen:  # a name the zip holds twice is refused once, as in an audit
                continue
            seen.add(info.filename)
            label = f"{name}:{info.filename}"
            try:
                problem = duplicated(info.filename, names) or zip_problem(info)
                if problem:
                    raise InputError(label, problem)
                with archive.open(info) as stream:
                    member = read_capped(stream, label, min(MAX_UPLOAD_MEMBER, budget))
            except InputError as exc:
                _refuse(refused, label, str(exc))
                continue
            except READ_ERRORS as exc:
                _refuse(refused, label, f"{label}: cannot be read ({exc})")
                continue
            budget -= len(member)
            members.append((label, info.filename, member, name))
