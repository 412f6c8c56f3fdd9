"""make import-zendesk against a local help centre answering as Zendesk's Help Center API does: what it writes."""

from __future__ import annotations

import pytest
import yaml

from importing import centre, run_import, stamps, tree
from zendesk_server import PNG, HelpCentre, ZendeskServer, category


@pytest.fixture
def project(make_site):
    return make_site(build=False)


def test_import_maps_articles_translations_images_and_old_addresses(project):
    with ZendeskServer(HelpCentre()) as server:
        server.centre.__dict__.update(centre(server.url).__dict__)
        result = run_import(project, server.url)
        assert result.returncode == 0, result.stderr
        root = project.root
        en = (root / "docs/en/keys-locking/how-do-i-change-the-keys-battery-1-now-vite.md").read_text()
        fr = (root / "docs/fr/keys-locking/how-do-i-change-the-keys-battery-1-now-vite.md").read_text()
        meta = yaml.safe_load(en.split("---")[1])
        assert meta["title"] == 'How do I change the key\'s "battery": #1 *now* « vite »?'
        assert meta["tags"] == ["battery", "key"] and str(meta["updated"]) == "2024-03-04"
        # The body reads as if written here: bold labels, numbered steps, headings from ##, relative links.
        assert "1. Open **Settings**." in en and "\n## Before you start\n" in en
        assert "[the other answer](what-is-the-other-answer.md)" in en
        assert f"{server.url}/hc/en-us/articles/999-Gone" in en
        # Links to an imported section or Zendesk category lead to its page here; the others stay absolute.
        assert "[key answers](index.md)" in en and "[General](../index.md)" in en
        assert f"[an old section]({server.url}/hc/en-us/sections/77-Gone)" in en
        assert f"[an old category]({server.url}/hc/en-us/categories/88-Gone#top)" in en
        assert "<script" not in en and "javascript:" not in en and "onclick" not in en
        assert "<https://www.youtube.com/embed/abc123>" in en
        assert "&lt;script>" in en and "\\[a](https://e.example)" in en
        # One screen both languages show: one wordless file in the English tree; the French writes the same path.
        assert "![The key, battery side up](how-do-i-change-the-keys-battery-1-now-vite/key.wordless.png)" in en
        assert "](how-do-i-change-the-keys-battery-1-now-vite/key.wordless.png)" in fr
        assert (root / "docs/en/keys-locking/how-do-i-change-the-keys-battery-1-now-vite/key.wordless.png").is_file()
        assert "[The wiring](https://cdn.example.com/wiring.png)" in en  # another host's image: a link to it
        fr_meta = yaml.safe_load(fr.split("---")[1])
        assert fr_meta["title"] == "Comment changer la pile : « vite » ?" and len(fr_meta["translation_of"]) == 12
        assert "étapes\u00a0:" in fr
        other_fr = (root / "docs/fr/keys-locking/what-is-the-other-answer.md").read_text()
        other_fr = yaml.safe_load(other_fr.split("---")[1])
        assert other_fr["translation_of"] == "outdated-on-zendesk"
        only = yaml.safe_load((root / "docs/en/keys-locking/only-in-english.md").read_text().split("---")[1])
        assert only["untranslated"] is True
        assert not list(root.glob("docs/*/keys-locking/draft-answer*"))
        # The 429 was waited for; the French lists were cursor-paged and followed.
        assert any("page%5Bafter%5D" in p for p in server.centre.log)
        report = (root / "dist/import-report.md").read_text()
        left = ("999-Gone", "sections/77-Gone", "categories/88-Gone#top")
        for expected in ("Draft answer?", *left, "missing.png", "noalt.png", "`<script>` removed", "outdated"):
            assert expected in report
        redirects = yaml.safe_load((root / "data/redirects.yml").read_text())
        en_id = meta["id"]
        assert "/hc/en-us/articles/101" in redirects["articles"][en_id]["en"]
        assert "/hc/fr-ca/articles/101" in redirects["articles"][en_id]["fr"]
        assert any(p.startswith("/hc/fr-ca/sections/20") for p in redirects["categories"]["keys-locking"]["fr"])
        # make check names what a writer must fix, with the line: the image without alt text.
        check = project.cli("check")
        assert "how-do-i-change-the-keys-battery-1-now-vite.md:" in check.stdout
        # Importing the same help centre again changes no file.
        before, touched = tree(root), stamps(root)
        again = run_import(project, server.url)
        assert again.returncode == 0 and "(0 files changed)" in again.stdout
        assert tree(root) == before and stamps(root) == touched
        # A change on Zendesk changes only its file.
        server.centre.articles["en-us"][3]["body"] = "<p>Changed in English.</p>"
        server.centre.articles["en-us"][3]["updated_at"] = "2024-05-01T00:00:00Z"
        changed = run_import(project, server.url)
        assert changed.returncode == 0, changed.stderr
        after = tree(root)
        assert {p for p in after if after[p] != before.get(p)} == {"docs/en/keys-locking/only-in-english.md"}
        # An article deleted on Zendesk goes at the next import; the report lists it.
        del server.centre.articles["en-us"][3]
        assert run_import(project, server.url).returncode == 0
        assert not (root / "docs/en/keys-locking/only-in-english.md").exists()
        assert "docs/en/keys-locking/only-in-english.md" in (root / "dist/import-report.md").read_text()


def test_locales_map_to_languages_and_two_of_one_language_wait_for_locales(project):
    with ZendeskServer(HelpCentre()) as server:
        server.centre.__dict__.update(centre(server.url).__dict__)
        server.centre.locales = ["en-us", "en-gb", "fr-ca", "de"]
        before = tree(project.root)
        refused = run_import(project, server.url)
        assert refused.returncode == 1 and "Traceback" not in refused.stderr and tree(project.root) == before
        assert "locales en-us and en-gb would both become 'en'; say which with LOCALES=en-us:en" in refused.stderr
        result = run_import(project, server.url, locales="en-us:en,fr-ca:fr")
        assert result.returncode == 0, result.stderr
        assert (project.root / "docs/fr/keys-locking/what-is-the-other-answer.md").is_file()
        report = (project.root / "dist/import-report.md").read_text()
        assert "Locales not imported (no language here): en-gb, de" in report


@pytest.mark.parametrize("body", ["broken character", "nested too deep"])
def test_a_body_that_cannot_convert_stops_the_import_naming_the_article_and_the_fix(project, body):
    with ZendeskServer(HelpCentre()) as server:
        server.centre.__dict__.update(centre(server.url).__dict__)
        before = tree(project.root)
        only_english = server.centre.articles["en-us"][3]
        if body == "broken character":  # half of a character: valid JSON, no UTF-8 can hold it
            only_english["body"] = "<p>Press the button \ud83d until it beeps.</p>"
        else:  # html-to-markdown would drop the text silently
            only_english["body"] = "<p>Before.</p>" + "<div>" * 300 + "Deep text." + "</div>" * 300
        result = run_import(project, server.url)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert 'Zendesk article 104 (en-us) "Only in English?"' in result.stderr
        fix = "retype that character" if body == "broken character" else "remove the nested <div>"
        assert fix in result.stderr and "then import again" in result.stderr
        assert "Nothing was imported" in result.stderr and tree(project.root) == before


@pytest.mark.parametrize("part", ["name", "description"])
def test_a_section_name_or_description_that_cannot_be_written_stops_the_import_naming_the_section(project, part):
    with ZendeskServer(HelpCentre()) as server:
        server.centre.__dict__.update(centre(server.url).__dict__)
        before = tree(project.root)
        # Half of a character: valid JSON, but data/categories.yml (UTF-8) cannot hold it.
        server.centre.sections["fr-ca"][0][part] = "Clés \ud83d verrouillage"
        result = run_import(project, server.url)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        name = "Clés \\ud83d verrouillage" if part == "name" else "Clés et verrouillage"
        assert f'Zendesk section 20 (fr-ca) "{name}": its {part} holds a broken character' in result.stderr
        assert "retype that character in Zendesk's editor, then import again" in result.stderr
        assert "Nothing was imported" in result.stderr and tree(project.root) == before


def test_a_label_holding_half_a_character_stops_the_import_naming_the_article_and_the_label(project):
    with ZendeskServer(HelpCentre()) as server:
        server.centre.__dict__.update(centre(server.url).__dict__)
        before = tree(project.root)
        # Half of a character: valid JSON, but the tags of the article's front matter (UTF-8) cannot hold it.
        server.centre.articles["en-us"][3]["label_names"] = ["key", "battery \ud83d"]
        result = run_import(project, server.url)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        named = 'Zendesk article 104 (en-us) "Only in English?": its label "battery \\ud83d" holds a broken character'
        assert named in result.stderr
        assert "retype that character in the article's labels in Zendesk, then import again" in result.stderr
        assert "Nothing was imported" in result.stderr and tree(project.root) == before


def test_a_zendesk_category_name_holding_half_a_character_imports_without_its_unwritable_old_address(project):
    with ZendeskServer(HelpCentre()) as server:
        server.centre.__dict__.update(centre(server.url).__dict__)
        # Zendesk's categories lend no name here (its sections become our categories), only their old
        # addresses, whose slug Zendesk makes from the name: that one no browser can ask for, nor a file hold.
        server.centre.categories["fr-ca"][0] = category(server.url, 10, "fr-ca", "Général \ud83d")
        result = run_import(project, server.url)
        assert result.returncode == 0, result.stderr
        home = yaml.safe_load((project.root / "data/redirects.yml").read_text())["home"]["fr"]
        assert "/hc/fr-ca/categories/10" in home  # its bare address still leads to the home page
        assert not [address for address in home if "\ud83d" in address]  # make release could not write it


@pytest.mark.parametrize(
    ("written", "named", "sent", "saved"),
    [
        ("123/my shot.png", "123/my shot.png", "123/my%20shot.png", "my-shot.png"),
        ("124/écran-réglages.png", "124/écran-réglages.png", "124/%C3%A9cran-r%C3%A9glages.png", "ecran-reglages.png"),
        ("125/my%20shot.png", "125/my shot.png", "125/my%20shot.png", "my-shot.png"),
        ("126/shot.png?taille=plein écran", "126/shot.png", "126/shot.png?taille=plein%20%C3%A9cran", "shot.png"),
    ],
    ids=["space", "accents", "already-escaped", "query"],
)
def test_an_image_address_is_requested_percent_encoded_as_a_browser_requests_it(project, written, named, sent, saved):
    # Bodies show file names as they were uploaded; a browser sends spaces and accents as UTF-8 %XX (an %XX
    # already there as it is) and the server finds the file by the name decoded.
    with ZendeskServer(HelpCentre()) as server:
        server.centre.__dict__.update(centre(server.url).__dict__)
        french = server.centre.articles["fr-ca"][0]
        french["body"] += f'<p><img src="/hc/article_attachments/{written}" alt="Réglages"></p>'
        server.centre.images[f"/hc/article_attachments/{named}"] = PNG
        result = run_import(project, server.url)
        assert result.returncode == 0, result.stderr
        report = (project.root / "dist/import-report.md").read_text()
        refused = [line for line in report.splitlines() if "docs/fr/" in line and "image not imported" in line]
        assert f"/hc/article_attachments/{sent}" in server.centre.log, refused
        assert not refused
        folder = "docs/fr/keys-locking/how-do-i-change-the-keys-battery-1-now-vite"
        assert (project.root / folder / saved).read_bytes() == PNG
        fr = (project.root / "docs/fr/keys-locking/how-do-i-change-the-keys-battery-1-now-vite.md").read_text()
        assert f"![Réglages](how-do-i-change-the-keys-battery-1-now-vite/{saved})" in fr


def test_an_import_never_overwrites_the_projects_articles_and_refuses_an_id_collision(project):
    with ZendeskServer(HelpCentre()) as server:
        server.centre.__dict__.update(centre(server.url).__dict__)
        mine = project.root / "docs/en/keys-locking/only-in-english.md"
        mine.parent.mkdir(parents=True)
        mine.write_text("---\nid: 9999\ntitle: Mine?\ncategory: keys-locking\n---\n\nMine.\n")
        assert run_import(project, server.url).returncode == 0
        assert "Mine." in mine.read_text()  # the imported article took another name
        assert "English only." in (project.root / "docs/en/keys-locking/only-in-english-2.md").read_text()
        imported_id = yaml.safe_load(mine.with_name("only-in-english-2.md").read_text().split("---")[1])["id"]
        clash = project.root / "docs/en/keys-locking/writers-own.md"
        clash.write_text(f"---\nid: {imported_id}\ntitle: Ours?\ncategory: keys-locking\n---\n\nOurs.\n")
        before = tree(project.root)
        result = run_import(project, server.url)
        assert result.returncode == 1 and f"id {imported_id}" in result.stderr
        assert "give that article another id" in result.stderr and tree(project.root) == before


def test_release_gives_every_old_address_a_301_to_its_new_page(project):
    with ZendeskServer(HelpCentre()) as server:
        hc = centre(server.url)
        for items in hc.articles.values():  # clean bodies: this test is about addresses
            for item in items:
                locale = item["locale"]
                item["body"] = (
                    "<p>Open <strong>Settings</strong> and choose <strong>Key</strong>. See"
                    f' <a href="/hc/{locale}/sections/20">all</a> or <a href="/hc/{locale}/categories/10">more</a>.</p>'
                )
        server.centre.__dict__.update(hc.__dict__)
        assert run_import(project, server.url).returncode == 0
        built = project.cli("release", "--site-dir", str(project.out), "--archive", str(project.root / "dist/s.tar.gz"))
        assert built.returncode == 0, built.stdout + built.stderr
        rules = (project.out / "_redirects").read_text()
        page = (project.out / "fr/keys-locking/how-do-i-change-the-keys-battery-1-now-vite.html").read_text()
        assert 'href="index.html">all</a>' in page and 'href="../index.html">more</a>' in page  # category, home
        nginx = (project.root / "dist/hosts/nginx.conf").read_text()
        slug = "how-do-i-change-the-keys-battery-1-now-vite"
        for old, new in (
            ("/hc/en-us/articles/101", f"/keys-locking/{slug}.html"),
            ("/hc/fr-ca/articles/101", f"/fr/keys-locking/{slug}.html"),
            ("/hc/fr-ca/sections/20", "/fr/keys-locking/index.html"),
            ("/hc/en-us/categories/10", "/index.html"),
        ):
            assert f"{old} {new} 301!" in rules
            assert f"location = {old} {{" in nginx and f"return 301 {new};" in nginx
            assert any(line.startswith("/hc/en-us/articles/102-What-is") for line in rules.splitlines())
