"""What the build gives search besides Pagefind's index: synonyms in the records, spelling data per letter."""

from __future__ import annotations

import json

from helpcentre import spelling, synonyms
from helpcentre.words import fold, words


def test_words_fold_accents_case_and_elisions():
    assert fold("Clé") == "cle"
    assert words("L’Application MINI, c'est l'été") == ["application", "mini", "est", "ete"]


def test_an_article_is_also_found_by_the_synonyms_of_the_words_it_uses():
    lookup = synonyms.build([("airbag", "coussin gonflable"), ("VIN", "NIV", "numéro d'identification")])
    assert lookup.expansions("Le coussin gonflable du passager") == ("airbag",)
    assert lookup.expansions("Le NIV est sur le certificat") == ("VIN", "numéro d'identification")
    assert lookup.expansions("Un coussin, puis gonflable") == ()  # a phrase is its words in a row
    assert lookup.expansions("Ni l'un ni l'autre") == ()


def test_spelling_files_hold_every_letter_most_frequent_first():
    counts = spelling.vocabulary(
        ["Le **remboursement** [rembourser](../x/refund.md) <span class='hiddenclass'>x</span>", "Remboursement écran"]
    )
    files = dict(spelling.files("fr", counts))
    assert set(files) == {f"pagefind/words-fr/{letter}.json" for letter in spelling.LETTERS}
    assert json.loads(files["pagefind/words-fr/r.json"]) == [["remboursement", 2], ["rembourser", 1]]
    assert json.loads(files["pagefind/words-fr/e.json"]) == [["écran", 1]]  # filed under its folded letter
    assert json.loads(files["pagefind/words-fr/h.json"]) == []  # markup is not words
