"""Bad content stops the build with ``path:line: message`` and leaves the previous site untouched."""

from __future__ import annotations

import pytest

from conftest import SITES

BAD_CASES = sorted(
    p.name
    for p in SITES.iterdir()
    if (p / "expected.txt").exists()
    and p.name.startswith(("bad-", "missing-", "duplicate-", "twin-", "unknown-", "popularity-"))
)


def test_every_bad_case_is_covered():
    assert {
        "bad-yaml",
        "missing-id",
        "missing-title",
        "missing-category",
        "duplicate-id",
        "twin-id-differs",
        "twin-category-differs",
        "unknown-category",
        "popularity-unknown-id",
    } <= set(BAD_CASES)


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_content_fails_cleanly(make_site, case):
    built = make_site(case, build=False)
    previous = built.out
    previous.mkdir()
    (previous / "index.html").write_text("previous release")
    built.build()
    assert not built.ok
    for expected in (SITES / case / "expected.txt").read_text(encoding="utf-8").splitlines():
        assert expected in built.output, built.output
        # Both languages' builds see the same content: each problem is still reported once.
        assert len([line for line in built.output.splitlines() if expected in line]) == 1, built.output
    assert "Traceback" not in built.output
    # The previous site is untouched and no staging folder is left behind.
    assert [p.name for p in previous.iterdir()] == ["index.html"]
    assert (previous / "index.html").read_text() == "previous release"
    assert not [p for p in built.root.iterdir() if p.name.startswith(".site-")]


def test_base_fixture_builds(make_site):
    built = make_site()
    assert built.ok, built.output
    assert "connected-store/index.html" in built.pages()
    assert "fr/my-account/forgot-password.html" in built.pages()
