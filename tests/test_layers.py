"""The package's layers, read from the source (ast, nothing imported).

Order, lowest first: ``data`` < ``extract`` < ``view`` < ``server`` < ``web``
< the entry points (``cli``, ``commands``, ``serve``, ``wsgi``,
``__main__``).  A module may import its own layer and the ones below, never a
higher one; ``vendor`` is a leaf anyone may use.  ``data`` and ``extract``
import no dash, flask or plotly, so the data core runs (and is tested)
without a web stack.  Every import counts, also one made lazily inside a
function or through ``importlib.import_module("...")``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import timeline_app

PACKAGE = Path(timeline_app.__file__).parent
LAYERS = ("data", "extract", "view", "server", "web", "entry")
ENTRY_POINTS = {"cli", "commands", "serve", "wsgi", "__main__", "__init__"}
WEB_STACK = {"dash", "flask", "plotly"}
NO_WEB_STACK = {"data", "extract"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> str:
    """The layer of a ``timeline_app`` module: its first folder, or ``entry`` at the top."""
    parts = module.split(".")
    if len(parts) == 1:
        return "entry"
    if parts[1] in LAYERS or parts[1] == "vendor":
        return parts[1]
    assert parts[1] in ENTRY_POINTS, f"{module}: a module at the top that is no entry point; give it a layer"
    return "entry"


def imports(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in ``source``, wherever it is in the file."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if node.level and not node.module:
                found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, target))
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None))
              in ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)):
            found.append((node.lineno, node.args[0].value))
    return found


def violations(source: str, module: str, is_package: bool = False) -> list[str]:
    """What ``module`` (its ``source``) imports against the layering rule."""
    layer = layer_of(module)
    wrong = []
    for line, target in imports(source, module, is_package):
        top = target.split(".")[0]
        if layer in NO_WEB_STACK and top in WEB_STACK:
            wrong.append(f"{module}:{line}: the {layer} layer imports {target}")
        if top != "timeline_app" or target == "timeline_app":
            continue
        other = layer_of(target)
        if other == "vendor":
            continue
        if layer == "vendor" or LAYERS.index(other) > LAYERS.index(layer):
            wrong.append(f"{module}:{line}: {layer} imports {target} ({other} is above it)")
    return wrong


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_keeps_to_its_layer(path):
    assert violations(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py") == []


def test_every_layer_is_walked():
    assert {layer_of(module_name(p)) for p in MODULES} >= set(LAYERS) | {"vendor"}


@pytest.mark.parametrize("source, module, problem", [
    ("def f():\n    import plotly.graph_objects as go\n", "timeline_app.data.categories", "imports plotly"),
    ("from flask import g\n", "timeline_app.extract.extractor", "imports flask"),
    ("from ..view.figure import timeline_payload\n", "timeline_app.data.live", "view is above it"),
    ("from ..web import filters\n", "timeline_app.view.figure", "web is above it"),
    ("from .. import commands\n", "timeline_app.web.app", "entry is above it"),
    ("import importlib\nimportlib.import_module('timeline_app.web.app')\n", "timeline_app.server.security",
     "web is above it"),
    ("from ...web.filters import x\n", "timeline_app.data.sub.mod", "web is above it"),
    ("from ..data import live\n", "timeline_app.vendor.x", "vendor imports"),
])
def test_a_wrong_import_is_caught(source, module, problem):
    assert any(problem in v for v in violations(source, module)), violations(source, module)


@pytest.mark.parametrize("source, module", [
    ("from ..data.catalog import Catalog\nimport dash\n", "timeline_app.web.app"),
    ("from ..vendor import x\n", "timeline_app.data.live"),
    ("from .web.app import create_app\n", "timeline_app.wsgi"),
    ("from .live import LiveDataset\n", "timeline_app.data.catalog"),
])
def test_a_right_import_passes(source, module):
    assert violations(source, module) == []
