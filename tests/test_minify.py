"""The browser scripts as shipped: every page's widgets, ES modules in overrides/assets/hc/helpcentre/, joined
into one classic script that runs where modules cannot (a file:// copy of the site)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from helpcentre.pages import minify

HC = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "hc"
node = pytest.mark.skipif(shutil.which("node") is None, reason="Node.js runs the joined script")


def _run(script: Path) -> str:
    return subprocess.run(["node", str(script)], capture_output=True, text=True, check=True).stdout


@node
def test_modules_joined_run_as_one_classic_script_each_once_in_order(tmp_path):
    (tmp_path / "shared.js").write_text("export const said = [];\nexport function say(w) { said.push(w); }\n")
    (tmp_path / "a.js").write_text(
        'import { say } from "./shared.js";\nsay("a");\nexport function a() { return "A"; }\n'
    )
    (tmp_path / "main.js").write_text(
        'import { a } from "./a.js";\nimport { said, say } from "./shared.js";\n'
        "/* a comment the shipped script leaves out */\nsay(a() ? 'A' : '');\nconsole.log(said.join(' '));\n"
    )
    joined = tmp_path / "joined.js"
    joined.write_text(minify.bundle(tmp_path / "main.js"))
    assert _run(joined) == "a A\n"  # shared.js ran once, before a.js, which ran before main.js
    assert "comment" not in joined.read_text()


@pytest.mark.parametrize(
    "line",
    ["export default function x() {}", 'import { a as b } from "./shared.js";', "console.log(import.meta.url);"],
)
def test_module_syntax_a_classic_script_cannot_hold_stops_the_build_naming_the_file(tmp_path, line):
    (tmp_path / "shared.js").write_text("export const a = 1;\n")
    (tmp_path / "main.js").write_text(line + "\n")
    with pytest.raises(minify.BundleError, match=r"main\.js"):
        minify.bundle(tmp_path / "main.js")


@node
def test_the_shipped_widgets_script_is_plain_javascript(tmp_path):
    # A browser reads helpcentre.js as a classic script: any import or export left in it is a syntax error there.
    shipped = tmp_path / "helpcentre.js"
    shipped.write_text(minify.bundle(HC / "helpcentre" / "main.js"))
    subprocess.run(["node", "--check", str(shipped)], check=True)
    assert len(shipped.read_bytes()) < 9_000  # every page loads it before any search (make bench's budget)


def test_the_shipped_stylesheets_are_minified_with_the_cars_rules_once(site):
    shipped = site.out / "assets" / "hc"
    for source in sorted(p for p in HC.glob("*.css") if p.name != "preview.css"):  # the preview's own
        text = (shipped / source.name).read_text(encoding="utf-8")
        assert "/* " not in text and len(text) < len(source.read_text(encoding="utf-8")), source.name
    every_page = (shipped / "helpcentre.css").read_text(encoding="utf-8")
    assert every_page.count("/*!cars*/") == 1 and every_page.count("[data-hc-car~=os9] [data-car=os9]") == 1
