"""Search quality (issue 16): a subset of `make bench-search` must meet the issue's targets.

The first ``SUBSET`` queries of each set of ``benchmarks/search/<lang>.yml`` go through the home page's search box
and its assistant on the session's built site, with the benchmark's own functions, and the targets are asserted:
top-3 at least 95% for questions, 90% for one-typo queries, 100% for synonym and accent-less queries, no
zero-result answer to an answerable query, no confident nonsense for questions the site cannot answer. A
failure lists every missed target with the queries that missed it. The scoring itself is checked on made-up
results first, so a passing subset means what it says.
"""

from __future__ import annotations

import sys

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO))

from pathlib import Path

from benchmarks import search_sets, search_site
from benchmarks.search_scores import Result, targets, unmet
from benchmarks.searchquality import measure
from helpcentre.core import languages

# The project's own languages, in mkdocs.yml's order (the default first).
LANGUAGES = languages.of(Path(__file__).resolve().parents[1]).codes

SUBSET = 5
EN, FR = search_site.Article(1001, "en"), search_site.Article(1001, "fr")


def _result(
    q: str, set_: str, articles, match: str = "all", place: str = "search", lang: str = "en", full: bool = True
) -> Result:
    expect = () if set_ == "nothing" else (1001,)
    links = tuple(f"http://x/{i}.html" for i in range(len(articles)))
    return Result(search_sets.Query(lang, set_, q, expect), place, links, tuple(articles), match=match, full=full)


def test_the_assistants_top1_is_the_answer_it_shows_in_full_and_unsure_suggestions_are_no_answer():
    assert _result("q", "questions", [EN], place="assistant").top1()
    unsure = _result("q", "questions", [EN], place="assistant", full=False)
    assert not unsure.top1() and unsure.rank() == 1  # still a top-3 hit, not the assistant's answer
    found = {t.goal: t for t in targets([unsure])}
    assert found["questions: top-1 in full ≥ 95%"].met is False and found["questions: top-3 ≥ 95%"].met is True
    assert _result("pizza", "nothing", [EN], place="assistant").confident
    listed = _result("pizza", "nothing", [EN], place="assistant", full=False)
    assert not listed.confident
    assert {t.goal: t for t in targets([listed])}["nothing: no answer shown in full"].met is True


def test_a_hit_is_an_expected_article_in_the_querys_language_within_three():
    assert _result("q", "questions", [None, None, EN]).rank() == 3
    assert _result("q", "questions", [FR, EN]).rank() == 2  # the other language's twin is not a hit
    assert _result("q", "questions", [FR], lang="fr").rank() == 1
    missed = unmet([_result("q", "questions", [None, None, None, EN])])
    assert missed and "questions: top-3" in missed[0] and "q" in missed[0]


def test_confident_nonsense_is_a_result_that_has_every_word_of_the_query():
    assert _result("pizza", "nothing", [EN], "all").confident
    assert not _result("pizza", "nothing", [EN], "some").confident
    assert not _result("pizza", "nothing", [EN], "some", lang="fr").confident
    assert not _result("pizza", "nothing", []).confident
    found = {t.goal: t for t in targets([_result("pizza", "nothing", [EN], "all")])}
    assert found["nothing: no confident nonsense"].met is False


def test_every_target_is_judged_and_a_zero_result_answer_is_named():
    results = [_result("money back", "synonyms", []), _result("refund", "questions", [EN])]
    found = {t.goal: t for t in targets(results)}
    assert found["questions: top-3 ≥ 95%"].met is True
    assert found["synonyms: top-3 ≥ 100%"].met is False
    assert found["typos: top-3 ≥ 90%"].met is None  # no query: not judged
    assert found["no zero-result answer to an answerable query"].missed == ("synonyms: money back",)


def test_query_sets_are_well_formed_and_name_real_articles(site):
    known = {article.id for article in search_site.articles(site.out).values()}
    for lang in LANGUAGES:
        queries = search_sets.load(lang)
        assert {q.set for q in queries if q.answerable} >= {"questions", "typos", "synonyms"}
        unknown = [(q.q, q.expect) for q in queries if not set(q.expect) <= known]
        assert not unknown, f"{lang}: queries expecting articles that do not exist: {unknown}"


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_meets_the_targets_of_issue_16_on_a_subset(site, served, chromium, lang):
    queries = search_sets.load(lang, limit=SUBSET)
    context = chromium.new_context()
    try:
        results = measure(context.new_page(), served.url, search_site.articles(site.out), queries)
    finally:
        context.close()
    assert not [r for r in results if r.error], [(r.query.q, r.place, r.error) for r in results if r.error]
    missed = unmet(results)
    if missed:
        pytest.fail(f"{lang}: {len(missed)} target(s) missed on {len(queries)} queries:\n" + "\n".join(missed), False)
