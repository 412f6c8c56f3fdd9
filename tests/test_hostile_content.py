"""Hostile content: whatever bytes an article holds, the only outcomes are a catalogue or ``path:line`` problems.

A property-based test (Hypothesis, with the strategies of ``hostile``) feeds the catalogue loader and the
content checks random front matter and Markdown. Whatever the input, loading never raises, never hangs,
and every problem is one line ``path:line: error|warning: message`` naming a real file and a line inside
it; content either yields a catalogue or at least one error. ``make check`` prints such lines and never a
traceback, and the checks take linear time on Markdown built to make a backtracking regex crawl.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings

from helpcentre.checks import rules
from helpcentre.content import catalogue
from helpcentre.core.problems import ERROR, WARNING, Problem, errors_in
from helpcentre.core.strings import load_strings

from conftest import BASE, new_site, run_cli
from hostile import ARTICLES, SENTINEL, TARGETS_AND_BYTES, time_limit

PROBLEM_LINE = re.compile(r"(?P<path>[^\s:][^:\n]*):(?P<line>[1-9][0-9]*): (?:error|warning): [^\n\r]+")

HOSTILE = settings(
    derandomize=True,  # the same examples on every run and in CI
    database=None,
    deadline=2000,  # ms per example: a hang (quadratic regex, alias bomb) fails instead of stalling CI
    max_examples=250,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


# -- a small project, assembled once; each example rewrites one article --------------------------------
@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return new_site(tmp_path_factory.mktemp("hostile") / "project", build=False).root


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
        assert_well_formed(root, rules.run(root, "docs", cat).problems + load_strings(root)[1])
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


# Bodies on which a backtracking regular expression would take time quadratic (or worse) in their length.
# At 50 kB the linear checks take milliseconds; the limit below only catches a hang, it times nothing.
PATHOLOGICAL_BODIES = {
    "heading-attributes": "# " + "{#a " * 12_500,
    "link-openings": "](" * 25_000,
    "blank-lines": "x" + "\n" * 50_000 + "x",
    "tag-openings": "<" * 50_000,
    "unclosed-fences": "```a\n" * 10_000,
}


@pytest.mark.parametrize("body", PATHOLOGICAL_BODIES.values(), ids=PATHOLOGICAL_BODIES.keys())
def test_content_checks_take_linear_time_on_hostile_markdown(fresh, body):
    target = "docs/fr/my-account/forgot-password.md"
    root = fresh(target, (BASE / target).read_bytes() + body.encode())
    with time_limit(2):
        cat, problems = catalogue.load(root)
        assert cat is not None, problems
        problems += rules.run(root, "docs", cat).problems
    assert_well_formed(root, problems)
