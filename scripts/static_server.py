"""A local static server for a built site, as a real host would serve it.

Serves a folder on 127.0.0.1 under an optional sub-path, with optional extra headers (the release's
Content-Security-Policy), gzip for text and long cache lifetimes for assets when asked. Used by the
browser tests and by ``make audit``; ``python scripts/static_server.py site`` previews a build.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import socket
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Handler(SimpleHTTPRequestHandler):
    prefix = "/"
    headers_to_add: ClassVar[dict] = {}
    production = False  # gzip and cache headers, as the real host sends them
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

    def send_head(self):
        if not self.production:
            return super().send_head()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        ctype = self.guess_type(str(path))
        body = path.read_bytes()
        compress = ctype.startswith(TEXT_TYPES) and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            body = gzip.compress(body, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        cacheable = "/assets/" in self.path or "/pagefind/" in self.path
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if cacheable else "no-cache")
        self.end_headers()
        return io.BytesIO(body)

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
        production: bool = False,
    ):
        attrs = {"prefix": prefix, "headers_to_add": headers or {}, "production": production}
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
    with Server(args.folder, port=args.port, production=True) as server:
        print(f"Serving {args.folder} at {server.url} (Ctrl+C to stop)")
        threading.Event().wait()


if __name__ == "__main__":
    main()
