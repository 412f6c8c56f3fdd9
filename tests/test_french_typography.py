"""One typography rule for each sign, written by `make new` and held by `make check`: a no-break space
(U+00A0) before « : » and inside « », a narrow no-break space (U+202F) before « ; ! ? »."""

from __future__ import annotations

from pathlib import Path

from helpcentre.checks import typography
from helpcentre.core import languages

NBSP, NARROW = "\u00a0", "\u202f"
# French as data/languages/fr.yml describes it.
FRENCH = languages.of(Path(__file__).resolve().parents[1])["fr"].typography
RULE = typography.rules(FRENCH).text


def test_the_rule_puts_one_kind_of_space_before_each_sign():
    written = "Message «Associez votre compte»: pourquoi\u00a0; et comment?! (à 9:00)"
    assert typography.apply(written, FRENCH) == (
        f"Message «{NBSP}Associez votre compte{NBSP}»{NBSP}: pourquoi{NARROW}; et comment{NARROW}?! (à 9:00)"
    )
    assert typography.wrong_spaces(typography.apply(written, FRENCH), FRENCH) == []
    assert typography.wrong_spaces(f"oui{NBSP}; non{NARROW}: «{NARROW}x{NBSP}»", FRENCH) == [3, 9, 12]


def test_make_new_writes_what_make_check_asks_for(make_site):
    project = make_site(build=False)
    root = project.root
    french = f"Le message « Associez votre compte » : pourquoi{NBSP}; et comment ?"
    result = project.cli("new", "--category", "my-account", "--en", "Why link?", "--fr", french)
    assert result.returncode == 0, result.stderr
    text = (root / "docs/fr/my-account/why-link.md").read_text(encoding="utf-8")
    assert f"«{NBSP}Associez votre compte{NBSP}»{NBSP}: pourquoi{NARROW}; et comment{NARROW}?" in text
    check = project.cli("check")
    # No typography warning; the errors are the placeholder answers, two lines in each language.
    assert check.stdout.strip().endswith("4 errors, 0 warnings"), check.stdout
    assert check.stdout.count("placeholder written by make new") == 4, check.stdout


def test_make_check_holds_every_sign_to_its_space(make_site):
    project = make_site(build=False)
    root = project.root
    article = root / "docs/fr/keys-and-locking/key-battery.md"
    good = article.read_text(encoding="utf-8")
    for wrong in (f"Attention{NARROW}: oui.", f"Oui{NBSP}; non.", f"Oui{NBSP}!", f"«{NARROW}oui{NARROW}»"):
        article.write_text(good + f"\n{wrong}\n", encoding="utf-8")
        check = project.cli("check")
        assert f"key-battery.md:10: warning: French typography: {RULE}" in check.stdout, wrong
