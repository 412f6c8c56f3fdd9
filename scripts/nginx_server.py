"""Debian's nginx serving a released site with the release's own ``hosts/nginx.conf``, as a host would.

Writes a throwaway nginx configuration in a temporary folder (its pid file, logs and temp paths there, no
daemon, the Brotli module loaded, one ``server`` on 127.0.0.1 whose ``root`` holds the site at ``prefix``)
that includes the generated locations unchanged, starts nginx in the foreground and stops it at the end.
Used by tests/test_hosts.py and ``make audit``; ``python scripts/nginx_server.py site dist/hosts/nginx.conf``
previews a release.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from static_server import free_port

BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
CONFIG = """\
daemon off;
{user}
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
load_module {brotli};
events {{
    worker_connections 256;
}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    types_hash_max_size 2048;
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    sendfile on;
    server {{
        listen 127.0.0.1:{port};
        server_name 127.0.0.1;
        root {root};
        include {locations};
    }}
}}
"""


class NginxError(RuntimeError):
    pass


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found or not BROTLI_MODULE.exists():
        raise NginxError("nginx and its Brotli module are missing: run `make system-deps` (Debian packages)")
    return found


class Nginx:
    """``with Nginx(site, locations, prefix="/help/") as s: s.url`` serves ``site`` until the block ends."""

    def __init__(self, site: Path, locations: Path, prefix: str = "/", port: int | None = None):
        self.site, self.locations, self.prefix = site, locations, prefix
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}{prefix}"
        self._tmp: tempfile.TemporaryDirectory | None = None
        self._process: subprocess.Popen | None = None

    def __enter__(self) -> Nginx:
        binary = nginx_binary()
        self._tmp = tempfile.TemporaryDirectory(prefix="hc-nginx-")
        tmp = Path(self._tmp.name)
        root = self.site.resolve()
        if self.prefix.strip("/"):
            root = tmp / "www"
            (root / self.prefix.strip("/")).parent.mkdir(parents=True, exist_ok=True)
            (root / self.prefix.strip("/")).symlink_to(self.site.resolve(), target_is_directory=True)
        # Run as root, nginx's workers would become "nobody", who cannot read a test's private temp folders.
        user = "user root;" if os.geteuid() == 0 else ""
        config = CONFIG.format(
            user=user, tmp=tmp, brotli=BROTLI_MODULE, port=self.port, root=root, locations=self.locations.resolve()
        )
        (tmp / "nginx.conf").write_text(config)
        command = [binary, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")]
        self._process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self._wait_until_listening(tmp)
        return self

    def _wait_until_listening(self, tmp: Path) -> None:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                log = (tmp / "error.log").read_text() if (tmp / "error.log").exists() else ""
                output = self._process.stdout.read().decode(errors="replace")
                self._tmp.cleanup()
                raise NginxError(f"nginx stopped at once: {output}{log}".strip())
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        self.__exit__()
        raise NginxError(f"nginx did not listen on port {self.port} within 15 s")

    def wait(self) -> None:
        self._process.wait()

    def __exit__(self, *exc) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)  # nginx's fast shutdown
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._process is not None:
            self._process.stdout.close()
        if self._tmp is not None:
            self._tmp.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("locations", type=Path, help="the release's hosts/nginx.conf")
    parser.add_argument("--prefix", default="/", help="the path of site_url (default /)")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    with Nginx(args.site, args.locations, args.prefix, args.port) as server:
        print(f"nginx serves {args.site} at {server.url} (Ctrl+C to stop)")
        with contextlib.suppress(KeyboardInterrupt):
            server.wait()


if __name__ == "__main__":
    main()
