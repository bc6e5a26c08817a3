"""[edge] A record's search holds every name of its image (its first path under each file name): records
stored before held the image's first path only, and an unchanged audit writes no record again, so that an
archive stored then found no photo by another of its names (a camera's IMG_0001.jpg beside the story's
quay.jpg) until that name changed. The search of every record is written again here (no change of schema).

Revision ID: 0011
Revises: 0010
"""

import posixpath

import sqlalchemy as sa
from alembic import op

from provenance.catalog.names import fold_search

revision = "0011"
down_revision = "0010"

RECORD_TEXT = sa.text(
    "SELECT records.id, records.search, records.image_id, records.creator, records.organization, records.via, "
    "usages.src, article_file.path "
    "FROM records LEFT JOIN usages ON usages.id = records.usage_id "
    "LEFT JOIN articles ON articles.id = usages.article_id "
    "LEFT JOIN files article_file ON article_file.id = articles.file_id")
IMAGE_NAMES = sa.text("SELECT image_id, path FROM files WHERE image_id IS NOT NULL ORDER BY image_id, path")


def upgrade() -> None:
    connection = op.get_bind()
    names: dict[int, dict[str, str]] = {}  # as provenance.audit.save.image_names: the first path of each file name
    for image_id, path in connection.execute(IMAGE_NAMES):
        names.setdefault(image_id, {}).setdefault(posixpath.basename(path), path)
    changed = [{"i": record_id, "s": search}
               for record_id, stored, image_id, *parts in connection.execute(RECORD_TEXT)
               for search in [fold_search(" ".join(p for p in [*parts, *names.get(image_id, {}).values()] if p))]
               if search != stored]
    if changed:
        connection.execute(sa.text("UPDATE records SET search = :s WHERE id = :i"), changed)


def downgrade() -> None:
    """The longer search text finds what the shorter found: nothing to undo."""
