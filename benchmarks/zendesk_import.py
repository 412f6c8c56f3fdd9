"""make bench-import: 1,000 articles in two locales imported from a local server answering as Zendesk does.

Copies the project's configuration, hooks and data into a temporary folder, serves 1,000 articles in en-us and
fr-ca (100 a page, one image in every tenth), runs make import-zendesk's code in-process and prints the time
and the conversion time per article (budget: 60 s).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]

from helpcentre.importer import run, zendesk  # noqa: E402

from zendesk_server import PNG, HelpCentre, ZendeskServer, article, category, section  # noqa: E402

BODY = (
    '<p style="margin:0">To do it <span><strong>step {n}</strong></span>:&nbsp;&nbsp;read on.'
    "<ol><li>Open <b>Settings</b>.<br>Wait.</li><li>Choose <strong>Reset</strong>.</li></ol></p>"
    "<p><h2>Details</h2></p><div><ul><li>One</li><li>Two</li></ul></div>"
    "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>"
    '<p><a href="{url}/hc/en-us/articles/{other}">See also</a></p>'
)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp, ZendeskServer(HelpCentre(per_page=100)) as server:
        project = Path(tmp)
        for name in ("mkdocs.yml", "hooks", "data"):
            src = ROOT / name
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, project / name)
        (project / "docs/en").mkdir(parents=True)
        (project / "docs/fr").mkdir(parents=True)
        url, hc = server.url, server.centre
        for locale in ("en-us", "fr-ca"):
            hc.categories[locale] = [category(url, 1, locale, "General")]
            hc.sections[locale] = [section(url, 100 + s, locale, 1, f"Section {s} {locale}") for s in range(10)]
            hc.articles[locale] = []
            for n in range(1000):
                body = BODY.format(n=n, url=url, other=10_000 + (n + 1) % 1000)
                if n % 10 == 0:
                    body += f'<p><img src="/hc/article_attachments/{n}/screen.png" alt="Screen {n}"></p>'
                    hc.images[f"/hc/article_attachments/{n}/screen.png"] = PNG
                hc.articles[locale].append(
                    article(url, 10_000 + n, locale, 100 + n % 10, f"Question {n} {locale}?", body, position=n)
                )
        client = zendesk.Client(url, rate=20.0, progress=False)
        outcome = run.run(project, client, None)
        per = outcome.convert_seconds / (2 * outcome.articles) * 1000
        print(f"imported {outcome.articles} articles x 2 locales in {outcome.seconds:.1f} s (budget 60 s);"
              f" conversion {per:.2f} ms per article version; {client.requests} API and image requests")  # fmt: skip
        return 0 if outcome.seconds <= 60 else 1


if __name__ == "__main__":
    sys.exit(main())
