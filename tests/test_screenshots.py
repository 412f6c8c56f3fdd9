"""Screenshots as readers get them: responsive WebP with the original format as fallback, sized so nothing moves,
lazy but for the first, a caption as a figure, each language its own file (or the original's for a screen
without words), encoded once into a cache outside the site."""

from __future__ import annotations

import hashlib
import shutil
import zlib
from io import BytesIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from helpcentre.images import alone, files

from conftest import BATTERY, REPO, SITES, new_site, run_cli


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = new_site(tmp_path_factory.mktemp("shots") / "project", "screenshots")
    assert site.ok, site.output
    return site


def _shots(site, page):
    return site.html(page).select(".md-content figure.hc-shot, .md-content a.hc-shot__open")


def test_each_screenshot_is_a_sized_picture_with_webp_widths_and_a_fallback(built):
    for page in (BATTERY, f"fr/{BATTERY}"):
        html = built.html(page)
        images = html.select(".md-content article img, .md-content .md-typeset img")
        assert len(images) == 2, page
        for index, img in enumerate(images):
            assert img["alt"].strip() and img["width"].isdigit() and img["height"].isdigit()
            assert (img.get("loading"), img.get("decoding")) == ((None, None) if index == 0 else ("lazy", "async"))
            source = img.find_parent("picture").find("source")
            assert source["type"] == "image/webp" and source["sizes"] == img["sizes"]
            for candidate in [*source["srcset"].split(", "), *img["srcset"].split(", "), img["src"] + " 0w"]:
                url, width = candidate.rsplit(" ", 1)
                path = built.out / built.resolve(page, url)
                raw = path.read_bytes()
                assert files.sniff(raw) == {"webp": "WEBP", "png": "PNG"}[path.suffix[1:]], url
                if width != "0w":
                    assert Image.open(BytesIO(raw)).width == int(width[:-1]), url
            link = img.find_parent("a")
            assert (built.out / built.resolve(page, link["href"])).is_file()  # without script: the full image
        figures = html.select("figure.hc-shot")
        assert [f.figcaption.get_text() if f.figcaption else None for f in figures] == [
            "The release button" if page == BATTERY else "Le bouton de déverrouillage",
            None,
        ]


def test_a_screen_without_words_only_a_translation_shows_is_published_by_make_site(tmp_path, monkeypatch):
    # make site's language processes each link their own tree's files; the original's tree's are linked by its
    # language's process, which must also link those that only a translation shows.
    monkeypatch.setenv("HC_BUILD_JOBS", "2")  # a process a language, as on any machine with two cores
    drawn = BytesIO()
    Image.new("RGB", (800, 500), (30, 90, 160)).save(drawn, "PNG")
    page = "fr/keys-and-locking/spare-key.html"
    french = (SITES / "screenshots/docs/fr/keys-and-locking/spare-key.md").read_text(encoding="utf-8")
    shown = "\n    ![Le logement de la clé, vu de dessus](spare-key/slot.wordless.png)\n"
    site = new_site(
        tmp_path / "project",
        "screenshots",
        files={
            "docs/en/keys-and-locking/spare-key/slot.wordless.png": drawn.getvalue(),
            "docs/fr/keys-and-locking/spare-key.md": (french.rstrip("\n") + "\n" + shown).encode(),
        },
    )
    assert site.ok, site.output
    slot = next(i for i in site.html(page).select(".md-content img") if i["alt"].startswith("Le logement"))
    source = slot.find_parent("picture").find("source")
    urls = [c.rsplit(" ", 1)[0] for c in [*source["srcset"].split(", "), *slot["srcset"].split(", ")]]
    assert urls and all((site.out / site.resolve(page, url)).is_file() for url in [*urls, slot["src"]]), urls


def test_a_category_page_showing_full_answers_loads_only_its_first_screenshot_at_once(built):
    for page in ("keys-and-locking/index.html", "fr/keys-and-locking/index.html"):
        images = built.html(page).select(".md-content .hc-shot__open img")
        assert len(images) == 3, page  # two answers: 3002's two screenshots, 3099's one
        assert [img.get("loading") for img in images] == [None, "lazy", "lazy"], page


def test_french_pages_show_their_own_screenshot_and_share_the_wordless_one(built):
    en, fr = (built.html(p).select(".hc-shot__open img") for p in (BATTERY, f"fr/{BATTERY}"))
    name = lambda img: img["src"].rsplit("/", 1)[1]  # noqa: E731
    assert name(en[0]) == name(fr[0])  # the wordless image: one file for both languages
    assert name(en[1]) != name(fr[1])
    assert fr[1]["alt"] == "Le couvercle retiré de la clé, la pile visible dessous"


def test_sources_are_not_published_as_they_are(built):
    assert not list(built.out.rglob("cover.png")) and not list(built.out.rglob("*.wordless.png"))


def test_the_build_warns_of_no_screenshot_it_publishes(built):
    # The sources leave MkDocs' files (the site gets their variants): MkDocs must not look each one up and warn.
    assert [line for line in built.output.splitlines() if "WARNING" in line] == []


def test_a_rebuild_encodes_nothing_and_writes_the_same_bytes(built, tmp_path):
    cache = built.root / ".cache" / "images"
    before = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    shots = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (built.out / "assets/shots").iterdir()}
    shard = next(p for p in sorted(cache.iterdir()) if p.is_dir())
    stale = shard / ".partial-999999999-x"  # what a killed build left: its process is gone
    stale.mkdir()
    (stale / "800.webp").write_bytes(b"half")
    again = run_cli(built.root, "build", "--site-dir", str(tmp_path / "again"))
    assert again.returncode == 0, again.stdout + again.stderr
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()} == before
    assert {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (tmp_path / "again/assets/shots").iterdir()
    } == shots
    assert not stale.exists()


def test_a_rebuild_with_a_warm_cache_opens_no_screenshot(built, tmp_path):
    """What the first build learnt of each source (format, size, digest) is kept in the cache: a rebuild reads
    none of them again (their bytes are the slow part of a build with thousands of screenshots)."""
    assert shutil.which("strace"), "strace watches the build's files: make test installs it (apt install strace)"
    trace = tmp_path / "opened"
    command = ["strace", "-f", "-qq", "-e", "trace=open,openat", "-o", str(trace)]
    again = run_cli(built.root, "build", "--site-dir", str(tmp_path / "again"), wrapper=command)
    assert again.returncode == 0, again.stdout + again.stderr
    lines = trace.read_text().splitlines()
    assert [line for line in lines if "/docs/" in line and ".png" in line] == []
    assert [line for line in lines if "/.inspected-" in line] == []  # and writes nothing new of them


def test_a_screenshot_changed_in_place_is_published_anew(make_site):
    site = make_site("screenshots")
    before = {img["src"] for img in site.html(BATTERY).select(".hc-shot__open img")}
    cover = site.root / "docs/en/keys-and-locking/key-battery/cover.png"
    out = BytesIO()
    Image.new("RGB", (640, 400), "orange").save(out, "PNG")
    cover.write_bytes(out.getvalue())
    site.build()
    assert site.ok, site.output
    after = {img["src"] for img in site.html(BATTERY).select(".hc-shot__open img")}
    assert len(after - before) == 1 and "640" in next(iter(after - before))


def test_make_translations_lists_french_articles_still_showing_english_screenshots(make_site):
    site = make_site("screenshots", build=False)
    assert "still showing" not in site.cli("translations").stdout  # the wordless one is no English screenshot
    (site.root / "docs/fr/keys-and-locking/key-battery/cover.png").unlink()
    listed = site.cli("translations").stdout
    assert "docs/fr/keys-and-locking/key-battery.md:16: docs/en/keys-and-locking/key-battery/cover.png" in listed


def test_an_image_whose_header_reads_well_but_cannot_be_decoded_stops_the_build_with_its_file(tmp_path):
    cover = "docs/en/keys-and-locking/key-battery/cover.png"
    raw = (SITES / "screenshots" / cover).read_bytes()
    site = new_site(tmp_path / "project", "screenshots", files={cover: raw[: len(raw) // 2]})  # cut short
    assert not site.ok
    assert cover in site.output and "could not be decoded" in site.output and "Traceback" not in site.output


def test_a_source_over_five_megabytes_is_a_warning_with_its_size(tmp_path):
    # A real screenshot with 5.5 MB of ancillary data (a private PNG chunk any tool may keep): made here,
    # not committed; the fixture folder check-image-too-large holds the other limit, pixels a side.
    cover = "docs/en/keys-and-locking/key-battery/cover.png"
    raw = (SITES / "screenshots" / cover).read_bytes()
    filler = b"\0" * 5_500_000
    chunk = len(filler).to_bytes(4, "big") + b"prVt" + filler + zlib.crc32(b"prVt" + filler).to_bytes(4, "big")
    padded = raw[:-12] + chunk + raw[-12:]  # before IEND
    site = new_site(tmp_path / "project", "screenshots", files={cover: padded}, build=False)
    check = site.cli("check")
    assert f"warning: image '{cover}' is 5.3 MB (over 5 MB); export it smaller" in check.stdout, check.stdout


def test_a_screenshot_deleted_while_the_checks_run_is_a_problem_on_its_line_not_a_traceback(tmp_path):
    # The walk of the trees (images.ondisk) and the reading of each file are apart: a writer's editor or a
    # checkout can remove the file in between. Nothing is kept of it, so the next build looks again.
    from helpcentre.checks import rules
    from helpcentre.content import catalogue
    from helpcentre.images import ondisk

    site = new_site(tmp_path / "project", "screenshots", build=False)
    cat, _ = catalogue.load(site.root, "docs")
    walked = ondisk.walk(site.root, "docs", cat.languages.codes)
    cover = "docs/en/keys-and-locking/key-battery/cover.png"
    (site.root / cover).unlink()
    problems = [str(p) for p in rules.run(site.root, "docs", cat, on_disk=walked).problems if cover in str(p)]
    assert problems and all("could not be read" in p and "build again" in p for p in problems), problems
    gone = str(site.root / cover)
    assert not any(path == gone for path, _size, _mtime in files.inspected())  # not kept: looked at again


def test_each_language_process_warns_of_the_unused_screenshots_its_language_can_show(tmp_path):
    # make site checks each language in its own process: the French one finds only French answers' images and
    # warns only of docs/fr/'s unused files (no other answer can show them); the default language's, which every
    # language's answers can show, is warned of by the English process, which reads every answer.
    from helpcentre.checks import rules
    from helpcentre.content import catalogue

    cover = (SITES / "screenshots" / "docs/en/keys-and-locking/key-battery/cover.png").read_bytes()
    extra = {
        "docs/en/keys-and-locking/key-battery/unused.png": cover,
        "docs/fr/keys-and-locking/key-battery/inutile.png": cover,
    }
    site = new_site(tmp_path / "project", "screenshots", files=extra, build=False)
    cat, _ = catalogue.load(site.root, "docs")

    def unused(only: str | None) -> set[str]:
        found = rules.run(site.root, "docs", cat, only=only).problems
        return {p.path for p in found if "no answer shows this image" in p.message}

    assert unused("fr") == {"docs/fr/keys-and-locking/key-battery/inutile.png"}
    assert unused("en") == unused(None) == set(extra)


@pytest.fixture(scope="module")
def site_markdown():
    """The site's Markdown (mkdocs.yml's extensions) without ``images.alone``, and with it."""
    import markdown
    from mkdocs.config import load_config

    config = load_config(config_file=str(REPO / "mkdocs.yml"))
    made = [
        markdown.Markdown(extensions=[*config.markdown_extensions, *extra], extension_configs=config.mdx_configs)
        for extra in ((), (alone.AloneImages(),))
    ]
    return tuple(made)


_TEXT = st.text(st.sampled_from("aZé 09:.,'\"&<>*_~^=[]()\\`+{}#!/-\t"), max_size=14)
_IMAGE = st.builds(
    lambda alt, src, title, after: f"![{alt}]({src}" + ("" if title is None else f' "{title}"') + ")" + after,
    st.one_of(_TEXT, st.sampled_from(["The sign-in form: choose Continue", "L'écran « Recharge » : choisissez"])),
    st.one_of(st.sampled_from(["form.png", "sign-in/form.wordless.png", "a b.png", "<x.png>", "x.png?v=1"]), _TEXT),
    st.one_of(st.none(), _TEXT, st.just("The form")),
    st.sampled_from(["", "", " ", "{: .wide }", " and text"]),
)
# images.alone tests its blocks before every other processor: the places where another one might have taken it.
_PLACES = (
    "{}\n",
    "1. Open it.\n\n    {}\n\n2. Next.\n",
    "- a\n    {}\n",
    "Text\n\n{}\n\nMore\n",
    "> {}\n",
    "1. {}\n",
    "   {}\n",
    "Text\n{}\n",
    "!!! note\n\n    {}\n",
    '??? note "More"\n    {}\n',
    '=== "App"\n\n    {}\n',
    "Term\n:   {}\n",
    "1. Open it.\n\n    - Then:\n\n        {}\n",
    "| a |\n|---|\n\n{}\n",
    "[^1]: {}\n\nText[^1]\n",
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(image=_IMAGE, place=st.sampled_from(_PLACES))
def test_a_step_screenshot_made_at_once_is_the_html_python_markdown_makes(site_markdown, image, place):
    """``images.alone`` skips the inline patterns for an image alone in its paragraph: the HTML must not change."""
    usual, quick = site_markdown
    document = place.format(image)
    usual.reset()
    quick.reset()
    assert quick.convert(document) == usual.convert(document)


def test_a_step_screenshot_as_writers_write_it_takes_the_quick_way(site_markdown):
    _, quick = site_markdown
    made = quick.parser.blockprocessors["hc_alone_image"]
    quick.reset()
    quick.parser.state.set("detabbed")  # inside a step, as the list's indented block
    try:
        assert made.test(None, '![The sign-in form: enter your email](sign-in/form.png "The form")')
        assert not made.test(None, "![The sign-in form](sign-in/form.png){: .wide }")
    finally:
        quick.parser.state.reset()
