"""[edge] How the archive's search is asked of each database, and which part of a query a trigram index reads.

A search finds the records whose folded `search` text holds the folded query anywhere. A trigram index
(PostgreSQL's pg_trgm, migration 0007; SQLite's FTS5 `trigram` tokenizer, 0008) finds the rows that hold
every trigram of what it is asked, and reads one list of rows per trigram: a trigram most records hold costs
a list as long as the archive. In `photographer 42`, where every record holds "photographer", eleven of
the trigrams are such lists and only the last few ("r 4", " 42") are short. So the index is asked for the
longest run of the query's rare trigrams (judged on a sample of the records' text, `TrigramShares`), and
every row it finds is checked with the LIKE of the whole query, as before: a row that holds the query holds
every part of it, so the rows found are the same whichever part is asked; only the time differs.
"""

from __future__ import annotations

import time
import weakref
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from provenance.store import tables as t

# how a search is asked: not at all; a LIKE on the rows (on SQLite beside other filters: it checks only the
# rows they chose); alone on SQLite, the ids of a LIKE over 0007's narrow index first; alone on SQLite, the
# candidates of the trigram index of migration 0008 (FTS5), checked by the LIKE; or on PostgreSQL the
# candidates of pg_trgm's index (0007) for the rare part, checked by the LIKE
NO_SEARCH, LIKE, IDS_FIRST, TRIGRAM, RARE_PART = "", "like", "ids first", "trigram", "rare part"
# the search index a database has: SQLite's narrow index of the folded column (0007), SQLite's trigram index
# (0008), PostgreSQL's pg_trgm index (0007, when the server has pg_trgm; else the LIKE scans)
NARROW, PG_TRGM = "narrow", "pg_trgm"
TRIGRAM_FROM = 3  # a trigram index finds nothing shorter

SAMPLED = 1000  # records read to judge how common a trigram is
RARE = 1 / 20  # a trigram held by at most this share of them is rare (its list is a twentieth of the longest)
RESAMPLE = 1 / 8  # the sample is taken again when the newest record id has moved by this share
RECHECK = 30.0  # seconds


def search_mode(folded: str, others: bool, index: str) -> str:
    """How a search for the `folded` query is asked on a database with this search `index`, beside other
    filters or not."""
    if not folded:
        return NO_SEARCH
    if index == PG_TRGM:
        return RARE_PART
    if others:
        return LIKE
    return TRIGRAM if index == TRIGRAM and len(folded) >= TRIGRAM_FROM and "\x00" not in folded else IDS_FIRST


_INDEXES: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


def search_index(session: Session) -> str:
    """The search index of this session's database (asked once per engine): on SQLite the trigram index of
    migration 0008 when the database has it and this SQLite can read it (tried on a connection of its own)."""
    engine = session.get_bind().engine
    found = _INDEXES.get(engine)
    if found is None:
        found = PG_TRGM if engine.dialect.name == "postgresql" else NARROW
        if engine.dialect.name == "sqlite":
            try:
                with engine.connect() as connection:
                    connection.exec_driver_sql(f"SELECT rowid FROM {t.SEARCH_INDEX} WHERE {t.SEARCH_INDEX} MATCH "
                                               "'\"abc\"' LIMIT 0").all()
                found = TRIGRAM
            except DBAPIError:
                pass  # no such table (no FTS5 trigram where it was migrated), or no trigram tokenizer here
        _INDEXES[engine] = found
    return found


@dataclass(frozen=True)
class TrigramShares:
    """How many records of a sample hold each trigram (three characters in a row) in their search text."""

    holding: Mapping[str, int]
    sampled: int
    newest: int = 0  # the newest record id when the sample was taken

    @classmethod
    def of(cls, texts: list[str], newest: int = 0) -> TrigramShares:
        holding: Counter[str] = Counter()
        for text in texts:
            holding.update({text[i:i + 3] for i in range(len(text) - 2)})
        return cls(holding, len(texts), newest)

    def part(self, folded: str) -> str:
        """What of a folded query a trigram index is asked for: the longest run of its rare trigrams; the
        whole query when every trigram of it is rare, or none is (then no part is cheaper to read)."""
        most = int(self.sampled * RARE)
        rare = [self.holding.get(folded[i:i + 3], 0) <= most for i in range(len(folded) - 2)]
        if all(rare) or not any(rare):
            return folded
        start, length = _longest_run(rare)
        return folded[start:start + length + 2]


def _longest_run(flags: list[bool]) -> tuple[int, int]:
    """(start, length) of the first longest run of true flags."""
    best, start = (0, 0), -1
    for i, flag in enumerate([*flags, False]):
        if flag and start < 0:
            start = i
        elif not flag and start >= 0:
            best = max(best, (start, i - start), key=lambda run: run[1])
            start = -1
    return best


_SHARES: weakref.WeakKeyDictionary[Engine, tuple[float, TrigramShares]] = weakref.WeakKeyDictionary()
# the lowest and the newest record id, each read from the primary key (SQLite reads every row for both in one)
_ENDS = select(select(func.min(t.Record.id)).scalar_subquery(), select(func.max(t.Record.id)).scalar_subquery())


def trigram_shares(session: Session) -> TrigramShares:
    """The trigram shares of this session's database, kept per engine: whether the newest record id has
    moved by an eighth (then the sample is taken again) is asked at most every RECHECK seconds (a sample
    grown old only makes a search slower, never different)."""
    engine = session.get_bind().engine
    checked, kept = _SHARES.get(engine, (-RECHECK, None))
    now = time.monotonic()
    if kept is not None and now - checked < RECHECK:
        return kept
    low, high = session.execute(_ENDS).one()
    if kept is None or abs((high or 0) - kept.newest) > kept.newest * RESAMPLE:
        step = max(1, ((high or 0) - (low or 0)) // SAMPLED + 1)
        ids = list(range(low or 0, (high or 0) + 1, step))
        texts = list(session.scalars(select(t.Record.search).where(t.Record.id.in_(ids)))) if high else []
        kept = TrigramShares.of(texts, high or 0)
    _SHARES[engine] = (now, kept)
    return kept
