"""`make new`: a pair that passes the checks and builds; unknown categories are refused helpfully."""

from __future__ import annotations


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
