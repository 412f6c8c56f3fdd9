"""Snippets: a paragraph written once in data/snippets/<lang>/<key>.md and placed with ``[[snippet key]]``.

The page, its teaser and the search index see the text in place; a bad key, a missing language or a snippet
in a snippet is an error with its path and line; editing the original language's snippet makes the
translations of the articles that place it out of date.
"""

from __future__ import annotations

import gzip
import json

from conftest import BASE

BATTERY = "keys-and-locking/key-battery.md"
SNIPPETS = {
    "data/snippets/en/battery-warning.md": b"Zephyrine batteries **only**: other cells damage the key.\n",
    "data/snippets/fr/battery-warning.md": "Piles zéphyrines **seulement**\u00a0: autres piles à éviter.\n".encode(),
}


def _with_marker(lang: str, marker: str = "[[snippet battery-warning]]") -> tuple[str, bytes]:
    """The fixture's key-battery article in ``lang`` with ``marker`` as the first paragraph of its answer."""
    path = f"docs/{lang}/{BATTERY}"
    source = (BASE / path).read_text(encoding="utf-8")
    cut = source.index("---", 3) + 4
    return path, (source[:cut] + f"\n{marker}\n" + source[cut:]).encode()


def _articles(**overrides) -> dict[str, bytes]:
    return {**dict(_with_marker(lang) for lang in ("en", "fr")), **SNIPPETS, **overrides}


def _fragments(out, lang: str) -> str:
    """Every search record Pagefind stored for ``lang``, as text."""
    folder = out / ("pagefind/en" if lang == "en" else f"pagefind/{lang}") / "fragment"
    return "\n".join(gzip.decompress(p.read_bytes()).decode("utf-8") for p in folder.glob("*.pf_fragment"))


def test_a_snippet_is_placed_in_the_page_its_teaser_and_the_search_index(make_site):
    built = make_site(files=_articles())
    assert built.ok, built.output
    for lang, prefix, words in (("en", "", "Zephyrine batteries"), ("fr", "fr/", "Piles zéphyrines")):
        answer = built.html(f"{prefix}{BATTERY[:-3]}.html").select_one("[data-article-id='3002']")
        paragraphs = [p.get_text(" ", strip=True) for p in answer.select("p")]
        assert paragraphs[0].startswith(words) and "[[snippet" not in answer.get_text(), paragraphs
        assert answer.select_one("p strong") is not None  # converted as Markdown, in place
        page = built.html(f"{prefix}{BATTERY[:-3]}.html")
        assert page.select_one("meta[name='description']")["content"].startswith(words)  # the teaser
        category = built.html(f"{prefix}keys-and-locking/index.html").select_one("main")
        assert words in category.get_text(" ", strip=True)
        assert words.split()[-1].lower() in _fragments(built.out, lang).lower()
    spelling = json.loads((built.out / "pagefind/words-en/z.json").read_text(encoding="utf-8"))
    assert "zephyrine" in {word for word, _ in spelling}


def test_bad_snippets_are_named_with_path_and_line(make_site):
    path, unknown = _with_marker("en", "[[snippet battery-warnings]]")
    files = _articles(**{path: unknown})
    files["data/snippets/en/opening-hours.md"] = b"Monday to Friday.\n\n[[snippet battery-warning]]\n"
    files["data/snippets/en/callback.md"] = b"We call you back.\n"
    project = make_site(build=False, files=files)
    result = project.cli("check")
    assert result.returncode == 1
    assert (
        f"{path}:8: error: unknown snippet 'battery-warnings'; use one of: battery-warning, callback" in result.stdout
    ), result.stdout
    assert (
        "data/snippets/en/opening-hours.md:3: error: a snippet cannot hold a [[snippet ...]] marker; "
        "place it in the articles instead"
    ) in result.stdout
    assert (
        "data/snippets/en/callback.md:1: error: snippet 'callback' has no FR version; add data/snippets/fr/callback.md"
        in result.stdout
    )
    built = project.build()
    assert not built.ok and "unknown snippet 'battery-warnings'" in built.output


def test_a_snippet_with_a_script_is_refused(make_site):
    files = _articles(**{"data/snippets/fr/battery-warning.md": b'Piles.\n\n<b onclick="x()">clic</b>\n'})
    result = make_site(build=False, files=files).cli("check")
    assert "data/snippets/fr/battery-warning.md:3: error: inline event handler 'onclick' (column 4)" in result.stdout


def _states(project) -> dict[int, str]:
    rows = json.loads(project.cli("translations", "--format", "json").stdout)
    return {row["id"]: row["state"] for row in rows}


def test_editing_the_original_snippet_makes_its_articles_translations_out_of_date(make_site):
    project = make_site(build=False, files=_articles())
    recorded = project.cli("translations", "--record", f"docs/fr/{BATTERY}")
    assert recorded.returncode == 0, recorded.stderr
    assert _states(project)[3002] == "up to date"
    (project.root / "data/snippets/fr/battery-warning.md").write_text("Piles zéphyrines, rien d'autre.\n")
    assert _states(project)[3002] == "up to date"  # the translation's own snippet changed: nothing to do
    (project.root / "data/snippets/en/battery-warning.md").write_text("Zephyrine batteries or ZX cells.\n")
    assert _states(project)[3002] == "outdated"
