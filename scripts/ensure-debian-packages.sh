#!/usr/bin/env bash
# Installs the Debian packages the browser, HTML-validation, nginx and PostgreSQL tests and the linters need, when they are missing.
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
# PostgreSQL: tests/test_collector.py runs the feedback collector against a throwaway cluster.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# strace stops an import between its two swaps at a set system call (tests/test_import_zendesk.py).
command -v strace >/dev/null 2>&1 || missing+=(strace)
# Fonts so screenshots show real glyphs, accents included.
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
[ ${#missing[@]} -eq 0 ] && exit 0

# Another apt-get (unattended-upgrades on a fresh machine, say) may hold the package locks: wait up to
# LOCK_WAIT seconds for them rather than stopping at once. apt-get install waits for dpkg's lock itself
# (DPkg::Lock::Timeout); apt-get update cannot wait for its lists' lock, so it is tried again every 5 s.
LOCK_WAIT=${LOCK_WAIT:-300}
apt_update() {
  local deadline=$((SECONDS + LOCK_WAIT)) output said=
  while true; do
    if output=$(apt-get -o DPkg::Lock::Timeout="$LOCK_WAIT" update 2>&1); then
      printf '%s\n' "$output"
      return 0
    fi
    if ! grep -q "Could not get lock" <<<"$output" || [ $SECONDS -ge $deadline ]; then
      printf '%s\n' "$output" >&2
      return 1
    fi
    if [ -z "$said" ]; then
      echo "Another apt-get holds the package lists' lock; waiting for it (up to $LOCK_WAIT s)..."
      said=1
    fi
    sleep 5
  done
}

install="DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=$LOCK_WAIT install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing missing Debian packages: ${missing[*]} (waiting up to $LOCK_WAIT s for apt's lock if another apt-get holds it)"
  apt_update
  bash -c "$install"
else
  echo "The tests need these Debian packages: ${missing[*]}" >&2
  echo "Run as root: apt-get update && $install" >&2
  exit 1
fi
