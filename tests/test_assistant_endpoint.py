"""The answer assistant's optional endpoint (issue 17), against a real local HTTP server: its answer shows in the
box the same way as ours, with the articles it used cited; when it fails or is slow, the offline answer shows,
without an error for the reader."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from browser import ANSWER_LINKS, SHOWN, Server, answers, ask, free_port, shown_steps
from conftest import BATTERY

pytestmark = pytest.mark.browser

ACCOUNT = "my-account/forgot-password.html"  # article 2003

ENDPOINT_ANSWER = (
    'Remplacez la pile vous-même <img src=x onerror="window.hcRan=1">.\n\n'
    "1. Appuyez sur le **bouton** de la clé.\n2. Retirez le couvercle.\n\nC'est tout."
)


SLOW = 8  # seconds the slow endpoint takes: longer than the assistant waits


class Endpoint:
    """A local HTTP server standing in for an assistant endpoint: ``mode`` says how it replies."""

    def __init__(self):
        self.mode = "answer"
        self.requests: list[dict] = []
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _headers(self, status: int) -> None:
                self.send_response(status)
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Allow-Headers", "Content-Type")
                self.send_header("Content-Type", "application/json")
                self.end_headers()

            def do_OPTIONS(self):
                self._headers(204)

            def do_POST(self):
                endpoint.requests.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
                if endpoint.mode == "slow":
                    time.sleep(SLOW)
                if endpoint.mode == "fail":
                    self._headers(500)
                    return
                self._headers(200)
                body = {"answer": ENDPOINT_ANSWER, "ids": [3002, 2003, "x", 99999]}
                self.wfile.write(json.dumps(body).encode())

        self.port = free_port()
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def endpoint_site(make_site):
    with Endpoint() as endpoint:
        config = {"extra": {"helpcentre": {"assistant_endpoint": f"http://127.0.0.1:{endpoint.port}/ask"}}}
        built = make_site(real_content=True, config=config)
        assert built.ok, built.output
        with Server(built.out) as server:
            yield endpoint, server, built


def test_the_endpoint_s_answer_shows_in_the_box_with_its_sources(endpoint_site, tab):
    endpoint, server, built = endpoint_site
    titles = [built.html("fr/" + page).select_one("h1").get_text(strip=True) for page in (BATTERY, ACCOUNT)]
    page = tab.page
    page.goto(server.url + "fr/index.html")
    ask(tab, "comment changer la pile de ma clé")
    page.wait_for_selector(f"{SHOWN} .hc-assistant__sources")
    assert endpoint.requests == [{"question": "comment changer la pile de ma clé", "lang": "fr"}]
    answer = f"{SHOWN} .hc-assistant__answer"
    assert shown_steps(page) == [
        "Appuyez sur le bouton de la clé.",
        "Retirez le couvercle.",
    ]
    assert page.inner_text(f"{answer} strong") == "bouton"
    assert '<img src=x onerror="window.hcRan=1">' in page.inner_text(answer)
    assert page.evaluate("document.querySelectorAll('.hc-assistant img').length") == 0
    # The articles it used, cited by their questions and linked (unknown ids left out), then suggested.
    sources = page.locator(f"{SHOWN} .hc-assistant__source")
    assert sources.all_inner_texts() == titles
    assert sources.first.get_attribute("href") == server.url + "fr/" + BATTERY
    assert page.query_selector(ANSWER_LINKS).get_attribute("href") == server.url + "fr/" + BATTERY
    page.click(f"{SHOWN} .hc-assistant__no")  # then the first article it cited, in the box
    page.wait_for_selector(f"{SHOWN} .hc-assistant__question")
    assert page.inner_text(f"{SHOWN} .hc-assistant__question") == titles[0]
    assert len(shown_steps(page)) == 5
    assert page.evaluate("window.hcRan") is None
    # An id the site does not have is looked up once and left out; nothing else failed.
    assert tab.failed == [f"404 {server.url}pagefind/parts-fr/99999.json"], tab.failed
    assert all("404" in error for error in tab.errors), tab.errors


@pytest.mark.parametrize("mode", ["fail", "slow"])
def test_a_failing_or_slow_endpoint_gives_the_offline_answer(endpoint_site, tab, mode):
    endpoint, server, _built = endpoint_site
    endpoint.mode = mode
    page = tab.page
    page.goto(server.url + "fr/index.html")
    started = time.monotonic()
    ask(tab, "comment changer la pile de ma clé")
    page.wait_for_selector(SHOWN)
    waited = time.monotonic() - started
    assert endpoint.requests, "the endpoint was asked first"
    assert answers(tab)[0].endswith("/fr/" + BATTERY)
    assert len(shown_steps(page)) == 5 and page.locator(f"{SHOWN} .hc-assistant__sources").count() == 0
    assert page.locator(".hc-assistant__none").is_hidden()  # no error for the reader
    if mode == "slow":  # gave up before the endpoint replied, and its late reply changes nothing
        assert waited < SLOW - 0.5, waited
        page.wait_for_timeout((SLOW + 0.5 - waited) * 1000)
        assert page.locator(f"{SHOWN} .hc-assistant__sources").count() == 0
