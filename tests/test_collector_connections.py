"""The feedback collector against clients that hold connections open as an attacker would, as a real server on
127.0.0.1: idle connections, headers sent a byte at a time, bodies that never end. Each is closed at its time-out,
and a reader's vote on a new connection is answered within a second even when they fill every file the process
may open; the log says so in a line or two, not a line per connection."""

from __future__ import annotations

import http.client
import json
import socket
import time

import pytest

from collector_server import collector
from conftest import new_site

SITE_URL = "https://faq.example.com/help/"
ORIGIN = "https://faq.example.com"
VOTE = {"kind": "vote", "article": 2002, "lang": "en", "answer": "yes"}
POST = f"POST /collect HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: {ORIGIN}\r\nContent-Type: text/plain\r\n".encode()
# What each kind of slow client sends first, then a byte at a time (None: nothing more).
KINDS = {
    "idle": (b"", None),
    "slow headers": (POST + b"X-Slow: ", b"x"),
    "slow body": (POST + b"Content-Length: 4000\r\n\r\n{", b" "),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return new_site(tmp_path_factory.mktemp("collector") / "project", build=False).root


class Flood:
    """``each`` connections of every kind in ``KINDS``, opened at once, fed a byte at a time."""

    def __init__(self, port: int, each: int):
        self.sockets = []
        for kind, (first, _) in KINDS.items():
            for _ in range(each):
                sock = socket.create_connection(("127.0.0.1", port), timeout=5)
                sock.sendall(first)
                sock.setblocking(False)
                self.sockets.append((kind, sock))
        self.closed_after: dict[int, float] = {}  # index -> seconds until the server closed it
        self.started = time.monotonic()

    def feed(self, seconds: float) -> None:
        """A byte to each slow one every 0.2 s for ``seconds``, noting when the server closes each."""
        end = time.monotonic() + seconds
        while time.monotonic() < end and len(self.closed_after) < len(self.sockets):
            for index, (kind, sock) in enumerate(self.sockets):
                if index in self.closed_after:
                    continue
                try:
                    if sock.recv(1024) == b"":
                        self.closed_after[index] = time.monotonic() - self.started
                        continue
                except BlockingIOError:
                    pass
                except OSError:  # reset by the server
                    self.closed_after[index] = time.monotonic() - self.started
                    continue
                if KINDS[kind][1]:
                    try:
                        sock.send(KINDS[kind][1])
                    except OSError:
                        self.closed_after[index] = time.monotonic() - self.started
            time.sleep(0.2)

    def open_kinds(self) -> list[str]:
        return [kind for index, (kind, _) in enumerate(self.sockets) if index not in self.closed_after]

    def close(self) -> None:
        for _, sock in self.sockets:
            sock.close()


def vote(port: int) -> tuple[int | str, float]:
    """A reader's vote on a new connection: its status (or why it failed) and the seconds it took."""
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=3)
    try:
        body = json.dumps(VOTE).encode()
        connection.request("POST", "/collect", body=body, headers={"Origin": ORIGIN, "Content-Type": "text/plain"})
        status = connection.getresponse().status
    except OSError as exc:
        status = type(exc).__name__
    finally:
        connection.close()
    return status, time.monotonic() - started


def test_idle_and_slow_connections_are_closed_at_their_time_outs(project, tmp_path):
    settings = {"FEEDBACK_IDLE_TIMEOUT": "1", "FEEDBACK_HEADER_TIMEOUT": "1", "FEEDBACK_BODY_TIMEOUT": "1"}
    with collector(project, SITE_URL, f"sqlite:///{tmp_path / 'f.sqlite3'}", settings=settings) as server:
        flood = Flood(server.port, 5)
        try:
            status, seconds = vote(server.port)
            flood.feed(4)  # a byte every 0.2 s would keep a connection open for ever if only silence were timed
        finally:
            flood.close()
    assert (status, seconds < 1) == (204, True)
    assert flood.open_kinds() == []
    assert max(flood.closed_after.values()) < 2.5  # one second, and the server's timer's slack


def test_a_flood_of_connections_up_to_the_open_files_limit_never_delays_a_vote(project, tmp_path):
    database = f"sqlite:///{tmp_path / 'f.sqlite3'}"
    held = {name: "30" for name in ("FEEDBACK_IDLE_TIMEOUT", "FEEDBACK_HEADER_TIMEOUT", "FEEDBACK_BODY_TIMEOUT")}
    # Time-outs longer than the test: only the cap on connections makes room for the votes.
    with collector(project, SITE_URL, database, settings=held, open_files=64) as server:
        flood = Flood(server.port, 25)  # 75 sockets: more than the process may open
        try:
            flood.feed(0.5)
            answered = [vote(server.port) for _ in range(3)]
            flood.feed(0.5)
        finally:
            flood.close()
    assert [(status, seconds < 1) for status, seconds in answered] == [(204, True)] * 3
    lines = server.log.splitlines()
    assert "Traceback" not in server.log and len(lines) <= 4, lines[:10]
    assert any("connections open, the most allowed" in line for line in lines)


@pytest.mark.parametrize(
    ("setting", "value", "said"),
    [
        ("FEEDBACK_BODY_TIMEOUT", "0", "FEEDBACK_BODY_TIMEOUT='0': give a number of seconds above 0, such as 10"),
        ("FEEDBACK_MAX_CONNECTIONS", "2.5", "FEEDBACK_MAX_CONNECTIONS='2.5': give a whole number of connections"),
    ],
)
def test_a_wrong_setting_is_one_line_saying_what_to_give(project, setting, value, said):
    with pytest.raises(RuntimeError) as stopped, collector(project, SITE_URL, "sqlite://", settings={setting: value}):
        pass
    assert said in str(stopped.value) and "Traceback" not in str(stopped.value)
