"""[edge] The first schema: files, images, articles, usages, evidence, records, findings,
decisions and audit runs.

Revision ID: 0001
Revises:
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None

TZ = sa.DateTime(timezone=True)


def _evidence_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("lang", sa.String(32), nullable=True),
        sa.Column("location", sa.Text(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "audit_runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("root", sa.Text(), nullable=False),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("finished_at", TZ, nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("files_seen", sa.Integer(), nullable=False),
        sa.Column("files_extracted", sa.Integer(), nullable=False),
        sa.Column("files_failed", sa.Integer(), nullable=False),
        sa.Column("profile", sa.Text(), nullable=False),
    )
    op.create_table(
        "images",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("phash", sa.String(32), nullable=True),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=True),
    )
    op.create_index("ix_images_group_id", "images", ["group_id"])
    op.create_table(
        "image_evidence",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("image_id", sa.Integer(), sa.ForeignKey("images.id", ondelete="CASCADE"), nullable=False),
        *_evidence_columns(),
    )
    op.create_index("ix_image_evidence_image_id", "image_evidence", ["image_id"])
    op.create_table(
        "files",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("root", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("mtime_ns", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=True),
        sa.Column("image_id", sa.Integer(), sa.ForeignKey("images.id", ondelete="SET NULL"), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.UniqueConstraint("root", "path"),
    )
    op.create_index("ix_files_image_id", "files", ["image_id"])
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("file_id", sa.Integer(), sa.ForeignKey("files.id", ondelete="CASCADE"), nullable=False,
                  unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("byline", sa.Text(), nullable=True),
        sa.Column("canonical_url", sa.Text(), nullable=True),
    )
    op.create_table(
        "usages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("src", sa.Text(), nullable=True),
        sa.Column("caption", sa.Text(), nullable=True),
        sa.Column("file_id", sa.Integer(), sa.ForeignKey("files.id", ondelete="SET NULL"), nullable=True),
        sa.Column("image_id", sa.Integer(), sa.ForeignKey("images.id", ondelete="SET NULL"), nullable=True),
        sa.Column("matched_by", sa.String(16), nullable=True),
        sa.UniqueConstraint("article_id", "position"),
    )
    op.create_index("ix_usages_article_id", "usages", ["article_id"])
    op.create_index("ix_usages_image_id", "usages", ["image_id"])
    op.create_table(
        "usage_evidence",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("usage_id", sa.Integer(), sa.ForeignKey("usages.id", ondelete="CASCADE"), nullable=False),
        *_evidence_columns(),
    )
    op.create_index("ix_usage_evidence_usage_id", "usage_evidence", ["usage_id"])
    op.create_table(
        "records",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("usage_id", sa.Integer(), sa.ForeignKey("usages.id", ondelete="CASCADE"), nullable=True,
                  unique=True),
        sa.Column("image_id", sa.Integer(), sa.ForeignKey("images.id", ondelete="CASCADE"), nullable=True),
        sa.Column("creator", sa.Text(), nullable=True),
        sa.Column("organization", sa.Text(), nullable=True),
        sa.Column("via", sa.Text(), nullable=True),
        sa.Column("license_id", sa.String(64), nullable=True),
        sa.Column("license_url", sa.Text(), nullable=True),
        sa.Column("source_id", sa.String(64), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("origins", sa.Text(), nullable=False),
        sa.Column("attribution_text", sa.Text(), nullable=True),
        sa.Column("attribution_html", sa.Text(), nullable=True),
        sa.Column("attribution_markdown", sa.Text(), nullable=True),
    )
    for column in ("image_id", "license_id", "source_id", "status"):
        op.create_index(f"ix_records_{column}", "records", [column])
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("usage_id", sa.Integer(), sa.ForeignKey("usages.id", ondelete="CASCADE"), nullable=True),
        sa.Column("image_id", sa.Integer(), sa.ForeignKey("images.id", ondelete="CASCADE"), nullable=True),
        sa.Column("file_id", sa.Integer(), sa.ForeignKey("files.id", ondelete="CASCADE"), nullable=True),
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
    )
    for column in ("usage_id", "image_id", "file_id", "code", "scope"):
        op.create_index(f"ix_findings_{column}", "findings", [column])
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("image_id", sa.Integer(), sa.ForeignKey("images.id", ondelete="CASCADE"), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("who", sa.Text(), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_index("ix_decisions_image_id", "decisions", ["image_id"])


def downgrade() -> None:
    for table in ("decisions", "findings", "records", "usage_evidence", "usages", "articles", "files",
                  "image_evidence", "images", "audit_runs"):
        op.drop_table(table)
