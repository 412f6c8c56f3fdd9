"""A synthetic bilingual help centre of N articles per language, generated in memory.

Reads the vocabulary of ``benchmarks/vocabulary.py`` (from ``benchmarks/data/``). Produces a ``Corpus``:
its 12 categories and N ``ArticleSpec`` values, deterministic for a given size and seed: ~300-word answers
with headings that carry explicit ids, numbered steps with bold labels, French with accents and French
typography (U+202F before ? ! ;, U+00A0 before : and inside « »), some ``related`` pins, ``contact`` keys,
``[[contact ...]]`` markers and links between articles; and each article's Markdown file in either language,
the French twin with its translation record (``translation_of``). ``benchmarks/projects.py`` writes them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import json
import random
import re
import unicodedata
from dataclasses import dataclass, replace

from .vocabulary import (
    ACTIONS,
    CATEGORIES,
    CLOSING,
    CONTACT_KEYS,
    CONTACT_MARKER,
    CONTEXTS,
    HEADINGS,
    LABELS,
    LANGUAGES,
    LEADS,
    SEE_ALSO,
    SENTENCES,
    STEPS,
    SUBJECTS,
    TAGS,
    TITLES,
    CategorySpec,
    Pair,
)

NNBSP = "\u202f"  # before ? ! ;
# With screenshots: one after each of the first two steps, in a folder named like the article: the first of each
# language's own interface, the second a screen without words that the French article takes from the English tree.
SHOTS = ("step-1.png", "step-2.wordless.png")
SHOT_ALT = Pair("The {l} screen of step {n}: choose {l} to go on", "L'écran {l} de l'étape {n}\u00a0: choisissez {l}")
SEED = 10
MIN_WORDS = 280


@dataclass(frozen=True)
class Head:
    """An article before its answer is written: what links and pins to it need."""

    id: int
    category: str
    slug: str
    title: Pair
    action: Pair
    subject: Pair


@dataclass(frozen=True)
class ArticleSpec:
    id: int
    category: str
    slug: str
    title: Pair
    body: Pair
    tags: tuple[Pair, ...]
    related: tuple[int, ...]
    contact: str | None
    updated: dt.date
    views: int | None
    shots: tuple[str, ...] = ()  # the screenshots' files, in the folder named like the article

    def shot_files(self, lang: str) -> list[str]:
        """The screenshots ``lang``'s tree holds for this article (wordless ones: the first language's only)."""
        keep = lang == LANGUAGES[0]
        return [f"{self.category}/{self.slug}/{name}" for name in self.shots if keep or ".wordless." not in name]

    @property
    def rel_path(self) -> str:
        return f"{self.category}/{self.slug}.md"

    def words(self, lang: str) -> int:
        return len(re.findall(r"\w+", self.body.get(lang)))


@dataclass(frozen=True)
class Corpus:
    size: int
    seed: int
    categories: tuple[CategorySpec, ...]
    articles: tuple[ArticleSpec, ...]

    def typical(self) -> ArticleSpec:
        """The article whose page the benchmark weighs: the middle one, no special case."""
        plain = [a for a in self.articles if not a.related and a.contact is None] or list(self.articles)
        return plain[len(plain) // 2]


# -- generation ----------------------------------------------------------------------------------------------


def generate(size: int, seed: int = SEED, screenshots: bool = False) -> Corpus:
    """``size`` articles per language, the same for the same size and seed; with ``screenshots``, the same
    articles with two screenshots each (``SHOTS``), nothing else changed."""
    rng = random.Random(f"{seed}-{size}")
    combos = list(
        itertools.product(range(len(TITLES)), range(len(ACTIONS)), range(len(SUBJECTS)), range(len(CONTEXTS)))
    )
    rng.shuffle(combos)
    heads = _number_by_category([_head(combos[n % len(combos)], n // len(combos)) for n in range(size)])
    by_category: dict[str, list[int]] = {}
    for head in heads:
        by_category.setdefault(head.category, []).append(head.id)
    ranks = list(range(size))
    rng.shuffle(ranks)
    articles = tuple(
        _article(rng, head, heads, by_category[head.category], ranks[i], screenshots) for i, head in enumerate(heads)
    )
    return Corpus(size=size, seed=seed, categories=CATEGORIES, articles=articles)


def alt_texts_only(corpus: Corpus) -> Corpus:
    """``corpus`` (generated with screenshots) with each screenshot's line replaced by its alt text, where it stood:
    the words and blocks the screenshots bring to the answers, and no image."""

    def words(body: str) -> str:
        return _SHOT_LINE.sub(r"\1\2", body)

    articles = tuple(replace(a, body=Pair(words(a.body.en), words(a.body.fr)), shots=()) for a in corpus.articles)
    return replace(corpus, articles=articles)


_SHOT_LINE = re.compile(r"^( +)!\[([^\]]*)\]\([^)]*\)$", re.M)


def _head(combo: tuple[int, int, int, int], lap: int) -> Head:
    """An article's question from one (template, action, subject, context) combination; ``lap`` > 0 only
    when N exceeds the combinations, which then repeat with a number."""
    template, action, subject, context = TITLES[combo[0]], ACTIONS[combo[1]], SUBJECTS[combo[2]], CONTEXTS[combo[3]]
    suffix = Pair(f" ({lap + 1})", f" ({lap + 1})") if lap else Pair("", "")
    title = Pair(
        *(
            template.get(lang).format(a=action.get(lang), s=subject.text.get(lang), c=context.get(lang))
            for lang in LANGUAGES
        )
    )
    title = Pair(_end_with(title.en, suffix.en, "?"), _end_with(title.fr, suffix.fr, NNBSP + "?"))
    return Head(0, subject.category, slugify(title.en), title, action, subject.text)


def _end_with(title: str, suffix: str, mark: str) -> str:
    return title[: -len(mark)] + suffix + mark if suffix else title


def _number_by_category(heads: list[Head]) -> list[Head]:
    """Ids like the real site's: one block of 10,000 per category, in order of appearance."""
    counters = {c.key: 0 for c in CATEGORIES}
    order = {c.key: i for i, c in enumerate(CATEGORIES)}
    numbered = []
    for head in heads:
        counters[head.category] += 1
        numbered.append(dataclasses.replace(head, id=(order[head.category] + 1) * 10_000 + counters[head.category]))
    return numbered


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _article(
    rng: random.Random, head: Head, heads: list[Head], same_category: list[int], rank: int, screenshots: bool
) -> ArticleSpec:
    others = [i for i in same_category if i != head.id]
    related = tuple(sorted(rng.sample(others, min(len(others), rng.randint(1, 3))))) if rng.random() < 0.2 else ()
    contact = rng.choice(CONTACT_KEYS) if rng.random() < 0.15 else None
    link = rng.choice(heads) if rng.random() < 0.3 and len(heads) > 1 else None
    if link is not None and link.id == head.id:
        link = None
    marker = rng.random() < 0.05
    body = _body(rng, head, link, marker, screenshots)
    tags = tuple(rng.sample(TAGS, rng.randint(1, 3)))
    updated = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 660))
    views = int(60_000 / (rank + 1) ** 0.8) + rng.randint(0, 40) if rng.random() < 0.85 else None
    return ArticleSpec(
        id=head.id,
        category=head.category,
        slug=head.slug,
        title=head.title,
        body=body,
        tags=tags,
        related=related,
        contact=contact,
        updated=updated,
        views=views,
        shots=SHOTS if screenshots else (),
    )


def _body(rng: random.Random, head: Head, link: Head | None, marker: bool, screenshots: bool = False) -> Pair:
    """The answer in both languages, built from the same choices so the twins stay in step."""
    values = {"a": head.action, "s": second_person(head.subject)}
    pool = list(SENTENCES)
    rng.shuffle(pool)
    sentences = iter(itertools.cycle(pool))
    lead = [rng.choice(LEADS), next(sentences), next(sentences)]
    before = [next(sentences) for _ in range(3)]
    count = rng.randint(3, 5)
    steps = list(zip(rng.sample(STEPS, count), rng.sample(LABELS, count), strict=True))
    after = [next(sentences) for _ in range(2)]
    trouble = [next(sentences) for _ in range(2)]
    spare = [next(sentences) for _ in range(len(pool))]
    numbers = {"n": rng.randint(2, 15), "year": rng.randint(2014, 2022)}

    def render(lang: str, extra: int, shots: bool = False) -> str:
        def text(pair: Pair, **more: object) -> str:
            fields = {k: v.get(lang) for k, v in values.items()} | numbers | more
            return pair.get(lang).format(**fields)

        def step(n: int, pair: Pair, label: Pair) -> str:
            line = f"{n}. {text(pair, l=label.get(lang))}"
            if shots and n <= len(SHOTS):
                alt = SHOT_ALT.get(lang).format(l=label.get(lang), n=n)
                line += f"\n\n    ![{alt}]({head.slug}/{SHOTS[n - 1]})\n"
            return line

        blocks = [
            " ".join(text(p) for p in lead),
            HEADINGS[0].get(lang),
            " ".join(text(p) for p in before),
            HEADINGS[1].get(lang),
            "\n".join(step(n, pair, label) for n, (pair, label) in enumerate(steps, 1)),
            " ".join(text(p) for p in after),
            HEADINGS[2].get(lang),
            " ".join(text(p) for p in [*trouble, *spare[:extra]]),
        ]
        if link is not None:
            blocks.append(text(SEE_ALSO, t=link.title.get(lang), h=_href(head, link)))
        if marker:
            blocks.append(CONTACT_MARKER)
        blocks.append(CLOSING.get(lang))
        return "\n\n".join(blocks) + "\n"

    extra = 0
    while len(re.findall(r"\w+", render("en", extra))) < MIN_WORDS and extra < len(pool):
        extra += 1
    # The words counted without the screenshots' alt texts: with or without them, the same sentences.
    return Pair(render("en", extra, screenshots), render("fr", extra, screenshots))


_SECOND_PERSON = {"en": (("my ", "your "),), "fr": (("mon ", "votre "), ("ma ", "votre "), ("mes ", "vos "))}


def second_person(subject: Pair) -> Pair:
    """ "my password" in a question is "your password" in its answer."""

    def swap(lang: str) -> str:
        text = subject.get(lang)
        for mine, yours in _SECOND_PERSON[lang]:
            text = text.replace(mine, yours) if text.startswith(mine) else text
        return text

    return Pair(swap("en"), swap("fr"))


def _href(head: Head, link: Head) -> str:
    name = f"{link.slug}.md"
    return name if link.category == head.category else f"../{link.category}/{name}"


# -- an article's Markdown -----------------------------------------------------------------------------------


def source_digest(title: str, body: str) -> str:
    """What a translation records in ``translation_of`` (same formula as ``helpcentre.content.catalogue``)."""
    return hashlib.sha256(f"{title.strip()}\n{body.strip()}".encode()).hexdigest()[:12]


def article_markdown(article: ArticleSpec, lang: str) -> str:
    meta = [
        f"id: {article.id}",
        f"title: {json.dumps(article.title.get(lang), ensure_ascii=False)}",
        f"category: {article.category}",
        f"tags: {json.dumps([t.get(lang) for t in article.tags], ensure_ascii=False)}",
    ]
    if article.related:
        meta.append(f"related: {json.dumps(list(article.related))}")
    if article.contact:
        meta.append(f"contact: {article.contact}")
    meta.append(f"updated: {article.updated.isoformat()}")
    if lang != LANGUAGES[0]:
        # Quoted: a digest of twelve digits would otherwise be read as a number.
        meta.append(f"translation_of: {json.dumps(source_digest(article.title.en, article.body.en))}")
    return "---\n" + "\n".join(meta) + "\n---\n\n" + article.body.get(lang)
