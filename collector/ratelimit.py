"""A limit on requests per client network per minute that never keeps who the client is.

Reads the client's address of each request and reduces it to the network one client holds (``network``): the
IPv4 address itself, or the /64 of an IPv6 address. Keeps, in memory only, a count per keyed hash of that
network (HMAC with a random key that is replaced every hour and never written anywhere), and forgets every count
each minute. After the hour the hashes of the last one cannot be matched to an address, even by this process.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import threading
import time
from collections.abc import Callable

# One IPv6 host owns a whole /64: it is the smallest subnet SLAAC works on, so every subscriber, and every phone
# on a mobile network, gets at least one, and a host picks new addresses in it at will (RFC 4941 temporary
# addresses, or any it likes). A wider prefix (/56, /48) would put the customers of an ISP that hands out a /64
# each under one count.
IPV6_PREFIX = 64


def network(client: str) -> str:
    """What the limit counts: an IPv4 address (also when written IPv4-mapped), else an IPv6 address's /64."""
    try:
        address = ipaddress.ip_address(client.split("%", 1)[0])  # a zone (fe80::1%eth0) names no other host
    except ValueError:
        return client  # not an address (a Unix socket, a test client): counted as it is
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, IPV6_PREFIX), strict=False))
    return str(address)


class RateLimit:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.time):
        self.per_minute = per_minute
        self.clock = clock
        self._hour = self._minute = -1
        self._key = b""
        self._counts: dict[bytes, int] = {}
        self._lock = threading.Lock()

    def allows(self, client: str) -> bool:
        """Counts this request; False once its network has sent more than ``per_minute`` this minute."""
        now = self.clock()
        with self._lock:
            if int(now // 3600) != self._hour:
                self._hour, self._key = int(now // 3600), secrets.token_bytes(32)
            if int(now // 60) != self._minute:
                self._minute = int(now // 60)
                self._counts.clear()
            who = hmac.new(self._key, network(client).encode("utf-8"), hashlib.sha256).digest()[:16]
            self._counts[who] = self._counts.get(who, 0) + 1
            return self._counts[who] <= self.per_minute
