"""`make bench`'s harness works, on a tiny corpus: the corpus, the reference project, one timed build of ours,
weighed, and one with our hooks clocked, checked against the budgets that read only our builds. No A/B build,
no timing asserted: `make bench` measures (`make bench-smoke` runs all of it at N = 20 and 100).

Everything the build writes stays under ``tmp_path``.
"""

from __future__ import annotations

import sys

from conftest import LANGS, REPO

sys.path.insert(0, str(REPO))

from benchmarks import budgets, builds, corpus, one_size, profiling, projects

SIZE = 10
# The budgets a build of ours alone gives a figure to (the others need B, two sizes, a profile or Chromium).
OURS_ALONE = ("peak_memory", "article_html", "js_css", "first_query_bytes", "hooks_share")


def test_corpus_is_deterministic_bilingual_and_typographic():
    first, again = corpus.generate(30), corpus.generate(30)
    assert first == again
    assert len({a.id for a in first.articles}) == 30
    assert len({a.rel_path for a in first.articles}) == 30
    french = "".join(a.title.fr + a.body.fr for a in first.articles)
    assert "\u202f?" in french and "\u00a0:" in french and "é" in french
    assert " ?" not in french and " :" not in french
    assert all("{ #before-you-start }" in a.body.en and "**" in a.body.fr for a in first.articles)
    assert all('\ntranslation_of: "' in corpus.article_markdown(a, "fr") for a in first.articles)


def test_reference_config_has_our_extensions_and_no_hooks():
    config = projects.reference_config((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "pymdownx.superfences" in config and "attr_list" in config and "navigation.prune" in config
    assert "hooks" not in config and "custom_dir" not in config and "docs_structure: folder" in config


def test_one_timed_build_of_ours_is_weighed_and_checked_against_the_budgets(tmp_path):
    generated = corpus.generate(SIZE)
    project = projects.write_ours(REPO, generated, tmp_path / "ours")
    assert one_size.check_corpus(project)["errors"] == 0
    out = tmp_path / "out"
    run = one_size.build_once(project, builds.OURS, out, tmp_path / "logs", "A")
    figures = one_size.variant_result([run], out, one_size.typical_pages(generated))

    assert figures["wall_s"] > 0 and figures["memory_mb"] > 0 and figures["pages"] > 2 * SIZE
    for lang in LANGS:
        assert figures["article"][lang]["html_bytes"] > 0 and figures["article"][lang]["js_css_bytes"] > 0
        search = figures["search"][lang]
        assert search["engine"] == "pagefind" and list(search["problems"]) == []
        assert search["index_bytes"] > 0 and search["first_query_bytes_estimate"] > 0

    profile = profiling.profile_result(project, tmp_path, SIZE, 1)  # one more build, our hooks clocked
    results = {"sizes": {str(SIZE): {builds.OURS: figures}}, "profile": profile, "settings": {"browser": False}}
    measured = budgets.measured(results)
    checked = {key: budgets.check(budgets.RULES[key], measured) for key in OURS_ALONE}
    assert {key: (b.measured is not None and b.met in (True, False)) for key, b in checked.items()} == dict.fromkeys(
        OURS_ALONE, True
    )
