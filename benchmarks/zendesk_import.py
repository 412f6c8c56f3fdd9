"""make bench-import, and the import stage of `make bench` (issue 29): 1,000 articles in two locales imported from
a local server answering as Zendesk does.

Copies the project's configuration, hooks and data (the working tree's, or those of ``--code DIR``: the site
code `make bench` measures) into a temporary folder, serves 1,000 articles in en-us and fr-ca (100 a page, one
image in every tenth) with the tests' server (``tests/zendesk_server.py``), runs make import-zendesk's code
in-process and prints the time and the conversion time per article (budget: 60 s); with ``--json``, the
figures as one JSON line (what `make bench` reads), whatever the time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 1000
LOCALES = ("en-us", "fr-ca")
BUDGET_S = 60

BODY = (
    '<p style="margin:0">To do it <span><strong>step {n}</strong></span>:&nbsp;&nbsp;read on.'
    "<ol><li>Open <b>Settings</b>.<br>Wait.</li><li>Choose <strong>Reset</strong>.</li></ol></p>"
    "<p><h2>Details</h2></p><div><ul><li>One</li><li>Two</li></ul></div>"
    "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>"
    '<p><a href="{url}/hc/en-us/articles/{other}">See also</a></p>'
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=ROOT, help="where mkdocs.yml, hooks/ and data/ are")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line")
    parser.add_argument("--articles", type=int, default=ARTICLES, help="articles a locale (the harness' test: few)")
    args = parser.parse_args(argv)
    code = args.code.resolve()
    sys.path[:0] = [str(code / "hooks"), str(ROOT / "tests")]
    from helpcentre.importer import run, zendesk

    from zendesk_server import PNG, HelpCentre, ZendeskServer, article, category, section

    with tempfile.TemporaryDirectory() as tmp, ZendeskServer(HelpCentre(per_page=100)) as server:
        project = Path(tmp)
        for name in ("mkdocs.yml", "hooks", "data"):
            src = code / name
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, project / name)
        (project / "docs/en").mkdir(parents=True)
        (project / "docs/fr").mkdir(parents=True)
        url, hc = server.url, server.centre
        for locale in LOCALES:
            hc.categories[locale] = [category(url, 1, locale, "General")]
            hc.sections[locale] = [section(url, 100 + s, locale, 1, f"Section {s} {locale}") for s in range(10)]
            hc.articles[locale] = []
            for n in range(args.articles):
                body = BODY.format(n=n, url=url, other=10_000 + (n + 1) % args.articles)
                if n % 10 == 0:
                    body += f'<p><img src="/hc/article_attachments/{n}/screen.png" alt="Screen {n}"></p>'
                    hc.images[f"/hc/article_attachments/{n}/screen.png"] = PNG
                hc.articles[locale].append(
                    article(url, 10_000 + n, locale, 100 + n % 10, f"Question {n} {locale}?", body, position=n)
                )
        client = zendesk.Client(url, rate=20.0, progress=False)
        outcome = run.run(project, client, None)
        per = outcome.convert_seconds / (len(LOCALES) * outcome.articles) * 1000
    if args.json:
        figures = {"articles": outcome.articles, "locales": len(LOCALES), "seconds": round(outcome.seconds, 2)}
        print(json.dumps(figures | {"convert_ms_per_article": round(per, 3), "requests": client.requests}))
        return 0
    print(
        f"imported {outcome.articles} articles x {len(LOCALES)} locales in {outcome.seconds:.1f} s (budget "
        f"{BUDGET_S} s); conversion {per:.2f} ms per article version; {client.requests} API and image requests"
    )
    return 0 if outcome.seconds <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
