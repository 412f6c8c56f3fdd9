"""Hostile and broken article files for the hostile-content tests: Hypothesis strategies and fixed bombs.

``TARGETS_AND_BYTES`` draws one of the fixture articles (``ARTICLES``, in ``tests/sites/_base``) and whole
bytes for it: odd Unicode, huge values, wrong types, YAML anchors, aliases, tags (Python object tags and alias
bombs included), NUL bytes, BOMs, CRLF, invalid UTF-8 and unclosed front matter. ``billion_laughs`` and
``merge_bomb`` write alias bombs, ``article`` a file from front matter and body, ``time_limit`` stops a
test that hangs. The Python object tags would create ``SENTINEL`` if YAML ever ran them.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from pathlib import Path

from hypothesis import strategies as st

from helpcentre.content import catalogue, frontmatter

from conftest import BASE

ARTICLES = (
    "docs/en/my-account/forgot-password.md",
    "docs/en/my-account/access.md",
    "docs/en/keys-and-locking/key-battery.md",
    "docs/fr/my-account/forgot-password.md",
    "docs/fr/my-account/access.md",
    "docs/fr/keys-and-locking/key-battery.md",
)
BASE_FRONT = "id: 2003\ntitle: A question?\ncategory: my-account"
# The file the generated Python object tags would create if YAML ever ran them; it must never exist.
SENTINEL = Path(tempfile.gettempdir()) / f"hc-hostile-pwned-{os.getpid()}"


def article(front: str, body: str = "The answer.\n") -> bytes:
    return f"---\n{front}\n---\n\n{body}".encode()


@contextlib.contextmanager
def time_limit(seconds: float):
    """Raises TimeoutError in the test after ``seconds`` (the regex engine checks for signals as it runs)."""

    def expire(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# Pieces that mean something to YAML, Markdown or HTML, and Unicode that trips up naive code.
ODD_CHARS = [
    "\u00a0", "\u202f", "\u200b", "\u200d", "\u2028", "\u2029", "\x85", "\ufeff", "\u0301", "\u202e",
    "\U0001f697", "\U0001f1eb\U0001f1f7", "é", "ß", "İ", "ﬁ", "\t", "«", "»", "?", "!", ":", ";", "#", "{", "}",
    "[", "]", "&", "*", "|", ">", "'", '"', "\\", "%", "@", "`", "---", "...", "- ", ": ", "<", "<script>",
    "javascript:", "\n",
]  # fmt: skip
# Controls, non-characters and the like: YAML refuses them raw, so they are rarer than the rest.
BAD_CHARS = ["\x01", "\x0b", "\x0c", "\x1b", "\x7f", "\x9f", "\ufffe", "\uffff", "\r"]
ODD_TEXT = st.lists(
    st.one_of(
        st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Cn"]),
        st.sampled_from(ODD_CHARS),
        st.sampled_from(ODD_CHARS),
    ),
    max_size=20,
).map("".join)
RARE_BAD_TEXT = st.tuples(ODD_TEXT, st.sampled_from(BAD_CHARS), ODD_TEXT).map("".join)


def double_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def flow(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


SCALAR_TEXTS = [
    "1001", "2002", "2003", "3002", "0", "-1", "999999999", "1000000000", "0x7d1", "0o17", "0b101", "1_000",
    "1:30:00", "0x" + "f" * 400, "9" * 5000, "1e400", "-.inf", ".nan", "3.14", "true", "false", "yes", "no",
    "on", "null", "~", "", "2026-10-01", "2026-02-30", "0000-01-01", "2026-13-01", "2026-10-01T25:00:00",
    "2001-12-14t21:59:43.10-05:00", "my-account", "keys-and-locking", "mini-assist", "nobody",
    '"\\ud800"', '"\\x00"', '"\\x01 \\x7f \\u2028"', '"\\U0010FFFF"', '"\\U00110000"', '"\\N\\_\\L\\P"',
    "'single ''quoted'''", '"unclosed', "'unclosed", "[unclosed", "{unclosed: 1", "a: b: c", "- x",
    "|\n  block\n  text", ">-\n  folded\n  text", "&anchor value", "*undefined", "*anchor",
    "!!python/object/apply:os.system ['touch " + str(SENTINEL) + "']",
    "!!python/object/new:os.system ['touch " + str(SENTINEL) + "']",
    "!!python/name:os.system ''", "!!python/module:os ''", "!!python/tuple [1, 2]",
    "!<tag:yaml.org,2002:python/object/apply:os.system> ['touch " + str(SENTINEL) + "']",
    "!!binary aGVsbG8=", "!!binary '!!!'", "!!set {a, b}", "!!omap [a: 1, b: 2]", "!!pairs [a: 1]",
    "!!str 12", "!!int abc", "!!float x", "!!bool maybe", "!!timestamp nope", "!!null x", "!custom x",
    "!!map [1]", "!!seq {a: 1}", "? complex\n  : key", "'" + "a" * 3000 + "'", "a" * 20000,
]  # fmt: skip
SCALARS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(SCALAR_TEXTS),
    ODD_TEXT.map(double_quoted),
    ODD_TEXT.map(single_quoted),
    ODD_TEXT,
)
KEYS = st.one_of(
    st.sampled_from(sorted(catalogue.KNOWN_KEYS)),
    st.sampled_from(["<<", "? [a, b]", "1", "true", "null", '"\\ud800"', "'a\nb'", "2026-01-01", "[x]", "{a: 1}"]),
    ODD_TEXT.map(double_quoted),
)
# Any YAML value: scalars of every kind, flow and block collections, nested.
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=6).map(flow),
        st.lists(st.tuples(KEYS, inner), max_size=4).map(lambda kv: "{" + ", ".join(f"{k}: {v}" for k, v in kv) + "}"),
        st.lists(SCALARS, max_size=5).map(lambda vs: "".join(f"\n  - {v}" for v in vs)),
    ),
    max_leaves=12,
)
# Values a writer could well mean, odd Unicode included: these reach the content checks.
GOOD_VALUES = {
    "title": st.one_of(ODD_TEXT.map(lambda s: "Q" + s).map(double_quoted), st.just("'Odd «\u00a0guillemets\u00a0» ?'")),
    "tags": st.lists(ODD_TEXT.map(lambda s: "Q" + s).map(double_quoted), max_size=4).map(flow),
    "related": st.sampled_from(["[2002]", "[2003, 3002]", "[]", "3002", "\n  - 2002"]),
    "updated": st.sampled_from(["2026-01-31", "2099-12-31", "2026-10-01T10:00:00Z", "'2026-10-01'", "null"]),
    "contact": st.sampled_from(["mini-assist", "mini-financial-services", "null"]),
    "untranslated": st.sampled_from(["true", "false"]),
    "translation_of": st.sampled_from(["abcdef123456", "''"]),
}


def billion_laughs(levels: int) -> str:
    lines = ["lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"lol{i}: &lol{i} " + flow([f"*lol{i - 1}"] * 9) for i in range(1, levels + 1)]
    return "\n".join(lines)


def merge_bomb(levels: int) -> str:
    lines = ["m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}"]
    lines += [f"m{i}: &m{i} {{<<: {flow([f'*m{i - 1}'] * 10)}}}" for i in range(1, levels + 1)]
    return "\n".join(lines)


SPECIAL_FRONT_MATTER = st.sampled_from(
    [
        billion_laughs(9),
        billion_laughs(9) + "\nid: *lol9\ntitle: *lol9\ncategory: my-account\nupdated: *lol9\ntags: *lol9",
        merge_bomb(7),
        "a: &a [*a]",
        "a: &a {b: *a}",
        "a: &a {<<: *a}",
        "x: &x {title: Merged?}\n<<: *x",
        "id: " + "[" * 5000 + "]" * 5000,
        "id: " + "{a: " * 2000,
        "related: " + flow(["2002"] * 10_000),
        "related: " + flow(["2002"] * 60),
        "tags: " + flow(["t"] * 25),
        "title: " + "long " * 30,
        "%YAML 1.1\n--- !!python/object/apply:os.system ['touch " + str(SENTINEL) + "']",
        "%TAG !p! tag:yaml.org,2002:python/object/apply:\n--- !p!os.system ['touch " + str(SENTINEL) + "']",
        "id: 2003\nid: 2004",
        "&a id: 1",
        "? id\n: 2003",
        "id: 2003\n  title: indented",
        "\tid: 2003",
        "id: 2003 # comment\n# only a comment",
        "--- extra document\nid: 1",
        "...",
        "- a list\n- not a mapping",
        "just a string",
        "",
    ]
)


@st.composite
def front_matter(draw, target: str) -> str:
    """The target's own front matter, with some fields odd, wrong, missing or added."""
    meta = frontmatter.parse(target, (BASE / target).read_text(encoding="utf-8"))[0].meta
    fields = {key: str(meta[key]) for key in ("id", "title", "category")}
    fields["title"] = double_quoted(fields["title"])
    for key in draw(st.lists(st.sampled_from(sorted(GOOD_VALUES)), max_size=3)):
        fields[key] = draw(GOOD_VALUES[key])
    if draw(st.integers(0, 3)) == 0:  # a field of any shape
        fields[draw(KEYS)] = draw(VALUES)
    if draw(st.integers(0, 7)) == 0:
        fields.pop(draw(st.sampled_from(["id", "title", "category"])), None)
    lines = [f"{key}: {value}" for key, value in fields.items()]
    if draw(st.integers(0, 7)) == 0:
        lines.insert(draw(st.integers(0, len(lines))), draw(SPECIAL_FRONT_MATTER))
    if draw(st.integers(0, 15)) == 0:
        lines.insert(draw(st.integers(0, len(lines))), "odd: " + draw(RARE_BAD_TEXT.map(double_quoted)))
    return "\n".join(lines)


MARKDOWN_TEXTS = [
    "", "# Heading", "## Heading {#custom-id}", "# " + "{#a " * 50, "```", "```python", "~~~", "````",
    "    indented code", "1. Step", "2) Step", "- item", "**Bold** and __bold__", "[link](access.md)",
    "[link](missing.md)", "[link](access.md#nowhere)", "[anchor](#heading)", "[abs](/my-account/x.md)",
    "[ext](https://example.com/a_(b))", "[mail](mailto:a@b.c)", "![img](pic.png)", "[x](<spaced link.md>)",
    '[t](access.md "title")', "](" * 100, "<" * 300, "<a href=x onclick=alert(1)>", "<script>x</script>",
    "<iframe src=x>", "<object>", "<IMG SRC=x OnError=y>", "[js](javascript:alert(1))", "vbscript:x",
    "[[contact mini-assist]]", "[[contact nobody]]", "[[contact ]]", "Question ? Réponse : oui ; non !",
    "« guillemets »", "`code` and `unclosed", "---", "***", "| a | b |\n|---|---|\n| 1 | 2 |",
    "\n" * 50, " " * 500, "{" * 300, "```a\n" * 50, "<!-- comment", "&nbsp; &#0; &#x110000;",
    "\x02wzxhzdk:0\x03", "$$", "\\", "*" * 300, "_" * 300, "#" * 300, "> quote", "<div markdown>x</div>",
]  # fmt: skip
MARKDOWN_LINES = st.one_of(ODD_TEXT, st.sampled_from(MARKDOWN_TEXTS))


@st.composite
def article_bytes(draw, target: str) -> bytes:
    """A whole article file: front matter and Markdown, then broken at the byte level if drawn."""
    kind = draw(st.integers(0, 19))
    if kind == 0:
        return draw(st.binary(max_size=300))
    body = "\n".join(["The answer.", *draw(st.lists(MARKDOWN_LINES, max_size=10))][draw(st.integers(0, 4)) == 0 :])
    if kind == 1:  # no front matter at all
        text = body
    else:
        closing = "" if kind == 2 else draw(st.sampled_from(["---\n", "--- \n", "---\t\n", "---"]))
        text = "---\n" + draw(front_matter(target)) + "\n" + closing + "\n" + body + "\n"
    text = text.replace("\n", draw(st.sampled_from(["\n", "\n", "\r\n", "\r"])))
    if draw(st.integers(0, 5)) == 0:
        text = "\ufeff" + text
    raw = text.encode("utf-8")
    damage = draw(st.integers(0, 11))
    if damage in (1, 2):
        at = draw(st.integers(0, len(raw)))
        junk = draw(st.sampled_from([b"\x00", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xef\xbb\xbf", b"\xfe\xff"]))
        raw = raw[:at] + junk + raw[at:]
    elif damage == 3:
        raw = raw[: draw(st.integers(0, len(raw)))]  # cut anywhere, even inside a UTF-8 sequence
    return raw


TARGETS_AND_BYTES = st.sampled_from(ARTICLES).flatmap(lambda target: st.tuples(st.just(target), article_bytes(target)))
