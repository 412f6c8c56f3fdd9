"""``python -m collector serve|report|popularity``: the collector's commands (``make feedback``,
``make feedback-report``, ``make popularity``).

Reads the project in ``--root`` (default: the current folder) through ``config``; ``serve`` runs the web
service with uvicorn on 127.0.0.1 (``--host``, ``--port``) through ``serving`` (time-outs, a cap on connections),
without an access log (it would record addresses);
``report`` writes the report page in every language (``page``: default ``dist/feedback-report/<lang>/index.html``,
``--html``) and the same as Markdown (default ``dist/feedback-report.md``, ``--out``); ``popularity`` writes
``data/popularity.csv`` from the collected views, and refuses to when none were collected (the file is kept).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import config as settings
from . import page
from .report import popularity_csv, report_markdown
from .store import TABLES, Store, Unavailable
from .summary import summarise

DEFAULT_PORT = 8765


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")  # never half a file under the real name
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m collector", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the help centre's project folder")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the collector")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    report = commands.add_parser("report", help="write the feedback report (HTML pages and Markdown)")
    report.add_argument("--out", type=Path, help="the Markdown file (default dist/feedback-report.md)")
    report.add_argument("--html", type=Path, help="the pages' folder (default dist/feedback-report)")
    commands.add_parser("popularity", help="write data/popularity.csv from the collected views")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        config = settings.load(root)
    except settings.ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    store = Store(config.database_url)
    if args.command == "serve":
        from .app import create_app
        from .serving import serve

        print(f"Collecting feedback for {config.origin} on http://{args.host}:{args.port}/collect", flush=True)
        serve(create_app(config, store), config, args.host, args.port)
        return 0
    try:
        rows = {name: store.rows(name) for name in TABLES}
    except Unavailable as exc:
        print(f"error: the feedback database cannot be read ({exc}); check FEEDBACK_DATABASE_URL", file=sys.stderr)
        return 1
    if args.command == "report":
        out = args.out or root / "dist" / "feedback-report.md"
        summary = summarise(config, rows)
        _write(out, report_markdown(config, summary))
        pages = page.write(config, summary, args.html or root / "dist" / "feedback-report")
        print("Feedback report: " + ", ".join(str(p) for p in pages) + f" and {out}")
        return 0
    if not rows["views"]:
        print("error: no views collected yet; data/popularity.csv is left as it is", file=sys.stderr)
        return 1
    _write(root / "data" / "popularity.csv", popularity_csv(config, rows["views"]))
    print(f"data/popularity.csv: {len(config.article_ids)} articles, {len(rows['views'])} views collected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
