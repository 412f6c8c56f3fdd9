"""Hostile and broken content: the only outcomes are a clean build or ``path:line`` problems.

A property-based test (Hypothesis) feeds the catalogue loader and the content checks random front matter
and Markdown: odd Unicode, huge values, wrong types, YAML anchors, aliases, tags (Python object tags and
alias bombs included), NUL bytes, BOMs, CRLF, invalid UTF-8 and unclosed front matter. Whatever the input,
loading never raises, never hangs, and every problem is one line ``path:line: error|warning: message``
naming a real file and a line inside it; content either yields a catalogue or at least one error.
A few end-to-end builds show the same for the real build: messages, no traceback, no ``site/``.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from helpcentre import catalogue, checks, frontmatter
from helpcentre.problems import ERROR, WARNING, Problem, errors_in
from helpcentre.strings import load_strings

from conftest import SITES, assemble, build, run_cli

ARTICLES = (
    "docs/en/my-account/forgot-password.md",
    "docs/en/my-account/access.md",
    "docs/en/keys-and-locking/key-battery.md",
    "docs/fr/my-account/forgot-password.md",
    "docs/fr/my-account/access.md",
    "docs/fr/keys-and-locking/key-battery.md",
)
BASE = SITES / "_base"
PROBLEM_LINE = re.compile(r"(?P<path>[^\s:][^:\n]*):(?P<line>[1-9][0-9]*): (?:error|warning): [^\n\r]+")
# The file the generated Python object tags would create if YAML ever ran them; it must never exist.
SENTINEL = Path(tempfile.gettempdir()) / f"hc-hostile-pwned-{os.getpid()}"

HOSTILE = settings(
    derandomize=True,  # the same examples on every run and in CI
    database=None,
    deadline=2000,  # ms per example: a hang (quadratic regex, alias bomb) fails instead of stalling CI
    max_examples=250,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


# -- a small project, assembled once --------------------------------------------------------------------
@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return assemble(tmp_path_factory.mktemp("hostile") / "project")


@pytest.fixture
def fresh(project):
    """Writes one article of the module's project; every other article is as it was (also between examples)."""
    originals = {rel: (project / rel).read_bytes() for rel in ARTICLES}

    def write(target: str, raw: bytes) -> Path:
        for rel, original in originals.items():
            (project / rel).write_bytes(raw if rel == target else original)
        return project

    yield write
    write("", b"")


def n_lines(raw: bytes) -> int:
    """Lines as an editor counts them once CRLF and CR are folded."""
    return raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1


def assert_well_formed(root: Path, problems: list[Problem]) -> None:
    for problem in problems:
        assert isinstance(problem, Problem), problem
        assert problem.severity in (ERROR, WARNING), problem
        text = str(problem)
        match = PROBLEM_LINE.fullmatch(text)
        assert match, f"not a one-line 'path:line: severity: message': {text!r}"
        path = root / problem.path
        assert path.is_file(), f"{problem.path} is not a file of the project: {text!r}"
        assert 1 <= problem.line <= n_lines(path.read_bytes()), f"line out of the file: {text!r}"


# -- strategies -------------------------------------------------------------------------------------------
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


# -- the properties ---------------------------------------------------------------------------------------
@HOSTILE
@given(TARGETS_AND_BYTES)
def test_any_article_yields_a_catalogue_or_path_line_errors(fresh, target_and_bytes):
    root = fresh(*target_and_bytes)
    cat, problems = catalogue.load(root)
    assert_well_formed(root, problems)
    # Either a catalogue or at least one error; never both, never neither.
    assert (cat is None) == bool(errors_in(problems)), problems
    first = errors_in(problems)[0].message if cat is None else "a catalogue"
    # What the examples reach, shown by pytest --hypothesis-show-statistics.
    event(re.sub(r"[\d,]+|'[^']*'|\(.*", "", first.split(";")[0])[:50])
    if cat is not None:  # then what `make check` does next
        assert all(isinstance(a.title, str) and a.title.strip() for a in cat.articles.values())
        assert_well_formed(root, checks.run(root, "docs", cat) + load_strings(root)[1])
    assert not SENTINEL.exists()


@settings(HOSTILE, max_examples=8, deadline=None)  # each example starts a Python process
@given(TARGETS_AND_BYTES)
def test_make_check_prints_problems_and_never_a_traceback(fresh, target_and_bytes):
    result = run_cli(fresh(*target_and_bytes), "check")
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.stderr == "", output
    *lines, summary = result.stdout.rstrip("\n").split("\n")
    counts = re.fullmatch(r"(\d+) errors?, (\d+) warnings?", summary)
    assert counts, output
    assert result.returncode == (1 if int(counts[1]) else 0), output
    for line in lines:
        assert PROBLEM_LINE.fullmatch(line), f"not a 'path:line: severity: message' line: {line!r}"


# -- explicit limits --------------------------------------------------------------------------------------
def read(raw: bytes, rel_path: str = "my-account/forgot-password.md") -> list[Problem]:
    """Problems of one English article, within 2 seconds."""
    with time_limit(2):
        return catalogue.read_article("en", rel_path, raw)[1]


def one_error(problems: list[Problem]) -> Problem:
    errors = errors_in(problems)
    assert len(errors) == 1, problems
    return errors[0]


def article(front: str, body: str = "The answer.\n") -> bytes:
    return f"---\n{front}\n---\n\n{body}".encode()


BASE_FRONT = "id: 2003\ntitle: A question?\ncategory: my-account"


def test_a_front_matter_of_one_megabyte_is_refused_quickly():
    problem = one_error(read(article(BASE_FRONT + "\ntitle2: " + "a" * 1_048_576)))
    assert problem.line == 1
    assert "1,000,000" in problem.message  # the file itself is over the limit
    problem = one_error(read(article(BASE_FRONT + "\nnotes: " + "a" * 900_000)))
    assert "front matter is larger than 16,384 bytes" in problem.message
    assert problem.line == 5  # the field that makes it too large
    assert "'notes'" in problem.message


def test_a_related_list_of_ten_thousand_items_is_refused():
    block = "\n".join(f"  - {2000 + i}" for i in range(10_000))
    for related in (flow([str(2000 + i) for i in range(10_000)]), "\n" + block):
        problem = one_error(read(article(BASE_FRONT + "\nrelated: " + related)))
        assert "front matter is larger than 16,384 bytes" in problem.message
        assert "'related'" in problem.message and problem.line == 5
    # Under the size limit, the catalogue's own limit names the key.
    problem = one_error(read(article(BASE_FRONT + "\nrelated: " + flow(["2002"] * 51))))
    assert problem.message == "related lists 51 ids; pin 50 at most" and problem.line == 5


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['touch {sentinel}']",
        "!!python/object/new:os.system ['touch {sentinel}']",
        "!!python/object/apply:subprocess.check_call [['touch', '{sentinel}']]",
        "!!python/object/apply:pathlib.Path.touch [!!python/object/apply:pathlib.Path ['{sentinel}']]",
        "!<tag:yaml.org,2002:python/object/apply:os.system> ['touch {sentinel}']",
        "!!python/name:os.system ''",
        "!!python/module:os ''",
    ],
)
def test_python_object_tags_are_refused_and_never_run(tmp_path, tagged):
    sentinel = tmp_path / "pwned"
    value = tagged.format(sentinel=sentinel)
    for front in (f"{BASE_FRONT}\ntags: {value}", f"{BASE_FRONT}\ntags: [ok, {value}]", f"{value}: x\n{BASE_FRONT}"):
        problem = one_error(read(article(front)))
        assert "front matter is not valid YAML" in problem.message, problem
        assert "could not determine a constructor" in problem.message, problem
        assert problem.line == (2 if front.startswith("!") else 5)
    directive = f"%TAG !p! tag:yaml.org,2002:python/object/apply:\n--- !p!os.system ['touch {sentinel}']"
    assert "not valid YAML" in one_error(read(article(directive))).message
    assert not sentinel.exists()


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        (billion_laughs(9) + "\nid: *lol9", 7, "expands to more than 100,000 values through aliases"),
        (merge_bomb(7) + "\n" + BASE_FRONT, 6, "expands to more than 100,000 values through aliases"),
        ("related: &r [2002, *r]\n" + BASE_FRONT, 2, "has an alias inside the value it refers to"),
        ("id: " + "[" * 5000 + "]" * 5000, 2, "is nested more than 50 levels deep"),
        (BASE_FRONT + "\nrelated: [0x" + "f" * 5000 + "]", 5, "has a number longer than 100 characters"),
        (BASE_FRONT + '\ntags: ["\\ud800"]', 5, "has an escape (\\u...) that is not a character; remove it"),
        (BASE_FRONT + "\ntags: [a\x0bb]", 5, "contains the character U+000B, which YAML does not allow"),
        (BASE_FRONT + "\nupdated: 2026-02-30", 5, "not valid YAML (day is out of range for month)"),
        ('title: "a\u2028b\u2029c\x85d"\n' + BASE_FRONT + "\nupdated: 2026-02-30", 6, "day is out of range"),
    ],
)
def test_alias_bombs_loops_and_odd_values_are_refused_at_their_line(front, line, message):
    problem = one_error(read(article(front)))
    assert message in problem.message
    assert problem.line == line


def test_bom_crlf_and_odd_unicode_are_accepted():
    text = (
        '---\r\nid: 2003\r\ntitle: "Pourquoi\u00a0? \U0001f697 \u202eabc"\r\n'
        "category: my-account\r\n---\r\n\r\nOui.\r\n"
    )
    article_, problems = catalogue.read_article("fr", "my-account/forgot-password.md", b"\xef\xbb\xbf" + text.encode())
    assert problems == [] and article_ is not None
    assert article_.title == "Pourquoi\u00a0? \U0001f697 \u202eabc" and article_.lines["category"] == 4


def test_decode_errors_count_lines_as_editors_do():
    # Old Mac (CR) and Windows (CRLF) line ends count as one line each.
    assert frontmatter.decode("x.md", b"a\rb\rc\x00")[1][0].line == 3
    assert frontmatter.decode("x.md", b"a\r\nb\r\n\xff")[1][0].line == 3


def test_an_empty_answer_is_reported_on_a_line_of_the_file():
    problem = one_error(read(b"---\nid: 2003\ntitle: A question?\ncategory: my-account\n---"))
    assert "the answer is empty" in problem.message and problem.line == 5


# Bodies on which a backtracking regular expression would take time quadratic (or worse) in their length.
# At 50 kB the linear checks take milliseconds; the limit below only catches a hang, it times nothing.
PATHOLOGICAL_BODIES = {
    "heading-attributes": "# " + "{#a " * 12_500,
    "link-openings": "](" * 25_000,
    "blank-lines": "x" + "\n" * 50_000 + "x",
    "tag-openings": "<" * 50_000,
    "unclosed-fences": "```a\n" * 10_000,
}


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


@pytest.mark.parametrize("body", PATHOLOGICAL_BODIES.values(), ids=PATHOLOGICAL_BODIES.keys())
def test_content_checks_take_linear_time_on_hostile_markdown(fresh, body):
    target = "docs/fr/my-account/forgot-password.md"
    root = fresh(target, (BASE / target).read_bytes() + body.encode())
    with time_limit(2):
        cat, problems = catalogue.load(root)
        assert cat is not None, problems
        problems += checks.run(root, "docs", cat)
    assert_well_formed(root, problems)


# -- end to end: the real build ---------------------------------------------------------------------------
def hostile_project(tmp_path: Path, files: dict[str, bytes]) -> Path:
    root = assemble(tmp_path / "project")
    for rel, raw in files.items():
        (root / rel).write_bytes(raw)
    return root


def assert_failed_cleanly(root: Path, built, expected: list[str]) -> None:
    assert not built.ok, built.output
    assert "Traceback" not in built.output, built.output
    for text in expected:
        assert text in built.output, built.output
    assert not (root / "site").exists()
    assert not [p for p in root.iterdir() if p.name.startswith(".site-")]


def test_build_refuses_bombs_and_tags_with_path_line_messages(tmp_path):
    sentinel = tmp_path / "pwned"
    root = hostile_project(
        tmp_path,
        {
            ARTICLES[0]: article(billion_laughs(9) + "\n" + BASE_FRONT + "\ntags: *lol9"),
            ARTICLES[3]: article(f"{BASE_FRONT}\ntags: !!python/object/apply:os.system ['touch {sentinel}']"),
        },
    )
    built = build(root, root / "site")
    assert_failed_cleanly(
        root,
        built,
        [
            f"{ARTICLES[0]}:7: error: front matter expands to more than 100,000 values",
            f"{ARTICLES[3]}:5: error: front matter is not valid YAML",
        ],
    )
    assert not sentinel.exists()


def test_build_refuses_broken_bytes_with_path_line_messages(tmp_path):
    root = hostile_project(
        tmp_path,
        {
            ARTICLES[1]: article(BASE_FRONT.replace("2003", "2002"), "Line one.\r\nLine two \xff.\n").replace(
                b"\xc3\xbf", b"\xff"
            ),
            ARTICLES[4]: article(BASE_FRONT.replace("2003", "2002"), "Nul\n\x00\n"),
            ARTICLES[2]: b"---\nid: 3002\ntitle: Never closed\ncategory: keys-and-locking\n\nAnswer.\n",
        },
    )
    built = build(root, root / "site")
    assert_failed_cleanly(
        root,
        built,
        [
            f"{ARTICLES[1]}:8: error: file is not valid UTF-8",
            f"{ARTICLES[4]}:8: error: file contains a NUL byte",
            f"{ARTICLES[2]}:1: error: front matter opened with '---' is never closed",
        ],
    )


def test_build_refuses_a_huge_front_matter_quickly(tmp_path):
    root = hostile_project(tmp_path, {ARTICLES[0]: article(BASE_FRONT + "\nrelated: " + flow(["2002"] * 10_000))})
    start = time.monotonic()
    built = build(root, root / "site")
    assert time.monotonic() - start < 60
    assert_failed_cleanly(root, built, [f"{ARTICLES[0]}:5: error: front matter is larger than 16,384 bytes"])


def test_build_accepts_bom_crlf_and_odd_unicode(tmp_path):
    odd = "Press \u2028and hold \U0001f697 \u202eRTL\u202c, é\u0301, ﬁ, 名前, \u200b."
    en = ("\ufeff---\r\nid: 3002\r\ntitle: 'How do I replace the key battery? \U0001f511'\r\n"
          "category: keys-and-locking\r\ntags: [battery, \"\u00e9\u0301\"]\r\n---\r\n\r\n" + odd + "\r\n")  # fmt: skip
    root = hostile_project(tmp_path, {ARTICLES[2]: en.encode()})
    built = build(root, root / "site")
    assert built.ok, built.output
    assert "Traceback" not in built.output
    page = (root / "site" / "keys-and-locking" / "key-battery.html").read_text(encoding="utf-8")
    assert "\U0001f697" in page and "名前" in page
    shutil.rmtree(root / "site")
