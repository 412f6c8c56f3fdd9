"""Unit tests of the pure functions: front matter, ordering, teasers, formatting."""

from __future__ import annotations

import datetime as dt

import pytest

from helpcentre.content import catalogue, frontmatter
from helpcentre.core.strings import load_strings
from helpcentre.pages import formatting, ranking, teaser
from helpcentre.release import parallel

from conftest import REPO

STRINGS = load_strings(REPO)[0]


def test_front_matter_lines_and_body():
    source, problems = frontmatter.parse("x.md", "---\nid: 7\ntitle: Why?\ncategory: a\n---\n\nBody\n")
    assert problems == []
    assert dict(source.meta) == {"id": 7, "title": "Why?", "category": "a"}
    assert source.lines["category"] == 4
    assert source.body.strip() == "Body" and source.body_line == 6


def test_front_matter_refuses_python_tags_and_huge_input():
    _, problems = frontmatter.parse("x.md", "---\nid: !!python/object/apply:os.system ['true']\n---\nx")
    assert problems and problems[0].line == 2
    _, problems = frontmatter.parse("x.md", "---\ntitle: " + "a" * 20_000 + "\n---\nx")
    assert "larger than" in problems[0].message


def test_decode_rejects_non_utf8_and_nul_and_keeps_bom_crlf_out():
    assert frontmatter.decode("x.md", b"ok\n\xff")[1][0].line == 2
    assert frontmatter.decode("x.md", b"a\nb\x00")[1][0].line == 2
    assert frontmatter.decode("x.md", "\ufeffa\r\nb".encode())[0] == "a\nb"


def test_pins_come_first_in_given_order_and_ties_break_by_id():
    cat, _ = catalogue.load(REPO)
    assert ranking.recommended(cat, "en", 2003, 3)[0] == 2002
    assert catalogue.popularity_order([5, 3, 4], {3: 10, 4: 10, 5: 11}) == (5, 3, 4)


def test_teaser_cuts_at_a_word_with_ellipsis_and_strips_markup():
    html = (
        "<h2 id='x'>Heading</h2><p>Le <strong>numéro</strong> d’identification « NIV » comporte 17 caractères; "
        + "réessayez " * 30
        + "</p>"
    )
    text = teaser.teaser(html)
    assert text.startswith("Le numéro d’identification « NIV »")
    assert "Heading" not in text and "<" not in text
    assert text.endswith("…") and len(text) <= 171
    assert not text[:-1].endswith(" ")
    assert teaser.teaser("<p>Short answer.</p>") == "Short answer."


def test_numbers_and_dates_per_language():  # hours: tests/test_french_hours.py
    assert formatting.number(3430, STRINGS["en"].language) == "3,430"
    assert formatting.number(3430, STRINGS["fr"].language) == "3\u202f430"
    assert formatting.date(dt.date(2026, 10, 6), STRINGS["en"]) == "October 6, 2026"
    assert formatting.date(dt.date(2026, 10, 1), STRINGS["fr"]) == "1er octobre 2026"


def test_string_tables_have_the_same_keys():
    assert set(STRINGS["en"].table) == set(STRINGS["fr"].table)


def test_overlay_moves_every_file_and_the_later_build_wins(tmp_path):
    first, later = tmp_path / "en", tmp_path / "fr-build"
    (first / "assets").mkdir(parents=True)
    (first / "assets" / "site.css").write_text("en")
    (first / "index.html").write_text("home")
    (later / "assets").mkdir(parents=True)
    (later / "assets" / "site.css").write_text("fr")
    (later / "assets" / "shots").mkdir()  # a folder the first build lacks: moved whole
    (later / "assets" / "shots" / "signup.0123456789ab.800.webp").write_text("webp")
    (later / "fr" / "my-account").mkdir(parents=True)
    (later / "fr" / "my-account" / "forgot-password.html").write_text("mot de passe")
    parallel.overlay(later, first)
    assert (first / "assets" / "site.css").read_text() == "fr"
    assert (first / "index.html").read_text() == "home"
    assert (first / "fr" / "my-account" / "forgot-password.html").read_text() == "mot de passe"
    assert (first / "assets" / "shots" / "signup.0123456789ab.800.webp").read_text() == "webp"
    assert not [p for p in later.rglob("*") if p.is_file()]
    parallel.overlay(first, tmp_path / "site")  # no site yet: the whole folder becomes it
    assert (tmp_path / "site" / "fr" / "my-account" / "forgot-password.html").read_text() == "mot de passe"
    assert not first.exists()


@pytest.mark.parametrize(("value", "expected"), [("1", 1), ("3", 3), ("0", 1), ("two", 1)])
def test_build_jobs_come_from_the_environment(monkeypatch, value, expected):
    monkeypatch.setenv(parallel.JOBS_VARIABLE, value)
    assert parallel.jobs() == expected
