"""What the team gets from the collected feedback: ``make feedback-report`` (Markdown: unhelpful answers worst
first with reasons and comments, searches that found nothing by their words, views per article) and ``make
popularity`` (data/popularity.csv from the views, which the next build orders recommended lists by)."""

from __future__ import annotations

import os
import subprocess
import sys

import markdown
import pytest

from collector_server import REPO, collector
from conftest import new_site

SITE_URL = "https://faq.example.com/"
HOSTILE = "![pixel](https://tracker.example/p.png) <img src=x onerror=alert(1)> | [link](javascript:x)"


def run(project, database_url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'hooks'}", "SITE_URL": SITE_URL}
    env["FEEDBACK_DATABASE_URL"] = database_url
    command = [sys.executable, "-m", "collector", "--root", str(project), *args]
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False)


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
    assert "| essuie-glace | 2 | search | nothing |" in report  # grouped by their words, per language
    assert "### en" in report and "| wiper blades | 1 | assistant | other-language |" in report
    assert "| 3002 | How do I replace the key battery? | 0 | 5 | 5 |" in report
    assert "| 2003 |" in report and report.index("| 3002 | How") < report.index("| 2003 |")
    # A reader's text is text: no image, link or HTML that a Markdown viewer would load or run.
    html = markdown.markdown(report, extensions=["tables"])
    assert "<img" not in html and "<a " not in html
    assert "![pixel](https://tracker.example/p.png) &lt;img src=x onerror=alert(1)&gt; | [link](javascript:x)" in html


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
