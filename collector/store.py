"""Where the feedback is kept: SQLite in a file by default, PostgreSQL when ``FEEDBACK_DATABASE_URL`` says so.

Reads a database address; produces the three tables (``views``, ``votes``, ``unanswered``: a day, an article
or the words, a language, never a time, an address or anything that tells readers apart; the row id is random, so
nothing orders the rows within a day), rows added one per request, and the rows read back for the report. SQLAlchemy
Core speaks both databases; several collectors can share one PostgreSQL database; SQLite's file is made readable
by its owner only. A database that cannot be reached raises ``Unavailable`` (the collector
answers 503), and the tables are created on first use, so a collector started while its database is away
works once it is back, and again when the database loses them while it runs (a SQLite file deleted or replaced
by an empty one, tables dropped). SQLite never makes a file itself: a lost one is made again readable by its
owner only.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import threading
import urllib.parse

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import NullPool

metadata = sa.MetaData()
_UNDEFINED_TABLE = "42P01"  # PostgreSQL's SQLSTATE for a table that is not there


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


def _existing_file(path: str) -> sa.Engine:
    """SQLite on the file at ``path`` if it exists, never a new one (``mode=rw``): where the file went away,
    SQLite would make an empty one readable by all, without our tables (``Store._ensure_tables`` makes it)."""
    address = f"file:{urllib.parse.quote(os.path.abspath(path))}?mode=rw"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(address, uri=True, timeout=10, check_same_thread=False)

    return sa.create_engine("sqlite://", creator=connect, poolclass=NullPool)


class Store:
    def __init__(self, url: str):
        database = sa.engine.make_url(url).database if url.startswith("sqlite") else None
        self._file = database if database and database != ":memory:" else None  # SQLite's file, if on disk
        if url.startswith("sqlite"):
            # A fresh connection per request: a database file moved or locked away is seen at once, and SQLite
            # waits a few seconds for a concurrent writer instead of failing.
            if self._file:
                self.engine = _existing_file(self._file)
            else:
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
                    if self._file and not os.path.exists(self._file):
                        # SQLite would create it readable by all (0644), and its journal the same as it.
                        os.close(os.open(self._file, os.O_WRONLY | os.O_CREAT, 0o600))
                    metadata.create_all(self.engine)
                    self._created = True

    def _lost_tables(self, exc: DBAPIError) -> bool:
        if self._file and not os.path.exists(self._file):
            return True
        return "no such table" in str(exc.orig) or getattr(exc.orig, "sqlstate", None) == _UNDEFINED_TABLE

    def _insert(self, table: str, row: dict) -> None:
        with self.engine.begin() as connection:
            connection.execute(TABLES[table].insert(), row)

    def add(self, table: str, row: dict) -> None:
        try:
            self._ensure_tables()
            try:
                self._insert(table, row)
            except DBAPIError as exc:
                if not self._lost_tables(exc):
                    raise
                # The database lost the tables while the collector ran (its SQLite file moved away or replaced by
                # an empty one, the tables dropped): made again, as on first use, and the row goes in.
                self._created = False
                self._ensure_tables()
                self._insert(table, row)
        except (OSError, DBAPIError) as exc:  # OSError: no folder to make the SQLite file in
            raise Unavailable(type(getattr(exc, "orig", None) or exc).__name__) from exc

    def rows(self, table: str) -> list[dict]:
        """Every row of ``table``, by day (the report reads them all; within a day, in no order)."""
        try:
            self._ensure_tables()
            with self.engine.connect() as connection:
                result = connection.execute(sa.select(TABLES[table]).order_by(TABLES[table].c.day, TABLES[table].c.id))
                return [dict(row._mapping) for row in result]
        except (OperationalError, DBAPIError) as exc:
            raise Unavailable(str(exc.orig or exc).splitlines()[0]) from exc
