"""The house a newcomer finds their way in: packages in one order, no import cycle, modules and classes small,
every test file placed in tests/README.md.

Reads the source of ``hooks/helpcentre`` with ``ast`` (imports under ``TYPE_CHECKING`` count like any other),
every other module of ours for its size, README's map of the packages and tests/README.md.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import helpcentre

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "hooks" / "helpcentre"
OURS = ("hooks", "scripts", "benchmarks", "collector", "tests")
MAX_MODULE_LINES = 300
MAX_CLASS_LINES = 120


def _modules() -> dict[str, ast.Module]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return found


def _imports(name: str, tree: ast.Module, known: set[str]) -> set[str]:
    """The modules of ours that ``name`` imports, a ``from package import module`` counted as the module."""
    package = name if name in known and any(k.startswith(name + ".") for k in known) else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in known}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1], base]).strip(".")
            for alias in node.names:
                if f"{base}.{alias.name}" in known:
                    found.add(f"{base}.{alias.name}")
                elif base in known:
                    found.add(base)
    return found - {name}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, tree, set(modules)) for name, tree in modules.items()}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in helpcentre.LAYERS else None


def test_every_package_is_a_layer_and_every_layer_a_package():
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert packages == set(helpcentre.LAYERS)
    for package in packages:
        doc = ast.get_docstring(ast.parse((PACKAGE / package / "__init__.py").read_text(encoding="utf-8")))
        assert doc and len(doc.splitlines()) <= 2, f"{package}/__init__.py: say in two lines what it owns"


def test_imports_run_one_way_through_the_layers():
    upward = []
    for module, imports in _graph().items():
        for imported in imports:
            here, there = _layer(module), _layer(imported)
            if here and there and helpcentre.LAYERS.index(there) > helpcentre.LAYERS.index(here):
                upward.append(f"{module} imports {imported}")
            if here and there is None and imported != "helpcentre":
                upward.append(f"{module} imports {imported}, which belongs to no layer")
    assert not upward, "a lower package imports a higher one:\n" + "\n".join(sorted(upward))


def test_no_import_cycle():
    graph = _graph()
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        for imported in sorted(graph.get(module, ())):
            assert imported not in path, "import cycle: " + " -> ".join([*path, imported])
            if imported not in done:
                visit(imported, (*path, imported))
        done.add(module)

    for module in sorted(graph):
        visit(module, (module,))


def test_modules_and_classes_are_small():
    too_long = []
    # Every module of ours: the package, the MkDocs hooks beside it, the tools, the collector and the tests.
    for path in sorted(p for folder in OURS for p in (ROOT / folder).rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(ROOT)
        if text.count("\n") > MAX_MODULE_LINES:
            too_long.append(f"{rel}: {text.count(chr(10))} lines (at most {MAX_MODULE_LINES})")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > MAX_CLASS_LINES:
                too_long.append(f"{rel}: class {node.name} has {node.end_lineno - node.lineno + 1} lines")
    assert not too_long, "\n".join(too_long)


def test_the_tests_readme_names_every_test_file():
    readme = (ROOT / "tests" / "README.md").read_text(encoding="utf-8")
    assert [p.name for p in sorted((ROOT / "tests").glob("test_*.py")) if f"`{p.name}`" not in readme] == []


def test_readme_maps_the_packages_in_their_order():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = re.findall(r"^\| `hooks/helpcentre/(\w+)/` \|", readme, flags=re.MULTILINE)
    assert named == list(helpcentre.LAYERS)


def test_every_image_readme_shows_exists_and_says_what_it_shows():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    prose = re.sub(r"`[^`\n]*`", "", re.sub(r"^```.*?^```", "", readme, flags=re.MULTILINE | re.DOTALL))
    shown = re.findall(r"!\[([^\]]*)\]\(([^)\s]+)", prose)  # examples in code are not shown
    missing = [path for _, path in shown if not (ROOT / path).is_file()]
    assert not missing, f"README shows images that are not in the repository: {missing}"
    assert not [path for alt, path in shown if len(alt.split()) < 4], "say in the alt text what the image shows"
    editor = {path for _, path in shown if path.startswith("editor/docs/")}
    assert editor == {p.relative_to(ROOT).as_posix() for p in (ROOT / "editor" / "docs").glob("*.png")}
    assert {path.split(".")[-2] for path in editor} == {"en", "fr"}  # the editor's interface in both languages
