"""The pipeline is the folder tree: each step imports only from the steps before it.

    load → model → catalog → render → adapter (MkDocs) | tools (the `cjg` command)

Only the adapter may import MkDocs or Material; tools and the adapter do not import each other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import cjgportaal

PACKAGE = Path(cjgportaal.__file__).parent
LAYERS = ("load", "model", "catalog", "render", "adapter", "tools")
RANK = {"load": 0, "model": 1, "catalog": 2, "render": 3, "adapter": 4, "tools": 4}
ENGINE = ("mkdocs", "material", "properdocs")


def _imports(path: Path, package: Path) -> list[tuple[str, int]]:
    """The modules `path` imports, as absolute dotted names, with their lines."""
    module = ".".join(("cjgportaal", *path.relative_to(package).with_suffix("").parts))
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module.removesuffix(".__init__")
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.append((name, node.lineno))
    return found


def wrong_imports(package: Path) -> list[str]:
    """Every import in `package` that goes up the pipeline, or to MkDocs outside the adapter."""
    wrong = []
    for path in sorted(package.rglob("*.py")):
        where = path.relative_to(package)
        layer = where.parts[0] if len(where.parts) > 1 else ""
        for name, line in _imports(path, package):
            parts = name.split(".")
            if parts[0] in ENGINE and layer != "adapter":
                wrong.append(f"{where}:{line} imports {name}: only adapter/ may use MkDocs")
            if parts[0] != "cjgportaal" or len(parts) < 3 or not layer:
                continue
            target = parts[1]
            if RANK[target] > RANK[layer] or (RANK[target] == RANK[layer] and target != layer):
                wrong.append(f"{where}:{line} imports {name}: {layer}/ may not use {target}/")
    return wrong


def test_every_module_lives_in_a_step_of_the_pipeline() -> None:
    loose = [p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"]
    assert loose == []
    assert sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__") == sorted(LAYERS)


def test_imports_go_down_the_pipeline() -> None:
    assert wrong_imports(PACKAGE) == []


def test_the_check_sees_imports_that_go_up(tmp_path: Path) -> None:
    package = tmp_path / "cjgportaal"
    for layer in LAYERS:
        (package / layer).mkdir(parents=True)
    (package / "model" / "models.py").write_text("from ..render.pages import x\nimport mkdocs\n")
    (package / "tools" / "cli.py").write_text("from cjgportaal.adapter.plugin import CjgPlugin\n")
    (package / "render" / "pages.py").write_text("from ..catalog.catalog import Catalog\nfrom . import urls\n")
    assert wrong_imports(package) == [
        "model/models.py:1 imports cjgportaal.render.pages: model/ may not use render/",
        "model/models.py:2 imports mkdocs: only adapter/ may use MkDocs",
        "tools/cli.py:1 imports cjgportaal.adapter.plugin: tools/ may not use adapter/",
    ]


def test_modules_stay_small_and_the_plugin_thin() -> None:
    sizes = {str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.rglob("*.py")}
    assert {name: size for name, size in sizes.items() if size > 400} == {}
    assert sizes["adapter/plugin.py"] < 150
