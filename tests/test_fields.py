"""The front matter's fields, declared once (``helpcentre.content.fields.FIELDS``): a row added to the table is
read, checked and written by ``make new`` with no other code touched; each row's message, word for word, at
its key's line; the ``Article`` type and README's table of fields follow the table."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from helpcentre.content import article, fields

README = Path(__file__).resolve().parents[1] / "README.md"
PATH = "my-account/x.md"
AUDIENCE = fields.Field(
    "audience",
    str | None,
    lambda value: value if value in ("drivers", "owners") else fields.Refused(),
    "audience must be drivers or owners, not '{value}'",
    "who the answer is for",
    new=lambda draft: "drivers",
)
WITH_AUDIENCE = (*fields.FIELDS, AUDIENCE)


def _read(front: str, table: tuple[fields.Field, ...] = fields.FIELDS):
    raw = f"---\nid: 2010\ntitle: Who?\ncategory: my-account\n{front}\n---\n\nThe answer.\n".encode()
    found, problems = article.read_article("en", PATH, raw, fields=table)
    return found, [str(p) for p in problems]


def test_a_row_added_to_the_table_is_read_checked_and_written_by_make_new():
    found, problems = _read("audience: owners", WITH_AUDIENCE)
    assert problems == [] and found.audience == "owners" and found.title == "Who?"
    assert _read("tags: [a]", WITH_AUDIENCE)[0].audience is None  # absent: the row's default
    found, problems = _read("audience: [everyone]", WITH_AUDIENCE)
    assert found is None
    assert problems == [f"docs/en/{PATH}:5: error: audience must be drivers or owners, not '['everyone']'"]
    draft = fields.Draft(2010, "Who?", "my-account", dt.date(2026, 1, 2))
    assert fields.front_matter(draft, WITH_AUDIENCE).endswith("updated: 2026-01-02\naudience: drivers\n---\n\n")
    # The table in use is untouched: there, the key is unknown and ignored.
    found, problems = _read("audience: owners")
    assert not hasattr(found, "audience") and "unknown front-matter key 'audience' is ignored" in problems[0]


# A wrong value for each field and the message it gets, word for word: the table must not change what writers see.
WRONG = {
    "id": ("id: 12abc", "id must be a whole number such as 1001, not '12abc'"),
    "title": ("title: [a]", "title must be the question, as text on one line"),
    "category": ("category: [a]", "category must be a category key such as my-account"),
    "tags": ("tags: {a: 1}", "tags must be a list of words, like [refund, payment]"),
    "aliases": ("aliases: [[a]]", "aliases must be a list of old addresses, like [old/refund.html]"),
    "related": ("related: [a]", "related must be a list of article ids, like [2002, 2003]"),
    "applies_to": ("applies_to: {os9: 1}", "applies_to must be a list of values from data/vehicles.yml, like [os9]"),
    "counterpart": ("counterpart: [a]", "counterpart must be a list of article ids, like [4003]"),
    "contact": ("contact: 12", "contact must be a contact key such as mini-assist"),
    "updated": ("updated: soon", "updated must be a date like 2026-10-06, not 'soon'"),
    "reviewed": ("reviewed: last spring", "reviewed must be a date like 2026-10-06, not 'last spring'"),
    "owner": ("owner: ' '", "owner must be a name or a team, such as Claire Dubois"),
    "translation_of": ("translation_of: [a]", "translation_of must be the hash written by 'make translations'"),
    "untranslated": ("untranslated: null", "untranslated must be true or false"),
}


def test_every_field_has_its_wrong_value_here():
    assert list(WRONG) == [f.key for f in fields.FIELDS]


@pytest.mark.parametrize("key", WRONG)
def test_a_wrong_value_gets_its_fields_message_at_its_line(key):
    line, message = WRONG[key]
    raw = "---\nid: 2010\ntitle: Who?\ncategory: my-account\n---\n\nThe answer.\n".replace(f"{key}:", "#:")
    raw = raw.replace("---\n\n", f"{line}\n---\n\n").encode()
    found, problems = article.read_article("en", PATH, raw)
    assert found is None and [str(p) for p in problems] == [f"docs/en/{PATH}:5: error: {message}"]


def test_limits_missing_and_unknown_keys_are_named_as_before():
    many = "[" + ", ".join(["t"] * 21) + "]"
    assert _read(f"tags: {many}")[1] == [f"docs/en/{PATH}:5: error: tags has 21 items; keep it to 20 at most"]
    assert _read("title2: x\ntags: [a, 3]")[1] == [
        f"docs/en/{PATH}:5: warning: unknown front-matter key 'title2' is ignored; known keys: aliases, "
        "applies_to, category, contact, counterpart, id, owner, related, reviewed, tags, title, translation_of, "
        "untranslated, updated"
    ]
    raw = b"---\ntitle: Who?\ncategory: my-account\n---\n\nThe answer.\n"
    assert [str(p) for p in article.read_article("en", PATH, raw)[1]] == [
        f"docs/en/{PATH}:1: error: front matter has no 'id'; every article needs id, title and category"
    ]


def test_absent_fields_read_as_their_defaults():
    found, problems = _read("# nothing else")
    assert problems == [] and (found.id, found.title, found.category) == (2010, "Who?", "my-account")
    assert (found.tags, found.aliases, found.related) == ((), (), ())
    assert (found.contact, found.updated, found.reviewed, found.owner, found.translation_of) == (None,) * 5
    assert found.untranslated is False


def test_the_article_type_has_one_attribute_per_row_with_its_default():
    attributes = {f.name: f for f in dataclasses.fields(article.Article)}
    for row in fields.FIELDS:
        default = attributes[row.key].default
        assert default is dataclasses.MISSING if row.required else default == row.default, row.key
    assert set(attributes) - fields.KNOWN_KEYS == {name for name, *_ in article.FILE}
    assert article.KNOWN_KEYS == fields.KNOWN_KEYS == {f.key for f in fields.FIELDS}


def test_a_row_named_like_an_article_attribute_is_refused():
    body = dataclasses.replace(AUDIENCE, key="body")
    with pytest.raises(ValueError, match="front-matter key body is already an Article attribute"):
        article.article_type((*fields.FIELDS, body))


def test_make_new_writes_the_marked_fields_in_table_order():
    draft = fields.Draft(3003, 'Say "hi"?', "keys-and-locking", dt.date(2026, 1, 2))
    assert fields.front_matter(draft) == (
        '---\nid: 3003\ntitle: "Say \\"hi\\"?"\ncategory: keys-and-locking\nupdated: 2026-01-02\n---\n\n'
    )


def readme_table(table: tuple[fields.Field, ...]) -> str:
    rows = ["| field | required | `make new` writes it | what it holds |", "|---|---|---|---|"]
    rows += [f"| `{f.key}` | {'yes' * f.required} | {'yes' * bool(f.new)} | {f.about} |" for f in table]
    return "\n".join(rows) + "\n"


def test_readme_lists_the_fields_of_the_table():
    table = readme_table(fields.FIELDS)
    assert table in README.read_text(encoding="utf-8"), "README's table of fields is out of date; it is:\n" + table
