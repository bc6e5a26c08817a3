"""[edge] Alembic environment: runs on the connection provenance.store.repository gives it."""

from __future__ import annotations

from alembic import context

from provenance.store.tables import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
