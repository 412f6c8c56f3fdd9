"""A local static server for a built site: plain files, as ``make site`` wrote them.

Serves a folder on 127.0.0.1 under an optional sub-path, with optional extra headers (a
Content-Security-Policy). Used by the browser tests of a built (not released) site and by ``make bench``;
``python scripts/static_server.py site`` previews a build. A released site is served by Debian's nginx
with the release's own configuration instead (nginx_server.py: compression, cache lifetimes, 404s, 301s).
"""

from __future__ import annotations

import argparse
import functools
import http.client
import socket
import subprocess
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_answers(port: int, path: str, process: subprocess.Popen, tries: int = 300) -> None:
    """Until a local server that ``process`` runs answers 200 at ``path`` on ``port``; RuntimeError, saying
    why, when it stops first or never answers."""
    for _ in range(tries):
        if process.poll() is not None:
            raise RuntimeError("the server stopped: " + (process.stdout.read() if process.stdout else ""))
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", path)
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the server did not start")


class _Handler(SimpleHTTPRequestHandler):
    prefix = "/"
    headers_to_add: ClassVar[dict] = {}
    extensions_map: ClassVar[dict] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".pagefind": "application/wasm",
        ".pf_meta": "application/octet-stream",
    }

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def end_headers(self) -> None:
        for name, value in self.headers_to_add.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a browser drops connections it no longer needs (a page closed mid-download)


class Server:
    """``with Server(folder) as s: s.url`` serves ``folder`` from a thread until the block ends."""

    def __init__(
        self,
        root: Path,
        port: int | None = None,
        prefix: str = "/",
        headers: dict | None = None,
    ):
        attrs = {"prefix": prefix, "headers_to_add": headers or {}}
        handler = type("Handler", (_Handler,), attrs)
        self.port = port or free_port()
        self.httpd = _QuietServer(("127.0.0.1", self.port), functools.partial(handler, directory=str(root)))
        self.url = f"http://127.0.0.1:{self.port}{prefix}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    with Server(args.folder, port=args.port) as server:
        print(f"Serving {args.folder} at {server.url} (Ctrl+C to stop)")
        threading.Event().wait()


if __name__ == "__main__":
    main()
