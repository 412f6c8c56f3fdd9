"""Review dates: `make check` warns about answers past their category's ``review_every``, `make review` lists
them oldest first with their owner, and readers never see any of it."""

from __future__ import annotations

import datetime as dt
import gzip

from helpcentre.content.periods import Period, parse_period

from conftest import BASE, REPO

TODAY = dt.date.today()
LONG_AGO = TODAY - dt.timedelta(days=400)
LONGER_AGO = TODAY - dt.timedelta(days=800)
LATELY = TODAY - dt.timedelta(days=30)
OWNER = "Claire Zebulon-Dubois"


def _categories(every: str = "6 months") -> bytes:
    text = (REPO / "data/categories.yml").read_text(encoding="utf-8")
    return text.replace("- key: my-account\n", f"- key: my-account\n  review_every: {every}\n").encode()


def _article(path: str, extra: str) -> bytes:
    source = (BASE / path).read_text(encoding="utf-8")
    return source.replace("\n---\n", f"\n{extra}\n---\n", 1).encode()


def _files() -> dict[str, bytes]:
    return {
        "data/categories.yml": _categories(),
        "docs/en/my-account/access.md": _article(
            "docs/en/my-account/access.md", f"reviewed: {LONG_AGO}\nowner: {OWNER}"
        ),
        "docs/fr/my-account/access.md": _article("docs/fr/my-account/access.md", f"reviewed: {LATELY}"),
        "docs/en/my-account/forgot-password.md": _article(
            "docs/en/my-account/forgot-password.md", f"reviewed: {LONGER_AGO}"
        ),
        # keys-and-locking has no review_every: an old date there is no one's business
        "docs/en/keys-and-locking/key-battery.md": _article(
            "docs/en/keys-and-locking/key-battery.md", "reviewed: 2001-01-01"
        ),
    }


def test_check_warns_and_review_lists_oldest_first_with_the_owner(make_site):
    project = make_site(build=False, files=_files())
    check = project.cli("check")
    assert check.returncode == 0, check.stdout
    message = "answers in 'my-account' are re-read every 6 months: re-read it, then set 'reviewed:' to that day's date"
    assert f"docs/en/my-account/access.md:6: warning: last reviewed {LONG_AGO}; {message}" in check.stdout
    assert f"docs/en/my-account/forgot-password.md:7: warning: last reviewed {LONGER_AGO}; {message}" in check.stdout
    # the French one was reviewed lately; the other French answer falls back on its (2026) updated date
    assert "docs/fr/my-account/access.md" not in check.stdout
    assert "key-battery.md" not in check.stdout
    review = project.cli("review")
    assert review.returncode == 0, review.stderr
    lines = review.stdout.splitlines()
    paths = [next(word for word in line.split() if word.startswith("docs/")) for line in lines[1:-1]]
    assert paths[:2] == ["docs/en/my-account/forgot-password.md", "docs/en/my-account/access.md"], review.stdout
    assert OWNER in lines[2] and str(LONG_AGO) in lines[2] and "How do I access My MINI Account?" in lines[2]
    assert lines[-1].endswith("past their review date")


def test_readers_never_see_review_dates_or_owners(make_site):
    built = make_site(files=_files())
    assert built.ok, built.output
    for file in built.out.rglob("*"):
        if not file.is_file():
            continue
        raw = file.read_bytes()
        if file.suffix == ".pf_fragment":
            raw = gzip.decompress(raw)
        assert b"Zebulon" not in raw and str(LONG_AGO).encode() not in raw, file


def test_bad_review_settings_are_named(make_site):
    files = {
        "data/categories.yml": _categories("twice a year"),
        "docs/en/my-account/access.md": _article(
            "docs/en/my-account/access.md", "reviewed: last spring\nowner: [a, b]"
        ),
    }
    check = make_site(build=False, files=files).cli("check")
    assert check.returncode == 1
    line = files["data/categories.yml"].decode().splitlines().index("  review_every: twice a year") + 1
    assert (
        f"data/categories.yml:{line}: error: review_every of 'my-account' must be a period such as 6 months "
        "(days, weeks, months or years)"
    ) in check.stdout, check.stdout


def test_bad_review_fields_in_an_article_are_named(make_site):
    files = {
        "docs/en/my-account/access.md": _article("docs/en/my-account/access.md", "reviewed: last spring\nowner: [a]")
    }
    check = make_site(build=False, files=files).cli("check")
    assert "docs/en/my-account/access.md:6: error: reviewed must be a date like 2026-10-06, not 'last spring'" in (
        check.stdout
    )
    assert "docs/en/my-account/access.md:7: error: owner must be a name or a team" in check.stdout


def test_periods_count_calendar_months():
    assert parse_period("6 months") == Period(6, "month") and str(parse_period("1 Year")) == "1 year"
    assert parse_period("0 days") is None and parse_period("monthly") is None and parse_period(6) is None
    assert Period(6, "month").after(dt.date(2026, 8, 31)) == dt.date(2027, 2, 28)
    assert Period(1, "year").after(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)
    assert Period(2, "week").after(dt.date(2026, 12, 25)) == dt.date(2027, 1, 8)
