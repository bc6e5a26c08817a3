"""[edge] Decisions about one usage (a credit in an article, with or without an image file).

usages.key is the usage's stable key (provenance.store.usage_keys), filled here from the stored path,
image reference and caption. A plain-text article's usages stored before this migration lack their
credit text (usages.caption is filled with it from now on): their key stays empty and the article is
marked to be checked again, so the next audit gives them their key. decisions.usage_key holds the key
a usage decision is about (image_id is then empty), decisions.subject what it was about, for the history.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from provenance.store.usage_keys import article_keys

revision = "0006"
down_revision = "0005"

USAGES = sa.text(
    "SELECT usages.id, usages.article_id, files.path, usages.src, usages.caption, articles.kind, files.id "
    "FROM usages JOIN articles ON articles.id = usages.article_id JOIN files ON files.id = articles.file_id "
    "ORDER BY usages.article_id, usages.position")


def upgrade() -> None:
    with op.batch_alter_table("usages") as batch:
        batch.add_column(sa.Column("key", sa.String(64), nullable=True))
        batch.create_index("ix_usages_key", ["key"])
    with op.batch_alter_table("decisions") as batch:
        batch.alter_column("image_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("usage_key", sa.String(64), nullable=True))
        batch.add_column(sa.Column("subject", sa.Text(), nullable=False, server_default=""))
        batch.create_index("ix_decisions_usage_key", ["usage_key"])
    _backfill()


def _backfill() -> None:
    connection = op.get_bind()
    articles: dict[int, list[tuple[int, str, str | None, str | None]]] = {}
    again: set[int] = set()
    for usage_id, article_id, path, src, caption, kind, file_id in connection.execute(USAGES):
        if kind == "plain":
            again.add(file_id)
        else:
            articles.setdefault(article_id, []).append((usage_id, path, src, caption))
    keys = [{"i": usage_id, "k": key} for uses in articles.values() for (usage_id, *_), key in
            zip(uses, article_keys(uses[0][1], [(src, caption) for _, _, src, caption in uses]), strict=True)]
    if keys:
        connection.execute(sa.text("UPDATE usages SET key = :k WHERE id = :i"), keys)
    if again:
        connection.execute(sa.text("UPDATE files SET done = :no WHERE id = :i"),
                           [{"i": i, "no": False} for i in sorted(again)])


def downgrade() -> None:
    connection = op.get_bind()
    connection.execute(sa.text("DELETE FROM decisions WHERE image_id IS NULL"))
    with op.batch_alter_table("decisions") as batch:
        batch.drop_index("ix_decisions_usage_key")
        batch.drop_column("subject")
        batch.drop_column("usage_key")
        batch.alter_column("image_id", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("usages") as batch:
        batch.drop_index("ix_usages_key")
        batch.drop_column("key")
