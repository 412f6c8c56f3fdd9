"""Hostile front matter refused at its line, within limits: size, length, nesting, aliases, tags, odd values.

Each case is one English article read by the catalogue (``catalogue.read_article``) within two seconds; the
answer is exactly one error naming the line, or (BOM, CRLF, odd Unicode) none.
"""

from __future__ import annotations

import pytest

from helpcentre.content import catalogue, frontmatter
from helpcentre.core.problems import Problem, errors_in

from hostile import BASE_FRONT, article, billion_laughs, flow, merge_bomb, time_limit


def read(raw: bytes, rel_path: str = "my-account/forgot-password.md") -> list[Problem]:
    """Problems of one English article, within 2 seconds."""
    with time_limit(2):
        return catalogue.read_article("en", rel_path, raw)[1]


def one_error(problems: list[Problem]) -> Problem:
    errors = errors_in(problems)
    assert len(errors) == 1, problems
    return errors[0]


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
        (BASE_FRONT + "\nuntranslated: !!bool maybe", 5, "has a !!bool value that is not one; remove the tag"),
        (BASE_FRONT + "\nupdated: !!timestamp nope", 5, "has a !!timestamp value that is not one; remove the tag"),
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
