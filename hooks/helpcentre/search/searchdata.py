"""Everything the browser's search reads, built once MkDocs has ended from what the build saved.

The MkDocs build saves, per language, one ``SearchEntry`` per indexed article (a line of JSON each, in the
order of the catalogue) and an ``IndexPlan`` (where the record template is, the bundle size, the synonym
groups): ``save``. Two passes then read the entries one at a time:

- ``records``: the record Pagefind indexes for each article (``partials/hc/search-record.html``, with the
  synonyms of the words it uses: ``synonyms``), dealt in turn to the language's bundles;
- ``answers_and_spelling``: the answer file the assistant fetches (``answerparts``) and the spelling files
  (``spelling``: the words the records hold, counted), written into the site. Pagefind needs neither.

Built here rather than in the MkDocs events: it is search data, like Pagefind's index, and the build
command builds it while Pagefind indexes (``searchindex.Indexing``). Memory stays flat: one entry at a time,
and a count per distinct word. Cost: one pass over each entry's text, and one over its answer.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from helpcentre.content.catalogue import Catalogue
from helpcentre.images import markup
from helpcentre.pages import answerparts, sitefiles
from helpcentre.pages.renderer import Renderer
from helpcentre.pages.views import ArticleCard
from helpcentre.search import spelling, synonyms

# One record per article, the page Pagefind indexes (overrides/partials/hc/search-record.html).
_RECORD = "partials/hc/search-record.html"

ENTRIES = "entries.jsonl"
PLAN = "plan.json"
_VOCABULARY_CHUNK = 50  # entries counted per pass of spelling's regular expressions: few passes, small strings


@dataclass(frozen=True)
class SearchEntry:
    """One indexed article, as search needs it."""

    id: int
    url: str  # site-relative, e.g. fr/my-account/forgot-password.html
    title: str
    category: str  # its category's name in this language, shown with it in results
    tags: tuple[str, ...]
    views: int
    teaser: str
    contact: str  # the key of the contact block its page shows ("" for none)
    answer: str  # HTML, as its page shows it (contact blocks in place, a long answer's parts anchored)
    words: str  # question, tags and Markdown body: what its synonyms and the spelling data are read from
    cars: str = ""  # the cars it is for, space-separated values of data/vehicles.yml ("": every car)


def search_entries(
    catalogue: Catalogue, lang: str, cards: Mapping[int, ArticleCard], answers: Mapping[int, str]
) -> Iterator[SearchEntry]:
    """What search needs of each article ``lang``'s index holds: its own, never English text under a French
    URL (one pass over the catalogue's ids)."""
    for article_id in catalogue.ids:
        article = catalogue.get(lang, article_id)
        if article is None:
            continue
        card = cards[article.id]
        contact = catalogue.contact_for(article)
        yield SearchEntry(
            id=article.id,
            url=card.url,
            title=card.title,
            category=catalogue.category(article.category).name(lang),
            tags=tuple(article.tags),
            views=card.views,
            teaser=card.teaser,
            contact=contact.key if contact else "",
            answer=answers.get(article.id, ""),
            words=" ".join((article.title, *article.tags, article.full_body)),
            cars=card.cars,
        )


@dataclass(frozen=True)
class IndexPlan:
    """How a language's search data is built: the same for every entry."""

    templates: str  # the folder holding partials/hc/search-record.html (the theme's custom_dir)
    shard_size: int  # articles per Pagefind bundle at most
    synonym_groups: tuple[tuple[str, ...], ...]
    stop_words: tuple[str, ...] = ()  # words a search leaves out (data/languages/<lang>.yml), for the browser
    elisions: tuple[str, ...] = ()  # l', d': split off before a word is looked up
    actions: tuple[dict, ...] = ()  # the actions readers ask for (search/actions.py), for the browser
    endings: tuple[str, ...] = ()  # plural endings: synonyms of a word apply to its plural


def save(entries: Iterable[SearchEntry], plan: IndexPlan, folder: Path) -> tuple[int, str]:
    """Write ``entries`` and ``plan`` into ``folder`` (made if absent); returns how many entries were saved and
    a digest of all of it: equal digests give the same search data."""
    folder.mkdir(parents=True, exist_ok=True)
    plan_text = json.dumps(asdict(plan), ensure_ascii=False)
    hasher = hashlib.blake2b(plan_text.encode(), digest_size=16)
    count = 0
    with open(folder / ENTRIES, "w", encoding="utf-8") as sink:
        for entry in entries:
            line = json.dumps(vars(entry), ensure_ascii=False) + "\n"  # not asdict: it deep-copies
            hasher.update(line.encode())
            sink.write(line)
            count += 1
    (folder / PLAN).write_text(plan_text, encoding="utf-8")
    return count, hasher.hexdigest()


def saved_entries(folder: Path) -> Iterator[SearchEntry]:
    with open(folder / ENTRIES, encoding="utf-8") as source:
        for line in source:
            data = json.loads(line)
            yield SearchEntry(**{**data, "tags": tuple(data["tags"])})


def saved_plan(folder: Path) -> IndexPlan:
    data = json.loads((folder / PLAN).read_text(encoding="utf-8"))
    groups = tuple(tuple(g) for g in data["synonym_groups"])
    stop, elisions = tuple(data["stop_words"]), tuple(data["elisions"])
    actions, endings = tuple(data.get("actions", ())), tuple(data.get("endings", ()))
    return IndexPlan(data["templates"], data["shard_size"], groups, stop, elisions, actions, endings)


def entry_count(folder: Path) -> int:
    with open(folder / ENTRIES, encoding="utf-8") as source:
        return sum(1 for _ in source)


def records(folder: Path, lang: str, bundles: int) -> list[tuple[str, ...]]:
    """The records Pagefind indexes, under ``folder/<bundle number>/`` (from what ``save`` wrote in ``folder``);
    returns the synonyms each entry is also found by, in order, for ``answers_and_spelling``. Nothing else:
    Pagefind waits for this."""
    plan = saved_plan(folder)
    renderer = Renderer.for_records(Path(plan.templates), lang)
    lookup = synonyms.build(plan.synonym_groups, plan.elisions, plan.endings)
    found: list[tuple[str, ...]] = []
    made: set[str] = set()  # one mkdir per folder, not per record: 6,000 of them were a third of the saving
    for index, entry in enumerate(saved_entries(folder)):
        also = lookup.expansions(entry.words)
        answer, pictures = markup.set_apart(answerparts.unanchored(entry.answer))
        context = {"lang": lang, "entry": entry, "answer": answer, "synonyms": also, "pictures": pictures}
        record = renderer.page(_RECORD, context)
        _write(os.path.join(folder, str(index % bundles + 1), entry.url), record, made)
        found.append(also)
    return found


def answers_and_spelling(folder: Path, lang: str, site_dir: Path, found: list[tuple[str, ...]]) -> None:
    """Each article's answer file, and the spelling files of the words its record holds (``found``: the
    synonyms ``records`` gave each entry), and the language's rules for the browser's search, in ``site_dir``."""
    plan = saved_plan(folder)
    counts: Counter = Counter()
    texts: list[str] = []

    def answer_files() -> Iterator[tuple[str, str]]:
        for entry, also in zip(saved_entries(folder), found, strict=True):
            texts.extend((entry.words, " ".join(also)))
            if len(texts) >= 2 * _VOCABULARY_CHUNK:
                counts.update(spelling.vocabulary(texts, plan.elisions))
                texts.clear()
            shown = answerparts.AnswerEntry(entry.id, entry.title, entry.url, entry.contact, entry.answer)
            yield answerparts.file(lang, shown)

    sitefiles.write(site_dir, answer_files())
    counts.update(spelling.vocabulary(texts, plan.elisions))
    sitefiles.write(site_dir, spelling.files(lang, counts))
    sitefiles.write(site_dir, [spelling.rules_file(lang, plan.stop_words, plan.elisions, plan.actions, plan.endings)])


def _write(path: str, text: str, made: set[str]) -> None:
    parent = os.path.dirname(path)
    if parent not in made:
        os.makedirs(parent, exist_ok=True)
        made.add(parent)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
