"""``make audit``: Lighthouse scores of the released site, served as a real host serves it.

Releases the site for a local address (``helpcentre.cli release``: precompressed files and
hosts/nginx.conf), serves it with Debian's nginx and that configuration (scripts/nginx_server.py: Brotli,
cache headers, the release's Content-Security-Policy), runs Lighthouse (audit/node_modules, pinned for
Node 20) in Debian's Chromium on home, a category page, article 1001 and an answer with screenshots (issue 28)
in both languages (mobile), and
writes audit/results.json and audit/RESULTS.md. Each page is audited ``AUDIT_RUNS`` times (3 by default)
and each score is the median, as Lighthouse's own guidance on variability advises: one run's performance
score moves by several points with whatever else the machine is doing. Exits 1 when a median misses its
target.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from chromium import CHROMIUM, CHROMIUM_ARGS

from helpcentre.core import languages

from nginx_server import Nginx, nginx_binary
from static_server import free_port

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "audit" / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = [
    "index.html",
    "my-account/index.html",
    "connected-store/refund-payment-method.html",
    "my-account/link-your-account.html",  # two screenshots in its steps
]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}
RUNS = max(1, int(os.environ.get("AUDIT_RUNS", "3")))
CHROME_FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])


def release(out: Path, site_url: str) -> None:
    """``make release`` into ``out`` (``out/site``, ``out/dist/hosts/nginx.conf``) for ``site_url``."""
    env = {**os.environ, "SITE_URL": site_url, "PYTHONPATH": str(ROOT / "hooks")}
    command = [sys.executable, "-m", "helpcentre.cli", "--root", str(ROOT), "release", "--site-dir", str(out / "site")]
    command += ["--archive", str(out / "dist" / "site.tar.gz")]
    subprocess.run(command, env=env, check=True, capture_output=True)


def nginx_version() -> str:
    done = subprocess.run([nginx_binary(), "-v"], capture_output=True, text=True, check=False)
    return done.stderr.strip().removeprefix("nginx version: ") or "nginx"


def lighthouse(url: str) -> dict:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
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
    metrics = {short: report["audits"][audit_id].get("displayValue", "") for audit_id, short in METRICS.items()}
    return {**scores, "failing_audits": failing, "metrics": metrics}


def median_of_runs(url: str) -> dict:
    """The median of each score over RUNS runs; the failing audits and metrics of the median-performance run."""
    runs = [lighthouse(url) for _ in range(RUNS)]
    scores = {name: round(statistics.median(run[name] for run in runs)) for name in TARGETS}
    middle = sorted(runs, key=lambda run: run["performance"])[len(runs) // 2]
    return {
        **scores,
        "performance_runs": [run["performance"] for run in runs],
        "failing_audits": sorted({audit for run in runs for audit in run["failing_audits"]}),
        "metrics": middle["metrics"],
        "load_average": round(os.getloadavg()[0], 2),
    }


def main() -> int:
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run `npm ci --prefix audit` (make audit does).", file=sys.stderr)
        return 1
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        release(Path(tmp), f"http://127.0.0.1:{port}/")
        results = {}
        with Nginx(Path(tmp) / "site", Path(tmp) / "dist" / "hosts" / "nginx.conf", port=port) as server:
            ours = languages.of(ROOT)
            for prefix in (ours.site_path(lang, "index.md").removesuffix("index.html") for lang in ours.codes):
                for page in PAGES:
                    results[prefix + page] = median_of_runs(server.url + prefix + page)
                    print(prefix + page, {k: results[prefix + page][k] for k in (*TARGETS, "performance_runs")})
    misses = [
        f"{page}: {name} {scores[name]} < {target}"
        for page, scores in results.items()
        for name, target in TARGETS.items()
        if scores[name] < target
    ]
    out = ROOT / "audit"
    (out / "results.json").write_text(json.dumps({"targets": TARGETS, "runs": RUNS, "pages": results}, indent=2) + "\n")
    lines = [
        "# Lighthouse (mobile) — `make audit`",
        "",
        f"Served by {nginx_version()} with the release's hosts/nginx.conf (Brotli, cache headers, the CSP).",
        "",
        f"Median of {RUNS} run(s) per page; performance runs, the metrics of the median run and the load average"
        " (2 cores) after the page's runs are shown so a noisy machine is visible.",
        "",
        "| page | " + " | ".join(TARGETS) + " | performance runs | " + " / ".join(METRICS.values()) + " | load |"
        " failing audits |",
        "|---|" + "---|" * (len(TARGETS) + 4),
    ]
    lines += [
        f"| {page} | "
        + " | ".join(str(s[n]) for n in TARGETS)
        + f" | {', '.join(map(str, s['performance_runs']))} | {' / '.join(s['metrics'].values())} | "
        f"{s['load_average']} | {', '.join(s['failing_audits']) or '—'} |"
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
