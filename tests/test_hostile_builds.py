"""Hostile content through the real build: messages naming file and line, no traceback, no ``site/``."""

from __future__ import annotations

import shutil
import time

from conftest import BATTERY, Site
from hostile import ARTICLES, BASE_FRONT, article, billion_laughs, flow


def assert_failed_cleanly(built: Site, expected: list[str]) -> None:
    assert not built.ok, built.output
    assert "Traceback" not in built.output, built.output
    for text in expected:
        assert text in built.output, built.output
    assert not built.out.exists()
    assert not [p for p in built.root.iterdir() if p.name.startswith(".site-")]


def test_build_refuses_bombs_and_tags_with_path_line_messages(tmp_path, make_site):
    sentinel = tmp_path / "pwned"
    built = make_site(
        files={
            ARTICLES[0]: article(billion_laughs(9) + "\n" + BASE_FRONT + "\ntags: *lol9"),
            ARTICLES[3]: article(f"{BASE_FRONT}\ntags: !!python/object/apply:os.system ['touch {sentinel}']"),
        },
    )
    assert_failed_cleanly(
        built,
        [
            f"{ARTICLES[0]}:7: error: front matter expands to more than 100,000 values",
            f"{ARTICLES[3]}:5: error: front matter is not valid YAML",
        ],
    )
    assert not sentinel.exists()


def test_build_refuses_broken_bytes_with_path_line_messages(make_site):
    built = make_site(
        files={
            ARTICLES[1]: article(BASE_FRONT.replace("2003", "2002"), "Line one.\r\nLine two \xff.\n").replace(
                b"\xc3\xbf", b"\xff"
            ),
            ARTICLES[4]: article(BASE_FRONT.replace("2003", "2002"), "Nul\n\x00\n"),
            ARTICLES[2]: b"---\nid: 3002\ntitle: Never closed\ncategory: keys-and-locking\n\nAnswer.\n",
        },
    )
    assert_failed_cleanly(
        built,
        [
            f"{ARTICLES[1]}:8: error: file is not valid UTF-8",
            f"{ARTICLES[4]}:8: error: file contains a NUL byte",
            f"{ARTICLES[2]}:1: error: front matter opened with '---' is never closed",
        ],
    )


def test_build_refuses_a_huge_front_matter_quickly(make_site):
    huge = article(BASE_FRONT + "\nrelated: " + flow(["2002"] * 10_000))
    project = make_site(files={ARTICLES[0]: huge}, build=False)
    start = time.monotonic()
    built = project.build()
    assert time.monotonic() - start < 60
    assert_failed_cleanly(built, [f"{ARTICLES[0]}:5: error: front matter is larger than 16,384 bytes"])


def test_build_accepts_bom_crlf_and_odd_unicode(make_site):
    odd = "Press \u2028and hold \U0001f697 \u202eRTL\u202c, é\u0301, ﬁ, 名前, \u200b."
    en = ("\ufeff---\r\nid: 3002\r\ntitle: 'How do I replace the key battery? \U0001f511'\r\n"
          "category: keys-and-locking\r\ntags: [battery, \"\u00e9\u0301\"]\r\n---\r\n\r\n" + odd + "\r\n")  # fmt: skip
    built = make_site(files={ARTICLES[2]: en.encode()})
    assert built.ok, built.output
    assert "Traceback" not in built.output
    page = (built.out / BATTERY).read_text(encoding="utf-8")
    assert "\U0001f697" in page and "名前" in page
    shutil.rmtree(built.out)
