"""A limit on requests per client per minute that never keeps who the client is.

Reads the client's address of each request; keeps, in memory only, a count per keyed hash of it (HMAC with a
random key that is replaced every hour and never written anywhere), and forgets every count each minute. After
the hour the hashes of the last one cannot be matched to an address, even by this process.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable


class RateLimit:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.time):
        self.per_minute = per_minute
        self.clock = clock
        self._hour = self._minute = -1
        self._key = b""
        self._counts: dict[bytes, int] = {}
        self._lock = threading.Lock()

    def allows(self, client: str) -> bool:
        """Counts this request; False once the client has sent more than ``per_minute`` this minute."""
        now = self.clock()
        with self._lock:
            if int(now // 3600) != self._hour:
                self._hour, self._key = int(now // 3600), secrets.token_bytes(32)
            if int(now // 60) != self._minute:
                self._minute = int(now // 60)
                self._counts.clear()
            who = hmac.new(self._key, client.encode("utf-8"), hashlib.sha256).digest()[:16]
            self._counts[who] = self._counts.get(who, 0) + 1
            return self._counts[who] <= self.per_minute
