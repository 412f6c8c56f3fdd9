"""The feedback collector as a real server on a local port, with SQLite and with PostgreSQL: what it stores
(and that nothing in it tells readers apart), what it refuses and why, its rate limit, a database that goes
away, and a bounded load that must lose no vote."""

from __future__ import annotations

import os
import shutil
import stat
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
import sqlalchemy as sa

from collector_server import PostgreSQL, collector
from conftest import new_site

SITE_URL = "https://faq.example.com/help/"
ORIGIN = "https://faq.example.com"
VIEW = {"kind": "view", "article": 3002, "lang": "fr"}
NO = {"kind": "vote", "article": 2002, "lang": "en", "answer": "no", "reason": "unclear", "comment": "Step 3?"}
YES = {"kind": "vote", "article": 2002, "lang": "fr", "answer": "yes"}
NOTHING = {"kind": "unanswered", "source": "search", "lang": "fr", "query": "essuie-glace", "shown": "nothing"}
# A question the assistant answered only with suggestions it was not sure of (issue 31).
NOT_SURE = {**NOTHING, "source": "assistant", "query": "survolter la batterie", "shown": "not-sure"}
COLUMNS = {
    "views": {"id", "day", "article", "lang"},
    "votes": {"id", "day", "article", "lang", "answer", "reason", "comment"},
    "unanswered": {"id", "day", "lang", "source", "query", "shown"},
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A small help centre (articles 2002, 2003, 3002 in English and French): the collector's catalogue."""
    return new_site(tmp_path_factory.mktemp("collector") / "project", build=False).root


@pytest.fixture(scope="module")
def postgresql():
    cluster = PostgreSQL()
    cluster.start()
    yield cluster
    cluster.stop()
    cluster.remove()


class Database:
    """One empty feedback database, a way to take it away for a while, and one to empty it for good."""

    def __init__(self, url: str, away, lose=None):
        self.url, self.away, self.lose = url, away, lose

    def rows(self) -> dict[str, list[dict]]:
        engine = sa.create_engine(self.url.replace("postgresql://", "postgresql+psycopg://"))
        try:
            meta = sa.MetaData()
            meta.reflect(engine)
            with engine.connect() as connection:
                tables = meta.tables.items()
                return {name: [dict(r._mapping) for r in connection.execute(sa.select(t))] for name, t in tables}
        finally:
            engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    if request.param == "sqlite":
        folder = tmp_path / "db"
        folder.mkdir()

        @contextmanager
        def away():  # the file's folder is moved away (a disk unmounted), then back
            folder.rename(tmp_path / "elsewhere")
            yield
            (tmp_path / "elsewhere").rename(folder)

        def lose():  # an operator moves the file away (to keep last year's votes), its journal with it
            for name in ("feedback.sqlite3", "feedback.sqlite3-wal", "feedback.sqlite3-shm"):
                (folder / name).unlink(missing_ok=True)

        yield Database(f"sqlite:///{folder / 'feedback.sqlite3'}", away, lose)
        return
    cluster = request.getfixturevalue("postgresql")

    @contextmanager
    def away():  # the server stops, then starts again
        cluster.stop()
        yield
        cluster.start()

    def lose():  # an operator drops the tables (to start the year afresh)
        engine = sa.create_engine(cluster.url.replace("postgresql://", "postgresql+psycopg://"))
        meta = sa.MetaData()
        meta.reflect(engine)
        meta.drop_all(engine)
        engine.dispose()

    yield Database(cluster.url, away, lose)
    lose()


def test_events_are_stored_with_a_day_and_nothing_that_tells_readers_apart(project, database):
    with collector(project, SITE_URL, database.url) as server:
        assert [server.post(event)[0] for event in (VIEW, NO, YES, NOTHING, NOT_SURE)] == [204] * 5
    rows = database.rows()
    assert {name: set(table[0]) for name, table in rows.items()} == COLUMNS
    assert [(r["article"], r["lang"]) for r in rows["views"]] == [(3002, "fr")]
    votes = sorted((r["answer"], r["reason"], r["comment"]) for r in rows["votes"])  # stored in no order
    assert votes == [("no", "unclear", "Step 3?"), ("yes", None, None)]
    unanswered = sorted((r["query"], r["shown"]) for r in rows["unanswered"])
    assert unanswered == [("essuie-glace", "nothing"), ("survolter la batterie", "not-sure")]
    stored = repr(rows)
    assert "127.0.0.1" not in stored and "faq.example.com" not in stored
    assert all(type(r["day"]).__name__ == "date" for table in rows.values() for r in table)


def test_nothing_orders_one_readers_events_within_the_day_and_the_file_is_the_owners_only(project, database):
    searches = [{**NOTHING, "query": f"search {i}"} for i in range(20)]  # one reader's, one after another
    with collector(project, SITE_URL, database.url) as server:
        assert [server.post(event)[0] for event in searches] == [204] * 20
    rows = database.rows()["unanswered"]  # as the database gives them, in no order asked for
    posted = [event["query"] for event in searches]
    assert sorted(r["query"] for r in rows) == sorted(posted)
    assert [r["query"] for r in sorted(rows, key=lambda r: r["id"])] != posted  # 1 chance in 20! of failing
    if database.url.startswith("sqlite"):
        assert [r["query"] for r in rows] != posted
        assert stat.S_IMODE(os.stat(database.url.removeprefix("sqlite:///")).st_mode) == 0o600


@pytest.fixture(scope="module")
def sqlite_collector(project, tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'feedback.sqlite3'}"
    with collector(project, SITE_URL, url) as server:
        yield server, Database(url, None)


@pytest.mark.parametrize(
    ("origin", "shown"),
    [("https://evil.example.com", "https://evil.example.com"), ("", "(none)"), ("http://faq.example.com", None)],
)
def test_another_origin_is_refused_with_its_reason(sqlite_collector, origin, shown):
    server, database = sqlite_collector
    before = database.rows()
    assert server.post(VIEW, origin=origin) == (403, f"origin {shown or origin} is not the help centre's ({ORIGIN})\n")
    assert database.rows() == before


NESTED = b'{"kind": ' + b"[" * 1500 + b"]" * 1500 + b"}"
HOSTILE = [
    (b"not json at all", 400, "the body is not JSON"),
    (b'{"kind": "view", "article": 3002, "lang": "fr"', 400, "the body is not JSON"),
    (b"\xff\xfe{}", 400, "the body is not JSON"),
    (NESTED, 400, "the body is not JSON"),
    (b"[1, 2]", 400, "the body must be a JSON object"),
    (b"x" * 4097, 413, "the body is larger than 4096 bytes"),
    ({**VIEW, "article": 9999}, 400, "article 9999 is not an article of this site"),
    ({**VIEW, "article": "3002"}, 400, 'article must be an article id (a whole number), not "3002"'),
    ({**VIEW, "article": True}, 400, "article must be an article id (a whole number), not true"),
    ({**VIEW, "lang": "de"}, 400, 'lang must be one of en, fr, not "de"'),
    ({**VIEW, "ip": "10.0.0.1"}, 400, 'unknown field "ip" for a view'),
    ({"kind": "click"}, 400, "kind must be one of view, vote, unanswered"),
    ({**NO, "reason": "boring"}, 400, 'reason must be one of outdated, unclear, not-my-question, other, not "boring"'),
    ({**NO, "comment": "é" * 501}, 400, "comment is longer than 500 characters"),
    ({**NO, "comment": ["<script>"]}, 400, 'comment must be text, not ["<script>"]'),
    ({**YES, "comment": "great"}, 400, "a yes vote takes no reason or comment"),
    ({**NOTHING, "query": " \u0000\u200b "}, 400, "query is empty"),
    (
        {**NOTHING, "shown": "x" * 100},
        400,
        'shown must be one of nothing, other-language, not-sure, not "' + "x" * 36 + "...",
    ),
]


@pytest.mark.parametrize(("body", "status", "reason"), HOSTILE, ids=range(len(HOSTILE)))
def test_a_wrong_body_gets_a_4xx_and_one_line_saying_why_and_nothing_is_stored(sqlite_collector, body, status, reason):
    server, database = sqlite_collector
    before = database.rows()
    assert server.post(body) == (status, reason + "\n")
    assert database.rows() == before


def test_wrong_addresses_and_methods_get_a_line_not_a_page(sqlite_collector):
    server, _ = sqlite_collector
    assert server.post(VIEW, path="/admin") == (404, "POST /admin is not an address of the collector\n")


def _a_minute_with(seconds: float) -> None:
    """Wait, if need be, for a minute that has ``seconds`` left: the collector's counts start again each minute,
    and a test's requests must all fall in one (on a loaded machine they took over 3 s)."""
    if 60 - time.time() % 60 < seconds:
        time.sleep(60 - time.time() % 60 + 0.1)


def test_a_client_over_the_rate_limit_waits_a_minute(project, tmp_path):
    with collector(project, SITE_URL, f"sqlite:///{tmp_path / 'f.sqlite3'}", rate_limit=5) as server:
        _a_minute_with(10)
        assert [server.post(VIEW)[0] for _ in range(5)] == [204] * 5
        assert server.post(VIEW) == (429, "too many requests from this client: try again in a minute\n")


def test_the_addresses_of_one_ipv6_network_share_one_limit(project, tmp_path):
    with collector(project, SITE_URL, f"sqlite:///{tmp_path / 'f.sqlite3'}", rate_limit=5) as server:
        _a_minute_with(20)  # once the collector is up: its start took seconds on a loaded machine

        def status(address: str) -> int:  # through the proxy on this machine, as a deployed collector sees readers
            return server.post(VIEW, forwarded_for=address)[0]

        one_host = [status(f"2001:db8:1:2:{i:x}:{i * 7:x}::{i:x}") for i in range(1, 21)]  # one /64, 20 addresses
        assert one_host == [204] * 5 + [429] * 15
        assert status("2001:db8:1:3::1") == 204  # the next /64 is someone else
        assert [status("192.0.2.1") for _ in range(6)] == [204] * 5 + [429]
        assert status("192.0.2.2") == 204  # IPv4: each address is a client


def test_a_database_away_gets_503_and_the_collector_recovers_when_it_is_back(project, database):
    with collector(project, SITE_URL, database.url) as server:
        assert server.post(VIEW)[0] == 204
        with database.away():
            assert server.post(NO) == (503, "the feedback database is unavailable: try again later\n")
        assert server.post(NO)[0] == 204
    rows = database.rows()
    assert (len(rows["views"]), len(rows["votes"])) == (1, 1)


def test_a_database_emptied_while_the_collector_runs_gets_its_tables_back_with_the_next_vote(project, database):
    with collector(project, SITE_URL, database.url) as server:
        assert server.post(VIEW)[0] == 204
        database.lose()
        assert [server.post(NO)[0], server.post(NOTHING)[0]] == [204, 204]
    rows = database.rows()
    assert (len(rows["views"]), len(rows["votes"]), len(rows["unanswered"])) == (0, 1, 1)
    if database.url.startswith("sqlite"):  # made again by the collector, not by SQLite: the owner's only
        assert stat.S_IMODE(os.stat(database.url.removeprefix("sqlite:///")).st_mode) == 0o600


def test_a_bounded_load_from_concurrent_clients_loses_no_vote(project, database):
    with collector(project, SITE_URL, database.url) as server, ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda i: server.post({**NO, "comment": f"vote {i}"})[0], range(200)))
    assert statuses.count(204) == 200
    assert sorted(r["comment"] for r in database.rows()["votes"]) == sorted(f"vote {i}" for i in range(200))


def test_the_collector_will_not_start_without_an_http_site_url(project, tmp_path):
    with pytest.raises(RuntimeError, match="has no http\\(s\\) host"), collector(project, "file:///x/", "sqlite://"):
        pass
    shutil.rmtree(tmp_path, ignore_errors=True)
