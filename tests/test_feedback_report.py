"""What the team gets from the collected feedback: ``make feedback-report`` (pages in each language, valid HTML
with charts and nothing from another host, and Markdown: unhelpful answers worst first with reasons and comments,
searches that found nothing by their words, views per article) and ``make popularity`` (data/popularity.csv from
the views, which the next build orders recommended lists by)."""

from __future__ import annotations

import subprocess

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from helpcentre.checks import typography
from helpcentre.core import languages

from collector_server import REPO, cells, collector, report_pages, run_collector
from conftest import new_site
from nuchecker import vnu_errors

# The project's own languages, in mkdocs.yml's order (the default first).
LANGUAGES = languages.of(REPO).codes
FRENCH = languages.of(REPO)["fr"].typography


SITE_URL = "https://faq.example.com/"
HOSTILE = "![pixel](https://tracker.example/p.png) <img src=x onerror=alert(1)> | [link](javascript:x)"
LINKS = "https://evil.example/phish www.evil.example mail@evil.example \\!\\[x\\](https://t.example/p.png) ``x`"
SEARCH = "www.evil.example | mail@evil.example"


def run(project, database_url: str, *args: str) -> subprocess.CompletedProcess:
    return run_collector(project, SITE_URL, database_url, *args)


@pytest.fixture
def collected(tmp_path):
    """A small help centre and a database that received a known set of feedback through the collector."""
    project = new_site(tmp_path / "project", build=False).root
    url = f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    vote = {"kind": "vote", "lang": "en"}
    events = [
        *[{**vote, "article": 2002, "answer": "yes"}] * 3,
        {**vote, "article": 2002, "answer": "no", "reason": "outdated", "comment": "The menu is now called Profile."},
        {**vote, "article": 3002, "answer": "no", "reason": "not-my-question", "comment": HOSTILE},
        {**vote, "article": 3002, "answer": "yes"},
        *[
            {"kind": "unanswered", "source": "search", "lang": "fr", "query": q, "shown": "nothing"}
            for q in ("Essuie-glace", "essuie-glace ?")
        ],
        {"kind": "unanswered", "source": "assistant", "lang": "en", "query": "wiper blades", "shown": "other-language"},
        *[{"kind": "view", "article": 3002, "lang": "fr"}] * 5,
        *[{"kind": "view", "article": 2003, "lang": "en"}] * 2,
    ]
    with collector(project, SITE_URL, url) as server:
        assert {server.post(event)[0] for event in events} == {204}
    return project, url


def test_the_report_lists_unhelpful_answers_worst_first_content_gaps_and_views(collected, tmp_path):
    project, url = collected
    result = run(project, url, "report", "--out", str(tmp_path / "report.md"))
    assert result.returncode == 0, result.stderr
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    helpfulness = [line for line in report.splitlines() if line.startswith(("| 2002 | en", "| 3002 | en"))]
    assert [line.split(" | ")[0:5] for line in helpfulness] == [
        ["| 3002", "en", "How do I replace the key battery?", "50%", "2"],
        ["| 2002", "en", helpfulness[1].split(" | ")[2], "75%", "4"],
    ]
    assert helpfulness[0].endswith("| 0 | 0 | 1 | 0 |") and helpfulness[1].endswith("| 1 | 0 | 0 | 0 |")
    assert "- 2002 (en, Out of date, " in report and "The menu is now called Profile." in report
    assert "| `essuie-glace` | 2 | search | nothing |" in report  # grouped by their words, per language
    assert "### en" in report and "| `wiper blades` | 1 | assistant | other-language |" in report
    assert "| 3002 | How do I replace the key battery? | 0 | 5 | 5 |" in report
    assert "| 2003 |" in report and report.index("| 3002 | How") < report.index("| 2003 |")
    # A reader's text shows as typed: no image, link or HTML that a Markdown viewer would load or run.
    page = BeautifulSoup(markdown.markdown(report, extensions=["tables"]), "html.parser")
    assert page.find_all(["a", "img", "script"]) == []
    assert HOSTILE in [item.get_text().split("): ", 1)[1] for item in page.find_all("li")]


def test_no_address_a_reader_typed_becomes_a_link_under_an_autolinking_renderer(tmp_path):
    project = new_site(tmp_path / "project", build=False).root
    url = f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    vote = {"kind": "vote", "article": 2003, "lang": "en", "answer": "no", "reason": "other", "comment": LINKS}
    search = {"kind": "unanswered", "source": "search", "lang": "en", "query": SEARCH, "shown": "nothing"}
    with collector(project, SITE_URL, url) as server:
        assert [server.post(vote)[0], server.post(search)[0]] == [204, 204]
    assert run(project, url, "report", "--out", str(tmp_path / "report.md")).returncode == 0
    # magiclink links URLs, www. hosts and email addresses in text, as GitHub's Markdown does.
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    page = BeautifulSoup(markdown.markdown(report, extensions=["tables", "pymdownx.magiclink"]), "html.parser")
    assert page.find_all(["a", "img"]) == []
    assert [item.get_text().split("): ", 1)[1] for item in page.find_all("li")] == [LINKS]
    assert [cells(row)[0] for row in page.find_all("tr")][-2:] == ["Words", SEARCH]


def test_popularity_is_written_from_the_collected_views(collected):
    project, url = collected
    result = run(project, url, "popularity")
    assert result.returncode == 0, result.stderr
    assert (project / "data" / "popularity.csv").read_text() == "id,views\n2002,0\n2003,2\n3002,5\n"


def test_popularity_keeps_the_file_when_nothing_was_collected(tmp_path):
    project = new_site(tmp_path / "project", build=False).root
    before = (project / "data" / "popularity.csv").read_text()
    result = run(project, f"sqlite:///{tmp_path / 'empty.sqlite3'}", "popularity")
    assert result.returncode == 1
    assert result.stderr == "error: no views collected yet; data/popularity.csv is left as it is\n"
    assert (project / "data" / "popularity.csv").read_text() == before


def test_an_unreachable_database_is_one_line_not_a_traceback(tmp_path):
    project = new_site(tmp_path / "project", build=False).root
    result = run(project, "postgresql://nobody@127.0.0.1:9/none", "report")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("error: the feedback database cannot be read (")
    assert result.stderr.endswith("); check FEEDBACK_DATABASE_URL\n") and result.stderr.count("\n") == 1


def test_the_report_page_shows_helpfulness_gaps_and_views_in_each_language(collected, tmp_path):
    project, url = collected
    pages = report_pages(project, url, tmp_path, SITE_URL)
    en, fr = pages["en"], pages["fr"]
    assert en.html["lang"] == "en" and fr.html["lang"] == "fr"
    assert en.h1.get_text() == "Help centre feedback" and fr.h1.get_text() == "Rétroaction sur le centre d'aide"
    assert fr.find("a", hreflang="en")["href"] == "../en/index.html"  # the other language, beside it
    helpful = [cells(r) for r in en.select("#helpfulness tbody tr[data-article]")]
    assert [row[:5] for row in helpful] == [
        ["3002", "How do I replace the key battery?", "English", "50% 50%", "2"],
        ["2002", helpful[1][1], "English", "75% 75%", "4"],
    ]  # worst first; the share is a number and a bar
    assert helpful[0][5:] == ["0", "0", "1", "0"] and helpful[1][5:] == ["1", "0", "0", "0"]
    assert cells(fr.select("#helpfulness thead tr")[0])[5:] == [
        "Périmée",
        "Pas claire",
        "Pas ma question",
        "Autre chose",
    ]
    assert cells(fr.select("#helpfulness tbody tr[data-article]")[0])[3] == "50\u00a0% 50\u00a0%"
    comments = [cells(r) for r in en.select("#helpfulness .comment-row")]
    assert comments[0][:3] == ["2002", "English", "Out of date"] and comments[0][4] == "The menu is now called Profile."
    assert comments[1][4] == HOSTILE  # a reader's text stays text: no image, link or element of theirs
    assert fr.select("#gaps h3") and [h.get_text() for h in fr.select("#gaps h3")] == ["English", "Français"]
    assert [cells(r) for r in fr.select("#gaps table")[1].select("tbody tr")] == [
        ["essuie-glace", "2", "recherche", "rien"]
    ]
    assert [cells(r) for r in en.select("#gaps table")[0].select("tbody tr")] == [
        ["wiper blades", "1", "assistant", "answers in the other language"]
    ]
    views = [cells(r) for r in fr.select("#views tbody tr")]
    assert views == [
        ["3002", "Comment remplacer la pile de la clé\u202f?", "0", "5", "5"],
        ["2003", views[1][1], "2", "0", "2"],
    ]
    for lang, page in pages.items():
        assert not page.find_all(["script", "iframe", "object", "embed"]) and not page.select("a[href^='javascript']")
        assert [img["src"] for img in page.select("#views img")] == ["views-3002.svg", "views-2003.svg"]
        for img in page.select("#views img"):
            svg = (tmp_path / "html" / lang / img["src"]).read_text("utf-8")
            assert "<svg" in svg and "<rect" in svg and img["alt"].startswith(("Views of article", "Consultations de"))
        linked = [tag.get("src") or tag.get("href") for tag in page.find_all(["img", "a", "link"])]
        assert all(address and "//" not in address for address in linked)  # nothing from another host
    assert "5 in all." in en.select("#views img")[0]["alt"]
    assert vnu_errors(tmp_path / "html", "--also-check-svg") == []


def test_the_report_page_says_when_nothing_was_collected(tmp_path):
    project = new_site(tmp_path / "project", build=False).root
    pages = report_pages(project, f"sqlite:///{tmp_path / 'empty.sqlite3'}", tmp_path, SITE_URL)
    assert [p.get_text() for p in pages["fr"].select("p.none")] == [
        "Aucun vote pour l'instant.",
        "Aucune pour l'instant.",
        "Aucune consultation pour l'instant.",
    ]
    assert pages["en"].select("main > p")[0].get_text().startswith("Nothing collected yet.")


def test_the_report_texts_exist_in_every_language_and_french_follows_its_typography():
    tables = {
        lang: yaml.safe_load((REPO / "collector" / "strings" / f"{lang}.yml").read_text("utf-8")) for lang in LANGUAGES
    }
    keys = {lang: set(table) for lang, table in tables.items()}
    assert all(found == keys[LANGUAGES[0]] for found in keys.values()), keys
    wrong = {
        k: v
        for k, v in tables["fr"].items()
        if typography.apply(str(v), FRENCH) != str(v) or typography.wrong_spaces(v, FRENCH)
    }
    assert wrong == {}
