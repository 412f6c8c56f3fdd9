#!/usr/bin/env bash
# Installs the Debian packages the browser, HTML-validation and nginx tests and the linters need, when they are missing.
# As root with apt-get it installs them; otherwise it stops with the exact command to run.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
# npm for ESLint (make lint), pinned in lint/package-lock.json.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
# nginx serves the released site in tests/test_hosts.py and make audit, with its Brotli module (brotli_static).
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
# Fonts so screenshots show real glyphs, accents included.
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
[ ${#missing[@]} -eq 0 ] && exit 0
cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing missing Debian packages: ${missing[*]}"
  bash -c "$cmd"
else
  echo "The tests need these Debian packages: ${missing[*]}" >&2
  echo "Run as root: $cmd" >&2
  exit 1
fi
