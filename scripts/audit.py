"""``make audit``: Lighthouse scores of the built site, served as the real host serves it.

Builds the site for a local address, serves it with gzip, cache headers and the release's
Content-Security-Policy, runs Lighthouse (audit/node_modules, pinned for Node 20) in Debian's Chromium
on home, a category page and article 1001 in both languages (mobile), and writes audit/results.json
and audit/RESULTS.md. Exits 1 when a score misses its target.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from helpcentre import release

from static_server import Server, free_port

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "audit" / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = ["index.html", "my-account/index.html", "connected-store/refund-payment-method.html"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def build(out: Path, site_url: str) -> None:
    env = {**os.environ, "SITE_URL": site_url, "PYTHONPATH": str(ROOT / "hooks")}
    command = [sys.executable, "-m", "helpcentre.cli", "--root", str(ROOT), "build", "--site-dir", str(out)]
    subprocess.run(command, env=env, check=True, capture_output=True)


def lighthouse(url: str) -> dict[str, int]:
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    result = subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=" + ",".join(TARGETS),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    report = json.loads(result.stdout)
    failing = sorted(
        audit_id
        for audit_id, audit in report["audits"].items()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
    )
    scores = {name: round(category["score"] * 100) for name, category in report["categories"].items()}
    return {**scores, "failing_audits": failing}


def main() -> int:
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run `npm ci --prefix audit` (make audit does).", file=sys.stderr)
        return 1
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site, f"http://127.0.0.1:{port}/")
        csp = release.content_security_policy(release.script_hashes(site))
        results = {}
        with Server(site, port=port, headers={"Content-Security-Policy": csp}, production=True) as server:
            for prefix in ("", "fr/"):
                for page in PAGES:
                    results[prefix + page] = lighthouse(server.url + prefix + page)
                    print(prefix + page, {k: v for k, v in results[prefix + page].items() if k != "failing_audits"})
    misses = [
        f"{page}: {name} {scores[name]} < {target}"
        for page, scores in results.items()
        for name, target in TARGETS.items()
        if scores[name] < target
    ]
    out = ROOT / "audit"
    (out / "results.json").write_text(json.dumps({"targets": TARGETS, "pages": results}, indent=2) + "\n")
    lines = [
        "# Lighthouse (mobile) — `make audit`",
        "",
        "| page | " + " | ".join(TARGETS) + " | failing audits |",
        "|---|" + "---|" * (len(TARGETS) + 1),
    ]
    lines += [
        f"| {page} | " + " | ".join(str(s[n]) for n in TARGETS) + f" | {', '.join(s['failing_audits']) or '—'} |"
        for page, s in results.items()
    ]
    lines += [
        "",
        "Targets: " + ", ".join(f"{n} ≥ {t}" for n, t in TARGETS.items()) + ".",
        "Result: " + ("all targets met." if not misses else "missed: " + "; ".join(misses)),
    ]
    (out / "RESULTS.md").write_text("\n".join(lines) + "\n")
    for miss in misses:
        print(f"audit: {miss}", file=sys.stderr)
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
