"""What changed in an original since its translation was recorded, for the translator who updates it.

Reads the translation's ``translation_of`` digest and the original's git history: walks back through the
commits that touched the original (or its language's snippets) until one has the text with that digest,
then produces a readable diff of the question and the answer, snippets in place, paragraph by paragraph.
When the history cannot say (a shallow clone, no repository, a digest no commit has) it says so, and how
to get the history.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from helpcentre.content import frontmatter, snippets
from helpcentre.content.article import Article, source_digest
from helpcentre.content.catalogue import Catalogue
from helpcentre.content.translations import original
from helpcentre.writers import gitrepo

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
MAX_COMMITS = 500  # how far back a search goes: a few years of edits to one answer


def explain(root: Path, catalogue: Catalogue, translation: Article) -> str:
    """What changed in the original of ``translation`` since the text it records, as lines for a terminal."""
    source = catalogue.twin(translation)
    head = f"{translation.path}: out of date; {source.path} changed since the translation was recorded"
    found = recorded_text(root, source, translation.translation_of or "")
    if isinstance(found, str):
        return f"{head}.\n  {found}"
    commit, title, body = found
    lines = [f"{head} (its text of {commit.date}, commit {commit.short}):"]
    if title != source.title:
        lines += ["  Question:", f"    - {title}", f"    + {source.title}"]
    lines += _paragraph_diff(body, source.full_body)
    return "\n".join(lines)


def show(root: Path, catalogue: Catalogue, path: str) -> tuple[str, bool]:
    """``make translations SHOW=path``: the changes for one article given by either language's path."""
    article = next((a for a in catalogue.articles.values() if a.path == path.removeprefix("./")), None)
    if article is None:
        return f"{path}: not an article; give its path, like docs/fr/my-account/forgot-password.md", False
    source = original(catalogue, article.id)
    translation = article
    if article is source:  # the original: its first translation, in fallback order, missing or not up to date
        others = [(lang, catalogue.get(lang, source.id)) for lang in catalogue.languages.others(source.lang)]
        if missing := [lang for lang, version in others if version is None]:
            return f"{path}: no translation yet; write docs/{missing[0]}/{source.rel_path}", True
        translation = next((v for _, v in others if v.translation_of != source.digest), others[0][1])
    if not translation.translation_of:
        return (
            f"{translation.path}: no translation recorded; once it matches {source.path}, run "
            f'make translations RECORD="{translation.path}"',
            True,
        )
    if translation.translation_of == source.digest:
        return f"{translation.path}: up to date with {source.path}", True
    return explain(root, catalogue, translation), True


def recorded_text(root: Path, source: Article, digest: str) -> tuple[gitrepo.Commit, str, str] | str:
    """(commit, question, answer with snippets) of the original as it was when its digest was ``digest``,
    or a sentence saying why the history cannot tell."""
    if not gitrepo.is_repository(root):
        return "No git history here, so what changed cannot be shown: work in a clone of the repository."
    folder = f"{snippets.SNIPPETS_DIR}/{source.lang}"
    for commit in gitrepo.commits_touching(root, [source.path, folder])[:MAX_COMMITS]:
        text = gitrepo.file_at(root, commit.sha, source.path)
        parsed = _question_and_answer(root, commit.sha, source, text) if text else None
        if parsed is not None and source_digest(*parsed) == digest:
            return commit, parsed[0].strip(), parsed[1]
    if gitrepo.is_shallow(root):
        return (
            "This clone's history is shallow and does not reach the text the translation was made from: "
            "fetch it with 'git fetch --unshallow', then run make translations again."
        )
    return (
        f"No commit of {source.path} has the text the translation records (translation_of: {digest}): "
        "compare the two versions by hand, then record the translation again."
    )


def _question_and_answer(root: Path, commit: str, source: Article, text: str) -> tuple[str, str] | None:
    decoded, _ = frontmatter.decode(source.path, text.encode("utf-8"))
    if decoded is None:
        return None
    parsed, problems = frontmatter.parse(source.path, decoded)
    title = parsed.meta.get("title")
    if problems or not isinstance(title, str):
        return None
    keys = {match.group(1) for match in snippets.MARKER.finditer(parsed.body)}
    then = {}
    for key in keys:
        snippet = gitrepo.file_at(root, commit, f"{snippets.SNIPPETS_DIR}/{source.lang}/{key}.md")
        if snippet is not None:
            then[(source.lang, key)] = snippets.Snippet(key, source.lang, snippet.strip("\n"))
    return title, snippets.expand(parsed.body, source.lang, then)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text.strip()) if p.strip()]


def _paragraph_diff(before: str, after: str) -> list[str]:
    old, new = _paragraphs(before), _paragraphs(after)
    lines = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        for i, j in _pairs(old[i1:i2], new[j1:j2]):
            if j is None:
                lines.append(f"  Answer, paragraph {i1 + i + 1} of the translated text removed:")
            else:
                lines.append(f"  Answer, paragraph {j1 + j + 1} {'added' if i is None else 'changed'}:")
            lines += [f"    - {line}" for line in (old[i1 + i].splitlines() if i is not None else ())]
            lines += [f"    + {line}" for line in (new[j1 + j].splitlines() if j is not None else ())]
    return lines or ["  Answer: the same paragraphs (only spacing changed)."]


def _pairs(old: list[str], new: list[str]) -> list[tuple[int | None, int | None]]:
    """Old and new paragraphs of a changed stretch, in order: a pair where a paragraph was edited (half its
    characters kept), alone where one was added or removed; the pairing that keeps most text wins."""
    similar = [[difflib.SequenceMatcher(a=a, b=b).ratio() for b in new] for a in old]
    best = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in range(len(old) - 1, -1, -1):
        for j in range(len(new) - 1, -1, -1):
            paired = best[i + 1][j + 1] + similar[i][j] if similar[i][j] >= 0.5 else -1.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], paired)
    pairs: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < len(old) or j < len(new):
        if i < len(old) and j < len(new) and similar[i][j] >= 0.5 and best[i][j] == best[i + 1][j + 1] + similar[i][j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif j < len(new) and (i == len(old) or best[i][j] == best[i][j + 1]):
            pairs.append((None, j))
            j += 1
        else:
            pairs.append((i, None))
            i += 1
    return pairs
