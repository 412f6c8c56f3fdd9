"""What the build gives search besides Pagefind's index: synonyms in the records, spelling data per letter."""

from __future__ import annotations

import json
from pathlib import Path

from helpcentre.core import languages
from helpcentre.core.words import fold, words
from helpcentre.search import actions, searchdata, spelling, synonyms

OVERRIDES = Path(__file__).resolve().parents[1] / "overrides"
FRENCH = languages.of(Path(__file__).resolve().parents[1])["fr"].elisions  # l', d', c', jusqu' ...


def test_words_fold_accents_case_and_elisions():
    assert fold("Clé") == "cle"
    assert words("L’Application MINI, c'est l'été", FRENCH) == ["application", "mini", "est", "ete"]
    assert words("L’Application MINI, c'est l'été") == ["l", "application", "mini", "c", "est", "l", "ete"]


def test_an_article_is_also_found_by_the_synonyms_of_the_words_it_uses():
    lookup = synonyms.build([("airbag", "coussin gonflable"), ("VIN", "NIV", "numéro d'identification")], FRENCH)
    assert lookup.expansions("Le coussin gonflable du passager") == ("airbag",)
    assert lookup.expansions("Le NIV est sur le certificat") == ("VIN", "numéro d'identification")
    assert lookup.expansions("Un coussin, puis gonflable") == ()  # a phrase is its words in a row
    assert lookup.expansions("Ni l'un ni l'autre") == ()


def test_an_article_in_the_plural_is_found_by_the_synonyms_of_the_singular():
    # The language's plural endings are data (search.endings in data/languages/<lang>.yml).
    langs = languages.of(Path(__file__).resolve().parents[1])
    french = synonyms.build([("téléphone", "cellulaire"), ("appli", "application")], FRENCH, langs["fr"].endings)
    assert french.expansions("Quels téléphones puis-je utiliser ?") == ("cellulaire",)
    assert french.expansions("Les applications tierces") == ("appli",)
    english = synonyms.build([("app", "application"), ("key fob", "remote")], (), langs["en"].endings)
    assert english.expansions("third-party apps and key fobs") == ("application", "remote")
    assert english.expansions("apple") == ()  # an ending only, never any longer word


def test_spelling_files_hold_every_letter_most_frequent_first():
    counts = spelling.vocabulary(
        ["Le **remboursement** [rembourser](../x/refund.md) <span class='hiddenclass'>x</span>", "Remboursement écran"]
    )
    files = dict(spelling.files("fr", counts))
    assert set(files) == {f"pagefind/words-fr/{letter}.json" for letter in spelling.LETTERS}
    assert json.loads(files["pagefind/words-fr/r.json"]) == [["remboursement", 2], ["rembourser", 1]]
    assert json.loads(files["pagefind/words-fr/e.json"]) == [["écran", 1]]  # filed under its folded letter
    assert json.loads(files["pagefind/words-fr/h.json"]) == []  # markup is not words


def _entry(number: int) -> searchdata.SearchEntry:
    return searchdata.SearchEntry(
        id=1000 + number,
        url=f"fr/securite/question-{number}.html",
        title=f"Question {number}\u202f?",
        category="Sécurité",
        tags=("sécurité",),
        views=number,
        teaser="Le coussin gonflable…",
        contact="service" if number == 0 else "",
        answer="<p>Le coussin gonflable se vérifie à l’atelier.</p><ol><li>Ouvrez <strong>Réglages</strong>.</li></ol>",
        words=f"Question {number} sécurité Le coussin gonflable se vérifie à l’atelier. Ouvrez **Réglages**.",
    )


def test_search_data_built_after_mkdocs_gives_records_answers_and_spelling(tmp_path):
    """From the entries a build saves: each article's record (with its synonyms) in one bundle, its answer file,
    and spelling counts over every entry, however many the counting takes at a time."""
    count = 3 * searchdata._VOCABULARY_CHUNK + 7
    plan = searchdata.IndexPlan(str(OVERRIDES), 100, (("airbag", "coussin gonflable"),))
    saved, digest = searchdata.save((_entry(n) for n in range(count)), plan, tmp_path / "saved")
    assert saved == count
    assert searchdata.save((_entry(n) for n in range(count)), plan, tmp_path / "again") == (count, digest)
    site = tmp_path / "site"
    found = searchdata.records(tmp_path / "saved", "fr", bundles=2)
    searchdata.answers_and_spelling(tmp_path / "saved", "fr", site, found)

    records = sorted((tmp_path / "saved").glob("[12]/fr/securite/*.html"))
    assert len(records) == count
    first = (tmp_path / "saved" / "1" / "fr/securite/question-0.html").read_text(encoding="utf-8")
    assert '<span data-pagefind-meta="synonyms">airbag</span>' in first
    assert '<span data-pagefind-meta="category">Sécurité</span>' in first  # shown with the result
    assert "l'atelier" in first  # typographic apostrophes as plain ones, for Pagefind
    assert (tmp_path / "saved" / "2" / "fr/securite/question-1.html").is_file()  # dealt to the bundles in turn

    answer = json.loads((site / "pagefind/parts-fr/1000.json").read_text(encoding="utf-8"))
    assert (answer["title"], answer["url"], answer["contact"]) == (
        "Question 0\u202f?",
        "fr/securite/question-0.html",
        "service",
    )
    assert answer["blocks"][1] == ["ol", ["li", "Ouvrez ", ["strong", "Réglages"], "."]]

    letter_a = dict(json.loads((site / "pagefind/words-fr/a.json").read_text(encoding="utf-8")))
    assert letter_a["atelier"] == count and letter_a["airbag"] == count
    assert dict(json.loads((site / "pagefind/words-fr/r.json").read_text(encoding="utf-8")))["réglages"] == count


def test_actions_are_read_beside_the_synonyms_with_opposites_both_ways_and_reach_the_browsers_rules(tmp_path):
    (tmp_path / "data/synonyms").mkdir(parents=True)
    path = tmp_path / actions.actions_file("en")
    path.write_text(
        "# actions\n- {action: delete, words: [delete, remove], opposite: create}\n"
        "- {action: create, words: [create]}\n",
        encoding="utf-8",
    )
    found, problems = actions.load(tmp_path, "en")
    assert problems == []
    assert [(a.name, a.words, a.opposites) for a in found] == [
        ("delete", ("delete", "remove"), (1,)),
        ("create", ("create",), (0,)),
    ]
    _, rules = spelling.rules_file("en", ("the",), (), tuple(a.as_rule() for a in found))
    assert json.loads(rules)["actions"][1] == {"action": "create", "words": ["create"], "opposites": [0]}
    path.write_text(
        "- {action: delete, words: [delete]}\n- {action: erase, words: [remove, delete]}\n", encoding="utf-8"
    )
    _, problems = actions.load(tmp_path, "en")
    assert [(p.line, "already an action's word on line 1" in p.message) for p in problems] == [(2, True)]
    path.write_text("- {action: delete, words: [delete], opposite: nothing}\n", encoding="utf-8")
    assert "must be another action" in actions.load(tmp_path, "en")[1][0].message
    assert actions.load(tmp_path, "fr") == ((), [])  # a language without the file has no actions
