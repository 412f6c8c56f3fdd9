"""The help centre the import tests import from (a hostile article among ordinary ones, translations, images)
and how they run `make import-zendesk` and compare a project's docs/ and data/ before and after."""

from __future__ import annotations

import hashlib
from pathlib import Path

from zendesk_server import PNG, HelpCentre, article, category, section

HOSTILE = (
    '<p style="font-family:Arial">To change the <span style="color:red"><strong>key battery</strong></span>:'
    "&nbsp;&nbsp;&nbsp;follow these steps.<ol><li>Open <b>Settings</b>.<br>Then wait.</li>"
    "<li>Choose <strong>Reset</strong></li></ol></p><p><h3>Before you start</h3></p>"
    '<p onclick="evil()">See <a href="{url}/hc/en-us/articles/102-Other">the other answer</a>,'
    ' <a href="{url}/hc/en-us/articles/999-Gone">an old one</a> and <a href="javascript:alert(1)">this</a>.</p>'
    '<p>All <a href="{url}/hc/en-us/sections/20-Keys-locking">key answers</a>, <a href="/hc/en-us/categories/10">'
    'General</a>, <a href="{url}/hc/en-us/sections/77-Gone">an old section</a>, <a href="{url}/hc/en-us/categories'
    '/88-Gone#top">an old category</a>.</p>'
    "<script>alert(1)</script><style>p{{color:red}}</style>"
    '<iframe src="https://www.youtube.com/embed/abc123"></iframe>'
    '<p><img src="/hc/article_attachments/1/key.png" alt="The key, battery side up"></p>'
    '<p><img src="/hc/article_attachments/2/missing.png" alt="Gone"></p>'
    '<p><img src="/hc/article_attachments/3/noalt.png"></p>'
    '<p><img src="https://cdn.example.com/wiring.png" alt="The wiring"></p>'
    "<p>Text &lt;script&gt;x&lt;/script&gt; [a](https://e.example) &amp;copy;</p>"
    "<table><tr><th>Model</th><th>Battery</th></tr><tr><td>Cooper</td><td>CR2032</td></tr></table>"
)


def centre(url: str) -> HelpCentre:
    hc = HelpCentre(cursor={"fr-ca"}, too_many_once=True, per_page=1)
    hc.categories = {"en-us": [category(url, 10, "en-us", "General")], "fr-ca": [category(url, 10, "fr-ca", "Général")]}
    hc.sections = {
        "en-us": [section(url, 20, "en-us", 10, "Keys & locking", "Your key and its battery.")],
        "fr-ca": [section(url, 20, "fr-ca", 10, "Clés et verrouillage", "Votre clé et sa pile.")],
    }
    title = 'How do I change the key\'s "battery": #1 *now* « vite »?'
    hc.articles = {
        "en-us": [
            article(url, 101, "en-us", 20, title, HOSTILE.format(url=url), label_names=["battery", "key"], position=1),
            article(url, 102, "en-us", 20, "What is the other answer?", "<p>The other answer.</p>", position=2),
            article(url, 103, "en-us", 20, "Draft answer?", "<p>Not yet.</p>", draft=True),
            article(url, 104, "en-us", 20, "Only in English?", "<p>English only.</p>", position=3),
        ],
        "fr-ca": [
            article(url, 101, "fr-ca", 20, "Comment changer la pile : « vite » ?",
                    '<p>Suivez ces étapes&nbsp;: <img src="/hc/article_attachments/1/key.png" alt="La clé"></p>'),
            article(url, 102, "fr-ca", 20, "Quelle est l'autre réponse ?", "<p>L'autre.</p>", outdated=True),
        ],
    }  # fmt: skip
    hc.images = {"/hc/article_attachments/1/key.png": PNG, "/hc/article_attachments/3/noalt.png": PNG}
    return hc


def run_import(project, url, env=None, **extra):
    env = {"ZENDESK_BACKOFF": "0.05", "ZENDESK_RATE": "0", **(env or {})}
    args = ["import-zendesk", "--url", url, *[f"--{k}={v}" for k, v in extra.items()]]
    return project.cli(*args, env=env)


def stamps(root: Path) -> dict[str, tuple[int, int]]:
    """Each file's inode and modification time: a file rewritten with the same bytes changes them."""
    return {p.relative_to(root).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in _files(root)}


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in _files(root)}


def _files(root: Path) -> list[Path]:
    return [p for folder in ("docs", "data") for p in sorted((root / folder).rglob("*")) if p.is_file()]
