"""[edge] The one read model over the audit's usages, records, findings and unreadable files.

One row per usage (an image, or a credit of a plain-text article, in an article), then one per image
no article uses, then one per unreadable file. Filters, sorting and pages are done in SQL, alike on
SQLite and PostgreSQL; each row carries its findings, worst first. The archive page, `/api/images`,
the dashboard's exports and the CLI report all read these rows. Each combination of filters (a `Shape`)
has its statements built once; the filters' values are bound parameters.
"""

from __future__ import annotations

import functools
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from typing import Any, NamedTuple

from sqlalchemy import (
    BindParameter,
    Integer,
    Select,
    String,
    bindparam,
    case,
    cast,
    func,
    literal,
    literal_column,
    null,
    select,
    table,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from provenance.audit.cache import ArchiveCache, archive_version
from provenance.audit.filters import PER_PAGE, SEVERITY_RANK, STATUSES, Filters
from provenance.audit.labels import Labels
from provenance.audit.search import (
    IDS_FIRST,
    LIKE,
    NARROW,
    NO_SEARCH,
    RARE_PART,
    TRIGRAM,
    search_index,
    search_mode,
    trigram_shares,
)
from provenance.render.audit_report import ReportRow
from provenance.store import tables as t

__all__ = ["PER_PAGE", "STATUSES", "ArchiveRow", "FindingView", "Filters", "archive_page", "all_rows",
           "finding_views", "report_rows"]


@dataclass(frozen=True)
class FindingView:
    code: str
    severity: str
    message: str
    evidence: str = ""
    scope: str = "item"


@dataclass(frozen=True)
class ArchiveRow:
    """One row of the archive; `kind` is usage, image (no article uses it) or file (unreadable)."""

    kind: str
    record_id: int | None
    usage_id: int | None
    image_id: int | None
    file_id: int | None
    article: str
    src: str
    image: str
    creator: str
    organization: str
    license: str
    license_name: str
    source: str
    status: str
    attribution: str
    findings: tuple[FindingView, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in ROW_FIELDS}  # dataclasses.asdict deep-copies: slower
        data["findings"] = [{"code": f.code, "severity": f.severity, "message": f.message} for f in self.findings]
        return data

    def report(self) -> ReportRow:
        return ReportRow(article=self.article, image=self.image, src=self.src, creator=self.creator,
                         organization=self.organization, license=self.license, status=self.status,
                         findings=" ".join(f.code for f in self.findings),
                         messages=" ".join(f.message for f in self.findings), attribution=self.attribution)


ROW_FIELDS = tuple(f.name for f in fields(ArchiveRow))


def _rank(*owner: Any) -> Any:
    """The worst severity among the findings of one owner, as a rank (error 0 … none 3)."""
    ranked = case(*((t.Finding.severity == s, r) for s, r in SEVERITY_RANK.items()), else_=len(SEVERITY_RANK))
    return select(func.min(ranked)).where(*owner).scalar_subquery()


MARK = "?"  # a filter's value in a query's shape: the values are bound parameters


class Shape(NamedTuple):
    """What a query depends on besides the values: which filters are set, the sort, how to search."""

    filters: Filters
    search: str


def shape(filters: Filters, index: str = NARROW) -> Shape:
    """The shape of the query of these filters on a database with this search `index`."""
    folded = filters.folded_q
    # the status as it is, not a mark: whether unreadable files (all in error) are rows depends on it
    marks = Filters(status=filters.status, code=_mark(filters.code), license=_mark(filters.license),
                    source=_mark(filters.source), article=_mark(filters.article), q=_mark(folded), sort=filters.sort)
    others = any((filters.status, filters.code, filters.license, filters.source, filters.article))
    return Shape(marks, search_mode(folded, others, index))


def _mark(value: str) -> str:
    return MARK if value else ""


def parameters(filters: Filters, part: str | None = None) -> dict[str, str]:
    """The values of the filters, as the queries' bound parameters; `part`: what of the folded query a
    trigram index is asked for (by default all of it)."""
    folded = filters.folded_q
    part = folded if part is None else part
    return {"status": filters.status, "code": filters.code, "license": filters.license, "source": filters.source,
            "article": _contains(filters.article), "q": _contains(folded), "q_part": _contains(part),
            "q_phrase": '"' + part.replace('"', '""') + '"'}


def search_parameters(session: Session, filters: Filters, query: Shape) -> dict[str, str]:
    """The values of the filters, the part of the query a trigram index reads chosen for this database."""
    reads_part = query.search in (TRIGRAM, RARE_PART)
    return parameters(filters, trigram_shares(session).part(filters.folded_q) if reads_part else None)


def _contains(text: str) -> str:
    """A LIKE pattern finding `text` anywhere, its wildcards literal (escaped by '/', as autoescape does)."""
    return "%" + text.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


def _record_rows(query_shape: Shape, full: bool = True) -> Select[Any]:
    """Records as archive rows: the sort keys first, then (when `full`) what the page shows."""
    article_file = aliased(t.File)
    image_file = aliased(t.File)
    image_path = select(func.min(image_file.path)).where(image_file.image_id == t.Record.image_id).scalar_subquery()
    # a use names the file its article shows (when it is the record's image: an unreadable one names none); the
    # same bytes under other names are the image's other files
    shown_file = select(image_file.path).where(image_file.id == t.Usage.file_id,
                                               image_file.image_id == t.Record.image_id).scalar_subquery()
    rank = case(*((t.Record.status == s, r) for s, r in SEVERITY_RANK.items()), else_=len(SEVERITY_RANK))
    keys = [case((t.Record.usage_id.is_not(None), 0), else_=1).label("grp"), t.Record.id.label("record_id"),
            cast(null(), Integer).label("file_id"), func.coalesce(article_file.path, "").label("article"),
            func.coalesce(t.Usage.position, 0).label("position"), cast(literal(""), String).label("place"),
            func.coalesce(t.Record.creator, "").label("creator"),
            func.coalesce(t.Record.license_id, "").label("license"),
            rank.label("rank")]
    shown = [case((t.Record.usage_id.is_not(None), "usage"), else_="image").label("kind"), t.Record.usage_id,
             t.Record.image_id, func.coalesce(t.Usage.src, "").label("src"),
             func.coalesce(shown_file, image_path, "").label("image"),
             func.coalesce(t.Record.organization, "").label("organization"),
             func.coalesce(t.Record.source_id, "").label("source"),
             func.coalesce(t.Record.attribution_text, "").label("attribution")] if full else []
    query: Select[Any] = (select(*keys, *shown)
             .outerjoin(t.Usage, t.Usage.id == t.Record.usage_id)
             .outerjoin(t.Article, t.Article.id == t.Usage.article_id)
             .outerjoin(article_file, article_file.id == t.Article.file_id))
    return query.where(*_record_conditions(query_shape, article_file))


def _record_conditions(query_shape: Shape, article_file: Any) -> list[Any]:
    filters, conditions = query_shape.filters, list[Any]()
    if filters.status:
        conditions.append(t.Record.status == bindparam("status"))
    if filters.license:
        conditions.append(t.Record.license_id == bindparam("license"))
    if filters.source:
        conditions.append(t.Record.source_id == bindparam("source"))
    if filters.article:
        conditions.append(article_file.path.like(bindparam("article"), escape="/"))
    if filters.code:
        # the records' codes (migration 0008) read by the index on (code, record_id), where two EXISTS per record
        # asked the findings
        codes = select(t.RecordCode.record_id).where(t.RecordCode.code == bindparam("code"))
        conditions.append(t.Record.id.in_(codes))
    conditions.extend(_search_conditions(query_shape.search))
    return conditions


def _search_conditions(mode: str) -> list[Any]:
    matches = t.Record.search.like(bindparam("q"), escape="/")
    if mode == LIKE:  # beside other filters on SQLite (as ids first, a common word took 3x longer)
        return [matches]
    if mode == IDS_FIRST:  # its ids first, read from the index on `search` (0007), not the table
        return [t.Record.id.in_(select(t.Record.id).where(matches))]
    if mode == TRIGRAM:  # candidates of the rare part from the trigram index (0008), checked by the same LIKE
        found: Select[Any] = select(literal_column("rowid")).select_from(table(t.SEARCH_INDEX)).where(
            literal_column(t.SEARCH_INDEX).op("MATCH")(bindparam("q_phrase")))
        return [t.Record.id.in_(found), matches]
    if mode == RARE_PART:  # pg_trgm's index (0007) serves the LIKE of the rare part; the LIKE of the whole
        # query checks its rows on a copy of the text (`|| ''`), which the index does not serve: given both,
        # the planner would make the index read the lists of every trigram (photographer 742: 4.5 to 0.4 ms)
        whole = (t.Record.search + literal("")).like(bindparam("q"), escape="/")
        return [t.Record.search.like(bindparam("q_part"), escape="/"), whole]
    return []


def _file_rows(query_shape: Shape, full: bool = True) -> Select[Any] | None:
    """Unreadable files: those with a finding of their own (file-error). None when a filter excludes them."""
    filters = query_shape.filters
    if filters.license or filters.source or filters.article or filters.status not in ("", "error"):
        return None
    empty = cast(literal(""), String)
    rank = func.coalesce(_rank(t.Finding.file_id == t.File.id), len(SEVERITY_RANK))
    keys: list[Any] = [literal(2).label("grp"), cast(null(), Integer).label("record_id"), t.File.id.label("file_id"),
                       empty.label("article"), literal(0).label("position"), t.File.path.label("place"),
                       empty.label("creator"), empty.label("license"), rank.label("rank")]
    shown: list[Any] = [literal("file").label("kind"), cast(null(), Integer).label("usage_id"),
                        cast(null(), Integer).label("image_id"), empty.label("src"), t.File.path.label("image"),
                        empty.label("organization"), empty.label("source"), empty.label("attribution")] if full else []
    with_findings = select(t.Finding.file_id).where(t.Finding.file_id.is_not(None))
    if filters.code:
        with_findings = with_findings.where(t.Finding.code == bindparam("code"))
    query: Select[Any] = select(*keys, *shown).where(t.File.id.in_(with_findings))
    if filters.q:
        query = query.where(t.File.search.like(bindparam("q"), escape="/"))
    return query


def _order(rows: Any, sort: str) -> list[Any]:
    c = rows.c
    place = [c.grp, c.article, c.position, c.place, c.record_id, c.file_id]
    return {"article": place, "creator": [c.grp == 2, c.creator, *place], "license": [c.grp == 2, c.license, *place],
            "status": [c.rank, c.grp == 2, *place]}[sort]


def archive_page(session: Session, filters: Filters, labels: Labels,
                 cache: ArchiveCache | None = None) -> tuple[Filters, int, list[ArchiveRow]]:
    """(filters with the page clamped to the last one, total, rows of that page).

    With a cache, the order of every row matching the filters is kept until the archive changes, and a
    page is a slice of it (no count and no sort per request); without one, see `_uncached_page`."""
    if cache is None:
        return _uncached_page(session, filters, labels)
    version = archive_version(session)
    return cache.at(version, ("page", filters), lambda: _page_of_order(session, filters, labels, cache, version))


def _page_of_order(session: Session, filters: Filters, labels: Labels, cache: ArchiveCache,
                   version: tuple[Any, ...] | None) -> tuple[Filters, int, list[ArchiveRow]]:
    order = cache.at(version, ("order", replace(filters, page=1, per_page=PER_PAGE)),
                     lambda: ordered_keys(session, filters))
    total = len(order)
    filters = replace(filters, page=min(filters.page, max(1, -(-total // filters.per_page))))
    start = (filters.page - 1) * filters.per_page
    page = [_Key(k, None) if k > 0 else _Key(None, -k) for k in order[start:start + filters.per_page]]
    return filters, total, _with_findings(session, _full_rows(session, page), labels)


class _Key(NamedTuple):
    record_id: int | None
    file_id: int | None


def query_shape(session: Session, filters: Filters) -> Shape:
    """The shape of the query of these filters on this session's database."""
    return shape(filters, search_index(session) if filters.q else NARROW)


def ordered_keys(session: Session, filters: Filters, query: Shape | None = None) -> array[int]:
    """Every row matching the filters in their order, as record ids and negated file ids: the records'
    order with the unreadable files spliced in where `_uncached_page` puts them (`query`: the shape to
    ask with, else the one this database answers best)."""
    query = query or query_shape(session, filters)
    records, files = _order_queries(query)
    values = search_parameters(session, filters, query)
    connection = session.connection()  # plain rows: the ORM's row loading cost 0.3 µs a key more
    found = connection.execute(records, values).all()
    order = array("q", (record_id for record_id, _ in found))
    if files is not None:
        at = len(order) if filters.sort != "status" else sum(1 for _, rank in found if rank == 0)
        order[at:at] = array("q", (-f for (f,) in connection.execute(files, values)))
    return order


@functools.cache
def _order_queries(query: Shape) -> tuple[Select[Any], Select[Any] | None]:
    """The records' keys in order and the unreadable files' ids in order (None when a filter excludes them),
    built once per shape (statements are immutable; the values are bound parameters)."""
    keys = _record_rows(query, full=False).subquery()
    records = select(keys.c.record_id, keys.c.rank).order_by(*_order(keys, query.filters.sort))
    files = _file_rows(query, full=False)
    if files is None:
        return records, None
    spliced = files.subquery()
    return records, select(spliced.c.file_id).order_by(spliced.c.place)


def _uncached_page(session: Session, filters: Filters, labels: Labels) -> tuple[Filters, int, list[ArchiveRow]]:
    """The page counted and sorted in SQL.

    Every order puts the unreadable files together: after the records, or (by status) after the records
    in error. So a page is a window of the records' order with the files spliced in at one place, and
    is read without a union: the records' keys, then only the page's rows in full."""
    query = query_shape(session, filters)
    queries = _page_queries(query)
    values: dict[str, Any] = search_parameters(session, filters, query)
    n_records = session.scalar(queries.count_records, values) or 0
    n_files = session.scalar(queries.count_files, values) or 0 if queries.count_files is not None else 0
    total = n_records + n_files
    filters = replace(filters, page=min(filters.page, max(1, -(-total // filters.per_page))))
    at = n_records if filters.sort != "status" else session.scalar(queries.count_errors, values) or 0
    start, size = (filters.page - 1) * filters.per_page, filters.per_page
    first, last = max(0, start - at), max(0, min(n_files, start + size - at))
    taken = max(0, last - first)
    r_start = start if start < at else max(at, start - n_files)
    found: list[Any] = list(session.execute(queries.records, {**values, "size": size - taken, "skip": r_start})
                            .all()) if size > taken else []
    before = max(0, min(len(found), at - r_start))
    if taken and queries.files is not None:
        found[before:before] = session.execute(queries.files, {**values, "size": taken, "skip": first}).all()
    return filters, total, _with_findings(session, _full_rows(session, found), labels)


class _PageQueries(NamedTuple):
    count_records: Select[Any]
    count_files: Select[Any] | None
    count_errors: Select[Any]
    records: Select[Any]  # a window of the records' keys (size, skip)
    files: Select[Any] | None  # a window of the unreadable files' keys


@functools.cache
def _page_queries(query: Shape) -> _PageQueries:
    """The statements of `_uncached_page`, built once per shape."""
    records = _record_rows(query, full=False)
    files = _file_rows(query, full=False)
    keys = records.subquery()
    size, skip = bindparam("size", type_=Integer), bindparam("skip", type_=Integer)
    window = select(keys.c.record_id, keys.c.file_id).order_by(*_order(keys, query.filters.sort)).limit(size)
    spliced = files.subquery() if files is not None else None
    return _PageQueries(
        count_records=select(func.count()).select_from(keys),
        count_files=select(func.count()).select_from(spliced) if spliced is not None else None,
        count_errors=select(func.count()).select_from(records.where(t.Record.status == "error").subquery()),
        records=window.offset(skip),
        files=select(spliced.c.record_id, spliced.c.file_id).order_by(spliced.c.place).limit(size).offset(skip)
        if spliced is not None else None)


def _full_rows(session: Session, page: list[Any]) -> list[Any]:
    records = [r.record_id for r in page if r.record_id is not None]
    files = [r.file_id for r in page if r.file_id is not None]
    every_record, every_file = _every_row()
    found = {("r", row.record_id): row for row in session.execute(every_record, {"ids": records})} if records else {}
    if files:
        found.update({("f", row.file_id): row for row in session.execute(every_file, {"ids": files})})
    return [found[("r", r.record_id) if r.record_id is not None else ("f", r.file_id)] for r in page]


@functools.cache
def _every_row() -> tuple[Select[Any], Select[Any]]:
    """The records and unreadable files in full whose ids are given (`ids`), built once."""
    unfiltered = Shape(Filters(), NO_SEARCH)
    files = _file_rows(unfiltered)
    assert files is not None  # no filter excludes the files
    ids: BindParameter[int] = bindparam("ids", expanding=True)
    return _record_rows(unfiltered).where(t.Record.id.in_(ids)), files.where(t.File.id.in_(ids))


def all_rows(session: Session, filters: Filters, labels: Labels) -> list[ArchiveRow]:
    """Every row matching the filters (for exports and the report), in the filters' order."""
    query = query_shape(session, filters)
    found = list(session.execute(_all_rows_query(query), search_parameters(session, filters, query)).all())
    return _with_findings(session, found, labels)


@functools.cache
def _all_rows_query(query: Shape) -> Select[Any]:
    files = _file_rows(query)
    records = _record_rows(query)
    rows = (union_all(records, files) if files is not None else records).subquery("archive")
    return select(rows).order_by(*_order(rows, query.filters.sort))


def report_rows(session: Session, labels: Labels) -> list[ReportRow]:
    """The CLI report: every row, by article, then images no article uses, then unreadable files."""
    return [row.report() for row in all_rows(session, Filters(), labels)]


def _with_findings(session: Session, found: list[Any], labels: Labels) -> list[ArchiveRow]:
    buckets = finding_views(session, found)
    rows = []
    for r in found:
        key = ("usage", r.usage_id) if r.usage_id else ("file", r.file_id) if r.file_id else ("image", r.image_id)
        status = STATUSES[r.rank] if r.rank < len(STATUSES) else "ok"
        rows.append(ArchiveRow(
            kind=r.kind, record_id=r.record_id, usage_id=r.usage_id, image_id=r.image_id, file_id=r.file_id,
            article=r.article, src=r.src, image=r.image, creator=r.creator,
            organization=labels.organization(r.organization, r.source), license=r.license,
            license_name=labels.license_name(r.license), source=r.source, status=status,
            attribution=r.attribution, findings=tuple(buckets.get(key, ()))))
    return rows


FINDING_COLUMNS: tuple[Any, ...] = (t.Finding.id, t.Finding.usage_id, t.Finding.image_id, t.Finding.file_id,
                                    t.Finding.scope, t.Finding.code, t.Finding.severity, t.Finding.message,
                                    t.Finding.evidence)


def finding_views(session: Session, found: Iterable[Any]) -> dict[tuple[str, int], list[FindingView]]:
    """The findings of these rows, keyed by (usage|image|file, id), worst first, own findings before group ones."""
    found = list(found)
    every, by_owner = _finding_queries()
    if len(found) > 300:
        rows = {f.id: f for f in session.execute(every)}
    else:  # three index-backed lookups: an OR of them made SQLite read every finding, and so did asking for
        # `usage_id IS NULL` beside the image ids (it took the index on usage_id): the uses' findings this
        # also brings go to their uses' keys, and one found twice is kept once
        owners = ([r.usage_id for r in found if r.usage_id],
                  [r.image_id for r in found if r.image_id and not r.usage_id], [r.file_id for r in found if r.file_id])
        rows = {f.id: f for query, ids in zip(by_owner, owners, strict=True) if ids
                for f in session.execute(query, {"ids": ids})}
    buckets: dict[tuple[str, int], list[Any]] = defaultdict(list)
    for f in rows.values():
        owner = ("usage", f.usage_id) if f.usage_id else ("file", f.file_id) if f.file_id else ("image", f.image_id)
        buckets[owner].append(f)
    return {key: sorted_views(found) for key, found in buckets.items()}


@functools.cache
def _finding_queries() -> tuple[Select[Any], tuple[Select[Any], ...]]:
    """Every finding, and the findings of the usages, images or files whose ids are given (`ids`), built once
    (a statement built per request cost more than its query)."""
    every: Select[Any] = select(*FINDING_COLUMNS)
    ids: BindParameter[int] = bindparam("ids", expanding=True)
    return every, tuple(every.where(owner.in_(ids)) for owner in (t.Finding.usage_id, t.Finding.image_id,
                                                                   t.Finding.file_id))


def sorted_views(findings: Iterable[Any]) -> list[FindingView]:
    """Findings (stored rows or ORM objects) worst first, own before group ones, then by code."""
    ordered = sorted(findings, key=lambda f: (SEVERITY_RANK.get(f.severity, 9), f.scope != "item", f.code, f.id))
    return [FindingView(f.code, f.severity, f.message, f.evidence, f.scope) for f in ordered]
