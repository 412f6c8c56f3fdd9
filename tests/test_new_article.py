"""`make new`: a pair whose placeholder answer `make check` refuses until replaced, then passes and builds;
unknown categories are refused helpfully."""

from __future__ import annotations

from conftest import BASE


def test_new_pair_passes_check_and_builds(make_site):
    project = make_site(build=False)
    root = project.root
    result = project.cli(
        "new",
        "--category",
        "keys-and-locking",
        "--en",
        "Can I lock the car from the app?",
        "--fr",
        "Puis-je verrouiller le véhicule depuis l'application ?",
    )
    assert result.returncode == 0, result.stderr
    en = root / "docs/en/keys-and-locking/can-i-lock-the-car-from.md"
    fr = root / "docs/fr/keys-and-locking/can-i-lock-the-car-from.md"
    assert en.exists() and fr.exists()
    assert "id: 3003" in en.read_text() and "id: 3003" in fr.read_text()
    assert "application\u202f?" in fr.read_text(encoding="utf-8")
    # The placeholder answer is an error, on its line, in both languages, until the writer replaces it.
    check = project.cli("check")
    assert check.returncode == 1 and check.stdout.strip().endswith("4 errors, 0 warnings"), check.stdout
    for path, line, sentence in (
        (en, 8, "Answer the question in the first sentence: it becomes the teaser in lists."),
        (en, 10, "First step, with interface labels in **bold**."),
        (fr, 8, "Répondez à la question dès la première phrase\u00a0: elle sert d'aperçu dans les listes."),
        (fr, 10, "Première étape, avec les libellés de l'interface en **gras**."),
    ):
        where = f"{path.relative_to(root)}:{line}: error: placeholder written by make new"
        assert f'{where} ("{sentence[:57]}...")' in check.stdout or f'{where} ("{sentence}")' in check.stdout
    answers = {en: "Yes: tap **Lock** in the app.\n", fr: "Oui\u00a0: touchez **Verrouiller** dans l'application.\n"}
    for path, answer in answers.items():
        text = path.read_text(encoding="utf-8")
        path.write_text(text[: text.index("---", 3) + 4] + "\n" + answer, encoding="utf-8")
    check = project.cli("check")
    assert check.returncode == 0 and check.stdout.strip().endswith("0 errors, 0 warnings"), check.stdout
    built = project.build()
    assert built.ok, built.output
    html = built.html("fr/keys-and-locking/can-i-lock-the-car-from.html")
    assert html.select_one('[data-article-id="3003"]') is not None


def test_unknown_category_lists_the_valid_ones(make_site):
    project = make_site(build=False)
    result = project.cli("new", "--category", "keys", "--en", "Q?", "--fr", "Q ?")
    assert result.returncode == 1
    assert "unknown category 'keys'; use one of: connected-store, my-account, keys-and-locking" in result.stderr
    assert not list((project.root / "docs/en").glob("keys/*"))


def test_a_placeholder_left_in_an_edited_answer_is_still_found(make_site):
    """Recognised in a list item with other words around it, with plain spaces where make new wrote no-break
    ones, in an article of the other language."""
    path = "docs/en/keys-and-locking/key-battery.md"
    source = (BASE / path).read_text(encoding="utf-8")
    body = "Press the button.\n\n2. Première étape, avec les libellés de l'interface en **gras**. Then wait.\n"
    project = make_site(build=False, files={path: (source + "\n" + body).encode()})
    check = project.cli("check")
    line = source.count("\n") + 4
    assert f"{path}:{line}: error: placeholder written by make new" in check.stdout, check.stdout
