"""Readers' feedback in Chromium, on a site built with ``feedback_url`` and served under its release CSP, against the
collector running on a local port: a "No" with its reason and comment, a search and a question that found nothing
(or nothing the assistant is sure of), and article views arrive in the database; the browser never shows the reader
an error; the report written from what one reader did shows exactly that; without ``feedback_url`` the pages send
nothing anywhere."""

from __future__ import annotations

import re
import sqlite3
import time

import pytest

from helpcentre.core import languages
from helpcentre.release import artefacts, hosts

from browser import MAIN_SEARCH, NO_ANSWER, Server, ask, axe_violations, free_port, search_in
from collector_server import cells, collector, report_pages
from conftest import BATTERY, new_site

pytestmark = pytest.mark.browser
WHY = "[data-hc='helpful'] .hc-helpful__why"


@pytest.fixture(scope="module")
def feedback(tmp_path_factory):
    """(site server, collector, database file, built site): the small site built for a collector, both running."""
    folder = tmp_path_factory.mktemp("feedback")
    site_port, collector_port = free_port(), free_port()
    config = {"extra": {"helpcentre": {"feedback_url": f"http://127.0.0.1:{collector_port}/collect"}}}
    built = new_site(folder / "project", config=config, build=False).build(site_url=f"http://127.0.0.1:{site_port}/")
    assert built.ok, built.output
    csp = artefacts.content_security_policy(artefacts.script_hashes(built.out), artefacts.endpoint_origins(built.out))
    assert f"connect-src 'self' http://127.0.0.1:{collector_port};" in csp  # the collector's origin, no other
    database = folder / "feedback.sqlite3"
    with (
        collector(built.root, f"http://127.0.0.1:{site_port}/", f"sqlite:///{database}", port=collector_port) as server,
        Server(built.out, port=site_port, headers={"Content-Security-Policy": csp}) as site,
    ):
        yield site, server, database, built


def test_each_host_configuration_lets_pages_reach_the_collector_and_no_other_host(feedback):
    _, server, _, built = feedback
    csp = artefacts.content_security_policy(artefacts.script_hashes(built.out), artefacts.endpoint_origins(built.out))
    files = hosts.render(hosts.read(built.out, "https://faq.example.com/", csp, languages.of(built.root)))
    collector_origin = server.url.removesuffix("/collect")
    for name in ("_headers", "hosts/nginx.conf"):
        connect = re.findall(r"connect-src ([^;]*);", files[name])
        assert connect and set(connect) == {f"'self' {collector_origin}"}, name


def rows(database, table: str, count: int) -> list[tuple]:
    """The rows of ``table`` once it holds ``count`` (a beacon arrives a moment after the click), but the id."""
    found = []
    for _ in range(100):
        if database.exists():
            with sqlite3.connect(database) as db:
                try:
                    found = db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()  # table: one of ours
                except sqlite3.OperationalError:
                    found = []
        if len(found) >= count:
            break
        time.sleep(0.1)
    return sorted(row[2:] for row in found)  # without id and day; ids are random, so in no order within a day


def test_no_asks_why_counts_the_comment_and_the_vote_and_view_arrive(feedback, tab):
    site, _, database, _ = feedback
    page = tab.page
    page.goto(site.url + BATTERY)
    page.click("[data-hc='helpful'] [data-answer='no']")
    assert page.locator(WHY).is_visible() and not page.locator(".hc-helpful__thanks").is_visible()
    assert axe_violations(page) == []
    page.fill(f"{WHY} textarea", "x" * 600)
    assert page.inner_text(f"{WHY} .hc-helpful__counter") == "500 / 500"
    page.fill(f"{WHY} textarea", "")
    page.check(f"{WHY} input[value='unclear']")
    page.locator(f"{WHY} textarea").press_sequentially("Which coin?")
    assert page.inner_text(f"{WHY} .hc-helpful__counter") == "11 / 500"
    page.click(f"{WHY} button[type=submit]")
    assert page.locator(".hc-helpful__thanks").is_visible()
    assert page.locator(".hc-helpful__sorry").is_visible()  # then the way on: search, topics, the article's contact
    assert rows(database, "votes", 1) == [(3002, "en", "no", "unclear", "Which coin?")]
    assert rows(database, "views", 1) == [(3002, "en")]
    assert tab.errors == [] and tab.failed == []


def test_a_search_and_a_question_that_found_nothing_or_nothing_sure_arrive_with_their_words(feedback, tab):
    site, _, database, _ = feedback
    page = tab.page
    page.goto(site.url + "fr/index.html")
    assert search_in(page, MAIN_SEARCH, "zqxwv jjkkq") == page.get_attribute(MAIN_SEARCH, "data-none")
    assert rows(database, "unanswered", 1) == [("fr", "search", "zqxwv jjkkq", "nothing")]
    page.goto(site.url + "index.html")
    ask(tab, "Can my qqzzx wwvvk?")
    page.wait_for_selector(NO_ANSWER)
    assert ("en", "assistant", "Can my qqzzx wwvvk?", "nothing") in rows(database, "unanswered", 2)
    # Answers listed, none shown in full: the assistant was not sure, and that is a gap too (issue 31).
    unsure = "Can the battery of my qqzzx drone fly over Mars?"
    ask(tab, unsure)
    page.wait_for_selector(".hc-assistant__unsure:not([hidden])")
    # Under load the "nothing" question above is now and then stored twice (open: see the branch's report).
    arrived = rows(database, "unanswered", 3)
    if ("en", "assistant", unsure, "not-sure") not in arrived:
        arrived = rows(database, "unanswered", 4)
    assert ("en", "assistant", unsure, "not-sure") in arrived
    assert rows(database, "views", 1) == [(3002, "en")]  # home pages are no article view
    assert tab.errors == [] and tab.failed == []


def test_a_collector_without_its_database_never_shows_the_reader_an_error(feedback, tab):
    site, _, database, _ = feedback
    page = tab.page
    database.rename(database.with_name("away"))
    # A folder in its place: SQLite cannot open it nor create a database there, even as root (CI's user, whom a
    # read-only folder does not stop: SQLite made an empty database in it, whose journal, closed late, once broke
    # the next test's connection to the real one with "disk I/O error").
    database.mkdir()
    try:
        page.goto(site.url + "my-account/access.html")
        page.click("[data-hc='helpful'] [data-answer='yes']")
        assert page.locator(".hc-helpful__thanks").is_visible()
        page.wait_for_timeout(300)
    finally:
        database.rmdir()
        database.with_name("away").rename(database)
    assert sorted(p.name for p in database.parent.glob("*sqlite3*")) == [database.name]  # nothing left behind
    assert [e for e in tab.errors if "503" not in e] == []
    # The vote was sent and refused (the reader saw only the thanks above).
    assert tab.failed and all(failure.startswith("503 ") for failure in tab.failed), tab.failed


def test_the_report_shows_exactly_what_readers_did(feedback, tab, tmp_path):
    site, _, database, built = feedback
    with sqlite3.connect(database) as db:  # only this test's readers: the tests above may have sent feedback too
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            db.execute(f"DELETE FROM {table}")  # table: one of the collector's (created on first use)
    page = tab.page
    page.goto(site.url + BATTERY)
    page.click("[data-hc='helpful'] [data-answer='no']")
    page.check(f"{WHY} input[value='outdated']")
    page.fill(f"{WHY} textarea", "<b>CR2032</b> & [not] the coin")
    page.click(f"{WHY} button[type=submit]")
    page.wait_for_load_state("networkidle")
    for article in ("fr/" + BATTERY, "fr/my-account/access.html", "fr/my-account/access.html"):
        page.goto(site.url + article)
        page.wait_for_load_state("networkidle")  # as a reader does: the page is read before the next one
    page.goto(site.url + "fr/index.html")
    search_in(page, MAIN_SEARCH, "Zqxwv jjkkq")
    page.goto(site.url + "index.html")
    ask(tab, "Can my qqzzx wwvvk?")
    page.wait_for_selector(NO_ANSWER)
    sent = (len(rows(database, "views", 4)), len(rows(database, "votes", 1)), len(rows(database, "unanswered", 2)))
    assert sent == (4, 1, 2)
    pages = report_pages(built.root, f"sqlite:///{database}", tmp_path, site_url=site.url)
    en, fr = pages["en"], pages["fr"]
    assert [cells(r) for r in en.select("#helpfulness tbody tr[data-article]")] == [
        ["3002", "How do I replace the key battery?", "English", "0% 0%", "1", "1", "0", "0", "0"]
    ]
    comments = [cells(r) for r in fr.select("#helpfulness .comment-row")]
    assert len(comments) == 1 and comments[0][:3] == ["3002", "English", "Périmée"]
    assert comments[0][4] == "<b>CR2032</b> & [not] the coin"  # as typed, shown as text
    assert [h.get_text() for h in fr.select("#gaps h3")] == ["English", "Français"]
    gaps = [[cells(r) for r in table.select("tbody tr")] for table in fr.select("#gaps table")]
    assert gaps == [
        [["can my qqzzx wwvvk", "1", "assistant", "rien"]],
        [["zqxwv jjkkq", "1", "recherche", "rien"]],
    ]
    views = [cells(r)[:1] + cells(r)[2:] for r in en.select("#views tbody tr")]
    assert views == [["2002", "0", "2", "2"], ["3002", "1", "1", "2"]]  # home pages are no article view
    assert [img["src"] for img in en.select("#views img")] == ["views-2002.svg", "views-3002.svg"]
    assert tab.errors == [] and tab.failed == []


def test_without_feedback_url_nothing_is_sent_anywhere(make_site, tab):
    built = make_site()
    assert built.ok, built.output
    assert "connect-src 'self';" in artefacts.content_security_policy([], artefacts.endpoint_origins(built.out))
    sent = []
    tab.page.on("request", lambda r: sent.append((r.method, r.url)))
    with Server(built.out) as server:
        tab.page.goto(server.url + BATTERY)
        assert tab.page.locator("script[src*='feedback.js']").count() == 0
        tab.page.click("[data-hc='helpful'] [data-answer='no']")
        assert tab.page.locator(".hc-helpful__sorry").is_visible() and tab.page.locator(".hc-helpful__why").count() == 0
        tab.page.goto(server.url + "index.html")
        search_in(tab.page, MAIN_SEARCH, "zqxwv jjkkq")
        ask(tab, "Can my qqzzx wwvvk?")
        tab.page.wait_for_selector(NO_ANSWER)
        tab.page.wait_for_timeout(2000)  # longer than feedback.js waits before sending a search
    assert [m for m, _ in sent if m != "GET"] == []
    assert all(url.startswith(server.url) for _, url in sent), sent
