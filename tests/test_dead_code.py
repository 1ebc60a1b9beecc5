"""No dead code in the package: every function, class and method is used by the package itself.

A function that only tests or benchmarks call is not part of the app: it
belongs in tests/ or bench/ (as the gold scoring does, tests/scoring.py).
This walks timeline_app/ with ``ast`` and lists every function, class and
method that no code in the package refers to (by name, attribute or import).
Functions a decorator registers (Flask routes, Dash callbacks, fixtures)
and methods a framework calls on a subclass (an ``HTMLParser``'s
``handle_data``, a WSGI server's hooks) are used by being there; a name
given as a string (``callback("prepare")``) counts as a use.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from collections import Counter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "timeline_app"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def references(trees: dict[Path, ast.Module]) -> Counter:
    """How often each name is read anywhere in the package."""
    counts: Counter = Counter()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Store):
                counts[node.id] += 1
            elif isinstance(node, ast.Attribute):
                counts[node.attr] += 1
            elif isinstance(node, ast.alias):
                counts[node.name.rsplit(".", 1)[-1]] += 1
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.isidentifier():
                counts[node.value] += 1
    return counts


def overrides(module: str, class_name: str, method: str) -> bool:
    """Whether ``method`` overrides a method of a base class (a hook its framework calls)."""
    cls = getattr(importlib.import_module(module), class_name, None)
    return inspect.isclass(cls) and any(method in vars(base) for base in cls.__mro__[1:])


def unused() -> list[str]:
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(PACKAGE.rglob("*.py"))}
    read = references(trees)
    found = []
    for path, tree in trees.items():
        where = path.relative_to(PACKAGE.parent)
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.decorator_list:
                if not read[node.name] and node.name != "main":
                    found.append(f"{where}:{node.lineno}: {node.name}")
            if isinstance(node, ast.ClassDef):
                for member in node.body:
                    if (isinstance(member, ast.FunctionDef) and not member.name.startswith("__")
                            and not read[member.name]
                            and not any(isinstance(d, ast.Call) for d in member.decorator_list)
                            and not overrides(module_name(path), node.name, member.name)):
                        found.append(f"{where}:{member.lineno}: {node.name}.{member.name}")
    return found


KNOWN = {
    "clear_caches": "the extractor's caches emptied for the bench's cold runs (bench/extract.py, bench/propose.py)",
    "extract_path": "mentions of a file or folder for tests and benches; `extract` reads articles its own way",
}
"""Left for the extractor's owner to move out or use (reported, issue 10 point 6); do not add to this."""


def test_every_function_class_and_method_is_used_by_the_package():
    found = [place for place in unused() if place.rsplit(" ", 1)[-1] not in KNOWN]
    assert found == [], "used by nothing in timeline_app/: remove it, or move it to tests/ or bench/"
