"""``dist/import-report.md``: what an import brought, left out and changed, for the writers who take over.

Reads the fetched help centre, the plan and the converted articles; produces Markdown: counts per
language, drafts skipped, missing and outdated translations, markup dropped or changed per article, links
left pointing at the old help centre, images fetched and those without alt text. Credentials never reach it.
"""

from __future__ import annotations

from helpcentre.importer import convert, files, mapping

VOTES = (
    "Zendesk's `vote_sum` and `vote_count` are not imported: they count helpful votes, not views (Zendesk exposes"
    " none), and the order of recommended articles here comes from views (data/popularity.csv, make popularity)."
)


def render(
    fetched: mapping.Fetched, plan: mapping.Plan, converted: convert.Converted, changed: list[str], removed: list[str]
) -> str:
    langs = list(dict.fromkeys(fetched.locales.values()))
    out = [f"# Import from {fetched.url}", ""]
    same = " (nothing changed on Zendesk since the last import)" if not changed else ""
    out.append(f"Files changed: {len(changed)}{same}")
    out += ["", "| language | Zendesk locale | articles | originals | translations |", "|---|---|---|---|---|"]
    for locale, lang in fetched.locales.items():
        here = [a for a in plan.articles if lang in a.versions]
        originals = sum(a.original == lang for a in here)
        out.append(f"| {lang} | {locale} | {len(here)} | {originals} | {len(here) - originals} |")
    if fetched.skipped_locales:
        out += ["", f"Locales not imported (no language here): {', '.join(fetched.skipped_locales)}"]
    out += ["", f"Categories (from Zendesk sections): {len(plan.categories)}"]
    out += _section("Drafts skipped", plan.drafts)
    out += _section("Articles whose section was not found (not imported)", plan.orphans)
    missing = [f"{a.id} `{a.category}/{a.slug}.md`: no {', '.join(x for x in langs if x not in a.versions)}"
               for a in plan.articles if len(a.versions) < len(langs)]  # fmt: skip
    out += _section("Missing translations (the fallback notice shows the original)", missing)
    outdated = [f"{a.id} `{a.category}/{a.slug}.md` ({lang})" for a in plan.articles
                for lang, item in a.versions.items() if lang != a.original and item.get("outdated")]  # fmt: skip
    out += _section("Translations Zendesk marks outdated (the outdated notice shows)", outdated)
    out += ["", "## Markup dropped or changed", ""]
    noted = [n for n in converted.notes if n.changes]
    for notes in noted:
        out.append(f"- `{notes.path}`: " + "; ".join(notes.changes))
    if not noted:
        out.append("None.")
    external = [f"`{n.path}`: {url}" for n in converted.notes for url in n.external]
    title = "Links left pointing at the old help centre (articles, sections and categories not imported)"
    out += _section(title, external)
    out += ["", "## Images", "", f"Fetched: {converted.images}"]
    no_alt = [f"`{n.path}`: {url}" for n in converted.notes for url in n.no_alt]
    out += _section("Images without alt text (make check names the line: write what the screen shows)", no_alt)
    out += _section("Files removed (gone from Zendesk)", removed)
    out += ["", "## Votes", "", VOTES, "", f"Old addresses for make release: `{files.REDIRECTS_FILE}`.",
            f"What this import recorded (ids, categories, file names): `{files.STATE_FILE}`.", ""]  # fmt: skip
    return "\n".join(out)


def _section(title: str, lines: list[str]) -> list[str]:
    return ["", f"## {title}", "", *([f"- {line}" for line in lines] or ["None."])]
