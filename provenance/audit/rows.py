"""[edge] A checked article as the rows the audit process stores (provenance.audit.save), in plain tuples.

They are built where the article was checked (an article worker, provenance.audit.articles), so that only
what the writer needs crosses between the processes: not the evidence of the images the article shows,
which the database holds already, nor the catalog's license and source objects of every record. A pickled
CheckedFile of an article of ten images of the benchmark corpus came to about 25 KiB and took 0.42 ms to
unpickle; its rows come to about 9 KiB and take 0.02 ms.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from provenance.render.audit_report import worst

if TYPE_CHECKING:  # types only (provenance.audit.save imports this module for the record's columns)
    from provenance.check import CheckedFile, CheckedItem
    from provenance.io.matching import PathIndex
    from provenance.model import Finding

ARTICLE_ORIGINS = frozenset({"caption", "html", "jsonld"})
# the columns of a record's row that come from its checked item, in RecordRow's order
RECORD_COLUMNS = ("creator", "organization", "via", "license_id", "license_url", "source_id", "status", "origins",
                  "attribution_text", "attribution_html", "attribution_markdown")

EvidenceRow = tuple[str, str, str, str, "str | None", str]  # field, value, origin, name, lang, location
FindingRow = tuple[str, str, str, str]  # code, severity, message, evidence
Text = str | None
RecordRow = tuple[Text, Text, Text, Text, Text, Text, str, str, Text, Text, Text]  # the values of RECORD_COLUMNS
Match = tuple[int, "int | None", str]  # the image file a usage shows: file id, image id, matched by (rule)
# a usage: src, caption (stored), key, match, the evidence the article gave, its record, its findings
UsageRow = tuple["str | None", "str | None", str, "Match | None", list[EvidenceRow], RecordRow, list[FindingRow]]
# an article's facts: title, byline, canonical URL, and when its encoding was guessed, what its text was read as
# and the declaration its bytes are not (ARTICLE_COLUMNS)
Facts = tuple["str | None", "str | None", "str | None", "str | None", "str | None"]
ARTICLE_COLUMNS = ("title", "byline", "canonical_url", "guessed_encoding", "declared_encoding")
# an article file: name, kind, error, its facts, its usages in order
ArticleRows = tuple[str, str, "str | None", Facts, list[UsageRow]]


def article_rows(checked: CheckedFile, ids: Mapping[str, tuple[int, int | None]],
                 problems: Mapping[str, str] | None = None, index: PathIndex | None = None) -> ArticleRows:
    """The rows of a checked article; `ids` gives each image file of the archive (by path) its file
    id and image id, for the usages whose reference matched a file; `problems`, the error of each
    such file that could not be read (by path); `index`, the archive's files by name, to tell a
    reference that several files' names answer from one that is missing."""
    from provenance.io.matching import named_files
    from provenance.store.usage_keys import article_keys

    page = {e.field: e.value for e in checked.page}
    guessed, declared = checked.guessed_encoding or (None, None)
    facts = (page.get("page_title"), page.get("byline"), page.get("canonical_url"), guessed, declared)
    if checked.error:
        return checked.name, checked.kind, checked.error, facts, []
    decoding = encoding_findings(checked.name, guessed, declared)
    captions = [usage_caption(item) for item in checked.items]
    keys = article_keys(checked.name, [(item.src, caption) for item, caption in zip(checked.items, captions,
                                                                                   strict=True)])
    usages: list[UsageRow] = []
    for item, caption, key in zip(checked.items, captions, keys, strict=True):
        found = checked.matches.get(item.src or "")
        match = (*ids[found.path], found.rule) if found else None
        same_name = named_files(index, item.src) if index is not None and item.src and not found else []
        extra = shown_file_findings(item.src, found is not None, (problems or {}).get(found.path) if found else None,
                                    same_name) + decoding
        usages.append((item.src, caption, key, match, given_evidence(item), record_values(item, extra),
                       finding_rows([*item.findings, *extra])))
    return checked.name, checked.kind, None, facts, usages


def shown_file_findings(src: str | None, matched: bool, problem: str | None,
                        same_name: Sequence[str] = ()) -> list[Finding]:
    """The findings about the file a usage shows, which count for its status: its reference matches no
    file of the archive (image-not-found; `same_name`, the files that have its name when there are several,
    so that no one file is meant), or a file that could not be read (image-unreadable)."""
    from provenance.rules.registry import make_finding

    if not src:
        return []
    if not matched:
        return [make_finding("image-not-found", src, src=src, where=_not_found_where(same_name))]
    return [make_finding("image-unreadable", src, src=src, problem=problem)] if problem else []


def encoding_findings(article: str, guessed: str | None, declared: str | None) -> list[Finding]:
    """The finding of each usage of an article whose encoding was guessed (`guessed`: what its text was read
    as; `declared`: the declaration its bytes are not), which counts for the usage's status: its names may be
    misread. None for an article read as it is encoded."""
    from provenance.rules.registry import make_finding

    if guessed is None:
        return []
    return [make_finding("encoding-guessed", article, article=article, reason=guess_reason(declared),
                         encoding=guessed)]


def guess_reason(declared: str | None) -> str:
    """Why an article's encoding was guessed, said of the article, by the declaration its bytes are not."""
    if declared and declared.startswith("UTF-8"):
        return f"declares {declared} but is not UTF-8"
    if declared:
        return f"is neither UTF-8 nor the {declared} it declares"
    return "is not UTF-8 and declares no encoding"


def _not_found_where(same_name: Sequence[str], shown: int = 5) -> str:
    if len(same_name) < 2:
        return "is not in the archive"
    listed = ", ".join(same_name[:shown]) + (", …" if len(same_name) > shown else "")
    return (f"matches no file by its path, and {len(same_name)} files of the archive have its name ({listed}), "
            "so which one it shows is not known")


def usage_caption(item: CheckedItem) -> str | None:
    """What a usage stores as its caption: the caption of its image, else the credit a plain-text
    article's line gave (a part of the usage's key, provenance.store.usage_keys)."""
    caption = next((e.value for e in item.evidence if e.field == "caption"), None)
    return item.credit.text if caption is None and item.credit is not None else caption


def given_evidence(item: CheckedItem) -> list[EvidenceRow]:
    """The evidence the article itself gave for a usage, as given (before screening), as a store keeps it."""
    return [(e.field, e.value, e.origin, e.name, e.lang, e.location) for e in item.given or item.evidence
            if e.origin in ARTICLE_ORIGINS and not e.derived]


def record_values(item: CheckedItem, extra: Iterable[Finding] = ()) -> RecordRow:
    """A record's values (RECORD_COLUMNS); its status is the worst of its findings and of `extra`, the
    findings about the usage itself (image-not-found)."""
    record, attribution = item.record, item.attribution
    status = worst([f.severity.value for f in item.findings] + [f.severity.value for f in extra])
    return (record.creator, record.organization, record.via, record.license.id if record.license else None,
            record.license_url, item.source.id if item.source else None, status, json.dumps(record.origins),
            attribution.text if attribution else None, attribution.html if attribution else None,
            attribution.markdown if attribution else None)


def finding_rows(findings: Iterable[Finding]) -> list[FindingRow]:
    return [(f.code, f.severity.value, f.message, f.evidence) for f in findings]
