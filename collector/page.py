"""The feedback report as a page to look at: ``dist/feedback-report/<lang>/index.html`` for each language.

Reads the ``summary.Summary`` of the store, the catalogue (``Config``) and the texts of each language
(``collector/strings/<lang>.yml``, the same keys in every language); produces one folder per language holding
``index.html`` (helpfulness worst first with reasons and comments, the content gaps per language, views per
article) and ``views-<id>.svg``, the charts of the most read articles drawn by ``charts``. The page loads
nothing from anywhere else and needs no script; Jinja2 escapes every text, so a reader's words stay words.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2
import yaml

from helpcentre.release import sitefolder

from .charts import views_svg
from .config import Config
from .events import REASONS
from .summary import Summary

STRINGS = Path(__file__).with_name("strings")
CHARTS = 20  # the most read articles get a chart; the table lists them all


class Strings:
    """One language's texts: ``t("key", name=value)``; a missing key is an error naming the file."""

    def __init__(self, lang: str):
        self.lang, self.path = lang, STRINGS / f"{lang}.yml"
        self.table = yaml.safe_load(self.path.read_text(encoding="utf-8"))

    def __call__(self, key: str, **values) -> str:
        if key not in self.table:
            raise KeyError(f"{self.path}: no {key!r}; add it to every file of {STRINGS}")
        return str(self.table[key]).format(**values)


@cache
def _template() -> jinja2.Template:
    loader = jinja2.FileSystemLoader(Path(__file__).with_name("templates"))
    env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined)
    return env.get_template("report.html")


def render(config: Config, summary: Summary, lang: str, charts: dict[int, str]) -> str:
    """The page in ``lang``; ``charts`` maps an article to its chart's file name beside the page."""
    t = Strings(lang)
    names = {code: Strings(code)("report.lang_name") for code in config.languages}
    others = [code for code in config.languages if code != lang]

    def percent(share: float) -> str:
        return t("report.percent", n=round(share * 100))

    def titled(article: int, title: str) -> str:
        return config.titles.get((lang, article)) or title or t("report.gone")

    return _template().render(
        t=t,
        lang=lang,
        names=names,
        others=others,
        summary=summary,
        reasons=REASONS,
        languages=config.languages,
        percent=percent,
        titled=titled,
        charts=charts,
        chart_count=CHARTS,
    )


def write(config: Config, summary: Summary, out: Path) -> list[Path]:
    """Every language's folder under ``out``, written aside and then swapped in (never half a report)."""
    pages = []
    out.parent.mkdir(parents=True, exist_ok=True)
    with sitefolder.staged(out) as partial:
        for lang in config.languages:
            folder = partial / lang
            folder.mkdir(parents=True)
            charts = {}
            axis = Strings(lang)("report.views.axis")
            for views in summary.views[:CHARTS]:
                name = f"views-{views.article}.svg"
                (folder / name).write_text(views_svg(views, config.languages, axis), encoding="utf-8")
                charts[views.article] = name
            (folder / "index.html").write_text(render(config, summary, lang, charts), encoding="utf-8")
            pages.append(out / lang / "index.html")
        sitefolder.swap(partial, out)
    return pages
