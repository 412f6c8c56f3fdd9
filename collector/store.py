"""Where the feedback is kept: SQLite in a file by default, PostgreSQL when ``FEEDBACK_DATABASE_URL`` says so.

Reads a database address; produces the three tables (``views``, ``votes``, ``unanswered``: a day, an article
or the words, a language, never a time, an address or anything that tells readers apart; the row id is random, so
nothing orders the rows within a day), rows added one per request, and the rows read back for the report. SQLAlchemy
Core speaks both databases; several collectors can share one PostgreSQL database; SQLite's file is made readable
by its owner only. A database that cannot be reached raises ``Unavailable`` (the collector
answers 503), and the tables are created on first use, so a collector started while its database is away
works once it is back.
"""

from __future__ import annotations

import os
import secrets
import threading

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import NullPool

metadata = sa.MetaData()


def _random_id() -> int:
    return secrets.randbits(63)  # from the system's generator: no sequence to recover from the ids


# A row's id is random, not counted up: a counter (or SQLite's rowid, which INTEGER PRIMARY KEY replaces) would keep
# the order of one reader's searches and votes within the day. 63 bits: no two rows of a lifetime collide.
ROW_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _table(name: str, *columns: sa.Column, per_article: bool = True) -> sa.Table:
    """A table of ours: a row id, the day and the language (and the article, but for ``unanswered``) first."""
    article = (sa.Column("article", sa.Integer, nullable=False),) if per_article else ()
    return sa.Table(
        name,
        metadata,
        sa.Column("id", ROW_ID, primary_key=True, autoincrement=False, default=_random_id),
        sa.Column("day", sa.Date, nullable=False),
        *article,
        sa.Column("lang", sa.String(8), nullable=False),
        *columns,
    )


TABLES = {
    "views": _table("views"),
    "votes": _table(
        "votes",
        sa.Column("answer", sa.String(3), nullable=False),
        sa.Column("reason", sa.String(20)),
        sa.Column("comment", sa.String(500)),
    ),
    "unanswered": _table(
        "unanswered",
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("query", sa.String(200), nullable=False),
        sa.Column("shown", sa.String(20), nullable=False),
        per_article=False,
    ),
}


def _sqlite_settings(connection, _record) -> None:
    """Write-ahead log, synced at checkpoints: a vote costs an append instead of a rollback journal created,
    synced and deleted; a crash of the collector loses nothing, a power cut at most the last votes. The journal
    mode stays with the file; the synchronous level is per connection."""
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")


class Unavailable(RuntimeError):
    """The database cannot be reached or refused the write; worth trying again later."""


class Store:
    def __init__(self, url: str):
        self._file = sa.engine.make_url(url).database if url.startswith("sqlite") else None
        if url.startswith("sqlite"):
            # A fresh connection per request: a database file moved or locked away is seen at once, and SQLite
            # waits a few seconds for a concurrent writer instead of failing.
            self.engine = sa.create_engine(url, poolclass=NullPool, connect_args={"timeout": 10})
            sa.event.listen(self.engine, "connect", _sqlite_settings)
        else:
            self.engine = sa.create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 3})
        self._created = False
        self._lock = threading.Lock()

    def _ensure_tables(self) -> None:
        if not self._created:
            with self._lock:
                if not self._created:
                    if self._file and self._file != ":memory:" and not os.path.exists(self._file):
                        # SQLite would create it readable by all (0644), and its journal the same as it.
                        os.close(os.open(self._file, os.O_WRONLY | os.O_CREAT, 0o600))
                    metadata.create_all(self.engine)
                    self._created = True

    def add(self, table: str, row: dict) -> None:
        try:
            self._ensure_tables()
            with self.engine.begin() as connection:
                connection.execute(TABLES[table].insert(), row)
        except (OperationalError, DBAPIError) as exc:
            raise Unavailable(type(exc.orig or exc).__name__) from exc

    def rows(self, table: str) -> list[dict]:
        """Every row of ``table``, by day (the report reads them all; within a day, in no order)."""
        try:
            self._ensure_tables()
            with self.engine.connect() as connection:
                result = connection.execute(sa.select(TABLES[table]).order_by(TABLES[table].c.day, TABLES[table].c.id))
                return [dict(row._mapping) for row in result]
        except (OperationalError, DBAPIError) as exc:
            raise Unavailable(str(exc.orig or exc).splitlines()[0]) from exc
