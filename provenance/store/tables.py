"""[edge] The database tables, as typed SQLAlchemy 2.0 models.

files      every file an audit saw (path within its archive, size, mtime, hash)
images     unique by SHA-256; identity, and the evidence embedded in them
articles   the article files, with page-level facts and, when it was guessed, how their text was decoded
usages     an image reference or credit in an article, matched to an image (or not),
           with its stable key (store.usage_keys)
records    the resolved record of a usage (or of an image used nowhere)
findings   what the rules found, per usage or image; scope 'group' for
           findings across copies of one photo
record_codes  each record's finding codes, once each (the findings a record's row shows: its usage's,
           or its image's when no article uses it), written beside the findings (provenance.audit.codes),
           so that the archive's filter by finding code is a lookup
audit_runs one row per audit: running, interrupted (killed; resumed by the next),
           resumed or done, and the last phase it completed
commons_lookups  answers of the Wikimedia Commons API, by API and lookup key, with their fetch time
decisions  a person's manual decisions about an image, or about one usage by its
           stable key (who, when, why; revoked ones are kept, with who revoked them and when)
audit_runs one row per audit, with the archive's counts when it finished

`search` columns hold the searchable text folded (case and accents) on write,
so that a search matches alike on SQLite and PostgreSQL. On SQLite (3.34 and newer, with FTS5),
migration 0008 adds `records_fts`, a trigram full-text index of `records.search` kept in step by
triggers on `records`; it is no model (SEARCH_INDEX names it and its shadow tables).
"""

from __future__ import annotations

import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from provenance.catalog.names import fold_search


def utcnow() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


class Base(DeclarativeBase):
    pass


class AuditRun(Base):
    __tablename__ = "audit_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    root: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16), default="running")
    files_seen: Mapped[int] = mapped_column(Integer, default=0)
    files_extracted: Mapped[int] = mapped_column(Integer, default=0)
    files_failed: Mapped[int] = mapped_column(Integer, default=0)
    profile: Mapped[str] = mapped_column(Text, default="")
    phase: Mapped[str] = mapped_column(String(16), default="")  # the last phase completed
    counts: Mapped[str] = mapped_column(Text, default="{}")
    checks: Mapped[str] = mapped_column(String(64), default="")  # provenance.audit.check_key


class Image(Base):
    __tablename__ = "images"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    phash: Mapped[str | None] = mapped_column(String(32))
    format: Mapped[str] = mapped_column(String(16))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(BigInteger)
    group_id: Mapped[int | None] = mapped_column(Integer, index=True)


class EvidenceColumns:
    """The columns of one piece of evidence, shared by image and usage evidence."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    field: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    lang: Mapped[str | None] = mapped_column(String(32))
    location: Mapped[str] = mapped_column(Text, default="")


class ImageEvidence(EvidenceColumns, Base):
    __tablename__ = "image_evidence"
    image_id: Mapped[int] = mapped_column(ForeignKey("images.id", ondelete="CASCADE"), index=True)


class File(Base):
    __tablename__ = "files"
    __table_args__ = (UniqueConstraint("root", "path"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    root: Mapped[str] = mapped_column(Text)
    path: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger)
    mtime_ns: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))
    sha256: Mapped[str | None] = mapped_column(String(64))
    image_id: Mapped[int | None] = mapped_column(ForeignKey("images.id", ondelete="SET NULL"), index=True)
    error: Mapped[str | None] = mapped_column(Text)
    problems: Mapped[str] = mapped_column(Text, default="")
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    run_id: Mapped[int | None] = mapped_column(Integer)
    search: Mapped[str] = mapped_column(Text, default="")


class Article(Base):
    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("files.id", ondelete="CASCADE"), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str | None] = mapped_column(Text)
    byline: Mapped[str | None] = mapped_column(Text)
    canonical_url: Mapped[str | None] = mapped_column(Text)
    # when the article's encoding was guessed (migration 0010): what its text was read as ("windows-1252"), and
    # the declaration its bytes are not ("windows-1251 (<meta> charset)"), if any; both NULL otherwise
    guessed_encoding: Mapped[str | None] = mapped_column(String(64))
    declared_encoding: Mapped[str | None] = mapped_column(Text)


class Usage(Base):
    __tablename__ = "usages"
    __table_args__ = (UniqueConstraint("article_id", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    src: Mapped[str | None] = mapped_column(Text)
    caption: Mapped[str | None] = mapped_column(Text)
    file_id: Mapped[int | None] = mapped_column(ForeignKey("files.id", ondelete="SET NULL"))
    image_id: Mapped[int | None] = mapped_column(ForeignKey("images.id", ondelete="SET NULL"), index=True)
    matched_by: Mapped[str | None] = mapped_column(String(16))
    key: Mapped[str | None] = mapped_column(String(64), index=True)  # provenance.store.usage_keys


class UsageEvidence(EvidenceColumns, Base):
    __tablename__ = "usage_evidence"
    usage_id: Mapped[int] = mapped_column(ForeignKey("usages.id", ondelete="CASCADE"), index=True)


class Record(Base):
    __tablename__ = "records"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    usage_id: Mapped[int | None] = mapped_column(ForeignKey("usages.id", ondelete="CASCADE"), unique=True)
    image_id: Mapped[int | None] = mapped_column(ForeignKey("images.id", ondelete="CASCADE"), index=True)
    creator: Mapped[str | None] = mapped_column(Text)
    organization: Mapped[str | None] = mapped_column(Text)
    via: Mapped[str | None] = mapped_column(Text)
    license_id: Mapped[str | None] = mapped_column(String(64), index=True)
    license_url: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[str | None] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    origins: Mapped[str] = mapped_column(Text, default="{}")
    attribution_text: Mapped[str | None] = mapped_column(Text)
    attribution_html: Mapped[str | None] = mapped_column(Text)
    attribution_markdown: Mapped[str | None] = mapped_column(Text)
    search: Mapped[str] = mapped_column(Text, default="")


class Finding(Base):
    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    usage_id: Mapped[int | None] = mapped_column(ForeignKey("usages.id", ondelete="CASCADE"), index=True)
    image_id: Mapped[int | None] = mapped_column(ForeignKey("images.id", ondelete="CASCADE"), index=True)
    file_id: Mapped[int | None] = mapped_column(ForeignKey("files.id", ondelete="CASCADE"), index=True)
    scope: Mapped[str] = mapped_column(String(16), default="item", index=True)
    code: Mapped[str] = mapped_column(String(64), index=True)
    severity: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text, default="")


class RecordCode(Base):
    """A finding code a record's row shows (once per code)."""

    __tablename__ = "record_codes"
    __table_args__ = {"sqlite_with_rowid": False}
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), primary_key=True,
                                           index=True)


class Decision(Base):
    """A decision about an image (every use of it), or about one usage, by the usage's stable key."""

    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    image_id: Mapped[int | None] = mapped_column(ForeignKey("images.id", ondelete="CASCADE"), index=True)
    usage_key: Mapped[str | None] = mapped_column(String(64), index=True)
    subject: Mapped[str] = mapped_column(Text, default="")  # what a usage decision was about, for the history
    field: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(Text)
    why: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_by: Mapped[str | None] = mapped_column(Text)


class CommonsLookup(Base):
    __tablename__ = "commons_lookups"
    __table_args__ = (UniqueConstraint("api", "key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    api: Mapped[str] = mapped_column(String(500))
    key: Mapped[str] = mapped_column(String(500))
    answer: Mapped[str] = mapped_column(Text)
    fetched_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


Index("ix_findings_code_usage", Finding.code, Finding.usage_id)
Index("ix_findings_code_image", Finding.code, Finding.image_id)
# the search reads this narrow index instead of the records (SQLite); on PostgreSQL a trigram index serves
# LIKE '%…%' itself (migration 0007 makes it only when the server has pg_trgm)
Index("ix_records_search", Record.search, postgresql_using="gin", postgresql_ops={"search": "gin_trgm_ops"})


# the SQLite trigram index of records.search (migration 0008) and the tables FTS5 keeps it in
SEARCH_INDEX = "records_fts"


@event.listens_for(File, "before_insert")
def _fold_file_path(_mapper: object, _connection: object, target: File) -> None:
    target.search = fold_search(target.path)
