"""Preferred terms: `make check` warns, with the file, the line and the fix, when a French article uses a
rejected form from data/terms/fr.yml; interface labels in bold and code are quoted as they are."""

from __future__ import annotations

from helpcentre.checks.terms import load_terms

from conftest import REPO

ARTICLE = "docs/fr/keys-and-locking/key-battery.md"
BODY = (
    '---\nid: 3002\ntitle: "Comment remplacer la pile de la clé\u202f?"\ncategory: keys-and-locking\n'
    "updated: 2026-09-01\n---\n\n"
    "Maintenez le bouton enfoncé et retirez le couvercle.\n"  # line 8
    "\n"
    "Ouvrez la mini app sur votre téléphone.\n"  # line 10: any case
    "Choisissez **MINI App** dans le menu, ou tapez `MINI App`.\n"  # line 11: a label and code, quoted
    "Cherchez une place parallèle.\n"  # line 12: only once a writer adds the term
)


def _check(make_site, terms_extra: str = ""):
    project = make_site(build=False)
    root = project.root
    (root / ARTICLE).write_text(BODY, encoding="utf-8")
    if terms_extra:
        with (root / "data/terms/fr.yml").open("a", encoding="utf-8") as terms:
            terms.write(terms_extra)
    return project.cli("check")


def test_a_rejected_term_is_reported_with_its_line_and_the_preferred_one(make_site):
    result = _check(make_site)
    assert result.returncode == 0, result.stdout
    lines = [line for line in result.stdout.splitlines() if "rejected term" in line]
    assert lines == [
        f"{ARTICLE}:10: warning: 'mini app' is a rejected term: write 'application MINI' instead (data/terms/fr.yml)"
    ]


def test_writers_extend_the_list(make_site):
    result = _check(make_site, "place parallèle: place de stationnement en parallèle\n")
    assert (
        f"{ARTICLE}:12: warning: 'place parallèle' is a rejected term: write 'place de stationnement en parallèle'"
        in result.stdout
    )


def test_a_broken_list_is_an_error_naming_its_line(make_site):
    result = _check(make_site, "MINI Connect:\n  - a list\n")
    assert result.returncode == 1
    assert "data/terms/fr.yml:" in result.stdout and "expected 'rejected form: preferred form'" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_readme_names_the_chosen_terms_and_the_typography_rule():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = " ".join(readme.split("\n## Terms and typography\n", 1)[1].split("\n## ", 1)[0].split())
    terms = load_terms(REPO)[0]["fr"]
    assert terms.preferred and all(preferred in section for preferred in terms.preferred)
    assert "« HE »" in section and "ET" in section
    assert "no-break space (U+00A0) before « : » and inside « »" in section
    assert "narrow no-break space (U+202F) before « ; », « ! » and « ? »" in section
