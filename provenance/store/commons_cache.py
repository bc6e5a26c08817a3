"""[edge] The Commons API answers kept in the database (table commons_lookups)."""

from __future__ import annotations

import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from .tables import CommonsLookup

GET_MANY = 500  # keys asked about in one query (SQLite allows 999 parameters in older builds)


class StoreCache:
    """Commons answers by (API, key), each with the time it was fetched; a newer answer replaces an older."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    @classmethod
    def at(cls, url: str) -> StoreCache:
        """The answers of the database at `url`, through this process's own connection (a worker's)."""
        from .repository import make_engine

        return cls(sessionmaker(make_engine(url), expire_on_commit=False))

    def get(self, api: str, key: str) -> tuple[str, datetime.datetime] | None:
        with self.sessions() as session:
            row = session.scalars(select(CommonsLookup).where(CommonsLookup.api == api,
                                                              CommonsLookup.key == key)).first()
            return (row.answer, row.fetched_at) if row else None

    def get_many(self, api: str, keys: list[str]) -> dict[str, tuple[str, datetime.datetime]]:
        """`get` for many keys at once, in one query per GET_MANY of them: the ones found."""
        found: dict[str, tuple[str, datetime.datetime]] = {}
        with self.sessions() as session:
            for start in range(0, len(keys), GET_MANY):
                rows = session.scalars(select(CommonsLookup).where(
                    CommonsLookup.api == api, CommonsLookup.key.in_(keys[start:start + GET_MANY])))
                found.update((row.key, (row.answer, row.fetched_at)) for row in rows)
        return found

    def put(self, api: str, key: str, answer: str, fetched_at: datetime.datetime) -> None:
        with self.sessions() as session:
            row = session.scalars(select(CommonsLookup).where(CommonsLookup.api == api,
                                                              CommonsLookup.key == key)).first()
            if row is None:
                session.add(CommonsLookup(api=api, key=key, answer=answer, fetched_at=fetched_at))
            else:
                row.answer, row.fetched_at = answer, fetched_at
            try:
                session.commit()
            except IntegrityError:  # another process stored the same answer at the same time
                session.rollback()
