"""How the collector meets the network: uvicorn's HTTP/1.1 with a deadline on every connection and a cap on how
many are open, and its errors logged once per kind and interval.

Reads the collector's ``Config`` (``idle_timeout``, ``header_timeout``, ``body_timeout``, ``max_connections``)
and the number of files the process may open; ``serve`` runs the app on host:port until stopped. A connection is
closed when it sends no request for ``idle_timeout`` seconds (before its first one too, which uvicorn does not
time), takes longer than ``header_timeout`` from a request's first byte to the end of its headers, or longer than
``body_timeout`` from there to the end of its body. uvicorn has the idle time-out only, between requests.

When a connection comes in over the cap, the one that has waited longest for a complete request is closed to
make room (a request being answered is never cut): a flood of slow or idle connections can only push out its
own, and a reader's vote, sent at once on a new connection, gets in. The cap is lowered to fit the open files
allowed (``ulimit -n``): uvicorn accepts what the kernel queued before any of it is seen here, and Python 3.11's
event loop logs an accept that runs out of files thousands of times a second.
"""

from __future__ import annotations

import logging
import os
import resource
import time
from dataclasses import replace

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from .config import Config

IDLE, HEADERS, BODY, ANSWERING = "idle", "headers", "body", "answering"
LOOP_FILES = 8  # what the event loop opens after the budget is counted: its selector, wake-up pipe, listener
LOG_INTERVAL = 60  # seconds: one line per kind of problem in each


class GuardedH11(H11Protocol):
    """uvicorn's HTTP/1.1 connection with a deadline for each phase of a request and a cap on connections."""

    settings: Config  # set by ``protocol``

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._phase, self._deadline, self.waiting_since = "", None, None
        self._enter(IDLE)
        self._make_room()

    def data_received(self, data: bytes) -> None:
        if self._phase == IDLE and data:
            self._enter(HEADERS)
        super().data_received(data)
        self._follow()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._follow()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel()
        super().connection_lost(exc)

    def _follow(self) -> None:
        """The phase that h11's view of the client says this connection is in now."""
        state = self.conn.their_state
        if state is h11.SEND_BODY:
            self._enter(BODY)
        elif state is not h11.IDLE:  # the whole request is here (or the client closed): the app answers it
            self._enter(ANSWERING)
        elif self._phase in (ANSWERING, BODY):  # answered (maybe before reading the body): waits for the next one
            self._enter(IDLE)

    def _enter(self, phase: str) -> None:
        if phase == self._phase:
            return
        self._phase = phase
        self._cancel()
        if phase == ANSWERING:  # the app's time, never cut short here
            self.waiting_since = None
            return
        if phase == IDLE:
            self.waiting_since = time.monotonic()
        limits = {IDLE: self.settings.idle_timeout, HEADERS: self.settings.header_timeout}
        self._deadline = self.loop.call_later(limits.get(phase, self.settings.body_timeout), self._expired)

    def _cancel(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self) -> None:
        self._deadline = None
        if self._phase != ANSWERING and not self.transport.is_closing():
            self.transport.close()

    def _make_room(self) -> None:
        """Over the cap, close the connection that has waited longest for a complete request (this one last)."""
        open_now = [c for c in self.connections if not c.transport.is_closing()]
        if len(open_now) <= self.settings.max_connections:
            return
        waiting = [c for c in open_now if getattr(c, "waiting_since", None) is not None and c is not self]
        oldest = min(waiting, key=lambda c: c.waiting_since, default=self)
        oldest.transport.close()
        logging.getLogger("collector").warning(
            "%d connections open, the most allowed: closing those that waited longest for a request",
            self.settings.max_connections,
        )


def protocol(settings: Config) -> type[GuardedH11]:
    """``GuardedH11`` with these settings (uvicorn makes each connection's protocol from a class)."""
    return type("CollectorH11", (GuardedH11,), {"settings": settings})


def connection_budget(wanted: int) -> tuple[int, int]:
    """The most connections, and the accept queue, that fit the files this process may still open: half for the
    queue (uvicorn accepts all it holds at once, before any is seen here; a short one drops readers' connection
    requests, which their systems send again a second later), a quarter for connections, a quarter for the
    database's files and for connections closed but not yet let go."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return wanted, 2048  # uvicorn's queue
    spare = max(soft - len(os.listdir("/dev/fd")) - LOOP_FILES, 24)
    return min(wanted, spare // 4), min(2048, spare // 2)


class OncePerInterval(logging.Filter):
    """Lets one record of each kind through per ``LOG_INTERVAL``, as one line (no traceback), saying how many of
    its kind were held back since the last one. The kind is the logger, the message and the error's type."""

    def __init__(self, clock=time.monotonic):
        super().__init__()
        self.clock = clock
        self._seen: dict[tuple, list] = {}  # kind -> [last shown at, held back since]

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        kind = (record.name, str(record.msg), type(error).__name__, getattr(error, "errno", None))
        now = self.clock()
        seen = self._seen.get(kind)
        if seen and now - seen[0] < LOG_INTERVAL:
            seen[1] += 1
            return False
        held = seen[1] if seen else 0
        self._seen[kind] = [now, 0]
        message = record.getMessage().splitlines()[0] + (f": {error}" if error else "")
        if held:
            message += f" (and {held} more like it in the last {LOG_INTERVAL} s)"
        record.msg, record.args, record.exc_info, record.exc_text = message, None, None, None
        return True


def serve(app, settings: Config, host: str, port: int) -> None:
    connections, queue = connection_budget(settings.max_connections)
    guarded = protocol(replace(settings, max_connections=connections))
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        http=guarded,
        backlog=queue,
        timeout_keep_alive=settings.idle_timeout,  # type: ignore[arg-type]  # a float works: call_later
        access_log=False,  # it would record addresses
        log_level="warning",
    )
    throttle = OncePerInterval()
    for name in ("asyncio", "uvicorn.error", "collector"):
        logging.getLogger(name).addFilter(throttle)
    if connections < settings.max_connections:
        print(
            f"At most {connections} connections (FEEDBACK_MAX_CONNECTIONS is {settings.max_connections}): the "
            "process may open too few files for more; raise ulimit -n to allow more",
            flush=True,
        )
    uvicorn.Server(config).run()
