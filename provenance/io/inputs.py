"""[edge] The one "check a source" flow that every surface calls.

`check_source(source, catalog, profile, siblings)` takes one source — a file on
disk, bytes from an upload, a zip member, pasted text — and returns its
`CheckedFile`: an image is read for its embedded metadata and checked; an
article is parsed, each image it references is matched to a file among its
siblings (by `provenance.io.matching`, the same rule everywhere) and the
image's own metadata joins the caption's evidence. A source that cannot be
read is a `CheckedFile` with an error, never an exception.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from provenance.budget import WorkStopped, checkpoint
from provenance.catalog.load import Catalog
from provenance.catalog.profile import UsageProfile
from provenance.check import CheckedFile, ImageFacts, Match, check_article, check_evidence
from provenance.errors import EMPTY_FILE, InputError, ProvenanceError
from provenance.io.archive import kind_of
from provenance.io.c2pa_reader import trust_anchors
from provenance.io.files import decode_article, decode_text, open_listed, read_file_bytes
from provenance.io.image_reader import CHECK_DECODE_PIXELS, Identity, ImageMetadata
from provenance.io.images import read_image, read_shown_image
from provenance.io.matching import PathIndex, SetIndex, match_src, named_files
from provenance.model import Evidence

if TYPE_CHECKING:  # the HTTP side (requests, Beautiful Soup) is imported only for a Commons page or a verifier,
    # so that an audit, which has neither, starts without it
    from provenance.io.verify import Verifier

HEAD = 4096


@dataclass(frozen=True)
class SourceFile:
    """One thing to check. `path` is its place in its archive (POSIX, used to match
    an article's image references); `name` is what people are shown."""

    name: str
    path: str
    data: bytes | None = None
    file: Path | None = None
    kind: str | None = None  # plain, markdown or html when the person said so; commons for a Commons file page
    url: str | None = None  # where it was fetched from (provenance.io.url_check)
    charset: str | None = None  # the charset its HTTP Content-Type named (provenance.io.files.decode_text)
    # its image read by the siblings' reader (memory_sources): an upload an uploaded article shows is read once
    image: Callable[[], tuple[ImageMetadata, Identity | None]] | None = None

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.file is not None
        return read_file_bytes(self.file, self.name)

    def stream(self) -> BinaryIO | str:
        return str(self.file) if self.data is None and self.file is not None else io.BytesIO(self.read())


class Siblings:
    """The files beside an article: an index for matching, and a way to get an image's evidence."""

    def __init__(self, index: PathIndex, evidence: Callable[[str], tuple[list[Evidence], list[str]]],
                 prefix: str = "", then: Siblings | None = None) -> None:
        self.index = index
        self.evidence = evidence
        self.prefix = prefix  # put before a matched path for `evidence` (a zip's members: the zip's name)
        self.then = then  # asked when this index has no such file (a zip's members: the loose uploads)

    def match(self, article: str, src: str) -> Match | None:
        """The file an article's image reference names (a fetched page's siblings match URLs instead)."""
        found = match_src(self.index, article, src)
        if found is None:
            # a file name two of these files hold is not looked for further: a third is no answer
            return self.then.match(article, src) if self.then and not named_files(self.index, src) else None
        return Match(found.src, self.prefix + found.path, found.rule) if self.prefix else found

    def image_sha1(self, src: str) -> str | None:
        """The SHA-1 of the bytes these siblings read for an image reference, where they keep it (a fetched
        page's images: provenance.io.url_check); None here. A fact of these siblings' images alone: another
        article's reference written the same way names another file."""
        return None


def check_source(source: SourceFile, catalog: Catalog, profile: UsageProfile,
                 siblings: Siblings | None = None, verifier: Verifier | None = None) -> CheckedFile:
    """Check one source; a failure to read it is the CheckedFile's error, never an exception.

    With a `verifier`, what the evidence claims is checked against Wikimedia Commons and
    Flickr (provenance.io.verify) and the items are checked again with their answers. Under a work
    budget (provenance.budget) it raises WorkStopped when the budget says to stop."""
    checkpoint()
    try:
        if source.kind == "commons":
            if verifier is None:
                from provenance.io.verify import Verifier

                verifier = Verifier.from_env()
            return verifier.commons_page(source.name, catalog, profile)
        checked = _check(source, catalog, profile, siblings)
        if verifier is None or checked.error:
            return checked
        return verifier.verify(checked, source.read, catalog, profile, siblings.image_sha1 if siblings else None)
    except WorkStopped:
        raise  # the whole request stops, not one source
    except ProvenanceError as exc:
        return CheckedFile(source.name, "error", error=str(exc))
    except Exception as exc:  # noqa: BLE001 - one source's unexpected failure never stops a batch
        return CheckedFile(source.name, "error", error=f"{source.name}: could not be checked "
                                                       f"({type(exc).__name__}: {exc})")


def _check(source: SourceFile, catalog: Catalog, profile: UsageProfile, siblings: Siblings | None) -> CheckedFile:
    data = source.read() if source.data is not None or source.kind else _head(source)
    if not data:
        raise InputError(source.name, EMPTY_FILE)
    kind, problem = ("article", None) if source.kind else kind_of(source.path, data[:HEAD])
    if kind == "image":
        return check_image_source(source, catalog, profile)
    if kind == "article":
        return _check_article(source, catalog, profile, siblings)
    if problem is None:
        decode_article(source.name, data)  # says why binary data is not an article
    raise InputError(source.name, problem or "is neither an article (text, HTML, Markdown) nor an image")


def _head(source: SourceFile) -> bytes:
    assert source.file is not None
    return read_file_bytes(source.file, source.name, limit=HEAD)


def check_image_source(source: SourceFile, catalog: Catalog, profile: UsageProfile) -> CheckedFile:
    meta, ident = source.image() if source.image else read_image(source.stream(), source.name, trust_anchors(),
                                                                  decode_limit=CHECK_DECODE_PIXELS)
    assert ident is not None
    where = [Evidence("image_src", source.url, "html", "image URL")] if source.url else []
    item = check_evidence(meta.evidence + where, catalog, label=source.name, src=source.name, profile=profile)
    facts = ImageFacts(meta.format, meta.width, meta.height, ident.sha256, ident.size, ident.phash,
                       tuple(meta.problems))
    return CheckedFile(source.name, "image", [item], image=facts, problems=list(meta.problems))


def _check_article(source: SourceFile, catalog: Catalog, profile: UsageProfile,
                   siblings: Siblings | None) -> CheckedFile:
    decoded = decode_text(source.name, source.read(), source.charset)
    text = decoded.text
    matches: dict[str, Match] = {}
    guess = decoded.guess()
    problems: list[str] = [f"{source.name}: {guess}"] if guess else []

    def embedded(src: str) -> list[Evidence]:
        found = siblings.match(source.path, src) if siblings else None
        if found is None or siblings is None:
            return []
        matches[src] = found
        try:
            evidence, found_problems = siblings.evidence(found.path)
        except InputError as exc:
            problems.append(str(exc))
            return []
        problems.extend(found_problems)
        return evidence

    article = check_article(text, catalog, name=source.name, kind=source.kind, profile=profile,
                            image_evidence=embedded)
    return CheckedFile(source.name, article.kind, article.items, article.page, problems=problems, matches=matches,
                       guessed_encoding=decoded.guessed_as())


def image_evidence_reader(open_path: Callable[[str], BinaryIO | str], shown: Callable[[str], str] | None = None,
                          ) -> Callable[[str], tuple[list[Evidence], list[str]]]:
    """Evidence embedded in the image at an archive path (metadata and C2PA), and the problems met
    reading it (ImageReads.evidence)."""
    return ImageReads(open_path, shown).evidence


class ImageReads:
    """The images of an archive, each read once by its path: metadata, C2PA and identity, whose perceptual
    hash decodes the picture (small) as an audit decodes it, so that a file cut short after its metadata is an
    InputError here too and its half-read rights are not taken. Each is named as `shown` names its path
    (else by the path); a read that failed raises its InputError again, unread."""

    def __init__(self, open_path: Callable[[str], BinaryIO | str], shown: Callable[[str], str] | None = None,
                 ) -> None:
        self.open_path, self.shown = open_path, shown
        self.done: dict[str, tuple[ImageMetadata, Identity | None] | InputError] = {}

    def read(self, path: str) -> tuple[ImageMetadata, Identity | None]:
        """The image at `path`, read the first time it is asked for."""
        if path not in self.done:
            source = self.open_path(path)
            try:
                self.done[path] = read_shown_image(source, self.name(path), trust_anchors())
            except InputError as exc:
                self.done[path] = exc
            finally:
                if not isinstance(source, str):
                    source.close()
        found = self.done[path]
        if isinstance(found, InputError):
            raise found
        return found

    def read_as(self, path: str, name: str) -> tuple[ImageMetadata, Identity | None]:
        """read of the image at `path` for a result named `name` (one of two spellings of one file on a
        command line): a failed read's error names it so, not as the shared read named it."""
        try:
            return self.read(path)
        except InputError as exc:
            if exc.path == self.name(path) != name:
                raise InputError(name, exc.reason) from None
            raise

    def evidence(self, path: str) -> tuple[list[Evidence], list[str]]:
        """The image's embedded evidence and the problems met reading it, each naming the image."""
        meta, _ = self.read(path)
        return meta.evidence, [f"{self.name(path)}: {p}" for p in meta.problems]

    def name(self, path: str) -> str:
        return self.shown(path) if self.shown else path


class FolderIndex:
    """The files under a folder on disk, looked up lazily: paths by asking the file
    system, names by walking the folder once (at most MAX_WALK files)."""

    MAX_WALK = 20_000

    def __init__(self, root: Path) -> None:
        self.root = root
        self._names: SetIndex | None = None

    def has(self, path: str) -> bool:
        target = self.root / path
        return target.is_file() and not target.is_symlink() and target.resolve().is_relative_to(self.root)

    def named(self, name: str) -> list[str]:
        if self._names is None:
            self._names = SetIndex(_walk(self.root, self.MAX_WALK))
        return self._names.named(name)


def _walk(root: Path, limit: int) -> Iterator[str]:
    count = 0
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            if not file.startswith("."):
                yield Path(folder, file).relative_to(root).as_posix()
                count += 1
                if count >= limit:
                    return


def file_sources(paths: list[str]) -> list[tuple[SourceFile, Siblings]]:
    """Files named on a command line: each with the folder around it as its siblings.

    The archive root of a lone article is the folder above the article's own
    folder, so that `articles/a.html` finds `../images/a.jpg` as in an audit. The files of one root share
    one reader of images (ImageReads): an image named on the command line that an article named beside it
    shows is read and decoded once, named as the command line names it in both results."""
    placed = []
    for path in paths:
        file = Path(path)
        root = file.resolve().parent.parent  # the root's parent is the root itself
        placed.append((path, file, root, file.resolve().relative_to(root).as_posix()))
    reads: dict[Path, tuple[ImageReads, Siblings]] = {}
    for path, _, root, inner in placed:
        if root not in reads:
            given = {inner: path for path, _, at, inner in placed if at == root}
            reader = ImageReads(partial(_path_in, root), partial(_given_name, given))
            reads[root] = reader, Siblings(FolderIndex(root), reader.evidence)
    return [(SourceFile(path, inner, file=file, image=partial(reads[root][0].read_as, inner, path)), reads[root][1])
            for path, file, root, inner in placed]


def _given_name(given: dict[str, str], inner: str) -> str:
    """An image's name: as the command line named it, else its path under the root."""
    return given.get(inner, inner)


def _path_in(root: Path, path: str) -> BinaryIO:
    """The image an article names, opened once: a regular file, never through a link (open_listed)."""
    return open_listed(str(root / path), path)


class UploadSiblings(Siblings):
    """The siblings of a loose upload or the pasted text (memory_sources): a loose upload by its path; else a
    zip's member by its path inside the zip, where one zip alone holds that path; else a file name unique
    among every file (`index`, where a zip's member is kept at `zip/path`)."""

    def __init__(self, index: SetIndex, evidence: Callable[[str], tuple[list[Evidence], list[str]]],
                 loose: SetIndex, zips: dict[str, SetIndex]) -> None:
        super().__init__(index, evidence)
        self.loose, self.zips = loose, zips

    def match(self, article: str, src: str) -> Match | None:
        found = match_src(self.loose, article, src, by_name=False)
        if found is not None:
            return found
        inside = [Match(src, memory_key(group, m.path), m.rule) for group, paths in self.zips.items()
                  if (m := match_src(paths, article, src, by_name=False)) is not None]
        if inside:
            return inside[0] if len(inside) == 1 else None  # two zips hold that path: neither is guessed
        return match_src(self.index, article, src)


def memory_sources(files: list[tuple[str, str, bytes, str]],
                   ) -> tuple[list[tuple[SourceFile, Siblings, str]], Siblings]:
    """Files held in memory (uploads, zip members) as (name, path, bytes, group), each with its siblings and
    its key (`memory_key`); and the siblings of a loose article or a pasted text.

    A zip's members (group: the zip's name, path: inside the zip) see the members of their zip, as an
    audit of that zip would, then the loose uploads (unless two of their zip's members hold the name they
    look for): two zips that hold one path never lend each other their images. A loose upload (group "")
    and the pasted text see every file (UploadSiblings): a loose upload by path, a zip's member by its path
    in the zip where one zip alone holds it, any by a file name unique among all. Of two uploads at one key
    (one name uploaded twice), the last is read. A problem met reading an image names it as its result
    does (`name`: `zip:path` for a zip's member)."""
    data = {memory_key(group, path): content for _, path, content, group in files}
    names = {memory_key(group, path): name for name, path, _, group in files}
    reads = ImageReads(lambda key: io.BytesIO(data[key] or b""), names.__getitem__)
    reader = reads.evidence
    loose_paths = SetIndex(memory_key(group, path) for _, path, _, group in files if not group)
    inside: dict[str, list[str]] = {}
    for _, path, _, group in files:
        if group:
            inside.setdefault(group, []).append(path)
    indexes = {group: SetIndex(paths) for group, paths in inside.items()}
    everything = UploadSiblings(SetIndex(data), reader, loose_paths, indexes)
    loose = Siblings(loose_paths, reader)
    zips = {group: Siblings(index, reader, memory_key(group, ""), loose) for group, index in indexes.items()}
    sources = [(SourceFile(name, path, data=content, image=partial(reads.read, key) if data[key] is content else None),
                zips[group] if group else everything, key)
               for name, path, content, group in files for key in (memory_key(group, path),)]
    return sources, everything


def memory_key(group: str, path: str) -> str:
    """Where memory_sources keeps a file: its path, under its zip's name as a folder for a zip's member."""
    return f"{group}/{path}" if group else path
