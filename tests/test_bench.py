"""`make bench`'s harness works, on a tiny corpus: the corpus, the reference project, one timed build of ours,
weighed, and one with our hooks clocked, checked against the budgets that read only our builds; the stages
measured once a run on as little: the corpus with screenshots from an empty then a warm cache, the Zendesk
import, and (in Chromium) the screenshot page on a phone, each giving its budget a figure. No A/B build, no
timing asserted: `make bench` measures (`make bench-smoke` runs all of it at N = 20 and 100).

Everything the build writes stays under ``tmp_path``.
"""

from __future__ import annotations

import dataclasses
import re
import statistics
import sys

import pytest

from conftest import LANGS, REPO

sys.path.insert(0, str(REPO))

from benchmarks import budgets, builds, corpus, one_size, profiling, projects, setaside, settings, shot_page, stages
from benchmarks.image_builds import measure as measure_images
from benchmarks.report import budget_table

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
    # Its output is set aside, not deleted, while builds may still be timed (a deletion slows the next builds
    # on this machine's disk: setaside); the end of the run removes it.
    assert [p.name.startswith("out-profile-") for p in (tmp_path / setaside.FOLDER).iterdir()] == [True]
    setaside.remove(tmp_path)
    assert not (tmp_path / setaside.FOLDER).exists() and out.is_dir()
    results = {"sizes": {str(SIZE): {builds.OURS: figures}}, "profile": profile, "settings": {"browser": False}}
    measured = budgets.measured(results)
    checked = {key: budgets.check(budgets.RULES[key], measured) for key in OURS_ALONE}
    assert {key: (b.measured is not None and b.met in (True, False)) for key, b in checked.items()} == dict.fromkeys(
        OURS_ALONE, True
    )


def _settings(tmp_path) -> settings.Settings:
    return settings.Settings(
        sizes=(SIZE,), repeats=1, repeat_budget_s=60, profile_size=None, preview_size=None, preview_edits=1,
        browser=False, browser_repeats=1, work_dir=tmp_path, keep_work=False, results_dir=None, seed=corpus.SEED,
        source=REPO, code_from="working tree", images_size=SIZE, stages=stages.STAGES,
    )  # fmt: skip


def _run(results: dict) -> dict:
    return {"sizes": {str(SIZE): {}}, "settings": {"browser": False}} | results


def _checked(results: dict, *keys: str) -> dict[str, bool]:
    """Whether each budget got a figure and a verdict from ``results``."""
    found = {key: budgets.check(budgets.RULES[key], budgets.measured(_run(results))) for key in keys}
    return {key: b.measured is not None and b.met in (True, False) for key, b in found.items()}


def test_the_corpus_with_screenshots_is_the_same_corpus_with_two_screens_an_article(tmp_path):
    plain, shots = corpus.generate(SIZE), corpus.generate(SIZE, screenshots=True)
    image = re.compile(r"\n\n    !\[[^\]\n]+\]\([^)]+\.png\)\n")
    for a, b in zip(plain.articles, shots.articles, strict=True):
        assert [len(image.findall(b.body.get(lang))) for lang in LANGS] == [2] * len(LANGS)
        assert all(image.sub("", b.body.get(lang)) == a.body.get(lang) for lang in LANGS)
    project = projects.write_ours(REPO, shots, tmp_path / "ours")
    files = sorted(project.glob("docs/*/*/*/*.png"))
    assert len(files) == 3 * SIZE  # each language's own first screen, the wordless second in English only
    assert len({f.read_bytes() for f in files}) == len(files)  # no two alike: the cache encodes each
    assert one_size.check_corpus(project) == {"errors": 0, "warnings": 0, "summary": "0 errors, 0 warnings"}
    again = projects.write_ours(REPO, corpus.generate(SIZE, screenshots=True), tmp_path / "again")
    assert [f.read_bytes() for f in sorted(again.glob("docs/*/*/*/*.png"))] == [f.read_bytes() for f in files]


def test_the_alt_text_corpus_has_each_screenshot_replaced_by_its_alt_text_where_it_stood():
    shots = corpus.generate(SIZE, screenshots=True)
    for a, b in zip(shots.articles, corpus.alt_texts_only(shots).articles, strict=True):
        assert b.shots == () and (a.id, a.title) == (b.id, b.title)
        for lang in LANGS:
            pairs = list(zip(a.body.get(lang).split("\n"), b.body.get(lang).split("\n"), strict=True))
            changed = [(x, y) for x, y in pairs if x != y]
            assert len(changed) == 2 and "![" not in b.body.get(lang)
            assert all(x.startswith(f"    ![{y.strip()}](") and y.startswith("    ") for x, y in changed)


def test_the_screenshot_corpus_is_built_cold_then_warm_against_the_same_without(tmp_path):
    images = measure_images(_settings(tmp_path), SIZE)
    assert images["sources"] == 3 * SIZE and images["references"] == 4 * SIZE
    assert images["published_files"] >= images["sources"] and images["images_per_s"] > 0
    assert len(images["words_runs_s"]) == len(images["warm_runs_s"]) == len(images["plain_runs_s"]) == 1
    assert abs(images["warm_vs_words_rounds"][0] - images["warm_s"] / images["words_s"]) < 0.01
    assert images["warm_vs_plain"] == images["warm_vs_plain_rounds"][0]
    # One round decides nothing: a figure, no verdict.
    checked = budgets.check(budgets.RULES["images_warm"], budgets.measured(_run({"images": images})))
    assert checked.measured == images["warm_vs_plain"] and checked.undecided and checked.within is None
    assert "**undecided** (too few rounds)" in budget_table([dataclasses.asdict(checked)])[-1]


@pytest.mark.parametrize(
    ("rounds", "verdict", "within"),
    [
        ([1.01, 1.02, 1.03, 1.04, 1.05], "**met**", [1.01, 1.05]),  # each round at or under the limit
        ([1.07, 1.06, 1.13, 1.09, 1.11], "**not met**", [1.06, 1.13]),  # each over
        ([1.018, 1.115, 1.136, 1.068, 1.064], "**undecided**", [1.018, 1.136]),  # fd2bbac's quiet run, "1.13x"
        ([1.016, 0.871, 1.175, 1.025, 0.952], "**undecided**", [0.871, 1.175]),  # 044e0e9's noisy run, "1.01x met"
        ([0.99, 1.0, 1.0, 1.01], "**undecided** (too few rounds)", None),  # four rounds: 87.5% at best
        ([1.2, 1.01, 1.02, 1.03, 1.0, 1.04, 1.0, 1.03, 0.8], "**met**", [1.0, 1.04]),  # nine: the 2nd and 8th
    ],
)
def test_the_warm_image_cache_is_judged_by_the_range_of_its_rounds_median(rounds, verdict, within):
    images = {"warm_vs_plain": statistics.median(rounds), "warm_vs_plain_rounds": rounds}
    run = _run({"images": {**images, "size": SIZE, "references": 4 * SIZE, "sources": 3 * SIZE}})
    checked = budgets.check(budgets.RULES["images_warm"], budgets.measured(run))
    assert checked.within == within
    assert budget_table([dataclasses.asdict(checked)])[-1].endswith(f"| {verdict} |")


def test_the_zendesk_import_is_timed(tmp_path):
    found = stages.zendesk(_settings(tmp_path), articles=20)
    assert (found["articles"], found["locales"]) == (20, 2) and found["convert_ms_per_article"] > 0
    assert _checked({"import": found}, "import_zendesk") == {"import_zendesk": True}


@pytest.mark.browser
def test_the_screenshot_page_is_weighed_on_a_phone(tmp_path, chromium):
    # In the session's Chromium: a second Playwright of the sync API cannot start inside the session's.
    page = shot_page.measure(REPO, tmp_path, kinds=("flat mock-ups",), browser=chromium)
    (row,) = page["kinds"]
    assert row["files"] == ["800.webp"] * 4 and 0 < row["bytes"] < row["sources"]
    assert _checked({"screenshots": page}, "screenshots_first_screen", "screenshots_cls") == dict.fromkeys(
        ("screenshots_first_screen", "screenshots_cls"), True
    )
