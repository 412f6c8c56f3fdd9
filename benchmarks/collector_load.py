"""The feedback collector under a bounded load: throughput, and not one vote lost.

Reads the repository's own catalogue (the collector of ``collector/`` serves it, ``SITE_URL`` set to a local
address) and runs ``python -m collector serve`` on 127.0.0.1 with SQLite in the work folder. ``CLIENTS``
threads, each with its own kept-alive connection as a browser has, post ``REQUESTS`` votes in all (a fixed
number: the load stops by itself), each with its own comment; ``ROUNDS`` times against the same server, as the
throughput of one round on 2 shared cores varies by a quarter from run to run. Produces the figures of
``results["collector"]``: requests (per round), clients, accepted (204, all rounds), seconds and requests per
second (medians of the rounds, and each round's), stored rows, and ``lost`` (accepted but not in the database:
must be 0). Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import http.client
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from .environment import REPO
from .settings import BenchError, Settings, log
from static_server import free_port, wait_until_answers

REQUESTS = 2000
ROUNDS = 5
CLIENTS = 8
SITE = "http://127.0.0.1:8000/"  # the collector accepts this origin only
ORIGIN = SITE.rstrip("/")


def _vote(article: int, index: str) -> bytes:
    vote = {"kind": "vote", "article": article, "lang": "en", "answer": "no", "reason": "unclear"}
    return json.dumps({**vote, "comment": f"load {index}"}).encode("utf-8")


def _article() -> int:
    from helpcentre.content import catalogue

    found, _ = catalogue.load(REPO)
    if found is None:
        raise BenchError("the collector's load test needs the repository's catalogue: run make check")
    return min(found.ids)


def _client(port: int, bodies: list[bytes]) -> list[int]:
    """One reader's browser: one connection, kept alive, posting ``bodies`` one after another."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "text/plain;charset=UTF-8", "Origin": ORIGIN}
    statuses = []
    try:
        for body in bodies:
            connection.request("POST", "/collect", body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            statuses.append(response.status)
    finally:
        connection.close()
    return statuses


def measure(settings: Settings) -> dict:
    database = settings.work_dir / "collector" / "feedback.sqlite3"
    database.parent.mkdir(parents=True, exist_ok=True)
    database.unlink(missing_ok=True)
    article, port = _article(), free_port()
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'hooks'}", "SITE_URL": SITE}
    env |= {"FEEDBACK_DATABASE_URL": f"sqlite:///{database}", "FEEDBACK_RATE_LIMIT": str(REQUESTS * ROUNDS * 2)}
    command = [sys.executable, "-m", "collector", "--root", str(REPO), "serve", "--port", str(port)]
    log(f"collector: {ROUNDS} x {REQUESTS} votes from {CLIENTS} concurrent clients on 127.0.0.1")
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        try:
            wait_until_answers(port, "/health", process)
        except RuntimeError as exc:
            raise BenchError(f"the collector: {exc}") from None
        rounds = [_round(port, article, number) for number in range(ROUNDS)]
    finally:
        process.terminate()
        process.wait(timeout=10)
    with sqlite3.connect(database) as db:
        stored = db.execute("SELECT COUNT(DISTINCT comment) FROM votes").fetchone()[0]
    statuses = [status for _, round_statuses in rounds for status in round_statuses]
    accepted = statuses.count(204)
    seconds = [elapsed for elapsed, _ in rounds]
    return {
        "requests": REQUESTS,
        "rounds": ROUNDS,
        "clients": CLIENTS,
        "database": "SQLite",
        "accepted": accepted,
        "refused": {str(s): statuses.count(s) for s in sorted(set(statuses) - {204})},
        "seconds": round(statistics.median(seconds), 2),
        "requests_per_s": round(REQUESTS / statistics.median(seconds), 1),
        "requests_per_s_rounds": [round(REQUESTS / elapsed, 1) for elapsed in seconds],
        "stored": stored,
        "lost": accepted - stored,
    }


def _round(port: int, article: int, number: int) -> tuple[float, list[int]]:
    """One round: ``REQUESTS`` votes from ``CLIENTS`` clients; (seconds, each answer's status)."""
    bodies = [_vote(article, f"{number}-{i}") for i in range(REQUESTS)]
    shares = [bodies[client::CLIENTS] for client in range(CLIENTS)]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        statuses = [status for statuses in pool.map(lambda share: _client(port, share), shares) for status in statuses]
    return time.perf_counter() - started, statuses
