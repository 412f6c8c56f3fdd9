"""Timing one build and weighing what it wrote.

Reads a built site folder (HTML pages, their ``<script src>`` and ``<link rel=stylesheet>``, Material's
``__config``, our ``data-bundle`` attributes, the search assets) and a cProfile dump of one build.
Produces frozen values: ``BuildRun`` (wall time, peak memory of the build process), ``SiteSize``,
``PageWeight`` (an article page's HTML and the JS+CSS it loads), ``SearchWeight`` (a language's search
index and an estimate of what a first query downloads) and ``ProfileSummary`` (time in our hooks).
"""

from __future__ import annotations

import dataclasses
import json
import os
import posixpath
import pstats
import re
import subprocess
import sys
import sysconfig
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

OURS, REFERENCE = "A", "B"
# A again, in one process (HC_BUILD_JOBS=1): what `make site` falls back to on one core.
SEQUENTIAL = "A1"
# Our search.js reads the data (title, excerpt) of 10 results per query; Pagefind's own UI reads 5.
FRAGMENTS_PER_QUERY = 10
MAX_LOG = 4000


# -- running a build ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuildRun:
    wall_s: float
    peak_rss_mb: float  # the largest single build process's peak resident memory (exact, from getrusage)
    tree_peak_mb: float  # peak of the build and all its children together (e.g. the Pagefind binary), sampled
    returncode: int
    output: str  # the end of stdout + stderr, for error messages
    load_after: float = 0.0  # the machine's 1-minute load average when the build ended (2 cores: 2.0 is full)

    @property
    def memory_mb(self) -> float:
        return max(self.peak_rss_mb, self.tree_peak_mb)


MEMORY_MARK = "bench-maxrss-mb="
# Runs a module like `python -m` does (the current folder first on sys.path), then prints the peak memory
# of the largest single process: this one, or one of the MkDocs processes it ran (our build runs one per
# language). wait4's figure for this process would fold in children, whose peak includes the parent's.
_WITH_MEMORY = f"""
import resource, runpy, sys
sys.argv = sys.argv[1:]
try:
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
finally:
    own = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
    print(f"\\n{MEMORY_MARK}{{own:.1f}}", flush=True)
"""
SAMPLE_EVERY_S = 0.5
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


def build_env(project: Path, variant: str) -> dict[str, str]:
    """Each project imports only its own code: ours its copied hooks, the reference nothing of ours."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("HC_BUILD_JOBS", None)  # ours: as many processes as the machine has cores, as `make site`
    if variant in (OURS, SEQUENTIAL):
        env["PYTHONPATH"] = str(project / "hooks")
    if variant == SEQUENTIAL:
        env["HC_BUILD_JOBS"] = "1"
    return env


def mkdocs_args(project: Path, out: Path) -> list[str]:
    """One MkDocs build, as the reference is built and as the profile and preview run ours."""
    config = project.resolve() / "mkdocs.yml"
    return ["build", "--strict", "--clean", "-f", str(config), "-d", str(out)]


def timed_command(project: Path, out: Path, variant: str) -> list[str]:
    """Ours: what `make site` runs (helpcentre.cli build); the reference: MkDocs itself."""
    if variant == REFERENCE:
        return [sys.executable, "-c", _WITH_MEMORY, "mkdocs", *mkdocs_args(project, out)]
    cli = ["helpcentre.cli", "--root", str(project.resolve()), "build", "--site-dir", str(out)]
    return [sys.executable, "-c", _WITH_MEMORY, *cli]


def differing_files(first: Path, second: Path) -> list[str]:
    """Files (relative paths) present in only one of two site folders or different in bytes."""

    def listing(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}

    names_a, names_b = listing(first), listing(second)
    same_names = sorted(names_a & names_b)
    changed = [n for n in same_names if (first / n).read_bytes() != (second / n).read_bytes()]
    return sorted((names_a ^ names_b) | set(changed))


def profiled_command(project: Path, out: Path, dump: Path) -> list[str]:
    return [sys.executable, "-m", "cProfile", "-o", str(dump), "-m", "mkdocs", *mkdocs_args(project, out)]


# helpcentre.searchindex.RECORDS_VARIABLE; the bench imports nothing of the code it measures.
RECORDS_VARIABLE = "HC_SEARCH_RECORDS"
HOOKS_MARK = "bench-hooks-s="
EVENTS_MARK = "bench-hooks-events="
# MkDocs in one process with a clock around each event function defined under the given folder (our
# hooks), not a profiler: cProfile slows pure-Python code several times more than MkDocs' C-backed parts,
# so its shares are only indicative. As `make site` builds (helpcentre.cli): the hooks save the search
# records, and Pagefind indexes them once MkDocs has ended, timed apart. Prints the seconds in our events,
# the wall time of the whole build and the seconds of the indexing.
_TIMING_HOOKS = f"""
import functools, json, os, runpy, sys, tempfile, time
from pathlib import Path
from mkdocs import plugins
from helpcentre import LANGUAGES, searchindex
hooks_dir, site_dir, sys.argv = sys.argv[1], Path(sys.argv[2]), sys.argv[3:]
spent = [0.0]
events = {{}}
register = plugins.PluginCollection._register_event
def timed(method, name):
    @functools.wraps(method)
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            took = time.perf_counter() - start
            spent[0] += took
            events[name] = events.get(name, 0.0) + took
    return run
def _register_event(self, event_name, method, plugin_name=None):
    code = getattr(method, "__code__", None)
    if code is not None and code.co_filename.startswith(hooks_dir):
        method = timed(method, event_name)
    return register(self, event_name, method, plugin_name=plugin_name)
plugins.PluginCollection._register_event = _register_event
start = time.perf_counter()
with tempfile.TemporaryDirectory(dir=searchindex.scratch_dir()) as records:
    os.environ[searchindex.RECORDS_VARIABLE] = records
    try:
        runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        if exc.code:
            raise
    began = time.perf_counter()
    for lang in LANGUAGES:
        searchindex.index_saved(Path(records), lang, site_dir)
    indexing = time.perf_counter() - began
print(f"\\n{EVENTS_MARK}{{json.dumps(events)}}", flush=True)
print(f"\\n{HOOKS_MARK}{{spent[0]:.3f}} {{time.perf_counter() - start:.3f}} {{indexing:.3f}}", flush=True)
"""


def hooks_timed_command(project: Path, out: Path) -> list[str]:
    hooks = str((project / "hooks").resolve()) + os.sep
    return [sys.executable, "-c", _TIMING_HOOKS, hooks, str(out), "mkdocs", *mkdocs_args(project, out)]


def hooks_timing(output: str) -> tuple[float, float, float] | None:
    """(seconds in our hooks' events, wall seconds of the build, seconds of Pagefind's indexing after
    MkDocs) from ``hooks_timed_command``'s output."""
    found = re.search(re.escape(HOOKS_MARK) + r"([0-9.]+) ([0-9.]+) ([0-9.]+)", output)
    return (float(found.group(1)), float(found.group(2)), float(found.group(3))) if found else None


def hooks_events(output: str) -> dict[str, float]:
    """Seconds in our hooks per MkDocs event (``on_`` left off), largest first, from the same output."""
    found = re.search(re.escape(EVENTS_MARK) + r"(\{.*\})", output)
    events = json.loads(found.group(1)) if found else {}
    return {name: round(seconds, 3) for name, seconds in sorted(events.items(), key=lambda e: -e[1])}


def run_process(command: list[str], env: dict[str, str], cwd: Path, log: Path, timeout: float) -> BuildRun:
    """Run ``command`` to completion, sampling the memory of its process tree meanwhile."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=sink, stderr=subprocess.STDOUT)
        status, usage, tree_peak = _wait(process, timeout)
        wall = time.perf_counter() - start
    text = log.read_bytes().decode("utf-8", "replace")
    return BuildRun(
        wall_s=wall,
        peak_rss_mb=_reported_memory(text, usage.ru_maxrss / 1024),
        tree_peak_mb=tree_peak,
        returncode=os.waitstatus_to_exitcode(status),
        output=text[-MAX_LOG:],
        load_after=os.getloadavg()[0],
    )


def _wait(process: subprocess.Popen, timeout: float) -> tuple[int, object, float]:
    """Wait for ``process`` (checked every 50 ms), sampling its tree's memory every SAMPLE_EVERY_S."""
    deadline = time.monotonic() + timeout
    next_sample, peak = 0.0, 0.0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            return status, usage, peak
        now = time.monotonic()
        if now >= next_sample:
            peak = max(peak, tree_rss_mb(process.pid))
            next_sample = now + SAMPLE_EVERY_S
        if now > deadline:
            process.kill()
        time.sleep(0.05)


def tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and all its descendants now, from /proc (0 where there is no /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text[text.rfind(")") + 2 :].split()
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            total += int((Path("/proc") / str(pid) / "statm").read_text().split()[1]) * PAGE_BYTES
        except (OSError, IndexError, ValueError):
            continue
    return total / 2**20


def _reported_memory(text: str, fallback_mb: float) -> float:
    for line in reversed(text.splitlines()):
        if line.startswith(MEMORY_MARK):
            return float(line[len(MEMORY_MARK) :])
    return fallback_mb


# -- weighing the output -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteSize:
    pages: int  # HTML files
    files: int
    total_bytes: int


def site_size(out: Path) -> SiteSize:
    files = [p for p in out.rglob("*") if p.is_file()]
    return SiteSize(
        pages=sum(p.suffix == ".html" for p in files),
        files=len(files),
        total_bytes=sum(p.stat().st_size for p in files),
    )


class _PageParser(HTMLParser):
    """The assets a page asks for and the bits of configuration search scripts read."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.bundles: list[str] = []
        self.merges: list[str] = []  # the entry files of the bundles search.js merges into the first
        self.material_config = ""
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
        if tag == "script" and a.get("id") == "__config":
            self._in_config = True
        if tag == "link" and "stylesheet" in a.get("rel", "").split() and a.get("href"):
            self.styles.append(a["href"])
        if a.get("data-bundle"):
            self.bundles.append(a["data-bundle"])
            self.merges = a.get("data-merge", "").split()

    def handle_endtag(self, tag: str) -> None:
        self._in_config = False

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.material_config += data


def parse_page(out: Path, page: str) -> _PageParser:
    parser = _PageParser()
    parser.feed((out / page).read_text(encoding="utf-8"))
    return parser


def resolve(page: str, href: str) -> str | None:
    """The site path ``href`` on ``page`` points at, or None for another host."""
    if href.startswith(("http:", "https:", "//", "data:")):
        return None
    path = href.split("#")[0].split("?")[0]
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


@dataclass(frozen=True)
class PageWeight:
    page: str
    html_bytes: int
    js_bytes: int
    css_bytes: int
    assets: tuple[tuple[str, int], ...]  # (site path, bytes) of each script and stylesheet
    missing: tuple[str, ...]  # referenced but not in the site
    external: tuple[str, ...]  # loaded from another host

    @property
    def js_css_bytes(self) -> int:
        return self.js_bytes + self.css_bytes


def page_weight(out: Path, page: str) -> PageWeight:
    parsed = parse_page(out, page)
    sizes: dict[str, int] = {}
    missing, external = [], []
    js = css = 0
    for kind, hrefs in (("js", parsed.scripts), ("css", parsed.styles)):
        for href in hrefs:
            target = resolve(page, href)
            if target is None:
                external.append(href)
                continue
            if not (out / target).is_file():
                missing.append(target)
                continue
            size = (out / target).stat().st_size
            sizes[target] = size
            js, css = (js + size, css) if kind == "js" else (js, css + size)
    return PageWeight(
        page=page,
        html_bytes=(out / page).stat().st_size,
        js_bytes=js,
        css_bytes=css,
        assets=tuple(sorted(sizes.items())),
        missing=tuple(missing),
        external=tuple(external),
    )


@dataclass(frozen=True)
class SearchWeight:
    engine: str  # "pagefind", "lunr" (Material's search plugin) or "none"
    location: str  # the index's folder or file, site-relative
    index_bytes: int  # everything the engine may download for this language
    index_files: int
    shared_languages: tuple[str, ...]  # languages whose pages load this same index
    first_query_bytes: int  # estimate from the files (upper bound for Pagefind), see first_query_files
    first_query_files: tuple[str, ...]
    problems: tuple[str, ...] = ()  # e.g. empty or unreadable files in the bundle


NO_SEARCH = SearchWeight("none", "", 0, 0, (), 0, ())


def is_search_asset(path: str) -> bool:
    """A file that only search needs: a Pagefind bundle, lunr, or a file named after search."""
    path = "/" + path.lstrip("/")
    return "/pagefind/" in path or "/lunr/" in path or "search" in posixpath.basename(path)


def search_weight(out: Path, page: str) -> SearchWeight:
    """What the search of ``page``'s language weighs: a Pagefind bundle named by our ``data-bundle``
    attributes, else Material's search index named by its ``__config``. The first query also counts the
    page's own search scripts (e.g. our search.js), though the page loaded them before any search."""
    parsed = parse_page(out, page)
    weight = NO_SEARCH
    for href in parsed.bundles:
        target = resolve(page, href)
        if target and (out / target).is_file():
            merged = [posixpath.dirname(m) for m in (resolve(page, e) for e in parsed.merges) if m]
            weight = pagefind_weight(out, posixpath.dirname(target), merged)
            break
    else:
        if parsed.material_config and json.loads(parsed.material_config).get("search"):
            weight = lunr_weight(out, page, json.loads(parsed.material_config))
    scripts = [t for t in (resolve(page, src) for src in parsed.scripts) if t and is_search_asset(t)]
    extra = [t for t in scripts if t not in weight.first_query_files]
    return dataclasses.replace(
        weight,
        first_query_bytes=weight.first_query_bytes + sum(_size(out, rel) for rel in extra),
        first_query_files=weight.first_query_files + tuple(extra),
    )


def _size(out: Path, rel: str) -> int:
    path = out / rel
    return path.stat().st_size if path.is_file() else 0


def pagefind_weight(out: Path, bundle: str, merged: list[str] | None = None) -> SearchWeight:
    """A Pagefind bundle and the bundles merged into it. First query, as an upper bound: the loader, the
    entry file, the language's WebAssembly and the metadata of the first bundle; the entry file, the
    metadata and the largest index chunk of every bundle; the largest result fragments of them all."""
    bundles = [bundle, *(merged or [])]
    files = [p for b in bundles for p in (out / b).rglob("*") if p.is_file()]
    problems = [f"empty file {p.relative_to(out).as_posix()}" for p in files if p.stat().st_size == 0]
    chosen: list[str] = []
    languages: set[str] = set()
    for number, folder in enumerate(bundles):
        root = out / folder
        try:
            entry = json.loads((root / "pagefind-entry.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            problems.append(f"{folder}/pagefind-entry.json unreadable: {type(exc).__name__}: {exc}")
            entry = {}
        languages.update(entry.get("languages", {}))
        lang_info = next(iter(entry.get("languages", {}).values()), {})
        names = ["pagefind-entry.json", f"pagefind.{lang_info.get('hash', '')}.pf_meta"]
        if number == 0:
            names += ["pagefind.js", "pagefind-worker.js", f"wasm.{lang_info.get('wasm') or 'unknown'}.pagefind"]
        chosen += [f"{folder}/{n}" for n in names if (root / n).is_file()]
        chunks = sorted(root.rglob("*.pf_index"), key=lambda p: p.stat().st_size, reverse=True)
        chosen += [p.relative_to(out).as_posix() for p in chunks[:1]]
    fragments = sorted((p for p in files if p.suffix == ".pf_fragment"), key=lambda p: p.stat().st_size, reverse=True)
    chosen += [p.relative_to(out).as_posix() for p in fragments[:FRAGMENTS_PER_QUERY]]
    return SearchWeight(
        engine="pagefind",
        location=" + ".join(b + "/" for b in bundles),
        index_bytes=sum(p.stat().st_size for p in files),
        index_files=len(files),
        shared_languages=tuple(sorted(languages)),
        first_query_bytes=sum(_size(out, rel) for rel in chosen),
        first_query_files=tuple(chosen),
        problems=tuple(problems[:20]),
    )


def lunr_weight(out: Path, page: str, config: dict) -> SearchWeight:
    """Material's search: one JSON index (static-i18n puts every language in it), the worker and the
    lunr language files the worker imports; a first query needs all of them."""
    base = posixpath.normpath(posixpath.join(posixpath.dirname(page), config.get("base", ".")))
    index = posixpath.normpath(posixpath.join(base, "search/search_index.json"))
    worker = resolve(page, config["search"]) or ""
    langs: list[str] = []
    if (out / index).is_file():
        langs = json.loads((out / index).read_text(encoding="utf-8")).get("config", {}).get("lang", [])
    lunr = posixpath.normpath(posixpath.join(posixpath.dirname(worker), "..", "lunr", "min"))
    extra = [f"{lunr}/lunr.{lang}.min.js" for lang in langs if lang != "en"]
    extra += [f"{lunr}/lunr.multi.min.js"] if len(langs) > 1 else []
    extra = [f"{lunr}/lunr.stemmer.support.min.js", *extra] if extra else []
    chosen = [index, worker, *extra]
    return SearchWeight(
        engine="lunr",
        location=index,
        index_bytes=_size(out, index),
        index_files=1,
        shared_languages=tuple(langs),
        first_query_bytes=sum(_size(out, rel) for rel in chosen),
        first_query_files=tuple(chosen),
    )


# -- profiling ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProfileSummary:
    total_s: float
    hooks_s: float  # time spent inside our hooks (entries from MkDocs, cumulative)
    groups: tuple[tuple[str, float], ...]  # (part of the build, cumulative seconds); parts may overlap
    top_hooks: tuple[tuple[str, float], ...]  # our functions with the most cumulative time

    @property
    def hooks_share(self) -> float:
        return self.hooks_s / self.total_s if self.total_s else 0.0


def _function_name(func: tuple[str, int, str]) -> str:
    filename, line, name = func
    return f"{Path(filename).name}:{line}({name})"


STDLIB = sysconfig.get_paths()["stdlib"] + os.sep
# Libraries our code calls that call our code back (YAML constructors, asyncio tasks, re.sub callbacks):
# a call from them into a group is a re-entry from inside the group's own time, not a new entry.
CALLBACK_LIBRARIES = (f"{os.sep}yaml{os.sep}", f"{os.sep}pagefind{os.sep}")


def _is_host(func: tuple[str, int, str], inside) -> bool:
    """A caller that really enters a group: not in it, not a builtin, the standard library or a callback library."""
    filename = func[0]
    if inside(func) or filename == "~" or filename.startswith("<") or filename.startswith(STDLIB):
        return False
    return not any(library in filename for library in CALLBACK_LIBRARIES)


def entry_time(stats: dict, inside, roots: frozenset[str] = frozenset()) -> float:
    """Cumulative time of the calls into a group from the code that hosts it (MkDocs, plugins, templates,
    Markdown...), so nested calls and callbacks are not counted twice; plus the module-level code of the
    ``roots`` files (a hook file's import). Groups that call each other (our hooks render a template,
    templates call our string table) still overlap."""
    total = 0.0
    for func, (_cc, _nc, _tt, ct, callers) in stats.items():
        if not inside(func):
            continue
        if func[2] == "<module>" and func[0] in roots:
            total += ct
            continue
        total += sum(row[3] for caller, row in callers.items() if _is_host(caller, inside))
    return total


# Imports Pagefind's Python API, or runs its command (`python -m pagefind`).
_DRIVES_PAGEFIND = re.compile(r"^\s*(?:from|import)\s+pagefind\b|\"-m\",\s*\"pagefind\"", re.MULTILINE)


def search_index_modules(hooks: Path) -> set[str]:
    """Our modules that drive Pagefind: their time is the search indexing."""
    return {
        str(path.resolve())
        for path in hooks.rglob("*.py")
        if _DRIVES_PAGEFIND.search(path.read_text(encoding="utf-8", errors="replace"))
    }


def profile_summary(dump: Path, project: Path) -> ProfileSummary:
    profile = pstats.Stats(str(dump))
    stats = profile.stats
    hooks_dir = (project / "hooks").resolve()
    hooks = str(hooks_dir) + os.sep
    overrides = str((project / "overrides").resolve()) + os.sep
    indexing = search_index_modules(hooks_dir)
    hook_files = frozenset(str(p) for p in hooks_dir.glob("*.py"))  # what mkdocs.yml's `hooks:` loads

    def under(*parts: str):
        return lambda func: any(part in func[0] for part in parts)

    def ours(func: tuple[str, int, str]) -> bool:
        return func[0].startswith(hooks)

    def indexing_module(func: tuple[str, int, str]) -> bool:
        return func[0] in indexing

    def called_by_our_hooks(func: tuple[str, int, str]) -> bool:
        return ours(func) and not indexing_module(func)

    groups = (
        ("our hooks", entry_time(stats, ours, hook_files)),
        ("search indexing (our modules that drive Pagefind)", _calls_from(stats, indexing_module, called_by_our_hooks)),
        (
            "Markdown conversion (Python-Markdown + pymdownx)",
            entry_time(stats, under(f"{os.sep}markdown{os.sep}", f"{os.sep}pymdownx{os.sep}")),
        ),
        (
            "Jinja templates (Material's and ours)",
            entry_time(stats, under(f"{os.sep}jinja2{os.sep}", ".html", overrides)),
        ),
    )
    measured = tuple((name, round(seconds, 3)) for name, seconds in groups)
    mine = [(func, row[3]) for func, row in stats.items() if ours(func)]
    top = tuple((_function_name(f), round(ct, 3)) for f, ct in sorted(mine, key=lambda x: -x[1])[:8])
    return ProfileSummary(total_s=profile.total_tt, hooks_s=measured[0][1], groups=measured, top_hooks=top)


def _calls_from(stats: dict, inside, callers_in) -> float:
    """Cumulative time of the calls into ``inside`` made directly by ``callers_in``."""
    return sum(
        row[3]
        for func, (_cc, _nc, _tt, _ct, callers) in stats.items()
        if inside(func)
        for caller, row in callers.items()
        if callers_in(caller)
    )
